"""The calendar page: next appointments, open follow-ups and events in a week or month grid
(Monday first), back/forward/today, a double click opens the record, and an export of the
coming year as an iCalendar file for the mail client. Entries are read on a worker through
:mod:`zz_desktop.services.calendar`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services import calendar
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.widgets import heading

ENTRIES_ROLE = Qt.ItemDataRole.UserRole
MARK = {"appointment": "◆", "followup": "☐", "event": "●"}


class CalendarPage(QWidget):
    open_record = Signal(str, str)  # entity, id
    exported = Signal(str)  # a message for the status bar
    # What the page refreshes on (announced ChangeSets of these entities).
    ENTITIES = ("consultation", "followup", "event")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("calendarPage")
        self.day = dt.date.today()
        self.mode = "week"
        self.entries: list[calendar.Entry] = []
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Calendar"), self))
        bar = QHBoxLayout()
        self.prev_button = QPushButton("‹", self)
        self.prev_button.setAccessibleName(self.tr("Previous"))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.next_button = QPushButton("›", self)
        self.next_button.setAccessibleName(self.tr("Next"))
        self.week_button = QPushButton(self.tr("Week"), self)
        self.month_button = QPushButton(self.tr("Month"), self)
        group = QButtonGroup(self)
        for b in (self.week_button, self.month_button):
            b.setCheckable(True)
            group.addButton(b)
        self.week_button.setChecked(True)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("calendarRange")
        self.export_button = QPushButton(self.tr("Export (.ics) …"), self)
        self.export_button.setObjectName("calendarExport")
        for w in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addWidget(self.range_label, 1)
        for w in (self.week_button, self.month_button, self.export_button):
            bar.addWidget(w)
        lay.addLayout(bar)
        self.grid = QTableWidget(self)
        self.grid.setObjectName("calendarGrid")
        self.grid.setColumnCount(7)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setVisible(False)
        self.grid.cellDoubleClicked.connect(self._open_cell)
        lay.addWidget(self.grid, 1)
        self.legend = QLabel(
            self.tr("◆ next appointment   ☐ follow-up (red: overdue)   ● event"), self
        )
        self.legend.setProperty("role", "muted")
        lay.addWidget(self.legend)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.show_day(dt.date.today()))
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.export_button.clicked.connect(lambda: self.export())
        bus().changes.connect(self.changes)
        self.refresh()

    # -- navigation ----------------------------------------------------------------------------

    def span(self) -> tuple[dt.date, dt.date]:
        if self.mode == "week":
            return calendar.week_of(self.day)
        first, last = calendar.month_of(self.day)
        return calendar.week_of(first)[0], calendar.week_of(last)[1]  # whole weeks

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.week_button if mode == "week" else self.month_button).setChecked(True)
        self.refresh()

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.show_day(self.day + dt.timedelta(days=7 * direction))
        else:
            first = self.day.replace(day=1)
            moved = first + dt.timedelta(days=32) if direction > 0 else first - dt.timedelta(days=1)
            self.show_day(moved.replace(day=1))

    def show_day(self, day: dt.date) -> None:
        self.day = day
        self.refresh()

    def changes(self, changes: ChangeSet) -> None:
        """Called with an announced ChangeSet (a save here, a pull from the hub)."""
        if any(changes.touches(e) for e in self.ENTITIES):
            self.refresh()

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> ops.Op:
        start, end = self.span()
        store = self.store
        return (
            ops.run_read(lambda: calendar.entries(store, start, end), self)
            .success(lambda found: self._show(start, end, found))
            .run()
        )

    def _show(self, start: dt.date, end: dt.date, found: list[calendar.Entry]) -> None:
        self.entries = found
        days = (end - start).days + 1
        rows = days // 7
        self.grid.clear()
        self.grid.setRowCount(rows)
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu")]
        names += [self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        self.grid.setHorizontalHeaderLabels(names)
        by_day: dict[dt.date, list[calendar.Entry]] = {}
        for e in found:
            d = max(e.start, start)
            while d <= min(e.end, end):  # an event over several days is on each of them
                by_day.setdefault(d, []).append(e)
                d += dt.timedelta(days=1)
        month = self.day.month
        for i in range(days):
            day = start + dt.timedelta(days=i)
            items = by_day.get(day, [])
            lines = [f"{day:%d.%m.}"]
            for e in items:
                where = f" – {e.detail}" if e.detail and e.kind != "appointment" else ""
                lines.append(f"{MARK[e.kind]} {e.title}{where}")
            cell = QTableWidgetItem("\n".join(lines))
            cell.setData(ENTRIES_ROLE, [(e.entity, e.entity_id) for e in items])
            cell.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            if self.mode == "month" and day.month != month:
                cell.setForeground(Qt.GlobalColor.gray)
            if any(e.overdue for e in items):
                cell.setForeground(Qt.GlobalColor.darkRed)
            if day == dt.date.today():
                cell.setBackground(QColor("#fff4c2"))
            self.grid.setItem(i // 7, i % 7, cell)
        # A week fills the page; a month's rows grow with their entries.
        mode = (
            QHeaderView.ResizeMode.Stretch
            if self.mode == "week"
            else QHeaderView.ResizeMode.ResizeToContents
        )
        self.grid.verticalHeader().setSectionResizeMode(mode)
        if self.mode == "week":
            self.range_label.setText(f"{start:%d.%m.%Y} – {end:%d.%m.%Y}")
        else:
            self.range_label.setText(f"{self.day:%m/%Y}")

    def _open_cell(self, row: int, column: int) -> None:
        cell = self.grid.item(row, column)
        refs = cell.data(ENTRIES_ROLE) if cell is not None else None
        if refs:
            entity, record_id = refs[0]
            if entity != "followup":  # a follow-up opens with its consultation's list
                self.open_record.emit(entity, record_id)

    # -- export --------------------------------------------------------------------------------

    def export(self, path: Path | None = None) -> ops.Op | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export calendar"), "Termine.ics", self.tr("iCalendar (*.ics)")
            )
            if not name:
                return None
            path = Path(name)
        store, target = self.store, path

        def done(count: int) -> None:
            text = self.tr("%n entries exported.", "", count)
            self.range_label.setToolTip(text)
            self.exported.emit(text)

        return (
            ops.run_read(lambda: calendar.export_ics(store, target), self)
            .success(done)
            .failure(lambda e: ops.show_error(self, e))
            .run()
        )
