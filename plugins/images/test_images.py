"""Images: metadata removed, width capped, alt text required, sized and lazy in pages."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image, PngImagePlugin
from PIL.ExifTags import GPS, IFD, Base

from images.checks import images_in_output
from images.cleaning import clean_image, leftover_metadata, output_size
from relais.build import BuildOptions, check
from relais.built import check_built_site
from relais.problems import Severity
from tests.helpers import ROOT, build_minimal, copy_minimal, publish, write

XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'


def photo(path: Path, size: tuple[int, int] = (1600, 900), orientation: int | None = None) -> Path:
    """A JPEG as a phone writes it: camera, author, GPS position, XMP."""
    image = Image.new("RGB", size, "#cc5533")
    exif = Image.Exif()
    exif[Base.Make] = "PhoneMaker"
    exif[Base.Artist] = "Real Name"
    if orientation:
        exif[Base.Orientation] = orientation
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef] = "N"
    gps[GPS.GPSLatitude] = (45.0, 30.0, 1.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, exif=exif, xmp=XMP, icc_profile=_srgb_profile(), comment=b"taken at home")
    return path


def _srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def test_a_phone_photo_is_dirty_before_cleaning(tmp_path: Path) -> None:
    assert {"EXIF", "GPS", "xmp", "icc_profile", "comment"} <= set(leftover_metadata(photo(tmp_path / "a.jpg")))


def test_cleaning_keeps_only_pixels_and_caps_the_width(tmp_path: Path) -> None:
    cleaned = clean_image(photo(tmp_path / "a.jpg"), 800)
    (tmp_path / "out.jpg").write_bytes(cleaned)
    assert leftover_metadata(tmp_path / "out.jpg") == []
    assert b"Real Name" not in cleaned and b"PhoneMaker" not in cleaned and b"adobe" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (800, 450) and image.format == "JPEG"
        assert not image.getexif()


def test_orientation_is_applied_before_exif_goes(tmp_path: Path) -> None:
    source = photo(tmp_path / "turned.jpg", (1200, 600), orientation=6)
    size = output_size(source, 960)
    assert (size.width, size.height) == (600, 1200)
    with Image.open(io.BytesIO(clean_image(source, 960))) as image:
        assert image.size == (600, 1200)


def test_png_text_chunks_are_dropped(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Real Name")
    info.add_text("Location", "45.5, -73.5")
    Image.new("RGBA", (50, 40), (0, 0, 0, 0)).save(tmp_path / "a.png", pnginfo=info)
    assert leftover_metadata(tmp_path / "a.png")
    (tmp_path / "b.png").write_bytes(clean_image(tmp_path / "a.png", 960))
    assert leftover_metadata(tmp_path / "b.png") == []
    with Image.open(tmp_path / "b.png") as image:
        assert image.mode == "RGBA" and image.size == (50, 40)


def post_with(body: str, status: str = "published") -> str:
    return (
        "---\ntitle: Pictures\ndate: 2026-01-15\nauthors: [ana]\ncategory: news\nsummary: A summary.\n"
        f"lang: en\nstatus: {status}\n---\n\n{body}\n"
    )


BODY = """Intro.

![](/images/lantern.jpg)

![A lantern](/images/lanten.jpg)

<img src="https://photos.example.com/a.jpg" alt="From elsewhere">

![A lantern](/images/lantern.jpg)
"""


def test_each_image_problem_names_file_and_line(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    photo(content / "images/lantern.jpg")
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
    folder = tmp_path_factory.mktemp("photos")
    content = copy_minimal(folder)
    photo(content / "images/lantern.jpg", (2000, 1000))
    photo(content / "images/small.jpg", (300, 200))
    write(content, "posts/pictures.md", post_with("![A lantern](/images/lantern.jpg)\n\n![Small](../images/small.jpg)"))
    return build_minimal(folder)


def test_output_images_carry_no_metadata_and_respect_the_width(built_with_photo: Path) -> None:
    for name, size in [("lantern.jpg", (960, 480)), ("small.jpg", (300, 200))]:
        path = built_with_photo / "images" / name
        assert leftover_metadata(path) == [], name
        data = path.read_bytes()
        assert b"Exif" not in data and b"xmpmeta" not in data and b"Real Name" not in data
        with Image.open(path) as image:
            assert image.size == size


def test_pages_give_size_and_lazy_loading(built_with_photo: Path) -> None:
    page = (built_with_photo / "en/posts/pictures/index.html").read_text(encoding="utf-8")
    assert (
        '<img alt="A lantern" src="/images/lantern.jpg" width="960" height="480" loading="lazy" decoding="async">'
        in page
    )
    assert '<img alt="Small" src="/images/small.jpg" width="300" height="200"' in page


def test_output_check_refuses_a_dirty_image(tmp_path: Path) -> None:
    photo(tmp_path / "images/a.jpg")
    site = SimpleNamespace(settings={"IMAGE_MAX_WIDTH": 960})
    problems = list(check_built_site([images_in_output], site, tmp_path))
    assert [p.file for p in problems] == ["output/images/a.jpg", "output/images/a.jpg"]
    assert "GPS" in problems[0].what and "1600 pixels wide" in problems[1].what


def test_a_source_photo_with_its_position_is_reported_and_can_be_cleaned(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    source = photo(content / "images/street.jpg", orientation=6)
    options = BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content)
    (problem,) = [p for p in check(options).problems if p.file.endswith("images/street.jpg")]
    assert problem.severity is Severity.WARNING and "GPS" in problem.what
    assert "publish.py clean-images" in problem.fix

    result = publish("clean-images", "--content", str(content))
    assert result.returncode == 0 and "Cleaned" in result.stdout and "street.jpg" in result.stdout
    assert leftover_metadata(source) == []
    with Image.open(source) as cleaned:
        assert cleaned.size == (900, 1600)  # full size, turned upright
    assert not [p for p in check(options).problems if p.file.endswith("images/street.jpg")]
