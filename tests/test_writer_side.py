"""Issue 14, the writer's side: a peer who is not a developer writes a post in French without help.

Each test runs what a writer runs (``publish.py`` in a fresh process, or the
same ``check`` in-process) on the mistakes writers make, and reads what they
would read.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
from pathlib import Path

import pytest

from relais.build import BuildOptions, check
from relais.problems import Problem, Severity
from tests.helpers import FIXTURES, ROOT, copy_minimal, front_matter, publish, write

FRENCH = {"RELAIS_LANG": "fr", "LANG": "fr_CA.UTF-8"}
POST = {
    "title": "Un titre",
    "date": "2026-01-15",
    "authors": "[ana]",
    "category": "news",
    "summary": "Un résumé.",
    "lang": "fr",
    "status": "published",
}


def problems_in(content: Path, today: str = "2026-02-15") -> list[Problem]:
    import datetime as dt

    result = check(
        BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content, today=dt.date.fromisoformat(today))
    )
    return result.problems.sorted_with_notes()


def of(problems: list[Problem], name: str) -> list[Problem]:
    return [problem for problem in problems if problem.file.endswith(name)]


# --- It just runs ----------------------------------------------------------------------------


def _site_copy(tmp_path: Path) -> Path:
    """A site of its own, settings and a small content folder, which the project's publish.py builds."""
    site = tmp_path / "site"
    site.mkdir()
    copy_minimal(site)
    # The project's settings, loaded under another name (this file is pelicanconf.py too).
    (site / "pelicanconf.py").write_text(
        "import importlib.util\n"
        f"_spec = importlib.util.spec_from_file_location('project_settings', {str(ROOT / 'pelicanconf.py')!r})\n"
        "_module = importlib.util.module_from_spec(_spec)\n_spec.loader.exec_module(_module)\n"
        "globals().update({name: value for name, value in vars(_module).items() if name.isupper()})\n"
        f"PATH = 'content'\nTHEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n",
        encoding="utf-8",
    )
    return site


def test_publish_starts_again_with_the_project_venv(tmp_path: Path) -> None:
    site = tmp_path / "project"
    (site / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "publish.py", site / "publish.py")
    fake = site / ".venv" / "bin" / "python"
    fake.write_text('#!/bin/sh\necho "the project python ran: $*"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    result = publish_file(site / "publish.py", "check", cwd=site)
    assert "the project python ran:" in result.stdout and result.stdout.rstrip().endswith("check"), result


def test_publish_without_its_libraries_says_to_run_make_html(tmp_path: Path) -> None:
    shutil.copy(ROOT / "publish.py", tmp_path / "publish.py")
    result = publish_file(tmp_path / "publish.py", "check", cwd=tmp_path, env=FRENCH)
    assert result.returncode == 69
    assert "make html" in result.stderr and "pas encore installé" in result.stderr
    assert "Traceback" not in result.stderr


def publish_file(script: Path, *args: str, cwd: Path, env: dict[str, str] | None = None):
    import subprocess

    full_env = {key: value for key, value in os.environ.items() if key not in ("RELAIS_VENV_PYTHON", "RELAIS_LANG")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(script), *args], cwd=cwd, env=full_env, capture_output=True, text=True, check=False
    )


def test_publish_works_from_any_folder_inside_the_site(tmp_path: Path) -> None:
    site = _site_copy(tmp_path)
    inside = site / "content" / "posts"
    result = publish_file(ROOT / "publish.py", "check", cwd=inside, env={"RELAIS_LANG": "en"})
    assert result.returncode == 0, result.stderr
    assert "No problems found." in result.stdout
    write(site / "content", "posts/broken.md", front_matter(POST, title=None))
    result = publish_file(ROOT / "publish.py", "check", cwd=inside, env={"RELAIS_LANG": "en"})
    assert result.returncode == 1
    assert "\ncontent/posts/broken.md:" in "\n" + result.stderr  # named from the site's folder, as the guide shows
    outside = publish_file(ROOT / "publish.py", "check", cwd=tmp_path, env=FRENCH)
    assert outside.returncode == 2 and "Impossible de trouver pelicanconf.py" in outside.stderr


