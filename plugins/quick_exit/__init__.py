"""Quick exit, after the GOV.UK "Exit this page" pattern.

Every page (the root language chooser and the 404 too) starts with a red
"Exit this page" link to a neutral site (``QUICK_EXIT_URL``), which works as
a plain link without JavaScript.  ``theme/static/js/quick-exit.js`` adds the
rest: the page is blanked at once, Shift pressed three times does the same
with a visible and spoken countdown, and the page is replaced in the
history.  The safety page (``QUICK_EXIT_SAFETY_PAGE``, a translation_key of
content/pages/) explains what this does and does not do; it is linked next
to the button and in the footer.
"""

from __future__ import annotations

import functools

from languages.languages import translation_structure
from pelican import signals
from pelican.generators import Generator

from relais.digest import pure, reads

from .settings import exit_url, missing_safety_pages, safety_page_url

THEME_SLOTS = {
    "head": ["partials/quick_exit_script.html"],
    "page_top": ["partials/quick_exit.html"],
    "footer": ["partials/safety_footer.html"],
}
SOURCE_CHECKS = (missing_safety_pages,)


def install(generator: Generator) -> None:
    site = generator.settings.get("RELAIS")
    if site is None:
        return
    generator.env.globals.update(
        quick_exit_url=pure(functools.partial(exit_url, generator.settings)),
        # Which safety page a language has: the entries on the site, their languages and keys.
        safety_page_url=reads(
            functools.partial(safety_page_url, site, generator.settings), functools.partial(translation_structure, site)
        ),
    )


def register() -> None:
    signals.generator_init.connect(install)
