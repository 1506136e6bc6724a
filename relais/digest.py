"""Digests of what a template sees, to tell whether a page would render the same as last time.

A page's digest is made from the values of the names its templates read,
each object reduced to the attributes those templates read (see
:mod:`relais.template_reads`).  Equal digests mean equal pages, as long as
everything the templates call is accounted for:

- plain data (text, numbers, dates, lists, dicts, pydantic models) is read
  in full;
- objects (Pelican's articles and pages, our entry pages, feeds…) through
  the attributes the templates use, plus their text (``str``, ``__html__``)
  and, for containers, their items (an object that can be looped over but
  has no length, such as an endless schedule, is read by its attributes only);
- a function a template calls (``language_links``, ``safety_page_url``…)
  must say what its result depends on: mark it with :func:`reads` (a value,
  or a function computing it, that changes whenever its results may) or
  :func:`pure` (its result depends on its arguments and the settings only).
  A function that says nothing is assumed to change every time, so its pages
  are always rendered: slower, never wrong.

Filters are taken to depend on their input and the language only.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import os
import types
from collections.abc import Callable, Iterable, Mapping, Sized
from typing import Any, TypeVar

from markupsafe import Markup
from pydantic import BaseModel

Function = TypeVar("Function", bound=Callable[..., Any])
DIGEST_ATTRIBUTE = "relais_reads"
_PURE = "pure"


# What a value that cannot be judged gives: new on every call, so a page reading one is always rendered.
def _volatile() -> bytes:
    return os.urandom(16)


_PURE_MODULES = ("jinja2", "builtins", "markupsafe", "babel")


def pure(function: Function) -> Function:
    """Mark a template function whose result depends only on its arguments and the settings."""
    return _marked(function, _PURE)


def reads(function: Function, depends_on: Any) -> Function:
    """Mark a template function whose results change only when ``depends_on`` does.

    ``depends_on`` is a value, or a function without arguments returning it
    (computed once per build, when a page first needs it).
    """
    return _marked(function, depends_on)


def _marked(function: Function, mark: Any) -> Function:
    """``function`` carrying ``mark``; a bound method cannot carry one, so it is wrapped."""
    try:
        setattr(function, DIGEST_ATTRIBUTE, mark)
    except AttributeError:
        wrapped = function

        @functools.wraps(wrapped)
        def function(*args: Any, **kwargs: Any) -> Any:  # type: ignore[no-redef]
            return wrapped(*args, **kwargs)

        setattr(function, DIGEST_ATTRIBUTE, mark)
    return function


class Digester:
    """Digests of values as templates reading ``attributes`` see them; remembers each object's."""

    def __init__(self, attributes: Iterable[str], shared: dict[int, tuple[Any, bytes]] | None = None) -> None:
        self.attributes = tuple(sorted(set(attributes)))
        # Digests that do not depend on the attributes (plain data a template function declared it reads),
        # shared by the digesters of one run: the same site-wide tuple is otherwise digested once per template.
        self._shared = shared if shared is not None else {}
        # id(value) -> (value, digest): the value is kept so that its id is not reused.
        self._known: dict[int, tuple[Any, bytes]] = {}
        self._visiting: set[int] = set()
        self._dependencies: dict[int, tuple[Callable[[], Any], Any]] = {}

    def digest(self, value: Any) -> bytes:
        key = id(value)
        known = self._known.get(key)
        if known is not None and known[0] is value:
            return known[1]
        if key in self._visiting:
            return _hash(b"cycle", _bytes(type(value).__qualname__), _identity(value))
        self._visiting.add(key)
        try:
            result = self._compute(value)
        finally:
            self._visiting.discard(key)
        if not isinstance(value, str | bytes | int | float | bool | type(None)):
            self._known[key] = (value, result)
        return result

    def _compute(self, value: Any) -> bytes:  # noqa: PLR0911 - one branch per kind of value
        if value is None or isinstance(value, bool | int | float | str | bytes | enum.Enum):
            return _hash(_bytes(type(value).__name__), _bytes(repr(value)))
        if isinstance(value, Markup):
            return _hash(b"markup", _bytes(str(value)))
        if isinstance(value, dt.date | dt.time | dt.timedelta | dt.tzinfo):
            return _hash(b"time", _bytes(repr(value)), _bytes(str(value)))
        if isinstance(value, Mapping):
            items = sorted((repr(key), self.digest(item)) for key, item in value.items())
            return _hash(b"map", *(part for key, item in items for part in (_bytes(key), item)))
        if isinstance(value, list | tuple):
            return _hash(b"seq", *(self.digest(item) for item in value))
        if isinstance(value, set | frozenset):
            return _hash(b"set", *sorted(self.digest(item) for item in value))
        if isinstance(value, BaseModel):
            return _hash(b"model", _bytes(type(value).__qualname__), self.digest(dict(value)))
        if callable(value) and not _is_instance_of_class_with_attributes(value):
            return self._function(value)
        if isinstance(value, types.GeneratorType | types.ModuleType):
            return _volatile()
        return self._object(value)

    def _function(self, function: Callable[..., Any]) -> bytes:
        declared = getattr(function, DIGEST_ATTRIBUTE, None)
        name = _bytes(getattr(function, "__qualname__", type(function).__qualname__))
        if declared == _PURE or _defined_in(function, _PURE_MODULES):
            return _hash(b"pure", name)
        if declared is None:
            return _volatile()
        if callable(declared):
            return _hash(b"reads", name, self._dependency_digest(self._dependency(declared)))
        return _hash(b"reads", name, self.digest(declared))

    def _dependency_digest(self, value: Any) -> bytes:
        known = self._shared.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        plain = _plain_digest(value)
        if plain is None:
            return self.digest(value)  # it holds objects: their digest depends on the attributes read
        self._shared[id(value)] = (value, plain)
        return plain

    def _object(self, value: Any) -> bytes:
        parts = [_bytes(type(value).__qualname__)]
        if type(value).__str__ is not object.__str__:
            parts.append(_bytes(str(value)))
        if hasattr(value, "__html__"):
            parts.append(_bytes(str(value.__html__())))
        for name in self._present(value):
            try:
                item = getattr(value, name)
            except Exception:  # noqa: BLE001 - a missing or failing attribute renders as undefined
                parts.append(b"missing:" + _bytes(name))
                continue
            if isinstance(item, types.MethodType) and item.__self__ is value:
                parts.append(b"method:" + _bytes(name))  # str.upper, dict.items… read the object itself
                continue
            parts += [_bytes(name), self.digest(item)]
        if isinstance(value, Sized) and isinstance(value, Iterable):
            parts.append(self.digest(list(value)))  # a container: what a loop over it gives
        return _hash(b"object", *parts)

    def _dependency(self, compute: Callable[[], Any]) -> Any:
        """What a template function declared it depends on, computed once per digester (once per build)."""
        known = self._dependencies.get(id(compute))
        if known is None or known[0] is not compute:
            known = (compute, compute())
            self._dependencies[id(compute)] = known
        return known[1]

    def _present(self, value: Any) -> Iterable[str]:
        """The attribute names worth asking for: all of them when the class answers any name itself."""
        kind = type(value)
        if hasattr(kind, "__getattr__") or not hasattr(value, "__dict__"):
            return self.attributes
        own = value.__dict__
        return [name for name in self.attributes if name in own or hasattr(kind, name)]


