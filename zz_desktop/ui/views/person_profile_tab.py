"""The person's self-employed profile (Haus der Selbstständigen): occupation and sector, fees,
social security, platform work, interest-group membership. Saved in one transaction through
services.persons.save_selfemployed_profile; each message appears under its field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import persons
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.widgets import FormPanel, StrictInt, changed_signal, combo, line, text_box


class PersonProfileTab(QWidget):
    saved = Signal()

    def __init__(self, store: Store, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id = person_id
        self.setObjectName("personProfileTab")
        #: The user changed a field since the last load: a reload must not overwrite it.
        self.dirty = False
        self._loading = False
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("profileIntro")
        self.intro.setProperty("role", "muted")
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        f = self.form = FormPanel(self)
        f.add("occupation", self.tr("&Occupation"), line(self.tr("e.g. graphic design")))
        f.add("sector_code", self.tr("Sector (WZ)"), line(self.tr("e.g. 74.11")))
        version = QComboBox()
        version.addItem("WZ 2025", "WZ2025")
        version.addItem("WZ 2008", "WZ2008")
        f.add("sector_version", self.tr("Classification"), version)
        f.add("since_year", self.tr("Self-employed since"), StrictInt(1900, 2100))
        f.add("fee_basis", self.tr("&Fees charged"), combo("fee_basis", empty=True))
        f.add("fee_band", self.tr("T&ypical fee"), combo("fee_band", empty=True))
        f.add("health_insurance", self.tr("&Health insurance"), combo("health_insurance", True))
        f.add("pension", self.tr("Old-age &provision"), combo("pension", empty=True))
        f.add("unemployment_insurance", self.tr("Voluntary unemployment insurance"), self._yes_no())
        f.add("platform_work", self.tr("Works via &platforms"), self._yes_no())
        f.add("interest_group_member", self.tr("Member of an &interest group"), self._yes_no())
        f.add("notes", self.tr("Notes"), text_box(54))
        for widget in f.fields.values():
            if (sig := changed_signal(widget)) is not None:
                sig.connect(self._changed)
        lay.addWidget(f)
        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("profileStatus")
        self.status.setProperty("role", "muted")
        self.save_button = QPushButton(self.tr("&Save profile"), self)
        self.save_button.setObjectName("saveProfile")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        lay.addStretch(1)

    def _yes_no(self) -> QComboBox:
        box = QComboBox()
        box.addItem("—", None)
        box.addItem(self.tr("yes"), True)
        box.addItem(self.tr("no"), False)
        return box

    def _changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self.dirty = True
        self.status.clear()

    def show_profile(self, values: dict[str, Any] | None) -> None:
        """Fill the form from a page load, unless the user is editing it."""
        if self.dirty:
            return
        self.intro.setText(
            self.tr("Situation of the solo self-employed person.")
            if values is not None
            else self.tr("No profile yet: fill in what the person tells you and save.")
        )
        shown = dict.fromkeys(self.form.fields) | (values or {})
        shown["sector_version"] = shown.get("sector_version") or "WZ2025"
        self._loading = True
        try:
            self.form.set_values(shown)
        finally:
            self._loading = False
        self.form.clear_errors()

    def save(self) -> None:
        data = self.form.values()
        self.save_button.setEnabled(False)
        ops.run_write(
            lambda: persons.save_selfemployed_profile(self.store, self.person_id, data),
            self,
            ChangeSet.of("selfemployed_profile", ids=[self.person_id]),
        ).success(self._saved).failure(self._failed).run()

    def _saved(self, _obj: Any) -> None:
        self.save_button.setEnabled(True)
        self.form.clear_errors()
        self.dirty = False
        self.status.setText(self.tr("Profile saved."))
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            rest = self.form.show_errors(error.errors)
            self.status.setText("\n".join(rest))
        else:
            ops.show_error(self, error)
