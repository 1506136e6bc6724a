"""The theme's own words, dates and times, in the language of each run.

``PAGE_FILTERS``: the spaces each language keeps unbroken (« », before
``:`` in French, inside times), in every page (see :mod:`.typography`).
"""

from .theme_i18n import register
from .typography import keep_together

PAGE_FILTERS = (keep_together,)

__all__ = ["PAGE_FILTERS", "register"]
