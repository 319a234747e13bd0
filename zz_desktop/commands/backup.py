"""``zz-desktop backup create|restore PATH``: encrypted copies of the profile database."""

from __future__ import annotations

import argparse
from pathlib import Path

from zz_desktop.commands.common import add_profile_args, emit, open_profile, passphrase, profile_dir
from zz_desktop.i18n import t


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help=t("create or restore an encrypted backup"))
    add_profile_args(p)
    p.add_argument("action", choices=("create", "restore"))
    p.add_argument("path", type=Path)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from zz_desktop.domain import roles
    from zz_desktop.services import permissions
    from zz_desktop.store.database import open_store

    store = open_profile(args)
    if args.action == "create":
        try:
            permissions.require(store, roles.BACKUP_PROFILE)
            made = store.backup(target=args.path)
        finally:
            store.close()
        emit(args, t("Backup written to {path}.", path=made), {"path": str(made)})
        return 0
    try:
        permissions.require(store, roles.RESTORE_BACKUP)
    except permissions.NotAllowed:
        store.close()
        raise
    aside = store.restore(args.path)
    # Reopen: migrates a backup made by an older version and proves the restore is readable.
    reopened = open_store(profile_dir(args), passphrase=passphrase(args))
    try:
        # A backup made before an Art. 17 erasure must not bring the person back.
        from zz_desktop.services.erasure import reapply_after_restore

        reapply_after_restore(reopened)
    finally:
        reopened.close()
    emit(
        args,
        t("Backup restored. The previous database was kept as {path}.", path=aside),
        {"restored": str(args.path), "previous": str(aside)},
    )
    return 0
