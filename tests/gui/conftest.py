"""GUI fixtures: the main window on a fresh profile in German or English, and a Qt message
handler that fails a test on any unexpected Qt warning (explicit allow-list below)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

#: Qt messages that are expected under the offscreen platform and say nothing about our code.
ALLOWED = [
    re.compile(r"This plugin does not support propagateSizeHints\(\)"),
    re.compile(r"This plugin does not support raise\(\)"),
    re.compile(r"This plugin does not support grabbing the keyboard"),
    re.compile(r"QFont::setPointSizeF: Point size <= 0"),
    re.compile(r"Populating font family aliases took"),
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Our own handler below replaces pytest-qt's capture for the GUI tests.
    for item in items:
        if "tests/gui" in str(item.fspath):
            item.add_marker(pytest.mark.no_qt_log)


@pytest.fixture(autouse=True)
def qt_warnings() -> Iterator[list[str]]:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    bad: list[str] = []

    def handler(mode: QtMsgType, _context: Any, message: str) -> None:
        if mode == QtMsgType.QtDebugMsg or mode == QtMsgType.QtInfoMsg:
            return
        if any(p.search(message) for p in ALLOWED):
            return
        bad.append(f"{mode.name}: {message}")

    previous = qInstallMessageHandler(handler)
    yield bad
    qInstallMessageHandler(previous)
    if bad:
        pytest.fail("unexpected Qt messages:\n" + "\n".join(bad))


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp: Any) -> Iterator[None]:
    """Cyclic garbage is collected on the GUI thread only, as in the application (gc_guard)."""
    from zz_desktop.ui import gc_guard

    gc_guard.install(qapp)
    yield
    gc_guard.uninstall()


@pytest.fixture(params=["de", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def app(qapp: Any, lang: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from PySide6.QtCore import QSettings

    from zz_desktop.ui import i18n_qt, style

    # QSettings into a temporary folder: tests never touch the user's settings.
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )
    i18n_qt.set_language(qapp, lang)
    style.apply(qapp)
    yield qapp
    i18n_qt.set_language(qapp, "de")


@pytest.fixture
def window(app: Any, store: Any, qtbot: Any) -> Iterator[Any]:
    from zz_desktop.ui import ops
    from zz_desktop.ui.mainwindow import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    qtbot.waitUntil(ops.idle, timeout=10_000)
    for w in app.topLevelWidgets():
        if w is not win and w.isVisible():
            w.hide()
    win.close()


#: A modal dialog still open after this many seconds is one no test meant to leave open.
STUCK_AFTER_S = 30.0


@pytest.fixture(autouse=True)
def stuck_modals(qapp: Any) -> Iterator[list[str]]:
    """Close any modal dialog left open and fail the test with its text.

    A message box or crash report that nobody answers blocks the test inside Qt's C++ event loop,
    where pytest-timeout's signal never reaches Python: one CI run hung for 85 minutes that way
    without saying which dialog. The timer below still fires inside the dialog's own loop.
    """
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

    stuck: list[str] = []
    first_seen: dict[int, float] = {}

    def describe(dialog: QDialog) -> str:
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        report = dialog.findChild(object, "crashReport")
        if report is not None:
            text = report.toPlainText()  # type: ignore[attr-defined]
        return f"{type(dialog).__name__} {dialog.windowTitle()!r}: {text}"

    def check() -> None:
        now = time.monotonic()
        for w in QApplication.topLevelWidgets():
            if not isinstance(w, QDialog) or isinstance(w, QProgressDialog):
                continue
            if not (w.isVisible() and w.isModal()):
                first_seen.pop(id(w), None)
                continue
            since = first_seen.setdefault(id(w), now)
            if now - since > STUCK_AFTER_S:
                stuck.append(describe(w))
                first_seen.pop(id(w), None)
                w.done(QDialog.DialogCode.Rejected.value)

    timer = QTimer()
    timer.setInterval(500)
    timer.timeout.connect(check)
    timer.start()
    yield stuck
    timer.stop()
    if stuck:
        pytest.fail("a modal dialog was left open and had to be closed:\n" + "\n".join(stuck))