# --- In the writer's language ----------------------------------------------------------------

USUAL_MISTAKES = """---
title: Trier ses clients : mes conseils
date: 01/12/2026
authors: [luna]
category: securiter
tags: [sécurité]
summary:
lang: fr
status: published
---

Ce qu'il faut savoir :
- on peut refuser
- on peut poser ses conditions

1) appeler la ligne
  - ou écrire
"""


def test_a_french_writer_reads_every_message_in_french_with_the_fix(content: Path) -> None:
    write(content, "posts/trier.md", USUAL_MISTAKES)
    result = publish("check", "--content", str(content), env=FRENCH)
    lines = [line for line in result.stderr.splitlines() if "trier.md" in line]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    expected = [
        "date: « 01/12/2026 » : 1er décembre ou 12 janvier? — écrivez 2026-12-01 (ou 2026-01-12)",
        "authors: il n'y a pas d'auteur·rice nommé·e « luna » — utilisez un de ces noms : ana, moon",
        "category: « securiter » n'est pas une de nos catégories — vouliez-vous dire « safety »?",
        "summary: est vide — remplissez-le, par exemple 'summary: Où se faire dépister gratuitement",
        "avertissement : texte: cette liste est collée sous une ligne de texte",
        "avertissement : texte: cet élément est décalé de 2 espaces, alors il s'affiche à côté",
    ]
    for wanted in expected:
        assert any(wanted in line for line in lines), f"{wanted!r} not in:\n" + "\n".join(lines)
    english = re.compile(r"\b(the|is not|did you mean|warning|should be|write|add)\b")
    assert not [line for line in result.stderr.splitlines() if english.search(line)], result.stderr
    assert result.stderr.splitlines()[-1] == "4 erreurs, 2 avertissements."


def test_help_is_in_french(content: Path) -> None:
    result = publish("check", "--help", env=FRENCH)
    assert result.returncode == 0
    assert result.stdout.startswith("utilisation : publish.py check")
    assert "Vérifie chaque fichier de contenu" in result.stdout and "afficher cette aide" in result.stdout
    wrong = publish("chek", env=FRENCH)
    assert "choix invalide" in wrong.stderr and "erreur" in wrong.stderr


def test_the_site_language_is_the_default_for_messages(tmp_path: Path) -> None:
    site = _site_copy(tmp_path)
    settings = site / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8") + 'DEFAULT_LANG = "fr"\n', encoding="utf-8")
    write(site / "content", "posts/broken.md", front_matter(POST, title=None))
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = publish_file(ROOT / "publish.py", "check", cwd=site, env=env)
    assert "title: ce champ est obligatoire mais il manque" in result.stderr, result.stderr
    assert publish_file(ROOT / "publish.py", "--help", cwd=site, env=env).stdout.startswith("utilisation :")


def test_new_writes_its_template_in_french_and_never_prefills_a_category(content: Path) -> None:
    result = publish("new", "post", "Où manger : nos adresses", "--lang", "fr", "--content", str(content), env=FRENCH)
    assert result.returncode == 0 and "remplissez les champs" in result.stdout
    text = (content / "posts" / "ou-manger-nos-adresses.md").read_text(encoding="utf-8")
    assert "category:  # une de ces catégories : health (Santé)" in text
    assert "authors: []  # qui l'a écrit : un de ces noms : ana, moon" in text
    assert "Écrivez votre article ici" in text
    problems = of(problems_in(content), "ou-manger-nos-adresses.md")
    assert {problem.field for problem in problems} >= {"authors", "category", "summary"}
    assert all(problem.severity is Severity.WARNING for problem in problems)  # a draft


def test_a_french_writers_new_post_is_in_french_without_lang(content: Path) -> None:
    assert publish("new", "post", "Mes conseils", "--content", str(content), env=FRENCH).returncode == 0
    text = (content / "posts" / "mes-conseils.md").read_text(encoding="utf-8")
    assert "\nlang: fr\n" in text and "health (Santé)" in text
    english = publish("new", "post", "My advice", "--content", str(content), env={"RELAIS_LANG": "en"})
    assert english.returncode == 0 and "\nlang: en\n" in (content / "posts" / "my-advice.md").read_text()


