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

# The public site is never built without the never-publish list (README.md,
# "Never publish"): copy private/never-publish.example.txt to
# private/never-publish.txt and put the real private strings in it.
NEVER_PUBLISH_REQUIRED = True
