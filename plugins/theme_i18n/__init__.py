"""The theme's own words and dates, in the language of each run."""

from .theme_i18n import register

__all__ = ["register"]
