"""B3: 200 devices sync at once against one hub on PostgreSQL; the same load on SQLite as baseline.

Every device is its own login (its own advisor account and token; advisors spread over the four
demo centres that keep records). All devices start together (asyncio + one ``aiohttp.ClientSession``
with a connection per device, real HTTP on 127.0.0.1; aiohttp rather than httpx because the
200 simulated devices share the hub's two cores, and httpx's pure-Python HTTP/1.1 took more CPU
than the hub's own work): each pushes one batch of creates of
organisations, persons and consultations for its centre (parents first, realistic values), every
tenth then replays that batch as a client whose response got lost would, and each pulls its
centre's changes from cursor 0 until ``has_more`` is false — as the desktop client does: clean
acknowledgements (``X-Sync-Acks: clean``) and ``skip_own``, so a device is not sent back the rows
its push left exactly as it holds them. The PostgreSQL hub runs with two uvicorn
workers (``zz-hub serve --workers 2``; the hub keeps no state of its own), the SQLite hub with one.

Every non-2xx answer and every exception (client timeout 120 s) counts as an error; latencies are
those of every push and pull in the timed phase. The 200 devices share one client process on the
hub's two cores, so in the timed phase a device only keeps a pull page's bytes (its cursor read
from the page's tail); the pages are parsed for the checks afterwards — otherwise the client's
own JSON work would be counted as the hub's latency. Afterwards, outside the timed phase, devices
whose push failed retry it once (as the desktop client would), and then:
- **replays**: every device pushes its batch once more; each result must equal the first one
  (same status and ``server_seq``) and the hub's counter and row counts must not move;
- **lost**: a final paged pull per centre must contain every pushed row with every pushed field
  value unchanged, and each device's own pull (after its acknowledged push) every own row that
  its push did not acknowledge as clean;
- **duplicated**: ids seen twice in a final pull, replay results that differ, extra rows in
  ``sync_row`` or ``agg_consultation`` of a centre (SQL on the hub database), conflict rows.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.harness import Result, p95_ms

BUDGET = "B3"
TITLE = "many devices sync at once (200 × 50 ops, push + pull)"

#: Centres whose advisors keep records (the coordinating centre only sees aggregates).
CENTRES = ("ZZ-ST", "ZZ-SN", "ZZ-TH", "HDS")
HEADERS = {"X-Sync-Protocol": "1", "X-Sync-Schema": "1", "X-Sync-Acks": "clean"}
GZIP_OVER = 4096
PASSWORD = "bench-geheim"

TOPICS = (
    "digital_work_organisation",
    "ai_at_work",
    "qualification_training",
    "data_protection_it_security",
    "mobile_hybrid_work",
    "process_digitalisation",
    "participation_codetermination",
    "health_safety_digital_work",
    "skilled_labour_retention",
    "leadership_communication",
)
SECTORS = ("10.71", "16.23", "25.62", "28.41", "33.12", "41.20", "43.22", "47.11", "62.01", "86.21")
PHRASES = (
    "Der Betrieb plant die Einführung einer digitalen Auftragsplanung für die Werkstatt.",
    "Die Geschäftsführung möchte die Beschäftigten frühzeitig einbinden und den Betriebsrat "
    "an der Auswahl der Software beteiligen.",
    "Bisher werden Arbeitszeiten auf Papier erfasst; eine Umstellung ist für das nächste Quartal "
    "vorgesehen.",
    "Es fehlen Fachkräfte in der Fertigung, Auszubildende bleiben selten länger als zwei Jahre.",
    "Vereinbart wurde ein Workshop mit der Belegschaft zu Chancen und Risiken von KI-Werkzeugen.",
    "Empfohlen wird eine Qualifizierung der Teamleitungen zur Führung hybrider Teams.",
    "Fördermöglichkeiten über das Landesprogramm wurden erläutert; Unterlagen folgen per E-Mail.",
)


@dataclass
class Device:
    index: int
    username: str
    centre: str
    token: str = ""
    user_id: str = ""
    ops: list[dict[str, Any]] = field(default_factory=list)
    body: bytes = b""
    results: list[dict[str, Any]] = field(default_factory=list)
    pulled: Counter[str] = field(default_factory=Counter)
    pages: list[bytes] = field(default_factory=list)
    pull_done: bool = False


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    push_latencies: list[float] = field(default_factory=list)
    pull_latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0


# ---------------------------------------------------------------- hub, accounts, devices


@contextmanager
def hub_server(database_url: str, workers: int, log_lines: list[str]) -> Iterator[str]:
    """``zz-hub serve`` (with ``workers`` uvicorn processes) on a free port; yields its URL and
    leaves the hub's error lines in ``log_lines`` when it stops."""
    import httpx

    from zz_hub.testing import FAST_HASH_ENV, free_port

    env = {**os.environ, **FAST_HASH_ENV}
    with tempfile.NamedTemporaryFile(prefix="zz-b3-hub-", suffix=".log", delete=False) as log:
        port = free_port()
        cmd = [sys.executable, "-m", "zz_hub", "serve", "--database", database_url]
        cmd += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline, ready = time.monotonic() + 60, 0
        while ready < 3 * workers:  # several answers: every worker is likely up
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("hub did not start:\n" + Path(log.name).read_text()[-2000:])
            try:
                ready += httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        text = Path(log.name).read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            if "Error: " in line and not line.startswith(" "):
                log_lines.append(line.split(" (Background")[0][-160:])
        Path(log.name).unlink(missing_ok=True)


