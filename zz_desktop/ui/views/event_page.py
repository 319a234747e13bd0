"""An event with its participant list and each participant's ESF questionnaire status (entry and
exit). A participant whose Part 1 (entry questionnaire) is incomplete is not counted: the row is
highlighted and the count shown above the list. Each row shows the participant's consent state
(icon, active consents, tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import consents, events, records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Event, Person
from zz_desktop.ui import consent_badge, ops, role_gate
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, enum_labels, fmt_date, fmt_number
from zz_desktop.ui.widgets import RecordPicker, heading

INCOMPLETE = QColor("#fde2e1")
CONSENT_COLUMN = 4


class EventPage(QWidget):
    back = Signal()

    def __init__(self, store: Store, event_id: str, main: QWidget) -> None:
        super().__init__(main)
        self.store = store
        self.event_id = event_id
        self.main = main
        self.setObjectName("page_event_detail")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton("← " + self.tr("Back"), self)
        back.clicked.connect(self.back.emit)
        top.addWidget(back)
        self.title = heading("", self)
        top.addWidget(self.title, 1)
        edit = QPushButton(self.tr("&Edit"), self)
        edit.setObjectName("eventEdit")
        edit.clicked.connect(self.edit)
        history = QPushButton(self.tr("&History"), self)
        history.clicked.connect(self.show_history)
        delete = QPushButton(self.tr("&Delete"), self)
        delete.setObjectName("eventDelete")
        delete.clicked.connect(
            lambda: (main.delete_record("event", self.event_id), self.back.emit())
        )  # type: ignore[attr-defined]
        for b in (edit, history, delete):
            top.addWidget(b)
        lay.addLayout(top)
        info = QFrame(self)
        info.setProperty("role", "card")
        il = QVBoxLayout(info)
        self.facts = QLabel(info)
        self.facts.setObjectName("eventFacts")
        self.facts.setWordWrap(True)
        il.addWidget(self.facts)
        self.esf = QLabel(info)
        self.esf.setObjectName("esfStatus")
        il.addWidget(self.esf)
        lay.addWidget(info)

        add = QHBoxLayout()
        self.picker = RecordPicker(store, "person")
        self.picker.setObjectName("eventPersonPicker")
        self.picker.setPlaceholderText(self.tr("Add a participant: type a name …"))
        self.picker.setAccessibleName(self.tr("Participant to add"))
        add_button = QPushButton(self.tr("&Add participant"), self)
        add_button.setObjectName("eventAddParticipant")
        add_button.clicked.connect(self.add_participant)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("eventRemoveParticipant")
        self.remove_button.clicked.connect(self.remove_participant)
        add.addWidget(self.picker, 1)
        add.addWidget(add_button)
        add.addWidget(self.remove_button)
        lay.addLayout(add)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.hide()
        lay.addWidget(self.error)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("eventParticipants")
        self.table.setAccessibleName(self.tr("Participants"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Participant"),
                self.tr("Hours attended"),
                self.tr("Part 1 (entry)"),
                self.tr("Exit questionnaire"),
                self.tr("Consent"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            self.table.setColumnWidth(c, 170)
        self.table.setColumnWidth(CONSENT_COLUMN, 220)
        lay.addWidget(self.table, 1)
        self.reload()
        role_gate.gate(self, store)
        bus().changes.connect(self._on_changes)

    def reload(self) -> None:
        with self.store.read() as session:
            ev: Event = records.get(session, Event, self.event_id, include_deleted=True)
        parts = events.participations(self.store, self.event_id)
        with self.store.read() as session:
            people = {
                p.id: p
                for p in session.scalars(
                    select(Person).where(Person.id.in_([x.person_id for x in parts]))
                )
            }
        self.title.setText(ev.title)
        when = fmt_date(ev.start_date)
        if ev.end_date and ev.end_date != ev.start_date:
            when += " – " + fmt_date(ev.end_date)
        place = self.tr("online") if ev.online else (ev.place or "—")
        hours = self.tr("%1 h").replace("%1", fmt_number(ev.hours)) if ev.hours is not None else "—"
        self.facts.setText(f"{enum_label('type', ev.type)} · {when} · {place} · {hours}")
        consent = consents.active_purposes(self.store, [x.person_id for x in parts])
        self.table.setRowCount(0)
        incomplete = 0
        for part in parts:
            p = people.get(part.person_id)
            name = ", ".join(x for x in (p.last_name, p.first_name) if x) if p else "?"
            row = self.table.rowCount()
            self.table.insertRow(row)
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, part.id)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            hours_item = QTableWidgetItem(
                fmt_number(part.attended_hours) if part.attended_hours is not None else ""
            )
            hours_item.setFlags(hours_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 1, hours_item)
            for col, field in ((2, "entry_questionnaire"), (3, "exit_questionnaire")):
                box = QComboBox(self.table)
                for code, label in enum_labels("questionnaire").items():
                    box.addItem(label, code)
                box.setCurrentIndex(box.findData(getattr(part, field)))
                box.setAccessibleName(f"{name}: {self.table.horizontalHeaderItem(col).text()}")
                box.currentIndexChanged.connect(
                    lambda _i, b=box, pid=part.id, f=field: self._set_status(
                        pid, f, b.currentData()
                    )
                )
                self.table.setCellWidget(row, col, box)
            purposes = consent.get(part.person_id, frozenset())
            consent_item = QTableWidgetItem(
                consent_badge.icon(consent_badge.level(purposes)), consent_badge.text(purposes)
            )
            consent_item.setToolTip(consent_badge.tooltip(purposes))
            consent_item.setData(Qt.ItemDataRole.UserRole, consent_badge.level(purposes))
            consent_item.setFlags(consent_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, CONSENT_COLUMN, consent_item)
            if part.entry_questionnaire != "complete":
                incomplete += 1
                for c in (0, 1):
                    self.table.item(row, c).setBackground(QBrush(INCOMPLETE))
                item.setToolTip(
                    self.tr("Part 1 of the ESF questionnaire is incomplete: not counted.")
                )
        self.esf.setText(
            self.tr("%1 participants, %2 with an incomplete Part 1 (not counted)")
            .replace("%1", str(len(parts)))
            .replace("%2", str(incomplete))
        )
        self.esf.setProperty("role", "warning" if incomplete else "muted")
        self.esf.style().polish(self.esf)

    def add_participant(self) -> None:
        person_id = self.picker.value_()
        if not person_id:
            self.error.setText(self.tr("Choose a person from the suggestions."))
            self.error.show()
            return
        self.error.hide()
        self.picker.set_value_(None, "")

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationFailed):
                self.error.setText(" ".join(error.errors.values()))
                self.error.show()
            else:
                ops.show_error(self, error)

        ops.run_write(
            lambda: events.add_participant(self.store, self.event_id, person_id),
            self,
            ChangeSet.of("participation"),
        ).failure(failed).run()

    def remove_participant(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        pid = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        ops.run_write(
            lambda: events.remove_participant(self.store, pid), self, ChangeSet.of("participation")
        ).run()

    def _set_status(self, participation_id: str, field: str, value: str) -> None:
        ops.run_write(
            lambda: events.update_participation(self.store, participation_id, {field: value}),
            self,
            ChangeSet.of("participation", ids=[participation_id]),
        ).run()

    def edit(self) -> None:
        from zz_desktop.ui.dialogs.records import EventDialog

        EventDialog(self.store, self.event_id, self).show()

    def show_history(self) -> None:
        from zz_desktop.ui.dialogs.audit import AuditDialog

        AuditDialog(self.store, self.event_id, self.title.text(), self).show()

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches("event", "participation", "person", "consent"):
            with self.store.read() as session:
                ev = session.get(Event, self.event_id)
            if ev is not None and not ev.deleted:
                self.reload()
