"""An event with its topics and advisors, its participant list, each participant's attended hours,
consent state (icon, active consents, tooltip) and ESF questionnaire status (entry and exit). A
participant whose Part 1 (entry questionnaire) is incomplete is not counted: the row is
highlighted and the count shown above the list. Reads run on a worker
(services.events.load_page); the page holds no SQL."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from zz_desktop.errors import NotFound, ValidationFailed
from zz_desktop.services import events
from zz_desktop.services.listing import topic_label
from zz_desktop.store.database import Store
from zz_desktop.ui import consent_badge, ops, role_gate
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, fmt_date, fmt_number
from zz_desktop.ui.widgets import RecordPicker, heading

INCOMPLETE = QColor("#fde2e1")
CONSENT_COLUMN = 4


class EventPage(QWidget):
    back = Signal()
    loaded = Signal()  # the page shows the current data (tests wait for it)

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
        self.topics = QLabel(info)
        self.topics.setObjectName("eventTopics")
        self.topics.setWordWrap(True)
        il.addWidget(self.topics)
        self.advisors = QLabel(info)
        self.advisors.setObjectName("eventAdvisors")
        self.advisors.setWordWrap(True)
        il.addWidget(self.advisors)
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
        self.questionnaire_button = QPushButton(self.tr("ESF &questionnaire …"), self)
        self.questionnaire_button.setObjectName("eventQuestionnaire")
        self.questionnaire_button.setToolTip(
            self.tr("Part 1 and Part 2 of the selected participant's ESF questionnaire")
        )
        self.questionnaire_button.clicked.connect(self.open_questionnaire)
        add.addWidget(self.picker, 1)
        add.addWidget(add_button)
        add.addWidget(self.remove_button)
        add.addWidget(self.questionnaire_button)
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
        self.hours_error = QLabel(self)
        self.hours_error.setObjectName("error_attended_hours")
        self.hours_error.setProperty("role", "error")
        self.hours_error.setWordWrap(True)
        self.hours_error.hide()
        lay.addWidget(self.hours_error)
        self.data: events.EventPageData | None = None
        self.hours_edits: dict[str, QLineEdit] = {}
        self.reload()
        role_gate.gate(self, store)
        bus().changes.connect(self._on_changes)

    def reload(self) -> None:
        """Read the event and its participants on a worker; :meth:`_show` fills the page."""
        store, event_id = self.store, self.event_id
        ops.run_read(lambda: events.load_page(store, event_id), self).success(self._show).failure(
            self._load_failed
        ).run()

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, NotFound):  # a record deleted meanwhile: the page just stays
            ops.show_error(self, error)

    def _show(self, data: events.EventPageData) -> None:
        if not isValid(self) or data.deleted:
            return
        self.data = data
        self.title.setText(data.title)
        when = fmt_date(data.start_date)
        if data.end_date and data.end_date != data.start_date:
            when += " – " + fmt_date(data.end_date)
        place = self.tr("online") if data.online else (data.place or "—")
        hours = (
            self.tr("%1 h").replace("%1", fmt_number(data.hours)) if data.hours is not None else "—"
        )
        self.facts.setText(f"{enum_label('type', data.type)} · {when} · {place} · {hours}")
        self.topics.setText(
            self.tr("Topics: %1").replace(
                "%1", ", ".join(topic_label(c) for c in data.topics) or "—"
            )
        )
        self.advisors.setText(
            self.tr("Advisors: %1").replace("%1", ", ".join(data.advisors) or "—")
        )
        # A reload (e.g. after the previous row's hours were saved) must not take the row the
        # user is typing in away from them: its text and the focus are carried over.
        typing = next(
            ((pid, e.text()) for pid, e in self.hours_edits.items() if isValid(e) and e.hasFocus()),
            None,
        )
        for edit in self.hours_edits.values():
            if isValid(edit):
                # A destroyed editor loses focus and would "finish" (and save) its text again.
                edit.editingFinished.disconnect()
        self.table.setRowCount(0)
        self.hours_edits = {}
        for part in data.participants:
            self._add_row(part)
        if typing is not None and (edit := self.hours_edits.get(typing[0])) is not None:
            edit.setText(typing[1])
            edit.setFocus()
        self.esf.setText(
            self.tr("%1 participants, %2 with an incomplete Part 1 (not counted)")
            .replace("%1", str(len(data.participants)))
            .replace("%2", str(data.incomplete))
            + " · "
            + self.tr("%1 h attended in all").replace("%1", fmt_number(data.attended_total))
        )
        self.esf.setProperty("role", "warning" if data.incomplete else "muted")
        self.esf.style().polish(self.esf)
        self.loaded.emit()

    def _add_row(self, part: events.ParticipantRow) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(part.name)
        item.setData(Qt.ItemDataRole.UserRole, part.id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, item)
        hours = QLineEdit(self.table)
        hours.setObjectName(f"attendedHours_{row}")
        hours.setPlaceholderText(self.tr("hours"))
        hours.setText(fmt_number(part.attended_hours) if part.attended_hours is not None else "")
        hours.setAccessibleName(f"{part.name}: {self.tr('Hours attended')}")
        hours.editingFinished.connect(
            lambda e=hours, pid=part.id, old=part.attended_hours: self._set_hours(pid, e, old)
        )
        self.table.setCellWidget(row, 1, hours)
        self.hours_edits[part.id] = hours
        # The status comes from the recorded questionnaires (services.questionnaires), never
        # from a flag set by hand: "ESF questionnaire …" opens the form.
        for col, status in ((2, part.entry_questionnaire), (3, part.exit_questionnaire)):
            cell = QTableWidgetItem(enum_label("questionnaire", status))
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, col, cell)
        consent_item = QTableWidgetItem(
            consent_badge.icon(consent_badge.level(part.consent)), consent_badge.text(part.consent)
        )
        consent_item.setToolTip(consent_badge.tooltip(part.consent))
        consent_item.setData(Qt.ItemDataRole.UserRole, consent_badge.level(part.consent))
        consent_item.setFlags(consent_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, CONSENT_COLUMN, consent_item)
        if part.entry_questionnaire != "complete":
            item.setBackground(QBrush(INCOMPLETE))
            item.setToolTip(self.tr("Part 1 of the ESF questionnaire is incomplete: not counted."))

    def _set_hours(self, participation_id: str, edit: QLineEdit, old: float | None) -> None:
        text = edit.text().strip()
        try:
            unchanged = (float(text.replace(",", ".")) if text else None) == old
        except ValueError:
            unchanged = False  # not a number: the service says so under the table
        if unchanged:
            return

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationFailed) and isValid(edit):
                message = error.errors.get("attended_hours") or " ".join(error.errors.values())
                self.hours_error.setText(f"{edit.accessibleName()}: {message}")
                self.hours_error.show()
                edit.setStyleSheet("border: 1px solid #b3261e;")
                edit.setToolTip(message)
                edit.setFocus()
            else:
                ops.show_error(self, error)

        self.hours_error.hide()
        ops.run_write(
            lambda: events.set_attended_hours(self.store, participation_id, text),
            self,
            ChangeSet.of("participation", ids=[participation_id]),
        ).failure(failed).run()

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

    def open_questionnaire(self) -> QWidget | None:
        """The selected participant's ESF questionnaire, dated by default at the event's start."""
        from zz_desktop.ui.dialogs.questionnaire_dialog import QuestionnaireDialog

        row = self.table.currentRow()
        if row < 0 or self.data is None:
            self.error.setText(self.tr("Choose a participant first."))
            self.error.show()
            return None
        self.error.hide()
        participation_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        part = next(p for p in self.data.participants if p.id == participation_id)
        dialog = QuestionnaireDialog(
            self.store,
            part.person_id,
            participation_id=participation_id,
            entry_date=min(self.data.start_date, dt.date.today()),
            parent=self,
        )
        dialog.open()
        return dialog

    def edit(self) -> None:
        from zz_desktop.ui.dialogs.records import EventDialog

        EventDialog(self.store, self.event_id, self).show()

    def show_history(self) -> None:
        from zz_desktop.ui.dialogs.audit import AuditDialog

        AuditDialog(self.store, self.event_id, self.title.text(), self).show()

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches(
            "event", "participation", "person", "app_user", "questionnaire", "consent"
        ):
            self.reload()
