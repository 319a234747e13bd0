"""A login the desktop refuses (an account that cannot keep records, a profile of another
centre) revokes the device token the hub issued: no active token is left behind on the hub.
Real hub over HTTP on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sync.support import InProcessHub
from zz_desktop.services import sync_service
from zz_desktop.sync.errors import LoginFailed


def _devices(hub: InProcessHub, username: str) -> list[object]:
    from zz_hub import admin
    from zz_hub.db import Database

    db = Database(hub.database_url)
    try:
        return [d for d in admin.list_devices(db) if d.username == username]
    finally:
        db.dispose()


def test_refused_role_revokes_the_token(hub: InProcessHub, store, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from zz_desktop.services.organisations import create_organisation

    _code, (coordinator,) = hub.new_centre((("k", "coordinator"),))
    # A coordinator profile holds no records: on a profile with records the login is refused.
    create_organisation(store, {"name": "Muster GmbH"})
    with pytest.raises(LoginFailed):
        sync_service.login(store, hub.base_url, coordinator, "demo")
    devices = _devices(hub, coordinator)
    assert len(devices) == 1 and devices[0].revoked_at is not None  # type: ignore[attr-defined]
    assert not sync_service.status(store).logged_in


def test_other_centre_revokes_the_token(
    hub: InProcessHub,
    store,
    memory_keyring,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _a, (first,) = hub.new_centre((("a", "advisor"),))
    _b, (second,) = hub.new_centre((("b", "advisor"),))
    sync_service.login(store, hub.base_url, first, "demo")
    sync_service.logout(store)
    with pytest.raises(LoginFailed):
        sync_service.login(store, hub.base_url, second, "demo")
    assert all(d.revoked_at is not None for d in _devices(hub, second))  # type: ignore[attr-defined]
