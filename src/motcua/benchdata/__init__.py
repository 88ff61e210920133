"""Synthetic province-scale data for the benchmarks (`motcua bench-generate`, bench/README.md).

Kept out of the request path: nothing here is imported by a view.
"""
