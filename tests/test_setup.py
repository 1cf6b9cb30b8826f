"""scripts/system-packages: what `make run` and `make test` install from apt.txt and apt-test.txt.

The script runs with fake apt-get, sudo, dpkg-query and id first on PATH: each records its
call, so a test sees every apt command that would have run, and none runs for real.
"""

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "system-packages"
BASH = shutil.which("bash") or "/bin/bash"

FAKES = {
    # dpkg-query -W -f='${Status}' NAME: installed unless NAME is in $FAKE_MISSING.
    "dpkg-query": """
        for name; do :; done
        echo "dpkg-query $*" >> "$FAKE_CALLS"
        case " $FAKE_MISSING " in
          *" $name "*) echo "dpkg-query: no packages found matching $name" >&2; exit 1 ;;
        esac
        printf 'install ok installed'
    """,
    "id": 'if [ "$1" = -u ]; then echo "$FAKE_UID"; else echo "uid=$FAKE_UID"; fi',
    # Fails unless $FAKE_APT is ok, or fail-install and this is not an install.
    "apt-get": """
        echo "apt-get $*" >> "$FAKE_CALLS"
        case "$FAKE_APT:$*" in
          ok:*) exit 0 ;;
          fail-install:*install*) echo "E: Unable to locate package" >&2; exit 100 ;;
          fail-install:*) exit 0 ;;
        esac
        echo "apt-get must not run here" >&2; exit 97
    """,
    # sudo runs the command when $FAKE_SUDO is ok; when it is password, only without -n
    # (as if the password typed were right).
    "sudo": """
        echo "sudo $*" >> "$FAKE_CALLS"
        case "$FAKE_SUDO:$1" in
          ok:-n) shift ;;
          ok:* | password:[!-]*) ;;
          *) echo "sudo: a password is required" >&2; exit 1 ;;
        esac
        exec "$@"
    """,
}


def read_list(path: Path) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        if name and name not in names:
            names.append(name)
    return names


RUN_PACKAGES = read_list(ROOT / "apt.txt")
TEST_PACKAGES = read_list(ROOT / "apt-test.txt")


