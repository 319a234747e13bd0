"""The person page, reached from the persons list, a search hit or an organisation's persons:
a header with the name and the consent state, and tabs for the master data with the person's
organisations, the history (consultations, events, consents, follow-ups — newest first; a double
click opens the record), the self-employed profile and the privacy tab. The page reads through
services.person_page on a worker and holds no SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from zz_desktop.errors import NotFound, ValidationFailed
from zz_desktop.services import person_page
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, fmt_date, fmt_number
from zz_desktop.ui.views.person_privacy_tab import PersonPrivacyTab
from zz_desktop.ui.views.person_profile_tab import PersonProfileTab
from zz_desktop.ui.widgets import FormPanel, RecordPicker, combo, heading, line

#: Entities whose change can alter what the page shows.
WATCHED = (
    "person",
    "affiliation",
    "organisation",
    "consultation",
    "consultation_participant",
    "followup",
    "event",
    "participation",
    "consent",
    "selfemployed_profile",
)
FACTS = (
    "salutation",
    "gender",
    "birth_year",
    "postcode",
    "email",
    "phone",
    "employment_status",
    "education",
    "notes",
)


class PersonPage(QWidget):
    back = Signal()
    loaded = Signal()  # the page shows the current data (tests wait for it)

    def __init__(self, store: Store, person_id: str, main: QWidget) -> None:
        super().__init__(main)
        self.store = store
        self.person_id = person_id
        self.main = main
        self.data: person_page.PersonPageData | None = None
        self.setObjectName("page_person_detail")
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton("← " + self.tr("Back"), self)
        back.setObjectName("backButton")
        back.clicked.connect(self.back.emit)
        top.addWidget(back)
        self.title = heading("", self)
        self.title.setObjectName("personTitle")
        top.addWidget(self.title, 1)
        edit = QPushButton(self.tr("&Edit"), self)
        edit.setObjectName("personEdit")
        edit.clicked.connect(self.edit)
        history = QPushButton(self.tr("Change &log"), self)
        history.setToolTip(self.tr("Who changed this record when"))
        history.clicked.connect(self.show_audit)
        delete = QPushButton(self.tr("&Delete"), self)
        delete.clicked.connect(self.delete)
        for b in (edit, history, delete):
            top.addWidget(b)
        lay.addLayout(top)
        self.consent = QLabel(self)
        self.consent.setObjectName("personConsent")
        self.consent.setWordWrap(True)
        lay.addWidget(self.consent)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("personTabs")
        self.tabs.addTab(self._master_tab(), self.tr("Master data"))
        self.history = QTreeWidget(self)
        self.history.setObjectName("personHistory")
        self.history.setAccessibleName(self.tr("History"))
        self.history.setHeaderLabels(
            [self.tr("Date"), self.tr("What"), self.tr("Title"), self.tr("Details")]
        )
        self.history.setRootIsDecorated(False)
        for col, width in ((0, 100), (1, 170), (2, 300)):
            self.history.setColumnWidth(col, width)
        self.history.itemActivated.connect(self.open_entry)
        self.tabs.addTab(self.history, self.tr("History"))
        self.profile = PersonProfileTab(store, person_id, self)
        self.tabs.addTab(self.profile, self.tr("Self-employed"))
        self.privacy = PersonPrivacyTab(store, person_id, self)
        self.privacy.erased.connect(lambda _id: self.back.emit())
        # The privacy tab saves consents itself (in its own click handlers, connected first) and
        # announces no change: read the header and the history again after its buttons.
        for button in (self.privacy.give_button, self.privacy.withdraw_button):
            button.clicked.connect(self.reload)
        self.tabs.addTab(self.privacy, self.tr("Privacy"))
        lay.addWidget(self.tabs, 1)
        self.reload()
        bus().changes.connect(self._on_changes)

    def _master_tab(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        card = QFrame(box)
        card.setProperty("role", "card")
        grid = QGridLayout(card)
        captions = {
            "salutation": self.tr("Salutation"),
            "gender": self.tr("Gender"),
            "birth_year": self.tr("Birth year"),
            "postcode": self.tr("Postcode"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "employment_status": self.tr("Employment"),
            "education": self.tr("Education"),
            "notes": self.tr("Notes"),
        }
        self.facts: dict[str, QLabel] = {}
        for i, key in enumerate(FACTS):
            cap = QLabel(captions[key], card)
            cap.setProperty("role", "muted")
            val = QLabel(card)
            val.setObjectName(f"fact_{key}")
            val.setWordWrap(True)
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(cap, (i // 3) * 2, i % 3)
            grid.addWidget(val, (i // 3) * 2 + 1, i % 3)
            self.facts[key] = val
        lay.addWidget(card)
        lay.addWidget(heading(self.tr("Organisations"), box, level=2))
        self.affiliations = QTreeWidget(box)
        self.affiliations.setObjectName("personAffiliations")
        self.affiliations.setAccessibleName(self.tr("Organisations"))
        self.affiliations.setHeaderLabels(
            [self.tr("Organisation"), self.tr("Role"), self.tr("Function")]
        )
        self.affiliations.setRootIsDecorated(False)
        self.affiliations.setColumnWidth(0, 280)
        self.affiliations.itemActivated.connect(
            lambda item: self.main.open_record(  # type: ignore[attr-defined]
                "organisation", item.data(0, Qt.ItemDataRole.UserRole + 1)
            )
        )
        lay.addWidget(self.affiliations, 1)
        self.link_form = FormPanel(box)
        self.org_picker = RecordPicker(self.store, "organisation")
        self.org_picker.setPlaceholderText(self.tr("Type to search …"))
        self.link_form.add("organisation_id", self.tr("Add to &organisation"), self.org_picker)
        self.role = combo("role")
        self.role.setCurrentIndex(max(self.role.findData("employee"), 0))
        self.link_form.add("role", self.tr("Role"), self.role)
        self.link_form.add(
            "function_title", self.tr("Function"), line(self.tr("e.g. managing director"))
        )
        lay.addWidget(self.link_form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.link_button = QPushButton(self.tr("&Link"), box)
        self.link_button.setObjectName("personLink")
        self.link_button.clicked.connect(self.link)
        self.unlink_button = QPushButton(self.tr("&Remove from organisation"), box)
        self.unlink_button.setObjectName("personUnlink")
        self.unlink_button.clicked.connect(self.unlink)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        lay.addLayout(buttons)
        return box

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        store, pid = self.store, self.person_id
        ops.run_read(lambda: person_page.load(store, pid), self).success(self._show).failure(
            self._load_failed
        ).run()

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, NotFound):
            ops.show_error(self, error)

    def _show(self, data: person_page.PersonPageData) -> None:
        if not isValid(self) or data.deleted:
            return
        self.data = data
        self.title.setText(data.name)
        self.setAccessibleName(data.name)
        if data.consents:
            purposes = ", ".join(enum_label("consent_purpose", p) for p in data.consents)
            self.consent.setText(self.tr("Consents in force: %1").replace("%1", purposes))
            self.consent.setProperty("role", "muted")
        else:
            self.consent.setText(self.tr("No consent recorded: ask for one before storing more."))
            self.consent.setProperty("role", "warning")
        self.consent.style().polish(self.consent)
        values = data.values
        for key, label in self.facts.items():
            value = values.get(key)
            if key in ("gender", "employment_status", "education"):
                text = enum_label(key, value)
            else:
                text = "" if value is None else str(value)
            label.setText(text or "—")
        self.affiliations.clear()
        for a in data.affiliations:
            item = QTreeWidgetItem(
                [a.organisation, enum_label("role", a.role), a.function_title or ""]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, a.id)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, a.organisation_id)
            self.affiliations.addTopLevelItem(item)
        self._fill_history(data.history)
        self.profile.show_profile(data.profile)
        self.tabs.setTabText(1, self.tr("History (%1)").replace("%1", str(len(data.history))))
        self.loaded.emit()

    def _fill_history(self, entries: list[person_page.HistoryEntry]) -> None:
        self.history.clear()
        what = {
            "consultation": self.tr("Consultation"),
            "event": self.tr("Event"),
            "followup": self.tr("Follow-up"),
            "consent_given": self.tr("Consent given"),
            "consent_withdrawn": self.tr("Consent withdrawn"),
        }
        for e in entries:
            title, detail = e.title, e.detail
            if e.kind == "consultation":
                detail = " · ".join(x for x in (enum_label("kind", e.code), e.detail) if x)
            elif e.kind == "event":
                hours = (
                    self.tr("%1 h attended").replace("%1", fmt_number(e.hours))
                    if e.hours is not None
                    else ""
                )
                detail = " · ".join(x for x in (enum_label("type", e.code), e.detail, hours) if x)
            elif e.kind == "followup":
                detail = self.tr("done") if e.done else self.tr("open")
            else:
                title = enum_label("consent_purpose", e.code)
                detail = ""
            item = QTreeWidgetItem([fmt_date(e.date), what[e.kind], title, detail])
            item.setData(0, Qt.ItemDataRole.UserRole, (e.entity, e.record_id))
            self.history.addTopLevelItem(item)

    # -- actions ------------------------------------------------------------------------------

    def open_entry(self, item: QTreeWidgetItem) -> object:
        entity, record_id = item.data(0, Qt.ItemDataRole.UserRole)
        if entity == "consent":
            self.tabs.setCurrentWidget(self.privacy)
            return self.privacy
        return self.main.open_record(entity, record_id)  # type: ignore[attr-defined]

    def link(self) -> None:
        values = self.link_form.values()
        org_id = values["organisation_id"]
        if not org_id and self.org_picker.text().strip():
            # Typed but not chosen from the suggestions: say so under the field.
            self.link_form.show_errors(
                {"organisation_id": self.tr("Choose an organisation from the suggestions.")}
            )
            return

        def linked(_obj: object) -> None:
            self.link_form.clear_errors()
            self.org_picker.set_value_(None, "")
            self.link_form.fields["function_title"].clear()  # type: ignore[attr-defined]

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationFailed):
                self.link_form.show_errors(error.errors)
            else:
                ops.show_error(self, error)

        ops.run_write(
            lambda: person_page.add_affiliation(
                self.store, self.person_id, org_id, values["role"], values["function_title"]
            ),
            self,
            ChangeSet.of("affiliation", ids=[self.person_id]),
        ).success(linked).failure(failed).run()

    def unlink(self) -> None:
        item = self.affiliations.currentItem()
        if item is None:
            return
        aid = item.data(0, Qt.ItemDataRole.UserRole)
        ops.run_write(
            lambda: person_page.remove_affiliation(self.store, aid),
            self,
            ChangeSet.of("affiliation", ids=[aid]),
        ).run()

    def edit(self) -> QWidget:
        from zz_desktop.ui.dialogs.records import PersonDialog

        dialog = PersonDialog(self.store, self.person_id, self)
        dialog.show()
        return dialog

    def show_audit(self) -> None:
        from zz_desktop.ui.dialogs.audit import AuditDialog

        AuditDialog(self.store, self.person_id, self.title.text(), self).show()

    def delete(self) -> None:
        self.main.delete_record("person", self.person_id)  # type: ignore[attr-defined]
        self.back.emit()

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches(*WATCHED):
            self.reload()
