"""Interface text of the portal in both languages."""

from __future__ import annotations

from typing import Any

UI: dict[str, dict[str, str]] = {
    "site_name": {"zh-TW": "提升服務品質計畫公開網", "en": "Service Quality Plans Portal"},
    "home": {"zh-TW": "首頁", "en": "Home"},
    "plans": {"zh-TW": "機關計畫", "en": "Agency plans"},
    "about": {"zh-TW": "關於本站", "en": "About"},
    "data_model": {"zh-TW": "資料格式說明", "en": "Data model"},
    "guide": {"zh-TW": "如何更新資料", "en": "How to update"},
    "agency": {"zh-TW": "機關", "en": "Agency"},
    "agencies": {"zh-TW": "各機關", "en": "Agencies"},
    "plan": {"zh-TW": "計畫", "en": "Plan"},
    "results": {"zh-TW": "執行成效一覽表", "en": "Results table"},
    "results_short": {"zh-TW": "執行成效", "en": "Results"},
    "year": {"zh-TW": "年度", "en": "Year"},
    "latest_plan": {"zh-TW": "最新計畫", "en": "Latest plan"},
    "latest_results": {"zh-TW": "最新執行成效", "en": "Latest results"},
    "none_yet": {"zh-TW": "尚無", "en": "None yet"},
    "this_year_plan": {"zh-TW": "今年度（{year}）計畫", "en": "This year's plan ({year})"},
    "last_year_results": {"zh-TW": "上年度（{year}）執行成效", "en": "Last year's results ({year})"},
    "status_as_of": {"zh-TW": "公開狀態以{date}為準；判斷規則與細節見{link}。",
                     "en": "Publication status as of {date}; the rules and details are on the {link} page."},
    "profile": {"zh-TW": "機關基本資料", "en": "Agency profile"},
    "all_years": {"zh-TW": "歷年計畫", "en": "Plans by year"},
    "fictional": {"zh-TW": "本頁內容為虛構的示範資料，並非真實機關的計畫。",
                  "en": "This page shows fictional example data, not a real agency's plan."},
    "fictional_label": {"zh-TW": "示範資料", "en": "Example data"},
    # A draft plan (state: draft): only a preview shows it.
    "draft_label": {"zh-TW": "草稿", "en": "DRAFT"},
    "draft_notice": {"zh-TW": "這份計畫尚未核定，只在預覽中顯示，正式網站不會發布。",
                     "en": "This plan is not approved yet. It is shown only in this preview and is not published."},
    # Shown on the pages of languages other than Chinese, the original.
    "untranslated_note": {
        "zh-TW": "本頁部分內容尚未翻譯，以中文原文顯示，並以側邊線標示。",
        "en": "Parts of this page are not yet translated. They are shown in the original Chinese and marked with a side bar.",
    },
    "untranslated_share": {"zh-TW": "本頁文字已翻譯{share}。", "en": "{share} of this page's text is translated into English."},
    "approved": {"zh-TW": "核定", "en": "Approved"},
    "revised": {"zh-TW": "修正", "en": "Revised"},
    "drafted": {"zh-TW": "擬訂", "en": "Drafted"},
    "published_event": {"zh-TW": "公開", "en": "Published"},
    "history": {"zh-TW": "核定與修正歷程", "en": "Approval and revisions"},
    "issued": {"zh-TW": "文件日期", "en": "Document date"},
    "category": {"zh-TW": "類別", "en": "Category"},
    "last_updated": {"zh-TW": "最後更新", "en": "Last updated"},
    "not_recorded": {"zh-TW": "未記載", "en": "Not recorded"},
    "date": {"zh-TW": "日期", "en": "Date"},
    "event": {"zh-TW": "事項", "en": "Event"},
    "by": {"zh-TW": "核定者", "en": "By"},
    "document_no": {"zh-TW": "文號", "en": "Document no."},
    "note": {"zh-TW": "說明", "en": "Note"},
    "issuer": {"zh-TW": "發文機關", "en": "Issued by"},
    "doc_title": {"zh-TW": "文件", "en": "Document"},
    "document_verb": {"zh-TW": "原文用語", "en": "As the document puts it"},
    "annexes": {"zh-TW": "附件", "en": "Annexes"},
    "annex_no_file": {"zh-TW": "原計畫未附此檔案。", "en": "This file was not published with the plan."},
    "annex_download": {"zh-TW": "下載", "en": "Download"},
    "units": {"zh-TW": "執行單位", "en": "Responsible units"},
    "deadline": {"zh-TW": "完成期限", "en": "Deadline"},
    "outcomes": {"zh-TW": "預期目標", "en": "Expected outcomes"},
    "actions": {"zh-TW": "具體作法", "en": "Actions"},
    "targets": {"zh-TW": "量化指標", "en": "Quantified targets"},
    "frequency": {"zh-TW": "頻率", "en": "Frequency"},
    "item": {"zh-TW": "項目", "en": "Item"},
    "level": {"zh-TW": "第{n}層", "en": "Level {n}"},
    "body_caption": {"zh-TW": "{title}（共{count}項）", "en": "{title} ({count} in all)"},
    "status": {"zh-TW": "執行狀態", "en": "Status"},
    "result": {"zh-TW": "執行成效", "en": "Result"},
    "measured": {"zh-TW": "實際值", "en": "Measured"},
    "evidence": {"zh-TW": "佐證資料", "en": "Evidence"},
    "reported_on": {"zh-TW": "填報日期", "en": "Reported"},
    "reason": {"zh-TW": "原因", "en": "Reason"},
    "summary": {"zh-TW": "執行情形摘要", "en": "Summary"},
    "summary_intro": {"zh-TW": "各實施要項的執行狀態如下圖，項數見圖後的表格。",
                      "en": "The chart shows each main item's statuses; the table after it gives their numbers."},
    "summary_line": {"zh-TW": "共{total}項，已完成{done}項（{share}）", "en": "{total} items, {done} completed ({share})"},
    "total": {"zh-TW": "合計", "en": "Total"},
    "share_completed": {"zh-TW": "完成比率", "en": "Share completed"},
    "count": {"zh-TW": "項數", "en": "Items"},
    "chart_title": {"zh-TW": "各實施要項執行狀態圖（項數見下表）", "en": "Status of each main item (the table below gives the numbers)"},
    "chart_row": {"zh-TW": "已完成{done}／{total}項", "en": "{done} of {total} completed"},
    "chart_data_table": {"zh-TW": "各實施要項的執行狀態（項數）", "en": "Statuses of each main item (number of items)"},
    "results_of_plan": {"zh-TW": "計畫本文", "en": "The plan"},
    "results_page_link": {"zh-TW": "{year}執行成效一覽表", "en": "Results table for {year}"},
    "no_results": {"zh-TW": "尚未公開執行成效", "en": "Results not yet published"},
    "leaves_count": {"zh-TW": "{n}項", "en": "{n} items"},
    "head": {"zh-TW": "首長", "en": "Head"},
    "code": {"zh-TW": "機關代碼", "en": "Agency code"},
    "parent": {"zh-TW": "上級機關", "en": "Supervising body"},
    "address": {"zh-TW": "地址", "en": "Address"},
    "phone": {"zh-TW": "電話", "en": "Telephone"},
    "fax": {"zh-TW": "傳真", "en": "Fax"},
    "email": {"zh-TW": "電子郵件", "en": "E-mail"},
    "website": {"zh-TW": "網址", "en": "Website"},
    "service_hours": {"zh-TW": "服務時間", "en": "Service hours"},
    "contact": {"zh-TW": "聯絡人", "en": "Contact"},
    "staff": {"zh-TW": "機關員額", "en": "Staff"},
    "budget": {"zh-TW": "總預算", "en": "Budget"},
    "staff_count": {"zh-TW": "{count}人", "en": "{count}"},
    "as_of_year": {"zh-TW": "（{year}）", "en": " ({year})"},
}