def test_new_post_refuses_an_author_who_does_not_exist(content: Path) -> None:
    result = publish("new", "post", "Salut tout le monde", "--author", "anna", "--content", str(content), env=FRENCH)
    assert result.returncode == 1
    assert "il n'y a pas d'auteur·rice nommé·e « anna » — vouliez-vous dire « ana »?" in result.stderr
    assert './publish.py new author "anna"' in result.stderr
    assert not (content / "posts" / "salut-tout-le-monde.md").exists()


def test_new_author_then_new_post_with_a_category_label(content: Path) -> None:
    assert publish("new", "author", "Luna", "--role", "peer", "--content", str(content)).returncode == 0
    assert "role: peer" in (content / "authors" / "luna.yml").read_text(encoding="utf-8")
    result = publish(
        "new", "post", "Salut tout le monde", "--author", "luna", "--category", "Sécurité", "--content", str(content)
    )
    assert result.returncode == 0, result.stderr
    text = (content / "posts" / "salut-tout-le-monde.md").read_text(encoding="utf-8")
    assert "authors: [luna]" in text and "category: safety" in text


# --- Front matter that forgives what is safe to forgive -------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("title: Trier ses clients : mes conseils", "Trier ses clients : mes conseils"),
        ("title: “Mon titre”", "Mon titre"),
        ("title: “Droits : vos droits”", "Droits : vos droits"),
        ("title: @lune répond", "@lune répond"),
        ("title: [Nouveau] programme", "[Nouveau] programme"),
        ("title:\tAvec une tabulation", "Avec une tabulation"),
    ],
)
def test_front_matter_reads_what_the_writer_meant(content: Path, written: str, read: str) -> None:
    text = front_matter({key: value for key, value in POST.items() if key != "title"}).replace(
        "---\n", f"---\n{written}\n", 1
    )
    write(content, "posts/forgiven.md", text)
    assert of(problems_in(content), "forgiven.md") == []
    from relais.sources import read_front_matter

    front, _problems = read_front_matter(content / "posts" / "forgiven.md", "x.md")
    assert front.data["title"] == read


def test_a_tab_in_the_indentation_names_its_line(content: Path) -> None:
    write(content, "posts/tab.md", "---\ntitle: T\nannounce:\n  headline: H\n\ttext: x\n---\nBody\n")
    [problem] = of(problems_in(content), "tab.md")
    assert problem.line == 5 and "tab" in problem.what and "use spaces" in problem.fix


def test_straight_and_typographic_quotes_mixed_are_named(content: Path) -> None:
    write(content, "posts/quotes.md", '---\ntitle: "Mon titre”\ndate: 2026-01-15\n---\nBody\n')
    [problem] = of(problems_in(content), "quotes.md")
    assert problem.line == 2 and "typographic quotes" in problem.what and '"like this"' in problem.fix


def test_a_value_cut_at_a_hash_is_pointed_out(content: Path) -> None:
    write(content, "posts/hash.md", front_matter(POST, title="Les 5 trucs #TDS", status="published  # fini"))
    [problem] = of(problems_in(content), "hash.md")
    assert problem.field == "title" and problem.severity is Severity.WARNING
    assert 'title: "Les 5 trucs #TDS"' in problem.fix


def test_a_label_in_either_language_names_the_category(content: Path) -> None:
    write(content, "posts/label.md", front_matter(POST, category="sécurité"))
    write(content, "posts/typo.md", front_matter(POST, category="santee"))
    problems = problems_in(content)
    assert of(problems, "label.md") == []
    [typo] = of(problems, "typo.md")
    assert "did you mean 'health'?" in typo.fix  # found through its French label, Santé


# --- Messages that finish the job ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2026-13-01", "there is no month 13"),
        ("2026-02-30", "February 2026 has no day 30 (it has 28 days)"),
        ("01/12/2026", "December 1 or January 12? — write 2026-12-01 (or 2026-01-12)"),
        ("25/12/2026", "written day and month the other way — write 2026-12-25"),
        ("3 mars 2026", "written in words — write 2026-03-03"),
        ("2026-01-01 25:00", "there is no hour 25"),
    ],
)
def test_dates_say_what_is_wrong(content: Path, date: str, message: str) -> None:
    write(content, "posts/date.md", front_matter(POST, date=date))
    [problem] = of(problems_in(content), "date.md")
    assert message in problem.format()