def add_advisors(database_url: str, count: int) -> list[Device]:
    """``count`` advisor accounts spread over the record-keeping demo centres (one hash, one
    transaction, through the hub's own models)."""
    from sqlalchemy import select

    from zz_hub.config import HubSettings
    from zz_hub.db import Database
    from zz_hub.ids import uuid7
    from zz_hub.models import Centre, HubUser
    from zz_hub.security import hash_password, utcnow

    settings = HubSettings(database=database_url, argon2_time_cost=1, argon2_memory_kib=8192)
    hashed = hash_password(settings, PASSWORD)
    db = Database(database_url)
    devices = []
    try:
        with db.write() as session:
            ids = dict(session.execute(select(Centre.code, Centre.id)).tuples().all())
            for i in range(count):
                device = Device(i, f"b3-berater-{i:03d}", CENTRES[i % len(CENTRES)])
                session.add(
                    HubUser(
                        id=uuid7(),
                        username=device.username,
                        display_name=f"Beraterin {i}",
                        role="advisor",
                        centre_id=ids[device.centre],
                        partner_institution=None,
                        password_hash=hashed,
                        active=True,
                        created_at=utcnow(),
                    )
                )
                devices.append(device)
    finally:
        db.dispose()
    return devices


def make_ops(device: Device, count: int, rnd: random.Random, fake: Any) -> list[dict[str, Any]]:
    """Creates of organisations, persons and consultations, parents first, as a desktop sends
    them (every wired column, ISO dates; ``fake`` is a de_DE Faker)."""
    from zz_hub.ids import uuid7

    n_org = max(1, count // 5)
    n_person = max(1, count * 3 // 10)
    n_cons = count - n_org - n_person
    now = dt.datetime(2026, 3, 2, 9, 30) + dt.timedelta(minutes=device.index)
    stamp = {
        "created_at": now.isoformat(timespec="milliseconds"),
        "updated_at": now.isoformat(timespec="milliseconds"),
        "created_by": device.user_id,
        "updated_by": device.user_id,
        "deleted": False,
    }
    ops: list[dict[str, Any]] = []

    def op(entity: str, fields: dict[str, Any]) -> str:
        entity_id = uuid7()
        ops.append(
            {
                "op_id": uuid7(),
                "entity": entity,
                "entity_id": entity_id,
                "kind": "upsert",
                "base_seq": None,
                "fields": {**fields, **stamp},
            }
        )
        return entity_id

    orgs = []
    for _ in range(n_org):
        employees = rnd.choice((3, 8, 14, 27, 45, 90, 160, 320))
        sme = "micro" if employees < 10 else "small" if employees < 50 else "medium"
        orgs.append(
            op(
                "organisation",
                {
                    "name": fake.company(),
                    "legal_form": rnd.choice(("GmbH", "GmbH & Co. KG", "e.K.", "AG", "eG")),
                    "street": fake.street_address(),
                    "postcode": fake.postcode(),
                    "city": fake.city(),
                    "ags": rnd.choice(("15002000", "15003000", "14612000", "16051000")),
                    "phone": fake.phone_number(),
                    "email": fake.company_email(),
                    "website": f"https://www.{fake.domain_name()}",
                    "sector_code": rnd.choice(SECTORS),
                    "sector_version": "WZ2025",
                    "employees": employees,
                    "turnover_band": "le_2m" if employees < 10 else "le_10m",
                    "sme_class": sme,
                    "works_council": employees >= 50,
                    "tags": rnd.sample(["Handwerk", "Industrie", "Netzwerk", "Pilotbetrieb"], 2),
                    "source": rnd.choice(("event", "partner_referral", "own_initiative")),
                    "notes": rnd.choice(PHRASES),
                },
            )
        )
    persons = []
    for _ in range(n_person):
        gender = rnd.choices(("female", "male", "non_binary", "not_stated"), (46, 48, 1, 5))[0]
        first = fake.first_name_female() if gender == "female" else fake.first_name_male()
        last = fake.last_name()
        persons.append(
            op(
                "person",
                {
                    "salutation": {"female": "Frau", "male": "Herr"}.get(gender),
                    "first_name": first,
                    "last_name": last,
                    "gender": gender,
                    "birth_year": rnd.randint(1962, 2004),
                    "postcode": fake.postcode(),
                    "email": f"{first}.{last}@example.de".lower().replace(" ", ""),
                    "phone": fake.phone_number(),
                    "employment_status": "employed",
                    "education": rnd.choice(("isced_3_4", "isced_5_8")),
                    "disability": "no_answer",
                    "third_country_national": "no",
                    "foreign_origin": "no_answer",
                    "minority": "no_answer",
                    "homeless": "no",
                    "rural_area": rnd.choice(("yes", "no")),
                    "notes": None,
                    "erased_at": None,
                },
            )
        )
    for _ in range(n_cons):
        day = dt.date(2026, 1, 5) + dt.timedelta(days=rnd.randint(0, 55))
        op(
            "consultation",
            {
                "date": day.isoformat(),
                "start_time": f"{rnd.randint(8, 16):02d}:{rnd.choice((0, 15, 30, 45)):02d}",
                "duration_min": rnd.choice((30, 45, 60, 90, 120)),
                "mode": rnd.choice(("on_site", "at_centre", "phone", "video")),
                "kind": rnd.choice(("signposting", "in_depth", "follow_up")),
                "title": f"Erstgespräch {fake.company()}",
                "place": fake.city(),
                "organisation_id": rnd.choice(orgs),
                "person_id": rnd.choice(persons),
                "advisor_ids": [device.user_id],
                "topics": rnd.sample(TOPICS, rnd.randint(1, 3)),
                "starting_situation": " ".join(rnd.sample(PHRASES, 3)),
                "findings": " ".join(rnd.sample(PHRASES, 2)),
                "agreements": rnd.choice(PHRASES),
                "recommendations": rnd.choice(PHRASES),
                "referral_to": None,
                "referral_reason": None,
                "next_appointment": (day + dt.timedelta(days=28)).isoformat(),
                "status": "final",
                "esf_counting": "entity",
            },
        )
    return ops


def encode(batch: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    """The request body as the desktop client sends it (gzip above a few KB)."""
    raw = json.dumps(batch, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if len(raw) > GZIP_OVER:
        return gzip.compress(raw, compresslevel=5), headers | {"Content-Encoding": "gzip"}
    return raw, headers


# ---------------------------------------------------------------- the load


def _client(connections: int) -> Any:
    """One HTTP client for all devices: a connection each, 120 s per request, gzip decoded."""
    import aiohttp

    connector = aiohttp.TCPConnector(limit=connections, force_close=False)
    timeout = aiohttp.ClientTimeout(total=120.0)
    return aiohttp.ClientSession(headers=HEADERS, connector=connector, timeout=timeout)


async def _login(http: Any, url: str, device: Device) -> None:
    body = {"username": device.username, "password": PASSWORD, "device_name": "B3 Laptop"}
    async with http.post(f"{url}/api/v1/auth/login", json=body) as resp:
        resp.raise_for_status()
        data = json.loads(await resp.read())
    device.token, device.user_id = data["token"], data["user"]["id"]


async def _push(http: Any, url: str, device: Device, load: Load | None) -> list[dict[str, Any]]:
    content, headers = encode({"batch_id": f"b3-{device.index}", "ops": device.ops})
    headers |= {"Authorization": f"Bearer {device.token}"}
    start = time.perf_counter()
    async with http.post(f"{url}/api/v1/sync/push", data=content, headers=headers) as resp:
        status, answer = resp.status, await resp.read()
    if load is not None:
        elapsed = time.perf_counter() - start
        load.latencies.append(elapsed)
        load.push_latencies.append(elapsed)
        load.requests += 1
    if status != 200:
        raise RuntimeError(f"push: HTTP {status} {answer[:200]!r}")
    results: list[dict[str, Any]] = json.loads(answer)["results"]
    return results


async def _pull_pages(
    http: Any, url: str, token: str, load: Load | None, skip_own: bool
) -> list[bytes]:
    """Every page of the caller's changes from cursor 0, as received (the cursor is read from
    the envelope that follows the changes; nothing else is parsed)."""
    headers = {"Authorization": f"Bearer {token}"}
    after, more, pages = 0, True, []
    while more:
        params: dict[str, Any] = {"after": after, "limit": 500}
        if skip_own:
            params["skip_own"] = "true"
        start = time.perf_counter()
        async with http.get(f"{url}/api/v1/sync/pull", params=params, headers=headers) as resp:
            status, page = resp.status, await resp.read()
        if load is not None:
            load.latencies.append(time.perf_counter() - start)
            load.pull_latencies.append(load.latencies[-1])
            load.requests += 1
        if status != 200:
            raise RuntimeError(f"pull: HTTP {status} {page[:200]!r}")
        pages.append(page)
        tail = json.loads(b"{" + page[page.rindex(b'],"next":') + 2 :])
        after, more = tail["next"], tail["has_more"]
    return pages


def _changes(pages: list[bytes]) -> list[dict[str, Any]]:
    return [change for page in pages for change in json.loads(page)["changes"]]


async def _pull_all(http: Any, url: str, token: str) -> list[dict[str, Any]]:
    return _changes(await _pull_pages(http, url, token, None, False))


async def _device_round(http: Any, url: str, device: Device, load: Load) -> None:
    try:
        device.results = await _push(http, url, device, load)
        bad = [r for r in device.results if r["status"] != "applied"]
        if bad or len(device.results) != len(device.ops):
            load.errors.append(f"device {device.index}: {len(bad)} ops not applied")
        if device.index % 10 == 0:  # the response was lost: the client pushes the batch again
            again = await _push(http, url, device, load)
            if again != device.results:
                load.errors.append(f"device {device.index}: replay answered differently")
        device.pages = await _pull_pages(http, url, device.token, load, True)
        device.pull_done = True
    except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the others
        load.errors.append(f"device {device.index}: {type(exc).__name__}: {exc}"[:300])


async def drive(url: str, devices: list[Device], n_ops: int) -> tuple[Load, float, float]:
    """Logins and op generation (setup, timed apart), then all devices at once."""
    from faker import Faker

    async with _client(len(devices) + 8) as http:
        start = time.perf_counter()
        gate = asyncio.Semaphore(16)

        async def login(device: Device) -> None:
            async with gate:
                await _login(http, url, device)

        await asyncio.gather(*(login(d) for d in devices))
        login_s = time.perf_counter() - start
        rnd, fake = random.Random(3), Faker("de_DE")
        fake.seed_instance(3)
        for device in devices:
            device.ops = make_ops(device, n_ops, rnd, fake)
        load = Load()
        start = time.perf_counter()
        await asyncio.gather(*(_device_round(http, url, d, load) for d in devices))
        wall = time.perf_counter() - start
    return load, wall, login_s


# ---------------------------------------------------------------- checks after the load


def hub_counts(database_url: str) -> dict[str, Any]:
    """Counter value and per-centre row counts straight from the hub database."""
    from sqlalchemy import text

    from zz_hub.db import Database

    db = Database(database_url)
    try:
        with db.read() as session:
            # Changes counted by all centres (each has its own sequence, zz_hub/seq.py).
            seq = session.execute(
                text(
                    "SELECT coalesce(sum(c.value - f.value), 0) FROM centre_counter c "
                    "CROSS JOIN seq_counter f"
                )
            ).scalar_one()
            rows = session.execute(
                text(
                    "SELECT c.code, r.entity, count(*) FROM sync_row r "
                    "JOIN centre c ON c.id = r.centre_id GROUP BY c.code, r.entity"
                )
            ).all()
            agg = session.execute(
                text(
                    "SELECT c.code, count(*) FROM agg_consultation a "
                    "JOIN centre c ON c.id = a.centre_id GROUP BY c.code"
                )
            ).all()
    finally:
        db.dispose()
    return {
        "seq": int(seq),
        "rows": {(code, entity): int(n) for code, entity, n in rows},
        "agg": {code: int(n) for code, n in agg},
    }


async def verify(url: str, database_url: str, devices: list[Device]) -> dict[str, int]:
    lost = duplicated = 0
    # Devices whose push failed in the load retry it now (their client keeps the outbox).
    failed = [d for d in devices if not d.results and d.token]
    retried = {d.index for d in failed}
    async with _client(32) as http:
        gate = asyncio.Semaphore(16)

        async def retry(device: Device) -> None:
            async with gate:
                device.results = await _push(http, url, device, None)

        await asyncio.gather(*(retry(d) for d in failed))
        before = hub_counts(database_url)

        async def replay(device: Device) -> bool:
            async with gate:
                return await _push(http, url, device, None) == device.results

        same = await asyncio.gather(*(replay(d) for d in devices if d.results))
        duplicated += sum(1 for ok in same if not ok)
        finals = {}
        for centre in CENTRES:
            first = next((d for d in devices if d.centre == centre and d.token), None)
            if first is not None:
                finals[centre] = await _pull_all(http, url, first.token)
    after = hub_counts(database_url)
    duplicated += int(after != before)  # a replay that moved the counter or added rows

    expected: dict[str, dict[str, dict[str, Any]]] = {c: {} for c in CENTRES}
    for device in devices:
        for op in device.ops:
            expected[device.centre][op["entity_id"]] = op
        if device.index not in retried and device.pull_done:  # pulled after its push
            device.pulled.update(ch["entity_id"] for ch in _changes(device.pages))
            clean = {r["op_id"] for r in device.results if r.get("clean")}
            lost += sum(
                1
                for op in device.ops
                if device.pulled[op["entity_id"]] == 0 and op["op_id"] not in clean
            )
    for centre, changes in finals.items():
        seen = Counter(ch["entity_id"] for ch in changes)
        duplicated += sum(n - 1 for n in seen.values() if n > 1)
        by_id = {ch["entity_id"]: ch for ch in changes}
        for eid, op in expected[centre].items():
            got = by_id.get(eid)
            if got is None or any(got["fields"].get(k) != v for k, v in op["fields"].items()):
                lost += 1
        duplicated += sum(1 for ch in changes if ch["entity_id"] not in expected[centre])
        want = Counter(op["entity"] for op in expected[centre].values())
        for entity, n in want.items():
            duplicated += max(0, after["rows"].get((centre, entity), 0) - n)
        duplicated += max(0, after["agg"].get(centre, 0) - want["consultation"])
    conflicts = sum(n for (_c, entity), n in after["rows"].items() if entity == "conflict")
    return {
        "lost": lost,
        "duplicated": duplicated,
        "conflicts": conflicts,
        "retried_after_load": len(failed),
    }


def measure(database_url: str, workers: int, n_devices: int, n_ops: int) -> dict[str, Any]:
    from zz_hub.testing import seed

    seed(database_url)
    devices = add_advisors(database_url, n_devices)
    hub_errors: list[str] = []
    with hub_server(database_url, workers, hub_errors) as url:
        load, wall, login_s = asyncio.run(drive(url, devices, n_ops))
        checks = asyncio.run(verify(url, database_url, devices))
    return {
        "wall_s": wall,
        "p95_ms": p95_ms(load.latencies) if load.latencies else 0.0,
        "push_p95_ms": p95_ms(load.push_latencies) if load.push_latencies else 0.0,
        "pull_p95_ms": p95_ms(load.pull_latencies) if load.pull_latencies else 0.0,
        "median_ms": statistics.median(load.latencies) * 1000 if load.latencies else 0.0,
        "over_30s": sum(1 for t in load.latencies if t > 30),
        "requests": load.requests,
        "errors": len(load.errors),
        "error_samples": load.errors[:5],
        "hub_errors": dict(Counter(hub_errors).most_common(5)),
        "login_s": login_s,
        "workers": workers,
        **checks,
    }


def _results(label: str, m: dict[str, Any], base: dict[str, Any] | None, size: str) -> list[Result]:
    faults = m["errors"] + m["lost"] + m["duplicated"]
    clean = faults == 0 and m["conflicts"] == 0
    extra = {k: v for k, v in m.items() if k != "error_samples"} | {
        "errors_seen": m["error_samples"]
    }
    bname = "same load on SQLite"
    return [
        Result(
            f"{label}, {size}: errors + lost + duplicated "
            f"({m['errors']} / {m['lost']} / {m['duplicated']})",
            faults,
            "",
            budget="0",
            baseline=None if base is None else base["errors"] + base["lost"] + base["duplicated"],
            baseline_name=bname if base else "",
            ok=clean,
            extra=extra,
        ),
        Result(
            f"{label}, {size}: p95 request ({m['requests']} requests; push p95 "
            f"{m['push_p95_ms'] / 1000:.1f} s, pull p95 {m['pull_p95_ms'] / 1000:.1f} s)",
            m["p95_ms"],
            "ms",
            budget="≤ 2,000 ms",
            baseline=None if base is None else base["p95_ms"],
            baseline_name=bname if base else "",
            ok=m["p95_ms"] <= 2000,
        ),
        Result(
            f"{label}, {size}: all devices done",
            m["wall_s"],
            "s",
            budget="≤ 60 s",
            baseline=None if base is None else base["wall_s"],
            baseline_name=bname if base else "",
            ok=m["wall_s"] <= 60 and clean,
        ),
    ]


def run(smoke: bool) -> list[Result]:
    from zz_hub.testing import pg_available, sqlite_url, temporary_pg_database

    n_devices, n_ops = (5, 5) if smoke else (200, 50)
    size = f"{n_devices} devices × {n_ops} ops"
    with tempfile.TemporaryDirectory(prefix="zz-b3-") as tmp:
        lite = measure(sqlite_url(tmp), 1, n_devices, n_ops)
    results = _results("SQLite hub (1 worker)", lite, None, size)
    if pg_available():
        with temporary_pg_database() as url:
            workers = 1 if smoke else 2  # a second worker costs seconds to start
            pg = measure(url, workers, n_devices, n_ops)
        label = f"PostgreSQL hub ({workers} worker{'s' if workers > 1 else ''})"
        results = _results(label, pg, lite, size) + results
        if not smoke and os.environ.get("ZZ_B3_SCALING", "1") != "0":
            results += _scaling(n_devices, n_ops, size, pg)
    return results


def _scaling(n: int, ops: int, size: str, two: dict[str, Any]) -> list[Result]:
    """The same load with 1 and 4 hub workers on PostgreSQL (each on a fresh database): more
    workers must finish sooner (issue 16: no global lock). The 1-worker run is the baseline."""
    from zz_hub.testing import temporary_pg_database

    runs = {2: two}
    for workers in (1, 4):
        with temporary_pg_database() as url:
            runs[workers] = measure(url, workers, n, ops)
    one = runs[1]
    out = []
    for workers in (1, 2, 4):
        m = runs[workers]
        faults = m["errors"] + m["lost"] + m["duplicated"]
        out.append(
            Result(
                f"PostgreSQL scaling, {size}: all done with {workers} worker(s) "
                f"(p95 {m['p95_ms']:.0f} ms, faults {faults})",
                m["wall_s"],
                "s",
                budget="4 workers < 1 worker" if workers == 4 else "",
                baseline=one["wall_s"] if workers != 1 else None,
                baseline_name="1 worker" if workers != 1 else "",
                ok=(m["wall_s"] < one["wall_s"] and faults == 0) if workers == 4 else None,
                extra={
                    "workers": workers,
                    "p95_ms": m["p95_ms"],
                    "faults": faults,
                    **{k: m[k] for k in ("errors", "lost", "duplicated", "conflicts")},
                    "errors_seen": m["error_samples"],
                    "hub_errors": m["hub_errors"],
                },
            )
        )
    return out