# Punctuation, and the patterns that join texts, numbers and dates in each language.
UI.update({
    "colon": {"zh-TW": "：", "en": ": "},
    "semicolon": {"zh-TW": "；", "en": "; "},
    "list_separator": {"zh-TW": "、", "en": ", "},
    # A list item's number (一、 or 1.) and the text after it; English keeps a space between them.
    "list_marker": {"zh-TW": "{marker}", "en": "{marker} "},
    "parenthetical": {"zh-TW": "{text}（{note}）", "en": "{text} ({note})"},
    # Full-width brackets on English pages too, as they have always been shown (staff notes, action units,
    # notes on a deadline as written); a translator may change the English form here.
    "aside": {"zh-TW": "（{text}）", "en": "（{text}）"},
    "title_with_agency": {"zh-TW": "{title}｜{agency}", "en": "{title}｜{agency}"},
    "year_label": {"zh-TW": "{roc}年", "en": "{year} (ROC {roc})"},
    "date_long": {"zh-TW": "民國{roc}年{month}月{day}日", "en": "{day} {month_name} {year}"},
    "date_short": {"zh-TW": "{roc}年{month}月{day}日", "en": "{day} {month_name} {year}"},
    "month_long": {"zh-TW": "民國{roc}年{month}月", "en": "{month_name} {year}"},
    "month_short": {"zh-TW": "{roc}年{month}月", "en": "{month_name} {year}"},
    "month_day": {"zh-TW": "{month}月{day}日", "en": "{day} {month_name}"},
    "period_range": {"zh-TW": "{start}至{end}", "en": "{start} to {end}"},
    "deadline_ongoing": {"zh-TW": "持續辦理", "en": "Ongoing"},
    "deadline_every_year": {"zh-TW": "每年{month_day}前", "en": "By {month_day} each year"},
    "quantity": {"zh-TW": "{number}{unit}", "en": "{number} {unit}"},
    "out_of": {"zh-TW": "{figure}（共{total}{unit}）", "en": "{figure} (of {total})"},
    "measured_against_target": {"zh-TW": "{measured}（目標 {goal}）", "en": "{measured} (target {goal})"},
    "frequency_times": {"zh-TW": "{per}{times}次", "en": "{times} {per}"},
    "frequency_at_least": {"zh-TW": "{per}至少{times}次", "en": "at least {times} {per}"},
    "times_once": {"zh-TW": "1", "en": "once"},
    "times_twice": {"zh-TW": "2", "en": "twice"},
    "times_many": {"zh-TW": "{times}", "en": "{times} times"},
    "budget_amount": {"zh-TW": "{amount:,g}{unit}", "en": "{amount:,g} {unit}"},
    # A status and how many items have it, inside a sentence: English writes the status in lower case.
    "see_item": {"zh-TW": "本文", "en": "see item"},
    # Words before a removed or added passage, read by screen readers only.
    "diff_open": {"zh-TW": "[{word}：", "en": "[{word}："},
    "diff_close": {"zh-TW": "]", "en": "]"},
    "agency_description": {"zh-TW": "{agency}{profile}", "en": "{agency}: {profile}"},
    "results_title": {"zh-TW": "{year}執行成效一覽表", "en": "{year} Results table"},
    "results_description": {"zh-TW": "{plan}：{results}", "en": "{results}: {plan}"},
    "results_file_title": {"zh-TW": "{title}執行成效一覽表", "en": "{title}: results table ({year})"},
})

