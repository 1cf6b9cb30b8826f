"""A page laid out once (printing/reuse.py): the same page is taken again, and only then."""

import os
import time

import pytest

from campaignkit import PreflightFailed, load_campaign, produce
from campaignkit.printing import document, reuse
from tests.images import photo, with_photo


@pytest.fixture
def layouts(monkeypatch) -> list:
    """The looks laid out by WeasyPrint, as (material's template, body classes) each."""
    laid_out, real = [], document.lay_out

    def counting(page, root):
        laid_out.append(page)
        return real(page, root)

    monkeypatch.setattr(document, "lay_out", counting)
    return laid_out


def test_the_same_cards_in_another_region_are_taken_not_laid_out_again(mini, tmp_path, layouts):
    data = load_campaign(mini)
    first = produce("cards", region="montreal", out_dir=tmp_path / "out", data=data)
    again = produce("cards", region="mauricie", out_dir=tmp_path / "out", data=data)
    fresh = produce("cards", region="mauricie", out_dir=tmp_path / "fresh", data=data)
    assert (first.reused, again.reused, fresh.reused) == (False, True, False)
    assert len(layouts) == 2, "laid out once per output folder"
    assert again.path.read_bytes() == fresh.path.read_bytes() == first.path.read_bytes()
    pages = 2 * len(data.cases)  # an instruction page and a sheet of cards a case
    assert again.pages == fresh.pages == pages


def test_a_page_that_differs_is_laid_out(mini, tmp_path, layouts):
    data = load_campaign(mini)
    montreal = produce("poster", region="montreal", out_dir=tmp_path, data=data)
    mauricie = produce("poster", region="mauricie", out_dir=tmp_path, data=data)
    assert not montreal.reused and not mauricie.reused
    assert montreal.path.read_bytes() != mauricie.path.read_bytes()


def test_a_photo_changed_under_the_same_name_is_printed_anew(campaign_copy, tmp_path, layouts):
    data = load_campaign(with_photo(campaign_copy, (600, 660)))
    before = produce("casebook", out_dir=tmp_path, data=data)
    made = before.path.read_bytes()
    with_photo(campaign_copy, (660, 600))  # same name, new bytes
    after = produce("casebook", out_dir=tmp_path, data=load_campaign(campaign_copy.root))
    assert not after.reused, "the page's HTML is the same, the photo it prints is not"
    assert after.path.read_bytes() != made
    assert produce("casebook", out_dir=tmp_path, data=data).reused, "unchanged: taken again"


def test_a_damaged_entry_is_made_again_and_the_output_is_whole(mini, tmp_path, layouts):
    data = load_campaign(mini)
    first = produce("cards", out_dir=tmp_path, data=data)
    whole = first.path.read_bytes()
    (kept,) = (tmp_path / ".cache" / reuse.FOLDER).glob("*.pdf")
    kept.write_bytes(whole[: len(whole) // 2])  # a disk that lost half of it
    again = produce("cards", out_dir=tmp_path, data=data)
    assert not again.reused and again.path.read_bytes() == whole
    assert kept.read_bytes() == whole, "the entry is made whole again"


def test_a_look_that_failed_its_checks_is_not_tried_again(longest, tmp_path, layouts):
    """The longest address labels do not fit in either look: the second time, the failure
    is known without laying anything out, and said the same way."""
    data = load_campaign(longest)
    with pytest.raises(PreflightFailed) as first:
        produce("labels", out_dir=tmp_path, data=data)
    tried = len(layouts)
    assert tried == 2, "both looks were laid out"
    with pytest.raises(PreflightFailed) as second:
        produce("labels", out_dir=tmp_path, data=data)
    assert len(layouts) == tried, "nothing laid out the second time"
    assert str(second.value) == str(first.value)
    assert not any(tmp_path.glob("*/*/*.pdf")), "no PDF written for a page that failed"


def test_a_build_keeps_only_what_it_used(tmp_path):
    pages = reuse.Pages(tmp_path)
    look = reuse.Look(b"%PDF-1.7 one", 1)
    pages.keep("old", look, {})
    pages.keep("orphan", look, {})
    (pages.folder / "orphan.json").unlink()  # killed between its two writes
    for name in ("old.json", "old.pdf", "orphan.pdf"):
        os.utime(pages.folder / name, (time.time() - 60, time.time() - 60))
    started = time.time()
    pages.keep("new", look, {})
    assert pages.recall("new").pdf == look.pdf
    pages.forget_unused(since=started)
    assert sorted(p.name for p in pages.folder.iterdir()) == ["new.json", "new.pdf"]
    pages.clear()
    assert list(pages.folder.iterdir()) == []


def test_a_pages_folder_that_leads_elsewhere_is_never_written_or_emptied(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.json").write_text("{}")
    cache = tmp_path / "out" / ".cache"
    cache.mkdir(parents=True)
    (cache / reuse.FOLDER).symlink_to(elsewhere)
    pages = reuse.Pages(cache)
    pages.keep("new", reuse.Look(b"%PDF-1.7", 1), {})
    pages.clear()
    assert [p.name for p in elsewhere.iterdir()] == ["precious.json"]


def test_a_printed_file_swapped_for_a_fifo_is_never_waited_on(tmp_path):
    """An entry whose photo became a named pipe is made again, at once (guard's rule)."""
    import threading

    from tests.hostile import fifo

    pages = reuse.Pages(tmp_path / ".cache")
    photo_path = photo(tmp_path / "ana.jpg")
    pages.keep("k", reuse.Look(b"%PDF-1.7", 1), {str(photo_path): "0" * 64})
    fifo(photo_path)
    found = []
    asked = threading.Thread(target=lambda: found.append(pages.recall("k")), daemon=True)
    asked.start()
    asked.join(10)
    assert not asked.is_alive(), "recall waited on a FIFO"
    assert found == [None]
