"""The lookup's index: every report on the site in one language, as a small JSON file the reader's browser searches.

Nothing is sent anywhere: the page's script fetches this file from the site
itself once, then compares what the reader types with each report's phone
numbers (digits only), plates (letters and digits only) and words (folded),
the same forms :mod:`.identifiers` gives here.
"""

from __future__ import annotations

import json

from .views import ReportView

FORMAT_VERSION = 1


def lookup_index(reports: list[ReportView]) -> bytes:
    """The JSON the lookup script reads, newest edition first; stable from build to build."""
    entries = [
        {
            "id": report.id,
            "month": report.month,
            "url": report.url,
            "when": report.when,
            "where": report.where,
            "kinds": list(report.kinds),
            "person": report.description,
            "vehicle": report.vehicle,
            "contacts": list(report.contacts),
            "phones": list(report.phones),
            "plates": list(report.plates),
            "words": report.search_text(),
        }
        for report in reports
    ]
    document = {"version": FORMAT_VERSION, "reports": entries}
    return (json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode("utf-8")
