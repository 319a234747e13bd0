"""The desktop release from one place (package metadata) goes to the hub with every request."""

from __future__ import annotations

from importlib.metadata import version

import httpx

from zz_desktop import __version__
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import CLIENT_VERSION_HEADER


def test_version_comes_from_the_package_metadata() -> None:
    assert __version__ == version("zz-desktop")


def test_every_request_names_the_client_version() -> None:
    seen: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get(CLIENT_VERSION_HEADER))
        return httpx.Response(401, json={"detail": "invalid credentials"})

    client = HubClient("https://hub.invalid", transport=httpx.MockTransport(answer), retries=0)
    try:
        client.login("berater1", "falsch", "laptop")
    except Exception:  # noqa: BLE001  (the refusal itself is tested elsewhere)
        pass
    finally:
        client.http.close()
    assert seen == [__version__]
