"""``publish.py new``: start a post, a page or an author file with its fields ready to fill in.

The file's comments and placeholder text are in the writer's language
(:mod:`relais.i18n`).  Nothing the writer did not choose is filled in for
them: a post's category and authors stay empty until they pick one (the
comment lists what they can pick), so ``check`` reminds them instead of a
guess being published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .i18n import _, writer_language
from .messages import choose_from, did_you_mean, one_of
from .questions import Question
from .settings import SiteConfig
from .slugs import slugify


class ScaffoldError(Exception):
    pass


@dataclass(frozen=True)
class NewFile:
    """What the writer asked ``new`` for."""

    kind: str  # post, page or author
    title: str  # an author's display name
    lang: str | None = None
    author: str | None = None
    category: str | None = None
    role: str | None = None
    question: Question | None = None  # the question of content/questions.yml a new post answers


def new_file(request: NewFile, *, content_dir: Path, config: SiteConfig, today: dt.date) -> Path:
    """Write the new file and return its path; never overwrites anything."""
    folder = content_dir / {"post": "posts", "page": "pages", "author": "authors"}[request.kind]
    name = slugify(request.title)
    if not name:
        raise ScaffoldError(_("the title has no letters or digits to name the file with — write a title in words"))
    path = folder / (f"{name}.yml" if request.kind == "author" else f"{name}.md")
    if request.kind == "author":
        text = _author_text(request, today)
    else:
        lang = _language(request.lang or (request.question.lang if request.question else None), config)
        if request.kind == "post":
            text = _post_text(request, today, lang, config, _authors(content_dir))
        else:
            text = _page_text(request.title, lang)
        if request.question is not None:
            text = _answering(text, request.question)
    if path.exists():
        raise ScaffoldError(
            _("{path} already exists; it was left as it is — choose another title, or edit that file").format(path=path)
        )
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(text)
    return path


def _language(lang: str | None, config: SiteConfig) -> str:
    """``--lang``, else the language the writer works in (a French writer writes French), else the site's."""
    writer = writer_language()
    lang = lang or (writer if writer in config.LANGUAGES else config.DEFAULT_LANG)
    if lang not in config.LANGUAGES:
        raise ScaffoldError(
            _("'{lang}' is not one of the site's languages — {fix}").format(
                lang=lang, fix=choose_from(lang, config.LANGUAGES)
            )
        )
    return lang


def _authors(content_dir: Path) -> list[str]:
    """The names posts can put in ``authors:`` (file names in content/authors/), without reading the files."""
    folder = content_dir / "authors"
    return sorted(path.stem for path in folder.glob("*.yml") if path.is_file()) if folder.is_dir() else []


def _chosen_author(author: str | None, known: list[str]) -> str | None:
    if author is None:
        return None
    if author in known:
        return author
    guess = did_you_mean(author, known)
    hint = _("did you mean '{guess}'? ").format(guess=guess) if guess else ""
    listed = _("the authors are: {authors}").format(authors=one_of(known)) if known else _("there is none yet")
    raise ScaffoldError(
        _(
            "there is no author called '{author}' — {hint}{listed}; to add one, run "
            './publish.py new author "{author}"'
        ).format(author=author, hint=hint, listed=listed)
    )


def _chosen_category(category: str | None, config: SiteConfig) -> str | None:
    if category is None:
        return None
    labels = {key: list(labels.values()) for key, labels in config.CATEGORIES.items()}
    found = next((key for key, spellings in labels.items() if category in (key, *spellings)), None)
    if found is None:
        raise ScaffoldError(
            _("'{category}' is not one of our categories — {fix}").format(
                category=category, fix=choose_from(category, config.CATEGORIES, labels)
            )
        )
    return found


def _answering(text: str, question: Question) -> str:
    """The new post names the question it answers, right after its status."""
    status = next(line for line in text.split("\n") if line.startswith("status:"))
    note = _("the question of content/questions.yml this post answers")
    return text.replace(status + "\n", f"{status}\nanswers: {question.id}  # {note}\n", 1)


def _field(name: str, value: object) -> str:
    """One ``name: value`` line, quoted by PyYAML where the value needs it."""
    if isinstance(value, dt.date):
        return f"{name}: {value.isoformat()}"
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000)
    return f"{name}: {text.removesuffix(chr(10)).removesuffix('...').strip()}"


def _post_text(request: NewFile, today: dt.date, lang: str, config: SiteConfig, authors: list[str]) -> str:
    author = _chosen_author(request.author, authors)
    category = _chosen_category(request.category, config)
    authors_hint = (
        _("who wrote it: one of {authors}").format(authors=one_of(authors))
        if authors
        else _('who wrote it: add yourself first with ./publish.py new author "Your name"')
    )
    categories_hint = _("one of: {categories}").format(
        categories=one_of(f"{key} ({labels.get(lang, key)})" for key, labels in config.CATEGORIES.items())
    )
    return "\n".join(
        [
            "---",
            _field("title", request.title),
            _field("date", today) + "  # " + _("when it goes live; a later date schedules it"),
            (_field("authors", [author]) if author else "authors: []") + "  # " + authors_hint,
            (_field("category", category) if category else "category:") + "  # " + categories_hint,
            "tags: []  # " + _("a few words readers would look for, in the post's language"),
            'summary: ""  # ' + _("one or two sentences for listings, feeds and forum snippets"),
            _field("lang", lang),
            "status: draft  # " + _("draft, then review, then published"),
            "---",
            "",
            _("Write your post here, in Markdown (see the writer's guide)."),
            "",
        ]
    )


def _page_text(title: str, lang: str) -> str:
    return "\n".join(
        [
            "---",
            _field("title", title),
            _field("lang", lang),
            "status: draft  # " + _("draft, then review, then published"),
            "---",
            "",
            _("Write the page here, in Markdown (see the writer's guide)."),
            "",
        ]
    )


def _author_text(request: NewFile, today: dt.date) -> str:
    role = request.role or "peer"
    return "\n".join(
        [
            _field("name", request.title) + "  # " + _("the name readers see; a pseudonym is fine"),
            f"role: {role}  # " + _("peer or staff (staff members review peers' posts)"),
            "# " + _("A short biography per language, if you want one:"),
            "# bio:",
            f"#   en: Peer writer since {today.year}.",  # each line in its own language
            f"#   fr: Pair·e rédacteur·rice depuis {today.year}.",
            "",
        ]
    )
