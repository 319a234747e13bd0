"""Wissenspool files for the GUI and the CLI: attach a file to an item of the own centre (kept
on the device at once, sent to the hub by the next exchange), fetch one from the hub (resuming
what an earlier attempt left), the background exchange after a sync (send what was attached
here, fetch every file the synced items name but this device lacks), and read them offline.
The transfer itself is :mod:`zz_desktop.sync.files`."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from zz_desktop.domain import roles
from zz_desktop.errors import UserError
from zz_desktop.i18n import t
from zz_desktop.services import permissions
from zz_desktop.services.sync_service import ClientFactory, _client
from zz_desktop.store.database import Store
from zz_desktop.store.models import FileBlob, KnowledgeItem
from zz_desktop.sync import files
from zz_desktop.sync.errors import HubError
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import PROGRAMME_CENTRE_ID

#: (file number, number of files, chunks done of this file, its chunk count)
FetchProgress = Callable[[int, int, int, int], None]
#: The hub's default limit (ZZ_HUB_MAX_BLOB_BYTES): refused here already, before anything is kept.
MAX_FILE_BYTES = 100 * 1000 * 1000
#: Digests this device has handed to the hub (a device-local setting).
UPLOADED = "knowledge.uploaded"


@dataclass
class FetchReport:
    fetched: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    uploaded: list[str] = field(default_factory=list)


def attach(store: Store, path: Path) -> dict[str, Any]:
    """Keep the file at ``path`` on this device and return the entry for an item's ``files``.
    Too large or unreadable: a clear message, and nothing is kept."""
    permissions.require(store, roles.EDIT_RECORDS)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(
                t(
                    "{name} is too large ({size} MB); the limit is {limit} MB.",
                    name=path.name,
                    size=size // 1_000_000,
                    limit=MAX_FILE_BYTES // 1_000_000,
                )
            )
        if size == 0:
            raise UserError(t("{name} is empty.", name=path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(t("Cannot read {path}: {error}", path=path, error=exc)) from None
    digest = files.keep(store, data)
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"digest": digest, "name": path.name, "mime": mime, "size": len(data)}


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


def unsent_digests(store: Store) -> list[str]:
    """Files of the own centre's live items that are on this device but not handed to the hub."""
    sent = set(store.get_setting(UPLOADED) or [])  # type: ignore[call-overload]
    with store.read() as session:
        lists = session.scalars(
            select(KnowledgeItem.files).where(
                KnowledgeItem.deleted.is_(False), KnowledgeItem.centre_id != PROGRAMME_CENTRE_ID
            )
        ).all()
    have = complete_digests(store)
    names = {str(e.get("digest")) for entries in lists for e in entries or []}
    return sorted(d for d in names if d in have and d not in sent)


def exchange(
    store: Store,
    client_factory: ClientFactory = HubClient,
    progress: FetchProgress | None = None,
) -> FetchReport:
    """The background step after a sync: send the files attached here, then fetch the missing
    ones (:func:`fetch_missing`). Each sent file is remembered; a refused one is reported."""
    report = FetchReport()
    unsent = unsent_digests(store)
    if unsent:
        with _client(store, client_factory) as client:
            for digest in unsent:
                try:
                    files.upload(store, client, digest)
                except HubError as exc:  # e.g. the centre's quota is full: said, not lost
                    report.failed[digest] = exc.message
                    continue
                report.uploaded.append(digest)
                _remember(store, [digest])
    fetched = fetch_missing(store, client_factory, progress)
    _remember(store, fetched.fetched)  # came from the hub: never to be sent back
    report.fetched, report.failed = fetched.fetched, report.failed | fetched.failed
    return report


def _remember(store: Store, digests: list[str]) -> None:
    if digests:
        sent = list(store.get_setting(UPLOADED) or [])  # type: ignore[call-overload]
        store.set_setting(UPLOADED, sorted(set(sent) | set(digests)))


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
