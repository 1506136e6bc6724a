"""Services as Open Referral HSDS 3.0 records (organization, service, location, schedule, phone).

Identifiers are UUIDs derived (uuid5) from the site's public address and the
service's translation key, so every build gives the same ones, and a
service has the same identifier in every language.

HSDS gives a schedule's time zone as a fixed UTC offset, which is wrong for
half of the year where clocks change.  Each schedule therefore also carries
the site's IANA zone name, as an attribute (HSDS's way to attach typed values
to a record, here a term of the IANA time zone database) and in its notes;
the offsets given are those of the slot's next opening after the build's date.

A confidential location is exported as a physical location with its name
and note only: no address, no coordinates.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from services.config import ServiceSettings
from services.schedule import hh_mm, ical_byday, next_opening, offset_text, utc_offset
from services.schema import Slot

from relais.content import Entry
from relais.site import Site
from relais.urls import public_base, public_url

Translate = Callable[[str], str]
TZ_TAXONOMY = "IANA Time Zone Database"
TZ_URI = "https://www.iana.org/time-zones"


class Ids:
    """Deterministic UUIDs under one namespace per site."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, public_base(settings) or str(settings.get("SITENAME", "")))

    def __call__(self, *parts: object) -> str:
        return str(uuid.uuid5(self.namespace, "/".join(str(part) for part in parts)))


