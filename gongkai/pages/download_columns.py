"""The documentation of the download files' columns, for the 資料格式說明 / Data model page."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from gongkai.export.tables import COLUMNS
from gongkai.i18n.catalogue import ui
from gongkai.pages.blocks import html_block

WORDS: dict[str, dict[str, Any]] = {
    "zh-TW": {"heading": "下載檔案的欄位", "column": "欄位", "type": "型別", "description": "說明",
              "intro": "每份計畫提供 CSV、JSON、ODS 與 ODT 檔，每份執行成效提供 CSV、JSON 與 ODS 檔，"
                       "連結在各計畫與執行成效頁的「下載」一節。CSV 為 UTF-8 編碼並含 BOM（Excel 可直接開啟），"
                       "第一列為下列欄位名稱；一格有多項時以換行分隔。中文欄位以 _zh 結尾，英文以 _en 結尾（尚無譯文時為空白）。"
                       "全部檔案另有壓縮檔 downloads/gongkai-open-data.zip，內含資料集說明 dataset.json；"
                       "網站根目錄的 transparency.json 列出每個檔案的大小與 SHA-256。"
                       "為防範試算表公式注入，CSV 中以 =、+、-、@、Tab 或歸位字元開頭的文字格，前面加上一個單引號（'），"
                       "讓試算表程式把它當作文字顯示而不當成公式執行（例如每年的期限 --12-31 寫成 '--12-31）；"
                       "數字欄位（year、level）照數字寫出，不加任何字元。JSON 與 ODS 檔中的值則保持原樣。",
              "caption": {"plan": "計畫檔的欄位", "results": "執行成效檔的欄位"}},
    "en": {"heading": "Columns of the download files", "column": "Column", "type": "Type", "description": "Description",
           "intro": "Each plan is available as CSV, JSON, ODS and ODT, and each results table as CSV, JSON and ODS, "
                    "linked from the Downloads section of its page. CSV files are UTF-8 with a byte-order mark (so Excel "
                    "opens them directly), with the column names below in the first row; a cell holding several items "
                    "has one per line. Chinese columns end in _zh, English ones in _en (empty where there is no "
                    "translation yet). downloads/gongkai-open-data.zip holds every file with the dataset description "
                    "dataset.json; transparency.json at the site root lists every file's size and SHA-256. "
                    "Against formula injection, a text cell of a CSV file that begins with =, +, -, @, a tab or a "
                    "carriage return has an apostrophe (') in front, so that spreadsheet programs show it as text "
                    "instead of running it as a formula (a yearly deadline --12-31 is written '--12-31); number columns "
                    "(year, level) are written as numbers, with nothing added. JSON and ODS files hold every value as "
                    "it is.",
           "caption": {"plan": "Columns of the plan files", "results": "Columns of the results files"}},
}


def _table(part: str, lang: str) -> str:
    words = WORDS[lang]
    rows = "".join(
        f'<tr><th scope="row"><code>{escape(c.name)}</code></th><td><code>{escape(c.kind)}</code></td>'
        f"<td>{escape(c.zh if lang == 'zh-TW' else c.en)}</td></tr>" for c in COLUMNS[part])
    return html_block(
        f'<div class="gk-table-wrap" role="region" aria-labelledby="dm-download-{part}" tabindex="0">'
        f'<table class="gk-table"><caption id="dm-download-{part}">{escape(words["caption"][part])}</caption>'
        f'<thead><tr><th scope="col">{words["column"]}</th><th scope="col">{words["type"]}</th>'
        f'<th scope="col">{words["description"]}</th></tr></thead><tbody>{rows}</tbody></table></div>')


def columns_markdown(lang: str) -> str:
    """A section for the data model page: the download files, their encoding and their columns."""
    words = WORDS[lang]
    parts = [f"## {words['heading']} {{#downloads}}", escape(words["intro"]),
             f"### {escape(ui('download_plan', lang))} {{#download-plan}}", _table("plan", lang),
             f"### {escape(ui('download_results', lang))} {{#download-results}}", _table("results", lang)]
    return "\n\n".join(parts) + "\n"