def test_a_scheduled_post_is_noted_and_a_date_far_ahead_warned(content: Path) -> None:
    write(content, "posts/soon.md", front_matter(POST, date="2026-12-15"))
    write(content, "posts/far.md", front_matter(POST, date="2027-06-01"))
    problems = problems_in(content, today="2026-02-15")
    [soon] = of(problems, "soon.md")
    assert soon.severity is Severity.NOTE and "goes out on December 15, 2026" in soon.what
    [far] = of(problems, "far.md")
    assert far.severity is Severity.WARNING and "more than a year from now" in far.what
    result = publish("check", "--content", str(content), "--strict", "--today", "2026-02-15")
    assert "note: date: this is scheduled" in result.stderr
    assert result.stderr.splitlines()[-1] == "0 errors, 1 warning (--strict: warnings count as errors)."


def test_authors_and_reviewers_are_listed(content: Path) -> None:
    write(content, "posts/who.md", front_matter(POST, authors="[zed]"))
    write(content, "posts/review.md", front_matter(POST, authors="[moon]", reviewed_by="moon"))
    problems = problems_in(content)
    [who] = of(problems, "who.md")
    assert "use one of ana, moon" in who.fix and './publish.py new author "zed"' in who.fix
    [review] = of(problems, "review.md")
    assert "'moon' is not a staff member" in review.what and "a staff member reviews peer posts: ana" in review.fix


def test_a_french_text_without_lang_fr_is_pointed_out(content: Path) -> None:
    body = (
        "Se faire dépister, c'est prendre soin de soi. Une infirmière vient tous les mercredis à la halte, "
        "et vous pouvez venir sans rendez-vous : nous ne demandons pas de carte et tout est confidentiel."
    )
    write(content, "posts/sans-lang.md", front_matter(POST, lang=None, title="Se faire dépister", body=body))
    [problem] = of(problems_in(content), "sans-lang.md")
    assert problem.field == "lang" and "looks written in French" in problem.what
    assert "'lang: fr'" in problem.fix


def test_check_prints_one_summary_after_the_messages(content: Path) -> None:
    write(content, "posts/warned.md", front_matter(POST, status="draft", title=None))
    result = publish("check", "--content", str(content))
    assert result.returncode == 0
    assert "No problems found" not in result.stdout + result.stderr
    assert result.stderr.splitlines()[-1] == "0 errors, 1 warning."
    clean = publish("check", "--content", str(copy_minimal(content.parent / "clean")))
    assert clean.stdout.strip() == "No problems found." and clean.stderr == ""


# --- The allow marker works everywhere -----------------------------------------------------------


def test_the_allow_marker_passes_a_strict_check(content: Path) -> None:
    body = "Elle se dit <!-- relais: allow --> pute, et fière de l'être."
    write(content, "posts/allow.md", front_matter(POST, body=body))
    result = publish("check", "--strict", "--content", str(content))
    assert result.returncode == 0, result.stderr
    write(content, "posts/note.md", front_matter(POST, title="Note", body="Texte <!-- note interne -->"))
    result = publish("check", "--strict", "--content", str(content))
    assert "note.md:11: warning: HTML: an HTML comment was removed" in result.stderr
    assert "allow.md" not in result.stderr


def test_the_allow_marker_passes_make_publish(content: Path, tmp_path: Path) -> None:
    """`make publish`: a strict build with the public settings, whose sanitiser sees the built pages."""
    body = "Elle se dit <!-- relais: allow --> pute, et fière de l'être."
    write(content, "posts/allow.md", front_matter(POST, body=body))
    output = tmp_path / "public"
    result = publish(
        "build",
        *("--settings", "publishconf.py", "--strict", "--content", str(content), "--output", str(output)),
        env={"RELAIS_NEVER_PUBLISH": str(ROOT / "private/never-publish.example.txt")},
    )
    assert result.returncode == 0, result.stderr
    pages = [path.read_text(encoding="utf-8") for path in output.rglob("*.html")]
    assert any("pute, et fière" in page for page in pages)
    assert not any("relais: allow" in page for page in pages)


