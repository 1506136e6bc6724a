"""The intake's web application (Starlette): one address that takes the report form, and nothing else.

It never reads who is asking: no address, user agent, referrer or cookie is
looked at or kept, and no time of day (a report keeps the day it arrived).
Every answer says ``Cache-Control: no-store`` and ``Referrer-Policy:
no-referrer``, sets no cookie, and comes in the language of the form the
report was sent from.  The only log is counts (see :class:`Counts`).
"""

from __future__ import annotations

import datetime as dt
import sys
import zoneinfo
from collections import Counter
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl

from nacl.public import PublicKey
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from relais.i18n import _

from .form import LANG_FIELD, CheckedForm, FormField, check_form
from .limits import TokenBucket
from .pages import AnswerPages
from .sealing import SealedReport, seal
from .spool import Spool, SpoolFull

FORM_TYPE = "application/x-www-form-urlencoded"
MAX_FIELDS = 200
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    ),
}


@dataclass(frozen=True)
class IntakeOptions:
    public_key: PublicKey
    spool: Path
    path: str
    site: Path  # the built site's folder, for the answer pages
    languages: tuple[str, ...]
    default_lang: str
    fields: tuple[FormField, ...]
    timezone: str
    max_body_bytes: int = 64 * 1024
    reports_per_minute: float = 30
    burst: int = 30
    spool_max_reports: int = 5000
    # Where each language's answer pages are in the built site: (lang, answer) -> folder.
    answer_folders: Mapping[tuple[str, str], str] = field(default_factory=dict)
    spool_max_bytes: int = 200 * 1024 * 1024


class Counts:
    """What the intake's log holds: how many reports were stored, refused or turned away, nothing else."""

    def __init__(self) -> None:
        self.counter: Counter[str] = Counter()

    def line(self) -> str:
        return _(
            "Reports stored: {stored}; refused (a problem in the form): {refused}; "
            "turned away (too many at once, or the spool full): {busy}; ignored (filled by a robot): {bots}."
        ).format(
            stored=self.counter["stored"],
            refused=self.counter["refused"],
            busy=self.counter["busy"],
            bots=self.counter["bot"],
        )


def create_app(options: IntakeOptions, say: Callable[[str], None] | None = None) -> Starlette:
    """The application; ``say`` prints the log's few lines (standard error by default)."""
    say = say or (lambda line: print(line, file=sys.stderr, flush=True))
    spool = Spool(options.spool, options.spool_max_reports, options.spool_max_bytes)
    bucket = TokenBucket(options.reports_per_minute, options.burst)
    pages = AnswerPages(options.site, options.languages, options.default_lang, options.answer_folders)
    counts = Counts()
    zone = zoneinfo.ZoneInfo(options.timezone)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        waiting = spool.open()
        say(_("The report intake is ready; {count} sealed reports wait in the spool.").format(count=waiting))
        yield
        say(counts.line())

    def answer(kind: str, lang: str, status: int, problems: list[str] | None = None) -> Response:
        return HTMLResponse(pages.page(kind, lang, problems or []), status_code=status, headers=HEADERS)

    async def submit(request: Request) -> Response:
        accept = request.headers.get("accept-language", "")
        if request.method != "POST":
            response = answer("problem", pages.language("", accept), 405, ["get"])
            response.headers["Allow"] = "POST"
            return response
        try:
            checked = await _read_report(request, options, pages)
        except Refused as refusal:
            counts.counter["refused"] += 1
            return answer("problem", refusal.lang, refusal.status, refusal.codes)
        if checked.bot:
            counts.counter["bot"] += 1
            return answer("sent", checked.lang, 200)  # a robot learns nothing; nothing is kept
        if not bucket.take():
            counts.counter["busy"] += 1
            return answer("busy", checked.lang, 429)
        report = SealedReport(checked.fields, dt.datetime.now(zone).date().isoformat(), checked.lang)
        try:
            await run_in_threadpool(_store, spool, options.public_key, report)
        except (SpoolFull, OSError):
            counts.counter["busy"] += 1
            return answer("busy", checked.lang, 503)
        counts.counter["stored"] += 1
        return answer("sent", checked.lang, 200)

    async def not_here(_request: Request) -> Response:
        return PlainTextResponse("Not found", status_code=404, headers=HEADERS)

    routes = [
        Route(options.path, submit, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]),
        Route("/{rest:path}", not_here, methods=["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.counts = counts
    return app


class Refused(Exception):
    """A report that is not taken: the problem page, in ``lang``, lists ``codes``."""

    def __init__(self, lang: str, status: int, *codes: str) -> None:
        super().__init__(", ".join(codes))
        self.lang = lang
        self.status = status
        self.codes = list(codes)


async def _read_report(request: Request, options: IntakeOptions, pages: AnswerPages) -> CheckedForm:
    """The checked form, with its language; :class:`Refused` when it cannot be taken as it is."""
    accept = request.headers.get("accept-language", "")
    media, _sep, parameters = request.headers.get("content-type", "").partition(";")
    charset = parameters.strip().lower().removeprefix("charset=").strip('"') if "charset" in parameters else ""
    if media.strip().lower() != FORM_TYPE or charset not in ("", "utf-8"):
        raise Refused(pages.language("", accept), 415, "content_type")
    body = await _body(request, options.max_body_bytes)
    lang = pages.language(_language_field(body or b""), accept)
    if body is None:
        raise Refused(lang, 413, "too_big")
    try:
        pairs = parse_qsl(
            body.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=MAX_FIELDS
        )
    except UnicodeDecodeError:
        raise Refused(lang, 400, "not_utf8") from None
    except ValueError:
        raise Refused(lang, 413, "too_big") from None
    checked = check_form(pairs, options.fields, options.languages)
    checked.lang = checked.lang or lang
    if checked.problems:
        raise Refused(checked.lang, 400, *checked.problems)
    return checked


def _store(spool: Spool, public_key: PublicKey, report: SealedReport) -> None:
    spool.write(seal(report, public_key), dt.date.fromisoformat(report.received))


async def _body(request: Request, limit: int) -> bytes | None:
    """The request's body, or None as soon as it is longer than ``limit`` (the rest is never read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _language_field(body: bytes) -> str:
    """The form's ``lang`` field, read even from a body that is not valid UTF-8 (to answer in its language)."""
    try:
        pairs = parse_qsl(body.decode("latin-1"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        return ""
    return next((value for name, value in pairs if name == LANG_FIELD), "")
