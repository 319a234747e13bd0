"""Wissenspool files on the device: fetched from the hub chunk by chunk into the encrypted
profile database, each chunk checked against the hub's manifest before it is kept, so that an
interrupted download resumes with the chunks still missing (docs/wissenspool.md). A file is
complete — and readable — only once the SHA-256 of its whole content matches its name.
Device-local tables: ``file_blob``, ``file_chunk`` (never in the outbox)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sqlalchemy import delete, select

from zz_desktop.errors import UserError
from zz_desktop.i18n import t
from zz_desktop.store.base import utcnow
from zz_desktop.store.database import Store
from zz_desktop.store.models import FileBlob, FileChunk
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import BlobStatus

Progress = Callable[[int, int], None]


class FileCorrupt(UserError):
    """What arrived does not match its checksum (the broken part is not kept)."""


def _have(store: Store, digest: str) -> set[int]:
    with store.read() as session:
        return set(session.scalars(select(FileChunk.idx).where(FileChunk.digest == digest)))


def download(
    store: Store, client: HubClient, digest: str, progress: Progress | None = None
) -> FileBlob:
    """Fetch what this device lacks of file ``digest`` and verify it; returns the complete
    file's row. Safe to call again after any interruption (each chunk is its own transaction)."""
    with store.read() as session:
        known = session.get(FileBlob, digest)
        if known is not None and known.complete:
            return known
    manifest = BlobStatus.model_validate(client.request("GET", f"/blobs/{digest}").json())
    count = len(manifest.chunk_digests)
    with store.write() as session:
        if session.get(FileBlob, digest) is None:
            session.add(FileBlob(digest=digest, size=manifest.size, chunk_count=count))
    have = _have(store, digest)
    for index in range(count):
        if index in have:
            continue
        response = client.request("GET", f"/blobs/{digest}/chunks/{index}")
        data = response.content
        if hashlib.sha256(data).hexdigest() != manifest.chunk_digests[index]:
            raise FileCorrupt(t("A part of the file arrived damaged; please sync again."))
        with store.write() as session:
            session.add(FileChunk(digest=digest, idx=index, data=data))
        have.add(index)
        if progress is not None:
            progress(len(have), count)
    return _finish(store, digest)


def _finish(store: Store, digest: str) -> FileBlob:
    whole = hashlib.sha256()
    with store.read() as session:
        blob = session.get(FileBlob, digest)
        assert blob is not None
        for index in range(blob.chunk_count):
            chunk = session.get(FileChunk, (digest, index))
            assert chunk is not None
            whole.update(chunk.data)
            session.expunge(chunk)  # one chunk in memory at a time
    if whole.hexdigest() != digest:
        with store.write() as session:  # committed before the refusal: fetched anew next time
            session.execute(delete(FileChunk).where(FileChunk.digest == digest))
        raise FileCorrupt(t("The file does not match its checksum; it will be fetched again."))
    with store.write() as session:
        blob = session.get(FileBlob, digest)
        assert blob is not None
        blob.complete = True
        blob.fetched_at = utcnow()
        session.flush()
        session.expunge(blob)
    return blob


def read(store: Store, digest: str) -> bytes:
    """The content of a complete file (offline)."""
    with store.read() as session:
        blob = session.get(FileBlob, digest)
        if blob is None or not blob.complete:
            raise FileCorrupt(t("This file is not on this device yet."))
        chunks = session.scalars(
            select(FileChunk.data).where(FileChunk.digest == digest).order_by(FileChunk.idx)
        )
        return b"".join(chunks)
