"""Notices shown prominently on a service or an event, until a day that ends them.

``alert: Closed December 24 to January 1.`` stays until it is removed;
written as a group, it can end by itself on the first build after its
``until`` (a date lasts through that whole day)::

    alert:
      text: Closed December 24 to January 1.
      until: 2027-01-01
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from .clock import last_moment
from .fields import DateOrDateTime, Text
from .schemas import ContentModel


def _short_form(value: Any) -> Any:
    """``alert: Closed today.`` is short for ``alert: {text: Closed today.}``."""
    return {"text": value} if isinstance(value, str | int | float) and not isinstance(value, bool) else value


class NoticeFields(ContentModel):
    text: Text = Field(
        description="The notice, in one or two sentences.", examples=["text: Closed December 24 to January 1."]
    )
    until: DateOrDateTime | None = Field(
        None,
        description="The last day (or moment) it is shown; the first build after it takes it down.",
        examples=["until: 2027-01-01"],
    )

    def ends(self, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
        return last_moment(self.until, zone) if self.until is not None else None

    def shown_at(self, now: dt.datetime, zone: zoneinfo.ZoneInfo) -> str | None:
        """The text while the notice is up, None once its day has passed."""
        ends = self.ends(zone)
        return self.text if ends is None or now <= ends else None


Notice = Annotated[NoticeFields, BeforeValidator(_short_form)]

NOTICE_EXAMPLE = "alert:\n  text: Closed December 24 to January 1.\n  until: 2027-01-01"
