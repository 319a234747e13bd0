"""A hypothesis state machine: three devices and a hub doing random creates, edits, deletes,
syncs, network drops (request or answer lost, or the pull failing after a good push), restarts
(device and hub), the hub restored from a backup, a user switch on a profile, a device restoring
its own backup, a new device whose first sync is cut after a few pages, and malformed ops. At
every quiescent point all devices sync twice and invariants 1–3 of sync-protocol.md are checked:

1. convergence — every device exports the same canonical JSON;
2. no lost edit — every value a device wrote is the current value, or is kept in a Conflict, or
   was overwritten by a device that may have seen it;
3. exactly once — replaying an earlier push returns the stored results and changes nothing.
"""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from tests.support.memkeyring import MemoryKeyring
from tests.sync.support import Device, InProcessHub
from zz_desktop.store.models import Organisation
from zz_desktop.sync import state
from zz_desktop.sync.errors import SyncError
from zz_hub.testing import pg_available, sqlite_url, temporary_pg_database

FIELDS = ("name", "city")
_values = itertools.count(1)


@dataclass
class Edit:
    value: str
    row: str
    field: str
    device: int
    step: int


class SyncMachine(RuleBasedStateMachine):
    hub: InProcessHub
    root: Path

    def __init__(self) -> None:
        super().__init__()
        self.step = 0
        self.devices: list[Device] = []
        self.rows: list[str] = []
        self.edits: list[Edit] = []
        #: per device: steps of its successful rounds (it has seen everything pushed before).
        self.synced: list[list[int]] = []
        #: per device: steps of rounds whose push may have reached the hub (all but "down").
        self.pushed: list[list[int]] = []
        self.hub_backup: str | None = None
        #: per device: (step, path) of its own last backup.
        self.device_backup: dict[int, tuple[int, Path]] = {}
        self.users: list[str] = []
        self.tmp: Path = Path()

    @initialize()
    def setup(self) -> None:
        _code, users = self.hub.new_centre((("a", "advisor"), ("b", "advisor"), ("c", "manager")))
        tmp = Path(tempfile.mkdtemp(dir=self.root))
        self.tmp, self.users = tmp, users
        self.devices = [Device(tmp, f"d{i}", self.hub.base_url, u) for i, u in enumerate(users)]
        self.synced = [[], [], []]
        self.pushed = [[], [], []]

    def teardown(self) -> None:
        for dev in self.devices:
            dev.close()

    def _tick(self) -> int:
        self.step += 1
        return self.step

    # ------------------------------------------------------------------ rules

    @rule(d=st.integers(0, 2))
    def create(self, d: int) -> None:
        value = f"v{next(_values)}"
        with self.devices[d].store.write() as s:
            org = Organisation(name=value)
            s.add(org)
        self.rows.append(org.id)
        self.edits.append(Edit(value, org.id, "name", d, self._tick()))

    @rule(d=st.integers(0, 2), r=st.integers(0, 50), f=st.sampled_from(FIELDS))
    def edit(self, d: int, r: int, f: str) -> None:
        if not self.rows:
            return
        rid = self.rows[r % len(self.rows)]
        value = f"v{next(_values)}"
        with self.devices[d].store.write() as s:
            org = s.get(Organisation, rid)
            if org is None or org.deleted:
                return
            setattr(org, f, value)
        self.edits.append(Edit(value, rid, f, d, self._tick()))

    @rule(d=st.integers(0, 2), r=st.integers(0, 50))
    def delete(self, d: int, r: int) -> None:
        if not self.rows:
            return
        rid = self.rows[r % len(self.rows)]
        with self.devices[d].store.write() as s:
            org = s.get(Organisation, rid)
            if org is not None and not org.deleted:
                org.deleted = True
        self._tick()

    @rule(
        d=st.integers(0, 2),
        fault=st.sampled_from(["none", "none", "down", "lose", "nopull"]),
    )
    def sync(self, d: int, fault: str) -> None:
        dev = self.devices[d]
        dev.faults.down = fault == "down"
        dev.faults.lose_next_push = fault == "lose"
        # The push is acknowledged, then the network drops before the pull.
        dev.faults.no_pull = fault == "nopull"
        step = self._tick()
        if fault != "down":
            self.pushed[d].append(step)
        try:
            dev.sync()
            self.synced[d].append(step)
        except SyncError:
            pass
        finally:
            dev.faults.down = False
            dev.faults.lose_next_push = False
            dev.faults.no_pull = False

    @rule(d=st.integers(0, 2))
    def restart_device(self, d: int) -> None:
        self.devices[d].restart()

    @rule()
    def restart_hub(self) -> None:
        if self.step % 4 == 0:  # restarts cost ~0.3 s: keep them occasional
            self.hub.restart()

    @rule()
    def backup_hub(self) -> None:
        self.hub_backup = self.hub.snapshot()

    @rule()
    def restore_hub(self) -> None:
        """The hub restored from its backup as docs/hub-admin.md says (with a new epoch)."""
        if self.hub_backup is None:
            return
        self.hub.restore(self.hub_backup)
        self.hub_backup = None
        self._tick()
        for dev in self.devices:
            dev.faults.pushes.clear()  # the restored hub forgot those answers: no replay

    @rule(d=st.integers(0, 2), u=st.integers(0, 2))
    def switch_user(self, d: int, u: int) -> None:
        """Logout, then a colleague of the same centre logs in on the profile."""
        from zz_desktop.services import sync_service

        dev = self.devices[d]
        dev.faults.down = False
        sync_service.logout(dev.store, client_factory=dev.client)
        sync_service.login(
            dev.store, self.hub.base_url, self.users[u], "demo", client_factory=dev.client
        )
        self._tick()

    @rule(d=st.integers(0, 2))
    def backup_device(self, d: int) -> None:
        self.device_backup[d] = (self._tick(), self.devices[d].store.backup("machine"))

    @rule(d=st.integers(0, 2))
    def restore_device(self, d: int) -> None:
        """The device restores its own backup: edits made after it and never sent are gone on
        purpose; everything that reached the hub must survive."""
        if d not in self.device_backup:
            return
        taken, path = self.device_backup.pop(d)
        step = self._tick()
        sent = [s for s in self.pushed[d] if taken < s < step]
        self.edits = [
            e
            for e in self.edits
            if not (e.device == d and e.step > taken and not any(s > e.step for s in sent))
        ]
        dev = self.devices[d]
        dev.store.restore(path)
        dev.restart()

    @rule(pages=st.integers(1, 3))
    def replace_device_cut_first_sync(self, pages: int) -> None:
        """Device 2 is replaced by a new laptop whose first sync is cut after a few pages."""
        from zz_desktop.sync.engine import SyncEngine

        old = self.devices[2]
        step = self._tick()
        self.edits = [
            e
            for e in self.edits
            if not (e.device == 2 and not any(s > e.step for s in self.pushed[2]))
        ]
        old.close()
        new = Device(self.tmp, f"d2-{step}", self.hub.base_url, self.users[2])
        self.devices[2] = new
        self.synced[2], self.pushed[2] = [], []
        self.device_backup.pop(2, None)
        hub_url = state.get(new.store, state.HUB_URL) or ""
        new.faults.pull_pages = pages
        try:
            SyncEngine(
                new.store, new.client(hub_url, state.read_token(new.store)), page_size=2
            ).run()
        except SyncError:
            pass
        finally:
            new.faults.pull_pages = None
        with new.store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []

    @rule(d=st.integers(0, 2))
    def malformed_op(self, d: int) -> None:
        """A malformed op is refused on its own; the centre's syncs go on."""
        from zz_desktop.store.ids import new_id
        from zz_desktop.sync.transport import HubClient
        from zz_protocol.schemas import Op, PushRequest

        dev = self.devices[d]
        bad = Op(
            op_id=new_id(),
            entity="organisation",
            entity_id=new_id(),
            kind="upsert",
            fields={"name": "x", "employees": 2**70},
        )
        with HubClient(self.hub.base_url, state.read_token(dev.store)) as client:
            (result,) = client.push(PushRequest(batch_id=new_id(), ops=[bad])).results
        assert result.status == "rejected"

    @rule()
    def quiescent(self) -> None:
        for _ in range(2):
            for d, dev in enumerate(self.devices):
                step = self._tick()
                self.pushed[d].append(step)
                dev.sync()
                self.synced[d].append(step)
        self.check_convergence()
        self.check_no_lost_edit()
        self.check_exactly_once()

    # ------------------------------------------------------------------ invariants

    def check_convergence(self) -> None:
        dumps = [json.dumps(dev.dump(), sort_keys=True) for dev in self.devices]
        assert dumps[0] == dumps[1] == dumps[2]

    def check_no_lost_edit(self) -> None:
        data = self.devices[0].dump()["entities"]
        rows = {o["id"]: o for o in data["organisation"]}
        kept: set[str] = set()
        for c in data["conflict"]:
            for v in (c["value_current"], c["value_other"]):
                if isinstance(v, dict):
                    kept.update(str(x) for x in v.values())
                else:
                    kept.add(str(v))
        for e in self.edits:
            if rows[e.row][e.field] == e.value or e.value in kept:
                continue
            assert self._superseded(e), f"edit {e} lost"

    def _superseded(self, e: Edit) -> bool:
        """Overwritten by a later edit of a device that may have seen ``e`` (or by its own)."""
        for later in self.edits:
            if later.row != e.row or later.field != e.field or later.step <= e.step:
                continue
            if later.device == e.device:
                return True
            if self._seen(e, later):
                return True
        return False

    def _seen(self, e: Edit, later: Edit) -> bool:
        """The later device completed a round after ``e`` may first have reached the hub and
        before it made its own edit. (A round whose pull failed has not seen anything.)"""
        reached = [s for s in self.pushed[e.device] if s > e.step]
        if not reached:
            return False
        return any(reached[0] < s < later.step for s in self.synced[later.device])

    def check_exactly_once(self) -> None:
        dev = self.devices[0]
        if not dev.faults.pushes:
            return
        body, headers, answer = dev.faults.pushes[-1]
        token = state.read_token(dev.store)
        auth = {"Authorization": f"Bearer {token}", "X-Sync-Protocol": "1"}
        before = httpx.get(f"{self.hub.base_url}/api/v1/sync/check", headers=auth).json()
        send = {k: v for k, v in headers.items() if k.lower() not in ("content-length", "host")}
        replay = httpx.post(f"{self.hub.base_url}/api/v1/sync/push", content=body, headers=send)
        assert replay.status_code == 200
        assert replay.json()["results"] == json.loads(answer)["results"]
        after = httpx.get(f"{self.hub.base_url}/api/v1/sync/check", headers=auth).json()
        assert before["entities"] == after["entities"]


@pytest.fixture
def machine_env(tmp_path: Path) -> Iterator[Path]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield tmp_path
    keyring.set_keyring(previous)
    shutil.rmtree(tmp_path, ignore_errors=True)


def _run(database_url: str, root: Path, examples: int, steps: int) -> None:
    hub = InProcessHub(database_url)
    hub.start()
    try:
        SyncMachine.hub = hub
        SyncMachine.root = root
        SyncMachine.TestCase.settings = settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
        SyncMachine.TestCase().runTest()
    finally:
        hub.stop()
        hub.drop_snapshots()


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_state_machine_sqlite(machine_env: Path, memory_keyring: Any) -> None:
    _run(
        sqlite_url(machine_env),
        machine_env,
        examples=int(__import__("os").environ.get("ZZ_SM_EXAMPLES", "200")),
        steps=int(__import__("os").environ.get("ZZ_SM_STEPS", "8")),
    )


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.postgres
def test_state_machine_postgres(machine_env: Path, memory_keyring: Any) -> None:
    if not pg_available():
        pytest.skip("PostgreSQL is not reachable")
    with temporary_pg_database() as url:
        _run(url, machine_env, examples=30, steps=8)
