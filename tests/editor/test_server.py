"""How `make app` starts Voila: the command it runs and the address it says."""

import re

import pytest
from voila.app import Voila

from campaignkit.editor import server


@pytest.mark.parametrize("token", [None, "given-token"])
def test_voila_serves_the_workbook_notebook_only(token):
    """Voila's `--token` takes the next word as its value: it must never take the notebook."""
    app = Voila()
    app.parse_command_line(server.command(8899, token)[1:])
    assert app.extra_args == [str(server.NOTEBOOK)], "one notebook, not the whole folder"
    if token:
        assert app.token == token
    else:
        assert app.auto_token and app.token is None


def test_make_app_says_where_to_open_the_page_with_its_token(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(server.os, "execve", lambda path, args, env: ran.append(args))
    server.main(["--port=8877", "--debug"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Ouvrez le cahier à cette adresse (jeton compris) : ")
    assert lines[1].startswith("Open the workbook at this address (token included): ")
    url = lines[0].rsplit(" ", 1)[1]
    token = re.fullmatch(r"http://127\.0\.0\.1:8877/\?token=([\w-]{20,})", url).group(1)
    assert lines[1].endswith(url)
    assert f"--Voila.token={token}" in ran[0] and "--port=8877" in ran[0]
    assert ran[0][-2:] == ["--debug", str(server.NOTEBOOK)]
    server.main(["--port=8877"])
    assert capsys.readouterr().out.splitlines()[0].rsplit("=", 1)[1] != token, "a new token"
