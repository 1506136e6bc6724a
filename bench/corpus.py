"""A seeded corpus of posts, written as a Relais site and as a plain Pelican site.

    from bench.corpus import make_posts, write_relais_site, write_pelican_site

    posts = make_posts(1000)                      # 500 in English, 500 in French, in translated pairs
    relais = write_relais_site(folder / "relais", posts)
    pelican = write_pelican_site(folder / "pelican", posts)
    relais.write_post(with_marker(posts[0], "edited-1"))   # an edit, in the site's own format

Each post is about 880 words of Markdown: headings, a bullet and a numbered list,
a quote, links (to an earlier post and to another site), and a passage in the other
language.  The same seed always gives the same posts, and the first N posts of a
larger corpus are the posts of a corpus of N.

The Relais site holds the generated posts plus the demo's own authors, pages,
services, events, guides, announcements and images (copied from ``content/``), so
that it is a complete site valid under ``publish.py check``, with the demo's
never-publish example list beside its settings.  The Pelican site holds the same
posts and pages, in Pelican's own metadata format, for plain Pelican with its
default theme and feeds and the Markdown extensions of ``pelicanconf.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import runpy
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bench import text
from relais.slugs import slugify

ROOT = Path(__file__).resolve().parents[1]
DEMO_CONTENT = ROOT / "content"
SEED = 2026
# The day every build is made "on" (publish.py --today): after every post's date.
TODAY = "2026-11-22"
# The newest post's date; older ones go back from there, a few a week.
NEWEST = dt.datetime(2026, 11, 1, 18, 30)
LANGS = ("en", "fr")
# Aim for bodies of about this many words, give or take the spread.
WORDS, WORDS_SPREAD = 880, 60
# As in pyproject.toml: the generated settings files are laid out to ruff's line length.
LINE_LENGTH = 120
RELAIS_SETTINGS = "relais_settings.py"
RELAIS_SETTINGS_NO_SEARCH = "relais_settings_no_search.py"
PELICAN_SETTINGS = "pelicanconf.py"
PELICAN_SETTINGS_CACHED = "pelicanconf_cached.py"


@dataclass(frozen=True)
class Post:
    number: int  # the pair it belongs to: a post and its translation share it
    lang: str
    name: str  # file name without .md: the Relais slug
    translation_key: str
    title: str
    date: dt.datetime
    updated: dt.datetime | None
    authors: tuple[str, ...]
    reviewed_by: str | None
    category: str
    tags: tuple[str, ...]
    summary: str
    body: str

    @property
    def words(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class Author:
    key: str
    name: str
    role: str


# --- Making posts -------------------------------------------------------------------


def make_posts(count: int, seed: int = SEED) -> list[Post]:
    """``count`` posts, half in each language: pair n is an English post and its French translation."""
    posts: list[Post] = []
    for number in range((count + 1) // 2):
        for lang in LANGS[: min(2, count - 2 * number)]:
            posts.append(_make_post(number, lang, seed, posts))
    return posts


def _make_post(number: int, lang: str, seed: int, earlier: Sequence[Post]) -> Post:
    # One generator per pair (shared choices: topic, date, authors) and one per post (its words),
    # so that a post does not depend on how many posts come after it.
    pair = random.Random(f"{seed}-{number}")
    words = random.Random(f"{seed}-{number}-{lang}")
    topic = pair.choice(text.TOPICS)
    angle = pair.choice(text.ANGLES)
    subject = topic.en if lang == "en" else topic.fr
    title = f"{subject}: {angle[0]}" if lang == "en" else f"{subject} : {angle[1]}"
    key = f"{slugify(topic.en + ' ' + angle[0])}-{number:04d}"
    authors = _authors(pair)
    peer = any(_demo_authors()[author].role == "peer" for author in authors)
    staff = [author.key for author in _demo_authors().values() if author.role == "staff"]
    date = NEWEST - dt.timedelta(hours=41 * number + pair.randrange(6))
    same_language = [post for post in earlier if post.lang == lang]
    return Post(
        number=number,
        lang=lang,
        name=key if lang == "en" else f"{slugify(title)}-{number:04d}",
        translation_key=key,
        title=title,
        date=date + dt.timedelta(hours=2) if lang == "fr" else date,
        updated=date + dt.timedelta(days=9) if number % 7 == 3 else None,
        authors=authors,
        reviewed_by=pair.choice(staff) if peer else None,
        category=topic.category,
        tags=tuple(topic.tags_en if lang == "en" else topic.tags_fr),
        summary=words.choice(text.SUMMARIES[lang]).format(topic=subject),
        body=_body(words, lang, words.choice(same_language) if same_language else None),
    )


def _authors(rng: random.Random) -> tuple[str, ...]:
    keys = sorted(_demo_authors())
    first = rng.choice(keys)
    if rng.random() < 0.1:  # now and then, two authors
        return (first, rng.choice([key for key in keys if key != first]))
    return (first,)


def _body(rng: random.Random, lang: str, earlier: Post | None) -> str:
    """About 880 words: an introduction, three or four sections with lists, a quote and links."""
    target = rng.randint(WORDS - WORDS_SPREAD, WORDS + WORDS_SPREAD)
    headings = rng.sample(text.HEADINGS[lang], 4)
    sections: list[list[str]] = [[f"## {heading}"] for heading in headings]
    sections[0] += [_paragraph(rng, lang, 4), _bullets(rng, lang)]
    sections[1] += [_paragraph(rng, lang, 3), f"### {rng.choice(text.HEADINGS[lang])}", _numbered(rng, lang)]
    sections[2] += [_paragraph(rng, lang, 3), _quote(rng, lang), _other_language(rng, lang)]
    sections[3] += [_paragraph(rng, lang, 3), _links(rng, lang, earlier)]
    intro = [_paragraph(rng, lang, 3)]
    # Fill up to the target, spreading the extra paragraphs over the sections.
    place = 0
    while _count(intro, sections) < target:
        sections[place % len(sections)].insert(2, _paragraph(rng, lang, rng.randint(2, 4)))
        place += 1
    return "\n\n".join(intro + [block for section in sections for block in section])


def _count(intro: list[str], sections: list[list[str]]) -> int:
    return sum(len(block.split()) for block in intro + [block for section in sections for block in section])


def _sentence(rng: random.Random, lang: str) -> str:
    return _filled(rng, lang, rng.choice(text.SENTENCES[lang]))


def _filled(rng: random.Random, lang: str, sentence: str) -> str:
    return sentence.format(
        day=rng.choice(text.DAYS[lang]), time=rng.choice(text.TIMES[lang]), number=rng.randint(3, 400)
    )


def _paragraph(rng: random.Random, lang: str, sentences: int) -> str:
    chosen = rng.sample(text.SENTENCES[lang], sentences)  # no sentence twice in a row
    return " ".join(_filled(rng, lang, sentence) for sentence in chosen)


def _bullets(rng: random.Random, lang: str) -> str:
    return "\n".join(f"- {item}" for item in rng.sample(text.LIST_ITEMS[lang], rng.randint(4, 6)))


def _numbered(rng: random.Random, lang: str) -> str:
    return "\n".join(f"{n}. {_sentence(rng, lang)}" for n in range(1, rng.randint(3, 5) + 1))


def _quote(rng: random.Random, lang: str) -> str:
    return f"> {rng.choice(text.QUOTES[lang])}\n>\n> {text.QUOTE_ATTRIBUTION[lang]}"


def _other_language(rng: random.Random, lang: str) -> str:
    return f"{rng.choice(text.OTHER_LANGUAGE[lang])} {_sentence(rng, lang)}"


def _links(rng: random.Random, lang: str, earlier: Post | None) -> str:
    label, address = rng.choice(text.EXTERNAL_LINKS[lang])
    sentences = [rng.choice(text.LINK_SENTENCES[lang]).format(link=f"[{label}]({address})")]
    if earlier is not None:
        link = f"[{earlier.title}]({{filename}}/posts/{earlier.name}.md)"
        sentences.append(rng.choice(text.LINK_SENTENCES[lang]).format(link=link))
    return " ".join(sentences)


# --- Edits, for rebuild timings and tests ---------------------------------------------


def with_marker(post: Post, marker: str) -> Post:
    """The post with one more closing paragraph holding ``marker`` (a change to the body only)."""
    return dataclasses.replace(post, body=f"{post.body}\n\n{marker}")


def retitled(post: Post, marker: str) -> Post:
    """The post under a new title holding ``marker``: listings, feeds and tag pages change too."""
    return dataclasses.replace(post, title=f"{post.title} ({marker})")


# --- Site folders ----------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """A folder holding ``content/`` and the settings to build it; subclasses know their format."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def post_path(self, post: Post) -> Path:
        return self.content / "posts" / f"{post.name}.md"

    def write_post(self, post: Post) -> Path:
        path = self.post_path(post)
        path.write_text(self.render(post), encoding="utf-8")
        return path

    def copy_to(self, folder: Path) -> Site:
        """A fresh copy of the site's sources (nothing built, no cache)."""
        shutil.copytree(self.root, folder, ignore=shutil.ignore_patterns("output", "cache", ".relais-*"))
        return dataclasses.replace(self, root=folder)

    def render(self, post: Post) -> str:
        raise NotImplementedError

    def url(self, post: Post) -> str:
        raise NotImplementedError

    def built(self, post: Post) -> Path:
        """Where the post's page is written under the output folder."""
        raise NotImplementedError


