"""publish.py serve, for real: a process on a free port, its terminal, HTTP requests to it.

What a writer relies on: the port is checked before anything is built; a
saved file is served again within moments; a failed build keeps the last good
site and says why, in the terminal and to the open pages (redacted like
everything publish.py prints); a change to the settings or the code restarts
the preview on the same port; a build that crashes does not stop the
preview; stopping it leaves no process and no half-built folder behind; and
nothing of the preview is ever written to the site.
"""

from __future__ import annotations

import re
import signal
import socket
from pathlib import Path

from relais.folding import fold
from relais.preview.builder import descendants
from tests.helpers import ROOT, all_text, publish, settings_file, write
from tests.serving import Hello, RunningPreview, alive, wait_for

TODAY = "2026-02-15"
LIVE_TAG = re.compile(r'<script src="/__relais__/live\.js" data-version="[0-9a-f]+\.\d+" defer></script>\n</head>')
BAD_DATE = "date: someday"


def start(content: Path, output: Path, *extra: str, env: dict[str, str] | None = None) -> RunningPreview:
    return RunningPreview("--content", str(content), "--output", str(output), "--today", TODAY, *extra, env=env)


def assert_nothing_of_the_preview_in(*folders: Path) -> None:
    for folder in folders:
        assert "__relais__" not in all_text(folder), folder


def test_a_taken_port_is_said_plainly_before_anything_is_built(content: Path, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = publish("serve", "--content", str(content), "--output", str(tmp_path / "out"), "--port", str(port))
    assert result.returncode == 1
    assert f"Port {port} is already in use: another preview (publish.py serve)" in result.stderr
    assert "publish.py serve --port " in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / ".relais-cache").exists()
    assert "Building" not in result.stdout


def test_a_port_that_is_not_a_number_is_refused_by_the_command_line() -> None:
    result = publish("serve", "--port", "80000")
    assert result.returncode == 2
    assert "'80000' is not a port: use a number from 1 to 65535" in result.stderr


def test_a_saved_post_is_served_again_with_the_live_script_in_the_page_only(content: Path, tmp_path: Path) -> None:
    output = tmp_path / "out"
    with start(content, output) as preview:
        preview.wait_until_built(1)
        status, page = preview.get("/en/posts/hello/")
        assert status == 200 and "First post body." in page
        assert len(LIVE_TAG.findall(page)) == 1 and page.count("__relais__") == 1
        assert "__relais__" not in (output / "en/posts/hello/index.html").read_text()
        status, missing = preview.get("/no/such/page/")
        assert status == 404 and "Page not found" in missing and len(LIVE_TAG.findall(missing)) == 1

        hello = Hello(content)
        hello.save("Saved a moment ago.")
        assert wait_for(lambda: "Saved a moment ago." in preview.get("/en/posts/hello/")[1], 60), preview.output
        write(content, "posts/new-one.md", hello.original.replace("translation_key: hello\n", ""))
        assert wait_for(lambda: preview.get("/en/posts/new-one/")[0] == 200, 60), preview.output
        preview.wait_until_built(3)

        assert "Saved: " in preview.output and "building again" in preview.output
        status, script = preview.get("/__relais__/live.js")
        assert status == 200 and "EventSource" in script
        assert preview.get("/__relais__/live.css")[0] == 200
        assert preview.get("/__relais__/elsewhere.js")[0] == 404
    assert_nothing_of_the_preview_in(output, tmp_path / ".relais-cache")


def test_a_failed_build_keeps_the_last_good_site_and_says_why_in_the_terminal_and_the_page(
    content: Path, tmp_path: Path
) -> None:
    output = tmp_path / "out"
    with start(content, output) as preview:
        preview.wait_until_built(1)
        good = preview.state()
        assert good["problems"] == []
        hello = Hello(content)
        hello.save("Broken version.", BAD_DATE)
        assert wait_for(lambda: preview.state()["problems"], 60), preview.output

        broken = preview.state()
        message = f"{content}/posts/hello.md:3: date: 'someday' is not a date — write the date as YYYY-MM-DD"
        assert broken["problems"][0].startswith(message), broken
        assert len(broken["problems"]) == 1 and broken["count"] == "1 error, 0 warnings."
        assert broken["version"] == good["version"]  # the pages show the same site: no reload
        preview.wait_for_line("The preview still shows the last good site")
        for line in [*broken["problems"], broken["count"]]:
            assert line in preview.lines  # the same lines as the terminal
        status, page = preview.get("/en/posts/hello/")
        assert status == 200 and "First post body." in page and "Broken version." not in page

        hello.save("Fixed version.")
        assert wait_for(lambda: not preview.state()["problems"], 60), preview.output
        assert preview.state()["version"] != good["version"]
        assert "Fixed version." in preview.get("/en/posts/hello/")[1]
    assert_nothing_of_the_preview_in(output, tmp_path / ".relais-cache")


