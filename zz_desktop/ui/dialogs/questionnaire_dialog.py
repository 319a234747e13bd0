"""The ESF questionnaire form of one person: Teil 1 (situation at entry) and Teil 2 (situation on
leaving) on two tabs, each with its version history. Saving records the first version or, when
one exists, a correction (a new version with its reason) through services.questionnaires; the
services' messages appear under their fields. Opened from the person form, an event's
participant list and the participants of a consultation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain.esf import DISADVANTAGE_FIELDS
from zz_desktop.domain.questionnaire import EXIT_FIELDS, missing_answers
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import consents, questionnaires
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.labels import fmt_date
from zz_desktop.ui.widgets import FormPanel, combo, date_edit, int_line, line, record_title

PARTS = ("entry", "exit")


class QuestionnaireDialog(QDialog):
    saved = Signal(str)  # questionnaire id

    def __init__(
        self,
        store: Store,
        person_id: str,
        part: str = "entry",
        participation_id: str | None = None,
        consultation_id: str | None = None,
        entry_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.person_id = person_id
        self.participation_id = participation_id
        self.consultation_id = consultation_id
        self.entry_date = entry_date
        self.setObjectName("questionnaireDialog")
        name = record_title(store, "person", person_id)
        self.setWindowTitle(self.tr("ESF questionnaire – %1").replace("%1", name))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The answers describe the situation on the date given and stay as recorded; "
                "later changes of the person do not change them. A correction is saved as a new "
                "version with its reason."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        lay.addWidget(intro)
        self.tabs = QTabWidget(self)
        self.forms: dict[str, FormPanel] = {}
        self.status: dict[str, QLabel] = {}
        self.history: dict[str, QTreeWidget] = {}
        self.current: dict[str, questionnaires.QuestionnaireRecord | None] = {}
        for key in PARTS:
            self.tabs.addTab(self._tab(key), self._tab_title(key))
        lay.addWidget(self.tabs, 1)
        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.take_over = QPushButton(self.tr("Take answers from the person record"), self)
        self.take_over.setObjectName("questionnaireTakeOver")
        self.take_over.setToolTip(
            self.tr("Fills the empty Part 1 fields from the person; check each with the person.")
        )
        self.take_over.clicked.connect(self.fill_from_person)
        self.buttons.addButton(self.take_over, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.tabs.currentChanged.connect(lambda i: self.take_over.setVisible(PARTS[i] == "entry"))
        self.tabs.setCurrentIndex(PARTS.index(part))
        self.take_over.setVisible(part == "entry")
        self.reload()
        self.resize(640, 720)

    # -- building ------------------------------------------------------------------------

    def _tab_title(self, key: str) -> str:
        return self.tr("Part 1 (entry)") if key == "entry" else self.tr("Part 2 (exit)")

    def _answer_combo(self, kind: str, unanswered: str) -> QComboBox:
        box = combo(kind, empty=True)
        box.setItemText(0, unanswered)
        return box

    def _tab(self, key: str) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        form = FormPanel(page)
        ask = self.tr("— not answered yet —")
        if key == "entry":
            form.add("answered_on", self.tr("Date of entry"), date_edit(self.entry_date))
            form.add("gender", self.tr("Gender"), self._answer_combo("gender", ask))
            form.add("birth_year", self.tr("Birth year"), int_line(1900, 2100))
            form.add(
                "employment_status",
                self.tr("Employment status at entry"),
                self._answer_combo("employment_status", ask),
            )
            form.add(
                "education",
                self.tr("Highest education (ISCED)"),
                self._answer_combo("education", ask),
            )
            labels = {
                "disability": self.tr("Disability"),
                "third_country_national": self.tr("Third-country national"),
                "foreign_origin": self.tr("Foreign origin"),
                "minority": self.tr("Minority (incl. marginalised communities)"),
                "homeless": self.tr("Homeless or affected by housing exclusion"),
                "rural_area": self.tr("Lives in a rural area"),
            }
            for name in DISADVANTAGE_FIELDS:
                form.add(name, labels[name], self._tristate())
        else:
            form.add("answered_on", self.tr("Date of leaving"), date_edit())
            labels = {
                "job_searching": self.tr("Engaged in job searching"),
                "in_education": self.tr("In education or training"),
                "qualification": self.tr("Gained a qualification"),
                "employed": self.tr("In employment, including self-employment"),
            }
            for name in EXIT_FIELDS:
                form.add(name, labels[name], self._yes_no())
        form.add("correction_reason", self.tr("Reason for the correction"), line())
        for widget in form.fields.values():
            signal = getattr(widget, "currentIndexChanged", None) or getattr(
                widget, "textChanged", None
            )
            if signal is not None:
                signal.connect(lambda *_a, k=key: self._update_status(k))
        self.forms[key] = form
        status = QLabel(page)
        status.setObjectName(f"questionnaireStatus_{key}")
        status.setWordWrap(True)
        self.status[key] = status
        history = QTreeWidget(page)
        history.setObjectName(f"questionnaireHistory_{key}")
        history.setAccessibleName(self.tr("Versions"))
        history.setHeaderLabels(
            [self.tr("Version"), self.tr("Date"), self.tr("Complete"), self.tr("Reason")]
        )
        history.setRootIsDecorated(False)
        history.setMaximumHeight(110)
        lay.addWidget(form)
        lay.addWidget(status)
        lay.addWidget(QLabel(self.tr("Versions"), page))
        lay.addWidget(history)
        lay.addStretch(1)
        self.history[key] = history
        return page

    def _tristate(self) -> QComboBox:
        box = QComboBox()
        box.addItem("—", None)
        box.addItem(self.tr("Yes"), "yes")
        box.addItem(self.tr("No"), "no")
        box.addItem(self.tr("No answer (keine Angabe)"), "no_answer")
        return box

    def _yes_no(self) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("— not answered yet —"), None)
        box.addItem(self.tr("Yes"), "yes")
        box.addItem(self.tr("No"), "no")
        return box

    # -- state ---------------------------------------------------------------------------

    def reload(self) -> None:
        special = consents.has_consent(self.store, self.person_id, "special_category")
        for key in PARTS:
            form = self.forms[key]
            row = questionnaires.current(self.store, self.person_id, key)
            self.current[key] = row
            if row is not None:
                form.set_values({c.key: getattr(row, c.key) for c in row.__table__.columns})
                form.fields["correction_reason"].setText("")
            reason = form.fields["correction_reason"]
            reason.setVisible(row is not None)
            form.layout_.labelForField(reason.parentWidget()).setVisible(row is not None)
            tree = self.history[key]
            tree.clear()
            for version in questionnaires.versions(self.store, self.person_id, key):
                QTreeWidgetItem(
                    tree,
                    [
                        str(version.version),
                        fmt_date(version.answered_on),
                        self.tr("yes") if version.complete else self.tr("no"),
                        version.correction_reason or "",
                    ],
                )
            self._update_status(key)
        disability = self.forms["entry"].fields["disability"]
        if not special:
            # Art. 9 data: only "keine Angabe" without the explicit consent.
            box = disability
            assert isinstance(box, QComboBox)
            for i in range(box.count()):
                if box.itemData(i) not in (None, "no_answer"):
                    box.model().item(i).setEnabled(False)  # type: ignore[attr-defined]
            box.setToolTip(
                self.tr("Needs the person's explicit consent (GDPR Art. 9), see Privacy.")
            )

    def _answers(self, key: str) -> dict[str, Any]:
        values = self.forms[key].values()
        values.pop("correction_reason", None)
        return values

    def _update_status(self, key: str) -> None:
        missing = missing_answers(key, self._answers(key))
        row = self.current.get(key)
        head = (
            self.tr("Version %1 recorded.").replace("%1", str(row.version))
            if row is not None
            else self.tr("Not recorded yet.")
        )
        if missing:
            names = ", ".join(
                self.forms[key]
                .layout_.labelForField(self.forms[key].fields[f].parentWidget())
                .text()  # type: ignore[union-attr]
                for f in missing
            )
            text = head + " " + self.tr("Incomplete, not counted: %1 missing.").replace("%1", names)
            role = "warning"
        else:
            text = head + " " + self.tr("Every mandatory answer is there (complete).")
            role = "muted"
        label = self.status[key]
        label.setText(text)
        label.setProperty("role", role)
        label.style().polish(label)

    def fill_from_person(self) -> None:
        form = self.forms["entry"]
        for name, value in questionnaires.suggestion(self.store, self.person_id).items():
            widget = form.fields.get(name)
            if widget is None or value is None or form.values().get(name) is not None:
                continue
            if name == "disability" and not widget.isEnabled():
                continue
            form.set_values({name: value})
        self._update_status("entry")

    # -- saving --------------------------------------------------------------------------

    def save(self) -> None:
        key = PARTS[self.tabs.currentIndex()]
        form = self.forms[key]
        values = form.values()
        reason = values.pop("correction_reason", None) or ""
        when = values.pop("answered_on")
        row = self.current[key]
        if row is None:

            def work() -> Any:
                return questionnaires.record(
                    self.store,
                    self.person_id,
                    key,
                    values,
                    when,
                    participation_id=self.participation_id,
                    consultation_id=self.consultation_id,
                )
        else:
            old_id = row.id

            def work() -> Any:
                return questionnaires.correct(self.store, old_id, values, reason, when)

        self.buttons.setEnabled(False)
        changes = ChangeSet.of("questionnaire", "participation", ids=[self.person_id])
        ops.run_write(work, self, changes).success(self._saved).failure(self._failed).run()

    def _saved(self, row: Any) -> None:
        self.buttons.setEnabled(True)
        self.message.hide()
        self.saved.emit(row.id)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            key = PARTS[self.tabs.currentIndex()]
            rest = self.forms[key].show_errors(error.errors)
            self.message.setText("\n".join(rest))
            self.message.setVisible(bool(rest))
        else:
            ops.show_error(self, error)
