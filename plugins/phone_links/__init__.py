"""Phone numbers that a phone can call or text with one tap, everywhere in the text readers see.

- ``HTML_FILTERS``: in every body (posts, pages, services, events, guides),
  after the sanitiser, a number becomes a ``tel:`` link, or ``sms:`` when the
  words before it are about texting (see :mod:`.links`);
- the ``phone_links`` template filter does the same for plain fields
  (an event's ``registration``, a service's ``how_to_access``…).

Numbers are read for ``PHONE_REGION`` (a two-letter country code; by default
``SERVICE_REGION``'s country, else CA), so local numbers need no ``+1``.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from pelican import signals
from pelican.generators import Generator

from relais.content import Entry
from relais.digest import pure

from .links import link_phone_numbers

DEFAULT_REGION = "CA"


def phone_region(settings: dict[str, Any]) -> str:
    region = settings.get("PHONE_REGION") or (settings.get("SERVICE_REGION") or {}).get("country") or DEFAULT_REGION
    return str(region).upper()


def phone_links_in_body(html: str, entry: Entry, site: Any) -> str:
    return link_phone_numbers(html, phone_region(site.settings))


def install_filter(generator: Generator) -> None:
    region = phone_region(generator.settings)

    def phone_links(text: Any) -> Markup:
        """A plain field's text, escaped, with its phone numbers linked."""
        return Markup(link_phone_numbers(str(escape(text)), region))

    generator.env.filters["phone_links"] = pure(phone_links)


HTML_FILTERS = (phone_links_in_body,)


def register() -> None:
    signals.generator_init.connect(install_filter)
