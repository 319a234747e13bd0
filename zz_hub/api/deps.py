"""Typed dependencies: settings, sessions, the authenticated device and the caller's centre scope.

Authentication and tenancy are applied here and nowhere else: routes that touch synced rows take
``ReadTenant`` / ``WriteTenant``, which open read or write transactions as a :class:`CentreScope`
bound to the caller's centre, and cannot name another centre. Routes open their sessions inside
their own body (never in a generator dependency), so a request holds a database connection only
while it runs in a worker thread — with as many connections as threads, nothing waits for one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import update

from zz_hub import device_tokens
from zz_hub.config import HubSettings
from zz_hub.db import Busy, Database
from zz_hub.metrics import HubMetrics
from zz_hub.models import Device
from zz_hub.push_queue import PushQueue
from zz_hub.security import security_log, utcnow
from zz_hub.tenancy import PROGRAMME, Caller, CentreScope
from zz_protocol.schemas import CLIENT_VERSION_HEADER

#: Roles that read and write records of their centre (coordinators get aggregates only).
RECORD_ROLES = frozenset({"advisor", "manager"})


# Dependencies that only read app state or check what an earlier one found are ``async def``:
# FastAPI runs a plain ``def`` dependency in the thread pool, one hop per dependency and request,
# and those hops were a visible part of the hub's CPU under B3. Those that touch the database
# (``current_caller``) stay plain functions, off the event loop.


async def get_settings(request: Request) -> HubSettings:
    settings: HubSettings = request.app.state.settings
    return settings


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


SettingsDep = Annotated[HubSettings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]


async def get_metrics(request: Request) -> HubMetrics | None:
    """The app's metrics, or None when ``ZZ_HUB_METRICS`` is off."""
    metrics: HubMetrics | None = getattr(request.app.state, "metrics", None)
    return metrics


MetricsDep = Annotated[HubMetrics | None, Depends(get_metrics)]


_UNAUTHORISED = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="not authenticated",
    headers={"WWW-Authenticate": "Bearer"},
)


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _UNAUTHORISED
    return token.strip()


def current_caller(request: Request, database: DatabaseDep, settings: SettingsDep) -> Caller:
    """The device behind the bearer token, checked against the database on every request.

    An idle-expired token is refused; a token due for rotation is replaced, the new one handed
    to ``HubMiddleware`` (``request.state``) for the ``X-Device-Token`` answer header."""
    found = device_tokens.find(database, bearer_token(request))
    if found is None:
        raise _UNAUTHORISED
    device, user = found.device, found.user
    if device.revoked_at is not None or not user.active:
        raise _UNAUTHORISED
    if device_tokens.idle_expired(settings, device, utcnow()):
        security_log.info("device token expired (idle) device_id=%s", device.id)
        raise _UNAUTHORISED
    # For the answer's X-Hub-Epoch header: the base of the caller's own centre.
    request.state.centre_id = user.centre_id
    rotated = device_tokens.settle(database, settings, found)
    if rotated is not None:
        request.state.rotated_token = rotated
    _touch(database, device, settings, client_version(request))
    return Caller(
        user_id=user.id,
        username=user.username,
        device_id=device.id,
        role=user.role,
        centre_id=user.centre_id,
    )


def client_version(request: Request) -> str | None:
    """The desktop release named by the request (cut to the column's size), if any."""
    raw = request.headers.get(CLIENT_VERSION_HEADER)
    return raw.strip()[:40] or None if raw else None


def _touch(database: Database, device: Device, settings: HubSettings, version: str | None) -> None:
    now = utcnow()
    interval = dt.timedelta(seconds=settings.last_seen_interval_seconds)
    fresh = device.last_seen_at is not None and now - device.last_seen_at < interval
    # A new release is written at once (an admin checking an upgrade should see it).
    if fresh and (version is None or version == device.client_version):
        return
    values: dict[str, object] = {"last_seen_at": now}
    if version is not None:
        values["client_version"] = version
    with database.write() as session:
        session.execute(update(Device).where(Device.id == device.id).values(**values))


CurrentDevice = Annotated[Caller, Depends(current_caller)]


async def record_caller(caller: CurrentDevice) -> Caller:
    """A caller allowed to read and write its centre's records."""
    if caller.role not in RECORD_ROLES or caller.centre_id is None:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="forbidden")
    return caller