@dataclass(frozen=True)
class RelaisSite(Site):
    def render(self, post: Post) -> str:
        fields = {
            "title": _quoted(post.title),
            "date": f"{post.date:%Y-%m-%d %H:%M}",
            "updated": f"{post.updated:%Y-%m-%d %H:%M}" if post.updated else None,
            "authors": f"[{', '.join(post.authors)}]",
            "category": post.category,
            "tags": f"[{', '.join(_quoted(tag) for tag in post.tags)}]",
            "summary": _quoted(post.summary),
            "lang": post.lang,
            "translation_key": post.translation_key,
            "status": "published",
            "reviewed_by": post.reviewed_by,
        }
        lines = [f"{name}: {value}" for name, value in fields.items() if value is not None]
        return "---\n" + "\n".join(lines) + f"\n---\n\n{post.body}\n"

    def url(self, post: Post) -> str:
        return f"/{post.lang}/posts/{post.name}/"

    def built(self, post: Post) -> Path:
        return self.output / post.lang / "posts" / post.name / "index.html"

    def settings(self, search: bool = True) -> Path:
        return self.root / (RELAIS_SETTINGS if search else RELAIS_SETTINGS_NO_SEARCH)


@dataclass(frozen=True)
class PelicanSite(Site):
    def render(self, post: Post) -> str:
        authors = ", ".join(_demo_authors()[key].name for key in post.authors)
        fields = {
            "Title": post.title,
            "Date": f"{post.date:%Y-%m-%d %H:%M}",
            "Modified": f"{post.updated:%Y-%m-%d %H:%M}" if post.updated else None,
            "Authors": authors,
            "Category": _settings()["CATEGORIES"][post.category][post.lang],
            "Tags": ", ".join(post.tags),
            "Summary": post.summary,
            "Lang": post.lang,
            # Pelican pairs translations by slug; the French one is written to SLUG-fr.html.
            "Slug": post.translation_key,
        }
        lines = [f"{name}: {value}" for name, value in fields.items() if value is not None]
        return "\n".join(lines) + f"\n\n{post.body}\n"

    def url(self, post: Post) -> str:
        return f"/{post.translation_key}.html" if post.lang == "en" else f"/{post.translation_key}-{post.lang}.html"

    def built(self, post: Post) -> Path:
        return self.output / self.url(post).lstrip("/")

    def settings(self, cached: bool = False) -> Path:
        return self.root / (PELICAN_SETTINGS_CACHED if cached else PELICAN_SETTINGS)


