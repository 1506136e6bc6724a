"""What a template can read: the names it looks up and the attributes it takes.

A page needs to be rendered again only when something its template reads has
changed.  Reading the templates' syntax trees tells, for each page template
together with everything it extends, includes or imports, which top-level
names it looks up (``article``, ``pages``, ``language_links``…) and which
attribute names it uses (``title``, ``url``, ``content``…).  The page's
digest is then made of those values only (see :mod:`relais.digest`), so a
body that changed re-renders its own page but not the index, which shows
titles and summaries.

The reading errs on the safe side: a name assigned in one template and read
in another counts as read; a template included by a name computed at render
time counts every template the theme's slots may hold (``SLOTS``); a
template that takes an attribute by a name computed at render time (the
``attr`` filter, ``map`` or ``sort`` with a variable) cannot be judged, so
its pages are always rendered.  ``x[key]`` with a computed key is taken as a
look-up in a mapping, which a digest reads in full.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import jinja2
import jinja2.meta
from jinja2 import nodes

# Filters that read an attribute named by a string argument: the string is the attribute.
_ATTRIBUTE_FILTERS = frozenset({"map", "sort", "groupby", "selectattr", "rejectattr", "sum", "unique", "min", "max"})
# Filters whose first argument, when given by position, is an attribute's name.
_ATTRIBUTE_FIRST = frozenset({"groupby", "selectattr", "rejectattr", "sum"})
# Filters and globals that take an attribute by a name we cannot know.
_ANY_ATTRIBUTE = frozenset({"attr", "getattr", "dictsort", "tojson", "pprint", "xmlattr"})


@dataclass
class Reads:
    """What one template set reads."""

    names: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    unknown_attributes: bool = False  # an attribute named at render time: always render
    templates: set[str] = field(default_factory=set)

    def add(self, other: Reads) -> None:
        self.names |= other.names
        self.attributes |= other.attributes
        self.unknown_attributes = self.unknown_attributes or other.unknown_attributes
        self.templates |= other.templates


# A template's own reads, by the digest of its source: parsing a template is most of the cost of reading
# it, and the same sources come back in every language's run and in every build (the build state keeps
# them, see relais.incremental).
Analysis = tuple[Reads, tuple[str | None, ...]]
_ANALYSED: dict[str, Analysis] = {}
_USED: set[str] = set()


def remember(analyses: Mapping[str, Analysis]) -> None:
    """Take the analyses a previous build kept."""
    _ANALYSED.update(analyses)


def used_analyses() -> dict[str, Analysis]:
    """The analyses of the templates this process read, for the next build."""
    return {key: _ANALYSED[key] for key in _USED if key in _ANALYSED}


class TemplateReads:
    """The reads of each template of an environment, computed once per template name."""

    def __init__(self, environment: jinja2.Environment, slot_templates: Iterable[str] = ()) -> None:
        self.environment = environment
        self.slot_templates = tuple(slot_templates)
        self._own: dict[str, tuple[Reads, tuple[str | None, ...]]] = {}
        self._sets: dict[str, Reads] = {}

    def of(self, template_name: str) -> Reads:
        """Everything ``template_name`` and the templates it pulls in read."""
        if template_name not in self._sets:
            total = Reads()
            pending, seen = [template_name], set()
            while pending:
                name = pending.pop()
                if name in seen:
                    continue
                seen.add(name)
                reads, references = self._template(name)
                total.add(reads)
                for reference in references:
                    pending.extend([reference] if reference is not None else self.slot_templates)
            total.templates = seen
            self._sets[template_name] = total
        return self._sets[template_name]

    def _template(self, name: str) -> tuple[Reads, tuple[str | None, ...]]:
        if name not in self._own:
            source, _filename, _uptodate = self.environment.loader.get_source(self.environment, name)  # type: ignore[union-attr]
            # The syntax tree depends on the environment's extensions and Jinja's version as well.
            parser = f"{jinja2.__version__}\0{sorted(self.environment.extensions)}\0"
            key = hashlib.blake2b((parser + source).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
            if key not in _ANALYSED:
                tree = self.environment.parse(source)
                _ANALYSED[key] = (_reads_of(tree), tuple(jinja2.meta.find_referenced_templates(tree)))
            _USED.add(key)
            self._own[name] = _ANALYSED[key]
        return self._own[name]


def _reads_of(tree: nodes.Template) -> Reads:
    reads = Reads()
    reads.names = {node.name for node in tree.find_all(nodes.Name) if node.ctx == "load"}
    for node in tree.find_all(nodes.Getattr):
        reads.attributes.add(node.attr)
    for node in tree.find_all(nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            reads.attributes.add(node.arg.value)  # x["name"] falls back to the attribute
    for node in tree.find_all((nodes.Filter, nodes.Test, nodes.Call)):
        name = getattr(node, "name", None) or _called_name(node)
        if name in _ANY_ATTRIBUTE:
            reads.unknown_attributes = True
        elif name in _ATTRIBUTE_FILTERS:
            _attribute_arguments(node, reads)
    return reads


def _called_name(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        return node.node.name
    return None


def _attribute_arguments(node: nodes.Node, reads: Reads) -> None:
    """``map(attribute='title')``, ``sort(attribute='date')``, ``selectattr('draft')``, ``groupby('year')``…"""
    name = getattr(node, "name", None)
    named = [keyword.value for keyword in getattr(node, "kwargs", []) if keyword.key == "attribute"]
    positional = list(getattr(node, "args", []))[:1] if name in _ATTRIBUTE_FIRST else []
    for argument in named or positional:
        if isinstance(argument, nodes.Const) and isinstance(argument.value, str):
            reads.attributes.update(part for part in argument.value.split(".") if part)
        elif not isinstance(argument, nodes.Const):
            reads.unknown_attributes = True
