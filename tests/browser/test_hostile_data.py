"""Hostile data, built and opened in Chromium: a payload in every text field of agency.yml, plan.yml,
results.yml and portal.yml (tests/hostile.py, built by the `hostile_site` fixture of tests/conftest.py),
and not one of them runs, loads or links anything.

Every page of both languages is opened, and a search is run for the payloads' words; on each, no dialog
opens, no element carries an event handler, no link or form goes to `javascript:`, no request leaves the
site's own address, the Content-Security-Policy meta tag is there, and the browser reports no violation of it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from gongkai.devtools.axe import site_paths
from gongkai.devtools.loopback import serve

# Collected in the page itself: elements with on* attributes, script addresses, and the policy in force.
INSPECT = """() => {
  const all = [...document.querySelectorAll('*')];
  const handlers = all.flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on'))
                                           .map(a => `<${e.localName} ${a.name}="${a.value}">`));
  const scripted = all.flatMap(e => [...e.attributes]
      .filter(a => ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name.toLowerCase()))
      .filter(a => /^\\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\\s\\u0000-\\u001f]/g, '')))
      .map(a => `<${e.localName} ${a.name}="${a.value}">`));
  const scripts = [...document.scripts].filter(s => s.type !== 'application/json')
      .map(s => s.src || ('inline: ' + s.text.slice(0, 80)));
  const csp = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(m => m.content);
  const inHead = !!document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return {handlers, scripted, scripts, csp, inHead, frames: document.querySelectorAll('iframe, object, embed').length};
}"""
VIOLATIONS = """document.addEventListener('securitypolicyviolation',
  e => (window.__violations = window.__violations || []).push(`${e.violatedDirective} ${e.blockedURI}`));"""


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve(hostile_site) as url:
        yield url


def _visit(chromium, url: str, action=None) -> dict:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    origin = urlsplit(url).netloc
    found: dict = {"dialogs": [], "requests": [], "console": [], "errors": []}

    def on_dialog(dialog) -> None:
        found["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda request: found["requests"].append(request.url)
            if urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(request.url).netloc != origin else None)
    page.on("console", lambda message: found["console"].append(message.text)
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: found["errors"].append(str(error)))
    page.add_init_script(VIOLATIONS)
    try:
        page.goto(url, wait_until="load")
        if action:
            action(page)
        page.wait_for_timeout(100)
        found["url"] = page.url
        found.update(page.evaluate(INSPECT))
        found["violations"] = page.evaluate("window.__violations || []")
    finally:
        context.close()
    return found


def _problems(path: str, found: dict) -> list[str]:
    problems = [f"{path}: dialog {m!r}" for m in found["dialogs"]]
    problems += [f"{path}: event handler {h}" for h in found["handlers"]]
    problems += [f"{path}: script address {h}" for h in found["scripted"]]
    problems += [f"{path}: request to {r}" for r in found["requests"]]
    problems += [f"{path}: inline script {s}" for s in found["scripts"] if s.startswith("inline")]
    problems += [f"{path}: embedded frame" for _ in range(found["frames"])]
    problems += [f"{path}: CSP violation {v}" for v in found["violations"]]
    problems += [f"{path}: console {m}" for m in found["console"] if "Content Security Policy" in m]
    problems += [f"{path}: script error {e}" for e in found["errors"]]
    if len(found["csp"]) != 1 or "default-src 'self'" not in found["csp"][0] or not found["inHead"]:
        problems.append(f"{path}: Content-Security-Policy meta tag {found['csp']}")
    return problems


def test_no_payload_runs_loads_or_links_on_any_page(chromium, hostile_site, hostile_url):
    paths = site_paths(hostile_site)
    assert len(paths) > 20
    problems = []
    for path in paths:
        problems += _problems(path or "/", _visit(chromium, hostile_url + path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("prefix, query", [("", "標題"), ("", "javascript"), ("en/", "onfocus"), ("en/", "javascript")])
def test_search_results_show_payloads_as_text(chromium, hostile_url, prefix, query):
    def search(page) -> None:
        page.fill("input.md-search__input", query)
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_timeout(300)

    found = _visit(chromium, hostile_url + prefix, search)
    assert not _problems(f"{prefix} search {query}", found)


def test_the_language_switcher_and_the_navigation_work_under_the_policy(chromium, hostile_url):
    def switch_and_browse(page) -> None:
        page.click("a.gk-language__link")
        page.wait_for_url(hostile_url + "en/")
        page.click(".md-nav__link[href$='status/']")
        page.wait_for_url(hostile_url + "en/status/")
        page.go_back()
        page.wait_for_url(hostile_url + "en/")

    found = _visit(chromium, hostile_url, switch_and_browse)
    assert found["url"] == hostile_url + "en/"
    assert not _problems("switcher and navigation", found)
