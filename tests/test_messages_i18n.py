"""Every message Relais shows writers and staff has its French translation (relais/i18n.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from babel.support import NullTranslations

from relais import i18n
from relais.build import BuildOptions, check
from tests.helpers import ROOT, write

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


# --- No message a writer reads is left out of the catalogs -------------------------------------
#
# Two rules, each catching what the other cannot:
#
# 1. Statically: a string of words written directly into a call that produces what writers read
#    (a Problem and its what and fix, entry.problem, problems.error/warning, print, argparse's
#    help and description, the exceptions whose message becomes a problem) must be marked with
#    _(), N_() or ngettext(): an f-string or a plain literal there is a message nobody can translate.
# 2. By running: `check` on content full of mistakes, with a pseudo-language whose every
#    translation is wrapped in ⟦…⟧.  Every problem's what, fix and field label must then be made
#    only of marked text (values such as file names and field values are inside it, since they are
#    put into the marked sentence), or be a field's own name.

WRITER_CALLS = {
    "Problem",
    "problem",
    "error",
    "warning",
    "note",
    "info",
    "print",
    "add_argument",
    "add_parser",
    "ArgumentParser",
    "ValueError",
    "ScaffoldError",
    "NotCleanable",
    "ConversionError",
    "OutputFolderError",
    "TooMuchToRead",
    "Refusal",
    "Removal",
    "_problem",
    "_warning",
    "ImageLink",
}
MARKERS = {"_", "N_", "ngettext"}
# Tools for developers only, which writers never run (make translations).
DEVELOPER_TOOLS = {"plugins/theme_i18n/catalogs.py"}
WORDS = re.compile(r"[A-Za-z]{2,}[ ,'’]+[A-Za-z]{2,}")


def _called_name(call: ast.Call) -> str:
    function = call.func
    return (
        function.id if isinstance(function, ast.Name) else function.attr if isinstance(function, ast.Attribute) else ""
    )


def _unmarked_in(tree: ast.AST, lines: list[str]) -> list[tuple[int, str]]:
    """Strings of words in writer-facing calls, outside _(); a line ending '# not for writers' is for developers."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, marked: bool) -> None:
        if isinstance(node, ast.Call) and _called_name(node) in MARKERS:
            marked = True
        if not marked and isinstance(node, ast.Constant | ast.JoinedStr):
            text = (
                node.value
                if isinstance(node, ast.Constant)
                else "".join(part.value for part in node.values if isinstance(part, ast.Constant))
            )
            exempt = any("# not for writers" in lines[row - 1] for row in range(node.lineno, node.end_lineno + 1))
            if isinstance(text, str) and WORDS.search(text) and not exempt:
                found.append((node.lineno, text[:80]))
            return
        for child in ast.iter_child_nodes(node):
            visit(child, marked)

    for call in ast.walk(tree):
        if isinstance(call, ast.Call) and _called_name(call) in WRITER_CALLS:
            for argument in [*call.args, *(keyword.value for keyword in call.keywords if keyword.arg != "metavar")]:
                visit(argument, False)
    return found


def test_every_message_a_writer_reads_is_marked_for_translation() -> None:
    unmarked: list[str] = []
    for folder in (ROOT / "relais", ROOT / "plugins"):
        for path in sorted(folder.rglob("*.py")):
            if path.name.startswith("test_") or path.name == "conftest.py":
                continue
            if path.relative_to(ROOT).as_posix() in DEVELOPER_TOOLS:
                continue
            source = path.read_text(encoding="utf-8")
            for line, text in _unmarked_in(ast.parse(source), source.split("\n")):
                unmarked.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    assert not unmarked, "mark these with _() (see README, 'Messages in the writer's language'):\n" + "\n".join(
        unmarked
    )