def write_relais_site(folder: Path, posts: Sequence[Post]) -> RelaisSite:
    """A complete Relais site: the posts, the demo's other content, settings and never-publish list."""
    site = RelaisSite(folder)
    for part in DEMO_CONTENT.iterdir():
        if part.is_dir() and part.name != "posts":
            shutil.copytree(part, site.content / part.name)
    _write_posts(site, posts)
    for search in (True, False):
        site.settings(search).write_text(_relais_settings(search), encoding="utf-8")
    private = folder / "private"
    private.mkdir()
    # The never-publish scan costs time on every build: give it the demo's list, as a real site has one.
    shutil.copyfile(ROOT / "private" / "never-publish.example.txt", private / "never-publish.txt")
    return site


def write_pelican_site(folder: Path, posts: Sequence[Post]) -> PelicanSite:
    """The same posts and pages for plain Pelican, with a quickstart-like pelicanconf.py."""
    site = PelicanSite(folder)
    _write_posts(site, posts)
    pages = site.content / "pages"
    pages.mkdir(parents=True)
    for source in sorted((DEMO_CONTENT / "pages").glob("*.md")):
        page = _pelican_page(source)
        if page is not None:
            (pages / source.name).write_text(page, encoding="utf-8")
    if (DEMO_CONTENT / "images").is_dir():
        shutil.copytree(DEMO_CONTENT / "images", site.content / "images")
    for cached in (False, True):
        site.settings(cached).write_text(_pelican_settings(cached), encoding="utf-8")
    return site


def _write_posts(site: Site, posts: Sequence[Post]) -> None:
    (site.content / "posts").mkdir(parents=True)
    for post in posts:
        site.write_post(post)