# --- Markdown as the guide says ------------------------------------------------------------------


def _renderer():
    from relais.pelican_settings import read_site_settings
    from relais.rendering import MarkdownRenderer, markdown_options

    return MarkdownRenderer(markdown_options(read_site_settings(ROOT / "pelicanconf.py")))


def _section(guide: str, heading: str) -> str:
    """The section under ``heading``, to the next heading of its level outside code blocks."""
    lines = (ROOT / guide).read_text(encoding="utf-8").split("\n")
    start = lines.index(heading)
    fenced = False
    for number in range(start + 1, len(lines)):
        fenced ^= lines[number].startswith("```")
        if not fenced and lines[number].startswith("## "):
            return "\n".join(lines[start:number])
    return "\n".join(lines[start:])


@pytest.mark.parametrize(
    ("guide", "heading"),
    [("README.md", "## Markdown: what the site shows"), ("GUIDE-REDACTION.md", "## Markdown : ce que le site affiche")],
)
def test_what_the_guide_shows_renders_as_shown(guide: str, heading: str) -> None:
    import lxml.html

    from relais.markdown_checks import list_problems

    examples = re.findall(r"```markdown\n(.*?)```", _section(guide, heading), re.DOTALL)
    assert examples
    renderer = _renderer()
    for example in examples:
        assert list(list_problems(example, 1, guide)) == []
        html = renderer.convert(example)
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
        items = re.findall(r"^( *)(?:[-*+]|\d+[.)]) ", example, re.MULTILINE)
        assert len(tree.findall(".//li")) == len(items), html  # every line written as an item is one
        nested = [indent for indent in items if indent]
        assert len(tree.findall(".//li//li")) == len(nested), html
        assert len(tree.findall(".//ol/li")) == len(re.findall(r"^\d+[.)] ", example, re.MULTILINE))
        for address in re.findall(r"(?<![(<])https://\S+", example):
            assert tree.xpath(f'.//a[@href="{address}"]'), f"{address} is not a link in {html}"
        assert not [p for p in tree.findall(".//p") if re.search(r"(^|\n)\s*(-|\d+[.)]) ", p.text_content())]


def test_what_markdown_cannot_do_is_pointed_out_on_its_line() -> None:
    from relais.markdown_checks import list_problems

    body = "Texte :\n- a\n- b\n\n- c\n  - d\n\n1) un\n2) deux\n\nEn 2026, nous\n2026. une année\n\nVoici :\n1) un\n"
    problems = list(list_problems(body, 10, "x.md"))
    assert [(problem.line, problem.severity) for problem in problems] == [
        (11, Severity.WARNING),
        (15, Severity.WARNING),
        (24, Severity.WARNING),
    ]
    html = _renderer().convert("Voir https://example.org/a?b=1 et www.example.com.")
    assert '<a href="https://example.org/a?b=1">' in html and '<a href="http://www.example.com">' in html


def test_the_french_guide_example_post_passes_check(content: Path) -> None:
    example = re.search(r"```markdown\n(---\n.*?)```", (ROOT / "GUIDE-REDACTION.md").read_text(encoding="utf-8"), re.S)
    assert example is not None
    write(content, "authors/lune.yml", "name: Lune\nrole: staff\n")
    write(content, "posts/se-faire-depister.md", example.group(1))
    assert of(problems_in(content, today="2026-11-22"), "se-faire-depister.md") == []


def test_the_readme_points_french_writers_to_their_guide() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("GUIDE-REDACTION.md") < readme.index("## Writing a post or a page")
    guide = (ROOT / "GUIDE-REDACTION.md").read_text(encoding="utf-8")
    commands = [line.split("#")[0].strip() for line in guide.split("```")[1].splitlines()[1:] if line.strip()]
    assert commands == ["make html", "make test"]


def test_the_fixture_authors_exist() -> None:
    assert {path.stem for path in (FIXTURES / "minimal" / "authors").glob("*.yml")} == {"ana", "moon"}


