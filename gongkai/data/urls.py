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
    """A link from the page at docs path `from_path` (…/index.md) to the site URL `to_url`."""
    depth = from_path.count("/")
    return "../" * depth + to_url
