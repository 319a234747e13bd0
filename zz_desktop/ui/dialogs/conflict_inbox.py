"""The conflict inbox: each open conflict with both values side by side; keep either or edit.
Records, fields and authors are named as a person knows them (title, field label, name, local
time), never by ids."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.errors import UserError
from zz_desktop.services import permissions, sync_service
from zz_desktop.store.database import Store
from zz_desktop.ui.dialogs.merge_dialog import field_labels


def entity_label(entity: str) -> str:
    labels = {
        "organisation": QCoreApplication.translate("ConflictInbox", "Organisation"),
        "person": QCoreApplication.translate("ConflictInbox", "Person"),
        "consultation": QCoreApplication.translate("ConflictInbox", "Consultation"),
        "followup": QCoreApplication.translate("ConflictInbox", "Follow-up"),
        "event": QCoreApplication.translate("ConflictInbox", "Event"),
    }
    return labels.get(entity, entity)


def field_label(field: str) -> str:
    extra = {
        "title": QCoreApplication.translate("ConflictInbox", "Title"),
        "date": QCoreApplication.translate("ConflictInbox", "Date"),
        "findings": QCoreApplication.translate("ConflictInbox", "Findings"),
        "agreements": QCoreApplication.translate("ConflictInbox", "Agreements"),
        "topics": QCoreApplication.translate("ConflictInbox", "Topics"),
        "due": QCoreApplication.translate("ConflictInbox", "Due"),
        "status": QCoreApplication.translate("ConflictInbox", "Status"),
        "sme_class": QCoreApplication.translate("ConflictInbox", "Company size class"),
        "mode": QCoreApplication.translate("ConflictInbox", "Form of consultation"),
        "duration_minutes": QCoreApplication.translate("ConflictInbox", "Duration (minutes)"),
        "place": QCoreApplication.translate("ConflictInbox", "Place"),
        "*": QCoreApplication.translate("ConflictInbox", "whole record"),
    }
    return field_labels().get(field) or extra.get(field) or field


def _when(at: dt.datetime | None) -> str:
    if at is None:
        return ""
    if at.tzinfo is None:  # stored in UTC without a zone
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone().strftime("%d.%m.%Y %H:%M")


class ConflictInbox(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Open conflicts"))
        self.resize(760, 420)
        layout = QHBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.currentRowChanged.connect(self._show)
        self.list.setMinimumWidth(220)
        layout.addWidget(self.list, 1)
        right = QVBoxLayout()
        grid = QGridLayout()
        self.title = QLabel("", self)
        self.title.setWordWrap(True)
        self.current = QPlainTextEdit(self)
        self.current.setObjectName("valueCurrent")
        self.current.setReadOnly(True)
        self.other = QPlainTextEdit(self)
        self.other.setObjectName("valueOther")
        self.other.setReadOnly(True)
        self.current_by = QLabel("", self)
        self.other_by = QLabel("", self)
        grid.addWidget(QLabel(self.tr("Value in force"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Replaced value"), self), 0, 1)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.other, 1, 1)
        grid.addWidget(self.current_by, 2, 0)
        grid.addWidget(self.other_by, 2, 1)
        right.addWidget(self.title)
        right.addLayout(grid)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("valueEdited")
        self.edit.setPlaceholderText(self.tr("Or type the value to keep"))
        right.addWidget(QLabel(self.tr("Value to save (you may edit it)"), self))
        right.addWidget(self.edit)
        buttons = QHBoxLayout()
        self.keep_current = QPushButton(self.tr("Keep value in force"), self)
        self.keep_current.setObjectName("keepCurrent")
        self.keep_other = QPushButton(self.tr("Take replaced value"), self)
        self.keep_other.setObjectName("keepOther")
        self.save_edit = QPushButton(self.tr("Save edited value"), self)
        self.save_edit.setObjectName("saveEdited")
        for button, choice in (
            (self.keep_current, "current"),
            (self.keep_other, "other"),
            (self.save_edit, "edit"),
        ):
            button.clicked.connect(lambda _=False, c=choice: self.resolve(c))
            buttons.addWidget(button)
        right.addLayout(buttons)
        self.error = QLabel("", self)
        self.error.setObjectName("conflictError")
        self.error.setWordWrap(True)
        right.addWidget(self.error)
        layout.addLayout(right, 2)
        self.reload()

    def reload(self) -> None:
        self.items = sync_service.conflicts(self.store)
        self.list.clear()
        for c in self.items:
            name = c.record_title or entity_label(c.entity)
            self.list.addItem(f"{name} · {field_label(c.field)}")
        if self.items:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        has = 0 <= row < len(self.items)
        for w in (self.keep_current, self.keep_other, self.save_edit):
            w.setEnabled(has)
        if not has:
            self.title.setText(self.tr("No open conflicts."))
            self.current.setPlainText("")
            self.other.setPlainText("")
            return
        c = self.items[row]
        record = f"{entity_label(c.entity)} „{c.record_title}“" if c.record_title else ""
        self.title.setText(f"<b>{record or entity_label(c.entity)}</b> · {field_label(c.field)}")
        self.current.setPlainText(sync_service.conflict_values_text(c.value_current))
        self.other.setPlainText(sync_service.conflict_values_text(c.value_other))
        self.current_by.setText(self._by(c.author_current_name, c.at_current))
        self.other_by.setText(self._by(c.author_other_name, c.at_other))
        self.edit.setPlainText(sync_service.conflict_values_text(c.value_current))
        # Roles table: an advisor resolves only conflicts about their own edits.
        try:
            permissions.require_resolve(self.store, (c.author_current, c.author_other))
            self.error.setText("")
        except UserError as exc:
            self.error.setText(exc.message)
            for w in (self.keep_current, self.keep_other, self.save_edit):
                w.setEnabled(False)

    def _by(self, name: str, at: dt.datetime | None) -> str:
        when = _when(at)
        if name and when:
            return self.tr("Changed by %1 on %2").replace("%1", name).replace("%2", when)
        if when:
            return self.tr("Changed on %1").replace("%1", when)
        return ""

    def resolve(self, choice: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        value: object = None
        if choice == "edit":
            raw = self.edit.toPlainText()
            try:
                value = json.loads(raw) if raw.strip().startswith(("{", "[")) else raw
            except ValueError:
                value = raw
        try:
            sync_service.resolve_conflict(self.store, self.items[row].id, choice, value)
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.reload()
