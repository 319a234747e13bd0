"""The organisation page: its data, persons, consultations, follow-ups and the running hours of
in-depth advice against the 80 h cap; from here Ctrl+N records a consultation of a visit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain.validation import IN_DEPTH_CAP_HOURS
from zz_desktop.services import listing, organisations, persons, records
from zz_desktop.store.database import Store
from zz_desktop.store.models import Affiliation, Organisation
from zz_desktop.ui import role_gate
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, fmt_number
from zz_desktop.ui.models.sql_list import ID_ROLE, SqlListModel
from zz_desktop.ui.widgets import heading


class OrganisationPage(QWidget):
    back = Signal()

    def __init__(self, store: Store, org_id: str, main: QWidget) -> None:
        super().__init__(main)
        self.store = store
        self.org_id = org_id
        self.main = main
        self.setObjectName("page_organisation_detail")
        lay = QVBoxLayout(self)

        top = QHBoxLayout()
        back = QPushButton("← " + self.tr("Back"), self)
        back.setObjectName("backButton")
        back.setToolTip(self.tr("Back (Alt+Left)"))
        back.clicked.connect(self.back.emit)
        top.addWidget(back)
        self.title = heading("", self)
        self.title.setObjectName("orgTitle")
        top.addWidget(self.title, 1)
        self.new_consultation = QPushButton(self.tr("New consultation (Ctrl+N)"), self)
        self.new_consultation.setObjectName("orgNewConsultation")
        self.new_consultation.setProperty("role", "primary")
        self.new_consultation.clicked.connect(lambda: main.new_consultation(self.org_id))  # type: ignore[attr-defined]
        edit = QPushButton(self.tr("&Edit"), self)
        edit.setObjectName("orgEdit")
        edit.clicked.connect(self.edit)
        history = QPushButton(self.tr("&History"), self)
        history.setObjectName("orgHistory")
        history.clicked.connect(self.show_history)
        delete = QPushButton(self.tr("&Delete"), self)
        delete.setObjectName("orgDelete")
        delete.clicked.connect(lambda: main.delete_record("organisation", self.org_id))  # type: ignore[attr-defined]
        for b in (self.new_consultation, edit, history, delete):
            top.addWidget(b)
        lay.addLayout(top)

        info = QFrame(self)
        info.setProperty("role", "card")
        grid = QGridLayout(info)
        self.facts: dict[str, QLabel] = {}
        captions = [
            ("address", self.tr("Address")),
            ("kreis", self.tr("Kreis")),
            ("contact", self.tr("Contact")),
            ("sme", self.tr("Size")),
            ("sector", self.tr("Sector (WZ)")),
            ("works_council", self.tr("Works council")),
        ]
        for i, (key, caption) in enumerate(captions):
            cap = QLabel(caption, info)
            cap.setProperty("role", "muted")
            val = QLabel(info)
            val.setObjectName(f"fact_{key}")
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            val.setWordWrap(True)
            grid.addWidget(cap, (i // 3) * 2, i % 3)
            grid.addWidget(val, (i // 3) * 2 + 1, i % 3)
            self.facts[key] = val
        hours_cap = QLabel(self.tr("In-depth advice so far"), info)
        hours_cap.setProperty("role", "muted")
        self.hours_bar = QProgressBar(info)
        self.hours_bar.setObjectName("inDepthHours")
        self.hours_bar.setRange(0, IN_DEPTH_CAP_HOURS * 10)
        self.hours_bar.setAccessibleName(self.tr("In-depth advice hours"))
        grid.addWidget(hours_cap, 4, 0)
        grid.addWidget(self.hours_bar, 5, 0, 1, 3)
        lay.addWidget(info)

        self.tabs = QTabWidget(self)
        self.persons = QTreeWidget(self)
        self.persons.setObjectName("orgPersons")
        self.persons.setHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("E-mail"), self.tr("Phone")]
        )
        self.persons.setRootIsDecorated(False)
        self.persons.setColumnWidth(0, 220)
        self.persons.itemActivated.connect(
            lambda item: main.open_record("person", item.data(0, Qt.ItemDataRole.UserRole))
        )  # type: ignore[attr-defined]
        persons_box = QWidget(self)
        pl = QVBoxLayout(persons_box)
        pl.addWidget(self.persons)
        add_person = QPushButton(self.tr("Add &person …"), persons_box)
        add_person.setObjectName("orgAddPerson")
        add_person.clicked.connect(self.add_person)
        pl.addWidget(add_person, 0, Qt.AlignmentFlag.AlignRight)
        self.consultations = SqlListModel(store, "consultation", self, load=False)
        self.consultations.filters = {"organisation_id": org_id}
        self.followups = SqlListModel(store, "followup", self, load=False)
        self.followups.filters = {"organisation_id": org_id}
        self.consultation_view = self._table(self.consultations, "orgConsultations")
        self.consultation_view.activated.connect(
            lambda ix: main.open_record("consultation", ix.data(ID_ROLE))
        )  # type: ignore[attr-defined]
        self.followup_view = self._table(self.followups, "orgFollowups")
        self.tabs.addTab(self.consultation_view, self.tr("Consultations"))
        self.tabs.addTab(persons_box, self.tr("Persons"))
        self.tabs.addTab(self.followup_view, self.tr("Follow-ups"))
        lay.addWidget(self.tabs, 1)
        self.reload()
        role_gate.gate(self, store)
        bus().changes.connect(self._on_changes)

    def _table(self, model: SqlListModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(26)
        for i, col in enumerate(model.columns):
            view.setColumnHidden(i, not col.visible or col.key in ("organisation", "kreis"))
            view.setColumnWidth(i, 110 if col.kind in ("date", "int", "enum") else 220)
        return view

    def reload(self) -> None:
        with self.store.read() as session:
            org: Organisation = records.get(
                session, Organisation, self.org_id, include_deleted=True
            )
            roles = dict(
                session.query(Affiliation.person_id, Affiliation.role)
                .filter(Affiliation.organisation_id == self.org_id, Affiliation.deleted.is_(False))
                .all()
            )
        self.title.setText(org.name)
        self.setAccessibleName(org.name)
        address = ", ".join(
            p for p in (org.street, " ".join(x for x in (org.postcode, org.city) if x)) if p
        )
        self.facts["address"].setText(address or "—")
        self.facts["kreis"].setText(listing.kreis_name(org.ags) or "—")
        self.facts["contact"].setText(
            "\n".join(x for x in (org.phone, org.email, org.website) if x) or "—"
        )
        size = enum_label("sme_class", org.sme_class)
        if org.employees is not None:
            staff = self.tr("%1 employees").replace("%1", fmt_number(org.employees))
            size = f"{size} ({staff})".strip()
        self.facts["sme"].setText(size or "—")
        self.facts["sector"].setText(org.sector_code or "—")
        self.facts["works_council"].setText(
            {True: self.tr("yes"), False: self.tr("no")}.get(org.works_council, "—")
        )  # type: ignore[arg-type]
        hours = organisations.in_depth_hours(self.store, self.org_id)
        self.hours_bar.setValue(min(int(hours * 10), IN_DEPTH_CAP_HOURS * 10))
        self.hours_bar.setFormat(
            self.tr("%1 of %2 h")
            .replace("%1", fmt_number(hours))
            .replace("%2", str(IN_DEPTH_CAP_HOURS))
        )
        self.hours_bar.setProperty("role", "warning" if hours >= IN_DEPTH_CAP_HOURS * 0.9 else "")
        self.hours_bar.style().polish(self.hours_bar)
        self.persons.clear()
        for p in persons.persons_of_organisation(self.store, self.org_id):
            name = ", ".join(x for x in (p.last_name, p.first_name) if x)
            item = QTreeWidgetItem(
                [name, enum_label("role", roles.get(p.id)), p.email or "", p.phone or ""]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            self.persons.addTopLevelItem(item)
        self.consultations.reload()
        self.followups.reload()
        self.tabs.setTabText(
            0, self.tr("Consultations (%1)").replace("%1", str(self.consultations.total()))
        )
        self.tabs.setTabText(
            1, self.tr("Persons (%1)").replace("%1", str(self.persons.topLevelItemCount()))
        )
        self.tabs.setTabText(
            2, self.tr("Follow-ups (%1)").replace("%1", str(self.followups.total()))
        )

    def edit(self) -> None:
        from zz_desktop.ui.dialogs.records import OrganisationDialog

        OrganisationDialog(self.store, self.org_id, self).show()

    def add_person(self) -> None:
        from zz_desktop.ui.dialogs.records import PersonDialog

        PersonDialog(self.store, None, self, organisation_id=self.org_id).show()

    def show_history(self) -> None:
        from zz_desktop.ui.dialogs.audit import AuditDialog

        AuditDialog(self.store, self.org_id, self.title.text(), self).show()

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches("organisation", "consultation", "person", "followup", "affiliation"):
            with self.store.read() as session:
                org = session.get(Organisation, self.org_id)
            if org is not None and not org.deleted:
                self.reload()
