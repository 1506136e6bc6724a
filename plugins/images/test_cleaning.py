"""Cleaning and reading metadata, format by format; the output check on what is about to be published."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageStat, PngImagePlugin

from images.checks import images_in_output
from images.cleaning import NotCleanable, clean_image
from images.metadata import metadata_in, positions_in
from images.settings import image_limits
from relais.build import BuildOptions, check
from relais.built import check_built_site
from relais.pdf import render_pdf
from tests.dirty_images import DIRTY, PLANTED, XMP_POSITION_ONLY, dirty_jpeg, exif_block, spellings, write_image
from tests.helpers import ROOT, copy_minimal

LIMITS = image_limits({})
# What each format's dirty file must be found to carry, at least.
CARRIES = {
    "JPEG": {"EXIF", "XMP", "IPTC", "a comment", "an ICC colour profile", "data after the end of the picture"},
    "PNG": {
        "EXIF",
        "XMP",
        "a comment",
        "a PNG 'tIME' chunk",
        "a PNG 'caBX' chunk",
        "data after the end of the picture",
    },
    "WEBP": {"EXIF", "XMP", "an ICC colour profile", "data after the end of the picture"},
    "GIF": {"XMP", "a comment", "data after the end of the picture"},
}


@pytest.mark.parametrize("image_format", sorted(DIRTY))
def test_dirty_files_are_seen_dirty_and_cleaned_to_pixels_only(image_format: str) -> None:
    dirty = DIRTY[image_format]()
    assert CARRIES[image_format] <= set(metadata_in(dirty))
    cleaned = clean_image(dirty, image_format, LIMITS, 960)
    assert metadata_in(cleaned.data) == []
    assert not [text for text in PLANTED for spelling in spellings(text) if spelling in cleaned.data]
    with Image.open(io.BytesIO(cleaned.data)) as image:
        assert image.format == image_format and (image.width, image.height) == (cleaned.width, cleaned.height)
        assert not image.getexif()
        # Unchanged pixels, or close to them for the lossy formats: the picture is still the picture.
        original = Image.open(io.BytesIO(dirty)).convert("RGB").resize(image.size)
        difference = ImageStat.Stat(ImageChops.difference(original, image.convert("RGB")))
        assert max(difference.mean) < 3, difference.mean


def test_a_wide_photo_is_made_narrower_and_stays_upright() -> None:
    cleaned = clean_image(dirty_jpeg((3000, 1500), orientation=6), "JPEG", LIMITS, 960)
    assert (cleaned.width, cleaned.height) == (960, 1920)
    full = clean_image(dirty_jpeg((1200, 600), orientation=6), "JPEG", LIMITS, None)
    assert (full.width, full.height) == (600, 1200)


def test_transparency_is_kept() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 40), (0, 0, 0, 0)).save(buffer, "PNG")
    cleaned = clean_image(buffer.getvalue(), "PNG", LIMITS, 960)
    with Image.open(io.BytesIO(cleaned.data)) as image:
        assert image.mode == "RGBA" and image.getpixel((3, 3))[3] == 0


def _png_with_xmp(xmp: bytes, compressed: bool) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode(), zip=compressed)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def _saved(image_format: str, **options: bytes) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, image_format, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (_saved("JPEG", xmp=XMP_POSITION_ONLY), "GPS position (XMP)"),
        (_saved("WEBP", xmp=XMP_POSITION_ONLY), "GPS position (XMP)"),
        (_png_with_xmp(XMP_POSITION_ONLY, compressed=True), "GPS position (XMP)"),
        (_png_with_xmp(XMP_POSITION_ONLY, compressed=False), "GPS position (XMP)"),
        (_saved("JPEG", exif=b"Exif\x00\x00" + exif_block()), "GPS position (EXIF)"),
        (_saved("PNG", exif=exif_block(with_thumbnail=False)), "GPS position (EXIF)"),
        (_saved("WEBP", exif=exif_block()), "GPS position (EXIF)"),
    ],
    ids=["jpeg-xmp", "webp-xmp", "png-compressed-xmp", "png-xmp", "jpeg-exif", "png-exif", "webp-exif"],
)
def test_a_position_is_found_in_exif_and_in_xmp(data: bytes, where: str) -> None:
    assert positions_in(data) == [where]


def test_a_position_in_imagemagick_raw_profile_text_is_found() -> None:
    exif = exif_block(with_thumbnail=False)
    text = f"\nexif\n{len(exif):8d}\n{exif.hex()}\n"
    info = PngImagePlugin.PngInfo()
    info.add_text("Raw profile type exif", text, zip=True)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG", pnginfo=info)
    assert positions_in(buffer.getvalue()) == ["GPS position (EXIF)"]


def test_no_position_no_warning() -> None:
    assert positions_in(_saved("JPEG", comment=b"hello")) == []
    assert positions_in(clean_image(dirty_jpeg(), "JPEG", LIMITS, 960).data) == []


def test_check_warns_about_a_position_held_in_xmp(tmp_path: Path) -> None:
    content = copy_minimal(tmp_path)
    write_image(content / "images/street.webp", _saved("WEBP", xmp=XMP_POSITION_ONLY))
    problems = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content)).problems
    (warning,) = [p for p in problems.warnings if p.file.endswith("images/street.webp")]
    assert "GPS position (XMP)" in warning.what and "publish.py clean-images" in warning.fix


# --- The output check --------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> object:
    content = copy_minimal(tmp_path_factory.mktemp("site"))
    return check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content)).site


def test_the_output_check_refuses_any_image_with_metadata(site: object, tmp_path: Path) -> None:
    write_image(tmp_path / "theme/images/logo.png", DIRTY["PNG"]())
    write_image(tmp_path / "images/photo.jpg", dirty_jpeg())
    write_image(tmp_path / "images/renamed.bin", dirty_jpeg())
    write_image(tmp_path / "images/clean.jpg", clean_image(dirty_jpeg(), "JPEG", LIMITS, 960).data)
    problems = list(check_built_site([images_in_output], site, tmp_path))
    assert sorted(p.file for p in problems) == [
        "output/images/photo.jpg",
        "output/images/renamed.bin",
        "output/theme/images/logo.png",
    ]
    theme = next(p for p in problems if "theme" in p.file)
    assert "EXIF" in theme.what and "comes from the theme" in theme.fix


def test_the_output_check_refuses_a_pdf_that_embeds_a_dirty_photo(site: object, tmp_path: Path) -> None:
    """How the guides leaked: WeasyPrint embeds a JPEG with what its header holds."""
    folder = tmp_path / "files"
    write_image(folder / "images/photo.jpg", dirty_jpeg())
    html = '<html><head></head><body><img src="/images/photo.jpg" alt=""></body></html>'
    built = tmp_path / "built"
    render_pdf(html, built / "guide.pdf", stylesheets=[], roots=[folder])
    (problem,) = check_built_site([images_in_output], site, built)
    assert problem.file == "output/guide.pdf" and "embeds an image that still carries" in problem.what

    write_image(folder / "images/photo.jpg", clean_image(dirty_jpeg(), "JPEG", LIMITS, 960).data)
    render_pdf(html, built / "guide.pdf", stylesheets=[], roots=[folder])
    assert list(check_built_site([images_in_output], site, built)) == []


def test_a_pdf_never_loads_data_or_other_hosts(tmp_path: Path) -> None:
    from pypdf import PdfReader

    jpeg = _saved("JPEG", comment=b"from a data address")
    data_uri = "data:image/jpeg;base64," + __import__("base64").b64encode(jpeg).decode()
    html = f'<html><head></head><body><img src="{data_uri}" alt=""><img src="https://example.com/a.jpg" alt=""></body></html>'
    render_pdf(html, tmp_path / "a.pdf", stylesheets=[], roots=[tmp_path])
    assert not [image for page in PdfReader(tmp_path / "a.pdf").pages for image in page.images]


def test_a_damaged_structure_is_never_called_clean() -> None:
    jpeg = clean_image(dirty_jpeg((64, 48)), "JPEG", LIMITS, 960).data
    broken = jpeg[:2] + b"\xff\xe1" + struct.pack(">H", 1) + jpeg[2:]  # a length shorter than itself
    assert metadata_in(broken) == ["a damaged structure"]
    assert metadata_in(b"not an image at all") == ["data Relais cannot read"]


# --- Whatever the bytes: a cleaned image or a named problem, never a traceback -----------

_SAMPLES = {name: make() for name, make in DIRTY.items()}


@settings(max_examples=150, deadline=None)
@given(
    image_format=st.sampled_from(sorted(DIRTY)),
    cut=st.integers(min_value=0, max_value=4000),
    flips=st.lists(st.tuples(st.integers(min_value=0, max_value=3999), st.integers(0, 255)), max_size=6),
)
def test_damaged_files_never_raise_anything_but_a_named_problem(
    image_format: str, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(_SAMPLES[image_format][: cut or None])
    for position, value in flips:
        if position < len(data):
            data[position] = value
    metadata_in(bytes(data))
    positions_in(bytes(data))
    try:
        cleaned = clean_image(bytes(data), image_format, LIMITS, 960)
    except NotCleanable as problem:
        assert problem.what and problem.fix
    else:
        assert metadata_in(cleaned.data) == []


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300), image_format=st.sampled_from(sorted(DIRTY)))
def test_any_bytes_are_a_cleaned_image_or_a_named_problem(data: bytes, image_format: str) -> None:
    metadata_in(data)
    positions_in(data)
    with pytest.raises(NotCleanable):
        clean_image(data, image_format, LIMITS, 960)


def test_an_animation_is_published_still_with_a_warning(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    cleaned = clean_image(buffer.getvalue(), "GIF", LIMITS, 960)
    assert cleaned.frames == 3
    with Image.open(io.BytesIO(cleaned.data)) as image:
        assert getattr(image, "n_frames", 1) == 1
    content = copy_minimal(tmp_path)
    write_image(content / "images/moving.gif", buffer.getvalue())
    problems = check(BuildOptions(settings_file=ROOT / "pelicanconf.py", content_dir=content)).problems
    (warning,) = [p for p in problems.warnings if p.file.endswith("images/moving.gif")]
    assert "animated (3 pictures)" in warning.what and "first picture only" in warning.what


@pytest.mark.parametrize("image_format", ["GIF", "JPEG", "PNG"])
def test_a_polyglot_loses_its_other_self(image_format: str) -> None:
    """An image that is also a page or a script: its pixels are published, never the rest."""
    payload = b"<html><script>alert(document.domain)</script></html>"
    buffer = io.BytesIO()
    options = {"comment": payload} if image_format in ("GIF", "JPEG") else {}
    Image.new("RGB", (20, 20), "white").save(buffer, image_format, **options)
    polyglot = buffer.getvalue() + payload
    cleaned = clean_image(polyglot, image_format, LIMITS, 960)
    assert b"<script" not in cleaned.data and b"<html" not in cleaned.data
    assert metadata_in(cleaned.data) == []
