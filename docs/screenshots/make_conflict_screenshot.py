"""Screenshots of the conflict inbox and the sync problems for the user guide, in German, offscreen: two devices of one
centre change the same field offline, both sync against a real hub on 127.0.0.1.
``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_conflict_screenshot.py``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
OUT = Path(__file__).resolve().parent


def main() -> int:
    from PySide6.QtCore import QSettings

    tmp = Path(tempfile.mkdtemp(prefix="zz-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    import keyring

    from tests.support.memkeyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())  # no keyring here: the profile keys stay in memory
    from tests.sync.support import Device, InProcessHub
    from zz_desktop.store.models import Organisation
    from zz_desktop.ui.application import make_app
    from zz_desktop.ui.dialogs.conflict_inbox import ConflictInbox
    from zz_desktop.ui.dialogs.sync_problems_dialog import SyncProblemsDialog
    from zz_hub.testing import sqlite_url

    app = make_app("de")
    hub = InProcessHub(sqlite_url(tmp))
    hub.start()
    try:
        _code, users = hub.new_centre((("a", "advisor"), ("b", "advisor")))
        devices = tmp / "devices"  # the profile template goes beside it, into tmp
        devices.mkdir()
        a = Device(devices, "a", hub.base_url, users[0])
        b = Device(devices, "b", hub.base_url, users[1])
        with a.store.write() as s:
            org = Organisation(name="Tischlerei Krause", city="Halle (Saale)")
            s.add(org)
        a.sync()
        b.sync()
        with b.store.write() as s:
            s.get(Organisation, org.id).city = "Merseburg"  # type: ignore[union-attr]
        with a.store.write() as s:
            s.get(Organisation, org.id).city = "Leuna"  # type: ignore[union-attr]
        with a.store.write() as s:  # a class the hub's code list does not know: refused
            s.add(Organisation(name="Metallbau Schulze", city="Dessau", sme_class="riesig"))
        b.sync()
        a.sync()
        inbox = ConflictInbox(a.store)
        inbox.resize(820, 480)
        inbox.show()
        for _ in range(5):
            app.processEvents()
        inbox.grab().save(str(OUT / "conflict-inbox.png"))
        inbox.close()
        problems = SyncProblemsDialog(a.store)
        problems.show()
        for _ in range(5):
            app.processEvents()
        problems.grab().save(str(OUT / "sync-problems.png"))
        problems.close()
        a.close()
        b.close()
    finally:
        hub.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
