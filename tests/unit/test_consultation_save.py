"""The consultation form's save is one transaction: a failure (an exception inside it, or the
process killed with SIGKILL mid-save) leaves the old or the new consultation with its follow-ups,
never a mix; a retry does not add follow-ups twice; advisors and a title are required."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from zz_desktop.errors import ValidationFailed
from zz_desktop.services import consultations, drafts, organisations, persons
from zz_desktop.store.database import Store
from zz_desktop.store.models import Consultation, ConsultationParticipant, FollowUp


def _setup(store: Store) -> tuple[str, str, str, str]:
    org = organisations.create_organisation(
        store, {"name": "Müller Söhne GmbH", "city": "Weißenfels", "postcode": "06667"}
    ).id
    p1 = persons.create_person(store, {"first_name": "Anna", "last_name": "Alt"}, org).id
    p2 = persons.create_person(store, {"first_name": "Bert", "last_name": "Neu"}, org).id
    data = consultations.new_consultation_defaults(store, org) | {"title": "Erstgespräch"}
    cid = consultations.save(
        store, None, data, [p1], [{"text": "Angebot senden", "due_date": dt.date(2026, 3, 1)}]
    ).consultation.id
    return org, p1, p2, cid


def _state(store: Store, cid: str) -> tuple[str | None, list[str], list[str]]:
    with store.read() as s:
        title = s.get(Consultation, cid).title  # type: ignore[union-attr]
        parts = sorted(
            s.scalars(
                select(ConsultationParticipant.person_id).where(
                    ConsultationParticipant.consultation_id == cid,
                    ConsultationParticipant.deleted.is_(False),
                )
            )
        )
        fus = sorted(s.scalars(select(FollowUp.text).where(FollowUp.consultation_id == cid)))
    return title, parts, fus


def test_save_requires_title_and_advisor(store: Store) -> None:
    org = organisations.create_organisation(store, {"name": "Leer GmbH"}).id
    data = consultations.new_consultation_defaults(store, org) | {"advisor_ids": [], "title": " "}
    with pytest.raises(ValidationFailed) as err:
        consultations.save(store, None, data, [])
    assert {"title", "advisor_ids"} <= set(err.value.errors)
    data["title"] = "Besuch"
    data["advisor_ids"] = [store.actor.user_id]
    saved = consultations.save(store, None, data, []).consultation
    assert saved.advisor_ids == [store.actor.user_id]
    assert consultations.without_advisor(store) == []


def test_exception_inside_the_save_rolls_everything_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    org, p1, p2, cid = _setup(store)
    before = _state(store, cid)
    drafts.save_draft(store, "consultation", cid, {"values": {}})
    form = consultations.load_form(store, cid)
    changed = form.values | {"title": "Zweitgespräch"}
    new_fus = [{"id": "fu-retry-1", "text": "Förderung prüfen", "due_date": dt.date(2026, 4, 1)}]

    # Fail after the consultation, the participants and the follow-ups are in the session.
    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(drafts, "discard", boom)
    with pytest.raises(RuntimeError):
        consultations.save(store, cid, changed, [p2], new_fus, draft=("consultation", cid))
    assert _state(store, cid) == before
    assert drafts.load_draft(store, "consultation", cid) is not None
    monkeypatch.undo()

    after = consultations.save(store, cid, changed, [p2], new_fus, draft=("consultation", cid))
    again = consultations.save(store, cid, changed, [p2], new_fus, draft=("consultation", cid))
    assert after.consultation.id == again.consultation.id == cid
    assert _state(store, cid) == ("Zweitgespräch", [p2], ["Angebot senden", "Förderung prüfen"])
    assert drafts.load_draft(store, "consultation", cid) is None


CHILD = textwrap.dedent(
    """
    import datetime as dt, os, sys, time
    from zz_desktop.services import consultations, drafts
    from zz_desktop.store.database import open_store
    from zz_desktop.services.identity import ensure_local_identity

    store = open_store(sys.argv[1], passphrase="kill-test-passphrase")
    ensure_local_identity(store)
    cid, person = sys.argv[2], sys.argv[3]
    real = drafts.discard

    def stall(session, *args):
        real(session, *args)
        print("inside", flush=True)
        time.sleep(60)  # killed here: everything written, nothing committed

    drafts.discard = stall
    form = consultations.load_form(store, cid)
    consultations.save(
        store, cid, form.values | {"title": "Zweitgespräch"}, [person],
        [{"id": "fu-k", "text": "Förderung prüfen", "due_date": dt.date(2026, 4, 1)}],
        draft=("consultation", cid),
    )
    """
)


def test_sigkill_mid_save_leaves_the_old_consultation(no_keyring: None, tmp_path: Path) -> None:
    from zz_desktop.services.identity import ensure_local_identity
    from zz_desktop.store.database import open_store

    profile = tmp_path / "p"
    store = open_store(profile, create=True, passphrase="kill-test-passphrase")
    ensure_local_identity(store)
    org, p1, p2, cid = _setup(store)
    before = _state(store, cid)
    store.close()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile), cid, p2],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "inside"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    store = open_store(profile, passphrase="kill-test-passphrase")
    try:
        assert _state(store, cid) == before
        form = consultations.load_form(store, cid)
        retry = [{"id": "fu-k", "text": "Förderung prüfen", "due_date": dt.date(2026, 4, 1)}]
        for _ in range(2):
            consultations.save(store, cid, form.values | {"title": "Zweitgespräch"}, [p2], retry)
        assert _state(store, cid) == ("Zweitgespräch", [p2], ["Angebot senden", "Förderung prüfen"])
    finally:
        store.close()