@pytest.fixture
def fake(tmp_path):
    """Runs the script with fake commands; .calls() lists what they were asked."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in FAKES.items():
        path = bin_dir / name
        lines = [line.strip() for line in body.strip().splitlines()]
        path.write_text("#!/bin/sh\n" + "\n".join(lines) + "\n")
        path.chmod(0o755)
    calls = tmp_path / "calls"
    calls.touch()

    class Fake:
        bin = bin_dir

        def run(self, *args, missing=(), uid=0, apt="forbidden", sudo="fails", path=None, tty=None):
            env = {
                "PATH": path or f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
                "HOME": str(tmp_path),
                "TMPDIR": str(tmp_path),
                "FAKE_CALLS": str(calls),
                "FAKE_MISSING": " ".join(missing),
                "FAKE_UID": str(uid),
                "FAKE_APT": apt,
                "FAKE_SUDO": sudo,
            }
            return subprocess.run(
                [BASH, str(SCRIPT), *args],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL if tty is None else tty,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE if tty is None else tty,
                text=True,
                timeout=60,
            )

        def calls(self, *, dpkg=False) -> list[str]:
            lines = calls.read_text().splitlines()
            return [line for line in lines if dpkg or not line.startswith("dpkg-query")]

    return Fake()


def apt_calls(calls: list[str]) -> list[str]:
    return [c for c in calls if c.startswith(("apt-get", "sudo")) and c != "sudo -n true"]


@pytest.mark.parametrize("uid", [0, 1000])
def test_everything_installed_runs_no_apt_command(fake, uid):
    result = fake.run("apt.txt", "apt-test.txt", uid=uid)
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert fake.calls() == []
    asked = [c.split()[-1] for c in fake.calls(dpkg=True)]
    assert asked == RUN_PACKAGES + TEST_PACKAGES
    assert all("-f=${Status}" in c for c in fake.calls(dpkg=True))


def test_root_installs_only_what_is_missing_update_once(fake):
    missing = [RUN_PACKAGES[0], TEST_PACKAGES[0]]
    result = fake.run("apt.txt", "apt-test.txt", missing=missing, apt="ok")
    assert result.returncode == 0, result.stderr
    calls = fake.calls()
    assert len(calls) == 2
    assert calls[0].startswith("apt-get") and calls[0].endswith(" update")
    assert calls[1].startswith("apt-get") and "install -y --no-install-recommends" in calls[1]
    assert calls[1].endswith("install -y --no-install-recommends " + " ".join(missing))
    # One line, French first, English beside it, naming the packages.
    (line,) = result.stderr.splitlines()
    assert line.index("Installation") < line.index("installing") < line.index(missing[0])


def test_sudo_without_password_installs_through_sudo(fake):
    result = fake.run("apt.txt", missing=["libharfbuzz-subset0"], uid=1000, apt="ok", sudo="ok")
    assert result.returncode == 0, result.stderr
    calls = fake.calls()
    assert calls[0] == "sudo -n true"
    sudo_calls = [c for c in calls if c.startswith("sudo -n env")]
    assert len(sudo_calls) == 2
    assert sudo_calls[1].endswith("install -y --no-install-recommends libharfbuzz-subset0")
    assert len(result.stderr.splitlines()) == 1


def test_not_root_sudo_needs_password_prints_the_command_and_fails(fake):
    missing = ["chromium", "ghostscript"]
    result = fake.run("apt.txt", "apt-test.txt", missing=missing, uid=1000)
    assert result.returncode == 1
    assert apt_calls(fake.calls()) == []
    command = "sudo apt-get update && sudo apt-get install -y --no-install-recommends"
    assert f"  {command} chromium ghostscript" in result.stderr.splitlines()
    assert "Paquets Debian manquants / missing Debian packages" in result.stderr


def test_on_a_terminal_sudo_asks_for_the_password(fake):
    leader, terminal = pty.openpty()
    try:
        result = fake.run(
            "apt.txt", missing=["libfontconfig1"], uid=1000, apt="ok", sudo="password", tty=terminal
        )
    finally:
        os.close(terminal)
    said = os.read(leader, 65536).decode()
    os.close(leader)
    assert result.returncode == 0, said
    assert "mot de passe" in said and "password" in said
    calls = fake.calls()
    assert calls[0] == "sudo -n true"
    assert calls[-1].startswith("apt-get")
    assert calls[-1].endswith("install -y --no-install-recommends libfontconfig1")
    assert sum(c.startswith("sudo env") for c in calls) == 2


def test_not_root_without_sudo_prints_the_su_command_and_fails(fake):
    # PATH holds the fakes only: no sudo, nor any apt-get but the failing fake.
    (fake.bin / "sudo").unlink()
    result = fake.run("apt.txt", missing=["python3-venv"], uid=1000, path=str(fake.bin))
    assert result.returncode == 1
    assert apt_calls(fake.calls()) == []
    expected = "  su -c 'apt-get update && apt-get install -y --no-install-recommends python3-venv'"
    assert expected in result.stderr.splitlines()


def test_failed_install_shows_apt_error_and_fails(fake):
    result = fake.run("apt.txt", missing=["libpango-1.0-0"], apt="fail-install")
    assert result.returncode == 1
    assert "E: Unable to locate package" in result.stderr
    assert "apt-get install -y --no-install-recommends libpango-1.0-0" in result.stderr


def test_lists_skip_comments_blank_lines_and_repeats(fake, tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("# comment\n\nalpha\n  beta  \n# gamma\n")
    two = tmp_path / "two.txt"
    two.write_text("beta\ndelta")  # no final newline
    result = fake.run(str(one), str(two), missing=["alpha", "beta", "delta"], uid=1000)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].endswith("--no-install-recommends alpha beta delta")


def test_missing_list_is_an_error(fake):
    result = fake.run("no-such-list.txt")
    assert result.returncode == 2
    assert "no-such-list.txt" in result.stderr


def test_lists_hold_what_the_kit_needs():
    for name in ["libpango-1.0-0", "libharfbuzz-subset0", "libfontconfig1", "python3-venv"]:
        assert name in RUN_PACKAGES
    for name in ["chromium", "ghostscript"]:
        assert name in TEST_PACKAGES
    assert not set(RUN_PACKAGES) & set(TEST_PACKAGES)


def fake_python(tmp_path: Path, version: str, venv: bool) -> Path:
    path = tmp_path / f"python{version}"
    path.write_text(
        "#!/bin/sh\n"
        f'case "$*" in *version_info*) echo {version} ;; '
        f"*ensurepip*) {'exit 0' if venv else 'exit 1'} ;; esac\n"
    )
    path.chmod(0o755)
    return path


def test_python_check_accepts_this_python(fake):
    result = fake.run("--python", sys.executable)
    assert result.returncode == 0, result.stderr
    assert fake.calls() == []


def test_python_too_old_names_what_to_install(fake, tmp_path):
    result = fake.run("--python", str(fake_python(tmp_path, "3.9", venv=True)))
    assert result.returncode == 1
    assert "Python 3.9" in result.stderr and "3.11" in result.stderr
    assert "python3.11-venv" in result.stderr


def test_python_without_venv_names_its_venv_package(fake, tmp_path):
    result = fake.run("--python", str(fake_python(tmp_path, "3.12", venv=False)))
    assert result.returncode == 1
    assert "venv" in result.stderr and "python3.12-venv" in result.stderr


def test_python_not_found(fake, tmp_path):
    result = fake.run("--python", str(tmp_path / "no-python"))
    assert result.returncode == 1
    assert "Python 3.11" in result.stderr


def make(*args, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env or {})}
    env.pop("MAKEFLAGS", None)
    env.pop("MAKELEVEL", None)
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not shutil.which("make"), reason="no make")
def test_make_uses_the_lists():
    system_lines = {
        goal: [line for line in make("-n", goal).stdout.splitlines() if "system-packages" in line]
        for goal in ["run", "test", "check"]
    }
    assert system_lines["run"][0] == "scripts/system-packages apt.txt"
    assert system_lines["check"][0] == "scripts/system-packages apt.txt"
    assert system_lines["test"][0] == "scripts/system-packages apt.txt apt-test.txt"


@pytest.mark.skipif(not shutil.which("make"), reason="no make")
def test_make_system_on_a_complete_machine_runs_no_apt_command(fake, tmp_path):
    env = {
        "PATH": f"{fake.bin}:{os.environ['PATH']}",
        "FAKE_CALLS": str(tmp_path / "calls"),
        "FAKE_MISSING": "",
        "FAKE_UID": "1000",
        "FAKE_APT": "forbidden",
        "FAKE_SUDO": "fails",
    }
    result = make("-s", "system", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert fake.calls() == []
    assert len(fake.calls(dpkg=True)) == len(RUN_PACKAGES)


@pytest.mark.skipif(not shutil.which("dpkg-query"), reason="not Debian: no dpkg-query")
def test_this_machine_after_make_test_runs_no_apt_command(fake):
    """The real dpkg-query: after `make test` installed everything, nothing more runs."""
    (fake.bin / "dpkg-query").unlink()
    missing = [
        name
        for name in RUN_PACKAGES + TEST_PACKAGES
        if "ok installed"
        not in subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        ).stdout
    ]
    if missing:
        pytest.skip(f"not installed here (run make test first): {' '.join(missing)}")
    result = fake.run("apt.txt", "apt-test.txt", uid=1000)
    assert result.returncode == 0, result.stderr
    assert fake.calls() == []


def test_no_file_but_the_lists_names_a_package():
    for name in ["Makefile", ".ci/run", "scripts/system-packages"]:
        text = (ROOT / name).read_text(encoding="utf-8")
        text = text.replace("npm ci", "")  # npm the command (axe-core), not the package
        for package in RUN_PACKAGES + TEST_PACKAGES:
            assert not re.search(rf"(?<![\w./-]){re.escape(package)}(?![\w.-])", text), (
                f"{name} names {package}: name it in apt.txt or apt-test.txt only"
            )