def test_without_any_site_yet_a_failed_first_build_is_shown_and_the_next_save_builds(
    content: Path, tmp_path: Path
) -> None:
    hello = Hello(content)
    hello.save(date=BAD_DATE)
    with start(content, tmp_path / "out") as preview:
        assert wait_for(lambda: preview.state()["problems"], 90), preview.output
        status, page = preview.get("/en/posts/hello/")
        assert status == 503 and "The site is being built" in page and len(LIVE_TAG.findall(page)) == 1
        hello.save("Built at last.")
        assert wait_for(lambda: "Built at last." in preview.get("/en/posts/hello/")[1], 60), preview.output
    assert not (tmp_path / "out/en/posts/hello/index.html").read_text().count("__relais__")


def test_a_private_string_in_a_message_is_redacted_in_the_page_as_in_the_terminal(
    content: Path, tmp_path: Path
) -> None:
    secrets = tmp_path / "never-publish.txt"
    secrets.write_text("# private\nMarie-Ève Tremblay-Secret\n", encoding="utf-8")
    hello = (content / "posts/hello.md").read_text().replace("translation_key: hello\n", "")
    with start(content, tmp_path / "out", env={"RELAIS_NEVER_PUBLISH": str(secrets)}) as preview:
        preview.wait_until_built(1)
        write(content, "posts/marie-eve-tremblay-secret.md", hello.replace("date: 2026-01-10", BAD_DATE))
        assert wait_for(lambda: preview.state()["problems"], 60), preview.output
        shown = "\n".join(preview.state()["problems"])
        preview.wait_for_line("The preview still shows the last good site")
    assert "«[private: line 2 of " in shown and ": date: 'someday' is not a date" in shown, shown
    for seen in (shown, preview.output):
        assert fold("Marie-Ève Tremblay-Secret") not in fold(seen), seen


def test_a_settings_change_restarts_the_preview_in_place_and_a_broken_one_is_shown(
    content: Path, tmp_path: Path
) -> None:
    settings = settings_file(tmp_path, 'SITENAME = "Before"')
    with start(content, tmp_path / "out", "--settings", str(settings)) as preview:
        preview.wait_until_built(1)
        assert "<title>About · Before</title>" in preview.get("/en/about/")[1]
        first = preview.state()["version"]
        settings.write_text(settings.read_text().replace('"Before"', '"After"'))
        preview.wait_until_built(2)
        assert "restarting the preview" in preview.output
        assert preview.output.count("Previewing the site at") == 2
        assert "<title>About · After</title>" in preview.get("/en/about/")[1]
        assert preview.state()["version"] != first and preview.process.poll() is None

        settings.write_text(settings.read_text() + "BROKEN = (\n")
        assert wait_for(lambda: preview.state()["problems"], 60), preview.output
        problem = preview.state()["problems"][0]
        assert problem.startswith(f"{settings}:7: the settings file could not be read (SyntaxError: "), problem
        assert "<title>About · After</title>" in preview.get("/en/about/")[1]  # the last good site, still served

        settings.write_text(settings.read_text().replace("BROKEN = (\n", ""))
        preview.wait_until_built(3)
        assert wait_for(lambda: not preview.state()["problems"], 30)
    assert "Traceback" not in preview.output


def with_plugin(folder: Path, name: str, code: str) -> Path:
    """Settings that add the plugin ``name`` (``code``, in a plugins folder of its own) to the site's."""
    plugins = folder / "plugins"
    write(plugins, f"{name}/__init__.py", code)
    return settings_file(
        folder, f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(plugins)!r}]\nPLUGINS = [*PLUGINS, {name!r}]"
    )


