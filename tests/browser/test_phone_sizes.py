"""On a 390- and a 320-pixel phone: nothing wider than the screen, no word cut in two, no time split.

The French trial found the timetable cutting words ("Temporaril y",
"temporaire ment") on a 390-pixel phone.  Every kind of page is opened in
Chromium at both sizes, and the browser's own layout is asked where each
word and each time range of the content falls.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import LocalServer
from tests.browser.pages import PHONES, problems_on_every_page

# For each word of the main content, the lines it is drawn on; and each time range (a span of the theme).
LAYOUT = """() => {
  const lines = (range) => new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
  const cut = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('pre, code, textarea, .visually-hidden')) continue;
    for (const match of node.textContent.matchAll(/[^\\s\\u2013\\u2014-]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (lines(range).size > 1) cut.push(match[0]);
    }
  }
  const splitTimes = Array.from(document.querySelectorAll('.time-range')).filter(span => {
    const range = document.createRange();
    range.selectNodeContents(span);
    return lines(range).size > 1;
  }).map(span => span.textContent);
  return {cut, splitTimes, wider: document.documentElement.scrollWidth - window.innerWidth};
}"""


def layout_problems(page: Page) -> list[str]:
    found = page.evaluate(LAYOUT)
    problems = [f"{found['wider']} pixels wider than the screen"] if found["wider"] > 0 else []
    problems += [f"word cut in two: {word!r}" for word in found["cut"]]
    problems += [f"time split across lines: {time!r}" for time in found["splitTimes"]]
    return problems


@pytest.mark.parametrize("phone", PHONES, ids=list(PHONES))
def test_no_page_is_wider_than_the_phone_or_cuts_a_word(browser: Browser, site_server: LocalServer, phone: str) -> None:
    found = problems_on_every_page(browser, site_server.origin, PHONES[phone], layout_problems)
    assert not found, found


def test_the_harness_sees_a_cut_word(browser: Browser) -> None:
    """A narrow fixed table like the old timetable's: the check above would catch it."""
    context = browser.new_context(viewport=PHONES["phone"])
    try:
        page = context.new_page()
        page.set_content(
            '<main><table style="table-layout:fixed;width:300px"><tr><td style="width:34%">18 h</td>'
            '<td style="overflow-wrap:break-word">Service</td><td style="width:20%;overflow-wrap:break-word">'
            "<strong>Temporairement</strong></td></tr></table></main>"
        )
        assert layout_problems(page) == ["word cut in two: 'Temporairement'"]
    finally:
        context.close()
