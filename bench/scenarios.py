"""What the benchmark times, Relais (A) against plain Pelican (B), alternating in every round.

- :func:`full_builds`: a build from a fresh copy of the sources (no output, no cache),
  Relais with every plugin, Relais with the search index off, and Pelican;
- :func:`rebuilds`: after a first build, a build with nothing changed, then one post changes
  (its body, then its title) and the next build is timed, Relais' ``publish.py build`` (with
  the build cache the first build left) against Pelican's cached rebuild;
- :func:`serve_delays`: from saving a post to the new page being served, Relais'
  ``publish.py serve`` against ``pelican --listen --autoreload``, polled over HTTP.

Round 0 of each is a warm-up and is not counted.  The order of the tools turns from one
round to the next, so that neither always runs first.  Every timed change is checked in
the output, so a build that does nothing cannot look fast.
"""

from __future__ import annotations

import dataclasses
import http.client
import shutil
import socket
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import TODAY, PelicanSite, Post, RelaisSite, retitled, with_marker
from bench.measure import CommandFailed, Tracked, Usage, run, wait_until_idle

ROOT = Path(__file__).resolve().parents[1]
PUBLISH = ROOT / "publish.py"
POLL_EVERY = 0.05  # seconds between two requests while waiting for a page


@dataclass
class Measure:
    """One row of the report: what each tool used, round by round (None: gave up after the timeout)."""

    name: str
    relais: list[Usage | None] = field(default_factory=list)
    pelican: list[Usage | None] = field(default_factory=list)
    # For save → served: the delays, in seconds, one per save.
    relais_delays: list[float | None] = field(default_factory=list)
    pelican_delays: list[float | None] = field(default_factory=list)


@dataclass(frozen=True)
class Bench:
    """The two sites of one corpus size and how to run them."""

    relais: RelaisSite
    pelican: PelicanSite
    post: Post  # the post every edit changes
    work: Path  # scratch folder for copies and logs
    runs: int
    build_timeout: float
    serve_timeout: float
    progress: Callable[[str], None]

    def log(self, name: str) -> Path:
        (self.work / "logs").mkdir(parents=True, exist_ok=True)
        return self.work / "logs" / f"{name}.log"


# --- Commands, as each tool's user types them ---------------------------------------


def relais_build(site: RelaisSite, search: bool = True) -> list[str]:
    return [sys.executable, str(PUBLISH), "build", "--settings", site.settings(search).name, "--today", TODAY]


def pelican_build(site: PelicanSite, cached: bool = False) -> list[str]:
    return [*_pelican(), "content", "-s", site.settings(cached).name, "-o", "output"]


def relais_serve(site: RelaisSite, port: int) -> list[str]:
    return [
        sys.executable,
        str(PUBLISH),
        "serve",
        "--settings",
        site.settings().name,
        "--today",
        TODAY,
        "--port",
        str(port),
    ]


def pelican_serve(site: PelicanSite, port: int) -> list[str]:
    return [*pelican_build(site, cached=True), "--listen", "--autoreload", "--port", str(port), "--bind", "127.0.0.1"]


def _pelican() -> list[str]:
    """Pelican's own command from the same environment, as its users run it."""
    script = Path(sys.executable).with_name("pelican")
    return [str(script)] if script.exists() else [sys.executable, "-m", "pelican"]


def _order(round_: int, items: Sequence[str]) -> list[str]:
    shift = round_ % len(items)
    return [*items[shift:], *items[:shift]]


# --- Full builds ------------------------------------------------------------------------


def full_builds(bench: Bench) -> tuple[Measure, Measure]:
    """Every plugin on, and the search index off; each paired with the same round's Pelican build."""
    every, no_search = Measure("Full build"), Measure("Full build, search index off")
    for round_ in range(bench.runs + 1):
        used: dict[str, Usage] = {}
        for tool in _order(round_, ["relais", "pelican", "relais-no-search"]):
            used[tool] = _full_build(bench, tool, round_)
        bench.progress(
            f"full build {_round_name(round_, bench.runs)}: Relais {used['relais'].wall:.1f} s, "
            f"search off {used['relais-no-search'].wall:.1f} s, Pelican {used['pelican'].wall:.1f} s"
        )
        if round_ > 0:
            every.relais.append(used["relais"])
            no_search.relais.append(used["relais-no-search"])
            every.pelican.append(used["pelican"])
            no_search.pelican.append(used["pelican"])
    return every, no_search


