"""``publish.py new``: start a post or page with its fields filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .i18n import _
from .questions import Question
from .settings import SiteConfig
from .slugs import slugify


class ScaffoldError(Exception):
    pass


def new_file(
    kind: str,
    title: str,
    *,
    content_dir: Path,
    config: SiteConfig,
    today: dt.date,
    lang: str | None = None,
    author: str | None = None,
    question: Question | None = None,
) -> Path:
    lang = lang or (question.lang if question else None) or config.DEFAULT_LANG
    if lang not in config.LANGUAGES:
        raise ScaffoldError(f"'{lang}' is not one of the site's languages ({', '.join(config.LANGUAGES)})")
    folder = content_dir / ("posts" if kind == "post" else "pages")
    path = folder / f"{slugify(title)}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists; it was left as it is. Choose another title, or edit that file")
    folder.mkdir(parents=True, exist_ok=True)
    text = _post_text(title, today, lang, author, config) if kind == "post" else _page_text(title, lang)
    if question is not None:
        text = _answering(text, question)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(text)
    return path


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


def _post_text(title: str, today: dt.date, lang: str, author: str | None, config: SiteConfig) -> str:
    categories = ", ".join(config.CATEGORIES)
    return "\n".join(
        [
            "---",
            _field("title", title),
            _field("date", today),
            _field("authors", [author or "your-author-name"]) + "  # file names in content/authors/, without .yml",
            _field("category", next(iter(config.CATEGORIES))) + f"  # one of: {categories}",
            "tags: []",
            'summary: ""  # one or two sentences for listings, feeds and forum snippets',
            _field("lang", lang),
            "status: draft  # draft, then review, then published",
            "---",
            "",
            "Write your post here.",
            "",
        ]
    )


def _page_text(title: str, lang: str) -> str:
    return "\n".join(
        [
            "---",
            _field("title", title),
            _field("lang", lang),
            "status: draft  # draft, then review, then published",
            "---",
            "",
            "Write the page here.",
            "",
        ]
    )
