"""Forms for organisations, persons and events: the fields, saving through the write executor,
and the services' validation messages shown under each field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import events, organisations, persons, records
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.widgets import (
    FormPanel,
    RecordPicker,
    StrictInt,
    changed_signal,
    combo,
    date_edit,
    int_line,
    line,
    text_box,
)

# Wait this long after the last keystroke before looking for similar records.
SIMILAR_DEBOUNCE_MS = 400


class RecordDialog(QDialog):
    """Base of the simple record forms. Subclasses fill the form and name their services."""

    saved = Signal(str)  # record id
    entity = ""
    # Fields whose typing triggers the look-up of similar existing records (empty: none).
    similar_fields: tuple[str, ...] = ()

    def __init__(
        self, store: Store, record_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.record_id = record_id
        self.original: dict[str, Any] = {}
        self.form = FormPanel(self)
        self.build()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        self.similar_hint = QLabel(self)
        self.similar_hint.setObjectName("similarHint")
        self.similar_hint.setProperty("role", "warning")
        self.similar_hint.setWordWrap(True)
        self.similar_hint.hide()
        self._similar_timer = QTimer(self)
        self._similar_timer.setSingleShot(True)
        self._similar_timer.setInterval(SIMILAR_DEBOUNCE_MS)
        self._similar_timer.timeout.connect(self._look_up_similar)
        for name in self.similar_fields:
            if (sig := changed_signal(self.form.fields[name])) is not None:
                sig.connect(self._similar_timer.start)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.similar_hint)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.resize(560, 620)
        if record_id:
            self.original = records.form_values(store, self.entity, record_id)
            self.form.set_values(self.original)
        first = next(iter(self.form.fields.values()))
        first.setFocus()

    def build(self) -> None:
        raise NotImplementedError

    def done(self, result: int) -> None:
        self._similar_timer.stop()
        super().done(result)

    def find_similar(self, data: dict[str, Any]) -> list[Any]:
        """Existing records like the one being typed (run on a worker)."""
        return []

    def _look_up_similar(self) -> None:
        data = self.data()
        ops.run_read(lambda: self.find_similar(data), self).success(self._show_similar).run()

    def _show_similar(self, candidates: list[Any]) -> None:
        from shiboken6 import isValid

        from zz_desktop.services.duplicates import reason_text

        # The look-up may finish after the form was saved and closed.
        if not isValid(self.similar_hint) or not self.isVisible():
            return
        if not candidates:
            self.similar_hint.hide()
            return
        lines = [
            f"• {c.label} ({', '.join(reason_text(r) for r in c.reasons)})" for c in candidates
        ]
        self.similar_hint.setText(self.tr("Possibly already recorded:") + "\n" + "\n".join(lines))
        self.similar_hint.show()

    def data(self) -> dict[str, Any]:
        return self.form.values()

    def changes(self, data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if self.original.get(k) != v}

    def create(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def update(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def save(self) -> None:
        data = self.data()
        self.buttons.setEnabled(False)
        work = (
            (lambda: self.update(self.changes(data)))
            if self.record_id
            else (lambda: self.create(data))
        )
        ops.run_write(work, self, ChangeSet.of(self.entity, ids=[self.record_id or ""])).success(
            self._saved
        ).failure(self._failed).run()

    def _saved(self, obj: Any) -> None:
        self.buttons.setEnabled(True)
        self.record_id = obj.id
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


class OrganisationDialog(RecordDialog):
    entity = "organisation"
    similar_fields = ("name", "postcode", "email", "phone")

    def build(self) -> None:
        self.setWindowTitle(self.tr("Organisation"))
        f = self.form
        f.add("name", self.tr("&Name"), line())
        f.add("legal_form", self.tr("Legal form"), line(self.tr("e.g. GmbH")))
        f.add("street", self.tr("Street"), line())
        f.add("postcode", self.tr("Postcode"), line())
        f.add("city", self.tr("City"), line())
        f.add("ags", self.tr("Municipality key (AGS)"), line(self.tr("8 digits")))
        f.add("phone", self.tr("Phone"), line())
        f.add("email", self.tr("E-mail"), line())
        f.add("website", self.tr("Website"), line())
        f.add("sector_code", self.tr("Sector (WZ 2025)"), line(self.tr("e.g. 43.32")))
        f.add("employees", self.tr("Employees"), StrictInt(0, 10_000_000))
        f.add("turnover_band", self.tr("Turnover"), combo("turnover_band", empty=True))
        f.add("works_council", self.tr("Works council"), QCheckBox(self.tr("exists")))
        f.add("source", self.tr("Source of contact"), combo("source", empty=True))
        f.add("notes", self.tr("Notes"), text_box())

    def find_similar(self, data: dict[str, Any]) -> list[Any]:
        from zz_desktop.services.duplicates import similar_organisations

        return similar_organisations(self.store, data, exclude_id=self.record_id)

    def create(self, data: dict[str, Any]) -> Any:
        return organisations.create_organisation(self.store, data)

    def update(self, data: dict[str, Any]) -> Any:
        return organisations.update_organisation(self.store, self.record_id or "", data)


class PersonDialog(RecordDialog):
    entity = "person"
    similar_fields = ("first_name", "last_name", "postcode", "email", "phone")

    def __init__(
        self,
        store: Store,
        record_id: str | None = None,
        parent: QWidget | None = None,
        organisation_id: str | None = None,
    ) -> None:
        self.organisation_id = organisation_id
        super().__init__(store, record_id, parent)
        if record_id:
            privacy = self.buttons.addButton(
                self.tr("&Privacy …"), QDialogButtonBox.ButtonRole.ActionRole
            )
            privacy.setToolTip(self.tr("Consents, access report (Art. 15) and erasure (Art. 17)"))
            privacy.clicked.connect(self.open_privacy)
            # Minimal entry point until the person detail page (issue 10) gives it its place.
            esf = self.buttons.addButton(
                self.tr("ESF &questionnaire …"), QDialogButtonBox.ButtonRole.ActionRole
            )
            esf.setObjectName("personQuestionnaire")
            esf.setToolTip(self.tr("Part 1 (entry) and Part 2 (exit) of the ESF questionnaire"))
            esf.clicked.connect(self.open_questionnaire)

    def open_questionnaire(self) -> QDialog:
        """The person's ESF questionnaires (ui/dialogs/questionnaire_dialog.py)."""
        from zz_desktop.ui.dialogs.questionnaire_dialog import QuestionnaireDialog

        dialog = QuestionnaireDialog(self.store, self.record_id or "", parent=self)
        dialog.open()
        return dialog

    def open_privacy(self) -> QDialog:
        """Consents, access and erasure of this person (ui/views/person_privacy_tab.py)."""
        from zz_desktop.ui.views.person_privacy_tab import PersonPrivacyTab

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Privacy"))
        tab = PersonPrivacyTab(self.store, self.record_id or "", dialog)
        tab.erased.connect(lambda _id: (dialog.accept(), self.reject()))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        close.rejected.connect(dialog.reject)
        lay = QVBoxLayout(dialog)
        lay.addWidget(tab, 1)
        lay.addWidget(close)
        dialog.resize(720, 600)
        dialog.open()
        return dialog

    def build(self) -> None:
        self.setWindowTitle(self.tr("Person"))
        f = self.form
        f.add("salutation", self.tr("Salutation"), line())
        f.add("first_name", self.tr("&First name"), line())
        f.add("last_name", self.tr("&Last name"), line())
        gender = combo("gender", empty=True)
        # Nothing is preselected: the advisor asks (ESF counts by gender).
        gender.setItemText(0, self.tr("— not chosen, please ask —"))
        f.add("gender", self.tr("Gender"), gender)
        f.add("birth_year", self.tr("Birth year"), int_line(1900, 2100))
        f.add("postcode", self.tr("Postcode"), line())
        f.add("email", self.tr("E-mail"), line())
        f.add("phone", self.tr("Phone"), line())
        f.add("employment_status", self.tr("Employment"), combo("employment_status", empty=True))
        f.add("education", self.tr("Education"), combo("education", empty=True))
        if self.record_id is None:
            picker = RecordPicker(self.store, "organisation")
            picker.setPlaceholderText(self.tr("Type to search …"))
            f.add("organisation_id", self.tr("Organisation"), picker)
            if self.organisation_id:
                picker.set_value_(self.organisation_id)
        f.add("notes", self.tr("Notes"), text_box())

    def data(self) -> dict[str, Any]:
        data = super().data()
        data.pop("organisation_id", None)
        return data

    def create(self, data: dict[str, Any]) -> Any:
        if not data.get("gender"):
            raise ValidationFailed({"gender": self.tr("Please ask and choose (or 'not stated').")})
        org = self.form.fields.get("organisation_id")
        return persons.create_person(
            self.store, data, organisation_id=org.value_() if org else None
        )  # type: ignore[attr-defined]

    def update(self, data: dict[str, Any]) -> Any:
        return persons.update_person(self.store, self.record_id or "", data)

    def find_similar(self, data: dict[str, Any]) -> list[Any]:
        from zz_desktop.services.duplicates import similar_persons

        return similar_persons(self.store, data, exclude_id=self.record_id)


