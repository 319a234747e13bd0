"""Fixtures for every suite: an in-memory keyring, a fresh profile store, German by default."""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from tests.support.memkeyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A test still running after this many seconds ends the whole run with every thread's stack.
#: pytest-timeout (300 s, pyproject) fails a test stuck in Python; this is for one stuck where no
#: Python code can run — a deadlock holding the GIL, which no Python-level timer survives.
HARD_LIMIT_S = 420


@pytest.fixture(autouse=True)
def _hard_limit() -> Iterator[None]:
    faulthandler.dump_traceback_later(HARD_LIMIT_S, exit=True, file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZZ_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
    monkeypatch.delenv("ZZ_PASSPHRASE", raising=False)
    from zz_desktop import i18n

    i18n.set_language("de")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(memory_keyring: MemoryKeyring, profile_dir: Path) -> Iterator[object]:
    from zz_desktop.services.identity import ensure_local_identity
    from zz_desktop.store.database import open_store

    st = open_store(profile_dir, create=True)
    ensure_local_identity(st)
    yield st
    st.close()
