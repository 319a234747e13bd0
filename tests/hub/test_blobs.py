"""Issue 14: the Wissenspool's file store — a 50 MB file published by the coordinating centre
reaches another centre through an interrupted and resumed upload and download with matching
checksums; invalid, oversize and over-quota uploads get a clear message and nothing
half-stored; files follow the tenancy. Real hub over HTTP, SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.hub.conftest import fresh_hub
from tests.hub.hub_client import Device
from zz_hub.testing import HubProcess
from zz_protocol.schemas import BLOB_CHUNK_SIZE

MB = 1024 * 1024
LIMITS = {"ZZ_HUB_MAX_BLOB_BYTES": str(60 * MB), "ZZ_HUB_BLOB_QUOTA_BYTES": str(64 * MB)}


@pytest.fixture(scope="module")
def own_hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    yield from fresh_hub(backend, tmp_path_factory, env=LIMITS)


@pytest.fixture(scope="module")
def people(own_hub: HubProcess) -> dict[str, Device]:
    url = own_hub.base_url
    return {
        "coordinator": Device(url, "koordination"),
        "st": Device(url, "berater1"),
        "sn": Device(url, "berater-sn"),
    }


def _chunks(data: bytes) -> list[bytes]:
    return [data[i : i + BLOB_CHUNK_SIZE] for i in range(0, len(data), BLOB_CHUNK_SIZE)]


def _manifest(data: bytes) -> dict[str, Any]:
    return {
        "digest": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "chunk_digests": [hashlib.sha256(c).hexdigest() for c in _chunks(data)],
    }


def _upload(device: Device, prefix: str, data: bytes, stop_after: int | None = None) -> Any:
    status = device.http.post(f"{prefix}/blobs", json=_manifest(data))
    assert status.status_code == 200, status.text
    body = status.json()
    chunks = _chunks(data)
    for n, index in enumerate(body["missing"]):
        if stop_after is not None and n == stop_after:
            return body  # the connection "breaks" here
        put = device.http.put(
            f"{prefix}/blobs/{body['digest']}/chunks/{index}", content=chunks[index]
        )
        assert put.status_code == 200, put.text
        body = put.json()
    return body


def test_fifty_megabytes_through_interrupted_transfers(people: dict[str, Device]) -> None:
    coordinator, sn = people["coordinator"], people["sn"]
    data = os.urandom(50 * MB)
    digest = hashlib.sha256(data).hexdigest()
    partial = _upload(coordinator, "/programme", data, stop_after=20)
    assert not partial["complete"]
    # Not readable by anyone before it is complete.
    assert sn.http.get(f"/blobs/{digest}").status_code == 404
    # Resume: the hub names exactly the chunks it still lacks.
    resumed = coordinator.http.post("/programme/blobs", json=_manifest(data)).json()
    assert resumed["missing"] == list(range(20, 50))
    done = _upload(coordinator, "/programme", data)
    assert done["complete"] and done["missing"] == [] and done["scope"] == "programme"

    # Another centre's device downloads it, is interrupted, and resumes with what is missing.
    manifest = sn.http.get(f"/blobs/{digest}").json()
    assert manifest["complete"] and manifest["size"] == len(data)
    got: dict[int, bytes] = {}

    def fetch(index: int) -> None:
        response = sn.http.get(f"/blobs/{digest}/chunks/{index}")
        assert response.status_code == 200
        assert hashlib.sha256(response.content).hexdigest() == response.headers["x-chunk-sha256"]
        assert response.headers["x-chunk-sha256"] == manifest["chunk_digests"][index]
        got[index] = response.content

    for index in range(17):
        fetch(index)
    for index in [i for i in range(len(manifest["chunk_digests"])) if i not in got]:
        fetch(index)
    whole = b"".join(got[i] for i in sorted(got))
    assert hashlib.sha256(whole).hexdigest() == digest


def test_bad_uploads_are_refused_and_nothing_is_half_stored(people: dict[str, Device]) -> None:
    coordinator = people["coordinator"]
    data = os.urandom(3 * MB + 5)
    manifest = _manifest(data)
    digest = manifest["digest"]
    assert coordinator.http.post("/programme/blobs", json=manifest).status_code == 200
    # A chunk that does not match its checksum is refused and not stored.
    bad = coordinator.http.put(
        f"/programme/blobs/{digest}/chunks/1", content=b"x" * BLOB_CHUNK_SIZE
    )
    assert bad.status_code == 422 and "checksum" in bad.json()["detail"]
    assert 1 in coordinator.http.get(f"/programme/blobs/{digest}").json()["missing"]
    # Oversize: refused before a single byte is sent, nothing stored.
    big = {
        "digest": "a" * 64,
        "size": 61 * MB,
        "chunk_digests": ["b" * 64] * 61,
    }
    refused = coordinator.http.post("/programme/blobs", json=big)
    assert refused.status_code == 413 and "limit of 60 MB" in refused.json()["detail"]
    assert coordinator.http.get(f"/programme/blobs/{'a' * 64}").status_code == 404
    # Chunks that each match but a whole that does not: the upload is discarded.
    other = os.urandom(2 * MB)
    lying = {**_manifest(other), "digest": hashlib.sha256(b"something else").hexdigest()}
    assert coordinator.http.post("/programme/blobs", json=lying).status_code == 200
    chunks = _chunks(other)
    assert (
        coordinator.http.put(
            f"/programme/blobs/{lying['digest']}/chunks/0", content=chunks[0]
        ).status_code
        == 200
    )
    last = coordinator.http.put(f"/programme/blobs/{lying['digest']}/chunks/1", content=chunks[1])
    assert last.status_code == 422 and "discarded" in last.json()["detail"]
    assert coordinator.http.get(f"/programme/blobs/{lying['digest']}").status_code == 404
    # A manifest whose chunk list does not fit its size.
    short = {**manifest, "digest": "c" * 64, "chunk_digests": manifest["chunk_digests"][:2]}
    assert coordinator.http.post("/programme/blobs", json=short).status_code == 422


def test_quota(people: dict[str, Device]) -> None:
    st = people["st"]
    first = os.urandom(40 * MB)
    assert _upload(st, "", first)["complete"]
    second = _manifest(os.urandom(30 * MB))
    refused = st.http.post("/blobs", json=second)
    assert refused.status_code == 413 and "quota" in refused.json()["detail"]


def test_files_follow_the_tenancy(people: dict[str, Device]) -> None:
    st, sn, coordinator = people["st"], people["sn"], people["coordinator"]
    own = os.urandom(MB // 2)
    assert _upload(st, "", own)["scope"] == st.centre_id
    digest = hashlib.sha256(own).hexdigest()
    assert st.http.get(f"/blobs/{digest}/chunks/0").content == own
    # Another centre does not see it; nor does the coordinator (no centre's records).
    assert sn.http.get(f"/blobs/{digest}").status_code == 404
    assert sn.http.get(f"/blobs/{digest}/chunks/0").status_code == 404
    assert coordinator.http.get(f"/programme/blobs/{digest}").status_code == 404
    assert coordinator.http.get(f"/blobs/{digest}").status_code == 403
    # Only coordinators write programme files.
    small = _manifest(os.urandom(100))
    assert st.http.post("/programme/blobs", json=small).status_code == 403
