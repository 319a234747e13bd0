"""The controller's privacy settings of a profile: the retention period after the last contact,
the end of the programme's (ESF) retention period and what an erasure does to older backups.
Read by services.retention and services.erasure; changed only by a role with the right
(the centre manager, domain.roles.PRIVACY_SETTINGS)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zz_desktop.domain import roles
from zz_desktop.errors import ValidationFailed
from zz_desktop.i18n import t
from zz_desktop.services import permissions, retention
from zz_desktop.store.database import Store
from zz_desktop.store.models import Setting

BACKUP_POLICY_SETTING = "privacy.backup_policy"
BACKUP_POLICIES = ("mark", "replace")
MONTHS_RANGE = (1, 240)


@dataclass(frozen=True)
class PrivacySettings:
    retention_months: int
    esf_retention_end: dt.date
    backup_policy: str


def load(store: Store) -> PrivacySettings:
    months = store.get_setting(retention.MONTHS_SETTING, retention.DEFAULT_MONTHS)
    policy = store.get_setting(BACKUP_POLICY_SETTING, "mark")
    return PrivacySettings(
        int(months),  # type: ignore[call-overload]
        retention.esf_end(store),
        policy if policy in BACKUP_POLICIES else "mark",
    )


def save(store: Store, new: PrivacySettings) -> None:
    """Store the settings (all or nothing) after the role and the values are checked."""
    permissions.require(store, roles.PRIVACY_SETTINGS)
    errors: dict[str, str] = {}
    low, high = MONTHS_RANGE
    if not low <= new.retention_months <= high:
        errors["retention_months"] = t(
            "The retention period must be between {low} and {high} months.", low=low, high=high
        )
    if new.backup_policy not in BACKUP_POLICIES:
        errors["backup_policy"] = t("Unknown backup policy '{policy}'.", policy=new.backup_policy)
    if errors:
        raise ValidationFailed(errors)
    values = {
        retention.MONTHS_SETTING: new.retention_months,
        retention.ESF_END_SETTING: new.esf_retention_end.isoformat(),
        BACKUP_POLICY_SETTING: new.backup_policy,
    }
    with store.write() as session:  # one transaction: all three or none
        for key, value in values.items():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
