"""Issue 14 acceptance: a 50 MB document published on the hub by the coordinating centre
arrives on a device of another centre through an interrupted and resumed download with a
matching checksum, and is read offline from the encrypted profile. Real hub over HTTP."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import httpx
import pytest

from tests.hub.hub_client import Device as HubDevice
from tests.support.blobs import upload_programme_file
from tests.sync.conftest import DeviceFactory
from tests.sync.support import InProcessHub
from zz_desktop.services import library_files
from zz_desktop.store.models import FileChunk
from zz_desktop.sync import files
from zz_desktop.sync.errors import Offline
from zz_desktop.sync.transport import HubClient

MB = 1024 * 1024


class CutAfter(httpx.BaseTransport):
    """Lets ``budget`` chunk requests through, then the connection is gone."""

    def __init__(self, budget: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.budget = budget

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if "/chunks/" in request.url.path:
            if self.budget <= 0:
                raise httpx.ConnectError("connection cut (test)", request=request)
            self.budget -= 1
        return self.inner.handle_request(request)


def _publish(hub: InProcessHub, data: bytes) -> str:
    _code, [username] = hub.new_centre((("k", "coordinator"),))
    coordinator = HubDevice(hub.base_url, username)
    digest = upload_programme_file(coordinator.http, data)
    coordinator.close()
    return digest


@pytest.mark.slow
def test_fifty_megabytes_arrive_after_an_interruption(
    hub: InProcessHub, device: DeviceFactory
) -> None:
    data = os.urandom(50 * MB)
    digest = _publish(hub, data)
    dev = device("advisor", user=0)  # a device of another centre than the coordinator's

    def cut_after(budget: int | None) -> Any:
        def factory(*args: Any, **kwargs: Any) -> HubClient:
            kwargs.update(retries=0, sleep=lambda _s: None)
            if budget is not None:
                kwargs["transport"] = CutAfter(budget)
            return HubClient(*args, **kwargs)

        return factory

    with pytest.raises(Offline):
        library_files.fetch(dev.store, digest, cut_after(18))
    with dev.store.read() as session:
        kept = session.query(FileChunk).filter(FileChunk.digest == digest).count()
    assert kept == 18
    with pytest.raises(files.FileCorrupt):
        library_files.read(dev.store, digest)  # not complete: not readable
    seen: list[tuple[int, int]] = []
    blob = library_files.fetch(
        dev.store, digest, cut_after(None), progress=lambda d, n: seen.append((d, n))
    )
    assert blob.complete and blob.size == len(data)
    assert seen[0] == (19, 50) and seen[-1] == (50, 50)  # only the missing 32 were fetched
    dev.restart()  # offline, from the encrypted profile
    content = library_files.read(dev.store, digest)
    assert hashlib.sha256(content).hexdigest() == digest and content == data
