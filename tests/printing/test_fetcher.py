import pytest
from weasyprint.urls import FatalURLFetchingError

from campaignkit import paths
from campaignkit.exceptions import BlockedResource
from campaignkit.printing.fetcher import FolderFetcher
from campaignkit.printing.render import render_document


def test_serves_templates_campaign_files_and_data_urls(mini):
    fetcher = FolderFetcher(mini)
    assert fetcher.fetch((paths.FONTS / "OFL.txt").as_uri()).read().startswith(b"Noto")
    assert b"id: mini" in fetcher.fetch((mini / "campaign.yaml").as_uri()).read()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"


@pytest.mark.parametrize(
    "url", ["https://example.org/x.png", "http://127.0.0.1/", "ftp://x/y", "file:///etc/passwd"]
)
def test_refuses_network_and_outside_files(mini, url):
    with pytest.raises(BlockedResource):
        FolderFetcher(mini).fetch(url)


def test_a_page_that_reaches_out_fails_to_render(mini):
    html = '<img src="file:///etc/hostname"><p>x</p>'
    with pytest.raises((FatalURLFetchingError, Exception), match="blocked|hostname"):
        render_document(html, [], mini)


def test_refuses_a_fifo_or_a_symlink_loop_inside_the_campaign(tmp_path):
    """Never waits on a FIFO, never loops: a file swapped after check is still refused."""
    import threading

    from tests.hostile import fifo, symlink_loop

    pipe = fifo(tmp_path / "photo.jpg")
    # A writer that lets a reader through, so a fetcher that opens the FIFO fails this test
    # instead of waiting for ever; it stays blocked (a daemon) when nothing opens the FIFO.
    threading.Thread(target=lambda: open(pipe, "wb").close(), daemon=True).start()
    fetcher = FolderFetcher(tmp_path)
    for path in (pipe, symlink_loop(tmp_path / "logo.png")):
        with pytest.raises(BlockedResource, match=path.name):
            fetcher.fetch(path.as_uri())
