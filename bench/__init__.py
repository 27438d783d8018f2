"""Benchmark of Rathaus against plain Material for MkDocs (issue 8).

``python -m bench --sizes 500,1000,2000,5000,10000 --repeat 3`` generates a synthetic
municipality per size, builds it with Rathaus (a) and as plain Material (b), and writes
``bench/results/latest.json`` and ``latest.md``. Nothing here is imported by the package.
"""
