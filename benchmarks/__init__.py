"""Benchmark scripts (``python benchmarks/load.py``, or ``python -m benchmarks.load``) and their helpers.

A regular package, not a namespace one: an installed module named ``benchmarks`` once shadowed this folder.
"""
