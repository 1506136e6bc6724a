"""The Open Referral export, validated against the HSDS 3.0 schemas kept in hsds-3.0/."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from tests.helpers import DEMO_TODAY, ROOT, publish

SCHEMAS = ROOT / "plugins/open_referral/hsds-3.0"


def load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def validator(name: str) -> Draft7Validator:
    """A schema whose "$ref": "phone.json" resolve to the files beside it."""
    registry: Registry = Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT7))
        for path in SCHEMAS.glob("*.json")
    )
    return Draft7Validator(load(name), registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER)


def errors(schema: Draft7Validator, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema.iter_errors(instance)]


@pytest.fixture(scope="module")
def exports(demo_site: Path) -> dict[str, dict[str, Any]]:
    return {
        name: json.loads((demo_site / name).read_text(encoding="utf-8"))
        for name in ("services.json", "en/services.json", "fr/services.json")
    }


def test_every_service_is_valid_hsds(exports: dict[str, dict[str, Any]]) -> None:
    compiled = Draft7Validator(
        load("compiled/service_with_definitions.json"), format_checker=Draft7Validator.FORMAT_CHECKER
    )
    by_file = validator("service.json")
    for name, export in exports.items():
        assert export["contents"], name
        for service in export["contents"]:
            assert errors(compiled, service) == [], (name, service["name"])
            assert errors(by_file, service) == [], (name, service["name"])


def test_the_list_is_one_page_of_the_api(exports: dict[str, dict[str, Any]]) -> None:
    page_schema = load("openapi.json")["components"]["schemas"]["Page"]
    for export in exports.values():
        assert errors(Draft7Validator(page_schema), export) == []
        assert export["total_items"] == export["size"] == len(export["contents"]) == 12
        assert export["first_page"] and export["last_page"] and not export["empty"]


def test_root_export_is_the_default_language(exports: dict[str, dict[str, Any]]) -> None:
    assert exports["services.json"] == exports["en/services.json"]
    assert "Halte-accueil" in {s["name"] for s in exports["fr/services.json"]["contents"]}


def test_ids_are_uuids_shared_across_languages(exports: dict[str, dict[str, Any]]) -> None:
    english = {s["url"].rsplit("/", 2)[-2]: s["id"] for s in exports["en/services.json"]["contents"]}
    french = {s["url"].rsplit("/", 2)[-2]: s["id"] for s in exports["fr/services.json"]["contents"]}
    assert english["drop-in"] == french["halte-accueil"]
    assert all(uuid.UUID(value).version == 5 for value in english.values())
    assert len(set(english.values())) == len(english)


def service(exports: dict[str, dict[str, Any]], name: str, file: str = "en/services.json") -> dict[str, Any]:
    return next(s for s in exports[file]["contents"] if s["name"] == name)


def test_confidential_location_has_no_address_and_no_coordinates(exports: dict[str, dict[str, Any]]) -> None:
    drop_in = service(exports, "Drop-in centre")
    (place,) = [link["location"] for link in drop_in["service_at_locations"]]
    assert place["location_type"] == "physical"
    assert not {"addresses", "latitude", "longitude"} & set(place)
    assert "given in person or by phone" in place["description"]
    dental = service(exports, "Dental care")
    (address,) = dental["service_at_locations"][0]["location"]["addresses"]
    assert address["address_1"] == "1500, boulevard du Fleuve, pavillon C" and address["state_province"] == "QC"


def test_schedules_carry_offset_and_iana_zone(exports: dict[str, dict[str, Any]]) -> None:
    (slot,) = service(exports, "Drop-in centre")["schedules"]
    assert slot["freq"] == "WEEKLY" and slot["byday"] == "MO,TU,WE,TH"
    assert slot["opens_at"] == "18:00-05:00" and slot["closes_at"] == "22:00-05:00" and slot["timezone"] == -5
    (zone,) = slot["attributes"]
    assert zone["value"] == "America/Toronto" and zone["taxonomy_term"]["taxonomy"] == "IANA Time Zone Database"
    assert "America/Toronto" in slot["notes"]
    (monthly,) = service(exports, "Peer gatherings")["schedules"]
    assert monthly["freq"] == "MONTHLY" and monthly["byday"] == "-1TH"
    (appointment,) = service(exports, "Counselling")["schedules"]
    assert appointment["description"] == "By appointment" and "freq" not in appointment


def test_status_alert_phones_and_languages(exports: dict[str, dict[str, Any]]) -> None:
    closed = service(exports, "Work and income help")
    assert closed["status"] == "temporarily closed" and closed["alert"].startswith("Back on Tuesday")
    line = service(exports, "Text and phone line")
    assert {(p["type"], p["number"]) for p in line["phones"]} == {("text", "514-555-0142"), ("voice", "514-555-0187")}
    assert [(lang["code"], lang["name"]) for lang in line["languages"]] == [("fr", "French"), ("en", "English")]
    french = service(exports, "Ligne texto et téléphone", "fr/services.json")
    assert [lang["name"] for lang in french["languages"]] == ["français", "anglais"]
    assert {a["taxonomy_term"]["name"] for a in french["attributes"]} == {
        "Lignes téléphoniques et textos",
        "Tout le monde",
    }


def test_summer_build_uses_the_summer_offset(tmp_path: Path) -> None:
    output = tmp_path / "summer"
    result = publish("build", "--output", str(output), "--today", "2026-06-15")
    assert result.returncode == 0, result.stderr
    export = json.loads((output / "en/services.json").read_text())
    (slot,) = next(s for s in export["contents"] if s["name"] == "Drop-in centre")["schedules"]
    assert slot["opens_at"] == "18:00-04:00" and slot["timezone"] == -4
    assert DEMO_TODAY != "2026-06-15"
