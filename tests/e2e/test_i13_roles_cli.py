"""Issue 13: the roles table enforced by the real ``zz-desktop`` commands, per role. An action
the role may not take ends with one line naming the role that may, exit code 3, and changes
nothing; an allowed one works (report files are written owner-only)."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from tests.e2e.conftest import Runner, assert_one_line_error
from zz_desktop.domain import roles

pytestmark = pytest.mark.e2e
PASSPHRASE = "e2e-geheim"
LIST = "Vorname;Nachname;Firma;E-Mail-Adresse\r\nJürgen;Weiß;Bäckerei Weiß e.K.;jw@example.de\r\n"


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """One demo profile (made once), with the ids the commands need."""
    from tests.e2e.conftest import run_cli

    base = tmp_path_factory.mktemp("roles")
    profile = base / "P"
    env = {"ZZ_PASSPHRASE": PASSPHRASE, "ZZ_LOG_DIR": str(base / "logs")}
    made = run_cli("demo", "--profile", profile, "--consultations", "12", "--json", env=env)
    assert made.returncode == 0, made.stderr
    dump = base / "all.json"
    assert run_cli("export", "--profile", profile, "--out", dump, env=env).returncode == 0
    entities = json.loads(dump.read_text("utf-8"))["entities"]
    ids = {
        "person": next(p["id"] for p in entities["person"] if p["last_name"]),
        "consultation": entities["consultation"][0]["id"],
    }
    return profile, ids


def _profile_as(demo: tuple[Path, dict[str, str]], tmp_path: Path, role: str) -> Path:
    from zz_desktop.store.database import open_store
    from zz_desktop.sync import state

    profile = tmp_path / "P"
    shutil.copytree(demo[0], profile)
    store = open_store(profile, passphrase=PASSPHRASE)
    try:
        state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: role})
    finally:
        store.close()
    return profile


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("role", roles.ROLES)
def test_cli_refuses_what_the_role_may_not_do(
    cli: Runner, demo_profile: tuple[Path, dict[str, str]], tmp_path: Path, role: str
) -> None:
    profile = _profile_as(demo_profile, tmp_path, role)
    ids = demo_profile[1]
    source = tmp_path / "liste.csv"
    source.write_bytes(LIST.encode("utf-8-sig"))
    out = tmp_path / "out"
    out.mkdir()
    commands: list[tuple[str, list[str | Path], Path | None]] = [
        (roles.CENTRE_REPORTS, ["report", "activity", "--out", out / "t.pdf"], out / "t.pdf"),
        (roles.CENTRE_REPORTS, ["report", "esf", "--json"], None),
        (
            roles.PRINT_PROTOCOL,
            ["report", "protocol", "--id", ids["consultation"], "--out", out / "p.pdf"],
            out / "p.pdf",
        ),
        (roles.IMPORT_RECORDS, ["import", source, "--dry-run"], None),
        (roles.EXPORT_RECORDS, ["export", "--format", "csv", "--out", out / "csv"], None),
        (roles.EXPORT_RECORDS, ["calendar", "--out", out / "k.ics"], out / "k.ics"),
        (roles.BACKUP_PROFILE, ["backup", "create", out / "b.zzbak"], out / "b.zzbak"),
        (roles.PRIVACY_ACCESS, ["privacy", "access", ids["person"]], None),
        (roles.CROSS_CENTRE_REPORT, ["patterns", "--period", "2026-Q2"], None),
        (roles.EDIT_RECORDS, ["demo", "--consultations", "1"], None),
    ]
    if not roles.may(role, roles.RESTORE_BACKUP):
        commands.append((roles.RESTORE_BACKUP, ["backup", "restore", out / "none.zzbak"], None))
    if not roles.may(role, roles.ERASE_PERSON):
        commands.append((roles.ERASE_PERSON, ["privacy", "erase", ids["person"], "--yes"], None))
    for right, args, written in commands:
        result = cli(*args, "--profile", profile)
        if roles.may(role, right):
            if right in (roles.CROSS_CENTRE_REPORT,):
                continue  # allowed, but it needs the hub's aggregates (tests/e2e coordinator)
            assert result.returncode == 0, (role, args, result.stderr)
            if written is not None:
                assert _mode(written) == 0o600, (role, args)  # owner-only
        else:
            line = assert_one_line_error(result)
            assert result.returncode == 3, (role, args, result.stderr)
            assert "Rolle" in line and roles.role_label(role) in line, (role, args, line)
            if written is not None:
                assert not written.exists(), (role, args)
    if roles.may(role, roles.ERASE_PERSON):
        erased = cli("privacy", "erase", ids["person"], "--yes", "--profile", profile)
        assert erased.returncode == 0, erased.stderr
