"""The respectful-language check over every content file and the settings readers see.

Findings are warnings (a quotation, a law's name or a reclaimed word is
legitimate), so ``--strict`` turns them into errors.  Each names the file,
line and column, the word, what to say instead and why::

    content/posts/x.md:12:8: warning: "prostituée" — consider "travailleuse ou travailleur du sexe (TDS)" (…)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from relais.content import Entry
from relais.problems import Problem, Severity
from relais.settings import line_of_setting
from relais.site import Site

from .documents import Located, body_document, yaml_document
from .scanner import Document, Finding, Region, scan
from .terms import Term, load_terms

SETTINGS_TO_CHECK = "LANGUAGE_CHECK_SETTINGS"


def language_in_entry(entry: Entry, site: Site) -> Iterator[Problem]:
    terms = load_terms()
    for located in entry_documents(entry, site):
        yield from located_problems(located, entry.shown_as, terms)


def language_in_settings(site: Site) -> Iterator[Problem]:
    yield from settings_problems(site, load_terms())


def entry_documents(entry: Entry, site: Site) -> list[Located]:
    """The front matter (or whole YAML file) and the body of an entry, as the build read them (once)."""
    front, languages = entry.front, site.config.LANGUAGES
    documents = [yaml_document(front.yaml_text, front.first_line, entry.lang, languages, front.scalars)]
    if entry.type.has_body:
        documents.append(body_document(front.body, front.body_line, entry.lang))
    return documents


def located_problems(located: Located, shown_as: str, terms: tuple[Term, ...]) -> Iterator[Problem]:
    result = scan(located.document, terms)
    for finding in result.findings:
        line, column = located.position(finding.start)
        yield finding_problem(finding, shown_as, line, column)
    for marker in result.unused_markers:
        yield Problem(
            shown_as,
            marker.line,
            "",
            "this 'relais: allow' marker lets no word through",
            "remove it, or put it just before the word it is meant for",
            Severity.WARNING,
            marker.column,
        )


def finding_problem(finding: Finding, shown_as: str, line: int, column: int, field: str = "") -> Problem:
    term = finding.term
    return Problem(
        shown_as,
        line,
        field,
        f'"{" ".join(finding.matched.split())}"',
        f'consider "{term.suggest}" ({term.why})',
        Severity.WARNING,
        column,
    )


def settings_problems(site: Site, terms: tuple[Term, ...]) -> Iterator[Problem]:
    """Settings readers see (``LANGUAGE_CHECK_SETTINGS``: the footer of snippets, descriptions…)."""
    shown_as = site.settings_file
    for name in site.settings.get(SETTINGS_TO_CHECK, ()):
        line = line_of_setting(shown_as, name)
        for path, text in _strings(site.settings.get(name), (name,)):
            lang = next((str(part) for part in path if str(part) in site.config.LANGUAGES), site.config.DEFAULT_LANG)
            for finding in scan(Document(text, [Region(0, len(text), lang)]), terms).findings:
                yield finding_problem(finding, shown_as, line, 0, ".".join(str(part) for part in path))


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def text_findings(text: str, lang: str) -> list[Finding]:
    """Findings in a piece of plain text (such as a generated snippet), with quotations skipped."""
    return scan(Document(text, [Region(0, len(text), lang)]), load_terms()).findings
