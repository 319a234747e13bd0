"""Test helper: the coordinating centre uploads a file to the programme's blob store on a real
hub (manifest first, then every chunk), as the Wissenspool tests need it."""

from __future__ import annotations

import hashlib
from typing import Any

from zz_protocol.schemas import BLOB_CHUNK_SIZE


def upload_programme_file(http: Any, data: bytes) -> str:
    """Upload ``data`` with ``http`` (an httpx client of a coordinator); returns its digest."""
    chunks = [data[i : i + BLOB_CHUNK_SIZE] for i in range(0, len(data), BLOB_CHUNK_SIZE)]
    digest = hashlib.sha256(data).hexdigest()
    manifest = {
        "digest": digest,
        "size": len(data),
        "chunk_digests": [hashlib.sha256(c).hexdigest() for c in chunks],
    }
    assert http.post("/programme/blobs", json=manifest).status_code == 200
    for index, chunk in enumerate(chunks):
        answer = http.put(f"/programme/blobs/{digest}/chunks/{index}", content=chunk)
        assert answer.status_code == 200, answer.text
    assert answer.json()["complete"]
    return digest
