"""Let each feature add its own partials to the theme's shared places."""

from .theme_slots import register

__all__ = ["register"]
