"""One chart of the coordination dashboard with its table: a QtCharts bar, horizontal bar or line
chart, or a heat map (a coloured grid: QtCharts has none), above the table of the figures it
shows. The chart exports as PNG; the table is what CSV/XLSX export writes."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

# Shown for a cell that is not published (zero or under the threshold: the two look alike).
NOT_PUBLISHED = "–"
Values = list[int | None]


class ChartTab(QWidget):
    """``kind``: "bar", "hbar", "line" or "heat"."""

    def __init__(self, kind: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view: QWidget
        if kind == "heat":
            self.heat = QTableWidget(0, 0, self)
            self.heat.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.chart_view = self.heat
        else:
            view = QChartView(self.chart, self)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view = view
        self.chart_view.setMinimumHeight(240)
        layout.addWidget(self.chart_view, 3)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setObjectName(name + "Table")
        layout.addWidget(self.table, 2 if kind != "heat" else 0)
        if kind == "heat":
            self.table.hide()  # the grid is the table
        self.header: list[str] = []
        self.rows: list[list[str | int | None]] = []

    def show_figures(
        self, title: str, first: str, categories: list[str], series: dict[str, Values]
    ) -> None:
        """``categories`` along the axis (table rows), one value list per series (columns)."""
        self.header = [first, *series]
        self.rows = [[c, *(vals[i] for vals in series.values())] for i, c in enumerate(categories)]
        self._fill_table(self.table)
        self.chart.setTitle(title)
        if self.kind == "heat":
            self._fill_table(self.heat, colour=True)
        else:
            self._fill_chart(categories, series)

    def _fill_table(self, table: QTableWidget, colour: bool = False) -> None:
        table.clear()
        table.setColumnCount(len(self.header))
        table.setRowCount(len(self.rows))
        table.setHorizontalHeaderLabels(self.header)
        numbers = [v for row in self.rows for v in row[1:] if isinstance(v, int)]
        top = max(numbers, default=1) or 1
        for r, row in enumerate(self.rows):
            for c, value in enumerate(row):
                text = NOT_PUBLISHED if value is None else str(value)
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if colour and c and isinstance(value, int):
                    # White to the app's blue by the share of the largest cell.
                    share = value / top
                    item.setBackground(
                        QBrush(QColor(int(255 - 200 * share), int(255 - 140 * share), 255))
                    )
                    if share > 0.6:
                        item.setForeground(QBrush(QColor("white")))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        if colour:  # a grid of squares that reads as a map, not a list
            for c in range(1, table.columnCount()):
                table.setColumnWidth(c, max(56, table.columnWidth(c)))
            for r in range(table.rowCount()):
                table.setRowHeight(r, 40)

    def _fill_chart(self, categories: list[str], series: dict[str, Values]) -> None:
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        top = max([1, *(v for vals in series.values() for v in vals if v)])
        values_axis = QValueAxis()
        values_axis.setLabelFormat("%d")
        values_axis.setRange(0, top * 1.1)
        values_axis.applyNiceNumbers()
        if self.kind == "hbar":  # Qt draws the first category at the bottom: largest on top
            categories = categories[::-1]
            series = {name: vals[::-1] for name, vals in series.items()}
        cats = QBarCategoryAxis()
        cats.append(categories)
        if self.kind == "line":
            for name, vals in series.items():
                line = QLineSeries()
                line.setName(name)
                line.setPointsVisible(True)
                for i, v in enumerate(vals):
                    line.append(i, v or 0)
                chart.addSeries(line)
            chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
            for s in chart.series():
                s.attachAxis(cats)
                s.attachAxis(values_axis)
            return
        bars = QHorizontalBarSeries() if self.kind == "hbar" else QBarSeries()
        for name, vals in series.items():
            bar_set = QBarSet(name)
            for v in vals:
                bar_set.append(v or 0)
            bars.append(bar_set)
        chart.addSeries(bars)
        if self.kind == "hbar":
            chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(cats)
        bars.attachAxis(values_axis)

    def export_png(self, path: str) -> bool:
        return self.chart_view.grab().save(path, "PNG")
