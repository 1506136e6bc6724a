"""What ``publish.py status`` says about forum announcements: those that stop being offered soon, or just did."""

from __future__ import annotations

from relais.clock import last_moment
from relais.i18n import _
from relais.site import Site
from relais.status import Ending, endings_of

from .collect import announce_fields


def announcement_endings(site: Site) -> list[Ending]:
    zone = site.config.zone
    rows = []
    for entry in site.index.entries:
        fields, _location = announce_fields(entry)
        if fields is not None and fields.until is not None and site.index.is_published(entry):
            rows.append((entry, "announcement", _("forum announcement"), last_moment(fields.until, zone)))
    return endings_of(rows)
