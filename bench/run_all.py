"""Run every bench module: ``python -m bench.run_all`` (figures into docs/benchmarks.md) or
``--smoke`` (each once on a tiny size, to prove the scripts work; part of ``make test``)."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from bench.harness import Result

ROOT = Path(__file__).resolve().parent.parent


def modules(only: list[str] | None) -> list[str]:
    names = sorted(p.stem for p in (ROOT / "bench").glob("b[0-9]*_*.py"))
    if only:
        names = [n for n in names if any(n.startswith(o.lower() + "_") or n == o for o in only)]
    return names


def fmt(v: float | None) -> str:
    if v is None:
        return "–"
    return f"{v:,.1f}" if abs(v) >= 10 else f"{v:.2f}"


def render(rows: list[tuple[str, str, Result]], seconds: float) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Made by `make bench` (`python -m bench.run_all`); budgets from performance.md. Each figure",
        "is a median (or p95 where the budget says so) of several runs; baselines are measured in",
        "the same run. Machine: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; last written {time.strftime('%Y-%m-%d %H:%M')}. "
        "`make bench B9 B5` re-runs single budgets; the newest figures per budget are kept in "
        "docs/benchmarks.json.",
        "",
        "| budget | what | figure | budget limit | baseline (same run) | ratio | ok |",
        "|---|---|---|---|---|---|---|",
    ]
    for budget, title, r in rows:
        base = f"{fmt(r.baseline)} {r.unit} ({r.baseline_name})" if r.baseline is not None else "–"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "–"
        ok = {True: "yes", False: "**no**", None: "–"}[r.ok]
        lines.append(
            f"| {budget} | {title}: {r.name} | {fmt(r.value)} {r.unit} | {r.budget} | {base} | {ratio} | {ok} |"
        )
    return "\n".join(lines) + "\n"


def store_results(rows: list[tuple[str, str, Result]], seconds: float) -> None:
    """Keep the newest figures per budget in docs/benchmarks.json; render docs/benchmarks.md."""
    path = ROOT / "docs" / "benchmarks.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    fresh: dict[str, list[dict[str, object]]] = {}
    for budget, title, r in rows:
        entry = {k: v for k, v in vars(r).items()} | {
            "title": title,
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "machine": machine,
        }
        fresh.setdefault(budget, []).append(entry)
    data.update(fresh)
    path.write_text(
        json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    all_rows = [
        (
            budget,
            e["title"],
            Result(**{k: v for k, v in e.items() if k in Result.__dataclass_fields__}),
        )
        for budget in sorted(data, key=lambda b: int(b[1:]))
        for e in data[budget]
    ]
    md = ROOT / "docs" / "benchmarks.md"
    md.write_text(render(all_rows, seconds) + _notes(md), encoding="utf-8")


def _notes(md: Path) -> str:
    """The hand-written part of docs/benchmarks.md (from its first ``## `` heading on: profiles
    of where the time goes), kept when the table is rendered again."""
    if not md.exists():
        return ""
    text = md.read_text(encoding="utf-8")
    start = text.find("\n## ")
    return "" if start < 0 else text[start:]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("only", nargs="*", help="budgets to run, e.g. B9 B5")
    args = ap.parse_args()
    start = time.time()
    rows: list[tuple[str, str, Result]] = []
    failed = []
    for name in modules(args.only):
        mod = importlib.import_module(f"bench.{name}")
        print(f"== {mod.BUDGET} {mod.TITLE}", flush=True)
        try:
            results = mod.run(smoke=args.smoke)
        except Exception:
            traceback.print_exc()
            failed.append(name)
            continue
        for r in results:
            print(
                f"   {r.name}: {fmt(r.value)} {r.unit}  (baseline {fmt(r.baseline)}; ok={r.ok})",
                flush=True,
            )
            rows.append((mod.BUDGET, mod.TITLE, r))
    if not args.smoke:
        store_results(rows, time.time() - start)
    if not args.smoke and args.only:
        out = ROOT / "bench" / "out"
        out.mkdir(exist_ok=True)
        (out / f"partial-{'-'.join(args.only)}.md").write_text(
            render(rows, time.time() - start), encoding="utf-8"
        )
    if failed:
        print("bench scripts failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
