"""Services: listings with schedules and locations, a directory and a weekly timetable.

Services are a content type (content/services/*.md).  Each published
service gets a page; each language gets a directory grouped by category and
a timetable of the week.  A confidential location must carry nothing that
locates it (see :mod:`.confidential`).
"""

from __future__ import annotations

from pelican import signals

from relais.content_types import ContentType

from .checks import SERVICE_CHECKS, check_services
from .generator import get_generators, install_filters
from .schema import LISTED_STATUSES, UNLISTED_STATUSES, Service
from .status import notice_endings

SERVICE = ContentType(
    "service",
    "services",
    Service,
    checks=SERVICE_CHECKS,
    published_statuses=LISTED_STATUSES,
    unpublished_statuses=UNLISTED_STATUSES,
)

CONTENT_TYPES = (SERVICE,)
STATUS_ENDINGS = (notice_endings,)
SOURCE_CHECKS = (check_services,)
THEME_SLOTS = {"menu": ["partials/services_menu.html"]}


def register() -> None:
    signals.generator_init.connect(install_filters)
    signals.get_generators.connect(get_generators)
