"""A report as the spool keeps it: padded to a fixed size, then sealed to the program's public key.

``MAGIC`` + ``SealedBox(public_key).encrypt(padded)``.  The padded text is a
4-byte big-endian length, the report's JSON, and zero bytes up to the first
of :data:`BUCKETS` it fits in, so a file's size tells only which bucket the
report fell in, never its length.  A sealed box is made with a fresh
throwaway key pair each time: the server cannot open what it wrote, and two
identical reports give unrelated files.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

MAGIC = b"RLS1"
BUCKETS = (4 * 1024, 16 * 1024, 64 * 1024)
_LENGTH = struct.Struct(">I")
VERSION = 1


@dataclass(frozen=True)
class SealedReport:
    """What a spool file holds once opened: the form's fields, the day it arrived and the reader's language."""

    fields: dict[str, Any]
    received: str  # YYYY-MM-DD, never a time of day
    lang: str


class UnreadableReport(Exception):
    """A spool file that this key cannot open, or that is not a sealed report."""


def bucket_size(length: int) -> int:
    for size in BUCKETS:
        if length <= size:
            return size
    top = BUCKETS[-1]
    return -(-length // top) * top  # never reached with the intake's limits; still a multiple of the top bucket


def pad(data: bytes) -> bytes:
    framed = _LENGTH.pack(len(data)) + data
    return framed + bytes(bucket_size(len(framed)) - len(framed))


def unpad(padded: bytes) -> bytes:
    if len(padded) < _LENGTH.size:
        raise UnreadableReport("too short")
    (length,) = _LENGTH.unpack_from(padded)
    if length > len(padded) - _LENGTH.size:
        raise UnreadableReport("bad length")
    return padded[_LENGTH.size : _LENGTH.size + length]


def seal(report: SealedReport, public_key: PublicKey) -> bytes:
    document = {"v": VERSION, "received": report.received, "lang": report.lang, "fields": report.fields}
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return MAGIC + SealedBox(public_key).encrypt(pad(data))


def open_sealed(data: bytes, private_key: PrivateKey) -> SealedReport:
    if not data.startswith(MAGIC):
        raise UnreadableReport("not a sealed report")
    try:
        padded = SealedBox(private_key).decrypt(data[len(MAGIC) :])
    except CryptoError as err:
        raise UnreadableReport("another key") from err
    try:
        document = json.loads(unpad(padded).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise UnreadableReport("damaged") from err
    if not isinstance(document, dict) or not isinstance(document.get("fields"), dict):
        raise UnreadableReport("damaged")
    return SealedReport(document["fields"], str(document.get("received", "")), str(document.get("lang", "")))
