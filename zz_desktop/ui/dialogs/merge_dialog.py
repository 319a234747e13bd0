"""Duplicate scan and merge: a list of possible duplicates (organisations and persons, with score
and reasons) and, for one pair, the two records side by side with a choice per field. The work
is done by :mod:`zz_desktop.services.duplicates` and :mod:`zz_desktop.services.merge`.

Entry points: :func:`open_duplicate_scan`, :func:`open_merge_dialog`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.services import duplicates, merge
from zz_desktop.services.duplicates import DuplicatePair
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet


def _text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


class MergeDialog(QDialog):
    """Two records side by side; per field a radio button says which value survives."""

    def __init__(
        self,
        store: Store,
        entity: str,
        first_id: str,
        second_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.store, self.entity = store, entity
        self.setWindowTitle(self.tr("Merge records"))
        found = merge.sides(store, entity, first_id, second_id)
        self.records = list(found.records)
        self.fields = found.fields
        self.survivor = 0
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose for each field which value the merged record keeps. Consultations, "
                "links, consents and everything else of both records are kept."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        lay.addWidget(scroll, 1)
        self.groups: dict[str, QButtonGroup] = {}
        self._fill()
        row = QHBoxLayout()
        swap = QPushButton(self.tr("Keep the right record instead"), self)
        swap.setObjectName("swapSurvivor")
        swap.clicked.connect(self.swap)
        row.addWidget(swap)
        row.addStretch(1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(820, 560)

    def _fill(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.groups = {}
        left, right = self.records[self.survivor], self.records[1 - self.survivor]
        heads = [self.tr("Field"), self.tr("Kept record"), self.tr("Merged into it")]
        for c, text in enumerate(heads):
            label = QLabel(f"<b>{text}</b>", self.grid_host)
            self.grid.addWidget(label, 0, c)
        labels = field_labels()
        r = 1
        for name in self.fields:
            a, b = left[name], right[name]
            if _text(a) == "—" and _text(b) == "—":
                continue
            self.grid.addWidget(QLabel(labels.get(name, name), self.grid_host), r, 0)
            group = QButtonGroup(self.grid_host)
            for c, value in ((1, a), (2, b)):
                button = QRadioButton(_text(value), self.grid_host)
                button.setObjectName(f"{name}_{'survivor' if c == 1 else 'other'}")
                group.addButton(button, c)
                self.grid.addWidget(button, r, c)
            # The default of the service: the kept value, or the other where none is kept.
            take_other = _text(a) == "—" and _text(b) != "—"
            group.button(2 if take_other else 1).setChecked(True)
            if a == b:
                group.button(2).setEnabled(False)
            self.groups[name] = group
            r += 1
        self.grid.setRowStretch(r, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)

    def swap(self) -> None:
        self.survivor = 1 - self.survivor
        self._fill()

    def choices(self) -> dict[str, str]:
        return {
            name: ("other" if group.checkedId() == 2 else "survivor")
            for name, group in self.groups.items()
        }

    def merge(self) -> None:
        survivor = self.records[self.survivor]["id"]
        other = self.records[1 - self.survivor]["id"]
        choices = self.choices()
        fn = merge.merge_organisations if self.entity == "organisation" else merge.merge_persons
        ops.run_write(
            lambda: fn(self.store, survivor, other, choices),
            self,
            ChangeSet.of(self.entity, ids=[survivor, other]),
        ).success(lambda _r: self.accept()).run()


class DuplicateScanDialog(QDialog):
    """All possible duplicates, best first; "Merge …" opens the side-by-side dialog."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateScan")
        self.store = store
        self.pairs: list[DuplicatePair] = []
        self.setWindowTitle(self.tr("Possible duplicates"))
        lay = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Searching …"), self)
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("duplicatePairs")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Record"),
                self.tr("Possible duplicate"),
                self.tr("Score"),
                self.tr("Why"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.merge_selected())
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = buttons.addButton(
            self.tr("Merge …"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.setObjectName("mergeSelected")
        self.merge_button.clicked.connect(self.merge_selected)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(900, 520)
        self.refresh()

    def refresh(self) -> None:
        store = self.store
        ops.run_read(lambda: duplicates.scan(store), self, label=self.tr("Searching …")).success(
            self.show_pairs
        ).run()

    def show_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = pairs
        self.table.setRowCount(len(pairs))
        kinds = {"organisation": self.tr("Organisation"), "person": self.tr("Person")}
        for r, p in enumerate(pairs):
            why = duplicates.reasons_text(p.reasons)
            for c, text in enumerate(
                (kinds[p.entity], p.first_label, p.second_label, str(p.score), why)
            ):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("%1 possible duplicates.").replace("%1", str(len(pairs))))
        if pairs:
            self.table.selectRow(0)

    def merge_selected(self) -> MergeDialog | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.pairs):
            return None
        pair = self.pairs[row]
        dialog = MergeDialog(self.store, pair.entity, pair.first_id, pair.second_id, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog


def field_labels() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("MergeFields", "Name"),
        "legal_form": QCoreApplication.translate("MergeFields", "Legal form"),
        "street": QCoreApplication.translate("MergeFields", "Street"),
        "postcode": QCoreApplication.translate("MergeFields", "Postcode"),
        "city": QCoreApplication.translate("MergeFields", "City"),
        "ags": QCoreApplication.translate("MergeFields", "Municipality key (AGS)"),
        "phone": QCoreApplication.translate("MergeFields", "Phone"),
        "email": QCoreApplication.translate("MergeFields", "E-mail"),
        "website": QCoreApplication.translate("MergeFields", "Website"),
        "sector_code": QCoreApplication.translate("MergeFields", "Sector code"),
        "sector_version": QCoreApplication.translate("MergeFields", "Classification"),
        "employees": QCoreApplication.translate("MergeFields", "Employees"),
        "turnover_band": QCoreApplication.translate("MergeFields", "Turnover"),
        "works_council": QCoreApplication.translate("MergeFields", "Works council"),
        "tags": QCoreApplication.translate("MergeFields", "Tags"),
        "source": QCoreApplication.translate("MergeFields", "Source"),
        "notes": QCoreApplication.translate("MergeFields", "Notes"),
        "salutation": QCoreApplication.translate("MergeFields", "Salutation"),
        "first_name": QCoreApplication.translate("MergeFields", "First name"),
        "last_name": QCoreApplication.translate("MergeFields", "Last name"),
        "gender": QCoreApplication.translate("MergeFields", "Gender"),
        "birth_year": QCoreApplication.translate("MergeFields", "Birth year"),
        "employment_status": QCoreApplication.translate("MergeFields", "Employment"),
        "education": QCoreApplication.translate("MergeFields", "Education"),
        "disability": QCoreApplication.translate("MergeFields", "Disability"),
        "third_country_national": QCoreApplication.translate(
            "MergeFields", "Third-country national"
        ),
        "foreign_origin": QCoreApplication.translate("MergeFields", "Foreign origin"),
        "minority": QCoreApplication.translate("MergeFields", "Minority"),
        "homeless": QCoreApplication.translate("MergeFields", "Homeless"),
        "rural_area": QCoreApplication.translate("MergeFields", "Rural area"),
    }


def open_duplicate_scan(store: Store, parent: QWidget | None = None) -> DuplicateScanDialog:
    """Show the duplicate scan (non-modal) and return it."""
    dialog = DuplicateScanDialog(store, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_merge_dialog(
    store: Store, entity: str, first_id: str, second_id: str, parent: QWidget | None = None
) -> MergeDialog:
    """Show the side-by-side merge of two organisations or two persons."""
    dialog = MergeDialog(store, entity, first_id, second_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
