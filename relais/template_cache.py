"""Compile each Jinja template once, not once per generator and language.

Pelican gives every generator of every language run its own Jinja
environment, so a theme of thirty templates was compiled several hundred
times per build.  All those environments share this bytecode cache: a
template is compiled the first time any of them needs it, and kept in the
build cache folder so the next build does not compile it at all.

Compiled code depends on the environment's extensions and options (the i18n
extension turns ``{% trans %}`` into calls), so those are part of the key.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache


def environment_signature(environment: jinja2.Environment) -> str:
    """What, besides its source, decides how a template compiles."""
    options = (
        jinja2.__version__,
        sorted(environment.extensions),
        environment.block_start_string,
        environment.variable_start_string,
        environment.comment_start_string,
        environment.line_statement_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.keep_trailing_newline,
        environment.newline_sequence,
        str(environment.autoescape),
        environment.optimized,
    )
    return repr(options)


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory for this build, and on disk for the next one."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[str, bytes] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = hashlib.sha256(f"{environment_signature(environment)}|{name}|{filename}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.memory.get(bucket.key)
        if data is None and self.folder is not None:
            try:
                data = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)  # resets itself when the source or Python changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        self.memory[bucket.key] = data
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            Path(temporary).replace(self.folder / bucket.key)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def clear(self) -> None:
        self.memory.clear()
