"""libical's own validation of iCalendar files, for the tests.

libical (Debian's ``libical3``, from apt-packages.txt) is the library behind
Evolution, Thunderbird's import and many phone calendars.  Its parser puts
an ``X-LIC-ERROR`` property on anything it cannot read, and
``icalrestriction_check`` adds one for every property that RFC 5545 and
iTIP (RFC 5546) do not allow where it is; a file it accepts has none.
Called through ctypes: no compiler and no Python bindings needed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools


@functools.cache
def _library() -> ctypes.CDLL:
    name = ctypes.util.find_library("ical") or "libical.so.3"
    try:
        library = ctypes.CDLL(name)
    except OSError as err:
        raise RuntimeError(f"libical is missing ({err}): install libical3 (apt-packages.txt)") from err
    library.icalparser_parse_string.restype = ctypes.c_void_p
    library.icalparser_parse_string.argtypes = [ctypes.c_char_p]
    library.icalrestriction_check.restype = ctypes.c_int
    library.icalrestriction_check.argtypes = [ctypes.c_void_p]
    library.icalcomponent_as_ical_string.restype = ctypes.c_char_p
    library.icalcomponent_as_ical_string.argtypes = [ctypes.c_void_p]
    library.icalcomponent_free.restype = None
    library.icalcomponent_free.argtypes = [ctypes.c_void_p]
    return library


def libical_errors(data: bytes) -> list[str]:
    """What libical finds wrong in a calendar file: one line per X-LIC-ERROR (none for a valid file)."""
    library = _library()
    component = library.icalparser_parse_string(data)
    if not component:
        return ["libical could not parse the file at all"]
    try:
        library.icalrestriction_check(component)
        text = library.icalcomponent_as_ical_string(component).decode("utf-8", "replace")
    finally:
        library.icalcomponent_free(component)
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    return [line for line in unfolded.splitlines() if line.startswith("X-LIC-ERROR")]
