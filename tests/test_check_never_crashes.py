"""Whatever a writer types at the top of a file or below it, ``check`` answers with messages or success.

A property test: random front matter (known and unknown fields, values full
of what YAML reads specially: colons, '#', quotes of every kind, tabs,
brackets, '&', '*', '!', '@', '|', '>') and random Markdown bodies, in every
content folder.  ``check`` must never raise (which ``publish.py`` would turn
into "stopped on an unexpected error"), must format every problem on one
line, and must answer within seconds.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relais.build import BuildOptions, check
from tests.helpers import FIXTURES, ROOT

FIELDS = [
    "title",
    "date",
    "authors",
    "category",
    "tags",
    "summary",
    "lang",
    "status",
    "reviewed_by",
    "peer",
    "updated",
    "announce",
    "headline",
    "text",
    "name",
    "role",
    "bio",
    "start",
    "end",
    "schedule",
    "location",
    "Title",
    "titre",
    "catégorie",
    # The bad date list's editions
    "edition",
    "reports",
    "id",
    "area",
    "place_type",
    "types",
    "aggressor",
    "description",
    "contact_used",
    "what_happened",
    "reported_on",
]
TRICKY = "\x00 \x85 \u2028 \r : # \" ' “ ” « » ‘ ’ [ ] { } & * ! @ % | > - ? , \t \\ ` é ç 2026-13-01 01/12/2026 \u200b \ufeff"
VALUES = st.one_of(
    st.lists(st.sampled_from([*TRICKY.split(" "), " ", "a", "bc", "xyz", "0", "12"]), max_size=12).map("".join),
    st.sampled_from(
        [
            "Trier ses clients : mes conseils",
            "“Mon titre”",
            "“Droits : vos droits”",
            '"Mon titre”',
            "Les 5 trucs #TDS",
            "[Nouveau] programme",
            "[a, b",
            "*Nouveau*",
            "&ancre valeur",
            "!!binary aGVsbG8=",
            "@lune",
            "- moi",
            "? quoi",
            "{a: b}",
            "|",
            ">",
            "2026-02-30",
            "25/12/2026",
            "3 mars 2026",
            "sécurité",
            "",
        ]
    ),
)
LINES = st.lists(
    st.tuples(st.sampled_from(["", "  ", "\t", "- ", "    ", " \t"]), st.sampled_from(FIELDS), VALUES),
    max_size=12,
)
BODIES = st.lists(
    st.sampled_from([*"ab #*-_[]()<>!`|:1).\n\t ", "<!-- relais: allow -->", "https://x.org", "é", "  - ", "1) "]),
    max_size=120,
).map("".join)
FOLDERS = st.sampled_from(
    ["posts", "pages", "services", "events", "guides", "authors", "announcements", "bad-dates/fr"]
)


def _file_text(lines: list[tuple[str, str, str]], body: str, yaml_only: bool) -> str:
    front = "\n".join(f"{indent}{key}: {value}" for indent, key, value in lines)
    return front + "\n" if yaml_only else f"---\n{front}\n---\n{body}\n"


@pytest.fixture(autouse=True)
def _one_process_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELAIS_WORKERS", "1")
    monkeypatch.setenv("RELAIS_CACHE", "0")


@settings(
    max_examples=300,
    deadline=None,  # timed below, with the message naming the file
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(lines=LINES, body=BODIES, folder=FOLDERS)
def test_check_answers_any_front_matter_and_body(lines: list[tuple[str, str, str]], body: str, folder: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        content = Path(temporary) / "content"
        shutil.copytree(FIXTURES / "minimal", content)
        yaml_only = folder in ("authors", "announcements")
        path = content / folder / ("random.yml" if yaml_only else "random.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        text = _file_text(lines, body, yaml_only)
        path.write_text(text, encoding="utf-8")
        started = time.monotonic()
        result = check(
            BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content, output_dir=Path(temporary) / "out")
        )
        seconds = time.monotonic() - started
        assert seconds < 10, f"check took {seconds:.1f} s on:\n{text}"
        for problem in result.problems:
            formatted = problem.format()
            assert "\n" not in formatted.strip() or problem.field == "", formatted
            assert "Traceback" not in formatted and "unexpected error" not in formatted, formatted
