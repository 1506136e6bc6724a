"""One site per language under its own prefix (/en/, /fr/), linked together."""

from .languages import register

__all__ = ["register"]