def _full_build(bench: Bench, tool: str, round_: int) -> Usage:
    folder = bench.work / f"full-{tool}-{round_}"
    name = f"full-{tool}-{round_}"
    try:
        if tool == "pelican":
            pelican = bench.pelican.copy_to(folder)
            assert isinstance(pelican, PelicanSite)
            usage = _timed(bench, pelican_build(pelican), pelican, name, "Plain Pelican's build")
            _expect_page(pelican, bench.post, bench.post.title, "Plain Pelican's build")
        else:
            search = tool == "relais"
            relais = bench.relais.copy_to(folder)
            assert isinstance(relais, RelaisSite)
            usage = _timed(bench, relais_build(relais, search), relais, name, "Relais' build")
            _expect_page(relais, bench.post, bench.post.title, "Relais' build")
            _expect_search_index(relais, search, bench.post.lang)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return usage


def _expect_search_index(site: RelaisSite, search: bool, lang: str) -> None:
    index = site.output / lang / "pagefind"
    if index.exists() != search:
        state = "built" if index.exists() else "did not build"
        raise CommandFailed(
            f"Relais {state} the search index with {site.settings(search).name}: "
            "plugins/search decides differently now — update the search-off settings in bench/corpus.py"
        )


# --- One-post rebuilds --------------------------------------------------------------------


def rebuilds(bench: Bench) -> tuple[Measure, Measure, Measure]:
    """After a first build: a build with nothing changed, then one post changed (its body, then its title)."""
    relais = bench.relais.copy_to(bench.work / "rebuild-relais")
    pelican = bench.pelican.copy_to(bench.work / "rebuild-pelican")
    assert isinstance(relais, RelaisSite) and isinstance(pelican, PelicanSite)
    builds: dict[str, Callable[[], list[str]]] = {
        "relais": lambda: relais_build(relais),
        "pelican": lambda: pelican_build(pelican, cached=True),
    }
    sites = {"relais": relais, "pelican": pelican}
    for tool, site in sites.items():
        _timed(bench, builds[tool](), site, f"rebuild-{tool}-first", f"The first build for {_label(tool)}")
    if not (pelican.root / "cache").is_dir():
        raise CommandFailed(
            "Pelican wrote no cache/ folder with CACHE_CONTENT on: its cached rebuild is not what is timed"
        )
    unchanged = Measure("Full build, nothing changed (build cache warm)")
    for round_ in range(bench.runs + 1):
        for tool in _order(round_, list(sites)):
            usage = _timed(bench, builds[tool](), sites[tool], f"unchanged-{tool}-{round_}", f"{_label(tool)}'s build")
            _expect_page(sites[tool], bench.post, bench.post.title, f"{_label(tool)}'s build")
            if round_ > 0:
                getattr(unchanged, tool).append(usage)
    body, title = Measure("One-post rebuild, body changed"), Measure("One-post rebuild, title changed")
    current = dict.fromkeys(sites, bench.post)
    for round_ in range(bench.runs + 1):
        for measure, edit in ((body, "body"), (title, "title")):
            marker = f"bench-{edit}-{round_}-edit"
            seconds = {}
            for tool in _order(round_, list(sites)):
                site = sites[tool]
                current[tool] = _edited(current[tool], bench.post, edit, marker)
                site.write_post(current[tool])
                usage = _timed(
                    bench, builds[tool](), site, f"rebuild-{tool}-{edit}-{round_}", f"{_label(tool)}'s rebuild"
                )
                _expect_page(site, current[tool], marker, f"{_label(tool)}'s rebuild")
                seconds[tool] = usage.wall
                if round_ > 0:
                    getattr(measure, tool).append(usage)
            bench.progress(
                f"rebuild, {edit} changed, {_round_name(round_, bench.runs)}: "
                f"Relais {seconds['relais']:.2f} s, Pelican {seconds['pelican']:.2f} s"
            )
    return unchanged, body, title


def _edited(current: Post, original: Post, edit: str, marker: str) -> Post:
    """Change one thing only: the body (the title stays as it is now), or the title (the body stays)."""
    if edit == "body":
        return dataclasses.replace(current, body=with_marker(original, marker).body)
    return dataclasses.replace(current, title=retitled(original, marker).title)


# --- Save → served ---------------------------------------------------------------------------


