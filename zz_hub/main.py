"""The FastAPI application factory: routers under ``/api/v1``, middleware, error handlers."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from zz_hub.api.deps import WriteGate
from zz_hub.api.middleware import HubMiddleware
from zz_hub.api.routes import (
    aggregates,
    auth,
    blobs,
    health,
    programme,
    reference,
    referral_aggregates,
    sync,
)
from zz_hub.config import HubSettings
from zz_hub.db import Busy, Database, is_overload, is_sqlite
from zz_hub.metrics import HubMetrics, MetricsMiddleware
from zz_hub.migrate import upgrade
from zz_hub.push_queue import PushQueue, database_applier

log = logging.getLogger("zz_hub")


def create_app(settings: HubSettings | None = None, *, migrate: bool = True) -> FastAPI:
    settings = settings or HubSettings()
    database = Database(
        settings.database,
        pool_size=settings.threads,
        pool_timeout=settings.busy_timeout_seconds,
        lock_timeout_ms=int(settings.busy_timeout_seconds * 1000),
    )
    if migrate:
        upgrade(database)
    from zz_hub import epoch, seq

    hub_epoch = epoch.current(database)
    with database.read() as session:
        bases = seq.epoch_bases(session)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # As many worker threads as database connections (see zz_hub.db).
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        # A thread back from the database gets the GIL within 1 ms (default 5 ms): the holder
        # of the sequence lock makes a dozen round trips and must not queue behind CPU-bound
        # threads serialising pages after each of them.
        sys.setswitchinterval(0.001)
        yield
        database.dispose()

    app = FastAPI(
        title="Zukunftszentren Hub", version="1", openapi_url="/openapi.json", lifespan=lifespan
    )
    app.state.settings = settings
    app.state.database = database
    # SQLite has one writer: more pushes at once would only queue inside the transaction.
    writers = 1 if is_sqlite(database.engine) else settings.write_concurrency
    app.state.write_gate = WriteGate(writers, settings.write_wait_seconds)
    app.state.push_queue = PushQueue(
        database_applier(database),
        app.state.write_gate.turn,
        settings.push_group_ops,
        enabled=settings.push_group_ops > 0,
    )
    # referral_aggregates before aggregates: its path is the more specific one.
    routers = (auth, reference, sync, programme, blobs, referral_aggregates, aggregates, health)
    for module in routers:
        app.include_router(module.router, prefix="/api/v1")
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=settings.gzip_level)
    app.state.metrics = None
    if settings.metrics:
        metrics = HubMetrics(database.engine)
        app.state.metrics = metrics
        app.add_middleware(MetricsMiddleware, metrics=metrics)

        @app.get("/metrics", include_in_schema=False)
        def _metrics() -> Response:
            body, content_type = metrics.exposition()
            return Response(content=body, media_type=content_type)

    # Outermost: rejects oversized or wrong-version requests before any routing or parsing.
    app.add_middleware(HubMiddleware, settings=settings, epoch=hub_epoch, bases=bases)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Name the offending places only: echoing the input could echo a password or a name.
        places = sorted({".".join(str(p) for p in err.get("loc", ())) for err in exc.errors()})
        return JSONResponse(
            status_code=422, content={"detail": "invalid request: " + ", ".join(places[:10])}
        )

    def crashed(exc: Exception) -> JSONResponse:
        # Type and stack only: messages of database errors quote row values (personal data).
        stack = "".join(traceback.format_tb(exc.__traceback__))
        log.error("unhandled error %s\n%s", type(exc).__name__, stack)
        return JSONResponse(status_code=500, content={"detail": "internal error"})

    # Handlers for specific classes answer and are done (a handler for Exception itself would
    # run in Starlette's outermost middleware, which re-raises and drops the connection).
    @app.exception_handler(Busy)
    @app.exception_handler(PoolTimeout)
    @app.exception_handler(DBAPIError)
    async def _busy(_request: Request, exc: Exception) -> JSONResponse:
        if not is_overload(exc):
            return crashed(exc)
        log.warning("overloaded: %s; answered 503", type(exc).__name__)
        return JSONResponse(
            status_code=503,
            content={"detail": "the hub is busy; please retry"},
            headers={"Retry-After": str(settings.retry_after_seconds)},
        )

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        return crashed(exc)

    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn zz_hub.main:app_from_env --factory --workers N`` (env settings)."""
    return create_app(HubSettings())
