"""The writer of every page Pelican renders: page filters, and no work for pages that did not change.

Pelican hands each page to its writer: a template, the shared context and
the page's own values.  Before rendering, this writer asks the build's
ledger whether the same page, from the same inputs, is in the previous
output (see :mod:`relais.incremental`); if so, that file is linked into the
new folder and the template is not rendered.  Otherwise the page is
rendered, every plugin's ``PAGE_FILTERS`` (functions ``(html, relative_path,
settings) -> html``) is applied to it, and it is written through the ledger.

Without a ledger (plain ``pelican``) it renders and filters every page.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pelican.writers import FileOverwriteFailedError, Writer

from .incremental import INCREMENTAL_KEY, IncrementalBuild
from .site import SETTINGS_KEY


class RelaisWriter(Writer):
    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.incremental: IncrementalBuild | None = (settings or {}).get(INCREMENTAL_KEY)
        site = (settings or {}).get(SETTINGS_KEY)
        self.page_filters = site.hooks("PAGE_FILTERS") if site is not None else []
        self._unit_files: list[str] | None = None

    def write_file(  # type: ignore[override]  # noqa: PLR0917 - Pelican's signature
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: dict[str, Any] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        if not name or self.incremental is None:
            super().write_file(
                name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs
            )
            return
        values = dict(kwargs, relative_urls=relative_urls, url=url)
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        # A paginated page reads ``articles_page`` (made by the writer): its digest takes the whole list.
        values.update({f"{key}_page": value for key, value in paginated.items()})
        key = self.incremental.pages(self.settings).of(template, name, context, values)
        ledger = self.incremental.ledger
        if ledger.reuse_unit(name, key):
            self._written_files.update(str(ledger.path(relative)) for relative in ledger.state.units[name][1])
            return
        self._unit_files = []
        try:
            super().write_file(
                name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs
            )
            ledger.record_unit(name, key, self._unit_files)
        finally:
            self._unit_files = None

    @contextlib.contextmanager
    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Iterator[io.StringIO]:  # type: ignore[override]
        """Pelican's guard against writing a file twice, then the filters and the ledger instead of ``open``."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
            yield io.StringIO()  # Pelican keeps the page that overrode this one
            return
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}": it was already written')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        buffer = io.StringIO()
        yield buffer
        self._save(filename, buffer.getvalue(), encoding)

    def _save(self, filename: str, text: str, encoding: str) -> None:
        relative = Path(filename).resolve().relative_to(Path(self.output_path).resolve()).as_posix()
        for page_filter in self.page_filters if filename.endswith(".html") else ():
            text = page_filter(text, relative, self.settings)
        data = text.encode(encoding)
        if self.incremental is None:
            Path(filename).write_bytes(data)
            return
        self.incremental.ledger.write(relative, data)
        if self._unit_files is not None:
            self._unit_files.append(relative)
