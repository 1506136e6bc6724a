"""The plain-text edition (for email lists and anyone without a browser) and the file of SMS lines."""

from __future__ import annotations

from .reporting import Guidance
from .sms import sms_line
from .views import ReportView, Words

RULE = "-" * 60


def text_edition(
    *,
    site_name: str,
    month_title: str,
    link: str,
    intro: str,
    guidance: Guidance,
    words: Words,
    reports: list[ReportView],
) -> str:
    """The whole edition as UTF-8 text: title, link, introduction, how to report, safety, then each report."""
    lines = [f"{site_name} — {month_title}", link, ""]
    if intro:
        lines += [intro, ""]
    lines += [guidance.how_to_report.upper(), guidance.report_promise]
    for channel in guidance.channels:
        number = f" {channel.number}." if channel.number else ""
        lines.append(f"- {channel.label}:{number} {channel.note}".rstrip())
    lines += ["", guidance.safety_title.upper(), *(f"- {sentence}" for sentence in guidance.safety)]
    for report in reports:
        lines += ["", RULE, *report_lines(report, words)]
    return "\n".join(lines) + "\n"


def report_lines(report: ReportView, words: Words) -> list[str]:
    lines = [
        f"{words.report.upper()} {report.id}",
        f"{words.when}: {report.when}",
        f"{words.where}: {report.where}",
        f"{words.what}: {', '.join(report.kinds)}",
        f"{words.person}: {report.description}",
        *(f"  {label}: {value}" for label, value in report.details),
    ]
    if report.vehicle:
        lines.append(f"{words.vehicle}: {report.vehicle}")
    if report.contacts:
        lines.append(f"{words.contact_used}: {', '.join(report.contacts)}")
    lines.append(f"{words.what_happened}: {report.what_happened}")
    if report.advice:
        lines.append(f"{words.advice}: {report.advice}")
    lines.append(f"{words.reported_on}: {report.reported_on}")
    return [" ".join(line.split()) if not line.startswith("  ") else "  " + " ".join(line.split()) for line in lines]


def sms_lines(reports: list[ReportView], prefix: str) -> str:
    """One line per report, each at most 160 GSM-7 characters (see :mod:`.sms`)."""
    return "".join(sms_line(report, prefix) + "\n" for report in reports)