MONTH_NAMES = {
    "zh-TW": ("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}

# The units agency.yml gives a budget in.
BUDGET_UNITS = {
    "元": {"zh-TW": "元", "en": "NT$"},
    "千元": {"zh-TW": "千元", "en": "thousand NT$"},
    "萬元": {"zh-TW": "萬元", "en": "ten thousand NT$"},
    "百萬元": {"zh-TW": "百萬元", "en": "million NT$"},
    "億元": {"zh-TW": "億元", "en": "hundred million NT$"},
}

# Text around every page: the skip link, the 導盲磚 access keys, the footer.
CHROME_KEYS = ("skip", "key_u", "key_c", "key_z", "key_s", "noscript", "footer", "site_map", "accessibility",
               "page_updated", "menu", "menu_close", "toc", "not_found_title", "not_found_text", "home")
UI.update({
    "skip": {"zh-TW": "跳到主要內容", "en": "Skip to main content"},
    "key_u": {"zh-TW": "上方功能區塊", "en": "Top block"},
    "key_c": {"zh-TW": "中央內容區塊", "en": "Main content"},
    "key_z": {"zh-TW": "下方功能區塊", "en": "Bottom block"},
    "key_s": {"zh-TW": "網站搜尋", "en": "Site search"},
    "noscript": {"zh-TW": "您的瀏覽器未啟用 JavaScript。本網站所有計畫、執行成效與下載都可正常使用，只有站內搜尋需要 JavaScript。",
                 "en": "JavaScript is turned off in your browser. Every plan, results table and download still works; "
                       "only the site search needs JavaScript."},
    "footer": {"zh-TW": "網站資訊", "en": "About this site"},
    "site_map": {"zh-TW": "網站導覽", "en": "Site map"},
    "privacy": {"zh-TW": "隱私權政策", "en": "Privacy policy"},
    "security": {"zh-TW": "資訊安全政策", "en": "Information security policy"},
    "open_data": {"zh-TW": "政府網站資料開放宣告", "en": "Open data declaration"},
    "page_updated": {"zh-TW": "本頁更新日期", "en": "This page was last updated on"},
    # The menu: its button in the header, the button that closes it, and the toggle of the page's headings in it.
    "menu": {"zh-TW": "選單", "en": "Menu"},
    "menu_close": {"zh-TW": "關閉選單", "en": "Close the menu"},
    "toc": {"zh-TW": "本頁目錄", "en": "On this page"},
    "not_found_title": {"zh-TW": "找不到這一頁", "en": "Page not found"},
    "not_found_text": {"zh-TW": "這個網址沒有網頁，可能已經移動或刪除。請從首頁或網站導覽找您要的資料。",
                       "en": "There is no page at this address; it may have moved or been removed. "
                             "Find what you were looking for from the home page or the site map."},
    "accessibility": {"zh-TW": "無障礙聲明", "en": "Accessibility statement"},
    "changes": {"zh-TW": "與上年度（{year}）比較", "en": "Changes from {year}"},
    "changes_intro": {"zh-TW": "與上一份計畫比較：", "en": "Compared with the previous plan:"},
    "no_changes": {"zh-TW": "實施要項與上一份計畫相同。", "en": "The items are the same as in the previous plan."},
    "changes_added": {"zh-TW": "新增項目", "en": "Items added"},
    "changes_removed": {"zh-TW": "刪除項目", "en": "Items removed"},
    "changes_reworded": {"zh-TW": "文字修正", "en": "Items reworded"},
    "changes_units": {"zh-TW": "執行單位變更", "en": "Responsible units changed"},
    "changes_deadlines": {"zh-TW": "完成期限變更", "en": "Deadlines changed"},
    "changes_actions": {"zh-TW": "具體作法變更", "en": "Actions changed"},
    "action_added": {"zh-TW": "新增作法{n}", "en": "Action {n} added"},
    "action_removed": {"zh-TW": "刪除作法{n}", "en": "Action {n} removed"},
    "action_reworded": {"zh-TW": "作法{n}文字修正", "en": "Action {n} reworded"},
    "action_units": {"zh-TW": "作法{n}執行單位", "en": "Action {n}: responsible units"},
    "action_deadline": {"zh-TW": "作法{n}完成期限", "en": "Action {n}: deadline"},
    "action_detail": {"zh-TW": "作法{n}{label}", "en": "Action {n}: {label}"},
    "changes_details": {"zh-TW": "其他欄位修正", "en": "Other columns changed"},
    "diff_removed": {"zh-TW": "刪除", "en": "removed"},
    "diff_added": {"zh-TW": "新增", "en": "added"},
    "changed_to": {"zh-TW": "改為", "en": "changed to"},
    "none_given": {"zh-TW": "（未列）", "en": "(none)"},
    "access_keys": {"zh-TW": "快速鍵", "en": "Access keys"},
    "site_pages": {"zh-TW": "網站架構", "en": "All pages"},
    "access_keys_intro": {
        "zh-TW": "本網站依照無障礙網頁規範，在每一頁的上方、中央內容、下方及搜尋處設有導盲磚（:::），並可用下列快速鍵直接移到該區塊：",
        "en": "Every page has block markers (:::) at its top, main content, bottom and search box. "
              "These access keys move straight to them:",
    },
    "browser_windows_chrome": {"zh-TW": "Windows 的 Chrome、Edge", "en": "Chrome or Edge on Windows"},
    "browser_windows_firefox": {"zh-TW": "Windows 的 Firefox", "en": "Firefox on Windows"},
    "browser_macos": {"zh-TW": "macOS 的 Safari、Chrome、Firefox", "en": "Safari, Chrome or Firefox on macOS"},
    "keys_alt": {"zh-TW": "Alt + 快速鍵", "en": "Alt + key"},
    "keys_alt_shift": {"zh-TW": "Alt + Shift + 快速鍵", "en": "Alt + Shift + key"},
    "keys_control_option": {"zh-TW": "Control + Option + 快速鍵", "en": "Control + Option + key"},
    "tab_hint": {
        "zh-TW": "也可以用 Tab 鍵依序移動，Shift + Tab 反向移動，Enter 開啟連結；每一頁的第一個 Tab 位置是「跳到主要內容」。",
        "en": "You can also move with Tab, back with Shift + Tab, and open a link with Enter; the first Tab stop on "
              "every page is “Skip to main content”.",
    },
})


def chrome(lang: str) -> dict[str, str]:
    """The strings the page frame needs, for a site engine's templates."""
    return {key: UI[key][lang] for key in CHROME_KEYS}


SECTION_HEADINGS = {
    "basis": {"zh-TW": "依據", "en": "Basis"},
    "goals": {"zh-TW": "目標", "en": "Goals"},
    "audience": {"zh-TW": "實施對象", "en": "Who the plan covers"},
    "period": {"zh-TW": "實施期間", "en": "Period"},
    "status_quo": {"zh-TW": "業務現況", "en": "Current situation"},
    "body": {"zh-TW": "實施要項", "en": "Main items"},
    "approach": {"zh-TW": "推動作法", "en": "How the plan is carried out"},
    "monitoring": {"zh-TW": "管考", "en": "Monitoring"},
    "evaluation": {"zh-TW": "考核及獎勵", "en": "Evaluation and rewards"},
    "future": {"zh-TW": "未來努力方向", "en": "Future directions"},
    "other": {"zh-TW": "其他", "en": "Other"},
    "annexes": {"zh-TW": "附件", "en": "Annexes"},
}

STATUS_LABELS = {
    "completed": {"zh-TW": "已完成", "en": "Completed"},
    "in-progress": {"zh-TW": "執行中", "en": "In progress"},
    "ongoing": {"zh-TW": "持續辦理", "en": "Ongoing"},
    "not-started": {"zh-TW": "尚未開始", "en": "Not started"},
    "not-achieved": {"zh-TW": "未達成", "en": "Not achieved"},
    "not-reported": {"zh-TW": "未填報", "en": "Not reported"},
}

# Shapes that tell statuses apart without colour.
STATUS_SYMBOLS = {
    "completed": "✔", "in-progress": "◐", "ongoing": "↻",
    "not-started": "○", "not-achieved": "✖", "not-reported": "？",
}

HISTORY_EVENTS = {"drafted": "drafted", "approved": "approved", "revised": "revised", "published": "published_event"}

PER_PERIOD = {
    "day": {"zh-TW": "每日", "en": "a day"},
    "week": {"zh-TW": "每週", "en": "a week"},
    "month": {"zh-TW": "每月", "en": "a month"},
    "quarter": {"zh-TW": "每季", "en": "a quarter"},
    "half-year": {"zh-TW": "每半年", "en": "every six months"},
    "year": {"zh-TW": "每年", "en": "a year"},
}

COMPARATORS = {">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<"}


def ui(key: str, lang: str, **values: Any) -> str:
    return UI[key][lang].format(**values)

# The spot check (scripts/spot-check): its report, in either language.
UI.update({
    "spot_title": {"zh-TW": "抽查報告：{sites} 個網站，判斷日期 {date}，亂數種子 {seed}，每站抽查 {sample} 頁",
                   "en": "Spot check of {sites} site(s), judged on {date}, seed {seed}, {sample} page(s) per site"},
    "spot_site_passed": {"zh-TW": "通過（{checks} 項檢查）", "en": "passed ({checks} checks)"},
    "spot_site_failed": {"zh-TW": "未通過：{failed} 項問題（共 {checks} 項檢查）",
                         "en": "FAILED: {failed} problem(s) in {checks} checks"},
    "spot_pages_checked": {"zh-TW": "抽查頁面：{pages}", "en": "Pages checked: {pages}"},
    "spot_summary": {"zh-TW": "{passed} / {total} 個網站通過抽查。", "en": "{passed} of {total} site(s) passed."},
    "spot_written": {"zh-TW": "報告已寫入 {path}", "en": "Report written to {path}"},
    "spot_check_site": {"zh-TW": "網站", "en": "site"},
    "spot_check_manifest": {"zh-TW": "公開清單", "en": "manifest"},
    "spot_check_requirement": {"zh-TW": "公開期限", "en": "reporting"},
    "spot_check_page": {"zh-TW": "頁面", "en": "page"},
    "spot_check_sections": {"zh-TW": "必要區塊", "en": "sections"},
    "spot_check_metadata": {"zh-TW": "詮釋資料", "en": "metadata"},
    "spot_check_consistency": {"zh-TW": "內容核對", "en": "content"},
    "spot_check_download": {"zh-TW": "下載檔", "en": "download"},
    "spot_check_link": {"zh-TW": "連結", "en": "link"},
    "spot_item_plan": {"zh-TW": "計畫", "en": "plan"},
    "spot_item_results": {"zh-TW": "執行成效", "en": "results"},
    "spot_fetch_timeout": {"zh-TW": "逾時：{detail} 秒內沒有回應", "en": "timed out: no answer within {detail} s"},
    "spot_fetch_too_slow": {"zh-TW": "逾時：{detail} 秒內未傳完回應（伺服器傳送過慢或中途停頓）",
                            "en": "timed out: the answer did not finish within {detail} s "
                                  "(the server sends too slowly, or stalled)"},
    "spot_fetch_redirect_offsite": {"zh-TW": "重新導向至其他網站（{detail}），未跟隨",
                                    "en": "redirects to another site ({detail}); not followed"},
    "spot_fetch_refused": {"zh-TW": "無法連線：連線被拒絕（網站可能已關閉）",
                           "en": "could not connect: connection refused (the site may be down)"},
    "spot_fetch_connection": {"zh-TW": "無法連線：{detail}", "en": "could not connect: {detail}"},
    "spot_fetch_redirect_loop": {"zh-TW": "重新導向形成循環（超過 {detail} 次）",
                                 "en": "redirects in a loop (more than {detail})"},
    "spot_fetch_too_large": {"zh-TW": "檔案過大（超過 {detail} 位元組）", "en": "too large (over {detail} bytes)"},
    "spot_fetch_http": {"zh-TW": "伺服器回應 HTTP {status}", "en": "the server answered HTTP {status}"},
    "spot_fetch_invalid_url": {"zh-TW": "網址無效：{detail}", "en": "not a valid address: {detail}"},
    "spot_manifest_ok": {"zh-TW": "transparency.json 符合格式（{agencies} 個機關、{plans} 份計畫）",
                         "en": "transparency.json is valid ({agencies} agencies, {plans} plans)"},
    "spot_manifest_html": {"zh-TW": "transparency.json 應為 JSON，伺服器卻回傳 HTML 網頁",
                           "en": "transparency.json: the server returned an HTML page where JSON was expected"},
    "spot_manifest_not_json": {"zh-TW": "transparency.json 不是有效的 JSON：{detail}",
                               "en": "transparency.json is not valid JSON: {detail}"},
    "spot_manifest_schema": {"zh-TW": "transparency.json 不符合 transparency.schema.json：{detail}",
                             "en": "transparency.json does not match transparency.schema.json: {detail}"},
    "spot_manifest_more_errors": {"zh-TW": "另有 {count} 個格式問題", "en": "and {count} more schema problem(s)"},
    "spot_requirement": {"zh-TW": "{agency} {year}年{item}：{state}", "en": "{agency}, {item} {year}: {state}"},
    "spot_requirement_unreadable": {"zh-TW": "無法判斷公開情形，transparency.json 的日期有誤：{detail}",
                                    "en": "reporting cannot be judged: a date in transparency.json is wrong: {detail}"},
    "spot_unexpected": {"zh-TW": "檢查此網站時發生未預期的錯誤：{detail}",
                        "en": "an unexpected error stopped the check of this site: {detail}"},
    "spot_page_ok": {"zh-TW": "頁面可開啟（{seconds} 秒）", "en": "page opens ({seconds} s)"},
    "spot_page_not_html": {"zh-TW": "不是 HTML 網頁（{type}）", "en": "not an HTML page ({type})"},
    "spot_sections_ok": {"zh-TW": "必要區塊齊全", "en": "required sections present"},
    "spot_sections_missing": {"zh-TW": "缺少必要區塊：{parts}", "en": "required sections missing: {parts}"},
    "spot_part_title": {"zh-TW": "頁面標題", "en": "page title"},
    "spot_part_profile": {"zh-TW": "機關基本資料", "en": "agency profile"},
    "spot_part_years": {"zh-TW": "歷年計畫表", "en": "table of plans by year"},
    "spot_part_fields": {"zh-TW": "計畫資訊（含核定日期）", "en": "plan details (with approval dates)"},
    "spot_part_body": {"zh-TW": "實施要項", "en": "main items section"},
    "spot_part_body_items": {"zh-TW": "實施要項表（或清單）", "en": "table (or list) of the main items"},
    "spot_part_summary": {"zh-TW": "執行情形摘要", "en": "summary"},
    "spot_part_chart": {"zh-TW": "執行狀態圖", "en": "status chart"},
    "spot_part_chart_data": {"zh-TW": "圖表數據表", "en": "chart data table"},
    "spot_part_results_table": {"zh-TW": "執行成效一覽表", "en": "results table section"},
    "spot_part_results_rows": {"zh-TW": "執行成效表格", "en": "results table"},
    "spot_meta_ok": {"zh-TW": "詮釋資料齊全", "en": "metadata tags present"},
    "spot_meta_missing": {"zh-TW": "缺少或空白的詮釋資料：{names}", "en": "metadata tags missing or empty: {names}"},
    "spot_leaves_mismatch": {"zh-TW": "頁面列出 {found} 個末項，transparency.json 記載 {expected} 個",
                             "en": "the page lists {found} items; transparency.json says {expected}"},
    "spot_statuses_mismatch": {"zh-TW": "頁面的執行狀態（{found}）與 transparency.json（{expected}）不符",
                               "en": "the statuses on the page ({found}) differ from transparency.json ({expected})"},
    "spot_unreported": {"zh-TW": "執行成效一覽表有 {count} 項未填報（共 {total} 項）",
                        "en": "the results table has {count} of {total} items not reported"},
    "spot_approval_missing": {"zh-TW": "頁面未顯示核定日期 {date}", "en": "the page does not show the approval date {date}"},
    "spot_download_ok": {"zh-TW": "下載檔可開啟，與 transparency.json 的大小及 SHA-256 相符（{bytes} 位元組）",
                         "en": "download opens and matches the size and SHA-256 in transparency.json ({bytes} bytes)"},
    "spot_download_size": {"zh-TW": "下載檔為 {found} 位元組，transparency.json 記載 {expected} 位元組",
                           "en": "the download has {found} bytes; transparency.json says {expected}"},
    "spot_download_checksum": {"zh-TW": "下載檔的 SHA-256 與 transparency.json 不符（檔案已被更動）",
                               "en": "the download's SHA-256 differs from transparency.json (the file was changed)"},
    "spot_download_unreadable": {"zh-TW": "下載檔無法以 {format} 開啟：{detail}",
                                 "en": "the download does not open as {format}: {detail}"},
    "spot_anchor_missing": {"zh-TW": "錨點 #{anchor} 不存在（連結自 {page}）",
                            "en": "the anchor #{anchor} does not exist (linked from {page})"},
    "spot_links_ok": {"zh-TW": "{count} 個站內連結皆可開啟", "en": "all {count} internal links resolve"},
})

# Site search (gongkai/search, static/search.js): the kinds of page in its results, and its messages.
UI.update({
    "search_kind_plan": {"zh-TW": "計畫", "en": "Plan"},
    "search_kind_results": {"zh-TW": "執行成效", "en": "Results"},
    "search_kind_agency": {"zh-TW": "機關", "en": "Agency"},
    "search_kind_page": {"zh-TW": "網頁", "en": "Page"},
    "search_label": {"zh-TW": "搜尋本網站", "en": "Search this site"},
    "search_placeholder": {"zh-TW": "搜尋", "en": "Search"},
    "search_clear": {"zh-TW": "清除", "en": "Clear"},
    "search_results": {"zh-TW": "搜尋結果", "en": "Search results"},
    "search_hint": {"zh-TW": "輸入字詞搜尋；找到的網頁會列在下方，可用方向鍵或 Tab 鍵移到結果。",
                    "en": "Type to search; the pages found are listed below. Move to them with the arrow keys or Tab."},
    "search_busy": {"zh-TW": "搜尋中…", "en": "Searching…"},
    "search_none": {"zh-TW": "找不到含「{query}」的網頁", "en": "No page contains “{query}”"},
    "search_one": {"zh-TW": "找到 1 個網頁", "en": "1 page found"},
    "search_many": {"zh-TW": "找到{count}個網頁", "en": "{count} pages found"},
    "search_more": {"zh-TW": "顯示更多結果", "en": "Show more results"},
    "search_failed": {"zh-TW": "搜尋暫時無法使用", "en": "Search is not available at the moment"},
    "search_separator": {"zh-TW": "｜", "en": " · "},
})

# The data model page (資料格式說明), made from the JSON Schemas, and its section on the download files.
UI.update({
    "model_intro": {
        "zh-TW": "本頁由資料格式定義（JSON Schema）自動產生，與檢查資料所用的規則相同。"
                 "在編輯器中，YAML 檔第一行的 `# yaml-language-server: $schema=…` 會依同一份定義提供自動完成與錯誤提示。",
        "en": "This page is generated from the JSON Schemas, the same rules that check the data. "
              "In an editor, the first line of each YAML file, `# yaml-language-server: $schema=…`, gives autocompletion "
              "and error marks from the same definitions.",
    },
    "model_field": {"zh-TW": "欄位", "en": "Field"},
    "model_type": {"zh-TW": "型態", "en": "Type"},
    "model_required": {"zh-TW": "必填", "en": "Required"},
    "model_description": {"zh-TW": "說明", "en": "Description"},
    "model_yes": {"zh-TW": "是", "en": "yes"},
    "model_file_agency": {"zh-TW": "機關基本資料 agency.yml", "en": "Agency profile agency.yml"},
    "model_file_plan": {"zh-TW": "計畫 plan.yml", "en": "Plan plan.yml"},
    "model_file_results": {"zh-TW": "執行成效 results.yml", "en": "Results results.yml"},
    "model_file_portal": {"zh-TW": "網站設定 portal.yml", "en": "Portal settings portal.yml"},
    "model_common": {"zh-TW": "共用型態", "en": "Shared types"},
    "columns_heading": {"zh-TW": "下載檔案的欄位", "en": "Columns of the download files"},
    "columns_intro": {
        "zh-TW": "每份計畫提供 CSV、JSON、ODS 與 ODT 檔，每份執行成效提供 CSV、JSON 與 ODS 檔，"
                 "連結在各計畫與執行成效頁的「下載」一節。CSV 為 UTF-8 編碼並含 BOM（Excel 可直接開啟），"
                 "第一列為下列欄位名稱；一格有多項時以換行分隔。中文欄位以 _zh 結尾，英文以 _en 結尾（尚無譯文時為空白）。"
                 "全部檔案另有壓縮檔 downloads/gongkai-open-data.zip，內含資料集說明 dataset.json；"
                 "網站根目錄的 transparency.json 列出每個檔案的大小與 SHA-256。"
                 "為防範試算表公式注入，CSV 中以 =、+、-、@、Tab 或歸位字元開頭的文字格，前面加上一個單引號（'），"
                 "讓試算表程式把它當作文字顯示而不當成公式執行（例如每年的期限 --12-31 寫成 '--12-31）；"
                 "數字欄位（year、level）照數字寫出，不加任何字元。JSON 與 ODS 檔中的值則保持原樣。"
                 "下列欄位是各計畫共通的開放資料格式；計畫原文的表格另照原文的欄位、順序與編號，"
                 "排在 ODT 文件中（有英文譯文時再附英文），以及 ODS 檔第一張工作表之後的工作表（每個表格一張）。",
        "en": "Each plan is available as CSV, JSON, ODS and ODT, and each results table as CSV, JSON and ODS, "
              "linked from the Downloads section of its page. CSV files are UTF-8 with a byte-order mark (so Excel "
              "opens them directly), with the column names below in the first row; a cell holding several items "
              "has one per line. Chinese columns end in _zh, English ones in _en (empty where there is no "
              "translation yet). downloads/gongkai-open-data.zip holds every file with the dataset description "
              "dataset.json; transparency.json at the site root lists every file's size and SHA-256. "
              "Against formula injection, a text cell of a CSV file that begins with =, +, -, @, a tab or a "
              "carriage return has an apostrophe (') in front, so that spreadsheet programs show it as text "
              "instead of running it as a formula (a yearly deadline --12-31 is written '--12-31); number columns "
              "(year, level) are written as numbers, with nothing added. JSON and ODS files hold every value as "
              "it is. The columns below are the open-data format every plan shares; the plan's own tables, with "
              "the document's columns, order and numbering, are laid out in the ODT document (then again in "
              "English where the plan is translated) and in the ODS file's sheets after the first, one per table.",
    },
    "columns_column": {"zh-TW": "欄位", "en": "Column"},
    "columns_type": {"zh-TW": "型別", "en": "Type"},
    "columns_description": {"zh-TW": "說明", "en": "Description"},
    "columns_caption_plan": {"zh-TW": "計畫檔的欄位", "en": "Columns of the plan files"},
    "columns_caption_results": {"zh-TW": "執行成效檔的欄位", "en": "Columns of the results files"},
})

# Downloads, the transparency manifest and the reporting-status page (公開狀態).
UI.update({
    "downloads": {"zh-TW": "下載", "en": "Downloads"},
    "downloads_intro": {"zh-TW": "本頁資料的開放格式檔案；欄位說明見{link}。",
                        "en": "This page's data in open formats; the columns are described on the {link} page."},
    "format_csv": {"zh-TW": "CSV（UTF-8，{size}）", "en": "CSV (UTF-8, {size})"},
    "format_json": {"zh-TW": "JSON（{size}）", "en": "JSON ({size})"},
    "format_ods": {"zh-TW": "ODS 試算表（{size}）", "en": "ODS spreadsheet ({size})"},
    "format_odt": {"zh-TW": "ODT 文件（{size}）", "en": "ODT document ({size})"},
    "format_zip": {"zh-TW": "ZIP（{size}）", "en": "ZIP ({size})"},
    "download_plan": {"zh-TW": "計畫", "en": "Plan"},
    "download_results": {"zh-TW": "執行成效", "en": "Results"},
    "bulk_download": {"zh-TW": "全部資料", "en": "All the data"},
    "transparency_manifest": {"zh-TW": "公開資訊清單 transparency.json", "en": "Transparency manifest, transparency.json"},
    "transparency_schema": {"zh-TW": "清單格式（JSON Schema）", "en": "Its format (JSON Schema)"},
    "reporting_status": {"zh-TW": "公開狀態", "en": "Reporting status"},
    "status_intro": {
        "zh-TW": "各機關應於每年{deadline}前公開今年度計畫，及上年度執行成效（每一末項均須填報）。",
        "en": "Each agency must publish this year's plan, and last year's results with every item reported, by {deadline} each year.",
    },
    "status_history_rule": {
        "zh-TW": "本站最新的計畫早於上年度的機關，本站只收錄其歷年計畫，標為「歷年資料」，不以今年度的期限判斷。",
        "en": "An agency whose newest plan on this site is older than last year's has only its past plans here: "
              "it is marked “Past years only”, not judged by this year's deadline.",
    },
    "status_judged_on": {"zh-TW": "本表以{date}判斷。", "en": "This table is judged as of {date}."},
    # A state in one word, the same in every table; the status page adds its details after it.
    "state_short_met": {"zh-TW": "已公開", "en": "Published"},
    "state_short_exempt": {"zh-TW": "免公開", "en": "Exempt"},
    "state_short_history": {"zh-TW": "歷年資料", "en": "Past years only"},
    "state_short_late": {"zh-TW": "逾期", "en": "Late"},
    "state_short_incomplete": {"zh-TW": "不完整", "en": "Incomplete"},
    "state_short_due": {"zh-TW": "未到期", "en": "Not yet due"},
    "state_plan_met": {"zh-TW": "{date}起", "en": "since {date}"},
    "state_results_met": {"zh-TW": "{n}／{m}項均已填報", "en": "all {m} items reported"},
    "state_incomplete": {"zh-TW": "{n}／{m}項已填報，期限{date}", "en": "{n} of {m} reported; due by {date}"},
    "state_due": {"zh-TW": "尚未公開，期限{date}", "en": "not yet published; due by {date}"},
    "state_late_missing": {"zh-TW": "未公開，期限為{date}", "en": "not published; due by {date}"},
    "state_late_incomplete": {"zh-TW": "不完整（{n}／{m}項已填報），期限為{date}",
                              "en": "incomplete ({n} of {m} reported); due by {date}"},
    "state_exempt": {"zh-TW": "{reason}", "en": "{reason}"},
    "judged_by": {"zh-TW": "判斷依據", "en": "Judged by"},
    "rule_current": {"zh-TW": "今年度期限：{date}", "en": "This year's deadline: {date}"},
    "rule_history": {"zh-TW": "歷年資料：本站最新為{year}計畫，不以今年度期限判斷",
                     "en": "Past years only: the newest plan here is of {year}; not judged by this year's deadline"},
    "status_caption": {"zh-TW": "各機關公開狀態", "en": "Reporting status of each agency"},
})
