"""Settings for the public site: pelicanconf.py plus the public address.

Build with ``./publish.py build --settings publishconf.py`` (``make publish``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pelicanconf import *

SITEURL = "https://lanterne.example.org"
FEED_DOMAIN = SITEURL
