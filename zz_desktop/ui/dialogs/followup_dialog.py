"""A follow-up (Wiedervorlage) for an organisation, added from its page: what is to be done, by
when and by whom (the current user preselected). Saved on the write executor; the services'
messages appear under their fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import followups, identity
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.widgets import DateLine, FormPanel, line

#: A new follow-up is due in two weeks unless the user says otherwise.
DEFAULT_DAYS = 14


class FollowUpDialog(QDialog):
    saved = Signal(str)

    def __init__(self, store: Store, organisation_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.organisation_id = organisation_id
        self.setObjectName("followupDialog")
        self.setWindowTitle(self.tr("New follow-up"))
        self.form = FormPanel(self)
        self.form.add("text", self.tr("&What is to be done"), line(self.tr("e.g. send the offer")))
        self.form.add(
            "due_date", self.tr("&Due on"), DateLine(dt.date.today() + dt.timedelta(DEFAULT_DAYS))
        )
        owner = QComboBox()
        for user in identity.users(store):
            owner.addItem(user.display_name or user.id, user.id)
        owner.setCurrentIndex(max(owner.findData(store.actor.user_id), 0))
        self.form.add("owner_id", self.tr("&Responsible"), owner)
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.resize(460, 220)
        self.form.fields["text"].setFocus()

    def data(self) -> dict[str, Any]:
        return self.form.values() | {"organisation_id": self.organisation_id}

    def save(self) -> None:
        data = self.data()
        self.buttons.setEnabled(False)
        ops.run_write(
            lambda: followups.create_followup(self.store, data),
            self,
            ChangeSet.of("followup", ids=[self.organisation_id]),
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, obj: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(obj.id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            rest = self.form.show_errors(error.errors)
            self.message.setText("\n".join(rest))
            self.message.setVisible(bool(rest))
        else:
            ops.show_error(self, error)
