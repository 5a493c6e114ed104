#!/usr/bin/env python3
"""The one command: python build.py check | site | serve | slides | schema | test.

Kept thin on purpose: it only hands over to housing_kit.cli, which imports
MkDocs or python-pptx only for the command that needs them.
"""

import sys

from housing_kit.cli import main  # Python puts this file's folder first on sys.path

if __name__ == "__main__":
    sys.exit(main())
