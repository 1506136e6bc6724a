"""The pages the intake answers with: built by the site (theme, languages, CSS), read from its output folder.

The report plugin builds, in each language, beside the form
(``/en/report/``, in each language's words: ``/fr/signaler/``): ``sent/`` (thank you), ``problem/`` (what to fix:
one ``<li data-problem="CODE">`` per possible problem, of which the intake
keeps those that apply) and ``busy/`` (please call or text us instead).
Each is read again when a new build replaced it (the preview), otherwise
kept in memory.  Without a built site, a plain page in both languages says
the same.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from relais.url_words import in_words, url_words

REPORT_FOLDER = "report"  # the form's folder under each language: /en/report/
ANSWERS = ("sent", "problem", "busy")
_PROBLEM_ITEM = re.compile(r'[ \t]*<li data-problem="([^"]*)">.*?</li>\n?', re.DOTALL)

_FALLBACK_WORDS = {
    "sent": ("Thank you: your report was received.", "Merci : votre signalement a bien été reçu."),
    "problem": (
        "The report could not be taken: go back to the form, check what you wrote and send it again.",
        "Le signalement n'a pas pu être reçu : revenez au formulaire, vérifiez ce que vous avez écrit et renvoyez-le.",
    ),
    "busy": (
        "We cannot take reports online right now: please call or text us instead.",
        "Nous ne pouvons pas recevoir de signalements en ligne pour le moment : appelez-nous ou écrivez-nous par "
        "texto plutôt.",
    ),
}


def report_folder(settings: Mapping[str, Any], lang: str) -> str:
    """The form's folder in the language's words (``url_words``): ``report``, ``signaler``."""
    return in_words(REPORT_FOLDER, url_words(settings, lang))


def answer_folder(settings: Mapping[str, Any], lang: str, answer: str) -> str:
    """An answer page's folder in the language's words: ``report/sent``, ``signaler/envoye``."""
    return in_words(f"{REPORT_FOLDER}/{answer}", url_words(settings, lang))


def answer_folders(settings: Mapping[str, Any], languages: Sequence[str]) -> dict[tuple[str, str], str]:
    return {(lang, answer): answer_folder(settings, lang, answer) for lang in languages for answer in ANSWERS}


def answer_file(output: Path, lang: str, answer: str, folders: Mapping[tuple[str, str], str] | None = None) -> Path:
    folder = (folders or {}).get((lang, answer), f"{REPORT_FOLDER}/{answer}")
    return output / lang / folder / "index.html"


class AnswerPages:
    def __init__(
        self,
        output: Path,
        languages: Sequence[str],
        default_lang: str,
        folders: Mapping[tuple[str, str], str] | None = None,
    ) -> None:
        self.output = output
        self.folders = dict(folders or {})
        self.languages = tuple(languages)
        self.default_lang = default_lang
        self._cache: dict[Path, tuple[tuple[int, int], str]] = {}
        self._lock = threading.Lock()

    def language(self, wanted: str, accept_language: str = "") -> str:
        """``wanted`` when the site has it, else the first of the browser's languages it has, else the default."""
        if wanted in self.languages:
            return wanted
        for part in accept_language.split(","):
            code = part.split(";")[0].strip().lower().split("-")[0]
            if code in self.languages:
                return code
        return self.default_lang

    def page(self, answer: str, lang: str, problems: Sequence[str] = ()) -> str:
        text = self._read(answer_file(self.output, lang, answer, self.folders))
        if text is None:
            return _fallback(answer, lang)
        if answer != "problem":
            return text
        kept = set(problems)
        return _PROBLEM_ITEM.sub(lambda match: match.group(0) if match.group(1) in kept else "", text)

    def _read(self, path: Path) -> str | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        with self._lock:
            self._cache[path] = (stamp, text)
        return text


def _fallback(answer: str, lang: str) -> str:
    english, french = _FALLBACK_WORDS[answer]
    first, second = (french, english) if lang == "fr" else (english, french)
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(first)}</title>\n</head>\n<body>\n<main>\n<h1>{html.escape(first)}</h1>\n"
        f'<p lang="{"en" if lang == "fr" else "fr"}">{html.escape(second)}</p>\n</main>\n</body>\n</html>\n'
    )
