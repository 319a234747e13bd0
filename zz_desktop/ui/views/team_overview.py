"""The manager's team overview on the start page: consultations this month and open/overdue
follow-ups per advisor, organisations near the 80 h cap, this month's events, the sync state.
Figures from :func:`zz_desktop.services.team.team_overview`, read on a worker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services import team
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import fmt_date
from zz_desktop.ui.widgets import heading

ENTITY_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tree(parent: QWidget, name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names get the room
    for c in range(1, len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class TeamOverview(QFrame):
    open_record = Signal(str, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("teamOverview")
        self.setProperty("role", "card")
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Team this month"), self, level=2))
        row = QHBoxLayout()
        self.advisors = _tree(
            self,
            "teamAdvisors",
            [
                self.tr("Advisor"),
                self.tr("Consultations"),
                self.tr("Open follow-ups"),
                self.tr("overdue"),
            ],  # fmt: skip
        )
        self.near_cap = _tree(self, "teamNearCap", [self.tr("Near the 80 h cap"), self.tr("Hours")])
        self.events = _tree(
            self, "teamEvents", [self.tr("Events this month"), self.tr("Participants")]
        )
        row.addWidget(self.advisors, 3)
        row.addWidget(self.near_cap, 2)
        row.addWidget(self.events, 2)
        lay.addLayout(row)
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("teamSync")
        self.sync_label.setWordWrap(True)
        self.sync_label.setProperty("role", "muted")
        lay.addWidget(self.sync_label)
        for tree in (self.near_cap, self.events):
            tree.itemActivated.connect(self._open)
        bus().changes.connect(self._on_changes)
        self.reload()

    def reload(self) -> ops.Op:
        store = self.store
        return ops.run_read(lambda: team.team_overview(store), self).success(self._show).run()

    def _show(self, view: team.TeamOverview) -> None:
        self.view = view
        self.advisors.clear()
        for a in view.advisors:
            name = a.name or self.tr("(no advisor recorded)")
            item = QTreeWidgetItem(
                [name, str(a.consultations), str(a.open_followups), str(a.overdue_followups)]
            )
            for c in (1, 2, 3):
                item.setTextAlignment(c, Qt.AlignmentFlag.AlignRight)
            if a.overdue_followups:
                item.setForeground(3, QBrush(QColor("#b3261e")))
            self.advisors.addTopLevelItem(item)
        self.near_cap.clear()
        for c in view.near_cap:
            item = QTreeWidgetItem([c.name, f"{c.hours:.1f}".replace(".", ",")])
            item.setData(0, ENTITY_ROLE, "organisation")
            item.setData(0, ID_ROLE, c.organisation_id)
            if c.hours >= 80:
                item.setForeground(1, QBrush(QColor("#b3261e")))
            self.near_cap.addTopLevelItem(item)
        self.events.clear()
        for e in view.events:
            item = QTreeWidgetItem([f"{fmt_date(e.start)} {e.title}", str(e.participants)])
            item.setData(0, ENTITY_ROLE, "event")
            item.setData(0, ID_ROLE, e.event_id)
            self.events.addTopLevelItem(item)
        if view.last_sync:
            when = dt.datetime.fromisoformat(view.last_sync).replace(tzinfo=dt.UTC).astimezone()
            last = self.tr("This device: last sync %1, %2 changes waiting.").replace(
                "%1", when.strftime("%d.%m.%Y %H:%M")
            )
        else:
            last = self.tr("This device: not synchronised yet, %2 changes waiting.")
        text = last.replace("%2", str(view.pending))
        if not view.devices_reported:
            text += " " + self.tr("The hub does not report the other devices of the centre.")
        self.sync_label.setText(text)

    def _open(self, item: QTreeWidgetItem) -> None:
        entity, record_id = item.data(0, ENTITY_ROLE), item.data(0, ID_ROLE)
        if entity and record_id:
            self.open_record.emit(entity, record_id)

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches("consultation", "followup", "event", "participation", "organisation"):
            self.reload()
