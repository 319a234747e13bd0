"""The organisation page: its data (the WZ code with its label), persons, consultations,
follow-ups and the running hours of in-depth advice against the 80 h cap; from here Ctrl+N
records a consultation of a visit, and a person or a follow-up is added. Reads run on a worker
(services.organisations.load_page); the page holds no SQL."""

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
from shiboken6 import isValid

from zz_desktop.domain.validation import IN_DEPTH_CAP_HOURS
from zz_desktop.errors import NotFound
from zz_desktop.i18n import get_language
from zz_desktop.services import organisations
from zz_desktop.store.database import Store
from zz_desktop.ui import ops, role_gate
from zz_desktop.ui.bus import ChangeSet, bus
from zz_desktop.ui.labels import enum_label, fmt_number
from zz_desktop.ui.models.sql_list import ID_ROLE, SqlListModel
from zz_desktop.ui.widgets import heading


class OrganisationPage(QWidget):
    back = Signal()
    loaded = Signal()  # the page shows the current data (tests wait for it)

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
        add_person = QPushButton(self.tr("Add &person …"), self)
        add_person.setObjectName("orgAddPerson")
        add_person.setToolTip(self.tr("A new person of this organisation"))
        add_person.clicked.connect(self.add_person)
        add_followup = QPushButton(self.tr("Add &follow-up …"), self)
        add_followup.setObjectName("orgAddFollowup")
        add_followup.setToolTip(self.tr("A follow-up (Wiedervorlage) for this organisation"))
        add_followup.clicked.connect(self.add_followup)
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
        # The two additions sit next to the tabs they fill (keeps the header row narrow).
        corner = QWidget(self.tabs)
        cl = QHBoxLayout(corner)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(add_person)
        cl.addWidget(add_followup)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
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
        """Read the organisation on a worker; :meth:`_show` fills the page."""
        store, org_id, lang = self.store, self.org_id, get_language()
        ops.run_read(lambda: organisations.load_page(store, org_id, lang), self).success(
            self._show
        ).failure(self._load_failed).run()
        self.consultations.reload()
        self.followups.reload()

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, NotFound):  # deleted meanwhile: main window closes the page
            ops.show_error(self, error)

    def _show(self, data: organisations.OrgPageData) -> None:
        if not isValid(self) or data.deleted:
            return
        org = data.values
        self.title.setText(data.name)
        self.setAccessibleName(data.name)
        self.facts["address"].setText(data.address or "—")
        self.facts["kreis"].setText(data.kreis or "—")
        self.facts["contact"].setText(
            "\n".join(x for x in (org["phone"], org["email"], org["website"]) if x) or "—"
        )
        size = enum_label("sme_class", org["sme_class"])
        if org["employees"] is not None:
            staff = self.tr("%1 employees").replace("%1", fmt_number(org["employees"]))
            size = f"{size} ({staff})".strip()
        self.facts["sme"].setText(size or "—")
        sector = org["sector_code"] or "—"
        if org["sector_code"]:
            label = data.sector_label or self.tr("not in the code list")
            version = " (WZ 2008)" if org["sector_version"] == "WZ2008" else ""
            sector = f"{org['sector_code']} – {label}{version}"
        self.facts["sector"].setText(sector)
        self.facts["works_council"].setText(
            {True: self.tr("yes"), False: self.tr("no")}.get(org["works_council"], "—")
        )  # type: ignore[arg-type]
        hours = data.in_depth_hours
        self.hours_bar.setValue(min(int(hours * 10), IN_DEPTH_CAP_HOURS * 10))
        self.hours_bar.setFormat(
            self.tr("%1 of %2 h")
            .replace("%1", fmt_number(hours))
            .replace("%2", str(IN_DEPTH_CAP_HOURS))
        )
        self.hours_bar.setProperty("role", "warning" if hours >= IN_DEPTH_CAP_HOURS * 0.9 else "")
        self.hours_bar.style().polish(self.hours_bar)
        self.persons.clear()
        for p in data.persons:
            item = QTreeWidgetItem(
                [p.name, enum_label("role", p.role), p.email or "", p.phone or ""]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            self.persons.addTopLevelItem(item)
        self._count_tabs()
        self.loaded.emit()

    def _count_tabs(self) -> None:
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

    def add_followup(self) -> QWidget:
        from zz_desktop.ui.dialogs.followup_dialog import FollowUpDialog

        dialog = FollowUpDialog(self.store, self.org_id, self)
        dialog.show()
        return dialog

    def _on_changes(self, change: ChangeSet) -> None:
        if change.touches("organisation", "consultation", "person", "followup", "affiliation"):
            self.reload()