class EventDialog(RecordDialog):
    entity = "event"

    def build(self) -> None:
        self.setWindowTitle(self.tr("Event"))
        f = self.form
        f.add("title", self.tr("&Title"), line())
        f.add("type", self.tr("Type"), combo("type"))
        f.add("start_date", self.tr("Date"), date_edit())
        f.add("end_date", self.tr("Last day"), date_edit())
        f.add("place", self.tr("Place"), line())
        f.add("online", self.tr("Online"), QCheckBox(self.tr("takes place online")))
        hours = line()
        hours.setPlaceholderText(self.tr("e.g. 3,5"))
        f.add("hours", self.tr("Hours"), hours)
        from zz_desktop.services import consultations, identity
        from zz_desktop.ui.topic_picker import TopicPicker
        from zz_desktop.ui.widgets import CheckList

        f.add("topics", self.tr("T&opics"), TopicPicker(consultations.known_topics(self.store)))
        advisors = CheckList([(u.id, u.display_name or u.id) for u in identity.users(self.store)])
        f.add("advisor_ids", self.tr("Ad&visors"), advisors)
        if self.record_id is None:  # the current user is prefilled, as on a consultation
            advisors.set_value_(events.new_event_defaults(self.store)["advisor_ids"])
        f.add("description", self.tr("Description"), text_box())

    def data(self) -> dict[str, Any]:
        data = super().data()
        raw = data.get("hours")
        if raw:
            try:
                data["hours"] = float(str(raw).replace(",", "."))
            except ValueError:
                data["hours"] = raw
        return data

    def create(self, data: dict[str, Any]) -> Any:
        return events.save_form(self.store, None, data)

    def update(self, data: dict[str, Any]) -> Any:
        return events.save_form(self.store, self.record_id or "", data)


def dialog_for(entity: str) -> type[RecordDialog]:
    return {"organisation": OrganisationDialog, "person": PersonDialog, "event": EventDialog}[
        entity
    ]


_ = Qt  # (Qt kept for subclasses' flags)
