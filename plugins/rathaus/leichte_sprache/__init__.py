"""Leichte Sprache: the linter of the published rules, LS texts written from data, LS pages.

Everything here except ``config.py`` and ``plugin.py`` is plain Python without MkDocs.
"""