def serve_delays(bench: Bench) -> Measure:
    """Both servers run side by side; each round saves one post on each, in turn, and polls its page."""
    measure = Measure("Save → page served")
    relais = bench.relais.copy_to(bench.work / "serve-relais")
    pelican = bench.pelican.copy_to(bench.work / "serve-pelican")
    assert isinstance(relais, RelaisSite) and isinstance(pelican, PelicanSite)
    sites = {"relais": relais, "pelican": pelican}
    servers: dict[str, Tracked] = {}
    ports = {tool: _free_port() for tool in sites}
    commands = {"relais": relais_serve(relais, ports["relais"]), "pelican": pelican_serve(pelican, ports["pelican"])}
    current = dict.fromkeys(sites, bench.post)
    gave_up: set[str] = set()
    try:
        for tool, site in sites.items():
            servers[tool] = Tracked(commands[tool], site.root, bench.log(f"serve-{tool}"), f"{_label(tool)}'s server")
            servers[tool].start()
            _wait_until_served(bench, servers[tool], _address(ports[tool], site, bench.post), bench.post.title)
            wait_until_idle(servers[tool].pid, timeout=bench.build_timeout)
        for round_ in range(bench.runs + 1):
            delays: dict[str, float | None] = {}
            for tool in _order(round_, list(sites)):
                if tool in gave_up:
                    continue
                marker = f"bench-saved-{round_}-edit"
                current[tool] = _edited(current[tool], bench.post, "body", marker)
                delays[tool] = _save_and_poll(
                    bench, servers[tool], sites[tool], current[tool], marker=marker, port=ports[tool]
                )
                if delays[tool] is None:
                    gave_up.add(tool)
                wait_until_idle(servers[tool].pid, timeout=bench.build_timeout)
                if round_ > 0:
                    getattr(measure, f"{tool}_delays").append(delays[tool])
            bench.progress(f"save → served {_round_name(round_, bench.runs)}: " + _delays_text(delays))
            if len(gave_up) == len(sites):
                break
    finally:
        for tool, server in servers.items():
            if server.process is not None and server.process.returncode is None:
                getattr(measure, tool).append(server.stop())
    return measure


def _save_and_poll(
    bench: Bench, server: Tracked, site: RelaisSite | PelicanSite, post: Post, *, marker: str, port: int
) -> float | None:
    """Seconds from writing the file to its page holding ``marker``; None past the timeout."""
    address = _address(port, site, post)
    started = time.perf_counter()
    site.write_post(post)
    deadline = started + bench.serve_timeout
    while time.perf_counter() < deadline:
        if marker in _get(address):
            return time.perf_counter() - started
        if not server.running():
            raise CommandFailed(f"{server.what} stopped:\n{server.tail()}")
        time.sleep(POLL_EVERY)
    return None


def _wait_until_served(bench: Bench, server: Tracked, address: str, expected: str) -> None:
    deadline = time.monotonic() + bench.build_timeout
    while time.monotonic() < deadline:
        if _escaped(expected) in _get(address) or expected in _get(address):
            return
        if not server.running():
            raise CommandFailed(f"{server.what} stopped before serving the site:\n{server.tail()}")
        time.sleep(0.5)
    raise CommandFailed(f"{server.what} did not serve {address} within {bench.build_timeout:.0f} s (log: {server.log})")


def _get(address: str) -> str:
    try:
        with urllib.request.urlopen(address, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, http.client.HTTPException, OSError):  # not up yet, busy, being written: ask again
        return ""


def _address(port: int, site: RelaisSite | PelicanSite, post: Post) -> str:
    return f"http://127.0.0.1:{port}{site.url(post)}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _delays_text(delays: dict[str, float | None]) -> str:
    return ", ".join(
        f"{_label(tool)} " + (f"{seconds:.2f} s" if seconds is not None else "gave up")
        for tool, seconds in delays.items()
    )


# --- Shared ---------------------------------------------------------------------------------


def _timed(bench: Bench, command: list[str], site: RelaisSite | PelicanSite, name: str, what: str) -> Usage:
    return run(command, site.root, bench.log(name), what, bench.build_timeout)


def _expect_page(site: RelaisSite | PelicanSite, post: Post, expected: str, what: str) -> None:
    """The built page of ``post`` holds ``expected``: the build really did the work being timed."""
    page = site.built(post)
    try:
        html = page.read_text(encoding="utf-8")
    except OSError:
        raise CommandFailed(f"{what} did not write {page}") from None
    if expected not in html and _escaped(expected) not in html:
        raise CommandFailed(f"{what} did not show the change in {page} ('{expected}' is missing)")


def _escaped(value: str) -> str:
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def _label(tool: str) -> str:
    return "Relais" if tool.startswith("relais") else "Pelican"


def _round_name(round_: int, runs: int) -> str:
    return "warm-up" if round_ == 0 else f"{round_}/{runs}"


def every_measure(bench: Bench, which: Sequence[str]) -> Iterator[Measure]:
    """The measures asked for, in the report's order."""
    if "full" in which:
        yield from full_builds(bench)
    if "rebuild" in which:
        yield from rebuilds(bench)
    if "serve" in which:
        yield serve_delays(bench)
