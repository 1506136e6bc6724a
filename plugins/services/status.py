"""What ``publish.py status`` says about services: notices that end soon or have just ended."""

from __future__ import annotations

from relais.i18n import _
from relais.site import Site
from relais.status import Ending, endings_of


def notice_endings(site: Site) -> list[Ending]:
    zone = site.config.zone
    return endings_of(
        (entry, "service notice", _("service notice"), entry.data.alert.ends(zone))
        for entry in site.index.published("service")
        if entry.data.alert is not None
    )
