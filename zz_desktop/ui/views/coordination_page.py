"""The coordination dashboard of the coordinating centre, from the cached published aggregates
only (services/coordination.py, services/coordination_views.py): the quarter against the previous
one with the pattern alerts, consultations per centre over time, topic trends, a topic × sector
heat map, SMEs reached per Land and per Kreis, and a centre comparison; filters for period,
centre, Land and topic (a filter choice not cached yet is fetched from the hub in the background,
never blocking the page). Every chart exports as PNG and its table as CSV and XLSX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from zz_desktop import i18n
from zz_desktop.domain import codelists
from zz_desktop.domain.patterns import Alert, concerns
from zz_desktop.errors import UserError
from zz_desktop.reports.crosscentre import alert_key, dimension_name, land_name
from zz_desktop.reports.labels import Labeller
from zz_desktop.services import coordination, coordination_views, tables
from zz_desktop.store.database import Store
from zz_desktop.ui.bus import ChangeSet
from zz_desktop.ui.ops import run_write
from zz_desktop.ui.views.coordination_charts import ChartTab
from zz_desktop.ui.views.coordination_tabs import DashboardCharts


class CoordinationPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data: coordination.Dashboard | None = None
        self.figures_data: coordination_views.ViewFigures | None = None
        self.fetching = False
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.period = self._combo("coordinationPeriod", filters, self.tr("Period"))
        self.centre = self._combo("coordinationCentre", filters, self.tr("Centre"))
        self.land = self._combo("coordinationLand", filters, self.tr("Land"))
        self.topic = self._combo("coordinationTopic", filters, self.tr("Topic"))
        self.fetch_button = QPushButton(self.tr("Fetch from the hub"), self)
        filters.addWidget(self.fetch_button)
        filters.addStretch(1)
        layout.addLayout(filters)
        top = QHBoxLayout()
        self.figures = QLabel("", self)
        self.figures.setObjectName("coordinationFigures")
        top.addWidget(self.figures, 1)
        self.png_button = QPushButton(self.tr("Chart as PNG…"), self)
        self.csv_button = QPushButton(self.tr("Table as CSV…"), self)
        self.xlsx_button = QPushButton(self.tr("Table as XLSX…"), self)
        for button in (self.png_button, self.csv_button, self.xlsx_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("coordinationTabs")
        self.tabs.addTab(self._alerts_tab(), self.tr("Quarter and alerts"))
        self.views = DashboardCharts(store, self)
        self.charts = self.views.charts
        self.views.add_to(self.tabs)
        layout.addWidget(self.tabs, 1)
        self.note = QLabel(
            self.tr(
                "Published counts (cell-key method): each differs from the true count by at"
                " most 2; '–' is zero or under the threshold, so totals need not add up."
                " Filters apply to the charts and choose the alerts shown (those about the"
                " chosen centre, Land or topic); the alerts are tested across the whole programme."
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.message = QLabel("", self)
        self.message.setObjectName("coordinationMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.period.currentTextChanged.connect(lambda _text: self.show_period(self.chosen_period()))
        for combo in (self.centre, self.land, self.topic):
            combo.currentIndexChanged.connect(lambda _i: self.show_period(self.chosen_period()))
        self.fetch_button.clicked.connect(self.fetch)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button.clicked.connect(lambda: self._ask_table("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_table("xlsx"))
        self.reload()

    def _combo(self, name: str, row: QHBoxLayout, label: str) -> QComboBox:
        row.addWidget(QLabel(label, self))
        combo = QComboBox(self)
        combo.setObjectName(name)
        row.addWidget(combo)
        return combo

    def _alerts_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart, tab)
        self.chart_view.setObjectName("centreChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        layout.addWidget(self.chart_view, 1)
        layout.addWidget(QLabel(self.tr("Pattern alerts (Benjamini–Hochberg, 5 %)"), tab))
        self.alerts = QTableWidget(0, 6, tab)
        self.alerts.setObjectName("alertTable")
        self.alerts.setHorizontalHeaderLabels(
            [
                self.tr("Dimension"),
                self.tr("Key"),
                self.tr("Share"),
                self.tr("Reference"),
                "z",
                self.tr("adj. p"),
            ]
        )
        self.alerts.horizontalHeader().setStretchLastSection(True)
        self.alerts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.alerts, 1)
        return tab

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # A sync round may have fetched new figures since the page was last shown.
        self.reload()
        super().showEvent(event)

    # ------------------------------------------------------------------ filters

    def chosen_period(self) -> str:
        return self.period.currentText()

    def chosen_filters(self) -> dict[str, str]:
        found = {
            "centre": self.centre.currentData(),
            "land": self.land.currentData(),
            "topic": self.topic.currentData(),
        }
        return {k: v for k, v in found.items() if v}

    def reload(self) -> None:
        chosen = self.period.currentText()
        periods = set(coordination.cached_quarters(self.store))
        periods |= set(coordination_views.periods(self.store))
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems(sorted(periods, reverse=True))
        if chosen:
            self.period.setCurrentText(chosen)
        self.period.blockSignals(False)
        if self.period.count():
            self.show_period(self.period.currentText())
        else:
            self.message.setText(self.tr("No figures yet: sync once with the hub."))

    def _fill_filters(self, period: str) -> None:
        """Centres and topics of the period's unfiltered figures; the 16 Länder."""
        lang = i18n.get_language()
        lab = Labeller(self.store, lang)
        whole = coordination_views.cached(self.store, period)
        centres: set[str] = set()
        topics: set[str] = set()
        if whole is not None:
            centres = {k[0] for k in whole.tables["centre_consultations"].cells}
            topics = {k[0] for k in whole.tables["topic_quarter"].cells}
        if self.data is not None:
            centres |= set(self.data.centres)
        options = {
            self.centre: [(c, c) for c in sorted(centres)],
            self.land: [
                (land.iso.removeprefix("DE-"), land_name(land.iso, lang))
                for land in codelists.laender()
            ],
            self.topic: sorted(((tp, lab.topic(tp)) for tp in topics), key=lambda kv: kv[1]),
        }
        everything = {
            self.centre: self.tr("All centres"),
            self.land: self.tr("All Länder"),
            self.topic: self.tr("All topics"),
        }
        for combo, items in options.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything[combo], None)
            for code, text in items:
                combo.addItem(text, code)
            at = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)

    # ------------------------------------------------------------------ showing

    def show_period(self, period: str) -> None:
        if not period:
            return
        notes: list[str] = []
        self.data = None
        if coordination._PERIOD.match(period):
            try:
                self.data = coordination.dashboard(self.store, period)
            except UserError as exc:
                notes.append(exc.message)
        else:
            notes.append(self.tr("Pattern alerts compare quarters: choose a quarter."))
        self._fill_filters(period)
        if self.data is not None:
            self._fill_chart(self.data)
            self._fill_alerts(self.data)
        else:
            self.chart.removeAllSeries()
            self.alerts.setRowCount(0)
        self.figures_data = coordination_views.cached(self.store, period, self.chosen_filters())
        if self.figures_data is None:
            notes.append(
                self.tr(
                    "The charts of {0} with these filters are not fetched yet: Fetch from the hub."
                ).replace("{0}", period)
            )
            self.views.clear()
        else:
            # Over time = the quarters of the period's year (when fetched), a quarter alone is
            # one point; the same cells as the quarter's own, so nothing new is published.
            year = coordination_views.cached(self.store, period[:4], self.chosen_filters())
            self.views.fill(self.figures_data, year or self.figures_data)
        stamps = [d.figures_of for d in (self.data, self.figures_data) if d is not None]
        if stamps:
            stamp = dt.datetime.fromisoformat(min(stamps).rstrip("Z"))
            when = stamp.strftime("%d.%m.%Y %H:%M")
            self.figures.setText(self.tr("Figures of {0} (UTC)").replace("{0}", when))
        self.message.setText(" · ".join(notes))

    def _fill_chart(self, data: coordination.Dashboard) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        before, now = QBarSet(data.previous), QBarSet(data.period)
        for prev, cur in data.centres.values():
            before.append(prev)
            now.append(cur)
        series = QBarSeries()
        series.append(before)
        series.append(now)
        self.chart.addSeries(series)
        self.chart.setTitle(self.tr("Consultations per centre"))
        x = QBarCategoryAxis()
        x.append(list(data.centres))
        y = QValueAxis()
        y.setLabelFormat("%d")
        y.setRange(0, max([1, *[max(p, c) for p, c in data.centres.values()]]) * 1.1)
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def shown_alerts(self) -> list[Alert]:
        """The alerts about the chosen centre, Land and topic (all without a filter)."""
        if self.data is None:
            return []
        chosen = self.chosen_filters()
        return [a for a in self.data.alerts if concerns(a, chosen)]

    def _fill_alerts(self, _data: coordination.Dashboard) -> None:
        lang = i18n.get_language()
        lab = Labeller(self.store, lang)
        shown = self.shown_alerts()
        self.alerts.setRowCount(len(shown))
        for row, a in enumerate(shown):
            values = [
                dimension_name(a.dimension, lang),
                alert_key(a, lab, lang),
                f"{100 * a.share:.1f} %",
                f"{100 * a.reference_share:.1f} %",
                f"{a.z:.2f}",
                f"{a.p_adjusted:.4f}",
            ]
            if lang == "de":
                values[2:] = [v.replace(".", ",") for v in values[2:]]
            for col, value in enumerate(values):
                self.alerts.setItem(row, col, QTableWidgetItem(value))
        self.alerts.resizeColumnsToContents()

    # ------------------------------------------------------------------ fetching

    def fetch(self) -> None:
        """Fetch the chosen period and filters from the hub (off the GUI thread)."""
        period, chosen = self.chosen_period(), self.chosen_filters()
        if not period or self.fetching:
            return
        self.fetching = True
        self.fetch_button.setEnabled(False)
        # A quarter's charts over time are its year's quarters: fetch the year too.
        wanted = list(dict.fromkeys([period, period[:4]]))

        def fetch_all() -> int:
            return sum(coordination_views.fetch_views(self.store, p, chosen) for p in wanted)

        def done(_result: object) -> None:
            self._fetched()
            self.show_period(period)

        def failed(exc: BaseException) -> None:
            self._fetched()
            self.message.setText(getattr(exc, "message", "") or str(exc))

        run_write(
            fetch_all,
            self,
            ChangeSet.of("coordination"),
        ).success(done).failure(failed).run()

    def _fetched(self) -> None:
        self.fetching = False
        self.fetch_button.setEnabled(True)

    # ------------------------------------------------------------------ export

    def current_table(self) -> tuple[list[str], list[list[str | int | None]]]:
        """The current tab's table: the alert table, or the figures behind the chart."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, ChartTab):
            return tab.header, tab.rows
        header = [
            self.alerts.horizontalHeaderItem(c).text() for c in range(self.alerts.columnCount())
        ]
        rows: list[list[str | int | None]] = [
            [self.alerts.item(r, c).text() for c in range(self.alerts.columnCount())]
            for r in range(self.alerts.rowCount())
        ]
        return header, rows

    def export_png(self, path: str) -> bool:
        tab = self.tabs.currentWidget()
        if isinstance(tab, ChartTab):
            return tab.export_png(path)
        return self.chart_view.grab().save(path, "PNG")

    def export_csv(self, path: str) -> None:
        if isinstance(self.tabs.currentWidget(), ChartTab):
            header, rows = self.current_table()
            tables.write_csv(Path(path), header, rows)
        else:  # the alerts with every figure behind them (machine-readable field names)
            coordination.alerts_csv(self.shown_alerts(), path)

    def export_xlsx(self, path: str) -> None:
        header, rows = self.current_table()
        sheet = self.tabs.tabText(self.tabs.currentIndex()).replace("×", "x")
        tables.write_xlsx(path, sheets={sheet: (header, rows)})

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Chart as PNG…"), "", "PNG (*.png)")
        if path:
            self.export_png(path)

    def _ask_table(self, kind: str) -> None:
        title = self.tr("Table as CSV…") if kind == "csv" else self.tr("Table as XLSX…")
        pattern = "CSV (*.csv)" if kind == "csv" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, title, "", pattern)
        if path:
            try:
                (self.export_csv if kind == "csv" else self.export_xlsx)(path)
            except OSError as exc:
                self.message.setText(str(exc))
