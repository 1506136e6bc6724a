"""Read Relais content (Markdown with YAML front matter) into Pelican."""

from .reader import register

__all__ = ["register"]
