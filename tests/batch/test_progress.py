"""The progress bar: the count and what ended last on stderr, nothing when not asked."""

from campaignkit.batch.progress import progress_bar


def test_the_bar_counts_and_names_what_ended_last(capsys):
    with progress_bar(3, True) as ended:
        for name in ("poster estrie fr", "letters estrie fr", "cards mauricie en"):
            ended(name)
    shown = capsys.readouterr()
    last_line = shown.err.replace("\r", "\n").strip().splitlines()[-1]
    assert "3/3" in last_line and "cards mauricie en" in last_line
    assert shown.out == ""


def test_no_bar_unless_asked(capsys):
    with progress_bar(2, False) as ended:
        ended("poster estrie fr")
        ended("poster estrie en")
    assert capsys.readouterr() == ("", "")
