"""RSS 2.0 and Atom feeds per language and category, written with feedgen.

Other plugins add feeds by declaring ``FEEDS`` (see :mod:`feeds.model`).
"""

from .plugin import public_address_is_set, register

SOURCE_CHECKS = (public_address_is_set,)
# The words of the feeds' addresses (feeds/all.atom.xml, feeds/categories/…),
# which LANGUAGES' url_words may translate (see relais.url_words).
ADDRESS_WORDS = ("feeds", "all", "categories")
THEME_SLOTS = {"head": ["partials/feeds_head.html"], "footer": ["partials/feeds_footer.html"]}

__all__ = ["register"]
