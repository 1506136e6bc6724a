"""The report form (``/<lang>/report/``) and the three pages the intake answers with, in every language.

Built only when ``BAD_DATES_INTAKE`` is set and its public key is there
(:func:`relais.intake.settings.form_is_built`): ``report/`` (the form, the
other ways to report, what stays private), ``report/sent/`` (thank you),
``report/problem/`` (what to fix: one item per problem, which the intake
picks from) and ``report/busy/`` (please call or text us instead).
"""

from __future__ import annotations

from typing import Any

from bad_dates.site_views import language_views
from pelican.generators import Generator

from relais.intake.form import form_fields, problem_codes
from relais.intake.pages import ANSWERS, answer_folder, report_folder
from relais.intake.settings import form_is_built, intake_of
from relais.site import SETTINGS_KEY, Site

from .words import field_views, problem_sentences


class ReportFormGenerator(Generator):
    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Any) -> None:
        site: Site | None = self.settings.get(SETTINGS_KEY)
        lang = self.settings["DEFAULT_LANG"]
        if site is None or lang not in site.config.LANGUAGES or not form_is_built(site):
            return
        intake, _problems = intake_of(site.settings)
        assert intake is not None
        views = language_views(site, self.settings, lang)
        fields = form_fields(list(views.config.BAD_DATES_TYPES))
        folder = report_folder(self.settings, lang)
        common = {
            "relative_urls": self.settings["RELATIVE_URLS"],
            "bad_dates": views,
            "report_fields": field_views(fields, views.config, lang, views.translate),
            "intake_path": intake.config.path,
            "other_channels": [channel for channel in views.guidance.channels if channel.kind != "form"],
            "report_url": f"{lang}/{folder}/",
            "bad_dates_index_url": self.settings["BAD_DATES_INDEX_URL"],
        }
        writer.write_file(
            f"{lang}/{folder}/index.html",
            self.get_template("report_form"),
            self.context,
            url=f"{lang}/{folder}/",
            **common,
        )
        problems = problem_sentences(problem_codes(fields), views.translate)
        for answer in ANSWERS:
            writer.write_file(
                f"{lang}/{answer_folder(self.settings, lang, answer)}/index.html",
                self.get_template("report_answer"),
                self.context,
                url=f"{lang}/{answer_folder(self.settings, lang, answer)}/",
                answer=answer,
                problems=problems,
                **common,
            )


def get_generators(_pelican: Any) -> type[ReportFormGenerator]:
    return ReportFormGenerator