class HsdsWriter:
    """Builds the records of one language."""

    def __init__(
        self, site: Site, settings: dict[str, Any], config: ServiceSettings, lang: str, translate: Translate
    ) -> None:
        self.site = site
        self.settings = settings
        self.config = config
        self.lang = lang
        self.translate = translate
        self.ids = Ids(settings)
        self.organization_id = self.ids("organization")

    def page(self, services: list[tuple[Entry, str]]) -> dict[str, Any]:
        """The services as one page of the HSDS API's paginated list."""
        contents = [self.service(entry, url) for entry, url in services]
        return {
            "total_items": len(contents),
            "total_pages": 1,
            "page_number": 1,
            "size": len(contents),
            "first_page": True,
            "last_page": True,
            "empty": not contents,
            "contents": contents,
        }

    def organization(self) -> dict[str, Any]:
        description = self.site.config.SITE_DESCRIPTION.get(self.lang) or self.site.config.SITENAME
        return {
            "id": self.organization_id,
            "name": self.site.config.SITENAME,
            "description": description,
            "website": public_url(self.settings, f"{self.lang}/"),
        }

    def service(self, entry: Entry, url: str) -> dict[str, Any]:
        data = entry.data
        service_id = self.ids("service", entry.translation_key or entry.slug)
        description = data.summary
        if data.partner:
            description += " " + self.translate("Offered with %(partner)s.") % {"partner": data.partner}
        record: dict[str, Any] = {
            "id": service_id,
            "organization_id": self.organization_id,
            "name": data.title,
            "description": description,
            "url": public_url(self.settings, url),
            "status": "temporarily closed" if data.status == "temporarily-closed" else "active",
        }
        optional = {
            "alert": data.alert.shown_at(self.site.clock.now, self.site.config.zone) if data.alert else None,
            "application_process": data.how_to_access,
            "fees_description": data.cost,
            "eligibility_description": data.eligibility,
        }
        record.update({key: value for key, value in optional.items() if value})
        record["organization"] = self.organization()
        record["phones"] = self.phones(service_id, data.contact)
        record["schedules"] = [self.schedule(service_id, position, slot) for position, slot in enumerate(data.schedule)]
        record["languages"] = [
            {"id": self.ids("language", service_id, code), "service_id": service_id, "code": code, "name": name}
            for code, name in zip(data.languages, self._language_names(data.languages), strict=True)
        ]
        record["service_at_locations"] = self.locations(service_id, data.location)
        record["attributes"] = self.attributes(service_id, data)
        return record

    def phones(self, service_id: str, contact: Any) -> list[dict[str, Any]]:
        if contact is None:
            return []
        phones = []
        for kind, number in (("voice", contact.phone), ("text", contact.text)):
            if number:
                phone = {
                    "id": self.ids("phone", service_id, kind),
                    "service_id": service_id,
                    "number": number,
                    "type": kind,
                }
                if contact.hours:
                    phone["description"] = contact.hours
                phones.append(phone)
        return phones

    def schedule(self, service_id: str, position: int, slot: Slot) -> dict[str, Any]:
        schedule_id = self.ids("schedule", service_id, position)
        zone_name = self.site.config.TIMEZONE
        record: dict[str, Any] = {"id": schedule_id, "service_id": service_id}
        if slot.by_appointment:
            record["description"] = self.translate("By appointment")
        else:
            zone = self.site.config.zone
            opening = next_opening(slot, self.site.clock.now, zone)
            start = opening.start if opening else self.site.clock.now
            end = opening.end if opening else self.site.clock.now
            closes = 23 * 60 + 59 if slot.closes == 24 * 60 else slot.closes or 0
            record.update(
                {
                    "freq": "MONTHLY" if slot.weeks else "WEEKLY",
                    "wkst": "MO",
                    "byday": ical_byday(slot),
                    "opens_at": hh_mm(slot.opens or 0) + offset_text(utc_offset(start)),
                    "closes_at": hh_mm(closes) + offset_text(utc_offset(end)),
                    "timezone": _hours(utc_offset(start)),
                    "notes": f"{self.translate('Time zone:')} {zone_name}",
                }
            )
            record["attributes"] = [self._zone_attribute(schedule_id, zone_name)]
        if slot.note:
            record["description"] = f"{record['description']}. {slot.note}" if "description" in record else slot.note
        return record

    def _zone_attribute(self, schedule_id: str, zone_name: str) -> dict[str, Any]:
        term_id = self.ids("taxonomy_term", "timezone", zone_name)
        return {
            "id": self.ids("attribute", schedule_id, "timezone"),
            "link_id": schedule_id,
            "link_type": "timezone",
            "link_entity": "schedule",
            "taxonomy_term_id": term_id,
            "value": zone_name,
            "taxonomy_term": {
                "id": term_id,
                "code": zone_name,
                "name": zone_name,
                "description": f"{TZ_TAXONOMY}: {zone_name}",
                "taxonomy": TZ_TAXONOMY,
                "term_uri": TZ_URI,
            },
        }

    def locations(self, service_id: str, location: Any) -> list[dict[str, Any]]:
        if location is None:
            return []
        location_id = self.ids("location", service_id)
        place: dict[str, Any] = {"id": location_id, "location_type": "physical"}
        if location.name:
            place["name"] = location.name
        if location.confidential:
            # Never an address or coordinates: only how to get the address.
            place["description"] = location.note
        else:
            region = self.config.SERVICE_REGION
            place["addresses"] = [
                {
                    "id": self.ids("address", location_id),
                    "location_id": location_id,
                    "address_1": location.address,
                    "city": location.city,
                    "state_province": region.get("province", ""),
                    "postal_code": location.postal_code or "",
                    "country": region.get("country", ""),
                    "address_type": "physical",
                }
            ]
            if location.accessibility:
                place["accessibility"] = [
                    {
                        "id": self.ids("accessibility", location_id),
                        "location_id": location_id,
                        "description": location.accessibility,
                    }
                ]
        return [
            {
                "id": self.ids("service_at_location", service_id),
                "service_id": service_id,
                "location_id": location_id,
                "location": place,
            }
        ]

    def attributes(self, service_id: str, data: Any) -> list[dict[str, Any]]:
        """The category and audiences, as terms of the site's own taxonomies."""
        terms = [("category", data.category, self.config.category_label(data.category, self.lang))]
        terms += [("audience", key, self.config.audience_label(key, self.lang)) for key in data.audience]
        site = self.site.config.SITENAME
        attributes = []
        for kind, key, label in terms:
            term_id = self.ids("taxonomy_term", kind, key)
            attributes.append(
                {
                    "id": self.ids("attribute", service_id, kind, key),
                    "link_id": service_id,
                    "link_type": kind,
                    "link_entity": "service",
                    "taxonomy_term_id": term_id,
                    "value": key,
                    "taxonomy_term": {
                        "id": term_id,
                        "code": key,
                        "name": label,
                        "description": label,
                        "taxonomy": f"{site} service {kind}",
                        "language": self.lang,
                    },
                }
            )
        return attributes

    def _language_names(self, codes: list[str]) -> list[str]:
        from babel import Locale

        locale = Locale.parse(self.site.config.LANGUAGES[self.lang].locale)
        return [locale.languages.get(code.lower(), code) for code in codes]


def _hours(offset: dt.timedelta) -> float | int:
    hours = offset.total_seconds() / 3600
    return int(hours) if hours.is_integer() else hours
