"""The program's key pair: the public half seals reports, the private half (behind a passphrase) opens them.

The private key file is JSON that names itself (``"kind": "relais-intake-private-key"``,
so the repository scan in :mod:`.key_scan` recognises it whatever its name)
and holds the private key inside a ``nacl.secret.SecretBox`` whose key is
derived from the passphrase with argon2id (``nacl.pwhash``); the salt and the
cost are stored beside it.  The public key is one line of base64, kept in a
small text file the settings name, or in the settings themselves.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, PublicKey

from relais.i18n import _

PRIVATE_KIND = "relais-intake-private-key"
PUBLIC_HEADER = "# The PUBLIC key of the report intake (safe to share; the private half is kept elsewhere)."
KEY_BYTES = 32
# argon2id at libsodium's "moderate" cost: about a second and 256 MB on a laptop, once per inbox.
OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_MODERATE
MIN_PASSPHRASE = 10


class KeyFileError(Exception):
    """A key file that cannot be used; ``what`` and ``fix`` say why and what to do, in plain words."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix


def encode(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes | None:
    """The 32 bytes of a base64 key, or None."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == KEY_BYTES else None


def public_key_text(public: PublicKey) -> str:
    return f"{PUBLIC_HEADER}\n{encode(bytes(public))}\n"


def read_public_key(text: str) -> PublicKey | None:
    """A public key from the settings' value or a public key file's text (comment lines ignored)."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    raw = decode_key(lines[0]) if len(lines) == 1 else None
    return PublicKey(raw) if raw is not None else None


def check_passphrase(passphrase: str) -> str | None:
    """Why a new passphrase is refused, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return _("the passphrase is shorter than {count} characters — choose a longer one (a few words)").format(
            count=MIN_PASSPHRASE
        )
    return None


def private_key_document(private: PrivateKey, passphrase: str) -> bytes:
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    box = nacl.secret.SecretBox(_derived(passphrase, salt, OPSLIMIT, MEMLIMIT))
    document = {
        "kind": PRIVATE_KIND,
        "version": 1,
        "kdf": "argon2id",
        "opslimit": OPSLIMIT,
        "memlimit": MEMLIMIT,
        "salt": encode(salt),
        "sealed_private_key": encode(box.encrypt(bytes(private))),
        "public_key": encode(bytes(private.public_key)),
    }
    return (json.dumps(document, indent=2) + "\n").encode("ascii")


def write_private_key(path: Path, private: PrivateKey, passphrase: str) -> None:
    """Write the key file readable by its owner only; never replaces a file."""
    data = private_key_document(private, passphrase)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


def read_private_key(path: Path, passphrase: str) -> PrivateKey:
    """The private key in ``path``, or :class:`KeyFileError` (wrong passphrase, not a key file…)."""
    document = _document(path)
    try:
        salt = base64.b64decode(document["salt"], validate=True)
        sealed = base64.b64decode(document["sealed_private_key"], validate=True)
        opslimit, memlimit = int(document["opslimit"]), int(document["memlimit"])
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise _not_a_key_file(path) from None
    if not (0 < opslimit <= 64 and 0 < memlimit <= 4 * 1024**3) or len(salt) != nacl.pwhash.argon2id.SALTBYTES:
        raise _not_a_key_file(path)
    try:
        raw = nacl.secret.SecretBox(_derived(passphrase, salt, opslimit, memlimit)).decrypt(sealed)
    except nacl.exceptions.CryptoError:
        raise KeyFileError(
            _("the passphrase is not the one of this key file; nothing was changed"),
            _("type it again, exactly as chosen when the key was made (capitals and spaces count)"),
        ) from None
    if len(raw) != KEY_BYTES:
        raise _not_a_key_file(path)
    return PrivateKey(raw)


def _document(path: Path) -> dict:
    try:
        if path.stat().st_size > 64 * 1024:
            raise _not_a_key_file(path)
        document = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise KeyFileError(
            _("{file}: there is no such file").format(file=path),
            _("give the private key file made by `publish.py bad-dates keygen` with --key"),
        ) from None
    except OSError as err:
        raise KeyFileError(
            _("{file}: this file cannot be read ({reason})").format(file=path, reason=err.strerror or err),
            _("check the file's name and who may read it"),
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _not_a_key_file(path) from None
    if not isinstance(document, dict) or document.get("kind") != PRIVATE_KIND:
        raise _not_a_key_file(path)
    return document


def _not_a_key_file(path: Path) -> KeyFileError:
    return KeyFileError(
        _("{file} is not a private key file of the report intake").format(file=path),
        _("give the file made by `publish.py bad-dates keygen`"),
    )


def _derived(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return nacl.pwhash.argon2id.kdf(
        nacl.secret.SecretBox.KEY_SIZE, passphrase.encode("utf-8"), salt, opslimit=opslimit, memlimit=memlimit
    )
