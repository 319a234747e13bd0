"""``make audit``: pip-audit against the locked set (requirements.lock), skipped with a message
where no vulnerability database is reachable (this workplace reaches package downloads only).

Exit 0: no known vulnerability, or the database unreachable (said so); exit 1: vulnerabilities
found, listed one per line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"


def main() -> int:
    args = [sys.executable, "-m", "pip_audit", "--disable-pip", "-r", str(LOCK)]
    args += ["--progress-spinner", "off", "--format", "json", "--timeout", "20"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"pip-audit skipped: vulnerability database not reachable ({last[:160]})")
        return 0
    deps = report.get("dependencies", [])
    audited = [d for d in deps if "skip_reason" not in d]
    if not audited:
        print(
            f"pip-audit skipped: vulnerability database not reachable "
            f"(none of {len(deps)} locked packages could be looked up)"
        )
        return 0
    found = [(d["name"], d["version"], v["id"]) for d in audited for v in d.get("vulns", [])]
    for name, version, vuln in found:
        print(f"pip-audit: {name} {version}: {vuln}")
    print(
        f"pip-audit: {len(audited)} of {len(deps)} locked packages audited, {len(found)} issue(s)"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
