"""The client's transport security (issue 16): no clear-text hub outside loopback unless asked,
certificate failures named as such, rotated device tokens followed and stored (keyring)."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.e2e.conftest import assert_one_line_error, run_cli
from tests.sync.conftest import DeviceFactory
from tests.sync.support import InProcessHub
from zz_desktop.errors import ValidationFailed
from zz_desktop.services import sync_service
from zz_desktop.store.database import Store
from zz_desktop.sync import state
from zz_desktop.sync.errors import CertificateInvalid, InsecureHub
from zz_desktop.sync.transport import HubClient, check_address
from zz_hub.db import normalise_url


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://localhost:1",
        "http://[::1]:80",
        "http://127.3.4.5",
        "https://192.0.2.1",
        "https://hub.example.org",
    ],
)
def test_allowed_addresses(url: str) -> None:
    check_address(url)


@pytest.mark.parametrize(
    "url", ["http://192.0.2.1:8765", "http://hub.example.org", "http://[2001:db8::1]"]
)
def test_clear_text_outside_loopback_is_refused(url: str) -> None:
    with pytest.raises(InsecureHub) as info:
        check_address(url)
    assert "http://" in info.value.message and "--insecure-http" in info.value.message
    check_address(url, insecure_http=True)
    with pytest.raises(InsecureHub):
        HubClient(url)


def test_login_refuses_before_sending_anything(store: Store) -> None:
    made: list[Any] = []

    def factory(*args: Any, **kwargs: Any) -> Any:
        made.append(args)
        raise AssertionError("no request may be made")

    with pytest.raises(ValidationFailed) as info:
        sync_service.login(store, "http://192.0.2.1:8765", "u", "p", client_factory=factory)
    assert "hub" in info.value.errors and not made


def test_cli_names_the_refusal_in_one_line(tmp_path: Path) -> None:
    for lang, word in (("en", "not encrypted"), ("de", "unverschlüsselt")):
        result = run_cli(
            "login",
            "--profile",
            tmp_path / f"p-{lang}",
            "--hub",
            "http://192.0.2.1:8765",
            "--user",
            "berater1",
            "--password-stdin",
            env={
                "ZZ_PASSPHRASE": "e2e-geheim-lang",
                "ZZ_LANG": lang,
                "ZZ_LOG_DIR": str(tmp_path / "logs"),
            },
            input="demo\n",
            timeout=120,
        )
        line = assert_one_line_error(result)
        assert word in line, line


@pytest.fixture(scope="module")
def untrusted_tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A TLS server on 127.0.0.1 with a self-signed certificate (nobody trusts it)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            try:
                with context.wrap_socket(conn, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{port}"
    stop.set()
    thread.join(2)
    listener.close()


def test_certificate_errors_are_named(untrusted_tls: str) -> None:
    client = HubClient(untrusted_tls, retries=2, sleep=lambda _s: None)
    with client, pytest.raises(CertificateInvalid) as info:
        client.check()
    assert "certificate" in info.value.message.lower() or "zertifikat" in info.value.message.lower()
    assert "self-signed" in info.value.reason or "self signed" in info.value.reason


def test_the_client_follows_a_rotated_token(
    hub: InProcessHub, device: DeviceFactory, memory_keyring: object
) -> None:
    dev = device()
    old = state.read_token(dev.store)
    assert old and state.get(dev.store, state.TOKEN_KEY) is None  # in the keyring
    engine = create_engine(normalise_url(hub.database_url))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE device SET token_issued_at = :t WHERE id = :d"),
            {
                "t": dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=2),
                "d": state.get(dev.store, state.DEVICE_ID),
            },
        )
    engine.dispose()
    dev.sync()
    new = state.read_token(dev.store)
    assert new and new != old
    dev.sync()  # the new token works; the old one is forgotten by the hub
    assert state.read_token(dev.store) == new
    with HubClient(hub.base_url, old, retries=0) as client:
        from zz_desktop.sync.errors import TokenRevoked

        with pytest.raises(TokenRevoked):
            client.check()
