"""``publish.py clean-images``: the writers' files lose their metadata, and nothing else is touched."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from images.metadata import metadata_in
from relais.build import BuildOptions, check
from tests.dirty_images import PLANTED, dirty_gif, dirty_jpeg, dirty_png, dirty_webp, spellings, write_image
from tests.helpers import ROOT, copy_minimal, publish


def test_clean_images_cleans_every_format_and_follows_no_link(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    sources = {
        "images/photo.jfif": dirty_jpeg(orientation=6),
        "images/OLD.JPE": dirty_jpeg(),
        "images/nested/drawing.png": dirty_png(),
        "images/picture.webp": dirty_webp(),
        "images/moving.gif": dirty_gif(),
    }
    for relative, data in sources.items():
        write_image(content / relative, data)
    outside = tmp_path / "outside"
    outside_photo = write_image(outside / "photo.jpg", dirty_jpeg())
    write_image(outside / "folder/other.jpg", dirty_jpeg())
    (content / "images/linked.jpg").symlink_to(outside_photo)
    (content / "images/linked-folder").symlink_to(outside / "folder", target_is_directory=True)
    write_image(content / "images/drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    outside_before = {path: path.read_bytes() for path in outside.rglob("*") if path.is_file()}

    result = publish("clean-images", "--content", str(content))

    assert result.returncode == 1, result.stdout + result.stderr  # the link and the SVG are refused, and named
    assert "Traceback" not in result.stderr
    for relative in sources:
        assert f"Cleaned {content.resolve()}/{relative}\n" in result.stdout, relative
        data = (content / relative).read_bytes()
        assert metadata_in(data) == [], relative
        assert not [text for text in PLANTED for spelling in spellings(text) if spelling in data], relative
    for name in ("linked.jpg", "linked-folder", "drawing.svg"):
        assert f"images/{name}: image: " in result.stderr, name
    # Full size, upright; nothing outside the content folder changed; nothing left behind.
    with Image.open(content / "images/photo.jfif") as image:
        assert image.size == (900, 1600) and image.format == "JPEG"
    assert {path: path.read_bytes() for path in outside.rglob("*") if path.is_file()} == outside_before
    assert (content / "images/linked.jpg").is_symlink()
    assert not list(content.rglob(".relais-*"))

    options = BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content)
    assert not [p for p in check(options).problems.warnings if "where it was taken" in p.what]

    again = publish("clean-images", "--content", str(content))
    assert "No image in the content carries metadata." in again.stdout


def test_clean_images_keeps_the_file_mode(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    photo = write_image(content / "images/photo.jpg", dirty_jpeg())
    photo.chmod(0o640)
    result = publish("clean-images", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert metadata_in(photo.read_bytes()) == [] and (photo.stat().st_mode & 0o777) == 0o640
