"""argparse's own words (``usage:``, ``options``, its error messages) in the writer's language.

argparse looks its words up with :func:`gettext.gettext` each time it prints
them; Python ships no French for them, so they are listed here, translated
in Relais' catalog like every other message, and argparse is pointed at
:mod:`relais.i18n` before the command line is read.
"""

from __future__ import annotations

import argparse

from . import i18n
from .i18n import N_

# What argparse may print to a writer (Python 3.11 to 3.13), for the catalog.
WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def use_argparse_translations() -> None:
    """From now on, argparse speaks the run's language."""
    argparse._ = i18n._  # type: ignore[attr-defined]  # argparse's own module-level gettext
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
