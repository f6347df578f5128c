"""Imports run one way: the store, the exports and the readers load neither spaCy nor the coder (a fresh
interpreter, so other tests' imports do not hide a violation)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import parley.store, parley.store.query, parley.export, parley.read
unwanted = ("spacy", "parley.events", "parley.pipeline")
loaded = sorted(m for m in sys.modules if m in unwanted or m.startswith(tuple(u + "." for u in unwanted)))
print(",".join(loaded))
"""


def test_store_exports_and_readers_load_neither_spacy_nor_the_coder():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
