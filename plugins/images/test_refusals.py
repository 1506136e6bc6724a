"""content/images/ holds only images Relais can clean: anything else is an error naming the file.

Links (to a file or a folder outside), pipes, hidden files, scripts, SVG, HTML
named as an image, formats browsers cannot show, damaged files and images
beyond the size limits: each is named, with a fix, by ``check`` and by
``build``, in one run, without a traceback; the last good site stays, and
nothing the links point to is read or published.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from images.cleaning import NotCleanable, clean_image
from images.settings import image_limits
from images.test_images import post_with
from relais.build import BuildOptions, check
from tests.dirty_images import dirty_gif, dirty_jpeg, write_image
from tests.helpers import ROOT, copy_minimal, publish, settings_file, tree_digest, write

OUTSIDE_SECRET = "contents-of-a-file-outside-the-repository"


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size: the header only, as a decompression bomb starts."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    pixels = zlib.compress(b"\x00" * 64)
    idat = b"IDAT" + pixels
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
        + struct.pack(">I", len(pixels))
        + idat
        + struct.pack(">I", zlib.crc32(idat))
        + b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )


def jpeg_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, "JPEG")
    return buffer.getvalue()


# Each planted file, and words its problem must say.
PLANTED: dict[str, tuple[bytes | None, str]] = {
    "images/.htaccess": (b"AddHandler php-script .jpg\n", "hidden file"),
    "images/shell.php": (b"<?php system($_GET['c']); ?>", "program that the web server could run"),
    "images/logo.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
    "images/page.html": (b"<!doctype html><script>alert(1)</script>", "web page"),
    "images/fake.png": (b"<!doctype html><html><script>alert(document.cookie)</script></html>", "web page (HTML)"),
    "images/fake.gif": (b'GIF89a/*\x00\x00*/=1;alert("polyglot");/*', "damaged or incomplete"),
    "images/really-a-jpeg.png": (jpeg_bytes(), "is a JPEG image"),
    "images/iphone.heic": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
    "images/disguised-heic.jpg": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
    "images/scan.tiff": (b"II*\x00\x08\x00\x00\x00", "TIFF"),
    "images/truncated.jpg": (jpeg_bytes((800, 600))[:700], "damaged or incomplete"),
    "images/empty.webp": (b"", "empty"),
    "images/no-suffix": (jpeg_bytes(), "no suffix"),
    "images/huge.png": (png_header(20_000, 20_000), "400 megapixels"),
    "images/big.png": (
        png_header(8_000, 8_000),
        "64 megapixels (8000 × 8000 pixels), more than IMAGE_MAX_MEGAPIXELS (50)",
    ),
}


@pytest.fixture()
def planted(tmp_path: Path) -> tuple[Path, Path]:
    """A content folder with every kind of file that must not be published, and a secret outside it."""
    content = copy_minimal(tmp_path)
    for relative, (data, _) in PLANTED.items():
        write_image(content / relative, data or b"")
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text(OUTSIDE_SECRET)
    write_image(outside / "folder/photo.jpg", dirty_jpeg())
    (content / "images/linked.jpg").symlink_to(outside / "secret.txt")
    (content / "images/linked-photo.jpg").symlink_to(outside / "folder/photo.jpg")
    (content / "images/linked-folder").symlink_to(outside / "folder", target_is_directory=True)
    os.mkfifo(content / "images/pipe.jpg")
    with (content / "images/too-heavy.jpg").open("wb") as file:
        file.write(jpeg_bytes())
        file.truncate(31_000_000)  # sparse: no disk used, but 31 MB to read
    write_image(content / "images/.cache/thumb.jpg", jpeg_bytes())
    write_image(content / "images/fine.gif", dirty_gif())
    write(
        content,
        "posts/pictures.md",
        post_with("![A fine picture](/images/fine.gif)\n\n![A fake one](/images/fake.png)"),
    )
    return content, outside


EXPECTED = {
    **{relative: words for relative, (_, words) in PLANTED.items()},
    "images/linked.jpg": "link to another file or folder",
    "images/linked-photo.jpg": "link to another file or folder",
    "images/linked-folder": "link to another file or folder",
    "images/pipe.jpg": "not a regular file",
    "images/too-heavy.jpg": "31.0 MB, more than IMAGE_MAX_FILE_MB (30)",
    "images/.cache": "hidden folder",
}


def _image_lines(stderr: str) -> dict[str, str]:
    lines = {}
    for line in stderr.splitlines():
        if ": image: " in line and "/content/images/" in line:
            relative = line.split("/content/", 1)[1].split(": image: ", 1)[0]
            lines[relative] = line
    return lines


def test_check_names_every_file_that_cannot_be_published(planted: tuple[Path, Path]) -> None:
    content, _ = planted
    result = publish("check", "--content", str(content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = _image_lines(result.stderr)
    for relative, words in EXPECTED.items():
        assert relative in lines, f"{relative} not named:\n{result.stderr}"
        assert words in lines[relative] and " — " in lines[relative], lines[relative]
    assert "images/fine.gif" not in {k for k, v in lines.items() if ": warning: " not in v}
    assert "linked-folder/photo.jpg" not in result.stderr  # a linked folder is never entered


def test_a_build_stops_and_publishes_nothing_from_the_folder(planted: tuple[Path, Path], tmp_path: Path) -> None:
    content, outside = planted
    good = copy_minimal(tmp_path / "good")
    output = tmp_path / "output"
    assert publish("build", "--content", str(good), "--output", str(output)).returncode == 0
    before = tree_digest(output)
    result = publish("build", "--content", str(content), "--output", str(output))
    assert result.returncode == 1 and "left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert set(EXPECTED) <= set(_image_lines(result.stderr))
    assert tree_digest(output) == before
    assert OUTSIDE_SECRET not in result.stdout + result.stderr
    assert (outside / "secret.txt").read_text() == OUTSIDE_SECRET


@pytest.mark.parametrize(
    ("data", "claimed", "words"),
    [
        (b"<svg onload='alert(1)'/>", "PNG", "not a PNG image: it is an SVG drawing"),
        (b"<?php echo 1; ?>", "GIF", "not a GIF image: it is a PHP program"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WEBP", "damaged or incomplete"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG", "damaged or incomplete"),
        (b"just some words", "JPEG", "does not recognise what it is"),
        (png_header(100_000, 100_000), "PNG", "10,000 megapixels"),
        (jpeg_bytes((800, 600))[:700], "JPEG", "damaged or incomplete"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_a_named_problem(data: bytes, claimed: str, words: str) -> None:
    import weasyprint  # noqa: F401 - as in a build: it tells Pillow to fill in truncated images

    with pytest.raises(NotCleanable) as raised:
        clean_image(data, claimed, image_limits({}), 960)
    assert words in raised.value.what and raised.value.fix


def test_the_limits_are_settings(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write_image(content / "images/photo.jpg", jpeg_bytes((1000, 800)))
    limits = "IMAGE_MAX_MEGAPIXELS = 0.5\nIMAGE_MAX_FILE_MB = 0.001\nIMAGE_MAX_WIDTH = 'wide'"
    settings = settings_file(tmp_path, limits, "limitsconf.py")
    problems = [p.format() for p in check(BuildOptions(settings_file=settings, content_dir=content)).problems]
    too_big = [p for p in problems if "images/photo.jpg: image: this file is 0.0" in p]
    assert len(too_big) == 1 and "MB, more than IMAGE_MAX_FILE_MB (0.001)" in too_big[0], problems
    assert any("limitsconf.py:8: IMAGE_MAX_WIDTH: 'wide' is not a width in pixels" in p for p in problems), problems

    settings.write_text(settings.read_text().replace("IMAGE_MAX_FILE_MB = 0.001", "IMAGE_MAX_FILE_MB = True"))
    problems = [p.format() for p in check(BuildOptions(settings_file=settings, content_dir=content)).problems]
    assert any("more than IMAGE_MAX_MEGAPIXELS (0.5)" in p and "1000 × 800" in p for p in problems), problems
    assert any("IMAGE_MAX_FILE_MB: True is not a file size in megabytes" in p for p in problems), problems


def test_a_static_path_outside_the_content_is_refused(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    settings = settings_file(tmp_path, 'STATIC_PATHS = ["images", "../private", "/etc"]')
    problems = [p.format() for p in check(BuildOptions(settings_file=settings, content_dir=content)).problems]
    assert any("STATIC_PATHS: '../private' is not a folder inside the content folder" in p for p in problems)
    assert any("STATIC_PATHS: '/etc' is not a folder inside the content folder" in p for p in problems)


def test_the_images_folder_itself_may_not_be_a_link(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    write_image(elsewhere / "photo.jpg", jpeg_bytes())
    (content / "images").symlink_to(elsewhere, target_is_directory=True)
    problems = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content)).problems
    (problem,) = [p for p in problems.errors if p.field == "image"]
    assert problem.file.endswith("content/images") and "link" in problem.what


def test_a_link_to_a_file_that_is_not_published_is_an_error(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write_image(content / "images/photo.jpg", jpeg_bytes())
    body = "See [the notes]({static}/authors/ana.yml) and [the photo]({static}/images/photo.jpg)."
    write(content, "posts/pictures.md", post_with(body))
    problems = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content)).problems
    (problem,) = [p for p in problems.errors if p.file.endswith("posts/pictures.md")]
    assert problem.line == 11 and problem.field == "link"
    assert "{static}/authors/ana.yml names a file that is not published" in problem.what