RecordCaller = Annotated[Caller, Depends(record_caller)]


async def coordinator_caller(caller: CurrentDevice) -> Caller:
    if caller.role != "coordinator":
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="forbidden")
    return caller


CoordinatorCaller = Annotated[Caller, Depends(coordinator_caller)]


class ReadTenancy:
    """Opens read transactions bound to the caller's centre inside the route, so that the
    connection is held only while the route runs in its thread."""

    def __init__(self, database: Database, caller: Caller) -> None:
        assert caller.centre_id is not None
        self.database = database
        self.centre_id = caller.centre_id
        #: The reading device (pulls with ``skip_own`` leave out rows it holds already).
        self.device_id: str | None = caller.device_id

    @contextmanager
    def read(self) -> Iterator[CentreScope]:
        with self.database.read() as session:
            yield CentreScope(session, self.centre_id)


async def read_tenancy(caller: RecordCaller, database: DatabaseDep) -> ReadTenancy:
    return ReadTenancy(database, caller)


ReadTenant = Annotated[ReadTenancy, Depends(read_tenancy)]


class WriteGate:
    """Limits the push transactions running at once in this process (an asyncio semaphore:
    waiting costs no thread and no connection). No turn within ``timeout`` raises :class:`Busy`."""

    def __init__(self, limit: int, timeout: float) -> None:
        self.limit = max(1, limit)
        self.timeout = timeout
        self._semaphore: asyncio.Semaphore | None = None

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.limit)
        semaphore = self._semaphore
        try:
            async with asyncio.timeout(self.timeout):
                await semaphore.acquire()
        except TimeoutError:
            raise Busy("no turn to write") from None
        try:
            yield
        finally:
            semaphore.release()


async def write_gate(request: Request) -> WriteGate:
    gate: WriteGate = request.app.state.write_gate
    return gate


WriteGateDep = Annotated[WriteGate, Depends(write_gate)]


async def push_queue(request: Request) -> PushQueue:
    queue: PushQueue = request.app.state.push_queue
    return queue


PushQueueDep = Annotated[PushQueue, Depends(push_queue)]


class WriteTenancy:
    """Opens write transactions bound to the caller's centre (commit happens inside the route,
    before the response is sent, so an acknowledged push is always durable)."""

    def __init__(self, database: Database, caller: Caller) -> None:
        assert caller.centre_id is not None
        self.database = database
        self.caller = caller
        self.centre_id = caller.centre_id

    def transaction(self) -> _WriteScope:
        return _WriteScope(self.database, self.centre_id)


class _WriteScope:
    def __init__(self, database: Database, centre_id: str) -> None:
        self._cm = database.write()
        self._centre_id = centre_id

    def __enter__(self) -> CentreScope:
        return CentreScope(self._cm.__enter__(), self._centre_id)

    def __exit__(self, *exc: object) -> bool | None:
        return self._cm.__exit__(*exc)  # type: ignore[arg-type]


async def write_tenancy(caller: RecordCaller, database: DatabaseDep) -> WriteTenancy:
    return WriteTenancy(database, caller)


WriteTenant = Annotated[WriteTenancy, Depends(write_tenancy)]


# ---------------------------------------------------------------- programme-wide rows


class ProgrammeReadTenancy(ReadTenancy):
    """Read transactions bound to the programme scope (tenancy.PROGRAMME), for coordinators."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.centre_id = PROGRAMME
        self.device_id = None


class ProgrammeWriteTenancy(WriteTenancy):
    """Write transactions bound to the programme scope; the row rules are CentreScope's."""

    def __init__(self, database: Database, caller: Caller) -> None:
        self.database = database
        self.caller = caller
        self.centre_id = PROGRAMME


async def programme_read_tenancy(_caller: CoordinatorCaller, database: DatabaseDep) -> ReadTenancy:
    return ProgrammeReadTenancy(database)


async def programme_write_tenancy(caller: CoordinatorCaller, database: DatabaseDep) -> WriteTenancy:
    return ProgrammeWriteTenancy(database, caller)


ProgrammeReadTenant = Annotated[ReadTenancy, Depends(programme_read_tenancy)]
ProgrammeWriteTenant = Annotated[WriteTenancy, Depends(programme_write_tenancy)]
