"""The import wizard: choose a file → preview (detected encoding and separator) → column mapping
(combo boxes, saved mappings) → validation with per-row reasons and duplicate decisions →
import with progress → summary with "undo import". The work is done by
:mod:`zz_desktop.services.importing`; this module only asks and shows.

Entry point: :func:`open_import_wizard`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from zz_desktop.errors import UserError
from zz_desktop.importexport.mapping import TARGETS, check_mapping
from zz_desktop.importexport.report import default_report_path
from zz_desktop.importexport.sources import read_source
from zz_desktop.importexport.table import SourceTable
from zz_desktop.services import importing
from zz_desktop.services.duplicates import reasons_text
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet

ENCODINGS = ("", "utf-8", "utf-8-sig", "windows-1252", "iso-8859-1", "utf-16")
DELIMITERS = ("", ";", ",", "\t", "|")
_AMBER, _RED, _GREEN = QColor("#fff4d6"), QColor("#fde2e1"), QColor("#e3f4e1")


def _item(text: str, tip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tip:
        item.setToolTip(tip)
    return item


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr(
                "Contact lists from Excel (.xlsx), CSV exports of Outlook, Thunderbird, CRM or "
                "registration tools, or vCards (.vcf)."
            )
        )
        lay = QHBoxLayout(self)
        self.path = QLineEdit(self)
        self.path.setObjectName("importFile")
        self.path.setAccessibleName(self.tr("File"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Choose …"), self)
        browse.clicked.connect(self._browse)
        lay.addWidget(self.path, 1)
        lay.addWidget(browse)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a contact list"),
            "",
            self.tr("Contact lists (*.csv *.txt *.tsv *.xlsx *.vcf);;All files (*)"),
        )
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()

    def validatePage(self) -> bool:
        return self.wiz.load(Path(self.path.text().strip()))


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.detected = QLabel(self)
        self.detected.setObjectName("detected")
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("encoding")
        self.delimiter = QComboBox(self)
        self.delimiter.setObjectName("delimiter")
        for code in ENCODINGS:
            self.encoding.addItem(code or self.tr("detect automatically"), code)
        names = {";": self.tr("semicolon ;"), ",": self.tr("comma ,"), "\t": self.tr("tab")}
        for code in DELIMITERS:
            self.delimiter.addItem(names.get(code, code) or self.tr("detect automatically"), code)
        self.encoding.activated.connect(self._reload)
        self.delimiter.activated.connect(self._reload)
        form.addRow(self.tr("Detected:"), self.detected)
        form.addRow(self.tr("Encoding:"), self.encoding)
        form.addRow(self.tr("Separator:"), self.delimiter)
        lay.addLayout(form)
        self.table = QTableWidget(self)
        self.table.setObjectName("preview")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        lay.addWidget(self.table, 1)

    def initializePage(self) -> None:
        self.show_table(self.wiz.table)

    def _reload(self) -> None:
        self.wiz.load(
            self.wiz.path, self.encoding.currentData() or None, self.delimiter.currentData() or None
        )
        self.show_table(self.wiz.table)

    def show_table(self, table: SourceTable | None) -> None:
        if table is None:
            return
        kind = {"csv": "CSV", "xlsx": "Excel", "vcard": "vCard"}[table.kind]
        parts = [kind]
        if table.encoding:
            parts.append(table.encoding)
        if table.delimiter:
            parts.append(self.tr("separator %1").replace("%1", repr(table.delimiter)))
        if table.sheet:
            parts.append(self.tr("sheet %1").replace("%1", table.sheet))
        parts.append(self.tr("rows: %1").replace("%1", str(len(table.rows))))
        if table.empty_lines:
            parts.append(self.tr("empty lines skipped: %1").replace("%1", str(table.empty_lines)))
        self.detected.setText(" · ".join(parts))
        preview = table.preview(20)
        self.table.setColumnCount(len(table.headers))
        self.table.setRowCount(len(preview))
        self.table.setHorizontalHeaderLabels(table.headers)
        for r, cells in enumerate(preview):
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, _item(cell.replace("\n", " ⏎ ")))
        self.table.resizeColumnsToContents()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Column mapping"))
        self.setSubTitle(self.tr("Which column feeds which field? Columns set to '—' are ignored."))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.saved = QComboBox(self)
        self.saved.setObjectName("savedMappings")
        self.saved.setAccessibleName(self.tr("Saved mapping"))
        self.saved.activated.connect(self._apply_saved)
        save = QPushButton(self.tr("Save mapping …"), self)
        save.setObjectName("saveMapping")
        save.clicked.connect(self._save)
        row.addWidget(QLabel(self.tr("Saved mapping:"), self))
        row.addWidget(self.saved, 1)
        row.addWidget(save)
        lay.addLayout(row)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("mapping")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Field")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)
        self.problem = QLabel(self)
        self.problem.setObjectName("mappingProblem")
        self.problem.setStyleSheet("color: #b3261e")
        lay.addWidget(self.problem)
        self.combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("Automatic guess"), "")
        for name in importing.mapping_names(self.wiz.store):
            self.saved.addItem(name, name)
        self.show_mapping(importing.mapping_for(self.wiz.store, self.wiz.table))  # type: ignore[arg-type]

    def show_mapping(self, mapping: dict[str, str | None]) -> None:
        table = self.wiz.table
        assert table is not None
        self.table.setRowCount(len(table.headers))
        self.combos = {}
        labels = target_labels()
        for r, header in enumerate(table.headers):
            example = next((row.cells[r] for row in table.rows if row.cells[r]), "")
            self.table.setItem(r, 0, _item(header))
            self.table.setItem(r, 1, _item(example.replace("\n", " ⏎ ")[:60]))
            box = QComboBox(self.table)
            box.setAccessibleName(self.tr("Field for column %1").replace("%1", header))
            box.addItem("—", "")
            for target in TARGETS:
                box.addItem(labels[target], target)
            box.setCurrentIndex(max(0, box.findData(mapping.get(header) or "")))
            box.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(r, 2, box)
            self.combos[header] = box
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 200)
        self._changed()

    def mapping(self) -> dict[str, str | None]:
        return {h: (box.currentData() or None) for h, box in self.combos.items()}

    def _changed(self) -> None:
        problems = check_mapping(self.mapping())
        self.problem.setText(problems[0] if problems else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not check_mapping(self.mapping())

    def _apply_saved(self) -> None:
        name = self.saved.currentData()
        self.show_mapping(importing.mapping_for(self.wiz.store, self.wiz.table, name or None))  # type: ignore[arg-type]

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save mapping"), self.tr("Name:"))
        if ok and name.strip():
            self.save_as(name.strip())

    def save_as(self, name: str) -> None:
        importing.save_mapping(self.wiz.store, name, self.mapping())
        if self.saved.findData(name) < 0:
            self.saved.addItem(name, name)
        self.saved.setCurrentIndex(self.saved.findData(name))

    def validatePage(self) -> bool:
        self.wiz.mapping = self.mapping()
        return True


class CheckPage(QWizardPage):
    COLUMNS = 5

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Check"))
        lay = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("checkRows")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Record"),
                self.tr("Result"),
                self.tr("Details"),
                self.tr("Decision"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(34)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.decisions: dict[int, QComboBox] = {}
        self.ready = False

    def initializePage(self) -> None:
        self.ready = False
        self.table.setRowCount(0)
        self.summary.setText(self.tr("Checking the rows …"))
        store, table, mapping = self.wiz.store, self.wiz.table, self.wiz.mapping
        ops.run_read(
            lambda: importing.plan_import(store, table, mapping),  # type: ignore[arg-type]
            self,
            label=self.tr("Checking the rows …"),
        ).success(self.show_plan).run()

    def show_plan(self, plan: importing.ImportPlan) -> None:
        self.wiz.plan = plan
        self.decisions = {}
        self.table.setRowCount(len(plan.rows))
        for r, row in enumerate(plan.rows):
            data = row.data.person or row.data.organisation or {}
            name = " ".join(str(data.get(k) or "") for k in ("first_name", "last_name")).strip()
            if row.data.person and row.data.organisation:
                name += f" · {row.data.organisation['name']}"
            name = name or str(data.get("name") or "")
            self.table.setItem(r, 0, _item(str(row.number)))
            self.table.setItem(r, 1, _item(name))
            status, details, colour = self._describe(row)
            self.table.setItem(r, 2, _item(status))
            self.table.setItem(r, 3, _item(details, details))
            for c in range(4):
                self.table.item(r, c).setBackground(QBrush(colour))  # type: ignore[union-attr]
            if row.status != importing.REJECTED and (row.match or row.similar):
                self.table.setCellWidget(r, 4, self._decision_box(row))
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 280)
        self.table.setColumnWidth(2, 140)
        self.table.setColumnWidth(4, 250)
        self.table.resizeRowsToContents()
        new = plan.count(importing.NEW)
        dup = plan.count(importing.DUPLICATE)
        bad = plan.count(importing.REJECTED)
        self.summary.setText(
            self.tr("%1 new, %2 already known (will be linked), %3 rejected.")
            .replace("%1", str(new))
            .replace("%2", str(dup))
            .replace("%3", str(bad))
            + (" " + self.tr("Rejected rows are written to a report file.") if bad else "")
        )
        self.ready = True
        self.completeChanged.emit()

    def _describe(self, row: importing.PlannedRow) -> tuple[str, str, QColor]:
        if row.status == importing.REJECTED:
            return self.tr("rejected"), "; ".join(row.data.errors), _RED
        notes = list(row.data.warnings)
        if row.match is not None:
            where = (
                self.tr("an earlier row of this file")
                if row.match.id.startswith("row:")
                else row.match.label
            )
            notes.insert(
                0,
                self.tr("Same as %1 (%2)")
                .replace("%1", where)
                .replace("%2", reasons_text(row.match.reasons)),
            )
            return self.tr("already known"), "; ".join(notes), _AMBER
        if row.similar:
            best = row.similar[0]
            notes.insert(
                0,
                self.tr("Similar to %1 (%2, score %3)")
                .replace("%1", best.label)
                .replace("%2", reasons_text(best.reasons))
                .replace("%3", str(best.score)),
            )
            return self.tr("new, check"), "; ".join(notes), _AMBER
        return (
            (self.tr("new, with warnings") if notes else self.tr("new")),
            "; ".join(notes),
            _GREEN,
        )

    def _decision_box(self, row: importing.PlannedRow) -> QComboBox:
        box = QComboBox(self.table)
        box.setAccessibleName(self.tr("Decision for line %1").replace("%1", str(row.number)))
        target = row.match or row.similar[0]
        box.addItem(self.tr("Link to %1").replace("%1", target.label), (importing.LINK, target.id))
        box.addItem(self.tr("Create anyway"), (importing.CREATE, None))
        box.addItem(self.tr("Skip"), (importing.SKIP, None))
        box.setCurrentIndex(0 if row.decision == importing.LINK else 1)

        def chosen(_index: int) -> None:
            decision, link_to = box.currentData()
            row.decision = decision
            row.link_to = link_to if decision == importing.LINK else row.link_to

        box.currentIndexChanged.connect(chosen)
        self.decisions[row.number] = box
        return box

    def isComplete(self) -> bool:
        return self.ready

    def validatePage(self) -> bool:
        plan = self.wiz.plan
        if plan is not None and any(r.status != importing.REJECTED for r in plan.rows):
            return True
        QMessageBox.information(
            self, self.tr("Nothing to import"), self.tr("Every row was rejected.")
        )
        return False


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        lay = QVBoxLayout(self)
        self.label = QLabel(self.tr("Importing …"), self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.bar.setRange(0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        store, plan = self.wiz.store, self.wiz.plan
        assert plan is not None and self.wiz.path is not None
        report = default_report_path(self.wiz.path)
        ops.run_write(
            lambda: importing.run_import(store, plan, report_path=report),
            self,
            ChangeSet.of("organisation", "person", "affiliation"),
            label=self.tr("Importing …"),
        ).success(self._finished).failure(self._failed).run()

    def _finished(self, result: importing.ImportResult) -> None:
        self.wiz.result = result
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.done = True
        self.completeChanged.emit()
        self.wiz.next()

    def _failed(self, error: BaseException) -> None:
        self.bar.setRange(0, 1)
        self.label.setText(str(error))
        ops.show_error(self, error)

    def isComplete(self) -> bool:
        return self.done


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Summary"))
        lay = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("importSummary")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.text)
        self.undo = QPushButton(self.tr("Undo import"), self)
        self.undo.setObjectName("undoImport")
        self.undo.clicked.connect(self._undo)
        row = QHBoxLayout()
        row.addWidget(self.undo)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)

    def initializePage(self) -> None:
        result = self.wiz.result
        assert result is not None
        lines = [
            self.tr("%1 imported, %2 linked to existing records, %3 skipped, %4 rejected.")
            .replace("%1", str(result.imported))
            .replace("%2", str(result.linked))
            .replace("%3", str(result.skipped))
            .replace("%4", str(result.rejected))
        ]
        if result.report_path:
            lines.append(
                self.tr("The rejected rows and their reasons are in %1.").replace(
                    "%1", str(result.report_path)
                )
            )
        created = result.created
        lines.append(
            self.tr("Created: %1 organisations, %2 persons, %3 links.")
            .replace("%1", str(len(created.get("organisation", []))))
            .replace("%2", str(len(created.get("person", []))))
            .replace("%3", str(len(created.get("affiliation", []))))
        )
        self.text.setText("\n\n".join(lines))
        self.undo.setEnabled(bool(result.batch_id))

    def _undo(self) -> None:
        result = self.wiz.result
        if result is None or not result.batch_id:
            return
        batch = result.batch_id
        ops.run_write(
            lambda: importing.undo_import(self.wiz.store, batch),
            self,
            ChangeSet.of("organisation", "person", "affiliation"),
        ).success(self._undone).run()

    def _undone(self, _counts: Any) -> None:
        self.undo.setEnabled(False)
        self.text.setText(self.text.text() + "\n\n" + self.tr("The import has been undone."))


def target_labels() -> dict[str, str]:
    return {
        "organisation.name": QCoreApplication.translate("ImportFields", "Organisation: name"),
        "organisation.legal_form": QCoreApplication.translate(
            "ImportFields", "Organisation: legal form"
        ),
        "organisation.street": QCoreApplication.translate("ImportFields", "Organisation: street"),
        "organisation.postcode": QCoreApplication.translate(
            "ImportFields", "Organisation: postcode"
        ),
        "organisation.city": QCoreApplication.translate("ImportFields", "Organisation: city"),
        "organisation.state": QCoreApplication.translate(
            "ImportFields", "Organisation: Land (check only)"
        ),
        "organisation.ags": QCoreApplication.translate(
            "ImportFields", "Organisation: municipality key (AGS)"
        ),
        "organisation.phone": QCoreApplication.translate("ImportFields", "Organisation: phone"),
        "organisation.email": QCoreApplication.translate("ImportFields", "Organisation: e-mail"),
        "organisation.website": QCoreApplication.translate("ImportFields", "Organisation: website"),
        "organisation.sector_code": QCoreApplication.translate(
            "ImportFields", "Organisation: sector code (WZ)"
        ),
        "organisation.employees": QCoreApplication.translate(
            "ImportFields", "Organisation: employees"
        ),
        "organisation.notes": QCoreApplication.translate("ImportFields", "Organisation: notes"),
        "person.salutation": QCoreApplication.translate("ImportFields", "Person: salutation"),
        "person.first_name": QCoreApplication.translate("ImportFields", "Person: first name"),
        "person.last_name": QCoreApplication.translate("ImportFields", "Person: last name"),
        "person.full_name": QCoreApplication.translate("ImportFields", "Person: full name"),
        "person.gender": QCoreApplication.translate("ImportFields", "Person: gender"),
        "person.birth_year": QCoreApplication.translate(
            "ImportFields", "Person: birth year or birthday"
        ),
        "person.postcode": QCoreApplication.translate("ImportFields", "Person: postcode"),
        "person.email": QCoreApplication.translate("ImportFields", "Person: e-mail"),
        "person.phone": QCoreApplication.translate("ImportFields", "Person: phone"),
        "person.mobile": QCoreApplication.translate("ImportFields", "Person: mobile phone"),
        "person.notes": QCoreApplication.translate("ImportFields", "Person: notes"),
        "affiliation.function_title": QCoreApplication.translate(
            "ImportFields", "Person: job title"
        ),
    }


class ImportWizard(QWizard):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.store = store
        self.path: Path | None = None
        self.table: SourceTable | None = None
        self.mapping: dict[str, str | None] = {}
        self.plan: importing.ImportPlan | None = None
        self.result: importing.ImportResult | None = None
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.check_page.setCommitPage(True)
        self.check_page.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.run_page = RunPage(self)
        self.summary_page = SummaryPage(self)
        for page in (
            self.file_page,
            self.preview_page,
            self.mapping_page,
            self.check_page,
            self.run_page,
            self.summary_page,
        ):
            self.addPage(page)
        self.resize(980, 640)

    def load(self, path: Path, encoding: str | None = None, delimiter: str | None = None) -> bool:
        try:
            self.table = read_source(path, encoding, delimiter)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("The file cannot be read"), exc.message)
            return False
        self.path = path
        return True


def open_import_wizard(store: Store, parent: QWidget | None = None) -> ImportWizard:
    """Show the import wizard (non-modal) and return it."""
    wizard = ImportWizard(store, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard
