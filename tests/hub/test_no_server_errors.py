"""No input makes the hub answer 5xx (issue 16): the inputs that once gave 500 on PostgreSQL, and
schemathesis fuzzing every operation of the OpenAPI schema (valid and invalid data, bounded
examples) against a real hub on SQLite and PostgreSQL.

``ZZ_FUZZ_EXAMPLES`` sets the examples per operation (default 25, valid and invalid data mixed:
about 12 s of fuzzing per backend; starting the module's own hub costs more than that).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hub.conftest import database_for
from zz_hub.testing import HubProcess, running_hub_process

HEADERS = {"X-Sync-Protocol": "1", "X-Sync-Schema": "1"}
EXAMPLES = int(os.environ.get("ZZ_FUZZ_EXAMPLES", "25"))
#: Logout would revoke the fuzzer's own token; it has no input of its own to fuzz.
SKIPPED = {("POST", "/api/v1/auth/logout")}


@pytest.fixture(scope="module")
def fuzz_hub(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    for url in database_for(backend, tmp_path_factory.mktemp("fuzz")):
        with running_hub_process(url) as process:
            yield process


def _token(base: str, username: str) -> str:
    response = httpx.post(
        f"{base}/api/v1/auth/login",
        json={"username": username, "password": "demo", "device_name": "fuzz"},
        timeout=30,
    )
    response.raise_for_status()
    return str(response.json()["token"])


def _op(**changes: Any) -> dict[str, Any]:
    op = {
        "op_id": str(uuid.uuid4()),
        "entity": "organisation",
        "entity_id": str(uuid.uuid4()),
        "kind": "upsert",
        "base_seq": None,
        "fields": {"name": "Muster GmbH"},
    }
    return {**op, **changes}


def _push(ops: list[dict[str, Any]]) -> str:
    return json.dumps({"batch_id": "b", "ops": ops})


#: (path, JSON text as sent — escapes allow lone surrogates) that gave 500 before issue 16.
ONCE_500 = [
    ("/auth/login", json.dumps({"username": "a\x00b", "password": "x", "device_name": "d"})),
    ("/auth/login", '{"username": "a\\ud800", "password": "x", "device_name": "d"}'),
    ("/auth/login", '{"username": "berater2", "password": "\\udc00", "device_name": "d"}'),
    (
        "/auth/login",
        json.dumps({"username": "berater2", "password": "demo", "device_name": "\x00"}),
    ),
    ("/sync/push", _push([_op(op_id="x" * 65)])),
    ("/sync/push", _push([_op(op_id="a\x00")])),
    ("/sync/push", _push([_op(entity_id="a\x00")])),
    ("/sync/push", _push([_op(entity="organisation\x00")])),
    ("/sync/push", _push([_op(op_id="\ud800")])),
    ("/sync/push", '{"batch_id":"b","ops":[' + json.dumps(_op())[:-1] + ',"strict":NaN}]}'),
    ("/sync/push", _push([_op(fields={"name": float("nan")})])),
    ("/sync/push", _push([_op(fields={"name": "\ud800"})])),
    ("/sync/push", _push([_op(fields={"\ud800": "x"})])),
    ("/sync/push", _push([_op(fields={"name": "a\x00b"})])),
]


def test_inputs_that_once_gave_500_get_a_4xx_or_a_rejection(fuzz_hub: HubProcess) -> None:
    base = f"{fuzz_hub.base_url}/api/v1"
    auth = {"Authorization": f"Bearer {_token(fuzz_hub.base_url, 'berater1')}"}
    for path, body in ONCE_500:
        response = httpx.post(
            base + path,
            content=body.encode("utf-8", "surrogatepass"),
            headers={"Content-Type": "application/json", **HEADERS, **auth},
            timeout=30,
        )
        assert response.status_code < 500, (path, response.status_code)
        assert response.json().get("detail") or response.json().get("results"), path
        if path == "/sync/push" and response.status_code == 200:
            results = response.json()["results"]
            assert [r["status"] for r in results] == ["rejected"] and results[0]["reason"]


def _fuzz(operation: Any, headers: dict[str, str], failures: list[str]) -> None:
    from schemathesis.generation import GenerationMode

    strategy = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        response = case.call(headers=headers, timeout=30)
        if response.status_code >= 500:
            failures.append(f"{case.method} {case.path}: {response.status_code}")

    run()


def test_schemathesis_finds_no_server_error(fuzz_hub: HubProcess) -> None:
    import schemathesis

    base = fuzz_hub.base_url
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    advisor = {"Authorization": f"Bearer {_token(base, 'berater1')}", **HEADERS}
    coordinator = {"Authorization": f"Bearer {_token(base, 'koordination')}", **HEADERS}
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue
        _fuzz(operation, coordinator if "/aggregates" in operation.path else advisor, failures)
    assert not failures, failures[:20]
