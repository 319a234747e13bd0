"""The Reports page: choose a report, its period (month / quarter / year presets or any dates)
and language, build it off the GUI thread with progress, preview it (QtPdf), print it through the
system dialog or save it. Protocols are chosen from the consultations of the period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.domain import roles
from zz_desktop.reports.queries.period import Period
from zz_desktop.reports.queries.protocol import consultations_in
from zz_desktop.services import permissions
from zz_desktop.store.database import Store
from zz_desktop.ui import ops
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.dialogs.protocol_print import PdfPreview, print_pdf, save_pdf
from zz_desktop.ui.widgets import heading

PRESETS = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year")


def preset_period(preset: str, today: dt.date) -> Period:
    quarter = (today.month - 1) // 3 + 1
    if preset == "this_month":
        return Period.month(today.year, today.month)
    if preset == "last_month":
        first = today.replace(day=1) - dt.timedelta(days=1)
        return Period.month(first.year, first.month)
    if preset == "this_quarter":
        return Period.quarter(today.year, quarter)
    if preset == "last_quarter":
        return (
            Period.quarter(today.year - 1, 4)
            if quarter == 1
            else Period.quarter(today.year, quarter - 1)
        )
    if preset == "this_year":
        return Period.year(today.year)
    return Period.year(today.year - 1)


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    changed = Signal(int)


class ReportsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("page_reports")
        self.pdf: bytes = b""
        self.last_kind = ""
        self.last_id: str | None = None
        self._op: ops.Op | None = None
        self._loading = self._reload = False
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Reports"), self))

        form = QFormLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("report_kind")
        # Only the reports the role may make (roles table); reports.render refuses the others.
        rights = permissions.allowed_actions(store)
        for code, text in (
            ("activity", self.tr("Activity report")),
            ("esf", self.tr("ESF Plus indicator report")),
            ("selfemployed", self.tr("Self-employed situation report")),
            ("protocol", self.tr("Consultation record (Beratungsprotokoll)")),
        ):
            if roles.REPORT_ACTIONS[code] in rights:
                self.kind.addItem(text, code)
        form.addRow(self.tr("Report"), self.kind)

        self.preset = QComboBox(self)
        self.preset.setObjectName("report_preset")
        for code, text in zip(
            PRESETS,
            (
                self.tr("This month"),
                self.tr("Last month"),
                self.tr("This quarter"),
                self.tr("Last quarter"),
                self.tr("This year"),
                self.tr("Last year"),
            ),
            strict=True,
        ):
            self.preset.addItem(text, code)
        self.preset.addItem(self.tr("Custom period"), "custom")
        form.addRow(self.tr("Period"), self.preset)
        dates = QHBoxLayout()
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit, name in ((self.date_from, "report_from"), (self.date_to, "report_to")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            dates.addWidget(edit)
        dates.addStretch(1)
        form.addRow(self.tr("From – to"), dates)

        self.consultation = QComboBox(self)
        self.consultation.setObjectName("report_consultation")
        self.consultation_label = QLabel(self.tr("Consultation"), self)
        form.addRow(self.consultation_label, self.consultation)

        self.language = QComboBox(self)
        self.language.setObjectName("report_language")
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        form.addRow(self.tr("Language"), self.language)
        lay.addLayout(form)

        buttons = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("Create report"), self)
        self.print_button = QPushButton(self.tr("Print …"), self)
        self.save_button = QPushButton(self.tr("Save as …"), self)
        self.generate_button.setObjectName("report_generate")
        self.print_button.setObjectName("report_print")
        self.save_button.setObjectName("report_save")
        for b in (self.generate_button, self.print_button, self.save_button):
            buttons.addWidget(b)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        lay.addLayout(buttons)

        self.status = QLabel(self)
        self.status.setProperty("role", "muted")
        lay.addWidget(self.status)
        self.preview = PdfPreview(self)
        lay.addWidget(self.preview, 1)

        self._relay = _Progress(self)
        self._relay.changed.connect(self.progress.setValue)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_)
        self.save_button.clicked.connect(self.save)
        # Any other choice makes the shown report stale: print/save would hand out the old one.
        for combo in (self.kind, self.language):
            combo.currentIndexChanged.connect(self._invalidate)
        self.consultation.currentIndexChanged.connect(self._consultation_changed)
        self.date_from.dateChanged.connect(self._invalidate)
        self.date_to.dateChanged.connect(self._invalidate)
        self._generation = 0
        self.preset.setCurrentIndex(PRESETS.index("this_quarter"))
        self._preset_changed()
        self._kind_changed()
        self._update_buttons()
        if self.kind.count() == 0:
            self.generate_button.setEnabled(False)
            self.status.setText(
                self.tr("Your role (%1) may not make these reports.").replace(
                    "%1", roles.role_label(permissions.current_role(store))
                )
            )

    # -- choices ------------------------------------------------------------------------------

    def period(self) -> Period:
        return Period(self.date_from.date().toPython(), self.date_to.date().toPython())  # type: ignore[arg-type]

    def set_period(self, period: Period) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._set_dates(period)

    def _set_dates(self, period: Period) -> None:
        for edit, value in ((self.date_from, period.start), (self.date_to, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.blockSignals(False)
        self._invalidate()
        self._load_consultations()

    def _preset_changed(self) -> None:
        code = self.preset.currentData()
        if code != "custom":
            self._set_dates(preset_period(code, dt.date.today()))

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)
        self._load_consultations()

    def _kind_changed(self) -> None:
        protocol = self.kind.currentData() == "protocol"
        self.consultation.setVisible(protocol)
        self.consultation_label.setVisible(protocol)

    def _load_consultations(self) -> None:
        """Refill the consultation choice; one load at a time, the newest period wins."""
        if self._loading:
            self._reload = True
            return
        try:
            period = self.period()
        except Exception:  # noqa: BLE001  (an inverted range while typing: nothing to list)
            return
        self._loading, self._reload = True, False

        def fill(rows: list[tuple[str, dt.date, str]]) -> None:
            self._loading = False
            before = self.consultation.currentData()
            # Refill quietly and keep the choice: only a different consultation is a change.
            self.consultation.blockSignals(True)
            self.consultation.clear()
            for cid, date, title in rows:
                self.consultation.addItem(f"{date:%d.%m.%Y} – {title}", cid)
            if (at := self.consultation.findData(before)) >= 0:
                self.consultation.setCurrentIndex(at)
            self.consultation.blockSignals(False)
            if self.consultation.currentData() != before:
                self._consultation_changed()
            if self._reload:
                self._load_consultations()

        def failed(error: BaseException) -> None:
            self._loading = False
            ops.show_error(self, error)

        op = ops.run_read(lambda: consultations_in(self.store, period), self)
        op.success(fill).failure(failed).run()

    def _consultation_changed(self) -> None:
        if self.kind.currentData() == "protocol":  # only a protocol depends on it
            self._invalidate()

    def _invalidate(self) -> None:
        self._generation = getattr(self, "_generation", 0) + 1
        if not self.pdf:
            return
        self.pdf, self.last_kind, self.last_id = b"", "", None
        self.preview.clear()
        self.status.setText(self.tr("The choice has changed: create the report again."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.print_button.setEnabled(bool(self.pdf))
        self.save_button.setEnabled(bool(self.pdf))

    # -- actions ------------------------------------------------------------------------------

    def generate(self) -> ops.Op:
        from zz_desktop import reports

        kind = self.kind.currentData()
        cid = self.consultation.currentData() if kind == "protocol" else None
        lang = self.language.currentData()
        period = self.period()
        relay = self._relay
        generation = self._generation

        def work() -> bytes:
            return reports.render(
                self.store, kind, period, cid, lang, lambda pct, _stage: relay.changed.emit(pct)
            )

        def done(pdf: bytes) -> None:
            self.progress.setVisible(False)
            self.generate_button.setEnabled(True)
            if generation != self._generation:
                return  # the choices changed while it was built: this PDF is not the one asked
            self.pdf, self.last_kind, self.last_id = pdf, kind, cid
            self.preview.show_pdf(pdf)
            self.status.setText(self.tr("%n page(s)", "", self.preview.page_count()))
            self._update_buttons()

        def failed(error: BaseException) -> None:
            self.progress.setVisible(False)
            self.generate_button.setEnabled(True)
            ops.show_error(self, error)

        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.generate_button.setEnabled(False)
        self.status.setText(self.tr("Creating the report …"))
        self._op = ops.run_read(work, self, label=self.tr("Creating the report …"))
        return self._op.success(done).failure(failed).run()

    def _audit_protocol(self) -> None:
        if self.last_kind != "protocol" or not self.last_id:
            return
        from zz_desktop.services.report_audit import record_print

        cid = self.last_id
        ops.run_write(
            lambda: record_print(self.store, cid), self, ChangeSet.of("audit_entry", ids=[cid])
        ).run()

    def print_(self) -> None:
        if self.pdf and print_pdf(self.preview.document, self):
            self._audit_protocol()

    def save(self) -> None:
        if not self.pdf:
            return
        names = {
            "activity": "Taetigkeitsbericht",
            "esf": "ESF-Indikatoren",
            "protocol": "Beratungsprotokoll",
        }
        p = self.period()
        suggested = f"{names.get(self.last_kind, 'Bericht')}-{p.start:%Y%m%d}-{p.end:%Y%m%d}.pdf"
        if save_pdf(self.pdf, self, suggested) is not None:
            self._audit_protocol()
