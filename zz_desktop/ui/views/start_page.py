"""The start page: follow-ups due today and overdue, the latest consultations, the sync status."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from zz_desktop.services import followups, start_overview, team
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, fmt_date
from zz_desktop.ui.views.team_overview import TeamOverview
from zz_desktop.ui.widgets import heading

ENTITY_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def card(title: str, parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    lay = QVBoxLayout(frame)
    lay.addWidget(heading(title, frame, level=2))
    return frame, lay


class StartPage(QWidget):
    open_record = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("page_start")
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(heading(self.tr("Good day"), self))
        head.addStretch(1)
        self.today_label = QLabel(fmt_date(dt.date.today()), self)
        self.today_label.setProperty("role", "muted")
        head.addWidget(self.today_label)
        lay.addLayout(head)
        grid = QGridLayout()
        grid.setSpacing(14)

        fu_card, fu_lay = card(self.tr("Follow-ups due today and overdue"), self)
        self.followups = QTreeWidget(fu_card)
        self.followups.setObjectName("dueFollowups")
        self.followups.setAccessibleName(self.tr("Follow-ups due"))
        self.followups.setHeaderLabels([self.tr("Due"), self.tr("Task"), self.tr("Organisation")])
        self.followups.setRootIsDecorated(False)
        self.followups.setColumnWidth(0, 100)
        self.followups.setColumnWidth(1, 320)
        self.followups.itemActivated.connect(self._open_item)
        fu_lay.addWidget(self.followups)
        done = QPushButton(self.tr("Mark as &done"), fu_card)
        done.setObjectName("followupDone")
        done.clicked.connect(self._mark_done)
        fu_lay.addWidget(done, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(fu_card, 0, 0, 2, 1)

        rc_card, rc_lay = card(self.tr("Recent consultations"), self)
        self.recent = QTreeWidget(rc_card)
        self.recent.setObjectName("recentConsultations")
        self.recent.setAccessibleName(self.tr("Recent consultations"))
        self.recent.setHeaderLabels([self.tr("Date"), self.tr("Organisation"), self.tr("Kind")])
        self.recent.setRootIsDecorated(False)
        self.recent.setColumnWidth(0, 100)
        self.recent.setColumnWidth(1, 250)
        self.recent.itemActivated.connect(self._open_item)
        rc_lay.addWidget(self.recent)
        grid.addWidget(rc_card, 0, 1)

        sy_card, sy_lay = card(self.tr("Synchronisation"), self)
        self.sync_label = QLabel(
            self.tr("Not connected to a hub yet. Everything is stored on this device."), sy_card
        )
        self.sync_label.setObjectName("startSyncStatus")
        self.sync_label.setWordWrap(True)
        sy_lay.addWidget(self.sync_label)
        sy_lay.addStretch(1)
        grid.addWidget(sy_card, 1, 1)
        # The manager sees the team of the centre under the personal cards.
        self.team: TeamOverview | None = None
        if team.is_manager(store):
            self.team = TeamOverview(store, self)
            self.team.open_record.connect(self.open_record)
            grid.addWidget(self.team, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        lay.addLayout(grid, 1)
        for tree in (self.followups, self.recent):
            tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            tree.setAlternatingRowColors(True)
        self.reload()
        bus().changes.connect(self._on_changes)

    def set_sync_status(self, text: str) -> None:
        self.sync_label.setText(text)

    def reload(self) -> None:
        ops.run_read(lambda: start_overview.load(self.store), self).success(self._show).run()

    def _show(self, data: start_overview.StartOverview) -> None:
        if not isValid(self):
            return
        self.due_total = data.due_total
        self.followups.clear()
        for fu in data.due:
            item = QTreeWidgetItem([fmt_date(fu.due_date), fu.text, fu.organisation or ""])
            item.setData(0, ENTITY_ROLE, "organisation")
            item.setData(0, ID_ROLE, fu.organisation_id)
            item.setData(1, ID_ROLE, fu.id)
            if fu.due_date < data.today:
                for c in range(3):
                    item.setForeground(c, QBrush(QColor("#b3261e")))
                item.setToolTip(0, self.tr("overdue"))
            self.followups.addTopLevelItem(item)
        if not data.due:
            empty = QTreeWidgetItem(["", self.tr("Nothing due — well done."), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.followups.addTopLevelItem(empty)
        self.recent.clear()
        for c in data.recent:
            item = QTreeWidgetItem([fmt_date(c.date), c.who, enum_label("kind", c.kind)])
            item.setData(0, ENTITY_ROLE, "consultation")
            item.setData(0, ID_ROLE, c.id)
            self.recent.addTopLevelItem(item)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        entity, record_id = item.data(0, ENTITY_ROLE), item.data(0, ID_ROLE)
        if entity and record_id:
            self.open_record.emit(entity, record_id)

    def _mark_done(self) -> None:
        item = self.followups.currentItem()
        fid = item.data(1, ID_ROLE) if item else None
        if fid:
            ops.run_write(
                lambda: followups.complete_followup(self.store, fid),
                self,
                ChangeSet.of("followup", ids=[fid]),
            ).run()

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches("followup", "consultation", "organisation", "person"):
            self.reload()
