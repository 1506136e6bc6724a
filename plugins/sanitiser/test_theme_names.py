"""The theme's own controls are out of writers' reach: no class or id a writer may use is the theme's.

Writers keep the classes of :data:`sanitiser.policy.CLASSES` (and ``language-…``)
and ids without ``--``.  These tests read every template, the stylesheet and the
scripts, and fail as soon as the theme names one of its elements with a class
or an id a writer could also put on a page.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

from sanitiser.policy import is_allowed_class, is_allowed_id, sanitise
from tests.helpers import ROOT

THEME = ROOT / "theme"
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_ATTRIBUTE = re.compile(r"""\s(class|id)=("[^"]*"|'[^']*')""")
# What a writer's class may do in the theme's stylesheet: change how text reads, never where a box sits.
_TEXT_ONLY = re.compile(r"^(text-align|font(-[a-z]+)?|color|text-decoration(-[a-z]+)?)$")


def _templates() -> list[Path]:
    return sorted((THEME / "templates").rglob("*.html"))


def _names_in_templates() -> list[tuple[str, str, str]]:
    """(file, class or id, value) for each class and id a template writes; Jinja parts count as unknown text."""
    found = []
    for path in _templates():
        for kind, quoted in _ATTRIBUTE.findall(path.read_text(encoding="utf-8")):
            found.append((path.relative_to(ROOT).as_posix(), kind, quoted[1:-1]))
    return found


def test_templates_use_no_class_a_writer_may_use() -> None:
    wrong = [
        (file, token)
        for file, kind, value in _names_in_templates()
        if kind == "class"
        for token in _JINJA.sub(" ", value).split()
        if is_allowed_class(token)
    ]
    assert wrong == []


def test_every_id_of_the_templates_is_one_writers_cannot_use() -> None:
    # What comes before the first Jinja expression must already hold '--', so
    # that no value filled in later can make it an id a writer may use.
    wrong = [
        (file, value)
        for file, kind, value in _names_in_templates()
        if kind == "id" and is_allowed_id(_JINJA.split(value, maxsplit=1)[0])
    ]
    assert wrong == []
    assert ("theme/templates/base.html", "id", "main--content") in _names_in_templates()


def _rules(rules: list) -> list:
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.content is not None:
            yield from _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))


def test_the_stylesheet_never_moves_or_hides_what_writers_may_mark() -> None:
    stylesheet = (THEME / "static/css/relais.css").read_text(encoding="utf-8")
    wrong = []
    for rule in _rules(tinycss2.parse_stylesheet(stylesheet, skip_comments=True, skip_whitespace=True)):
        selector = tinycss2.serialize(rule.prelude)
        classes = re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selector)
        ids = re.findall(r"#(-?[_a-zA-Z][\w-]*)", selector)
        wrong += [("id", selector) for name in ids if is_allowed_id(name)]
        if any(is_allowed_class(name) for name in classes):
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            wrong += [
                ("declaration", selector, d.lower_name)
                for d in declarations
                if d.type == "declaration" and not _TEXT_ONLY.match(d.lower_name)
            ]
    assert wrong == []


def test_scripts_never_look_for_what_writers_may_mark() -> None:
    wrong = []
    for path in sorted((THEME / "static/js").glob("*.js")):
        for literal in re.findall(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""", path.read_text("utf-8")):
            text = "".join(literal)
            wrong += [(path.name, word) for word in re.findall(r"[\w-]+", text) if is_allowed_class(word)]
            wrong += [(path.name, name) for name in re.findall(r"#([\w-]+)", text) if is_allowed_id(name)]
    assert wrong == []


def test_the_test_would_see_a_theme_class_writers_may_use() -> None:
    # The checks above read what they should: a made-up template line trips them.
    line = '<div class="toc {{ extra }}" id="main">'
    found = [(kind, quoted[1:-1]) for kind, quoted in _ATTRIBUTE.findall(line)]
    assert [token for kind, value in found if kind == "class" for token in value.split() if is_allowed_class(token)]
    assert [value for kind, value in found if kind == "id" and is_allowed_id(value)] == ["main"]


def test_every_theme_class_is_removed_from_writers_html() -> None:
    classes = {
        token for _, kind, value in _names_in_templates() if kind == "class" for token in _JINJA.sub(" ", value).split()
    }
    assert {"quick-exit", "quick-exit-button", "skip-link", "visually-hidden"} <= classes
    for name in sorted(classes):
        assert "class=" not in sanitise(f'<a class="{name}" href="/">x</a>'), name