CRASH = """import os, signal
from pathlib import Path
from pelican import signals

def crash(pelican):
    if "CRASH" in Path(pelican.settings["PATH"], "posts/hello.md").read_text():
        os.kill(os.getpid(), signal.SIGKILL)

def register():
    signals.initialized.connect(crash)
"""

# Makes a build slow when the post says SLOW, and notes it when a build starts while another runs.
SLOW = """import os, time
from pathlib import Path
from pelican import signals

def started(pelican):
    if pelican.settings.get("RELAIS_SUBSITE"):
        return
    folder = Path(pelican.settings["PATH"]).parent
    try:
        os.close(os.open(folder / "building", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        (folder / "overlap").write_text("two builds at once")
    if "SLOW" in Path(pelican.settings["PATH"], "posts/hello.md").read_text():
        time.sleep(3)

def finished(pelican):
    if not pelican.settings.get("RELAIS_SUBSITE"):
        (Path(pelican.settings["PATH"]).parent / "building").unlink(missing_ok=True)

def register():
    signals.initialized.connect(started)
    signals.finalized.connect(finished)
"""


def test_a_build_that_crashes_does_not_stop_the_preview(content: Path, tmp_path: Path) -> None:
    with start(content, tmp_path / "out", "--settings", str(with_plugin(tmp_path, "crash", CRASH))) as preview:
        preview.wait_until_built(1)
        hello = Hello(content)
        hello.save("CRASH")
        assert wait_for(lambda: preview.state()["problems"], 60), preview.output
        assert "build: the build stopped before it finished" in preview.state()["problems"][0]
        hello.save("After the crash.")
        assert wait_for(lambda: "After the crash." in preview.get("/en/posts/hello/")[1], 60), preview.output
    assert not list(tmp_path.glob(".relais-build-*"))


def test_a_save_during_a_build_is_built_right_after_it_never_alongside(content: Path, tmp_path: Path) -> None:
    with start(content, tmp_path / "out", "--settings", str(with_plugin(tmp_path, "slow", SLOW))) as preview:
        preview.wait_until_built(1)
        hello = Hello(content)
        hello.save("SLOW first save.")
        assert wait_for((tmp_path / "building").exists, 30, every=0.01)
        hello.save("Second save, during the build.")
        assert wait_for(lambda: "Second save, during the build." in preview.get("/en/posts/hello/")[1], 60)
        preview.wait_until_built(3)
        assert preview.stop() == 0
    assert not (tmp_path / "overlap").exists()
    assert preview.output.count("\nBuilt ") == 3, preview.output
    assert "Preview stopped." in preview.output


def test_stopping_the_preview_mid_build_leaves_no_process_and_no_folder(content: Path, tmp_path: Path) -> None:
    with start(content, tmp_path / "out") as preview:
        preview.wait_until_built(1)
        Hello(content).save("Never finished.")
        assert wait_for(lambda: len(descendants(preview.process.pid)) >= 2, 30, every=0.01)  # the builder and a build
        below = descendants(preview.process.pid)
        assert preview.stop(signal.SIGTERM) == 0
    assert "Preview stopped." in preview.output
    assert wait_for(lambda: not any(alive(pid) for pid in below), 10), below
    assert not list(tmp_path.glob(".relais-build-*"))
    assert "Traceback" not in preview.output


def test_only_requests_addressed_to_this_computer_are_answered(content: Path, tmp_path: Path) -> None:
    with start(content, tmp_path / "out") as preview:
        preview.wait_until_built(1)
        assert preview.get("/en/", {"Host": f"localhost:{preview.port}"})[0] == 200
        status, body = preview.get("/en/", {"Host": f"attacker.example:{preview.port}"})
        assert status == 403 and "First post" not in body
        assert preview.get("/__relais__/live.js", {"Host": "attacker.example"})[0] == 403


def test_the_preview_listens_on_this_computer_only(content: Path, tmp_path: Path) -> None:
    with RunningPreview("--content", str(content), "--output", str(tmp_path / "out")) as preview:
        preview.wait_until_built(1)
        listening = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
        ours = [fields[1] for fields in listening if fields[1].endswith(f":{preview.port:04X}") and fields[3] == "0A"]
    assert ours == [f"0100007F:{preview.port:04X}"], ours  # 127.0.0.1 only
