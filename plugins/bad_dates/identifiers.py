"""Phone numbers, plates and words in the forms the lookup compares.

A reader types a number the way they saw it (``514 555-0199``,
``(514) 555 0199``, ``+1 514 555 0199``) and a plate with or without its
space or dash; both are compared by their digits or letters only.  The
lookup script (theme/static/js/bad-dates-lookup.js) applies the same rules
to what the reader types: keep the two in step.
"""

from __future__ import annotations

import re
import unicodedata

# Phone numbers as people write them: (514) 555-0134, 514.555.0134, +1 514 555 0134, 555-0134, and
# international ones after a "+".  Dates (2026-11-03) and times are not numbers.
_PHONE = re.compile(
    r"(?<![\w@+.-])(?:(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
    r"|\d{3}[\s.-]\d{4}|\+\d[\d\s.-]{7,}\d)(?![\w-])"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,}")
_NOT_PLATE = re.compile(r"[^0-9A-Z]")
_ONLY_PHONE = re.compile(r"^[\d\s().+-]+$")
MIN_PHONE_DIGITS = 7


def phone_digits(text: str) -> str:
    """The digits of a phone number, without the country code 1 of North America ("" for anything shorter)."""
    digits = "".join(char for char in text if char.isdigit() and char.isascii())
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def is_phone(text: str) -> bool:
    return bool(_ONLY_PHONE.match(text.strip())) and bool(phone_digits(text))


def plate_key(text: str) -> str:
    """``abc-1 23`` → ``ABC123``: letters and digits only, in capitals."""
    return _NOT_PLATE.sub("", fold(text).upper())


def fold(text: str) -> str:
    """Lower case without accents: what the word search compares (the script folds what is typed the same way)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def phones_in(text: str) -> list[str]:
    """Every phone number written in ``text``, as digits."""
    return [digits for match in _PHONE.finditer(text) if (digits := phone_digits(match.group(0)))]


def addresses_in(text: str) -> list[str]:
    """Emails and @handles written in ``text``, folded."""
    emails = [fold(match.group(0)) for match in _EMAIL.finditer(text)]
    handles = [fold(match.group(0)) for match in _HANDLE.finditer(_EMAIL.sub(" ", text))]
    return emails + handles


def known_contact(found: str, contacts: list[str]) -> bool:
    """Whether a number (digits) or an address found in a text is one of the contacts the report lists."""
    if found.isdigit():
        listed = [phone_digits(contact) for contact in contacts]
        return any(digits and (digits.endswith(found) or found.endswith(digits)) for digits in listed)
    return any(found.lstrip("@") in fold(contact) for contact in contacts)
