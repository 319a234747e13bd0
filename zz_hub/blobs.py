"""Files of the Wissenspool: content-addressed, stored in chunks with checksums, uploaded and
downloaded chunk by chunk so that either side resumes after an interruption (docs/wissenspool.md).

A file belongs to one scope (a centre, or the programme: ``tenancy.PROGRAMME``) and is named by
the SHA-256 of its content. An upload first declares a :class:`BlobManifest` — refused at once
when the file is larger than ``max_blob_bytes`` or the scope's files would exceed
``blob_quota_bytes`` — then sends the chunks in any order; each is checked against its declared
SHA-256 before it is stored. When the last chunk arrives the whole content is hashed again; only
then is the file ``complete`` and readable. A wrong whole checksum removes every chunk: nothing
half-stored is ever served. Reading follows the tenancy: a centre reads its own files and the
programme's (:meth:`CentreScope.readable_centre_ids`).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import delete, func, select

from zz_hub.db import Database
from zz_hub.models import Blob, BlobChunk
from zz_hub.security import utcnow
from zz_hub.tenancy import CentreScope
from zz_protocol.schemas import BLOB_CHUNK_SIZE, BlobManifest, BlobStatus


class BlobError(Exception):
    """A refusal with its HTTP status and a message for the user (never a file's content)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def chunk_count(size: int) -> int:
    return -(-size // BLOB_CHUNK_SIZE)


def _status(scope: CentreScope, blob: Blob) -> BlobStatus:
    have = set(
        scope.session.scalars(
            select(BlobChunk.idx).where(
                BlobChunk.centre_id == blob.centre_id, BlobChunk.digest == blob.digest
            )
        ).all()
    )
    return BlobStatus(
        digest=blob.digest,
        size=int(blob.size),
        chunk_size=blob.chunk_size,
        chunk_digests=list(blob.chunk_digests),
        missing=[i for i in range(len(blob.chunk_digests)) if i not in have],
        complete=blob.complete,
        scope=blob.centre_id,
    )


def declare(
    scope: CentreScope, manifest: BlobManifest, max_bytes: int, quota_bytes: int
) -> BlobStatus:
    """Start (or resume) an upload in the scope's write transaction; idempotent."""
    if len(manifest.chunk_digests) != chunk_count(manifest.size) or not all(
        len(d) == 64 and all(c in "0123456789abcdef" for c in d) for d in manifest.chunk_digests
    ):
        raise BlobError(422, "the chunk checksums do not fit the file's size")
    existing = scope.session.get(Blob, (scope.centre_id, manifest.digest))
    if existing is not None:
        if existing.size != manifest.size or existing.chunk_digests != manifest.chunk_digests:
            raise BlobError(409, "a different upload of this checksum is under way")
        return _status(scope, existing)
    if manifest.size > max_bytes:
        raise BlobError(413, f"the file is larger than the limit of {max_bytes // 2**20} MB")
    used = scope.session.scalar(
        select(func.coalesce(func.sum(Blob.size), 0)).where(Blob.centre_id == scope.centre_id)
    )
    if int(used or 0) + manifest.size > quota_bytes:
        raise BlobError(413, "the storage quota of the library is used up")
    blob = Blob(
        centre_id=scope.centre_id,
        digest=manifest.digest,
        size=manifest.size,
        chunk_size=BLOB_CHUNK_SIZE,
        chunk_digests=list(manifest.chunk_digests),
        complete=False,
        created_at=utcnow(),
    )
    scope.session.add(blob)
    scope.session.flush()
    return _status(scope, blob)


def put_chunk(scope: CentreScope, digest: str, index: int, data: bytes) -> BlobStatus | BlobError:
    """Store one chunk after checking its size and checksum; the last one completes the file.

    A file whose whole checksum fails is removed and the refusal is *returned*, not raised, so
    that the caller commits the removal before answering with it."""
    blob = scope.session.get(Blob, (scope.centre_id, digest))
    if blob is None:
        raise BlobError(404, "no upload of this file was declared")
    count = len(blob.chunk_digests)
    if not 0 <= index < count:
        raise BlobError(422, "no such chunk")
    expected = min(BLOB_CHUNK_SIZE, int(blob.size) - index * BLOB_CHUNK_SIZE)
    if len(data) != expected or hashlib.sha256(data).hexdigest() != blob.chunk_digests[index]:
        raise BlobError(422, "the chunk does not match its checksum")
    if not blob.complete and scope.session.get(BlobChunk, (blob.centre_id, digest, index)) is None:
        scope.session.add(BlobChunk(centre_id=blob.centre_id, digest=digest, idx=index, data=data))
        scope.session.flush()
        if not _status(scope, blob).missing and not _complete(scope, blob):
            return BlobError(422, "the file does not match its checksum; the upload was discarded")
    return _status(scope, blob)


def _complete(scope: CentreScope, blob: Blob) -> bool:
    whole = hashlib.sha256()
    for i in range(len(blob.chunk_digests)):
        chunk = scope.session.get(BlobChunk, (blob.centre_id, blob.digest, i))
        assert chunk is not None
        whole.update(chunk.data)
        scope.session.expunge(chunk)  # one chunk in memory at a time
    if whole.hexdigest() != blob.digest:
        # Every chunk matched its own checksum but the file does not: drop it all.
        scope.session.execute(
            delete(BlobChunk).where(
                BlobChunk.centre_id == blob.centre_id, BlobChunk.digest == blob.digest
            )
        )
        scope.session.delete(blob)
        scope.session.flush()
        return False
    blob.complete = True
    scope.session.flush()
    return True


def find(scope: CentreScope, digest: str) -> Blob | None:
    """A complete file readable in this scope (own first, then the programme's)."""
    for centre in scope.readable_centre_ids():
        blob = scope.session.get(Blob, (centre, digest))
        if blob is not None and blob.complete:
            return blob
    return None


def status_of(scope: CentreScope, digest: str) -> BlobStatus:
    """A readable file's manifest, or this scope's own pending upload of it."""
    blob = find(scope, digest) or scope.session.get(Blob, (scope.centre_id, digest))
    if blob is None:
        raise BlobError(404, "no such file")
    return _status(scope, blob)


def read_chunk(scope: CentreScope, digest: str, index: int) -> tuple[bytes, str]:
    """One chunk of a complete readable file and its checksum."""
    blob = find(scope, digest)
    if blob is None:
        raise BlobError(404, "no such file")
    chunk = scope.session.get(BlobChunk, (blob.centre_id, digest, index))
    if chunk is None:
        raise BlobError(404, "no such chunk")
    return chunk.data, blob.chunk_digests[index]


def purge_stale_uploads(database: Database, older_than: dt.timedelta) -> int:
    """Remove uploads never completed within ``older_than`` (they count against the quota);
    returns how many. Run at hub start, like the tombstone purge."""
    cutoff = utcnow() - older_than
    with database.write() as session:
        stale = session.execute(
            select(Blob.centre_id, Blob.digest).where(
                Blob.complete.is_(False), Blob.created_at <= cutoff
            )
        ).all()
        for centre_id, digest in stale:
            session.execute(
                delete(BlobChunk).where(
                    BlobChunk.centre_id == centre_id, BlobChunk.digest == digest
                )
            )
            session.execute(delete(Blob).where(Blob.centre_id == centre_id, Blob.digest == digest))
    return len(stale)
