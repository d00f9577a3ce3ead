"""Publishing a built site: `publish`, `review-copy`, `ci-report`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongkai.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, project_root
from gongkai.data.problems import Bilingual
from gongkai.publish.ci_report import comment
from gongkai.publish.review_copy import make_review_copy
from gongkai.publish.swap import publish, publish_problem


def _copy(args: argparse.Namespace, review: bool) -> int:
    """Publish `args.site` to `args.target` whole, as a review copy when `review`."""
    not_done = Bilingual("未製作審閱用副本。", "No review copy was made.") if review else Bilingual("未發布。", "Not published.")
    problem = publish_problem(args.site, args.target, args.force)
    if problem is not None:
        print(f"{not_done}\n  {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        publish(args.site, args.target, prepare=make_review_copy if review else None)
    except OSError as error:
        print(f"複製失敗，{args.target} 保持不變。/ Copying failed; {args.target} is unchanged.\n  {error}",
              file=sys.stderr)
        return EXIT_FAILED
    target = args.target.resolve()
    if review:
        print(f"審閱用副本已製作，請用瀏覽器開啟 {target / 'index.html'} / "
              f"Review copy made; open {target / 'index.html'} in a browser")
    else:
        print(f"已發布到 {target} / Published to {target}")
    return EXIT_OK


def ci_report(args: argparse.Namespace) -> int:
    sys.stdout.write(comment(args.logs, job_failed=args.status != "success", run_url=args.run_url))
    return EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    force_help = "replace the target even if it holds files this tool did not publish"
    parser = commands.add_parser("publish", help="發布到網頁伺服器 / copy a built site into a web server's folder")
    parser.add_argument("site", type=Path, help="the built site, e.g. site")
    parser.add_argument("target", type=Path, help="the folder the web server serves, e.g. /var/www/plans")
    parser.add_argument("--force", action="store_true", help=force_help)
    parser.set_defaults(run=lambda args: _copy(args, review=False))

    root = project_root()
    parser = commands.add_parser("review-copy", help="審閱用副本 / a copy of the site that opens from disk")
    parser.add_argument("site", type=Path, nargs="?", default=root / "site", help="the built site (default: site/)")
    parser.add_argument("target", type=Path, nargs="?", default=root / "review-copy",
                        help="where the copy goes (default: review-copy/)")
    parser.add_argument("--force", action="store_true", help=force_help)
    parser.set_defaults(run=lambda args: _copy(args, review=True))

    parser = commands.add_parser("ci-report", help="CI 留言 / the checks' comment for a pull or merge request")
    parser.add_argument("--status", required=True, help="the job's status so far, as the CI system says it")
    parser.add_argument("--run-url", default="", help="the address of the CI run, with its log and the built site")
    parser.add_argument("logs", type=Path, nargs="+", help="the logs of the steps, in order")
    parser.set_defaults(run=ci_report)