@pytest.mark.parametrize(("written", "meant"), [("titre", "title"), ("résumé", "summary"), ("catégorie", "category")])
def test_a_field_name_written_in_french_finds_its_english_name(content: Path, written: str, meant: str) -> None:
    text = front_matter(POST).replace(f"\n{meant}:", f"\n{written}:")
    write(content, "posts/champs.md", text)
    problems = of(problems_in(content), "champs.md")
    assert any(p.field == written and f"did you mean '{meant}'?" in p.fix for p in problems), problems


def test_a_french_bad_date_edition_gets_french_examples_and_labels_in_either_language(content: Path) -> None:
    edition = (
        "---\nedition: 2026-02\nlang: fr\nstatus: draft\nreports:\n"
        "  - id: 2026-02-r1\n    date: 2026-02-03\n    area: Nord de la ville\n    place_type: car\n"
        "    types: [vol]\n    aggressor:\n      description: Homme grand.\n"
        "    what_happened: Il est parti avec l'argent.\n    reported_on: 2026-02-05\n"
        "  - id: 2026-02-r2\n    date: 2026-02-04\n    area: Nord de la ville\n    place_type: car\n"
        "    types: [threats]\n    aggressor:\n      description: Homme grand.\n    reported_on: 2026-02-05\n---\n"
    )
    write(content, "bad-dates/fr/2026-02.md", edition)
    problems = of(problems_in(content), "2026-02.md")
    kinds = [p for p in problems if p.field == "reports.0.types.0"]
    assert kinds and "did you mean 'robbery'?" in kinds[0].fix, problems
    missing = [p for p in problems if p.field == "reports.1.what_happened"]
    assert missing and "Il a refusé de payer" in missing[0].fix, problems


def test_the_preview_panel_marks_the_messages_with_their_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages are in the writer's language, which may not be the page's: screen readers need to know."""
    import json

    from relais import i18n
    from relais.preview.state import Snapshot

    monkeypatch.setattr(i18n, "_chosen", "fr")
    assert json.loads(Snapshot("s.1", 1, ("x",), "1 erreur, 0 avertissement.").as_json())["lang"] == "fr"
    script = (ROOT / "relais/preview/live.js").read_text(encoding="utf-8")
    assert 'list.setAttribute("lang", messagesLang)' in script


def test_new_bad_dates_example_is_in_each_editions_language(content: Path) -> None:
    result = publish("new", "bad-dates", "2026-12", "--content", str(content), env=FRENCH)
    assert result.returncode == 0, result.stderr
    french = (content / "bad-dates/fr/2026-12.md").read_text(encoding="utf-8")
    english = (content / "bad-dates/en/2026-12.md").read_text(encoding="utf-8")
    assert "description: Homme dans la quarantaine" in french and "Man in" not in french
    assert "description: Man in his forties" in english
    assert "le jour de l'incident" in english  # the comments are in the writer's language


def test_bad_dates_import_works_from_inside_the_content_folder(tmp_path: Path) -> None:
    """Like every command: the site's settings are found from above, the spreadsheet where it was named."""
    site = _site_copy(tmp_path)
    write(site / "content", "sheet.csv", "id,date\n")
    arguments = ("bad-dates", "import", "sheet.csv", "--edition", "2026-12", "--lang", "fr")
    result = publish_file(ROOT / "publish.py", *arguments, cwd=site / "content", env=FRENCH)
    assert result.returncode == 0, result.stderr
    assert (site / "content/bad-dates/fr/2026-12.md").is_file()


def test_an_invisible_line_break_in_a_field_is_a_space_and_lines_stay_right(content: Path) -> None:
    """U+2028 and U+0085 (pasted from a web page) end a line for YAML, never for the writer's editor."""
    text = front_matter(POST, title="Un\u2028titre").replace("category: news", "category: newz\x85")
    write(content, "posts/invisible.md", text)
    problems = of(problems_in(content), "invisible.md")
    lines = text.split("\n")
    assert [(p.field, p.line) for p in problems] == [("category", lines.index("category: newz\x85") + 1)], problems
