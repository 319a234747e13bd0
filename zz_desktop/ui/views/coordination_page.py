"""The coordination dashboard of the coordinating centre: consultations per centre in a quarter
against the previous one (QtCharts) and the pattern alerts, from the cached published aggregates
only (services/coordination.py); the chart exports as PNG, the alert table as CSV."""

from __future__ import annotations

import datetime as dt

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
    QVBoxLayout,
    QWidget,
)

from zz_desktop import i18n
from zz_desktop.errors import UserError
from zz_desktop.reports.crosscentre import alert_key, dimension_name
from zz_desktop.reports.labels import Labeller
from zz_desktop.services import coordination
from zz_desktop.store.database import Store


class CoordinationPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data: coordination.Dashboard | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Quarter"), self))
        self.period = QComboBox(self)
        self.period.setObjectName("coordinationPeriod")
        top.addWidget(self.period)
        self.figures = QLabel("", self)
        self.figures.setObjectName("coordinationFigures")
        top.addWidget(self.figures, 1)
        self.png_button = QPushButton(self.tr("Chart as PNG…"), self)
        self.csv_button = QPushButton(self.tr("Alerts as CSV…"), self)
        top.addWidget(self.png_button)
        top.addWidget(self.csv_button)
        layout.addLayout(top)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("centreChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        layout.addWidget(self.chart_view, 1)
        layout.addWidget(QLabel(self.tr("Pattern alerts (Benjamini–Hochberg, 5 %)"), self))
        self.alerts = QTableWidget(0, 6, self)
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
        self.message = QLabel("", self)
        self.message.setObjectName("coordinationMessage")
        layout.addWidget(self.message)
        self.period.currentTextChanged.connect(self.show_period)
        self.png_button.clicked.connect(self._ask_png)
        self.csv_button.clicked.connect(self._ask_csv)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # A sync round may have fetched new figures since the page was last shown.
        self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        chosen = self.period.currentText()
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItems(list(reversed(coordination.cached_quarters(self.store))))
        if chosen:
            self.period.setCurrentText(chosen)
        self.period.blockSignals(False)
        if self.period.count():
            self.show_period(self.period.currentText())
        else:
            self.message.setText(self.tr("No figures yet: sync once with the hub."))

    def show_period(self, period: str) -> None:
        try:
            self.data = coordination.dashboard(self.store, period)
        except UserError as exc:
            self.data = None
            self.message.setText(exc.message)
            return
        self.message.setText("")
        stamp = dt.datetime.fromisoformat(self.data.figures_of.rstrip("Z"))
        when = stamp.strftime("%d.%m.%Y %H:%M")
        self.figures.setText(self.tr("Figures of {0} (UTC)").replace("{0}", when))
        self._fill_chart(self.data)
        self._fill_alerts(self.data)

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

    def _fill_alerts(self, data: coordination.Dashboard) -> None:
        lang = i18n.get_language()
        lab = Labeller(self.store, lang)
        self.alerts.setRowCount(len(data.alerts))
        for row, a in enumerate(data.alerts):
            values = [
                dimension_name(a.dimension, lang),
                alert_key(a, lab, lang),
                f"{100 * a.share:.1f} %",
                f"{100 * a.reference_share:.1f} %",
                f"{a.z:.2f}",
                f"{a.p_adjusted:.4f}",
            ]
            for col, value in enumerate(values):
                self.alerts.setItem(row, col, QTableWidgetItem(value))
        self.alerts.resizeColumnsToContents()

    def export_png(self, path: str) -> bool:
        return self.chart_view.grab().save(path, "PNG")

    def export_csv(self, path: str) -> None:
        coordination.alerts_csv(self.data.alerts if self.data else [], path)

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Chart as PNG…"), "", "PNG (*.png)")
        if path:
            self.export_png(path)

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Alerts as CSV…"), "", "CSV (*.csv)")
        if path:
            try:
                self.export_csv(path)
            except OSError as exc:
                self.message.setText(str(exc))
