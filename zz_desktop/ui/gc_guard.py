"""Python's cyclic garbage collector runs on the GUI thread only.

Why: the interpreter collects in whichever thread happens to allocate when a generation's
threshold is crossed. When that is a worker (a service read for a page, say), the collector
destroys Qt objects there: a finished operation's relay, a closed dialog kept in a reference
cycle by its own lambda connections. Destroying a QObject takes Qt's connection lock and then
asks for the GIL, while the GUI thread — holding the GIL — waits for that same lock in a
``connect``: both wait forever, and not even a test timeout can fire (its thread needs the GIL
too). That froze a CI run for 85 minutes; py-spy showed ``gc_collect_main → QObject::disconnect
→ GilState::acquire`` on a worker and ``QObject::connectImpl`` on the GUI thread.

So automatic collection is switched off and a timer on the GUI thread collects instead, with the
interpreter's own thresholds per generation (the well-known recipe for threaded Qt programs).
Reference counting still frees most objects at once; only cycles wait for the timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks at the allocation counters.
INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Created on the GUI thread; collects there while it is installed."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def install(self) -> GuiThreadCollector:
        gc.disable()
        self.timer.start()
        return self

    def uninstall(self) -> None:
        self.timer.stop()
        gc.collect()  # here, on the GUI thread, before the interpreter takes over again
        if self.was_enabled:
            gc.enable()

    def check(self) -> None:
        """Collect the oldest generation whose counter passed its threshold (if any)."""
        counts = gc.get_count()
        generation = -1
        for gen, (count, threshold) in enumerate(zip(counts, self.thresholds, strict=True)):
            if threshold and count > threshold:
                generation = gen
        if generation >= 0:
            gc.collect(generation)


_collector: GuiThreadCollector | None = None


def install(parent: QObject | None = None) -> GuiThreadCollector:
    """Switch the process to GUI-thread collection (once; later calls return the same)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(parent).install()
    return _collector


def uninstall() -> None:
    global _collector
    if _collector is not None:
        _collector.uninstall()
        _collector = None
