"""Wissenspool files for the GUI and the CLI: fetch one from the hub (resuming what an earlier
attempt left), fetch every file the synced items name but this device lacks (the background
fetch after a pull), and read them offline. The transfer itself is :mod:`zz_desktop.sync.files`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from zz_desktop.services.sync_service import ClientFactory, _client
from zz_desktop.store.database import Store
from zz_desktop.store.models import FileBlob, KnowledgeItem
from zz_desktop.sync import files
from zz_desktop.sync.errors import HubError
from zz_desktop.sync.transport import HubClient

#: (file number, number of files, chunks done of this file, its chunk count)
FetchProgress = Callable[[int, int, int, int], None]


@dataclass
class FetchReport:
    fetched: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def fetch(
    store: Store,
    digest: str,
    client_factory: ClientFactory = HubClient,
    progress: files.Progress | None = None,
) -> FileBlob:
    with _client(store, client_factory) as client:
        return files.download(store, client, digest, progress)


def read(store: Store, digest: str) -> bytes:
    return files.read(store, digest)


def complete_digests(store: Store) -> set[str]:
    with store.read() as session:
        return set(session.scalars(select(FileBlob.digest).where(FileBlob.complete.is_(True))))


def missing_digests(store: Store) -> list[str]:
    """Files named by live items that are not complete on this device, in a stable order."""
    with store.read() as session:
        lists = session.scalars(
            select(KnowledgeItem.files).where(KnowledgeItem.deleted.is_(False))
        ).all()
    have = complete_digests(store)
    wanted: dict[str, None] = {}
    for entries in lists:
        for entry in entries or []:
            digest = str(entry.get("digest") or "")
            if digest and digest not in have:
                wanted[digest] = None
    return list(wanted)


def fetch_missing(
    store: Store,
    client_factory: ClientFactory = HubClient,
    progress: FetchProgress | None = None,
) -> FetchReport:
    """Fetch every missing file over one connection. A file that fails is named in the report
    and the rest go on; going offline stops the round (``Offline``), and as every verified chunk
    is kept, the next call resumes there."""
    report = FetchReport()
    digests = missing_digests(store)
    if not digests:
        return report
    with _client(store, client_factory) as client:
        for number, digest in enumerate(digests, start=1):

            def step(done: int, total: int, n: int = number) -> None:
                if progress is not None:
                    progress(n, len(digests), done, total)

            try:
                files.download(store, client, digest, step)
            except (files.FileCorrupt, HubError) as exc:
                # Damaged, or not (yet) complete on the hub: the next round tries again.
                report.failed[digest] = exc.message
                continue
            report.fetched.append(digest)
    return report
