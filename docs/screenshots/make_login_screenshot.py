"""Screenshot of the hub login dialog for the user guide, in German, offscreen:
``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_login_screenshot.py``."""

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
    from zz_desktop.store.database import open_store
    from zz_desktop.ui.application import make_app
    from zz_desktop.ui.dialogs.login_dialog import LoginDialog

    app = make_app("de")
    store = open_store(tmp / "profile", passphrase="demo", create=True)
    dialog = LoginDialog(store)
    dialog.hub.setText("https://hub.zukunftszentren.example")
    dialog.user.setText("berater1")
    dialog.resize(480, dialog.sizeHint().height())
    dialog.show()
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(OUT / "login.png"))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
