"""The FastAPI application factory: routers under ``/api/v1``, middleware, error handlers."""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse

from zz_hub.api.middleware import HubMiddleware
from zz_hub.api.routes import aggregates, auth, health, reference, sync
from zz_hub.config import HubSettings
from zz_hub.db import Database
from zz_hub.migrate import upgrade

log = logging.getLogger("zz_hub")


def create_app(settings: HubSettings | None = None, *, migrate: bool = True) -> FastAPI:
    settings = settings or HubSettings()
    database = Database(settings.database)
    if migrate:
        upgrade(database)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    app = FastAPI(
        title="Zukunftszentren Hub", version="1", openapi_url="/openapi.json", lifespan=lifespan
    )
    app.state.settings = settings
    app.state.database = database
    for module in (auth, reference, sync, aggregates, health):
        app.include_router(module.router, prefix="/api/v1")
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    # Outermost: rejects oversized or wrong-version requests before any routing or parsing.
    app.add_middleware(HubMiddleware, settings=settings)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Name the offending places only: echoing the input could echo a password or a name.
        places = sorted({".".join(str(p) for p in err.get("loc", ())) for err in exc.errors()})
        return JSONResponse(
            status_code=422, content={"detail": "invalid request: " + ", ".join(places[:10])}
        )

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        # Type and stack only: messages of database errors quote row values (personal data).
        stack = "".join(traceback.format_tb(exc.__traceback__))
        log.error("unhandled error %s\n%s", type(exc).__name__, stack)
        return JSONResponse(status_code=500, content={"detail": "internal error"})

    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn zz_hub.main:app_from_env --factory --workers N`` (env settings)."""
    return create_app(HubSettings())
