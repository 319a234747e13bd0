"""Merge German translations into ``resources/translations/messages_de.json`` safely while
several people edit the tree: ``python -m tests.support.i18n_add new_entries.json``."""

from __future__ import annotations

import fcntl
import json
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "messages_de.json"


def merge(entries: dict[str, str]) -> int:
    with open(str(CATALOGUE) + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
        data.update({k: v for k, v in entries.items() if v})
        tmp = CATALOGUE.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
        tmp.replace(CATALOGUE)
    return len(entries)


if __name__ == "__main__":
    print(merge(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))), "entries merged")
