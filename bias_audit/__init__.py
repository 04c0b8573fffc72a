"""Fairlearn bias audit and release gate: per-group metrics, the gate, mitigation, report."""
