"""Where each page of the site lives, and links between pages that work under any folder."""

from __future__ import annotations

from gongkai.data.model import Agency, Plan


def plan_url(plan: Plan) -> str:
    return f"plans/{plan.agency_id}/{plan.year}/"


def results_url(plan: Plan) -> str:
    return f"plans/{plan.agency_id}/{plan.year}/results/"


def agency_url(agency: Agency) -> str:
    return f"plans/{agency.id}/"


def relative(from_path: str, to_url: str) -> str:
    """A link from the page at docs path `from_path` (…/index.md) to the site URL `to_url` (a folder or a file,
    perhaps with a #fragment), as short as it goes: up only as far as the two share no folder, so a page's own
    files are `downloads/x.csv` and its agency's page `../`, not a path down from the site's root."""
    here = from_path.split("/")[:-1]
    path, hash_mark, fragment = to_url.partition("#")
    there = path.split("/")
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    link = "../" * (len(here) - shared) + "/".join(there[shared:])
    return (link or "./") + hash_mark + fragment
