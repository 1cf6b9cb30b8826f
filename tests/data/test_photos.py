"""Photos: refused at check time unless real JPEG or PNG inside the campaign; huge ones are
downscaled, deterministically, before they reach a page."""

import subprocess

import pytest
from PIL import Image

from campaignkit import RenderError, load_campaign, paths, produce
from campaignkit.data.photos import MAX_SIDE, UnreadablePhoto, photo_problem, print_ready
from campaignkit.printing.preflight import preflight_file
from tests.images import photo, with_photo
from tests.pdfs import largest_image_side


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """Each test with an empty photo cache of its own."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(paths, "CACHE", folder)
    return folder


def test_real_jpeg_and_png_inside_the_folder_pass(tmp_path):
    photo(tmp_path / "a.jpg")
    photo(tmp_path / "b.png", kind="PNG")
    assert photo_problem(tmp_path, "a.jpg") is None
    assert photo_problem(tmp_path, "b.png") is None


def test_a_truncated_jpeg_is_refused_at_check_time(tmp_path):
    data = photo(tmp_path / "a.jpg", size=(800, 600)).read_bytes()
    (tmp_path / "a.jpg").write_bytes(data[: len(data) // 2])
    code, params = photo_problem(tmp_path, "a.jpg")
    assert code == "photo_not_image" and "truncated" in params["detail"]


def test_a_small_photo_is_used_as_it_is(tmp_path, cache):
    source = photo(tmp_path / "a.jpg")
    assert print_ready(source) == source
    assert not cache.exists()


def test_a_large_photo_is_downscaled_once_and_always_the_same(tmp_path, cache):
    source = photo(tmp_path / "a.jpg", size=(4000, 3000))
    ready = print_ready(source)
    assert ready.parent == cache / "photos"
    with Image.open(ready) as image:
        assert image.size == (MAX_SIDE, 1800) and image.format == "JPEG"
    first = ready.read_bytes()
    assert print_ready(source) == ready
    ready.unlink()
    assert print_ready(source).read_bytes() == first, "same photo, same bytes"


def test_a_camera_rotated_photo_is_made_upright(tmp_path):
    image = Image.new("RGB", (400, 300), "#3366aa")
    exif = image.getexif()
    exif[0x0112] = 6  # rotated 90° clockwise
    image.save(tmp_path / "a.jpg", exif=exif)
    with Image.open(print_ready(tmp_path / "a.jpg")) as ready:
        assert ready.size == (300, 400)
        assert ready.getexif().get(0x0112) is None


def test_a_photo_that_cannot_be_decoded_fails_the_render_naming_the_case(
    campaign_copy, tmp_path, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "en")
    root = with_photo(campaign_copy, (600, 660))
    data = load_campaign(root)  # valid when checked
    path = root / "photos" / "ana.jpg"
    path.write_bytes(path.read_bytes()[:2000])  # then cut short, e.g. by a sync tool
    with pytest.raises(UnreadablePhoto):
        print_ready(path)
    with pytest.raises(RenderError, match=r"case ana, field photo.file: .*ana.jpg cannot be read"):
        produce("casebook", out_dir=tmp_path / "out", data=data)
    assert not (tmp_path / "out").exists()


def test_huge_photo_gives_a_small_pdf_byte_identical_from_one_build_to_the_next(
    campaign_copy, tmp_path, cache
):
    root = with_photo(campaign_copy, (6000, 4000))
    data = load_campaign(root)
    first = produce("casebook", out_dir=tmp_path / "a", data=data)
    second = produce("casebook", out_dir=tmp_path / "b", data=data)  # its own, fresh cache
    assert not (cache / "photos").exists() and (tmp_path / "b" / ".cache" / "photos").is_dir()
    assert first.path.read_bytes() == second.path.read_bytes()
    assert largest_image_side(first.path) == MAX_SIDE
    assert first.path.stat().st_size < 1_500_000
    assert (root / "photos" / "ana.jpg").stat().st_size > 0, "the photo itself is untouched"


def test_a_small_photo_prints_with_a_resolution_warning(campaign_copy, tmp_path):
    root = with_photo(campaign_copy, (400, 440), kind="PNG", name="ana.png")
    produced = produce("casebook", out_dir=tmp_path, data=load_campaign(root))
    report = preflight_file(produced.path, produced.pages)
    assert report.ok, report.summary()
    assert [found.code for found in report.warnings] == ["image_soft"], report.summary()


def repository_state() -> str:
    """Every file git sees in the repository, ignored ones included (outputs/ among them)."""
    command = ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"]
    found = subprocess.run(command, cwd=paths.ROOT, capture_output=True, text=True, check=True)
    return "\n".join(line for line in found.stdout.splitlines() if "__pycache__" not in line)


def test_the_photo_cache_follows_the_output_folder(campaign_copy, tmp_path, monkeypatch):
    monkeypatch.undo()  # the kit's own default cache, as a build has it
    root = with_photo(campaign_copy, (4000, 3000))
    before = repository_state()
    out = tmp_path / "out"
    produce("casebook", root, out_dir=out)
    cached = list((out / ".cache" / "photos").glob("*.jpg"))
    assert len(cached) == 1, "the downscaled photo is in the output folder's cache"
    assert repository_state() == before, "nothing written into the repository"
