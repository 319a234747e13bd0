"""The coordination dashboard's chart tabs: centres over time, topic trends, topic × WZ section
heat map, SMEs reached per Land and per Kreis, centre comparison — each a ChartTab filled from
the dashboard's view figures (services/coordination_views.py), labelled in the app's language."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from zz_desktop import i18n
from zz_desktop.reports.crosscentre import land_name
from zz_desktop.reports.labels import Labeller
from zz_desktop.services import coordination_views
from zz_desktop.store.database import Store
from zz_desktop.ui.views.coordination_charts import ChartTab

# Topic trends show the topics with the most consultations in the period.
TOP_TOPICS = 8
# SMEs per Kreis show the Kreise with the most SMEs reached.
TOP_KREISE = 20


class DashboardCharts(QObject):
    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.charts = {
            "centre_time": ChartTab("bar", "centreTimeChart", parent),
            "topic_trends": ChartTab("line", "topicTrendChart", parent),
            "topic_sector": ChartTab("heat", "topicSectorHeat", parent),
            "land_reach": ChartTab("bar", "landReachChart", parent),
            "kreis_reach": ChartTab("hbar", "kreisReachChart", parent),
            "centres": ChartTab("bar", "centreComparisonChart", parent),
        }

    def add_to(self, tabs: QTabWidget) -> None:
        titles = {
            "centre_time": self.tr("Centres over time"),
            "topic_trends": self.tr("Topic trends"),
            "topic_sector": self.tr("Topic × sector"),
            "land_reach": self.tr("SMEs per Land"),
            "kreis_reach": self.tr("SMEs per Kreis"),
            "centres": self.tr("Centre comparison"),
        }
        for key, tab in self.charts.items():
            tabs.addTab(tab, titles[key])

    def clear(self) -> None:
        for tab in self.charts.values():
            tab.show_figures("", "", [], {})

    def fill(
        self, figures: coordination_views.ViewFigures, year: coordination_views.ViewFigures
    ) -> None:
        lang = i18n.get_language()
        lab = Labeller(self.store, lang)
        consultations, smes = self.tr("Consultations"), self.tr("SMEs reached")
        # Centres over time: quarters along the axis, one bar set per centre.
        centres, quarters, grid = year.pivot("centre_quarter")
        self.charts["centre_time"].show_figures(
            self.tr("Consultations per centre and quarter"),
            self.tr("Quarter"),
            quarters,
            {c: [grid[i][j] for j in range(len(quarters))] for i, c in enumerate(centres)},
        )
        # Topic trends: the period's largest topics, one line each.
        topics, quarters, grid = year.pivot("topic_quarter")
        size = {tp: sum(v or 0 for v in grid[i]) for i, tp in enumerate(topics)}
        largest = sorted(topics, key=lambda tp: (-size[tp], tp))[:TOP_TOPICS]
        self.charts["topic_trends"].show_figures(
            self.tr("Consultations per topic and quarter"),
            self.tr("Quarter"),
            quarters,
            {lab.topic(tp): grid[topics.index(tp)] for tp in largest},
        )
        topics, sections, grid = figures.pivot("topic_sector")
        self.charts["topic_sector"].show_figures(
            self.tr("Consultations by topic and WZ section"),
            self.tr("Topic"),
            [lab.topic(tp) for tp in topics],
            {s: [grid[i][j] for i in range(len(topics))] for j, s in enumerate(sections)},
        )
        heat = self.charts["topic_sector"].heat
        for j, section in enumerate(sections, start=1):  # the letters' titles on hover
            item = heat.horizontalHeaderItem(j)
            if item is not None:
                item.setToolTip(lab.section(section))
        lands = figures.single("land_reach")
        self.charts["land_reach"].show_figures(
            self.tr("SMEs reached per Land"),
            self.tr("Land"),
            [land_name(k, lang) for k in lands],
            {smes: list(lands.values())},
        )
        kreise = dict(list(figures.single("kreis_reach").items())[:TOP_KREISE])
        self.charts["kreis_reach"].show_figures(
            self.tr("SMEs reached per Kreis"),
            self.tr("Kreis"),
            [lab.kreis(k) if k != "?" else lab.unknown for k in kreise],
            {smes: list(kreise.values())},
        )
        counted = figures.single("centre_consultations")
        reached = figures.single("centre_reach")
        names = sorted(set(counted) | set(reached))
        self.charts["centres"].show_figures(
            self.tr("Centre comparison"),
            self.tr("Centre"),
            names,
            {consultations: [counted.get(c) for c in names], smes: [reached.get(c) for c in names]},
        )
