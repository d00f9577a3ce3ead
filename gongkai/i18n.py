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
    "published": {"zh-TW": "已公開", "en": "Published"},
    "not_published": {"zh-TW": "未公開", "en": "Not published"},
    "status_as_of": {"zh-TW": "公開狀態以 {date} 為準。", "en": "Publication status as of {date}."},
    "profile": {"zh-TW": "機關基本資料", "en": "Agency profile"},
    "all_years": {"zh-TW": "歷年計畫", "en": "Plans by year"},
    "fictional": {"zh-TW": "本頁內容為虛構的示範資料，並非真實機關的計畫。",
                  "en": "This page shows fictional example data, not a real agency's plan."},
    "fictional_label": {"zh-TW": "示範資料", "en": "Example data"},
    "untranslated_note": {
        "zh-TW": "",
        "en": "Parts of this page are not yet translated. They are shown in the original Chinese and marked with a side bar.",
    },
    "untranslated_share": {"zh-TW": "", "en": "{share} of this page's text is translated into English."},
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
    "body_caption": {"zh-TW": "{title}（共 {count} 項）", "en": "{title} ({count} items)"},
    "status": {"zh-TW": "執行狀態", "en": "Status"},
    "result": {"zh-TW": "執行成效", "en": "Result"},
    "measured": {"zh-TW": "實際值", "en": "Measured"},
    "evidence": {"zh-TW": "佐證資料", "en": "Evidence"},
    "reported_on": {"zh-TW": "填報日期", "en": "Reported"},
    "reason": {"zh-TW": "原因", "en": "Reason"},
    "summary": {"zh-TW": "執行情形摘要", "en": "Summary"},
    "summary_intro": {"zh-TW": "各實施要項的執行狀態統計。", "en": "Status counts for each top-level item."},
    "summary_line": {"zh-TW": "共 {total} 項，已完成 {done} 項（{share}）", "en": "{total} items, {done} completed ({share})"},
    "total": {"zh-TW": "合計", "en": "Total"},
    "share_completed": {"zh-TW": "完成比率", "en": "Share completed"},
    "count": {"zh-TW": "項數", "en": "Items"},
    "chart_title": {"zh-TW": "各實施要項執行狀態圖", "en": "Status of each top-level item"},
    "chart_data_table": {"zh-TW": "圖表數據", "en": "Chart data"},
    "results_of_plan": {"zh-TW": "計畫本文", "en": "The plan"},
    "results_page_link": {"zh-TW": "{year}執行成效一覽表", "en": "Results table for {year}"},
    "no_results": {"zh-TW": "尚未公開執行成效", "en": "Results not yet published"},
    "leaves_count": {"zh-TW": "{n} 項", "en": "{n} items"},
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
    "staff_count": {"zh-TW": "{count} 人", "en": "{count}"},
    "as_of_year": {"zh-TW": "（{year}）", "en": " ({year})"},
}

# Text around every page: the skip link, the 導盲磚 access keys, the footer.
CHROME_KEYS = ("skip", "key_u", "key_c", "key_z", "key_s", "noscript", "footer", "site_map", "accessibility",
               "page_updated")
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
    "accessibility": {"zh-TW": "無障礙聲明", "en": "Accessibility statement"},
    "changes": {"zh-TW": "與上年度（{year}）比較", "en": "Changes from {year}"},
    "changes_intro": {"zh-TW": "與上一份計畫比較：", "en": "Compared with the previous plan:"},
    "no_changes": {"zh-TW": "實施要項與上一份計畫相同。", "en": "The items are the same as in the previous plan."},
    "changes_added": {"zh-TW": "新增項目", "en": "Items added"},
    "changes_removed": {"zh-TW": "刪除項目", "en": "Items removed"},
    "changes_reworded": {"zh-TW": "文字修正", "en": "Items reworded"},
    "changes_units": {"zh-TW": "執行單位變更", "en": "Responsible units changed"},
    "changes_deadlines": {"zh-TW": "完成期限變更", "en": "Deadlines changed"},
    "diff_removed": {"zh-TW": "刪除", "en": "removed"},
    "diff_added": {"zh-TW": "新增", "en": "added"},
    "changed_to": {"zh-TW": "改為", "en": "changed to"},
    "none_given": {"zh-TW": "（未列）", "en": "(none)"},
    "access_keys": {"zh-TW": "快速鍵", "en": "Access keys"},
    "site_pages": {"zh-TW": "網站架構", "en": "All pages"},
})
HTML_LANG = {"zh-TW": "zh-Hant-TW", "en": "en"}


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
