"""The search page of each language."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator


class SearchPage(Generator):
    """Writes ``search.html`` to ``SEARCH_SAVE_AS``, with the language's posts as the fallback list."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Any) -> None:
        save_as = self.settings.get("SEARCH_SAVE_AS")
        if not save_as:
            return
        writer.write_file(
            save_as,
            self.get_template("search"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.settings.get("SEARCH_URL", ""),
        )
