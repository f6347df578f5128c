"""Validate corpus batches without installing parley: ``python3 corpus/check.py corpus/batches/a01.jsonl``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from parley.learn.corpus import main  # noqa: E402  (needs the path above)

sys.exit(main())
