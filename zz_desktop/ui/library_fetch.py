"""The background exchange of Wissenspool files after a sync: files attached on this device are
sent to the hub, and the files the items name but this device lacks are fetched, on a worker of
their own (one at a time, resumable: ``services.library_files.exchange``), with the progress in
the status bar. Going offline stops it quietly; the next round resumes with the chunks still
missing."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from zz_desktop.errors import UserError
from zz_desktop.services import library_files
from zz_desktop.services.sync_service import ClientFactory
from zz_desktop.store.database import Store
from zz_desktop.sync.transport import HubClient
from zz_desktop.ui.bus import ChangeSet, bus

log = logging.getLogger("zz_desktop.ui.library_fetch")


class _Signals(QObject):
    progress = Signal(int, int, int, int)
    done = Signal(object, object)  # FetchReport or None, error or None


class _Stopped(Exception):
    """The window closes: the fetch stops after the chunk in hand (it is kept)."""


class _Fetch(QRunnable):
    def __init__(self, store: Store, client_factory: ClientFactory) -> None:
        super().__init__()
        self.store = store
        self.client_factory = client_factory
        self.signals = _Signals()
        self.stopped = threading.Event()

    def _progress(self, *progress: int) -> None:
        if self.stopped.is_set():
            raise _Stopped()
        self.signals.progress.emit(*progress)

    def run(self) -> None:
        try:
            report = library_files.exchange(self.store, self.client_factory, self._progress)
        except _Stopped:
            return
        except UserError as exc:
            self.signals.done.emit(None, exc)
            return
        except Exception as exc:  # noqa: BLE001 - logged; the next round tries again
            log.exception("fetching Wissenspool files failed")
            self.signals.done.emit(None, exc)
            return
        self.signals.done.emit(report, None)


class FileFetcher(QObject):
    """``start()`` fetches what is missing unless a fetch runs; ``show(text)`` gets the status."""

    finished = Signal(object, object)  # FetchReport or None, error or None

    def __init__(
        self,
        store: Store,
        show: Callable[[str], None],
        client_factory: ClientFactory = HubClient,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.show = show
        self.client_factory = client_factory
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.running = False
        self._job: _Fetch | None = None

    def start(self) -> bool:
        if self.running:
            return False
        self.running = True
        job = self._job = _Fetch(self.store, self.client_factory)
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(self._done)
        self.pool.start(job)
        return True

    def _progress(self, number: int, files: int, done: int, chunks: int) -> None:
        text = self.tr("Wissenspool files: %1 of %2, part %3 of %4")
        for mark, value in (("%1", number), ("%2", files), ("%3", done), ("%4", chunks)):
            text = text.replace(mark, str(value))
        self.show(text)

    def _done(self, report: Any, error: BaseException | None) -> None:
        self.running = False
        if (
            error is None
            and report is not None
            and (report.fetched or report.failed or report.uploaded)
        ):
            text = self.tr("Wissenspool files fetched: %1").replace("%1", str(len(report.fetched)))
            if report.uploaded:
                text += " · " + self.tr("sent: %1").replace("%1", str(len(report.uploaded)))
            if report.failed:
                text += " · " + self.tr("not transferred yet: %1").replace(
                    "%1", str(len(report.failed))
                )
                # The hub's reason (e.g. the centre's storage quota is full), never only a count.
                text += " (" + next(iter(report.failed.values())) + ")"
            self.show(text)
            # The article view enables "Open" and "Save" for the files that arrived.
            bus().announce(ChangeSet.of("knowledge_item"))
        elif isinstance(error, UserError):
            self.show(self.tr("Wissenspool files will be fetched at the next sync."))
        self.finished.emit(report, error)

    def stop(self, msecs: int = 2000) -> None:
        """Stop a running fetch (window closing); bounded, never keeps the window long."""
        if self._job is not None:
            self._job.stopped.set()
        self.pool.waitForDone(msecs)
