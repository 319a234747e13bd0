"""Benchmarks of the budgets in performance.md (one module per budget)."""
