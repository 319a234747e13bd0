"""Charts drawn with ``reportlab.graphics``: a labelled monthly column chart and a horizontal
bar chart for rankings (topics). Both use the embedded font and print their values."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from zz_desktop.reports.layout import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE, fmt_int


def column_chart(
    labels: Sequence[str],
    values: Sequence[int],
    width: float,
    height: float,
    title: str,
    y_title: str,
    lang: str,
) -> Drawing:
    """Columns per label (e.g. months) with the value above each column."""
    d = Drawing(width, height)
    d.add(String(0, height - 10, title, fontName=FONT_BOLD, fontSize=9, fillColor=INK))
    chart = VerticalBarChart()
    chart.x, chart.y = 38, 28
    chart.width, chart.height = width - 48, height - 58
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = MUTED
    chart.categoryAxis.strokeColor = RULE
    if len(labels) > 14:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    top = max(values, default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(5, int(top * 1.18) + 1)
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labelTextFormat = lambda v: fmt_int(int(v), lang)
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: fmt_int(int(v), lang)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 6
    d.add(chart)
    d.add(String(0, height - 22, y_title, fontName=FONT, fontSize=7, fillColor=MUTED))
    return d


def bar_ranking(
    labels: Sequence[str],
    values: Sequence[int],
    width: float,
    title: str,
    lang: str,
    label_width: float = 190,
) -> Drawing:
    """Horizontal bars, largest first from the top, with the label left and the value right."""
    n = max(1, len(values))
    bar_h = 13
    height = n * bar_h + 30
    d = Drawing(width, height)
    d.add(String(0, height - 10, title, fontName=FONT_BOLD, fontSize=9, fillColor=INK))
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 6
    chart.width, chart.height = width - label_width - 40, n * bar_h
    # ReportLab draws the first category at the bottom: reverse so the largest is on top.
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = [_shorten(s, label_width) for s in reversed(labels)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values, default=1) or 1
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 8
    chart.barLabelFormat = lambda v: fmt_int(int(v), lang)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _shorten(text: str, width: float) -> str:
    limit = int(width / 3.7)
    return text if len(text) <= limit else text[: limit - 1] + "…"
