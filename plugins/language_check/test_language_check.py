"""The respectful-language check: known terms in both languages, quotations, markers, strict mode."""

from __future__ import annotations

import datetime as dt
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from language_check import text_findings
from language_check.terms import TermEntry, compile_terms, fold, load_terms
from relais.build import BuildOptions, check
from relais.pelican_settings import read_site_settings, site_plugins
from relais.site import load_site
from tests.helpers import DEMO_TODAY, ROOT, build_minimal, copy_minimal, publish, write

SETTINGS = ROOT / "pelicanconf.py"
TEST_DATA = Path(__file__).with_name("test_data")

# (file, line, column, word) of every finding in test_data/, and nothing else.
EXPECTED = [
    ("authors/kit.yml", 4, 20, "exploitation"),  # bio.en
    ("authors/kit.yml", 5, 20, "exploitation"),  # bio.fr: the '#' inside the value is text, not a marker
    ("posts/mots.md", 2, 13, "prostituées"),  # the second one is between « »
    ("posts/mots.md", 7, 8, "prostitution"),  # tags; the summary's word is silenced by '# relais: allow'
    ("posts/mots.md", 7, 23, "prostitué·e·s"),
    ("posts/mots.md", 11, 24, "sauver"),  # announce.headline
    ("posts/mots.md", 13, 42, "prostitué·es"),  # the first word of this '>' text is silenced on its header line
    ("posts/mots.md", 16, 5, "prostituée"),  # the second one is silenced by the HTML comment
    ("posts/mots.md", 16, 60, "PROSTITUÉE"),
    ("posts/mots.md", 16, 78, "prostituees"),
    ("posts/mots.md", 18, 5, "prostitué.es"),
    ("posts/mots.md", 18, 25, "prostitué(e)s"),  # "prostitutionnistes" is another word
    ("posts/mots.md", 24, 37, "prostitution"),  # a quotation never closed quotes nothing
    ("posts/words.md", 6, 12, "john"),  # not "John Smith", not "the Johnsons"
    ("posts/words.md", 11, 4, "rescue"),  # not "rescuers"
    ("posts/words.md", 11, 41, "victims"),  # not "victimhood"
    ("posts/words.md", 13, 1, "Prostitutes"),
    ("posts/words.md", 13, 14, "hookers"),
    ("posts/words.md", 14, 1, "sex slave"),  # a phrase over two lines
]


@pytest.fixture()
def fixture_content(tmp_path: Path) -> Path:
    content = copy_minimal(tmp_path)
    shutil.copytree(TEST_DATA, content, dirs_exist_ok=True)
    return content


def language_problems(content: Path, today: str = "2026-02-15"):
    result = check(BuildOptions(settings_file=SETTINGS, content_dir=content, today=dt.date.fromisoformat(today)))
    return [p for p in result.problems.sorted() if p.what.startswith(('"', "this 'relais: allow'"))]


def test_findings_on_a_fixture_with_known_terms_in_both_languages(fixture_content: Path) -> None:
    problems = language_problems(fixture_content)
    found = [
        (p.file.split("content/", 1)[1], p.line, p.column, p.what.strip('"'))
        for p in problems
        if p.what.startswith('"')
    ]
    assert found == EXPECTED
    assert all(p.severity.value == "warning" for p in problems)


def test_a_marker_that_lets_nothing_through_is_reported(fixture_content: Path) -> None:
    unused = [p for p in language_problems(fixture_content) if not p.what.startswith('"')]
    assert [(p.file.rsplit("/", 1)[1], p.line, p.column) for p in unused] == [("words.md", 12, 33)]
    assert "remove it" in unused[0].fix


def test_message_names_the_word_the_suggestion_and_why(fixture_content: Path) -> None:
    code, lines = _check(fixture_content)
    assert code == 0  # warnings only
    expected = 'posts/mots.md:16:5: warning: "prostituée" — consider "travailleuse ou travailleur du sexe (TDS)" ('
    assert any(line.endswith(")") and expected in line for line in lines), lines
    english = 'posts/words.md:11:4: warning: "rescue" — consider "support" (sex workers decide'
    assert any(english in line for line in lines)
    # In a French value, a word listed in both languages gets the French suggestion.
    assert any('kit.yml:5:20: warning: "exploitation" — consider "nommez ce qui' in line for line in lines)


