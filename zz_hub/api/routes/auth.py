"""Login (device token issued) and logout (this device's token revoked)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy import select, update

from zz_hub import login_guard, security
from zz_hub.api.deps import (
    CurrentDevice,
    DatabaseDep,
    MetricsDep,
    SettingsDep,
    client_version,
)
from zz_hub.ids import uuid7
from zz_hub.models import Centre, Device, HubUser
from zz_hub.reference import centre_info, user_info
from zz_hub.security import security_log, server_now, utcnow
from zz_protocol.schemas import ErrorResponse, LoginRequest, LoginResponse
from zz_protocol.validation import text_ok

router = APIRouter(prefix="/auth", tags=["auth"])

_FAILED = HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="login failed")


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


#: Longest accepted login texts (a user name column holds 100; a password is hashed).
_TEXT_LIMITS = {"username": 100, "password": 1024, "device_name": 1000}


def _check_text(body: LoginRequest) -> None:
    """422 naming the field (never its value) for a text no column or hash can take: NUL, a
    lone surrogate, or over the limit."""
    for name, limit in _TEXT_LIMITS.items():
        value: str = getattr(body, name)
        if len(value) > limit or not text_ok(value):
            raise HTTPException(status_code=422, detail=f"invalid request: body.{name}")


@router.post(
    "/login",
    response_model=LoginResponse,
    responses={
        401: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
        429: {"model": ErrorResponse},
    },
)
def login(
    body: LoginRequest,
    request: Request,
    database: DatabaseDep,
    settings: SettingsDep,
    metrics: MetricsDep,
) -> LoginResponse:
    _check_text(body)
    address = client_address(request)
    # The attempt is counted (as a failure) and committed before any Argon2 work: parallel
    # guesses can never get more than the limit through (zz_hub/login_guard.py).
    with database.write() as session:
        decision = login_guard.reserve(session, settings, body.username, address)
    if not decision.allowed:
        security_log.warning("login throttled")
        if metrics is not None:
            metrics.rate_limited.inc()
        raise HTTPException(
            status_code=429,
            detail="too many attempts, try again later",
            headers={"Retry-After": str(decision.retry_after)},
        )
    with database.read() as session:
        user = session.scalar(select(HubUser).where(HubUser.username == body.username))
    if user is None:
        security.burn_equal_time(settings, body.password)
        ok = False
    else:
        ok = user.active and security.verify_password(settings, user.password_hash, body.password)
    if not ok or user is None:
        security_log.warning("login failed")
        raise _FAILED
    token = security.new_token()
    now = utcnow()
    device = Device(
        id=uuid7(),
        user_id=user.id,
        name=body.device_name[:200],
        token_hash=security.token_digest(token),
        created_at=now,
        last_seen_at=now,
        token_issued_at=now,
        client_version=client_version(request),
    )
    with database.write() as session:
        login_guard.succeeded(session, body.username, address)
        session.add(device)
        centre = session.get(Centre, user.centre_id) if user.centre_id else None
    security_log.info("login ok user_id=%s device_id=%s", user.id, device.id)
    return LoginResponse(
        token=token,
        device_id=device.id,
        user=user_info(user),
        centre=centre_info(centre, settings) if centre else None,
        server_time=server_now(),
    )


@router.post("/logout", status_code=204, responses={401: {"model": ErrorResponse}})
def logout(caller: CurrentDevice, database: DatabaseDep) -> None:
    with database.write() as session:
        session.execute(
            update(Device)
            .where(Device.id == caller.device_id, Device.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    security_log.info("logout device_id=%s", caller.device_id)
