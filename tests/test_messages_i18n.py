"""Every message Relais shows writers and staff has its French translation (relais/i18n.py)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from relais import i18n
from tests.helpers import ROOT

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def wanted() -> dict[str | tuple[str, ...], str]:
    """Every message marked in relais/ and plugins/ (tests left out), with a file that uses it."""
    found: dict[str | tuple[str, ...], str] = {}
    for folder in (ROOT / "relais", ROOT / "plugins"):
        method_map = [("**/test_*.py", "ignore"), ("**/conftest.py", "ignore"), ("**.py", "python")]
        for filename, line, message, _comments, _context in extract_from_dir(
            folder, method_map=method_map, keywords=KEYWORDS
        ):
            found.setdefault(message, f"{folder.name}/{filename}:{line}")
    return found


def translated(lang: str) -> set[str | tuple[str, ...]]:
    done: set[str | tuple[str, ...]] = set()
    for path in i18n.catalog_files(lang):
        with Path(path).open("rb") as file:
            for message in read_po(file, locale=lang):
                if message.id and (message.string if isinstance(message.string, str) else all(message.string)):
                    done.add(message.id)
    return done


def test_every_message_has_its_french_translation() -> None:
    missing = {message: where for message, where in wanted().items() if message not in translated("fr")}
    assert not missing, "\n".join(f"{where}: {message!r}" for message, where in sorted(missing.items(), key=str))


def test_the_language_comes_from_relais_lang_then_the_locale_then_the_site() -> None:
    assert i18n.choose_language({"RELAIS_LANG": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}) == "fr"
    assert i18n.choose_language({"LC_ALL": "", "LANG": "fr_FR.UTF-8"}) == "fr"
    assert i18n.choose_language({"LANG": "C.UTF-8"}) is None
    i18n.use_site_default("fr")
    assert i18n.language() == "fr"
    i18n.use_site_default(None)
    assert i18n.language() == "en"
