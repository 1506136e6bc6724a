"""``publish.py deploy``: the public site, built strictly, sent for real to a folder, a Git branch and with rsync.

rsync over SSH is tested through rsync's own remote-shell protocol: ``--ssh``
names a stand-in for ssh that runs the remote end (``rsync --server``) on
this machine, so the ``host:/folder/`` path, the remote listing and the
protocol are the real ones without an SSH server.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, copy_minimal, publish, settings_file, tree_digest, write

FAKE_SSH = """#!/bin/sh
# A stand-in for ssh: skip its options and the host, run the command here.
while [ $# -gt 0 ]; do
  case "$1" in
    -l|-p|-i|-o|-e) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
shift
exec sh -c "$*"
"""


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A folder with content, a never-publish list, and room for builds and targets."""
    copy_minimal(tmp_path)
    (tmp_path / "never-publish.txt").write_text("Rue des Lucioles 2250\n", encoding="utf-8")
    return tmp_path


def deploy(
    site: Path, *args: str, today: str = "2026-02-22", settings: Path | None = None, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    never = site / "never-publish.txt"  # the list, unless a test removed it
    result = publish(
        "deploy",
        "--settings", str(settings or ROOT / "publishconf.py"),
        "--content", str(site / "content"),
        "--output", str(site / "build"),
        "--today", today,
        *args,
        env={"RELAIS_LANG": "en", **({"RELAIS_NEVER_PUBLISH": str(never)} if never.exists() else {}), **(env or {})},
    )  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def files_of(folder: Path) -> dict[str, str]:
    return tree_digest(folder)


def test_a_folder_gets_the_site_and_a_post_dated_next_week_on_its_day(site: Path) -> None:
    code, out, err = deploy(site, "--folder", str(site / "www"))
    assert code == 0, err
    assert out.startswith("Deployed to ") and " file" in out.splitlines()[0]
    assert files_of(site / "www") == files_of(site / "build")
    assert not (site / "www/en/posts/scheduled").exists()  # dated 2026-03-01, next week
    assert "https://lanterne.example.org/" in (site / "www/en/feeds/all.atom.xml").read_text()  # the public settings
    code, out, err = deploy(site, "--folder", str(site / "www"), today="2026-03-01")
    assert code == 0, err
    assert "  added: en/posts/scheduled/index.html" in out.splitlines()
    assert "  changed: en/index.html" in out.splitlines()
    assert "SCHEDULED-BODY" in (site / "www/en/posts/scheduled/index.html").read_text()
    code, out, _err = deploy(site, "--folder", str(site / "www"), today="2026-03-01")
    assert code == 0 and "already up to date: nothing to send" in out


def test_a_folder_that_holds_other_files_is_never_replaced(site: Path) -> None:
    write(site, "www/thesis.docx", "not a site")
    code, out, err = deploy(site, "--folder", str(site / "www"))
    assert code == 1 and out == ""
    assert "holds files that Relais did not build (thesis.docx)" in err and "The deploy stopped" in err
    assert [path.name for path in (site / "www").iterdir()] == ["thesis.docx"]


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_a_branch_of_a_bare_repository_for_pages(site: Path) -> None:
    remote = site / "pages.git"
    git("init", "--quiet", "--bare", str(remote), cwd=site)
    code, out, err = deploy(site, "--git", str(remote))
    assert code == 0, err
    assert f"branch gh-pages of {remote} (git)" in out.splitlines()[0]
    tree = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    assert tree == {*files_of(site / "build"), ".nojekyll"}
    assert git("show", "gh-pages:en/posts/hello/index.html", cwd=remote) == (
        site / "build/en/posts/hello/index.html"
    ).read_text(encoding="utf-8")
    code, out, err = deploy(site, "--git", str(remote), today="2026-03-01")
    assert code == 0, err
    assert "  added: en/posts/scheduled/index.html" in out.splitlines()
    assert len(git("rev-list", "gh-pages", cwd=remote).split()) == 2  # one commit per deploy, on top of the last
    code, out, _err = deploy(site, "--git", str(remote), today="2026-03-01")
    assert code == 0 and "already up to date" in out
    assert len(git("rev-list", "gh-pages", cwd=remote).split()) == 2


def test_a_branch_that_holds_something_else_is_refused(site: Path) -> None:
    project = site / "project"
    git("init", "--quiet", "-b", "main", str(project), cwd=site)
    write(project, "README.md", "The project itself.")
    git("add", ".", cwd=project)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "x", cwd=project)
    code, _out, err = deploy(site, "--git", str(project), "--branch", "main")
    assert code == 1
    assert "the branch 'main' of" in err and "holds files Relais did not put there (README.md)" in err
    assert git("ls-tree", "--name-only", "main", cwd=project).split() == ["README.md"]


