"""Images, built for real: every output file, PDFs included, carries nothing but pixels.

The photos are planted with everything a phone or an editor leaves in them
(tests/dirty_images.py): GPS in EXIF and in XMP, an author, a description, a
comment, a thumbnail, a picture after the end, written several ways each.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from images.cleaning import clean_image
from images.metadata import metadata_in
from images.settings import image_limits
from relais.build import BuildOptions, build, check
from relais.problems import Severity
from tests.dirty_images import PLANTED, dirty_gif, dirty_jpeg, dirty_png, dirty_webp, spellings, write_image
from tests.helpers import ROOT, copy_minimal, front_matter, settings_file, write

SITEURL = "https://lanterne.example.org"
# Every suffix spelling a writer may use, each a dirty file.
SOURCES = {
    "images/photo.jpg": dirty_jpeg,
    "images/Upper.JPG": dirty_jpeg,
    "images/long.jpeg": dirty_jpeg,
    "images/old-camera.jpe": dirty_jpeg,
    "images/from-windows.jfif": dirty_jpeg,
    "images/2026/in-a-folder.jpg": dirty_jpeg,
    "images/drawing.png": dirty_png,
    "images/picture.webp": dirty_webp,
    "images/moving.gif": dirty_gif,
}


POST = {"title": "Pictures", "date": "2026-01-15", "authors": "[ana]", "category": "news", "summary": "A summary."}
GUIDE = {
    "title": "A guide with pictures",
    "summary": "A guide.",
    "status": "published",
    "source": "A collective",
    "permission": "\n  granted_by: The collective\n  date: 2026-01-10",
    "licence": "CC BY 4.0",
    "updated": "2026-01-12",
}
GUIDE_BODY = """## Pictures

![A red square](/images/photo.jpg)

![A drawing in two colours](/images/drawing.png)

![An old camera's picture](../images/old-camera.jpe)"""


def post_with(body: str, status: str = "published") -> str:
    return front_matter(POST, body, lang="en", status=status)


@pytest.fixture(scope="module")
def dirty_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Content full of dirty images, shown in a post and embedded in a guide's PDF; built with SITEURL."""
    folder = tmp_path_factory.mktemp("dirty")
    content = copy_minimal(folder)
    for relative, make in SOURCES.items():
        write_image(content / relative, make())
    body = "\n\n".join(f"![Picture {number}](/{relative})" for number, relative in enumerate(SOURCES))
    write(content, "posts/pictures.md", post_with(body))
    write(content, "guides/pictures.md", front_matter(GUIDE, GUIDE_BODY, lang="en"))
    output = folder / "out"
    settings = settings_file(folder, f"SITEURL = {SITEURL!r}")  # as publishconf.py has it
    options = BuildOptions(settings, content, output, dt.date(2026, 2, 15))
    result = build(options)
    assert result.built, [problem.format() for problem in result.problems]
    return content, output


def _planted_in(data: bytes) -> list[str]:
    return sorted({text for text in PLANTED for spelling in spellings(text) if spelling in data})


def test_the_sources_are_dirty_so_the_search_can_fail(dirty_site: tuple[Path, Path]) -> None:
    content, _ = dirty_site
    for relative in SOURCES:
        data = (content / relative).read_bytes()
        assert _planted_in(data) and metadata_in(data), relative


def test_no_output_file_holds_anything_planted(dirty_site: tuple[Path, Path]) -> None:
    _, output = dirty_site
    files = [path for path in output.rglob("*") if path.is_file()]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        assert not _planted_in(data), path
        assert b"GPSLatitude" not in data and b"xmpmeta" not in data, path


def test_every_image_is_published_as_its_cleaned_copy(dirty_site: tuple[Path, Path]) -> None:
    content, output = dirty_site
    limits = image_limits({})
    for relative, make in SOURCES.items():
        published = (output / relative).read_bytes()
        source = (content / relative).read_bytes()
        assert published != source, relative
        assert metadata_in(published) == [], relative
        expected_format = {"png": "PNG", "webp": "WEBP", "gif": "GIF"}.get(relative.rsplit(".", 1)[-1], "JPEG")
        assert published == clean_image(make(), expected_format, limits, 960).data, relative
        with Image.open(io.BytesIO(published)) as image:
            assert image.format == expected_format and not image.getexif() and image.width <= 960
            assert not set(image.info) & {"exif", "xmp", "icc_profile", "comment", "photoshop", "Author"}, relative


def test_pages_show_the_cleaned_size_from_the_site_address(dirty_site: tuple[Path, Path]) -> None:
    _, output = dirty_site
    page = (output / "en/posts/pictures/index.html").read_text(encoding="utf-8")
    assert f'src="{SITEURL}/images/photo.jpg" width="960" height="540" loading="lazy"' in page
    assert f'src="{SITEURL}/images/from-windows.jfif" width="960" height="540"' in page
    assert f'src="{SITEURL}/images/drawing.png" width="400" height="300"' in page


def _streams(reader: PdfReader) -> list[StreamObject]:
    """Every stream reachable from the PDF's trailer: pages, images, fonts, metadata."""
    found: dict[int, StreamObject] = {}
    seen: set[tuple[int, int]] = set()
    pending: list[Any] = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, StreamObject):
            found[id(item)] = item
        if isinstance(item, DictionaryObject):
            pending.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return list(found.values())


