"""The 網站導覽 (site map) page: the access keys explained, and every page of the site."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from gongkai.data.urls import relative
from gongkai.i18n.catalogue import ui
from gongkai.pages.blocks import html_block
from gongkai.pages.metadata import PageFacts
from gongkai.pages.renderer import Page

ACCESS_KEYS = ("U", "C", "Z", "S")
KEY_NAMES = {"U": "key_u", "C": "key_c", "Z": "key_z", "S": "key_s"}
INTRO = {
    "zh-TW": "本網站依照無障礙網頁規範，在每一頁的上方、中央內容、下方及搜尋處設有導盲磚（:::），並可用下列快速鍵直接移到該區塊：",
    "en": "Every page has block markers (:::) at its top, main content, bottom and search box. "
          "These access keys move straight to them:",
}
BROWSERS = {
    "zh-TW": [("Windows 的 Chrome、Edge", "Alt + 快速鍵"), ("Windows 的 Firefox", "Alt + Shift + 快速鍵"),
              ("macOS 的 Safari、Chrome、Firefox", "Control + Option + 快速鍵")],
    "en": [("Chrome or Edge on Windows", "Alt + key"), ("Firefox on Windows", "Alt + Shift + key"),
           ("Safari, Chrome or Firefox on macOS", "Control + Option + key")],
}
TAB_HINT = {
    "zh-TW": "也可以用 Tab 鍵依序移動，Shift + Tab 反向移動，Enter 開啟連結；每一頁的第一個 Tab 位置是「跳到主要內容」。",
    "en": "You can also move with Tab, back with Shift + Tab, and open a link with Enter; the first Tab stop on "
          "every page is “Skip to main content”.",
}


def _tree(entries: list[Any], path: str) -> Markup:
    items = []
    for entry in entries:
        if isinstance(entry, str):
            continue
        (title, target), = entry.items()
        if isinstance(target, list):
            items.append(Markup("<li>{}{}</li>").format(title, _tree(target, path)))
        else:
            url = target.removesuffix("index.md").removesuffix(".md")
            url = url + "/" if url and not url.endswith("/") else url
            items.append(Markup('<li><a href="{}">{}</a></li>').format(relative(path, url) or "./", title))
    return Markup("<ul>{}</ul>").format(Markup("").join(items))


def render_site_map(nav: list[Any], lang: str, facts: PageFacts) -> Page:
    path = "site-map/index.md"
    keys = Markup("").join(
        Markup("<tr><th scope=\"row\"><kbd>{}</kbd></th><td>{}</td></tr>").format(k, ui(KEY_NAMES[k], lang))
        for k in ACCESS_KEYS)
    browsers = Markup("").join(Markup("<li>{}：<kbd>{}</kbd></li>" if lang == "zh-TW" else "<li>{}: <kbd>{}</kbd></li>")
                               .format(b, combo) for b, combo in BROWSERS[lang])
    key_table = (f'<div class="gk-table-wrap" role="region" aria-labelledby="gk-keys-caption" tabindex="0">'
                 f'<table class="gk-table"><caption id="gk-keys-caption">{escape(ui("access_keys", lang))}</caption>'
                 f"<tbody>{keys}</tbody></table></div>")
    parts = [
        f"## {escape(ui('access_keys', lang))} {{#access-keys}}",
        html_block(f"<p>{escape(INTRO[lang])}</p>{key_table}<ul>{browsers}</ul><p>{escape(TAB_HINT[lang])}</p>"),
        f"## {escape(ui('site_pages', lang))} {{#pages}}",
        html_block(str(_tree(nav, path))),
    ]
    title = ui("site_map", lang)
    return Page(path=path, title=title, body=f"# {title}\n\n" + "\n\n".join(parts) + "\n", facts=facts,
                meta={"title": title})
