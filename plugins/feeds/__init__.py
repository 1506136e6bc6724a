"""RSS 2.0 and Atom feeds per language and category, written with feedgen.

Other plugins add feeds by declaring ``FEEDS`` (see :mod:`feeds.model`).
"""

from .plugin import public_address_is_set, register

SOURCE_CHECKS = (public_address_is_set,)
THEME_SLOTS = {"head": ["partials/feeds_head.html"], "footer": ["partials/feeds_footer.html"]}

__all__ = ["register"]
