"""Site search with Pagefind: one index per language, loaded only on the search page.

- :class:`~.page.SearchPage` writes ``SEARCH_SAVE_AS`` (``/en/search/``) in
  each language: a search form over a plain list of every post, which is all
  a reader without JavaScript gets (and all they need, with Find in page);
- after every language is built (``finalized``, outermost run), Pagefind
  indexes each language's pages into ``/<lang>/pagefind/``;
- ``theme/static/js/search.js``, loaded by the search page only, queries it in
  the reader's browser: nothing typed leaves their device.

Pages about one item (posts, pages, later services and guides: the templates
that set ``page_item``) mark their ``<main>`` with ``data-pagefind-body``;
listings are not indexed, so results lead to content.
"""

from __future__ import annotations

from languages.languages import is_outermost
from pelican import Pelican, signals

from .indexing import build_indexes
from .page import SearchPage

THEME_SLOTS = {"menu": ["partials/search_menu.html"]}


def get_generators(pelican: Pelican) -> type[SearchPage]:
    return SearchPage


def index_after_all_languages(pelican: Pelican) -> None:
    if is_outermost(pelican.settings):
        build_indexes(pelican.settings, pelican.output_path)


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_after_all_languages)
