"""Which of the theme's words still lack a translation.

The words to translate are those of the templates (``_()``, ``gettext``,
``ngettext``, ``_in(lang, …)``) and those plugins write into feeds and
calendars with ``translate(…)``.  Each feature keeps its translations in its
own catalog, ``theme/translations/<lang>/LC_MESSAGES/<feature>.po``; any
catalog of a language counts.

    PYTHONPATH=plugins .venv/bin/python -m theme_i18n.catalogs   (or: make translations)
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
Message = str | tuple[str, ...]

_TEMPLATE_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_in": (2,)}
_PYTHON_KEYWORDS = {"translate": None}


def wanted(root: Path = ROOT) -> dict[Message, str]:
    """Every message to translate, with the first file that uses it."""
    found: dict[Message, str] = {}
    sources = [
        (
            root / "theme/templates",
            [("**.html", "jinja2")],
            {"**.html": {"extensions": "jinja2.ext.i18n"}},
            _TEMPLATE_KEYWORDS,
        ),
        (root / "plugins", [("**/test_*.py", "ignore"), ("**.py", "python")], {}, _PYTHON_KEYWORDS),
    ]
    for folder, method_map, options, keywords in sources:
        for filename, _line, message, _comments, _context in extract_from_dir(
            str(folder), method_map, options, keywords=keywords
        ):
            key = message if isinstance(message, str) else tuple(message)
            found.setdefault(key, f"{folder.relative_to(root).as_posix()}/{filename}")
    return found


def translated(lang: str, root: Path = ROOT) -> set[Message]:
    """Messages that some catalog of ``lang`` translates (every plural form filled in)."""
    done: set[Message] = set()
    for po_path in sorted((root / "theme/translations" / lang / "LC_MESSAGES").glob("*.po")):
        with po_path.open("rb") as po_file:
            for message in read_po(po_file):
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.id and all(strings):
                    done.add(message.id if isinstance(message.id, str) else tuple(message.id))
    return done


def missing(lang: str, root: Path = ROOT) -> dict[Message, str]:
    done = translated(lang, root)
    return {message: where for message, where in wanted(root).items() if message not in done}


def main() -> int:
    languages = sorted(path.name for path in (ROOT / "theme/translations").iterdir() if path.is_dir())
    count = 0
    for lang in languages:
        for message, where in sorted(missing(lang).items(), key=lambda item: item[1]):
            count += 1
            print(f"{lang}: {where}: {message!r} — add it to theme/translations/{lang}/LC_MESSAGES/<feature>.po")
    print("Every word of the theme is translated." if not count else f"{count} message(s) to translate.")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
