"""Realistic, reproducible demo data for a profile (``zz-desktop demo``, benchmarks, screenshots).

The package in the order the data flows:

- :mod:`.data` and :mod:`.phrases`: what is drawn from — places (real municipalities of the
  eastern Länder), sectors, names, titles, the demo centres; the consultation texts.
- :mod:`.base`, :mod:`.contacts`, :mod:`.generator`: the generator, one class per stage on a
  common ground (identity; organisations, people, consents; consultations, events).
- :mod:`.writer`: how the rows go in — batches through ``store.bulk.insert_new``, each row's
  audit entry made by ``store.capture.audit_values`` like every other write's.
"""

from __future__ import annotations

from zz_desktop.services.demo.generator import generate_demo
from zz_desktop.services.demo.writer import DemoSummary

__all__ = ["DemoSummary", "generate_demo"]
