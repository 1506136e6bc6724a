"""The scheduled rebuilds of contrib/schedule/: each file is valid for its tool, and runs a real deploy.

The cron line and the systemd service are run as their tool would run them
(the same commands, in a copy of a site at another path); the timer and the
service pass ``systemd-analyze verify``; the CI workflows are read as YAML
and their deploy command is run with make, as the CI job would.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import FIXTURES, POST, ROOT, tree_digest, write

SCHEDULE = ROOT / "contrib" / "schedule"
SERVER_PATH = "/srv/lanterne"
CRON_FIELD = re.compile(r"^(\*|\d+(-\d+)?)(/\d+)?(,(\*|\d+(-\d+)?)(/\d+)?)*$")
CRON_RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]


def git(*args: str, cwd: Path) -> str:
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    result = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **identity}, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture()
def server(tmp_path: Path) -> Path:
    """A site as the scheduled files expect it on a server: a clone of its repository, set up, with its list."""
    origin = tmp_path / "origin.git"
    git("init", "--quiet", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    site = tmp_path / "site"
    git("clone", "--quiet", str(origin), str(site), cwd=tmp_path)
    shutil.copytree(FIXTURES / "minimal", site / "content")
    (site / "publishconf.py").write_text(  # the project's public settings, with a folder to deploy to
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        'SITEURL = FEED_DOMAIN = "https://lanterne.example.org"\nNEVER_PUBLISH_REQUIRED = True\n'
        f"OUTPUT_PATH = 'output-public'\nDEPLOY = {{'method': 'folder', 'to': {str(tmp_path / 'www')!r}}}\n"
    )
    (site / ".gitignore").write_text("/private/\n/output-public/\n/.relais-cache/\n/.venv\n/deploy.log\n")
    git("add", ".", cwd=site)
    git("commit", "--quiet", "-m", "The site", cwd=site)
    git("push", "--quiet", "origin", "main", cwd=site)
    # What `make html` and the README's setup leave on the server.
    (site / "publish.py").symlink_to(ROOT / "publish.py")
    (site / ".venv").symlink_to(sys.prefix)  # the virtual environment running the tests
    write(site, "private/never-publish.txt", "Rue des Lucioles 2250\n")
    return site


def publish_a_post_upstream(server: Path) -> None:
    """Someone else pushes a new post: the scheduled run must fetch it before building."""
    other = server.parent / "other"
    git("clone", "--quiet", str(server.parent / "origin.git"), str(other), cwd=server.parent)
    write(other, "content/posts/fresh.md", POST.format(title="Fresh from upstream").replace("2026-01-15", "2026-01-20"))
    git("add", ".", cwd=other)
    git("commit", "--quiet", "-m", "A new post", cwd=other)
    git("push", "--quiet", "origin", "main", cwd=other)


def test_the_cron_line_fetches_builds_and_deploys(server: Path) -> None:
    [line] = [line for line in (SCHEDULE / "relais-deploy.cron").read_text().splitlines() if line and line[0] != "#"]
    fields = line.split(maxsplit=5)
    for field, (low, high) in zip(fields[:5], CRON_RANGES, strict=True):
        assert CRON_FIELD.match(field), field
        assert all(low <= int(number) <= high for number in re.findall(r"\d+", field.split("/")[0]))
    command = fields[5]
    assert "publish.py deploy" in command and SERVER_PATH in command
    publish_a_post_upstream(server)
    subprocess.run(["sh", "-c", command.replace(SERVER_PATH, str(server))], check=True, timeout=600)
    www = server.parent / "www"
    assert tree_digest(www) == tree_digest(server / "output-public")
    assert "Fresh from upstream" in (www / "en/posts/fresh/index.html").read_text(encoding="utf-8")
    log = (server / "deploy.log").read_text()
    assert "Deployed to " in log and "(folder): " in log


def service_commands(text: str) -> tuple[Path, list[str]]:
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read_string(text)
    service = unit["Service"]
    return Path(service["WorkingDirectory"]), [service["ExecStartPre"].lstrip("-"), service["ExecStart"]]


def test_the_systemd_service_and_timer_pass_systemd_analyze_and_deploy(server: Path, tmp_path: Path) -> None:
    service = (SCHEDULE / "relais-deploy.service").read_text().replace(SERVER_PATH, str(server))
    folder, commands = service_commands(service)
    assert folder == server and commands[1].endswith("publish.py deploy")
    units = tmp_path / "units"
    units.mkdir()
    (units / "relais-deploy.service").write_text(service)
    shutil.copy(SCHEDULE / "relais-deploy.timer", units)
    if shutil.which("systemd-analyze"):
        verified = subprocess.run(
            ["systemd-analyze", "verify", *sorted(str(path) for path in units.iterdir())],
            capture_output=True,
            text=True,
            check=False,
        )
        assert verified.returncode == 0, verified.stdout + verified.stderr
        calendar = subprocess.run(
            ["systemd-analyze", "calendar", "*-*-* 00:10:00 America/Toronto"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert calendar.returncode == 0, calendar.stderr
    timer = configparser.ConfigParser(interpolation=None)
    timer.read_string((SCHEDULE / "relais-deploy.timer").read_text())
    assert timer["Timer"]["OnCalendar"] == "*-*-* 00:10:00 America/Toronto" and timer["Timer"]["Persistent"] == "true"
    publish_a_post_upstream(server)
    for command in commands:  # as systemd runs them: in WorkingDirectory, one after the other
        subprocess.run(command.split(), cwd=folder, check=True, timeout=600)
    assert "Fresh from upstream" in (server.parent / "www/en/posts/fresh/index.html").read_text(encoding="utf-8")


def workflow(name: str) -> dict:
    return yaml.safe_load((SCHEDULE / name).read_text(encoding="utf-8"))


def test_the_github_workflow_runs_every_day_and_deploys_to_gh_pages() -> None:
    data = workflow("github-publish.yml")
    triggers = data.get("on") or data[True]  # YAML 1.1 reads a bare 'on' as true
    [schedule] = triggers["schedule"]
    fields = schedule["cron"].split()
    assert len(fields) == 5 and all(CRON_FIELD.match(field) for field in fields)
    assert data["permissions"] == {"contents": "write"}
    runs = [step.get("run", "") for step in data["jobs"]["publish"]["steps"]]
    assert any("private/never-publish.txt" in run for run in runs)
    assert any(run.startswith("make deploy DEPLOY_FLAGS=") and "--git https://github.com/" in run for run in runs)


def test_the_gitlab_pipeline_leaves_public_for_pages() -> None:
    job = workflow("gitlab-ci.yml")["pages"]
    assert job["artifacts"]["paths"] == ["public"]
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in job["rules"]
    assert job["script"] == ['make deploy DEPLOY_FLAGS="--folder public"']


def test_make_deploy_as_the_ci_jobs_run_it(server: Path) -> None:
    """`make deploy DEPLOY_FLAGS="--folder public"`, the GitLab job's command, in a set-up checkout."""
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", "apt-packages.txt"):
        shutil.copy(ROOT / name, server / name)
        os.utime(server / name, (0, 0))  # older than the venv's marks: make installs nothing
    result = subprocess.run(
        ["make", "deploy", "DEPLOY_FLAGS=--folder public"],
        cwd=server,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Deployed to public (folder)" in result.stdout
    assert tree_digest(server / "public") == tree_digest(server / "output-public")
