"""Issue 14 (session 4), over real HTTP: the coordinating centre publishes the Haus der
Selbstständigen's starter pages and an item with a file; a device of another centre pulls them,
and the background fetch (service and the GUI's FileFetcher) brings the missing file, resuming
after an interrupted connection, with its progress in the status text. Seeding again updates
the pages instead of doubling them."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.blobs import upload_programme_file
from tests.sync.conftest import DeviceFactory
from tests.sync.support import Device, InProcessHub
from zz_desktop.cli import main
from zz_desktop.services import library, library_files, programme_offers, starter_pages
from zz_desktop.services.permissions import NotAllowed
from zz_desktop.store.models import FileChunk
from zz_desktop.sync import state
from zz_desktop.sync.errors import Offline
from zz_desktop.sync.transport import HubClient
from zz_protocol.schemas import BLOB_CHUNK_SIZE, Op

SIZE = 2 * BLOB_CHUNK_SIZE + 1000  # three chunks


class CutAfter(httpx.BaseTransport):
    """Lets ``budget`` chunk requests through, then the connection is gone."""

    def __init__(self, budget: int | None) -> None:
        self.inner = httpx.HTTPTransport()
        self.budget = budget

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if "/chunks/" in request.url.path and self.budget is not None:
            if self.budget <= 0:
                raise httpx.ConnectError("connection cut (test)", request=request)
            self.budget -= 1
        return self.inner.handle_request(request)


def _factory(budget: int | None) -> Any:
    def make(*args: Any, **kwargs: Any) -> HubClient:
        kwargs.update(retries=0, sleep=lambda _s: None, transport=CutAfter(budget))
        return HubClient(*args, **kwargs)

    return make


def _coordinator(hub: InProcessHub, tmp_path: Path) -> Device:
    _code, [username] = hub.new_centre((("k", "coordinator"),))
    return Device(tmp_path / "coord", "coord", hub.base_url, username)


def _http(dev: Device) -> httpx.Client:
    """A plain client with the device's own token (for the blob upload)."""
    base = str(state.get(dev.store, state.HUB_URL)).rstrip("/") + "/api/v1"
    return httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {state.read_token(dev.store)}"}
    )


def _publish_with_file(coordinator: Device, data: bytes) -> str:
    with _http(coordinator) as http:
        digest = upload_programme_file(http, data)
    op = Op(
        op_id=str(uuid.uuid4()),
        entity="knowledge_item",
        entity_id=str(uuid.uuid4()),
        kind="upsert",
        fields={
            "kind": "template",
            "title": "Mustervertrag für freie Mitarbeit",
            "review_state": "published",
            "files": [{"digest": digest, "name": "mustervertrag.pdf", "size": len(data)}],
        },
    )
    [result] = programme_offers.push_programme(coordinator.store, [op], coordinator.client)
    assert result.status == "applied", result.reason
    return digest


