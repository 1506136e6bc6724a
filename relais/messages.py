"""Turn schema validation errors into plain-words problems.

pydantic's own messages are written for developers ("Input should be a valid
string"); peer writers get a sentence that says what is wrong and how to fix
it, with a "did you mean" for misspelt names and values.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .sources import FrontMatter


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest known name to ``word``, if one is close enough."""
    choices = list(choices)
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(str(choice) for choice in choices)


def choose_from(value: str, choices: Iterable[str]) -> str:
    """How to fix a value that is not one of ``choices``: a guess, then the list."""
    choices = list(choices)
    guess = did_you_mean(value, choices)
    hint = f"did you mean '{guess}'? " if guess else ""
    return f"{hint}use one of: {one_of(choices)}"


def validation_problems(
    err: ValidationError, model: type[BaseModel], front: FrontMatter, shown_as: str
) -> list[Problem]:
    """One problem per pydantic error, located on the field's line."""
    return [_problem(item, model, front, shown_as) for item in err.errors()]


def _problem(item: dict[str, Any], model: type[BaseModel], front: FrontMatter, shown_as: str) -> Problem:
    loc = tuple(item["loc"])
    field = ".".join(str(part) for part in loc) if loc else "front matter"
    owner, name = _owner(model, loc)
    line = front.line_of(loc)
    what, fix = _explain(item, owner, name)
    return Problem(shown_as, line, field, what, fix)


def _owner(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel], str]:
    """The (nested) model holding the field at ``loc``, and that field's name.

    ``announce.headlin`` is a field of the announcement, not of the post: the
    did-you-mean and the examples must come from the announcement's fields.
    """
    owner = model
    names = [part for part in loc if isinstance(part, str)]
    for part in names[:-1]:
        info = owner.model_fields.get(part)
        nested = _model_in(info.annotation) if info is not None else None
        if nested is None:
            break
        owner = nested
    return owner, names[-1] if names else ""


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``Model | None``, ``list[Model]`` or ``Annotated[Model, …]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _model_in(argument)
            if found is not None:
                return found
    return None


def _example(model: type[BaseModel], field: str) -> str:
    example = getattr(model, "example_of", lambda _name: "")(field)
    return f"for example '{example}'" if example and "\n" not in example else "see the writer's guide in README.md"


# Simple error kinds: (what is wrong, how to fix it); {value} and {example} are filled in.
_PLAIN: dict[str, tuple[str, str]] = {
    "missing": ("this field is required but missing", "add it, {example}"),
    "string_type": ("should be text", "write it as text, {example}"),
    "string_too_short": ("is empty", "fill it in, {example}"),
    "too_short": ("is empty", "fill it in, {example}"),
    "bool_type": ("'{value}' is not true or false", "write true or false"),
    "bool_parsing": ("'{value}' is not true or false", "write true or false"),
    "list_type": ("should be a list", "write a list in square brackets, {example}"),
    "dict_type": ("should be a group of fields, one per line", "{example}"),
    "model_type": ("should be a group of fields, one per line", "{example}"),
}


def _explain(item: dict[str, Any], model: type[BaseModel], field: str) -> tuple[str, str]:
    kind = item["type"]
    if kind in _PLAIN:
        what, fix = _PLAIN[kind]
        values = {"value": item.get("input"), "example": _example(model, field)}
        return what.format(**values), fix.format(**values)
    if kind == "extra_forbidden":
        return _unknown_field(model, field)
    if kind == "literal_error":
        return _not_allowed(item)
    if kind in ("value_error", "assertion_error"):
        message = str((item.get("ctx") or {}).get("error", item.get("msg", "")))
        what, _, fix = message.partition(" — ")
        return what, fix or _example(model, field)
    return item.get("msg", "has a wrong value"), _example(model, field)


def _not_allowed(item: dict[str, Any]) -> tuple[str, str]:
    expected = (item.get("ctx") or {}).get("expected", "")
    allowed = [choice.strip(" '") for choice in expected.replace(" or ", ",").split(",") if choice.strip(" '")]
    value = item.get("input")
    return f"'{value}' is not allowed here", choose_from(str(value), allowed)


def _unknown_field(model: type[BaseModel], field: str) -> tuple[str, str]:
    # A schema may say itself what to do with a field it does not know (the
    # bad date list must never suggest moving someone's details to a field).
    explain = getattr(model, "explain_unknown_field", None)
    if explain is not None:
        return explain(field)
    known = list(model.model_fields)
    if field.lower() in known and field != field.lower():
        return f"'{field}' is not a field we know", f"field names are written in lower case: write '{field.lower()}'"
    guess = did_you_mean(field, known)
    if guess:
        return f"'{field}' is not a field we know", f"did you mean '{guess}'?"
    return f"'{field}' is not a field we know", f"check the spelling or remove it; the fields are: {one_of(known)}"