def test_the_guide_pdf_embeds_only_cleaned_images(dirty_site: tuple[Path, Path]) -> None:
    _, output = dirty_site
    reader = PdfReader(output / "en/guides/pictures/pictures.pdf")
    images = list({image.name: image for page in reader.pages for image in page.images}.values())
    assert len(images) == 3  # with SITEURL in front of their paths, they are still the site's own
    for image in images:
        assert not _planted_in(image.data), image.name
        assert metadata_in(image.data) == [], image.name
        with Image.open(io.BytesIO(image.data)) as opened:
            assert not opened.getexif()
    for stream in _streams(reader):
        for data in (stream.get_data(), stream._data):
            assert not _planted_in(data)
            assert b"GPSLatitude" not in data and b"xmpmeta" not in data


def test_pelican_copies_nothing_from_content(dirty_site: tuple[Path, Path]) -> None:
    content, output = dirty_site
    sources = {path.read_bytes() for path in content.rglob("*") if path.is_file()}
    assert not [path for path in output.rglob("*") if path.is_file() and path.read_bytes() in sources]


# --- Pages, with the default settings -------------------------------------------------


BODY = """Intro.

![](/images/lantern.jpg)

![A lantern](/images/lanten.jpg)

<img src="https://photos.example.com/a.jpg" alt="From elsewhere">

![A lantern](/images/lantern.jpg)
"""


def test_each_image_problem_names_file_and_line(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write_image(content / "images/lantern.jpg", dirty_jpeg())
    write(content, "posts/pictures.md", post_with(BODY))
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    found = [p for p in result.problems if p.file.endswith("posts/pictures.md")]
    assert [(p.line, p.severity) for p in found] == [(13, Severity.ERROR), (15, Severity.ERROR), (17, Severity.ERROR)]
    assert "no description (alt text)" in found[0].what and "![A bowl" in found[0].fix
    assert "no image content/images/lanten.jpg" in found[1].what and "lantern.jpg" in found[1].fix
    assert "photos.example.com" in found[2].what


def test_image_problems_in_a_draft_are_warnings(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write(content, "posts/pictures.md", post_with("![](/images/nothing.jpg)", status="draft"))
    result = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content))
    found = [p for p in result.problems if p.file.endswith("posts/pictures.md")]
    assert len(found) == 2 and all(p.severity is Severity.WARNING for p in found)


@pytest.fixture(scope="module")
def built_with_photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.helpers import build_minimal

    folder = tmp_path_factory.mktemp("photos")
    content = copy_minimal(folder)
    write_image(content / "images/lantern.jpg", dirty_jpeg((2000, 1000)))
    write_image(content / "images/small.jpg", dirty_jpeg((300, 200)))
    write_image(content / "images/turned.jpg", dirty_jpeg((1200, 600), orientation=6))
    body = "![A lantern](/images/lantern.jpg)\n\n![Small](../images/small.jpg)\n\n![Turned]({static}/images/turned.jpg)"
    links = "[The full picture]({static}/images/lantern.jpg) or [the small one]({attach}../images/small.jpg)"
    write(content, "posts/pictures.md", post_with(f"{body}\n\n{links}"))
    return build_minimal(folder)


def test_output_images_respect_the_width_and_stay_upright(built_with_photo: Path) -> None:
    for name, size in [("lantern.jpg", (960, 480)), ("small.jpg", (300, 200)), ("turned.jpg", (600, 1200))]:
        path = built_with_photo / "images" / name
        assert metadata_in(path.read_bytes()) == [], name
        with Image.open(path) as image:
            assert image.size == size


def test_pages_give_size_and_lazy_loading(built_with_photo: Path) -> None:
    page = (built_with_photo / "en/posts/pictures/index.html").read_text(encoding="utf-8")
    assert (
        '<img alt="A lantern" src="/images/lantern.jpg" width="960" height="480" loading="lazy" decoding="async">'
        in page
    )
    assert '<img alt="Small" src="/images/small.jpg" width="300" height="200"' in page
    assert '<img alt="Turned" src="/images/turned.jpg" width="600" height="1200"' in page
    # Links to an image lead to its one published copy, {attach} included (Pelican would move it).
    assert '<a href="/images/lantern.jpg">The full picture</a>' in page
    assert '<a href="/images/small.jpg">the small one</a>' in page
