"""The consultation form, made for recording a company visit quickly: pre-filled defaults,
topics by typing, participants from the organisation (or created inline), follow-ups inline,
autosaved drafts offered for restore, Ctrl+S saves, the 80 h cap warning shown live."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import ombuds
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import consents, consultations, drafts, identity, persons
from zz_desktop.services.listing import topic_label
from zz_desktop.store.database import Store
from zz_desktop.ui import consent_badge, ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.labels import enum_label, fmt_date, fmt_datetime, pydate
from zz_desktop.ui.widgets import (
    CheckList,
    ChipList,
    DateLine,
    FormPanel,
    RecordPicker,
    StrictInt,
    changed_signal,
    combo,
    date_edit,
    line,
    text_box,
)

DRAFT_KIND = "consultation"
AUTOSAVE_DEBOUNCE_MS = 1500
AUTOSAVE_EVERY_MS = 5000
TEXT_FIELDS = ("starting_situation", "findings", "agreements", "recommendations")
# Item data of a participant: the consent level (consent_badge.level), for tests and styling.
CONSENT_ROLE = Qt.ItemDataRole.UserRole + 1


class ConsultationForm(QDialog):
    saved = Signal(str)
    saved_warnings = Signal(list)

    def __init__(
        self,
        store: Store,
        consultation_id: str | None,
        organisation_id: str | None,
        parent: QWidget | None = None,
        person_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.consultation_id = consultation_id
        self.setObjectName("consultationForm")
        self.setWindowTitle(
            self.tr("Consultation") if consultation_id else self.tr("New consultation")
        )
        self.original: dict[str, Any] = {}
        self._loading = True
        self._dirty = False
        self._saving = False
        self.draft_key = consultation_id or f"new:{organisation_id or '-'}" + (
            f":{person_id}" if person_id else ""
        )
        self._person_id = person_id
        # Chosen once: a retry of a save whose answer was lost updates instead of duplicating.
        self._new_id = consultations.form_id()

        outer = QVBoxLayout(self)
        self.draft_banner = QFrame(self)
        self.draft_banner.setObjectName("draftBanner")
        self.draft_banner.setProperty("role", "banner")
        banner = QHBoxLayout(self.draft_banner)
        self.draft_label = QLabel(self.draft_banner)
        self.restore_button = QPushButton(self.tr("&Restore draft"), self.draft_banner)
        self.restore_button.setObjectName("restoreDraft")
        self.discard_button = QPushButton(self.tr("Discard"), self.draft_banner)
        self.discard_button.setObjectName("discardDraft")
        banner.addWidget(self.draft_label, 1)
        banner.addWidget(self.restore_button)
        banner.addWidget(self.discard_button)
        self.draft_banner.hide()
        outer.addWidget(self.draft_banner)

        body = QWidget(self)
        grid = QGridLayout(body)
        self.form = FormPanel(body)
        f = self.form
        self.org_picker = RecordPicker(store, "organisation")
        self.org_picker.setPlaceholderText(self.tr("Type to search …"))
        f.add("organisation_id", self.tr("&Organisation"), self.org_picker)
        self.person_picker = RecordPicker(store, "person")
        self.person_picker.setPlaceholderText(self.tr("optional: the person advised"))
        f.add("person_id", self.tr("Person advised"), self.person_picker)
        self.advisors = CheckList(
            [(u.id, u.display_name or u.id) for u in identity.users(store)], body
        )
        f.add("advisor_ids", self.tr("Ad&visors"), self.advisors)
        f.add("date", self.tr("&Date"), DateLine())
        f.add("start_time", self.tr("Start time"), line(self.tr("HH:MM")))
        f.add("duration_min", self.tr("D&uration"), StrictInt(1, 1440, self.tr(" min")))
        f.add("mode", self.tr("&Mode"), combo("mode"))
        f.add("place", self.tr("&Place"), line(self.tr("where it took place")))
        f.add("kind", self.tr("&Kind"), combo("kind"))
        # An ombuds case's own workflow; the row is shown for that kind only.
        self.ombuds_state = f.add("ombuds_state", self.tr("Ombuds case &state"), QComboBox())
        f.fields["kind"].currentIndexChanged.connect(self._kind_changed)  # type: ignore[attr-defined]
        f.add("title", self.tr("&Title"), line(self.tr("short subject")))
        self.topic_input = QLineEdit()
        self.topic_input.setPlaceholderText(self.tr("Type a topic and press Enter"))
        labels = {topic_label(c): c for c in sorted(consultations.known_topics(store))}
        self._topic_codes = labels
        completer = QCompleter(QStringListModel(sorted(labels), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.topic_input.setCompleter(completer)
        completer.activated[str].connect(self._add_topic_label)
        self.topic_input.returnPressed.connect(self._topic_enter)
        f.add("topic_input", self.tr("T&opics"), self.topic_input)
        self.chips = ChipList()
        self.chips.setAccessibleName(self.tr("Chosen topics"))
        f.add("topics", "", self.chips)
        f.add("status", self.tr("Status"), combo("status"))
        f.add("esf_counting", self.tr("ESF counts"), combo("esf_counting"))
        self.cap_label = QLabel(body)
        self.cap_label.setObjectName("capWarning")
        self.cap_label.setProperty("role", "warning")
        self.cap_label.setWordWrap(True)
        self.cap_label.hide()
        f.layout_.addRow("", self.cap_label)

        self.texts = FormPanel(body)
        t = self.texts
        t.add("starting_situation", self.tr("Starting situation"), text_box(54))
        t.add("findings", self.tr("Findings"), text_box(54))
        t.add("agreements", self.tr("Agreements"), text_box(54))
        t.add("recommendations", self.tr("Recommendations"), text_box(54))
        t.add("referral_to", self.tr("Referred to"), line(self.tr("partner or programme")))
        t.add("referral_reason", self.tr("Reason for referral"), text_box(40))
        # Structured referrals (partner directory, follow-up, outcome) need the saved record.
        self.referrals_button = QPushButton(self.tr("Referrals to &partners …"), body)
        self.referrals_button.setObjectName("openReferrals")
        self.referrals_button.setEnabled(bool(consultation_id))
        self.referrals_button.clicked.connect(self.open_referrals)
        # Wissenspool checklists ticked during the visit (kept with the saved consultation).
        self.checklists_button = QPushButton(self.tr("&Checklists for the visit …"), body)
        self.checklists_button.setObjectName("openChecklists")
        self.checklists_button.setEnabled(bool(consultation_id))
        self.checklists_button.clicked.connect(self.open_checklists)
        row = QHBoxLayout()
        row.addWidget(self.referrals_button)
        row.addWidget(self.checklists_button)
        row.addStretch(1)
        t.layout_.addRow("", row)
        t.add("next_appointment", self.tr("Next appointment"), DateLine())

        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Participants"), body))
        self.participants = QListWidget(body)
        self.participants.setObjectName("participants")
        self.participants.setAccessibleName(self.tr("Participants"))
        self.participants.setMaximumHeight(200)
        self.participants.setIconSize(QSize(16, 16))  # the consent mark, text-sized
        side.addWidget(self.participants, 1)
        new_p = QHBoxLayout()
        self.new_first = line(self.tr("First name"))
        self.new_first.setObjectName("newParticipantFirst")
        self.new_first.setAccessibleName(self.tr("First name of a new participant"))
        self.new_last = line(self.tr("Last name"))
        self.new_last.setObjectName("newParticipantLast")
        self.new_last.setAccessibleName(self.tr("Last name of a new participant"))
        add_p = QPushButton(self.tr("Add"), body)
        add_p.setObjectName("addParticipant")
        add_p.setAccessibleName(self.tr("Add participant"))
        add_p.clicked.connect(self.add_new_participant)
        self.new_last.returnPressed.connect(self.add_new_participant)
        new_p.addWidget(self.new_first)
        new_p.addWidget(self.new_last)
        new_p.addWidget(add_p)
        side.addLayout(new_p)
        self.questionnaire_button = QPushButton(self.tr("ESF questionnaire …"), body)
        self.questionnaire_button.setObjectName("consultationQuestionnaire")
        self.questionnaire_button.setToolTip(
            self.tr("Part 1 and Part 2 of the selected participant (or of the person advised)")
        )
        self.questionnaire_button.clicked.connect(self.open_questionnaire)
        side.addWidget(self.questionnaire_button)
        self.participant_error = QLabel(body)
        self.participant_error.setProperty("role", "error")
        self.participant_error.hide()
        side.addWidget(self.participant_error)

        side.addWidget(QLabel(self.tr("Follow-ups"), body))
        self.followup_list = QTreeWidget(body)
        self.followup_list.setObjectName("followups")
        self.followup_list.setAccessibleName(self.tr("Follow-ups"))
        self.followup_list.setHeaderLabels([self.tr("Due"), self.tr("Task")])
        self.followup_list.setRootIsDecorated(False)
        self.followup_list.setColumnWidth(0, 95)
        self.followup_list.setMaximumHeight(200)
        side.addWidget(self.followup_list, 1)
        new_f = QHBoxLayout()
        self.fu_text = line(self.tr("What is to be done?"))
        self.fu_text.setObjectName("followupText")
        self.fu_text.setAccessibleName(self.tr("Follow-up task"))
        self.fu_due = date_edit(dt.date.today() + dt.timedelta(days=14))
        self.fu_due.setObjectName("followupDue")
        self.fu_due.setAccessibleName(self.tr("Follow-up due date"))
        add_f = QPushButton(self.tr("Add"), body)
        add_f.setObjectName("addFollowup")
        add_f.setAccessibleName(self.tr("Add follow-up"))
        add_f.clicked.connect(self.add_followup)
        self.fu_text.returnPressed.connect(self.add_followup)
        new_f.addWidget(self.fu_text, 1)
        new_f.addWidget(self.fu_due)
        new_f.addWidget(add_f)
        side.addLayout(new_f)
        self.followup_error = QLabel(body)
        self.followup_error.setObjectName("error_followups")
        self.followup_error.setProperty("role", "error")
        self.followup_error.hide()
        side.addWidget(self.followup_error)

        grid.addWidget(self.form, 0, 0)
        grid.addWidget(self.texts, 1, 0)
        side.addStretch(1)
        grid.addLayout(side, 0, 1, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.message = QLabel(self)
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save_btn = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_btn.setText(self.tr("&Save (Ctrl+S)"))
        save_btn.setObjectName("saveConsultation")
        if consultation_id:
            history = self.buttons.addButton(
                self.tr("&History"), QDialogButtonBox.ButtonRole.HelpRole
            )
            history.clicked.connect(self.show_history)
            protocol = self.buttons.addButton(
                self.tr("&Print record"), QDialogButtonBox.ButtonRole.HelpRole
            )
            protocol.setObjectName("printProtocol")
            protocol.setToolTip(self.tr("Beratungsprotokoll for the company, to sign (Ctrl+P)"))
            protocol.clicked.connect(self.print_protocol)
            QShortcut(QKeySequence.StandardKey.Print, self, self.print_protocol)
            delete = self.buttons.addButton(
                self.tr("&Delete"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            delete.setObjectName("deleteConsultation")
            delete.clicked.connect(self.delete)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self.save_draft)
        self._periodic = QTimer(self)
        self._periodic.timeout.connect(self._periodic_save)
        self._periodic.start(AUTOSAVE_EVERY_MS)

        # Enter belongs to the inline inputs (topics, participants, follow-ups), never to Save.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._load(organisation_id)
        for w in [*self.form.fields.values(), *self.texts.fields.values()]:
            if w is not self.topic_input and (sig := changed_signal(w)) is not None:
                sig.connect(self._changed)
        self.participants.itemChanged.connect(self._changed)
        self.org_picker.changed.connect(self._org_changed)
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        self._offer_draft()
        self._loading = False
        self._update_cap()
        self.resize(1100, 760)
        (
            self.form.fields["title"] if organisation_id or consultation_id else self.org_picker
        ).setFocus()

    # -- loading ------------------------------------------------------------------------------

    def _load(self, organisation_id: str | None) -> None:
        if self.consultation_id:
            loaded = consultations.load_form(self.store, self.consultation_id)
            self.original = dict(loaded.values)
            values = dict(self.original)
            chosen = loaded.participant_ids
            for due, text, done in loaded.followups:
                item = QTreeWidgetItem([fmt_date(due), text + (" ✓" if done else "")])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setData(0, Qt.ItemDataRole.UserRole, None)
                self.followup_list.addTopLevelItem(item)
        else:
            values = consultations.new_consultation_defaults(
                self.store, organisation_id, self._person_id
            )
            chosen = []
        self._apply(values, chosen, [])

    def _apply(
        self,
        values: dict[str, Any],
        participant_ids: list[str],
        new_followups: list[dict[str, Any]],
    ) -> None:
        self.org_picker.set_value_(values.get("organisation_id"))
        self.person_picker.set_value_(values.get("person_id"))
        self._fill_ombuds_states(values.get("ombuds_state"))
        self.form.set_values(
            {k: v for k, v in values.items() if k not in ("organisation_id", "person_id", "topics")}
        )
        self.texts.set_values(values)
        self.chips.clear()
        for code in values.get("topics") or []:
            self.chips.add_chip(code, topic_label(code))
        self._load_participants(set(participant_ids))
        for i in reversed(range(self.followup_list.topLevelItemCount())):
            if self.followup_list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole):
                self.followup_list.takeTopLevelItem(i)
        for fu in new_followups:
            self._add_followup_item(fu["text"], dt.date.fromisoformat(fu["due_date"]), fu.get("id"))

    def _load_participants(self, checked: set[str]) -> None:
        checked |= set(self.participant_ids())
        self.participants.blockSignals(True)
        self.participants.clear()
        org = self.org_picker.value_()
        people = persons.persons_of_organisation(self.store, org) if org else []
        known = {p.id for p in people}
        extra = [pid for pid in checked if pid not in known]
        for p in people:
            self._participant_item(
                p.id, ", ".join(x for x in (p.last_name, p.first_name) if x), p.id in checked
            )
        for pid in extra:
            from zz_desktop.ui.widgets import record_title

            self._participant_item(pid, record_title(self.store, "person", pid), True)
        self._show_consents()
        self.participants.blockSignals(False)

    def _show_consents(self) -> None:
        """Each participant's consent state as icon and tooltip (services.consents)."""
        items = [self.participants.item(i) for i in range(self.participants.count())]
        found = consents.active_purposes(
            self.store, [item.data(Qt.ItemDataRole.UserRole) for item in items]
        )
        blocked = self.participants.blockSignals(True)  # not an edit of the form
        for item in items:
            purposes = found.get(item.data(Qt.ItemDataRole.UserRole), frozenset())
            item.setIcon(consent_badge.icon(consent_badge.level(purposes)))
            item.setToolTip(consent_badge.tooltip(purposes))
            item.setData(CONSENT_ROLE, consent_badge.level(purposes))
        self.participants.blockSignals(blocked)

    def _participant_item(self, pid: str, name: str, checked: bool) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, pid)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.participants.addItem(item)

    def open_questionnaire(self) -> QDialog | None:
        """The ESF questionnaire of the selected participant, else of the person advised; dated
        by default on the consultation's date."""
        from zz_desktop.ui.dialogs.questionnaire_dialog import QuestionnaireDialog

        item = self.participants.currentItem()
        pid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        pid = pid or self.person_picker.value_()
        if not pid:
            self.participant_error.setText(self.tr("Choose a participant first."))
            self.participant_error.show()
            return None
        self.participant_error.hide()
        day = self.form.values().get("date")
        day = day if isinstance(day, dt.date) and day <= dt.date.today() else dt.date.today()
        dialog = QuestionnaireDialog(
            self.store, pid, consultation_id=self.consultation_id, entry_date=day, parent=self
        )
        dialog.open()
        return dialog

    def participant_ids(self) -> list[str]:
        out = []
        for i in range(self.participants.count()):
            item = self.participants.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def new_followups(self) -> list[dict[str, Any]]:
        out = []
        for i in range(self.followup_list.topLevelItemCount()):
            item = self.followup_list.topLevelItem(i)
            if due := item.data(0, Qt.ItemDataRole.UserRole):
                out.append(
                    {
                        "id": item.data(1, Qt.ItemDataRole.UserRole),
                        "text": item.text(1),
                        "due_date": due,
                    }
                )
        return out

    # -- editing ------------------------------------------------------------------------------

    def _topic_enter(self) -> None:
        text = self.topic_input.text().strip()
        if not text:
            return
        matches = [label for label in self._topic_codes if text.casefold() in label.casefold()]
        exact = [label for label in matches if label.casefold() == text.casefold()]
        if exact or len(matches) == 1:
            self._add_topic_label((exact or matches)[0])
        elif matches:
            self.topic_input.completer().complete()

    def _add_topic_label(self, label: str) -> None:
        code = self._topic_codes.get(label)
        if code:
            self.chips.add_chip(code, label)
            QTimer.singleShot(0, self.topic_input.clear)
            self._changed()

    def add_topic(self, code: str) -> None:
        self.chips.add_chip(code, topic_label(code))
        self._changed()

    def add_followup(self) -> None:
        text = self.fu_text.text().strip()
        if not text:
            self.followup_error.setText(self.tr("Please describe what is to be done."))
            self.followup_error.show()
            self.fu_text.setFocus()
            return
        self.followup_error.hide()
        self._add_followup_item(text, pydate(self.fu_due.date()), consultations.form_id())
        self.fu_text.clear()
        self._changed()

    def _add_followup_item(self, text: str, due: dt.date, fu_id: str | None = None) -> None:
        item = QTreeWidgetItem([fmt_date(due), text])
        item.setData(0, Qt.ItemDataRole.UserRole, due.isoformat())
        item.setData(1, Qt.ItemDataRole.UserRole, fu_id or consultations.form_id())
        self.followup_list.addTopLevelItem(item)

    def add_new_participant(self) -> None:
        first, last = self.new_first.text().strip(), self.new_last.text().strip()
        if not first and not last:
            self.new_last.setFocus()
            return
        org = self.org_picker.value_()
        data = {"first_name": first or None, "last_name": last or None}

        def done(person: Any) -> None:
            self.participant_error.hide()
            self._participant_item(person.id, ", ".join(x for x in (last, first) if x), True)
            self._show_consents()
            self.new_first.clear()
            self.new_last.clear()
            self._changed()

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationFailed):
                self.participant_error.setText(" ".join(error.errors.values()))
                self.participant_error.show()
            else:
                ops.show_error(self, error)

        ops.run_write(
            lambda: persons.create_person(self.store, data, organisation_id=org),
            self,
            ChangeSet.of("person", "affiliation"),
        ).success(done).failure(failed).run()

    def _org_changed(self) -> None:
        if not self._loading:
            self._load_participants(set())
            self._changed()

    def _changed(self, *_: Any) -> None:
        if self._loading:
            return
        self._dirty = True
        self._debounce.start(AUTOSAVE_DEBOUNCE_MS)
        self._update_cap()

    def _update_cap(self) -> None:
        data = self.values()
        warning = (
            consultations.cap_warning(self.store, data, self.consultation_id)
            if data.get("kind") == "in_depth"
            else None
        )
        self.cap_label.setText(warning or "")
        self.cap_label.setVisible(bool(warning))

    def _fill_ombuds_states(self, wanted: str | None) -> None:
        """The states the saved case may move to (domain/ombuds.py); a new case: "received"."""
        box = self.ombuds_state
        assert isinstance(box, QComboBox)
        box.blockSignals(True)
        box.clear()
        for code in ombuds.choices(self.original.get("ombuds_state")):
            box.addItem(enum_label("ombuds_state", code), code)
        box.setCurrentIndex(max(box.findData(wanted), 0))
        box.blockSignals(False)
        self._kind_changed()

    def _kind_changed(self, *_: Any) -> None:
        is_case = self.form.fields["kind"].currentData() == ombuds.OMBUDS  # type: ignore[attr-defined]
        self.form.layout_.setRowVisible(self.ombuds_state.parentWidget(), is_case)

    def values(self) -> dict[str, Any]:
        data = self.form.values() | self.texts.values()
        if data.get("kind") != ombuds.OMBUDS:
            data["ombuds_state"] = None
        data.pop("topic_input", None)
        data["topics"] = self.chips.codes()
        return data

    # -- drafts -------------------------------------------------------------------------------

    def draft_payload(self) -> dict[str, Any]:
        data = self.values()
        for key in ("date", "next_appointment"):
            if isinstance(data.get(key), dt.date):
                data[key] = data[key].isoformat()
        return {
            "values": data,
            "participants": self.participant_ids(),
            "followups": self.new_followups(),
        }

    def _periodic_save(self) -> None:
        if self._dirty and not self._debounce.isActive():
            self.save_draft()

    def save_draft(self) -> None:
        if not self._dirty or self._saving:
            return
        payload = self.draft_payload()
        self._dirty = False
        ops.Op(
            lambda: drafts.save_draft(self.store, DRAFT_KIND, self.draft_key, payload),
            self,
            write=True,
        ).run()

    def _offer_draft(self) -> None:
        found = drafts.load_draft(self.store, DRAFT_KIND, self.draft_key)
        if found is None:
            return
        self._draft_payload, at = found
        self.draft_label.setText(
            self.tr("An unsaved draft from %1 exists.").replace("%1", fmt_datetime(at))
        )
        self.draft_banner.show()

    def restore_draft(self) -> None:
        payload = self._draft_payload
        values = dict(payload["values"])
        self._loading = True
        self._apply(
            values, list(payload.get("participants", [])), list(payload.get("followups", []))
        )
        self._loading = False
        self.draft_banner.hide()
        self._update_cap()

    def discard_draft(self) -> None:
        self.draft_banner.hide()
        ops.Op(
            lambda: drafts.delete_draft(self.store, DRAFT_KIND, self.draft_key), self, write=True
        ).run()

    # -- save ---------------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        self._saving = True
        self._debounce.stop()
        data = self.values()
        parts = self.participant_ids()
        fus = [
            {"id": f["id"], "text": f["text"], "due_date": dt.date.fromisoformat(f["due_date"])}
            for f in self.new_followups()
        ]
        cid = self.consultation_id
        store = self.store
        key = self.draft_key
        if cid is not None:
            data = {k: v for k, v in data.items() if self.original.get(k) != v}
        new = self._new_id

        def work() -> consultations.SaveResult:
            return consultations.save(
                store, cid, data, parts, fus, draft=(DRAFT_KIND, key), new_id=new
            )

        changes = ChangeSet.of(
            "consultation", "followup", "consultation_participant", ids=[cid or ""]
        )
        self.buttons.setEnabled(False)
        ops.run_write(work, self, changes, label=self.tr("Saving …")).success(self._saved).failure(
            self._failed
        ).run()

    def _saved(self, result: consultations.SaveResult) -> None:
        self._saving = False
        self._dirty = False
        self.buttons.setEnabled(True)
        self.consultation_id = result.consultation.id
        self.saved.emit(result.consultation.id)
        self.saved_warnings.emit(list(result.warnings))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if not isinstance(error, ValidationFailed):
            ops.show_error(self, error)
            return
        errors = dict(error.errors)
        fu_errors = [v for k, v in errors.items() if k.startswith("followups[")]
        rest = self.form.show_errors({k: v for k, v in errors.items() if k in self.form.fields})
        rest += (
            self.texts.show_errors({k: v for k, v in errors.items() if k in self.texts.fields})
            if not any(k in self.form.fields for k in errors)
            else []
        )
        if fu_errors:
            self.followup_error.setText(" ".join(dict.fromkeys(fu_errors)))
            self.followup_error.show()
        other = [
            v
            for k, v in errors.items()
            if k not in self.form.fields
            and k not in self.texts.fields
            and not k.startswith("followups[")
        ]
        self.message.setText("\n".join(other + rest))
        self.message.setVisible(bool(other or rest))

    def open_referrals(self) -> QDialog | None:
        from zz_desktop.ui.dialogs.referral_dialog import ReferralDialog

        return self._open_for_saved(ReferralDialog)

    def open_checklists(self) -> QDialog | None:
        from zz_desktop.ui.dialogs.checklist_dialog import ChecklistDialog

        return self._open_for_saved(ChecklistDialog)

    def _open_for_saved(self, kind: Callable[[Store, str, QWidget], QDialog]) -> QDialog | None:
        """A dialog about the saved consultation (referrals, checklists), shown beside the form."""
        if not self.consultation_id:
            return None
        dialog = kind(self.store, self.consultation_id, self)
        dialog.show()
        return dialog

    def delete(self) -> None:
        main = self.parent()
        if self.consultation_id and hasattr(main, "delete_record"):
            main.delete_record("consultation", self.consultation_id)
            self._dirty = False
            self.accept()

    def print_protocol(self) -> None:
        """The Beratungsprotokoll of the saved consultation (preview, print, save as)."""
        from zz_desktop.ui.dialogs.protocol_print import print_protocol

        if self.consultation_id:
            if self._dirty:
                self.save_draft()
            print_protocol(self.store, self.consultation_id, self)

    def show_history(self) -> None:
        from zz_desktop.ui.dialogs.audit import AuditDialog

        AuditDialog(self.store, self.consultation_id or "", self.windowTitle(), self).show()

    def reject(self) -> None:
        if self._dirty and not self._saving:
            answer = QMessageBox.question(
                self,
                self.tr("Close form"),
                self.tr(
                    "Keep what you typed as a draft? You can restore it the next time you open this form."
                ),
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Yes:
                self.save_draft()
            else:
                self._dirty = False
                self.discard_draft()
        self._periodic.stop()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Enter belongs to the inline inputs; QDialog would press the default button (Save).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._periodic.stop()
        super().closeEvent(event)
