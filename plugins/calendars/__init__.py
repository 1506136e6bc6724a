"""iCalendar files for the events: one per language with every upcoming event, one per event."""

from .plugin import register

__all__ = ["register"]
