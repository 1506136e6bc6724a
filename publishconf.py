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

# The public site is built in a folder of its own, apart from the preview's
# output/ (its links use the public address): `make publish` and
# `./publish.py deploy` build it here.
OUTPUT_PATH = "output-public"

# Where `./publish.py deploy` puts the site (README.md, "Publishing day").
# One of, for example:
#   rsync over SSH to a web server, deleting files no longer built:
#     DEPLOY = {"method": "rsync", "to": "deploy@web.example.org:/var/www/lanterne/"}
#     (add "ssh": "ssh -p 2222" for another port or key)
#   a branch for GitHub Pages or GitLab Pages ("gh-pages" unless "branch" says):
#     DEPLOY = {"method": "git", "to": "git@github.com:lanterne/site.git", "branch": "gh-pages"}
#     (add "cname": "lanterne.example.org" for a custom domain on GitHub Pages)
#   a folder on this computer (a web server's, or GitLab Pages' public/):
#     DEPLOY = {"method": "folder", "to": "/var/www/lanterne"}
# The flags --rsync, --git and --folder give a target for one run instead.
DEPLOY = {"method": "rsync", "to": "deploy@web.example.org:/var/www/lanterne/"}
