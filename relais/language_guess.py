"""A file written in one language but published as another: a forgotten ``lang: fr``.

Without ``lang``, a file is in the site's default language, so a French post
without it would be listed, dated and linked as English.  The language of a
text is guessed from its most common small words (articles, prepositions,
pronouns), which every sentence has and which the two languages do not
share: no dictionary, no library, and a quick pass over each file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .i18n import N_, _
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .content import Entry
    from .site import Site

FUNCTION_WORDS = {
    "en": frozenset(
        [
            "the",
            "and",
            "is",
            "are",
            "was",
            "of",
            "to",
            "in",
            "for",
            "with",
            "you",
            "your",
            "we",
            "our",
            "this",
            "that",
            "these",
            "it",
            "its",
            "not",
            "be",
            "at",
            "from",
            "by",
            "have",
            "has",
            "will",
            "can",
            "they",
            "their",
            "there",
            "what",
            "when",
            "how",
            "who",
            "which",
            "about",
            "would",
            "should",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "une",
            "un",
            "pour",
            "pas",
            "que",
            "qui",
            "dans",
            "sur",
            "avec",
            "vous",
            "votre",
            "vos",
            "nous",
            "notre",
            "nos",
            "ce",
            "cette",
            "ces",
            "sont",
            "au",
            "aux",
            "ou",
            "mais",
            "plus",
            "par",
            "se",
            "ne",
            "il",
            "elle",
            "ils",
            "elles",
            "leur",
            "très",
            "aussi",
            "être",
            "fait",
            "comme",
            "quand",
            "où",
        ]
    ),
}
# The names of the languages, as messages say them.
LANGUAGE_NAMES = {"en": N_("English"), "fr": N_("French")}
# Enough small words to judge, and how clearly one language must lead.
MOST_WORDS = 4000
LEAST_HITS = 6
LEAD = 3
_WORD = re.compile(r"[^\W\d_]+")
# Fields whose text says what language a file is in.
_TEXT_FIELDS = ("title", "summary", "headline", "text")


def guess_language(text: str, languages: Iterable[str]) -> str | None:
    """The language ``text`` is clearly written in, among ``languages``, or None when unsure."""
    words = _WORD.findall(text.casefold())[:MOST_WORDS]
    counts = sorted(
        ((sum(word in FUNCTION_WORDS[lang] for word in words), lang) for lang in languages if lang in FUNCTION_WORDS),
        reverse=True,
    )
    if not counts or counts[0][0] < LEAST_HITS:
        return None
    best, lang = counts[0]
    runner_up = counts[1][0] if len(counts) > 1 else 0
    return lang if best >= LEAD * max(runner_up, 1) else None


def language_name(lang: str) -> str:
    return _(LANGUAGE_NAMES[lang]) if lang in LANGUAGE_NAMES else lang


def lang_looks_wrong(entry: Entry, site: Site) -> Iterator[Problem]:
    """Warn when a file's text is clearly in another of the site's languages than its ``lang``."""
    if not entry.type.translatable:
        return
    data = entry.front.data
    text = " ".join(str(data[name]) for name in _TEXT_FIELDS if isinstance(data.get(name), str))
    text += " " + entry.front.body
    written_in = guess_language(text, site.config.LANGUAGES)
    if written_in is None or written_in == entry.lang:
        return
    looks = language_name(written_in)
    if "lang" not in data:
        what = _("this looks written in {looks}, but without 'lang' it is published as {default}").format(
            looks=looks, default=language_name(entry.lang)
        )
        fix = _("add the line 'lang: {lang}' to the fields at the top").format(lang=written_in)
    else:
        what = _("this looks written in {looks}, but its 'lang' is '{lang}'").format(looks=looks, lang=entry.lang)
        fix = _("if it is in {looks}, write 'lang: {code}'").format(looks=looks, code=written_in)
    yield Problem(entry.shown_as, entry.front.line_of(("lang",)), "lang", what, fix, Severity.WARNING)


CHECKS = (lang_looks_wrong,)
