#!/usr/bin/env python3
"""Check, build and preview the site. Run `./publish.py --help`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relais.cli import main

if __name__ == "__main__":
    sys.exit(main())
