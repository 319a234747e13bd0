"""The crash handler: uncaught exceptions (GUI thread, other threads) and Qt's own critical
messages are logged with their traceback and shown in a dialog with a copyable report. The app
never vanishes silently. Reports name code locations, never record contents: the exception's
message (which may quote data) is left out."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from zz_desktop import __version__

log = logging.getLogger("zz_desktop.crash")
_showing = False


def format_report(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """A report without personal data: versions, the exception type and the stack of code lines."""
    import PySide6

    frames = traceback.extract_tb(tb) if tb is not None else []
    lines = [
        f"zz-desktop {__version__}, Python {platform.python_version()}, PySide6 {PySide6.__version__}, {platform.system()} {platform.release()}",
        f"{exc_type.__module__}.{exc_type.__qualname__}",
        "Traceback (most recent call last):",
    ]
    for fr in frames:
        lines.append(f'  File "{_short_path(fr.filename)}", line {fr.lineno}, in {fr.name}')
        if fr.line:
            lines.append(f"    {fr.line}")
    return "\n".join(lines)


def _short_path(path: str) -> str:
    for marker in ("zz_desktop", "site-packages"):
        if marker in path:
            return path[path.index(marker) :]
    return path.rsplit("/", 1)[-1]


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("An error occurred"))
        lay = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Something went wrong. Your data is safe: every saved change is in the database. "
                "Please send this report to your support contact. It contains no personal data."
            ),
            self,
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        self.report = QPlainTextEdit(report, self)
        self.report.setObjectName("crashReport")
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Error report"))
        lay.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("&Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copyReport")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(640, 420)


def report_exception(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    global _showing
    report = format_report(exc_type, exc, tb)
    log.error("uncaught exception\n%s", report)
    app = QApplication.instance()
    if app is not None and not _showing and threading.current_thread() is threading.main_thread():
        _showing = True
        try:
            CrashDialog(report, QApplication.activeWindow()).exec()
        finally:
            _showing = False
    return report


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report_exception(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    report = format_report(args.exc_type, args.exc_value, args.exc_traceback)
    log.error("uncaught exception in thread %s\n%s", getattr(args.thread, "name", "?"), report)


def _qt_messages(mode: QtMsgType, context: object, message: str) -> None:
    if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        log.error("Qt: %s", message)
    elif mode == QtMsgType.QtWarningMsg:
        log.warning("Qt: %s", message)


def install() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    qInstallMessageHandler(_qt_messages)