def test_rsync_to_a_folder_deletes_what_is_no_longer_built_and_keeps_well_known(site: Path) -> None:
    www = site / "www"
    code, out, err = deploy(site, "--rsync", str(www))
    assert code == 0, err
    assert files_of(www) == files_of(site / "build")
    write(www, ".well-known/acme-challenge/token", "for the certificate")
    (site / "content/posts/peer-post.md").unlink()
    code, out, err = deploy(site, "--rsync", str(www))
    assert code == 0, err
    lines = out.splitlines()
    assert "  removed: en/posts/peer-post/index.html" in lines and "  changed: en/index.html" in lines
    assert not (www / "en/posts/peer-post").exists()
    assert (www / ".well-known/acme-challenge/token").read_text() == "for the certificate"
    mode = (www / "en/index.html").stat().st_mode
    assert stat.S_IMODE(mode) == 0o644


def test_rsync_dry_run_says_what_would_change_and_sends_nothing(site: Path) -> None:
    www = site / "www"
    assert deploy(site, "--rsync", str(www))[0] == 0
    before = files_of(www)
    code, out, err = deploy(site, "--rsync", str(www), "--dry-run", today="2026-03-01")
    assert code == 0, err
    assert out.startswith("Dry run, nothing was sent: deploying to ")
    assert "  added: en/posts/scheduled/index.html" in out.splitlines()
    assert files_of(www) == before


def test_rsync_over_ssh_to_a_web_server_folder(site: Path) -> None:
    ssh = site / "fake-ssh"
    ssh.write_text(FAKE_SSH)
    ssh.chmod(0o755)
    destination = f"web.example.org:{site / 'srv/www'}/"
    (site / "srv").mkdir()
    code, out, err = deploy(site, "--rsync", destination, "--ssh", str(ssh))
    assert code == 0, err
    assert out.startswith(f"Deployed to {destination} (rsync): ")
    assert files_of(site / "srv/www") == files_of(site / "build")


def test_rsync_refuses_a_folder_it_did_not_fill(site: Path) -> None:
    write(site, "www/index.php", "<?php echo 'another site';")
    code, _out, err = deploy(site, "--rsync", str(site / "www"))
    assert code == 1 and "holds files Relais did not put there (index.php)" in err
    assert [path.name for path in (site / "www").iterdir()] == ["index.php"]


def test_nothing_is_deployed_when_the_build_fails(site: Path) -> None:
    assert deploy(site, "--folder", str(site / "www"))[0] == 0
    before = files_of(site / "www")
    write(site, "content/posts/leak.md", (site / "content/posts/hello.md").read_text().replace(
        "First post body.", "Meet us at Rue des Lucioles 2250."
    ).replace("translation_key: hello\n", ""))  # fmt: skip
    code, out, err = deploy(site, "--folder", str(site / "www"))
    assert code == 1 and out == ""
    assert "leak.md" in err and "never-publish" in err
    assert err.strip().endswith("The build failed, so nothing was deployed: the site online is as it was.")
    assert files_of(site / "www") == before


def test_warnings_of_published_files_stop_the_deploy_but_not_a_drafts_errors(site: Path) -> None:
    write(site, "content/posts/wip.md", "---\ntitle: Wip\nstatus: draft\n---\n\nUnfinished.\n")
    assert deploy(site, "--folder", str(site / "www"))[0] == 0  # a draft never stops the site
    hello = site / "content/posts/hello.md"
    hello.write_text(hello.read_text().replace("First post body.", "# Big title\n\nFirst post body."))
    code, _out, err = deploy(site, "--folder", str(site / "www"))
    assert code == 1 and "hello.md" in err and "warning: heading" in err and "nothing was deployed" in err


def test_deploying_needs_the_never_publish_list(site: Path) -> None:
    (site / "never-publish.txt").unlink()
    code, _out, err = deploy(site, "--folder", str(site / "www"))  # publishconf.py requires it
    assert code == 1 and "never-publish" in err and not (site / "www").exists() and not (site / "build").exists()
    preview = settings_file(site, "")  # settings that do not ask for it, and no list anywhere
    code, _out, err = deploy(site, "--folder", str(site / "www"), settings=preview)
    assert code == 1 and "needs the never-publish list, and there is none" in err and not (site / "www").exists()


def test_the_target_comes_from_the_settings_or_is_asked_for(site: Path) -> None:
    settings = settings_file(
        site, f"NEVER_PUBLISH_REQUIRED = True\nDEPLOY = {{'method': 'folder', 'to': {str(site / 'www')!r}}}"
    )
    code, out, err = deploy(site, settings=settings)
    assert code == 0, err
    assert out.startswith(f"Deployed to {site / 'www'} (folder)")
    wrong = settings_file(site, "DEPLOY = {'method': 'ftp', 'to': 'ftp://example.org'}", name="wrong.py")
    code, _out, err = deploy(site, settings=wrong)
    assert (
        code == 1 and "wrong.py:6: DEPLOY.method: 'ftp' is not a way to deploy — use one of: rsync, git, folder" in err
    )
    none = settings_file(site, "", name="none.py")
    code, _out, err = deploy(site, settings=none)
    assert code == 1 and "Say where to deploy: set DEPLOY in" in err


def test_rsync_missing_is_said_in_plain_words(site: Path) -> None:
    (site / "bin").mkdir()
    (site / "bin/git").symlink_to(shutil.which("git"))  # everything but rsync
    code, _out, err = deploy(site, "--rsync", str(site / "www"), env={"PATH": str(site / "bin")})
    assert code == 1 and "rsync is not installed on this computer" in err and "apt-get install rsync" in err
