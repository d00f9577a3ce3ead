"""Reading as the public does: on a phone, by keyboard, zoomed in. What axe cannot see, tried in Chromium.

- Every Tab stop of the home, plan and results pages, at phone, tablet and desktop widths and at 200% zoom,
  is visible when it has focus: a box of its own inside the window, not covered, with an outline.
- The menu opens and closes with its button, by keyboard; while closed, nothing in it takes focus.
- The plan, results, home, status and data-model tables never scroll sideways, from 320 px to a desktop: below
  880 px their rows become blocks that keep each value's column name; wider, each column keeps to its share.
- The results chart's words are at least as large as the text around it at 320 px.
"""

from __future__ import annotations

import pytest

# (name, window size, device pixel ratio): a phone, a tablet, a desktop, and the desktop at 200% zoom, which
# lays the page out in half the width and height.
WINDOWS = [
    ("phone-360", {"width": 360, "height": 740}, 1),
    ("tablet-768", {"width": 768, "height": 1024}, 1),
    ("desktop-1280", {"width": 1280, "height": 900}, 1),
    ("desktop-1280-zoom-200", {"width": 640, "height": 450}, 2),
]
EXAMPLE = "plans/example-district-office/114/"
# Every kind of page, in both languages: home, an agency, plans (a table body and an old one), results, status,
# the data model, and a page for an address that has none.
KEYBOARD_PAGES = [prefix + path for prefix in ("", "en/")
                  for path in ("", "plans/example-district-office/", EXAMPLE, "plans/nantou-social-affairs-bureau/95/",
                               EXAMPLE + "results/", "status/", "data-model/", "404.html")]
MAX_TAB_STOPS = 400

# What the focused element shows: its box after it is scrolled into view, whether that box is inside the
# window and uncovered there, and how its focus is drawn.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  if (e.closest('.md-search')) return {search: true};
  e.scrollIntoView({block: 'nearest', inline: 'nearest'});
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  // Wholly inside the window; what is larger than the window (a table's region) fills at least half of it.
  const across = r.width <= innerWidth ? right - left >= r.width - 1 : right - left >= innerWidth / 2;
  const down = r.height <= innerHeight / 2 ? bottom - top >= r.height - 1 : bottom - top >= innerHeight / 2;
  const inside = r.width > 0 && r.height > 0 && across && down;
  // Nothing lies over it: the middle of its first line (a link may wrap) is the element itself.
  let uncovered = false, covered_by = null;
  const first = e.getClientRects()[0];
  if (first && right > left && bottom > top) {
    const x = Math.min(Math.max((first.left + first.right) / 2, 1), innerWidth - 1);
    const y = Math.min(Math.max((first.top + first.bottom) / 2, 1), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    uncovered = !!hit && (e === hit || e.contains(hit));
    covered_by = uncovered || !hit ? null : `<${hit.localName} class="${hit.className}">`;
  }
  const label = (e.getAttribute('aria-label') || e.textContent || e.id || '').trim().slice(0, 40);
  return {what: `<${e.localName} class="${e.className}"> ${label}`, box: [r.left, r.top, r.width, r.height],
          inside, uncovered, covered_by, visibility: s.visibility,
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none'};
}"""


def _shown(focused: dict) -> bool:
    return (focused["inside"] and focused["uncovered"] and focused["visibility"] == "visible"
            and (focused["outline"] or focused["shadow"]))


def _context(chromium, size, scale=1, **options):
    return chromium.new_context(viewport=size, device_scale_factor=scale, **options)


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
@pytest.mark.parametrize("window, size, scale", WINDOWS, ids=[w[0] for w in WINDOWS])
def test_every_tab_stop_is_visible_when_focused(chromium, base_url, path, window, size, scale):
    context = _context(chromium, size, scale)
    page = context.new_page()
    page.goto(base_url + path)
    hidden, seen = [], 0
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break  # past the last Tab stop: focus has left the page
        seen += 1
        if focused.get("search"):
            continue  # the site search's own parts are another piece of work's (search.html)
        if not _shown(focused):
            page.wait_for_timeout(400)  # what focus opens (the theme's search field) slides in
            focused = page.evaluate(FOCUSED)
            if not _shown(focused):
                hidden.append(focused)
    context.close()
    assert seen > 5, (window, path, seen)
    assert not hidden, (window, path, f"{len(hidden)} of {seen} Tab stops not visible", hidden[:8])


def _menu_links_that_take_focus(page) -> int:
    return page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary a, .md-sidebar--primary button')]
        .filter(e => { e.focus(); return document.activeElement === e; }).length""")


