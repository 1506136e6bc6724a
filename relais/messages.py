"""Turn schema validation errors into plain-words problems.

pydantic's own messages are written for developers ("Input should be a valid
string"); peer writers get a sentence that says what is wrong and how to fix
it, in their language (:mod:`relais.i18n`), with a "did you mean" for
misspelt names and values, and an example in the language of the file they
are writing.
"""

from __future__ import annotations

import difflib
import types
import typing
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from .i18n import LANGUAGES, N_, _, language
from .problems import Problem
from .sources import FrontMatter


def comparable(word: str) -> str:
    """``Sécurité`` and ``securite`` compare equal: case and accents aside."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def did_you_mean(word: str, choices: Iterable[str] | Mapping[str, Iterable[str]]) -> str | None:
    """The closest known name to ``word``, if one is close enough.

    ``choices`` may map each name to other ways of writing it (its label in
    each language): ``{"safety": ["Safety", "Sécurité"]}`` finds ``safety``
    from ``securiter``.
    """
    spellings: dict[str, str] = {}
    items = choices.items() if isinstance(choices, Mapping) else ((choice, ()) for choice in choices)
    for choice, others in items:
        for spelling in (choice, *others):
            spellings.setdefault(comparable(str(spelling)), str(choice))
    wanted = comparable(word)
    if wanted in spellings:
        return spellings[wanted]
    matches = difflib.get_close_matches(wanted, list(spellings), n=1, cutoff=0.6)
    return spellings[matches[0]] if matches else None


def one_of(choices: Iterable[str]) -> str:
    return ", ".join(str(choice) for choice in choices)


def choose_from(value: str, choices: Iterable[str], labels: Mapping[str, Iterable[str]] | None = None) -> str:
    """How to fix a value that is not one of ``choices``: a guess (across ``labels`` too), then the list."""
    choices = list(choices)
    guess = did_you_mean(value, labels if labels is not None else choices)
    use = _("use one of: {choices}").format(choices=one_of(choices))
    return _("did you mean '{guess}'? {use}").format(guess=guess, use=use) if guess else use


def example_language(front: FrontMatter | None) -> str:
    """Examples are in the file's language when it says one, else in the messages' language."""
    lang = front.data.get("lang") if front is not None else None
    return lang if isinstance(lang, str) and lang in LANGUAGES else language()


def validation_problems(
    err: ValidationError, model: type[BaseModel], front: FrontMatter, shown_as: str
) -> list[Problem]:
    """One problem per pydantic error, located on the field's line."""
    lang = example_language(front)
    return [_problem(item, model, front, shown_as, lang) for item in err.errors()]


def _problem(item: dict[str, Any], model: type[BaseModel], front: FrontMatter, shown_as: str, lang: str) -> Problem:
    loc = tuple(item["loc"])
    field = ".".join(str(part) for part in loc) if loc else _("front matter")
    owner, name = _owner(model, loc)
    line = front.line_of(loc)
    what, fix = _explain(item, owner, name, lang)
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


def example(model: type[BaseModel], field: str, lang: str | None = None) -> str:
    """``for example 'title: …'`` in ``lang`` (the messages' language by default), or where to look."""
    written = example_of(model, field, lang or language())
    if written and "\n" not in written:
        return _("for example '{example}'").format(example=written)
    return _("see the writer's guide in README.md")


def example_of(model: type[BaseModel], field: str, lang: str) -> str:
    """The field's example in ``lang``: schemas give ``examples=[english, french]`` (see ``bilingual``)."""
    info = model.model_fields.get(field)
    if info is None or not info.examples:
        return ""
    examples = [str(item) for item in info.examples]
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
    return examples[index] if index < len(examples) else examples[0]


