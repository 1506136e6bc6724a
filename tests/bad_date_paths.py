"""Where the bad date list's files and the report form are in each language (url_words: /fr/mauvais-clients/)."""

from __future__ import annotations

FOLDER = {"en": "bad-dates", "fr": "mauvais-clients"}
LOOKUP = {"en": "bad-dates/lookup", "fr": "mauvais-clients/verifier"}
FEED = {"en": "feeds/bad-dates", "fr": "fils/mauvais-clients"}
_FILE = {"en": "bad-date-list", "fr": "liste-mauvais-clients"}
_SMS = {"en": "sms", "fr": "textos"}
# The report form (plugins/report_intake) and the pages the intake answers with.
REPORT = {"en": "report", "fr": "signaler"}
ANSWER = {
    "en": {"sent": "sent", "problem": "problem", "busy": "busy"},
    "fr": {"sent": "envoye", "problem": "a-corriger", "busy": "indisponible"},
}


def edition_folder(lang: str, month: str) -> str:
    """``fr/mauvais-clients/2026-11``: the folder of an edition's page and files."""
    return f"{lang}/{FOLDER[lang]}/{month}"


def edition_file(lang: str, month: str, kind: str) -> str:
    """An edition's file: kind is 'letter' or 'a4' (the PDFs), 'text' or 'sms'."""
    stem = f"{_FILE[lang]}-{month}"
    name = {"text": f"{stem}.txt", "sms": f"{stem}-{_SMS[lang]}.txt"}.get(kind, f"{stem}-{kind}.pdf")
    return f"{edition_folder(lang, month)}/{name}"
