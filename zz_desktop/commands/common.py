"""What every command shares: profile and passphrase options, opening the store, output."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zz_desktop.paths import default_profile_dir
from zz_desktop.store.database import Store, open_store
from zz_protocol.schemas import OpResult


def add_profile_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", type=Path, default=argparse.SUPPRESS, help="profile directory")
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the profile passphrase from stdin (where no keyring exists)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def profile_dir(args: argparse.Namespace) -> Path:
    value = getattr(args, "profile", None)
    return Path(value) if value else default_profile_dir()


def passphrase(args: argparse.Namespace) -> str | None:
    if getattr(args, "passphrase_stdin", False):
        if not hasattr(args, "_passphrase"):
            line = sys.stdin.readline()
            args._passphrase = line.rstrip("\r\n")
        return str(args._passphrase)
    return os.environ.get("ZZ_PASSPHRASE") or None


def open_profile(args: argparse.Namespace, create: bool = False) -> Store:
    return open_store(profile_dir(args), passphrase=passphrase(args), create=create)


def emit(args: argparse.Namespace, human: str, data: dict[str, Any]) -> None:
    """Print the result: one JSON object with ``--json``, else a human line."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, sort_keys=True))
    else:
        print(human)


def emit_push(args: argparse.Namespace, results: Sequence[OpResult], summary: str) -> int:
    """Print what the hub did with a programme push (``summary`` names {applied} of {total});
    exit code 1 when the hub refused any row, with its reasons."""
    applied = sum(r.status == "applied" for r in results)
    refused = [f"{r.op_id}: {r.reason}" for r in results if r.status == "rejected"]
    emit(
        args,
        summary.format(applied=applied, total=len(results))
        + "".join("\n" + line for line in refused),
        {"applied": applied, "results": [r.model_dump(mode="json") for r in results]},
    )
    return 0 if not refused else 1
