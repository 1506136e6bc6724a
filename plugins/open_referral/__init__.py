"""Open Referral export: the services of each language as HSDS 3.0 JSON.

Writes ``<lang>/services.json`` for every language and ``/services.json``
(the default language) at the root, as one page of HSDS's paginated list of
services.  The specification's JSON schemas are kept in ``hsds-3.0/`` (CC
BY-SA 4.0, see its README) and the tests validate the export against them.
"""

from __future__ import annotations

from .writer import get_generators

__all__ = ["get_generators", "register"]


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
