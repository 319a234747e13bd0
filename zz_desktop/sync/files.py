"""Wissenspool files on the device: fetched from the hub chunk by chunk into the encrypted
profile database, each chunk checked against the hub's manifest before it is kept, so that an
interrupted download resumes with the chunks still missing (docs/wissenspool.md). A file is
complete — and readable — only once the SHA-256 of its whole content matches its name. A file
attached on this device is kept the same way (:func:`keep`) and sent with :func:`upload`, which
declares the manifest and sends only the chunks the hub still lacks (resumable as well).
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
from zz_protocol.schemas import BLOB_CHUNK_SIZE, BlobStatus

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


def keep(store: Store, data: bytes) -> str:
    """Keep ``data`` as a complete file of this device (one transaction); returns its digest."""
    digest = hashlib.sha256(data).hexdigest()
    chunks = [data[i : i + BLOB_CHUNK_SIZE] for i in range(0, len(data), BLOB_CHUNK_SIZE)]
    with store.write() as session:
        known = session.get(FileBlob, digest)
        if known is not None and known.complete:
            return digest
        session.execute(delete(FileChunk).where(FileChunk.digest == digest))
        if known is None:
            known = FileBlob(digest=digest, size=len(data), chunk_count=len(chunks))
            session.add(known)
        for index, chunk in enumerate(chunks):
            session.add(FileChunk(digest=digest, idx=index, data=chunk))
        known.complete = True
        known.fetched_at = utcnow()
    return digest


def upload(
    store: Store, client: HubClient, digest: str, prefix: str = "", progress: Progress | None = None
) -> BlobStatus:
    """Send a complete file of this device to the hub (``prefix`` "/programme" for the
    coordinating centre). Safe to repeat: the hub answers which chunks it still lacks."""
    with store.read() as session:
        blob = session.get(FileBlob, digest)
        if blob is None or not blob.complete:
            raise FileCorrupt(t("This file is not on this device yet."))
        size = blob.size
        sums = [
            hashlib.sha256(data).hexdigest()
            for data in session.scalars(
                select(FileChunk.data).where(FileChunk.digest == digest).order_by(FileChunk.idx)
            )
        ]
    manifest = {"digest": digest, "size": size, "chunk_digests": sums}
    status = BlobStatus.model_validate(
        client.request("POST", f"{prefix}/blobs", body=manifest).json()
    )
    for done, index in enumerate(status.missing, start=1):
        with store.read() as session:
            chunk = session.get(FileChunk, (digest, index))
            assert chunk is not None
            data = chunk.data
        answer = client.request("PUT", f"{prefix}/blobs/{digest}/chunks/{index}", raw=data)
        status = BlobStatus.model_validate(answer.json())
        if progress is not None:
            progress(done, len(sums))
    return status
