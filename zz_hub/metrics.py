"""Prometheus metrics of one hub app (``/metrics``, on when ``ZZ_HUB_METRICS=true``).

Requests (by method, route template and status), latencies, pushed and pulled rows, rejected
and conflicting ops, login rate-limit hits and the database pool. Each app has a registry of its
own (tests run several apps in one process). With several uvicorn workers set
``PROMETHEUS_MULTIPROC_DIR`` to an empty directory: every worker then writes its values there and
a scrape of any worker reports the sum (prometheus-client's multiprocess mode).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


class _PoolCollector(Collector):
    """The SQLAlchemy pool's state, read at scrape time."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterable[GaugeMetricFamily]:
        pool = self.engine.pool
        family = GaugeMetricFamily(
            "zz_hub_db_pool_connections", "database pool connections by state", labels=["state"]
        )
        for state in ("size", "checkedin", "checkedout", "overflow"):
            reader = getattr(pool, state, None)
            if callable(reader):
                family.add_metric([state], float(reader()))
        yield family


class HubMetrics:
    def __init__(self, engine: Engine) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "zz_hub_requests", "HTTP requests", ["method", "route", "status"], registry=r
        )
        self.latency = Histogram(
            "zz_hub_request_duration_seconds",
            "HTTP request latency",
            ["route"],
            registry=r,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
        )
        self.push_rows = Counter("zz_hub_push_ops", "ops received by push", registry=r)
        self.pull_rows = Counter("zz_hub_pull_rows", "rows sent by pull", registry=r)
        self.op_results = Counter(
            "zz_hub_push_results", "push op results that were not applied", ["status"], registry=r
        )
        self.rate_limited = Counter(
            "zz_hub_login_rate_limited", "logins refused by the rate limit", registry=r
        )
        r.register(_PoolCollector(engine))

    def record_push(self, statuses: Iterable[str]) -> None:
        count = 0
        for status in statuses:
            count += 1
            if status != "applied":
                self.op_results.labels(status).inc()
        self.push_rows.inc(count)

    def exposition(self) -> tuple[bytes, str]:
        if os.environ.get(MULTIPROC_ENV):
            from prometheus_client import multiprocess

            merged = CollectorRegistry()
            multiprocess.MultiProcessCollector(merged)
            return generate_latest(merged), CONTENT_TYPE_LATEST
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class MetricsMiddleware:
    """Counts and times every HTTP request by its route template (never the raw path: ids in
    paths would make one series per record)."""

    def __init__(self, app: ASGIApp, metrics: HubMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.requests.labels(scope.get("method", ""), route, str(status)).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - started)
