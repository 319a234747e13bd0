"""A pull page fetched ahead (HubClient.prefetch_pull): used only for the cursor it was asked for,
settled (epoch, clock, status) when the engine takes it, its errors raised there, and never
overlapping another request."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest

from zz_desktop.sync.errors import CursorGone, Offline
from zz_desktop.sync.transport import HubClient


class Hub:
    """Answers pulls from a script; records the requests in the order they arrive."""

    def __init__(self, status: int = 200) -> None:
        self.seen: list[str] = []
        self.status = status
        self.busy = threading.Lock()
        self.overlap = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if not self.busy.acquire(blocking=False):
            self.overlap = True
            self.busy.acquire()
        try:
            self.seen.append(f"{request.url.path}?{request.url.query.decode()}")
            if request.url.path.endswith("/sync/check"):
                body: dict[str, Any] = {"entities": {}, "max_seq": 0}
            else:
                after = int(request.url.params["after"])
                body = {"changes": [], "next": after + 1, "has_more": True}
            body["server_time"] = "2026-01-05T09:00:00"
            return httpx.Response(
                self.status,
                json=body if self.status == 200 else {"detail": "gone"},
                headers={"X-Hub-Epoch": f"e1;{len(self.seen)}"},
            )
        finally:
            self.busy.release()


def client(hub: Hub | httpx.MockTransport) -> HubClient:
    transport = hub if isinstance(hub, httpx.BaseTransport) else httpx.MockTransport(hub)
    return HubClient("http://127.0.0.1:9", transport=transport, retries=0)


def test_the_page_fetched_ahead_is_taken_and_settled_when_asked_for() -> None:
    hub = Hub()
    c = client(hub)
    c.prefetch_pull(5, 500)
    page = c.pull(5, 500)
    assert page.next == 6
    assert c.epoch == "e1;1"  # settled in the asking thread, when taken
    assert hub.seen == ["/api/v1/sync/pull?after=5&limit=500"]
    c.close()


def test_a_page_fetched_for_another_cursor_is_dropped() -> None:
    hub = Hub()
    c = client(hub)
    c.prefetch_pull(5, 500)
    page = c.pull(7, 500)
    assert page.next == 8
    assert hub.seen == [
        "/api/v1/sync/pull?after=5&limit=500",
        "/api/v1/sync/pull?after=7&limit=500",
    ]
    assert c.epoch == "e1;2"  # the dropped answer's headers were never taken
    c.close()


def test_other_requests_wait_for_the_page_fetched_ahead() -> None:
    hub = Hub()
    c = client(hub)
    c.prefetch_pull(5, 500)
    c.check()
    c.prefetch_pull(6, 500)
    c.close()  # waits for it too
    assert hub.seen[:2] == ["/api/v1/sync/pull?after=5&limit=500", "/api/v1/sync/check?"]
    assert len(hub.seen) == 3
    assert not hub.overlap


def test_the_errors_of_a_page_fetched_ahead_are_raised_when_it_is_taken() -> None:
    c = client(Hub(status=410))
    c.prefetch_pull(5, 500)
    with pytest.raises(CursorGone):
        c.pull(5, 500)
    c.close()

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down (test)", request=request)

    c = client(httpx.MockTransport(down))
    c.prefetch_pull(5, 500)
    with pytest.raises(Offline):
        c.pull(5, 500)
    c.close()