# Simple error kinds: (what is wrong, how to fix it); {value} and {example} are filled in.
_PLAIN: dict[str, tuple[str, str]] = {
    "missing": (N_("this field is required but missing"), N_("add it, {example}")),
    "string_type": (N_("should be text"), N_("write it as text, {example}")),
    "string_too_short": (N_("is empty"), N_("fill it in, {example}")),
    "too_short": (N_("is empty"), N_("fill it in, {example}")),
    "bool_type": (N_("'{value}' is not true or false"), N_("write true or false")),
    "bool_parsing": (N_("'{value}' is not true or false"), N_("write true or false")),
    "int_type": (N_("'{value}' is not a whole number"), N_("write a number, {example}")),
    "int_parsing": (N_("'{value}' is not a whole number"), N_("write a number, {example}")),
    "list_type": (N_("should be a list"), N_("write a list in square brackets, {example}")),
    "dict_type": (N_("should be a group of fields, one per line"), N_("{example}")),
    "model_type": (N_("should be a group of fields, one per line"), N_("{example}")),
    "model_attributes_type": (N_("should be a group of fields, one per line"), N_("{example}")),
}


def _explain(item: dict[str, Any], model: type[BaseModel], field: str, lang: str) -> tuple[str, str]:
    kind = item["type"]
    if item.get("input", "") is None and kind in ("string_type", "list_type", "dict_type", "model_type"):
        kind = "string_too_short"  # 'category:' with nothing after it: an empty field, not a wrong type
    if kind in _PLAIN:
        what, fix = _PLAIN[kind]
        values = {"value": item.get("input"), "example": example(model, field, lang)}
        return _(what).format(**values), _(fix).format(**values)
    if kind == "extra_forbidden":
        return _unknown_field(model, field)
    if kind == "literal_error":
        return _not_allowed(item)
    if kind in ("value_error", "assertion_error"):
        message = str((item.get("ctx") or {}).get("error", item.get("msg", "")))
        what, _dash, fix = message.partition(" — ")
        return what, fix or example(model, field, lang)
    return _("has a value that cannot be used here"), example(model, field, lang)


def _not_allowed(item: dict[str, Any]) -> tuple[str, str]:
    expected = (item.get("ctx") or {}).get("expected", "")
    allowed = [choice.strip(" '") for choice in expected.replace(" or ", ",").split(",") if choice.strip(" '")]
    value = item.get("input")
    return _("'{value}' is not allowed here").format(value=value), choose_from(str(value), allowed)


# Field names as a French writer may type them, for "did you mean": field names are English.
FRENCH_FIELD_NAMES = {
    "title": ["titre"],
    "summary": ["résumé", "resume", "sommaire"],
    "authors": ["auteur", "auteurs", "autrice", "autrices", "auteure"],
    "category": ["catégorie", "categorie"],
    "tags": ["étiquettes", "etiquettes", "mots-clés", "mots_cles"],
    "lang": ["langue"],
    "status": ["statut", "état", "etat"],
    "updated": ["mis_a_jour", "mise_a_jour", "modifié", "modifie"],
    "reviewed_by": ["relu_par", "révisé_par", "revise_par"],
    "translation_key": ["traduction", "clé_de_traduction", "cle_de_traduction"],
    "name": ["nom"],
    "date": ["jour"],
    "location": ["lieu", "adresse_du_lieu"],
    "schedule": ["horaire", "horaires"],
    "audience": ["public"],
    "cost": ["coût", "cout", "prix"],
    "headline": ["titre_annonce", "manchette"],
    "text": ["texte"],
    "start": ["début", "debut"],
    "end": ["fin"],
    "registration": ["inscription"],
}


def _unknown_field(model: type[BaseModel], field: str) -> tuple[str, str]:
    # A schema may say itself what to do with a field it does not know (the
    # bad date list must never suggest moving someone's details to a field).
    explain = getattr(model, "explain_unknown_field", None)
    if explain is not None:
        return explain(field)
    known = list(model.model_fields)
    what = _("'{field}' is not a field we know").format(field=field)
    if field.lower() in known and field != field.lower():
        return what, _("field names are written in lower case: write '{field}'").format(field=field.lower())
    guess = did_you_mean(field, {name: FRENCH_FIELD_NAMES.get(name, []) for name in known})
    if guess:
        return what, _("did you mean '{guess}'?").format(guess=guess)
    return what, _("check the spelling or remove it; the fields are: {fields}").format(fields=one_of(known))
