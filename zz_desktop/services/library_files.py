"""Wissenspool files for the GUI and the CLI: fetch one from the hub (resuming what an earlier
attempt left) and read it offline. The transfer itself is :mod:`zz_desktop.sync.files`."""

from __future__ import annotations

from zz_desktop.services.sync_service import ClientFactory, _client
from zz_desktop.store.database import Store
from zz_desktop.store.models import FileBlob
from zz_desktop.sync import files
from zz_desktop.sync.transport import HubClient


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
