"""What the checks of a pull or merge request found, as a comment for the people who made the change."""

from __future__ import annotations

from pathlib import Path

from gongkai.data.problems import Bilingual

MARKER = "<!-- gongkai-checks -->"
# Comments on GitHub hold at most 65,536 characters; the end of a log is where the problems are.
TAIL_LINES = 80
TAIL_CHARS = 20_000
OUTCOMES = {
    "passed": Bilingual("✅ 通過", "passed"),
    "failed": Bilingual("❌ 未通過", "failed"),
    "not-run": Bilingual("⏭ 未執行（前一步未通過）", "not run (an earlier step failed)"),
}


def outcomes(logs: list[Path], job_failed: bool) -> list[str]:
    """The outcome of each step, from the logs the steps left, in order.

    A step that did not run left no log; when the job failed, the last step that ran is the one that failed.
    """
    ran = [log.is_file() for log in logs]
    last_ran = max((i for i, did in enumerate(ran) if did), default=-1)
    return ["not-run" if not did else "failed" if job_failed and i == last_ran else "passed"
            for i, did in enumerate(ran)]


def tail(text: str) -> str:
    lines = text.rstrip().splitlines()[-TAIL_LINES:]
    return "\n".join(lines)[-TAIL_CHARS:]


def comment(logs: list[Path], job_failed: bool, run_url: str = "") -> str:
    """A Markdown comment: a table of the steps (`make <log name>`) and their outcomes, and the failed step's output."""
    results = outcomes(logs, job_failed)
    heading = Bilingual("資料檢查未通過，網站不會更新", "The checks failed; the site will not be updated") if job_failed \
        else Bilingual("資料檢查全部通過", "Every check passed")
    lines = [MARKER, f"### {heading}", "", "| 步驟 step | 結果 result |", "| --- | --- |"]
    lines += [f"| `make {log.stem}` | {OUTCOMES[result]} |" for log, result in zip(logs, results)]
    for log, result in zip(logs, results):
        if result == "failed":
            lines += ["", f"**`make {log.stem}`**：" + str(Bilingual(
                "每個問題列出檔案、行、欄位、應為（expected）與實際（found）。",
                "each problem names the file, line, field, what was expected and what was found.")),
                "", "```text", tail(log.read_text(encoding="utf-8", errors="replace")).replace("```", "ʼʼʼ"), "```"]
    if run_url:
        lines += ["", str(Bilingual(f"完整紀錄、建置好的網站與可離線預覽的 review-copy：{run_url}",
                                    f"full log, the built site, and review-copy to preview from disk: {run_url}"))]
    return "\n".join(lines) + "\n"
