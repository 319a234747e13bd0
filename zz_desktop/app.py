"""Start of the GUI (kept free of Qt imports so the CLI never loads PySide6)."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    from zz_desktop.ui.application import run

    return run(args)
