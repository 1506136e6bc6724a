"""Relais: a publishing pipeline for community outreach programs.

The ``relais`` package holds the tool's own logic (content schemas, the
validation pass, the build pipeline and the command line).  Pelican renders;
the Pelican-facing glue lives in ``plugins/``.
"""

__version__ = "0.1.0"
