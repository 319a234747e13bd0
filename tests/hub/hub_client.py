"""A tiny test client for the hub API (login, push, pull, check) over real HTTP."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

SYNC_HEADERS = {"X-Sync-Protocol": "1", "X-Sync-Schema": "1"}


def new_id() -> str:
    return str(uuid.uuid4())


def op(
    entity: str,
    entity_id: str,
    kind: str = "upsert",
    base_seq: int | None = None,
    fields: dict[str, Any] | None = None,
    **more_fields: Any,
) -> dict[str, Any]:
    """An op dict; a field that is itself called ``kind`` or ``fields`` goes in ``fields``."""
    fields = {**(fields or {}), **more_fields}
    return {
        "op_id": new_id(),
        "entity": entity,
        "entity_id": entity_id,
        "kind": kind,
        "base_seq": base_seq,
        "fields": fields,
    }


def login(
    base_url: str, username: str, password: str = "demo", device: str = "test"
) -> httpx.Response:
    return httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"username": username, "password": password, "device_name": device},
        timeout=30,
    )


class Device:
    """One logged-in device."""

    def __init__(self, base_url: str, username: str, password: str = "demo") -> None:
        response = login(base_url, username, password, device=f"{username}-laptop")
        assert response.status_code == 200, response.text
        body = response.json()
        self.token: str = body["token"]
        self.device_id: str = body["device_id"]
        self.user: dict[str, Any] = body["user"]
        self.centre: dict[str, Any] | None = body["centre"]
        self.http = httpx.Client(
            base_url=f"{base_url}/api/v1",
            headers={"Authorization": f"Bearer {self.token}", **SYNC_HEADERS},
            timeout=60,
        )

    @property
    def centre_id(self) -> str:
        assert self.centre is not None
        return str(self.centre["id"])

    def push(self, ops: list[dict[str, Any]], batch_id: str | None = None) -> httpx.Response:
        return self.http.post("/sync/push", json={"batch_id": batch_id or new_id(), "ops": ops})

    def push_ok(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        response = self.push(ops)
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def pull(self, after: int = 0, limit: int = 500) -> httpx.Response:
        return self.http.get("/sync/pull", params={"after": after, "limit": limit})

    def pull_all(self, after: int = 0, limit: int = 500) -> tuple[list[dict[str, Any]], int]:
        changes: list[dict[str, Any]] = []
        while True:
            response = self.pull(after, limit)
            assert response.status_code == 200, response.text
            page = response.json()
            changes.extend(page["changes"])
            after = page["next"]
            if not page["has_more"]:
                return changes, after

    def state(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Latest state of every row of the centre, as a fresh device would see it."""
        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for change in self.pull_all()[0]:
            rows[(change["entity"], change["entity_id"])] = change
        return rows

    def close(self) -> None:
        self.http.close()