@pytest.mark.parametrize("path", ["", "en/guide/", EXAMPLE + "results/", "en/status/", "404.html"])
@pytest.mark.parametrize("window, size, scale", [WINDOWS[0], WINDOWS[1], WINDOWS[3]],
                         ids=[WINDOWS[0][0], WINDOWS[1][0], WINDOWS[3][0]])
def test_the_menu_opens_and_closes_by_keyboard(chromium, base_url, path, window, size, scale):
    context = _context(chromium, size, scale)
    page = context.new_page()
    page.goto(base_url + path)
    assert _menu_links_that_take_focus(page) == 0, "the closed menu's links take focus"
    page.evaluate("document.activeElement.blur()")
    button = page.get_by_role("button", name="Menu" if path.startswith("en/") else "選單", exact=True)
    assert button.evaluate("e => e.localName") == "button"
    assert button.get_attribute("aria-expanded") == "false"
    # Reached by Tab, opened with Enter: focus goes to the menu's first link, which is on screen.
    for _ in range(20):
        page.keyboard.press("Tab")
        if button.evaluate("e => e === document.activeElement"):
            break
    else:
        raise AssertionError("the menu button is not a Tab stop")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(400)  # the opening slide
    focused = page.evaluate(FOCUSED)
    assert focused and focused["inside"] and focused["uncovered"], focused
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    # Escape closes it and gives focus back to the button; Space opens it again, and the button closes it.
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert button.evaluate("e => e === document.activeElement")
    page.wait_for_timeout(400)  # the closing slide
    assert _menu_links_that_take_focus(page) == 0
    button.focus()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "false"
    context.close()


def test_the_menus_section_toggle_is_a_button_that_space_opens_and_closes(chromium, base_url):
    context = _context(chromium, *WINDOWS[0][1:])
    page = context.new_page()
    page.goto(base_url + "guide/")
    page.get_by_role("button", name="選單", exact=True).click()
    toggle = page.locator(".md-sidebar--primary button[aria-expanded]").first
    assert toggle.get_attribute("aria-controls")
    toc = page.locator("#" + toggle.get_attribute("aria-controls"))
    before = toggle.get_attribute("aria-expanded")
    toggle.focus()
    page.keyboard.press("Space")
    after = toggle.get_attribute("aria-expanded")
    assert {before, after} == {"true", "false"}
    assert toc.is_visible() == (after == "true")
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == before
    context.close()


# The tables that must read on a phone, on every page that has them.
TABLE_PAGES = ["", "status/", "plans/", "data-model/", "en/data-model/", "en/status/", "en/"]


@pytest.fixture(scope="module")
def table_pages(all_paths) -> list[str]:
    plans = [p for p in all_paths if p.startswith(("plans/", "en/plans/")) and p.count("/") >= 3]
    return TABLE_PAGES + plans


# A phone, a tablet, either side of the cards' breakpoint (a box of 880 px), a window too narrow for the side
# menu (below 1220 px), and desktops with the menu, whose content box is about 940 px whatever the window.
@pytest.mark.parametrize("width", [320, 768, 850, 913, 1030, 1280, 1440])
def test_tables_never_scroll_sideways_at_any_width(chromium, base_url, table_pages, width):
    context = _context(chromium, {"width": width, "height": 700})
    page = context.new_page()
    wide = []
    for path in table_pages:
        page.goto(base_url + path)
        found = page.evaluate("""() => ({page: [document.scrollingElement.scrollWidth, innerWidth],
            tables: [...document.querySelectorAll('.gk-table-wrap')]
              .filter(w => w.scrollWidth > w.clientWidth)
              .map(w => `${w.querySelector('caption').textContent.slice(0, 30)}: ${w.scrollWidth} > ${w.clientWidth}`)})""")
        if found["page"][0] > found["page"][1] or found["tables"]:
            wide.append((path, found))
    context.close()
    assert not wide, wide


