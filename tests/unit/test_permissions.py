"""Issue 13: the roles table is enforced on the desktop (domain.roles, services.permissions)."""

from __future__ import annotations

import pytest

from zz_desktop.domain import roles
from zz_desktop.services import permissions
from zz_desktop.store.database import Store
from zz_desktop.sync import state


def test_roles_table() -> None:
    assert roles.may("manager", roles.ERASE_PERSON)
    assert not roles.may("advisor", roles.ERASE_PERSON)
    assert roles.may("advisor", roles.MANAGE_CONSENT) and roles.may("advisor", roles.EDIT_RECORDS)
    assert not roles.may("coordinator", roles.PRIVACY_ACCESS)
    assert not roles.may("admin", roles.EDIT_RECORDS)
    assert not roles.may(None, roles.EDIT_RECORDS)
    assert roles.roles_allowed(roles.ERASE_PERSON) == ["manager"]


def test_role_from_login_is_enforced(store: Store) -> None:
    assert permissions.current_role(store) == "manager"  # never logged in: the data's owner
    state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: "advisor"})
    assert permissions.current_role(store) == "advisor"
    assert not permissions.allowed(store, roles.ERASE_PERSON)
    with pytest.raises(permissions.NotAllowed) as err:
        permissions.require(store, roles.ERASE_PERSON)
    assert roles.role_label("manager") in err.value.message and err.value.exit_code == 3
    state.put(store, **{state.ROLE: "manager"})
    permissions.require(store, roles.ERASE_PERSON)


def test_the_rights_beyond_record_work() -> None:
    """The design table's rights (reports for the centre, erase, resolve any conflict,
    cross-centre report) and the desktop's spelling of record work (import, merge, export,
    backups) per role."""
    record_work = {
        roles.EDIT_RECORDS,
        roles.IMPORT_RECORDS,
        roles.MERGE_RECORDS,
        roles.EXPORT_RECORDS,
        roles.BACKUP_PROFILE,
        roles.RESTORE_BACKUP,
        roles.PRINT_PROTOCOL,
        roles.RESOLVE_OWN_CONFLICT,
    }
    manager_only = {
        roles.CENTRE_REPORTS,
        roles.ERASE_PERSON,
        roles.REVIEW_RETENTION,
        roles.PRIVACY_SETTINGS,
        roles.RESOLVE_ANY_CONFLICT,
    }
    for action in roles.ACTIONS:
        expected = {
            "advisor": action in record_work | {roles.PRIVACY_ACCESS, roles.MANAGE_CONSENT},
            "manager": action != roles.CROSS_CENTRE_REPORT,
            "coordinator": action == roles.CROSS_CENTRE_REPORT,
            "admin": False,
        }
        for role, may in expected.items():
            assert roles.may(role, action) == may, (role, action)
    assert manager_only <= roles.ACTIONS
    assert roles.roles_allowed(roles.RESOLVE_ANY_CONFLICT) == ["manager"]
    assert set(roles.REPORT_ACTIONS) == {
        "protocol",
        "activity",
        "esf",
        "selfemployed",
        "crosscentre",
    }


def test_local_record_edits_need_a_record_role(store: Store) -> None:
    """The store's check: a coordinator or admin profile cannot make or change records by
    any service (the transaction is refused whole), an advisor can."""
    from zz_desktop.services import organisations
    from zz_desktop.store.models import Organisation

    org = organisations.create_organisation(store, {"name": "Alt"})
    for role in ("coordinator", "admin"):
        state.put(store, **{state.HUB_URL: "https://hub.example", state.ROLE: role})
        with pytest.raises(permissions.NotAllowed) as err:
            organisations.update_organisation(store, org.id, {"name": "Neu"})
        assert err.value.exit_code == 3
        with pytest.raises(permissions.NotAllowed):
            organisations.create_organisation(store, {"name": "Zweite"})
    with store.read() as s:
        assert [o.name for o in s.query(Organisation)] == ["Alt"]
    state.put(store, **{state.ROLE: "advisor"})
    organisations.update_organisation(store, org.id, {"name": "Neu"})


def test_privacy_settings_checked_and_stored_together(store: Store) -> None:
    import datetime as dt

    from zz_desktop.errors import ValidationFailed
    from zz_desktop.services import privacy_settings as ps

    with pytest.raises(ValidationFailed) as err:
        ps.save(store, ps.PrivacySettings(0, dt.date(2034, 12, 31), "shred"))
    assert set(err.value.errors) == {"retention_months", "backup_policy"}
    assert ps.load(store) == ps.PrivacySettings(24, dt.date(2033, 12, 31), "mark")
    ps.save(store, ps.PrivacySettings(36, dt.date(2034, 12, 31), "replace"))
    assert ps.load(store) == ps.PrivacySettings(36, dt.date(2034, 12, 31), "replace")