def test_strict_mode_makes_findings_errors(fixture_content: Path) -> None:
    code, lines = _check(fixture_content, "--strict")
    assert code == 1 and lines[-1].endswith("(--strict: warnings count as errors).")


def _check(content: Path, *extra: str) -> tuple[int, list[str]]:
    result = publish("check", "--content", str(content), "--today", "2026-02-15", *extra)
    return result.returncode, result.stderr.splitlines()


@pytest.mark.parametrize(
    "word",
    [
        "prostitué",
        "prostituée",
        "prostitués",
        "prostituées",
        "prostitué·e",
        "prostitué·es",
        "prostitué.e",
        "prostitué-e",
        "Prostituée",
        "PROSTITUÉES",
        "prostituee",
    ],
)
def test_french_inflections_are_found(word: str) -> None:
    (finding,) = text_findings(f"Une {word} ici.", "fr")
    assert finding.matched == word and finding.term.lang == "fr"


@pytest.mark.parametrize("text", ["prostitutionnisme", "victimhood", "Johnny", "saved", "exploitable", "apimped"])
def test_only_whole_words_are_found(text: str) -> None:
    assert [f.matched for f in text_findings(f"a {text} b", "en") if f.matched.lower() == text.lower()] == []


@pytest.mark.parametrize(
    "text",
    [
        'She said "no rescue, thanks".',
        "Elle a dit « pas de sauvetage » et elle est partie.",
        "He wrote “the word victim is not mine”.",
        "Die Zeitung schrieb „victim“.",
        "« Elle a dit : “prostituée”, et alors ? »",
    ],
)
def test_quotations_are_not_flagged(text: str) -> None:
    assert text_findings(text, "en") == []


def test_terms_file_is_valid_and_covers_both_languages() -> None:
    terms = load_terms()
    assert {term.lang for term in terms} == {"en", "fr"}
    assert all(term.suggest and term.why for term in terms)
    with pytest.raises(ValueError):
        TermEntry.model_validate({"lang": "en", "words": [], "suggest": "x", "why": "y"})


def test_folding_keeps_every_position() -> None:
    for text in ["Prostituée", "İstanbul ß straße", "e\u0301", "ÉCOLE"]:
        assert len(fold(text)) == len(text)
    (term,) = compile_terms([TermEntry(lang="fr", words=["proxénète"], suggest="x", why="y")])
    assert term.pattern.search(fold("Un PROXENETE."))


def test_settings_readers_see_are_checked(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    settings = read_site_settings(SETTINGS, content)
    settings["SITE_DESCRIPTION"] = {"en": "Help for prostitutes.", "fr": "Aide aux TDS."}
    _site, problems = load_site(settings, str(SETTINGS), site_plugins(settings)[0], dt.date(2026, 2, 15))
    (problem,) = [p for p in problems if p.what.startswith('"')]
    assert problem.field == "SITE_DESCRIPTION.en" and problem.what == '"prostitutes"'
    assert problem.file == str(SETTINGS) and problem.line > 1


def test_demo_content_and_settings_pass_in_strict_mode() -> None:
    result = publish("check", "--strict", "--today", DEMO_TODAY)
    assert result.returncode == 0, result.stderr


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_body_marker_never_shows_on_the_page(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write(
        content,
        "posts/law.md",
        "---\ntitle: The law\ndate: 2026-01-20\nauthors: [ana]\ncategory: rights\nsummary: About the law.\n"
        "lang: en\nstatus: published\n---\n\n"
        "<!-- relais: allow --> Prostitution is the word the Criminal Code uses.\n\n"
        "The section on <!-- relais: allow --> prostitution changed in 2014.\n",
    )
    assert language_problems(content) == []
    output = build_minimal(tmp_path)
    parser = _Text()
    parser.feed((output / "en/posts/law/index.html").read_text(encoding="utf-8"))
    shown = " ".join(parser.text)
    assert "The section on" in shown and "Prostitution is the word" in shown
    assert "relais" not in shown and "<!--" not in shown