def test_a_table_row_on_a_phone_keeps_its_item_and_column_names(chromium, base_url):
    context = _context(chromium, {"width": 320, "height": 700})
    page = context.new_page()
    page.goto(base_url + EXAMPLE + "results/")
    # Each shown cell, top to bottom: its column's name (drawn before it from data-label) and its text.
    shown = """row => [...row.children].filter(c => c.offsetHeight > 0)
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map(c => [getComputedStyle(c, '::before').content.replace(/^"|"$/g, '').replace(/"/g, ''),
                   c.innerText.trim().slice(0, 30)])"""
    cells = page.locator("table.gk-body-table tbody tr").first.evaluate(shown)
    # The item's group and the item come first, then its status, then the other columns by name.
    assert cells[0][1].startswith("一、") and cells[1][1].startswith("(一)"), cells
    assert cells[2][0].startswith("執行狀態") and "已完成" in cells[2][1], cells
    # The status stands on the line of its name: one line, as high as the text.
    status = page.locator("table.gk-body-table tbody tr td.gk-col-status").first
    assert status.evaluate("c => c.getClientRects()[0].height < 2 * parseFloat(getComputedStyle(c).lineHeight)")
    assert [name for name, _ in cells[3:]] == ["執行成效"], cells
    page.goto(base_url)
    cells = page.locator("table.gk-agencies tbody tr").first.evaluate(shown)
    assert [name for name, _ in cells] == ["none", "最新計畫", "最新執行成效", "今年度（115年）計畫", "上年度（114年）執行成效"]
    context.close()


@pytest.mark.parametrize("path", [EXAMPLE + "results/", EXAMPLE, "en/" + EXAMPLE])
def test_wide_screens_keep_the_real_tables(page, base_url, path):
    page.goto(base_url + path)
    assert page.evaluate("getComputedStyle(document.querySelector('table.gk-body-table')).display") == "table"
    assert page.evaluate("getComputedStyle(document.querySelector('table.gk-body-table td')).display") == "table-cell"


def test_lists_in_table_cells_start_at_the_cells_edge(chromium, base_url):
    context = _context(chromium, {"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + EXAMPLE)
    # How far each list item in a cell starts from the cell's text edge: the theme's list indent would add 20 px.
    offsets = page.evaluate("""() => [...document.querySelectorAll('table.gk-body-table td li')].map(li => {
        const cell = li.closest('td'), s = getComputedStyle(cell);
        return li.getBoundingClientRect().left - cell.getBoundingClientRect().left - parseFloat(s.paddingLeft)
            - parseFloat(s.borderLeftWidth); })""")
    context.close()
    assert offsets and max(offsets) < 1, offsets


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_chart_text_is_no_smaller_than_body_text_at_320_px(chromium, base_url, prefix):
    context = _context(chromium, {"width": 320, "height": 700})
    page = context.new_page()
    page.goto(base_url + prefix + EXAMPLE + "results/")
    sizes = page.evaluate("""() => {
      const body = parseFloat(getComputedStyle(document.querySelector('article p')).fontSize);
      const chart = document.querySelector('.gk-chart-figure') || document.querySelector('svg.gk-chart').closest('figure');
      const svgText = [...chart.querySelectorAll('svg text')].map(t =>
          parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
      const htmlText = [...chart.querySelectorAll('figcaption, li')].map(e => parseFloat(getComputedStyle(e).fontSize));
      return {body, svgText, htmlText};
    }""")
    context.close()
    assert sizes["svgText"], sizes
    assert min(sizes["svgText"] + sizes["htmlText"]) >= sizes["body"] - 0.01, sizes


def test_the_language_link_keeps_the_part_of_the_page_being_read(chromium, base_url):
    context = _context(chromium, {"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + EXAMPLE + "#a1-2")
    link = page.locator("a.gk-language__link")
    assert link.get_attribute("href").endswith("/en/" + EXAMPLE + "#a1-2")
    page.evaluate("location.hash = '#a2-1'")
    assert link.get_attribute("href").endswith("#a2-1")
    link.click()
    page.wait_for_url("**/en/" + EXAMPLE + "#a2-1")
    assert page.evaluate("document.getElementById('a2-1').getBoundingClientRect().top") < 900
    context.close()
    # Without JavaScript the link still goes to the same page in the other language.
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + EXAMPLE + "#a1-2")
    page.click("a.gk-language__link")
    page.wait_for_url("**/en/" + EXAMPLE)
    context.close()


def test_the_language_link_is_as_large_as_the_text_and_easy_to_touch(chromium, base_url):
    context = _context(chromium, *WINDOWS[0][1:])
    page = context.new_page()
    page.goto(base_url + EXAMPLE)
    size = page.evaluate("""() => { const a = document.querySelector('a.gk-language__link'), r = a.getBoundingClientRect();
        return [parseFloat(getComputedStyle(a).fontSize), r.width, r.height,
                parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)]; }""")
    context.close()
    assert size[0] >= size[3] and size[1] >= 24 and size[2] >= 24, size