def test_starter_pages_and_files_reach_another_centre(
    hub: InProcessHub,
    device: DeviceFactory,
    tmp_path: Path,
    qtbot: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    advisor = device("advisor", user=0)
    with pytest.raises(NotAllowed):
        starter_pages.publish(advisor.store, advisor.client)
    coordinator = _coordinator(hub, tmp_path)
    data = os.urandom(SIZE)
    try:
        results = starter_pages.publish(coordinator.store, coordinator.client)
        assert [r.status for r in results] == ["applied"] * 4
        digest = _publish_with_file(coordinator, data)
        advisor.sync()
        pages = library.list_items(advisor.store, "Interessenvertretung")
        assert [p.title for p in pages][:1] == [
            "Eine Interessenvertretung für Solo-Selbstständige gründen"
        ]
        assert all(
            library.is_programme_wide(p) and not library.may_write(advisor.store, p) for p in pages
        )
    finally:
        coordinator.close()
    # Seeding again, on the command line (a corrected text): the same four pages are updated.
    capsys.readouterr()
    cli = ["library", "seed-starter", "--profile", str(coordinator.path), "--json"]
    assert main(cli) == 0
    assert json.loads(capsys.readouterr().out)["applied"] == 4
    advisor.sync()
    assert len(library.list_items(advisor.store, kind="article")) == 4
    assert library_files.missing_digests(advisor.store) == [digest]
    # The connection breaks after one chunk: it is kept, the rest follows on the next try.
    with pytest.raises(Offline):
        library_files.fetch_missing(advisor.store, _factory(1))
    with advisor.store.read() as session:
        assert session.query(FileChunk).filter(FileChunk.digest == digest).count() == 1
    # The GUI's background fetch resumes it and says so in the status bar.
    from zz_desktop.ui.library_fetch import FileFetcher

    shown: list[str] = []
    fetcher = FileFetcher(advisor.store, shown.append, _factory(None))
    with qtbot.waitSignal(fetcher.finished, timeout=20_000) as blocker:
        assert fetcher.start()
    report, error = blocker.args
    assert error is None and report.fetched == [digest]
    assert any("2 of 3" in s or "2 von 3" in s for s in shown), shown
    assert library_files.missing_digests(advisor.store) == []
    content = library_files.read(advisor.store, digest)
    assert hashlib.sha256(content).hexdigest() == digest and content == data
    profile = str(advisor.path)
    advisor.close()
    assert main(["library", "list", "--profile", profile, "--search", "stundensatz", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)["items"]
    assert listed["title"] == "Honorare kalkulieren und durchsetzen" and listed["programme_wide"]


def test_ticks_and_case_state_reach_the_colleague(device: DeviceFactory) -> None:
    """The checklist on a consultation and an ombuds case's state travel with the consultation."""
    from tests.support.library import consultation, published_checklist
    from zz_desktop.services import checklists, consultations

    manager, first, second = device("m", user=2), device("a", user=0), device("b", user=1)
    checklist = published_checklist(manager.store)  # the centre's manager publishes it
    manager.sync()
    first.sync()
    visit = consultation(first.store)
    checklists.attach(first.store, visit, checklist)
    checklists.tick(first.store, visit, checklist, 1)
    case = consultations.save(first.store, visit, {"kind": "ombuds"}, []).consultation
    assert case.ombuds_state == "received"
    first.sync()
    second.sync()
    [entry] = checklists.attached(second.store, visit)
    assert entry.ticked == {1} and entry.items[1] == "Datenschutz besprechen"
    assert consultations.load_form(second.store, visit).values["ombuds_state"] == "received"


def test_a_file_attached_by_an_advisor_reaches_the_manager(
    device: DeviceFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zz_desktop.errors import UserError
    from zz_desktop.store.models import FileBlob

    advisor, manager = device("a", user=0), device("m", user=2)
    # Too large: a clear message, and nothing is kept.
    big = tmp_path / "gross.pdf"
    big.write_bytes(b"x" * 5000)
    monkeypatch.setattr(library_files, "MAX_FILE_BYTES", 4000)
    with pytest.raises(UserError) as err:
        library_files.attach(advisor.store, big)
    assert "gross.pdf" in err.value.message
    with advisor.store.read() as session:
        assert session.query(FileBlob).count() == 0
    monkeypatch.undo()
    data = os.urandom(BLOB_CHUNK_SIZE + 10)  # two chunks
    path = tmp_path / "Checkliste Datenschutz.pdf"
    path.write_bytes(data)
    entry = library_files.attach(advisor.store, path)
    assert entry["name"] == path.name and entry["mime"] == "application/pdf"
    item = library.save_draft(
        advisor.store,
        {"kind": "file", "title": "Datenschutz-Check für Kleinbetriebe", "files": [entry]},
    )
    library.propose(advisor.store, item.id)
    advisor.sync()
    report = library_files.exchange(advisor.store, advisor.client)
    assert report.uploaded == [entry["digest"]] and report.failed == {}
    assert library_files.exchange(advisor.store, advisor.client).uploaded == []  # sent once
    manager.sync()
    got = library_files.exchange(manager.store, manager.client)
    # (Programme files published by earlier tests on this hub arrive as well.)
    assert entry["digest"] in got.fetched and got.uploaded == []
    assert library_files.read(manager.store, entry["digest"]) == data
    assert library_files.unsent_digests(manager.store) == []  # fetched files are not sent back
    library.publish(manager.store, item.id)
