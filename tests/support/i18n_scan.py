"""Finds every literal message passed to ``t()`` / ``t_lang()`` in the Qt-free code.

Run as a script to print the messages that lack a German entry (a JSON skeleton to fill in).
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("zz_desktop",)
EXCLUDE = ("zz_desktop/ui/",)


def messages() -> dict[str, str]:
    """message → first place it occurs."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith(EXCLUDE):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                index = {"t": 0, "t_lang": 1}.get(name or "")
                if index is None or len(node.args) <= index:
                    continue
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, f"{rel}:{node.lineno}")
    return found


def catalogue() -> dict[str, str]:
    path = ROOT / "resources" / "translations" / "messages_de.json"
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":
    known = catalogue()
    missing = {m: "" for m in messages() if m not in known}
    json.dump(missing, sys.stdout, ensure_ascii=False, indent=1)
    print()
