"""What Relais says to writers, in their language (French or English).

Every message a writer or staff member reads (problems, progress, ``--help``,
the text of files ``publish.py new`` writes) is written in English in the
code and marked for translation::

    from relais.i18n import _
    _("'{value}' is not a date").format(value=value)

The language is chosen once per run: ``RELAIS_LANG``, else the system's
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else the site's
``DEFAULT_LANG`` once the settings are read, else English.  Translations are
gettext catalogs kept beside the code that uses them: ``relais/locale/<lang>/
LC_MESSAGES/*.po`` and ``plugins/<name>/locale/<lang>/LC_MESSAGES/*.po``, all
of a language merged and compiled in memory (no ``.mo`` files to forget).

Text built at import time (a constant) cannot know the language yet: mark it
with :func:`N_` and pass it through :func:`_` where it is used.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
from collections.abc import Iterable
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

ROOT = Path(__file__).resolve().parents[1]
ENVIRONMENT = "RELAIS_LANG"
LANGUAGES = ("en", "fr")
SOURCE_LANGUAGE = "en"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None  # RELAIS_LANG or the locale, when they name a language we speak
_site_default: str | None = None
_extra_folders: list[Path] = []


def _(message: str) -> str:
    """``message`` in the run's language."""
    return _translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations(language()).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark text for translation without translating it now (a constant made at import time)."""
    return message


# The locale that writes dates in messages, per language.
LOCALES = {"en": "en_CA", "fr": "fr_CA"}


def long_date(day: dt.date) -> str:
    """``December 15, 2026`` or ``15 décembre 2026``, in the messages' language."""
    from babel.dates import format_date

    written = format_date(day, format="long", locale=LOCALES.get(language(), "en_CA"))
    if language() == "fr" and day.day == 1:
        written = "1er" + written[1:]  # le 1er décembre
    return written


def month_name(month: int) -> str:
    """``December`` or ``décembre``."""
    from babel.dates import get_month_names

    return str(get_month_names("wide", locale=LOCALES.get(language(), "en_CA"))[month])


def language() -> str:
    """The language messages are written in for this run."""
    return _chosen or _site_default or SOURCE_LANGUAGE


def writer_language() -> str | None:
    """The language ``RELAIS_LANG`` or the locale chose, if any: the one the writer works in."""
    return _chosen


def choose_language(environ: dict[str, str] | None = None) -> str | None:
    """Read ``RELAIS_LANG`` and the locale; call once at start.  Returns the language they name, if any."""
    global _chosen  # noqa: PLW0603 - one language per run
    environ = dict(os.environ) if environ is None else environ
    _chosen = _language_in(environ.get(ENVIRONMENT, ""))
    if _chosen is None:
        _chosen = next(
            (lang for name in _LOCALE_VARIABLES if (lang := _language_in(environ.get(name, ""))) is not None), None
        )
    return _chosen


def use_site_default(lang: str | None) -> None:
    """The site's ``DEFAULT_LANG``, used when neither ``RELAIS_LANG`` nor the locale chose a language."""
    global _site_default  # noqa: PLW0603 - one language per run
    _site_default = _language_in(lang or "")


def add_catalog_folder(folder: Path) -> None:
    """Catalogs of a plugin outside ``plugins/`` (settings' ``PLUGIN_PATHS``)."""
    if folder not in _extra_folders:
        _extra_folders.append(folder)
        _translations.cache_clear()


def _language_in(value: str) -> str | None:
    """``fr_CA.UTF-8`` → ``fr``; ``C``, ``POSIX`` or a language we do not speak → None."""
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def catalog_files(lang: str, roots: Iterable[Path] = ()) -> list[Path]:
    """Every catalog of ``lang``: Relais' own and each plugin's."""
    folders = [ROOT / "relais", *sorted((ROOT / "plugins").glob("*")), *roots]
    return sorted(path for folder in folders for path in (folder / "locale" / lang / "LC_MESSAGES").glob("*.po"))


@functools.cache
def _translations(lang: str) -> NullTranslations:
    if lang == SOURCE_LANGUAGE:
        return NullTranslations()
    merged: Translations | None = None
    for path in catalog_files(lang, [folder for root in _extra_folders for folder in root.glob("*")]):
        compiled = compiled_catalog(path, lang)
        if merged is None:
            merged = compiled
        else:
            merged.merge(compiled)
    return merged if merged is not None else NullTranslations()


def compiled_catalog(path: Path, lang: str) -> Translations:
    """A .po catalog compiled in memory (no .mo file to keep in step with it)."""
    with path.open("rb") as file:
        catalog = read_po(file, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)
