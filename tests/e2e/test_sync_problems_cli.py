"""``zz-desktop sync`` names what it did not carry: a change the hub refused is listed with its
reason on stderr (the record's id, never a value), and ``--problems`` lists it again later."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Runner, login_demo
from zz_desktop.store.database import open_store
from zz_desktop.store.models import Organisation
from zz_hub.testing import running_hub, sqlite_url


def test_refused_change_listed_by_sync(cli: Runner, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    with running_hub(sqlite_url(tmp_path)) as url:
        login_demo(cli, profile, url)
        store = open_store(profile, passphrase="e2e-geheim")
        with store.write() as s:
            org = Organisation(name="Firma Geheimwert", sme_class="gigantic")  # not in the list
            s.add(org)
        store.close()
        first = cli("--profile", profile, "sync")
        assert first.returncode == 0, first.stderr
        assert org.id in first.stderr and "sme_class" in first.stderr
        assert "Geheimwert" not in first.stderr + first.stdout
        again = cli("--profile", profile, "sync", "--problems")
        assert again.returncode == 0, again.stderr
        assert org.id in again.stderr
        quiet = cli("--profile", profile, "sync")
        assert org.id not in quiet.stderr  # nothing new refused: no list without --problems
