"""Issue 14: uploads of Wissenspool files never completed are removed (they count against the
quota); complete files stay."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from tests.hub.conftest import database_for
from zz_hub import blobs
from zz_hub.db import Database
from zz_hub.migrate import upgrade
from zz_hub.models import Blob, BlobChunk
from zz_hub.tenancy import PROGRAMME, CentreScope
from zz_protocol.schemas import BlobManifest


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    for url in database_for(request.param, tmp_path):
        db = Database(url)
        upgrade(db)
        yield db
        db.dispose()


def _declare(db: Database, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    manifest = BlobManifest(digest=digest, size=len(data), chunk_digests=[digest])
    with db.write() as session:
        blobs.declare(CentreScope(session, PROGRAMME), manifest, 10**9, 10**10)
    return digest


def test_stale_uploads_go_complete_files_stay(database: Database) -> None:
    stale, done, fresh = b"stale upload", b"complete file", b"fresh upload"
    stale_id, done_id, fresh_id = (_declare(database, d) for d in (stale, done, fresh))
    with database.write() as session:
        scope = CentreScope(session, PROGRAMME)
        assert blobs.put_chunk(scope, done_id, 0, done).complete  # type: ignore[union-attr]
        old = dt.datetime(2020, 1, 1)
        session.execute(
            update(Blob).where(Blob.digest.in_([stale_id, done_id])).values(created_at=old)
        )
    assert blobs.purge_stale_uploads(database, dt.timedelta(hours=48)) == 1
    with database.read() as session:
        left = set(session.scalars(select(Blob.digest)))
        assert left == {done_id, fresh_id}
        assert session.scalar(select(func.count()).select_from(BlobChunk)) == 1