def _pelican_page(source: Path) -> str | None:
    """A demo page in Pelican's metadata format (None for a page that is not published)."""
    _, front, body = source.read_text(encoding="utf-8").split("---\n", 2)
    fields = yaml.safe_load(front)
    if fields.get("status") != "published":
        return None
    metadata = {
        "Title": fields["title"],
        "Lang": fields.get("lang", "en"),
        "Slug": fields.get("translation_key", source.stem),
        "Summary": fields.get("summary"),
    }
    lines = [f"{name}: {value}" for name, value in metadata.items() if value]
    return "\n".join(lines) + "\n\n" + body.lstrip("\n")


def _relais_settings(search: bool) -> str:
    lines = [
        '"""Relais\' own settings (the repository\'s pelicanconf.py) for a benchmark site in this folder."""',
        "",
        "import sys",
        "",
        f"sys.path.insert(0, {_literal(str(ROOT))})",
        "",
        "from pelicanconf import *  # noqa: E402, F403",
        "",
        "# Paths in a settings file are read from its own folder: content and output here, the rest in the repository.",
        'PATH = "content"',
        'OUTPUT_PATH = "output"',
        _assignment("THEME", str(ROOT / "theme")),
        _assignment("PLUGIN_PATHS", [str(ROOT / "plugins")]),
    ]
    if not search:
        lines += [
            "",
            "# The search plugin builds no Pagefind index (nor its search page) without a SEARCH_SAVE_AS.",
            'SEARCH_SAVE_AS = ""',
        ]
    return "\n".join(lines) + "\n"


def _pelican_settings(cached: bool) -> str:
    lines = [
        '"""Plain Pelican, as pelican-quickstart sets it up: its default theme and feeds, nothing of Relais."""',
        "",
        'AUTHOR = "Lanterne"',
        'SITENAME = "Lanterne"',
        'SITEURL = ""',
        'PATH = "content"',
        _assignment("TIMEZONE", _settings()["TIMEZONE"]),
        'DEFAULT_LANG = "en"',
        _assignment("FEED_DOMAIN", _settings()["FEED_DOMAIN"]),
        "DEFAULT_PAGINATION = 10",
        "# The same Markdown extensions as Relais (pelicanconf.py).",
        _assignment("MARKDOWN", _settings()["MARKDOWN"]),
    ]
    if cached:
        lines += [
            "",
            "# Pelican's own cache: only changed files are read again.",
            "CACHE_CONTENT = True",
            "LOAD_CONTENT_CACHE = True",
        ]
    return "\n".join(lines) + "\n"


def _assignment(name: str, value: Any) -> str:
    return f"{name} = {_literal(value, len(name) + 3)}"


def _literal(value: Any, column: int = 0, indent: int = 0) -> str:
    """``value`` as Python source laid out the way ruff formats it (double quotes; split when too long),
    so that the settings files, and the report that shows them, pass ``ruff format --check``."""
    if isinstance(value, str):
        return _quoted(value)
    if not isinstance(value, dict | list | tuple):
        return repr(value)
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]") if isinstance(value, list) else ("(", ")")
    items = [(_quoted(key) + ": " if isinstance(value, dict) else "", item) for key, item in _items(value)]
    inline = opening + ", ".join(prefix + _literal(item) for prefix, item in items) + closing
    if column + len(inline) <= LINE_LENGTH:
        return inline
    inner = " " * (indent + 4)
    lines = [f"{inner}{prefix}{_literal(item, indent + 4 + len(prefix), indent + 4)}," for prefix, item in items]
    return opening + "\n" + "\n".join(lines) + "\n" + " " * indent + closing


def _items(value: dict | list | tuple) -> list[tuple[Any, Any]]:
    return list(value.items()) if isinstance(value, dict) else [(None, item) for item in value]


def _quoted(value: str) -> str:
    """A YAML double-quoted string (JSON's string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


@cache
def _demo_authors() -> dict[str, Author]:
    authors = {}
    for path in sorted((DEMO_CONTENT / "authors").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        authors[path.stem] = Author(path.stem, data["name"], data["role"])
    return authors


@cache
def _settings() -> dict[str, Any]:
    return runpy.run_path(str(ROOT / "pelicanconf.py"))


def describe(posts: Sequence[Post]) -> dict[str, Any]:
    """Counts for the report: posts per language, words per body, the demo content beside them."""
    by_lang = {lang: sum(1 for post in posts if post.lang == lang) for lang in LANGS}
    words = sorted(post.words for post in posts)
    extras = {
        part.name: len([path for path in part.iterdir() if path.is_file()])
        for part in sorted(DEMO_CONTENT.iterdir())
        if part.is_dir() and part.name != "posts"
    }
    return {
        "posts": len(posts),
        "by_lang": by_lang,
        "words_median": words[len(words) // 2] if words else 0,
        "words_range": (words[0], words[-1]) if words else (0, 0),
        "extras": extras,
    }
