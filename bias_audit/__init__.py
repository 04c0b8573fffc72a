"""Fairlearn bias audit and release gate: arrives with the bias audit issue."""
