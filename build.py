#!/usr/bin/env python3
"""The one command: python build.py check | site | serve | slides | schema | test.

Kept thin on purpose: it only hands over to housing_kit.cli, which imports
MkDocs or python-pptx only for the command that needs them.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from housing_kit.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