class _Pseudo(NullTranslations):
    """Every message wrapped in ⟦…⟧: what is outside came from no catalog."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return f"⟦{singular if count == 1 else plural}⟧"


_MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def _outside_markers(text: str) -> str:
    previous = None
    while previous != text:  # innermost first: a marked sentence may hold marked words
        previous, text = text, _MARKED.sub("", text)
    return text


MISTAKES = {
    "posts/yaml-tab.md": "---\ntitle: Tabs\nannounce:\n\theadline: x\n---\nBody\n",
    "posts/yaml-quote.md": '---\ntitle: "Mon titre”\ndate: 2026-01-01\n---\nBody\n',
    "posts/yaml-alias.md": "---\ntitle: x\nsummary: &s A summary\nother: *s\n---\nBody\n",
    "posts/yaml-list.md": "---\ntitle: x\ntags: [a, b\n---\nBody\n",
    "posts/no-fence.md": "title: x\n",
    "posts/unclosed.md": "---\ntitle: x\n",
    "posts/fields.md": (
        "---\ntitle: “Trier : mes conseils\nTitle: x\ndate: 01/12/2026\nupdated: 2026-13-40\nauthors: [luna]\n"
        "category: securiter\ntags: {a: b}\nsummary:\nlang: xx\nstatus: publised\nnoindex: maybe\n"
        "peer: true\nreviewed_by: moon\nannounce:\n  headline: Voir https://x.org\n  text: ok\n"
        "  date: 2026-02-30\n  until: 2025-01-01\n  headlin: x\n---\n"
        "# Titre\n\n#### Saut\n\nTexte :\n- a\n  - b\n\n1) un\n\n<script>x</script><iframe src=https://x.org></iframe>\n"
        "<p style='color:red' onclick='x' class='quick-exit' id='a--b'>p</p><!-- note -->\n"
        "![](/images/missing.jpg) ![Soupe](https://x.org/a.jpg) [lien]({filename}/posts/nope.md)\n"
        "<!-- relais: allow --> rien\n\nLe prostitué.\n"
    ),
    "posts/future.md": (
        "---\ntitle: Far\ndate: 2099-01-01\nauthors: [ana]\ncategory: news\nsummary: s\nlang: en\n"
        "status: published\n---\nBody #tag\n"
    ),
    "pages/page.md": "---\ntitle: p\nstatus: published\nlang: fr\ntranslation_key: about\n---\nx\n",
    "authors/kit.yml": "name: Kit\nrole: boss\nbio:\n  xx: Hi\n",
    "services/service.md": (
        "---\ntitle: S\nsummary: s\nstatus: active\ncategory: sante\naudience: [everyone, nobody]\n"
        "languages: [french]\ncontact:\n  phone: abc\nschedule:\n  - days: [mondy]\n    opens: 25:00\n"
        "    closes: '18:00'\n  - by_appointment: true\n    weeks: [fifth]\nlocation:\n  confidential: true\n"
        "  address: 12 rue du Phare\n---\nAu 1500, boulevard du Fleuve.\n"
    ),
    "events/event.md": (
        "---\ntitle: E\nsummary: s\nstart: 2026-03-03\nend: 19:00\nstatus: published\nrecurrence:\n"
        "  frequency: weekly\n  on: third sunday\n  until: 2025-01-01\n---\nx\n"
    ),
    "announcements/a.yml": "headline: H\ntext: Visit www.example.org\nstatus: published\nlang: en\n",
    "guides/guide.md": "---\ntitle: G\nsummary: s\nstatus: published\nupdated: 2099-01-01\n---\nx\n",
    "bad-dates/fr/2026-13.md": (
        "---\nedition: 2026-13\nlang: fr\nstatus: publised\nreports:\n  - id: x\n    date: 2026-02-30\n"
        "    time_of_day: midi\n    place_type: rue\n    types: [vol]\n    reporter: Lune\n"
        "    contact_used: [514 555 0199]\n    aggressor:\n      colour: bleu\n---\n"
    ),
    "bad-dates/en/2026-12.md": "---\nedition: 2026-11\nlang: fr\nstatus: draft\nreports: {a: b}\n---\n",
    "questions.yml": (
        "questions:\n  - id: 1\n    text: Où?\n    lang: xx\n    asked: 2026-13-01\n    times: beaucoup\n"
        "    who: Lune\n  - id: 1\n    text: ''\n"
    ),
    "posts/answers.md": "---\ntitle: A\nanswers: 99\nstatus: draft\n---\nx\n",
    "images/photo.heic": "not an image",
    "images/drawing.svg": "<svg></svg>",
    "images/.htaccess": "x",
    "images/fake.png": "<html></html>",
    "notes.md": "---\ntitle: x\n---\n",
    "posts/ignored/deep.md": "x",
}


def test_every_problem_of_a_check_is_made_of_marked_text(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for relative, text in MISTAKES.items():
        write(content, relative, text)
    never = tmp_path / "never.txt"
    never.write_text("1500, boulevard du Fleuve\n", encoding="utf-8")
    monkeypatch.setenv("RELAIS_NEVER_PUBLISH", str(never))
    monkeypatch.setenv("RELAIS_WORKERS", "1")
    monkeypatch.setenv("RELAIS_CACHE", "0")
    monkeypatch.setattr(i18n, "_translations", lambda _lang: _Pseudo())
    monkeypatch.setattr(i18n, "_chosen", "fr")
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    problems = list(result.problems)
    assert len(problems) > 50, "the mistakes above should give many problems"
    untranslated = []
    for problem in problems:
        # what and fix together: a validator's message is one sentence, 'what — fix', split at the dash.
        if re.search(r"[A-Za-z]", _outside_markers(f"{problem.what} — {problem.fix}")):
            untranslated.append(problem.format())
        if problem.field and not FIELD_NAME.match(problem.field) and _outside_markers(problem.field).strip():
            untranslated.append(f"field of {problem.format()}")
    assert not untranslated, "\n".join(untranslated)


def test_no_module_hides_the_translation_function() -> None:
    """``what, _, fix = …`` in a module that imports ``_`` breaks every message after it (a crash)."""
    hiding = []
    for folder in (ROOT / "relais", ROOT / "plugins"):
        for path in sorted(folder.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            imports = any(
                isinstance(node, ast.ImportFrom) and any(alias.name == "_" for alias in node.names)
                for node in ast.walk(tree)
            )
            if imports:
                hiding += [
                    f"{path.relative_to(ROOT)}:{node.lineno}"
                    for node in ast.walk(tree)
                    if (isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store))
                    or (isinstance(node, ast.arg) and node.arg == "_")
                ]
    assert not hiding, hiding