def _plain_digest(value: Any) -> bytes | None:
    """The digest of data made only of scalars, dates, sequences and mappings (as Digester makes it); else None."""
    if value is None or isinstance(value, bool | int | float | str | bytes | enum.Enum):
        return _hash(_bytes(type(value).__name__), _bytes(repr(value)))
    if isinstance(value, dt.date | dt.time | dt.timedelta | dt.tzinfo):
        return _hash(b"time", _bytes(repr(value)), _bytes(str(value)))
    if isinstance(value, list | tuple):
        parts = [_plain_digest(item) for item in value]
        return None if None in parts else _hash(b"seq", *parts)  # type: ignore[arg-type]
    if isinstance(value, Mapping):
        pairs = [(repr(key), _plain_digest(item)) for key, item in value.items()]
        if any(item is None for _key, item in pairs):
            return None
        return _hash(b"map", *(part for key, item in sorted(pairs) for part in (_bytes(key), item)))  # type: ignore[misc]
    return None


def _is_instance_of_class_with_attributes(value: Any) -> bool:
    """Callable objects that are data (Pelican's URL wrappers are not callable; some models are)."""
    return not isinstance(
        value, types.FunctionType | types.MethodType | types.BuiltinFunctionType | functools.partial | type
    ) and bool(getattr(value, "__dict__", None))


def _defined_in(function: Callable[..., Any], modules: tuple[str, ...]) -> bool:
    target = function.func if isinstance(function, functools.partial) else function
    module = getattr(target, "__module__", "") or ""
    return module.split(".")[0] in modules


def _identity(value: Any) -> bytes:
    for name in ("relais_source", "source_path", "url", "slug", "name"):
        found = getattr(value, name, None)
        if isinstance(found, str):
            return _bytes(found)
    return b""


def _bytes(text: str) -> bytes:
    """Text as bytes, whatever it holds (a file name read from disk may hold undecodable bytes)."""
    return text.encode("utf-8", "surrogatepass")


def _hash(*parts: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()
