import datetime

import pytest

from gongkai.data.reporting import assess, due_date, parse_deadline

DAY = datetime.date.fromisoformat


def agency(*plans, exemptions=()):
    return {"id": "sample", "exemptions": list(exemptions), "plans": list(plans)}


def plan(year, published, results=None, reported=0, leaves=0):
    return {"year": year, "plan": {"published": published},
            "results": {"published": results} if results else None,
            "completeness": {"leaves": leaves, "reported": reported}}


def states(requirements):
    return {r.item: r.state for r in requirements}


def test_missing_items_are_due_before_the_deadline_and_late_after_it():
    empty = agency()
    assert states(assess(empty, DAY("2026-01-31"))) == {"plan": "due", "results": "due"}
    after = assess(empty, DAY("2026-02-01"))
    assert states(after) == {"plan": "late", "results": "late"}
    assert [(r.year, r.due) for r in after] == [(115, DAY("2026-01-31")), (114, DAY("2026-01-31"))]


def test_published_plan_and_complete_results_are_met_with_their_dates():
    done = agency(plan(115, "2026-01-10"), plan(114, "2025-01-05", results="2026-01-20", reported=5, leaves=5))
    plan_req, results_req = assess(done, DAY("2026-03-01"))
    assert (plan_req.met, plan_req.published) == (True, DAY("2026-01-10"))
    assert (results_req.met, results_req.reported, results_req.leaves) == (True, 5, 5)


def test_incomplete_results_are_incomplete_then_late():
    partial = agency(plan(114, "2025-01-05", results="2026-01-20", reported=3, leaves=5))
    assert assess(partial, DAY("2026-01-25"))[1].state == "incomplete"
    late = assess(partial, DAY("2026-02-02"))[1]
    assert (late.state, late.late, late.reported, late.leaves) == ("late", True, 3, 5)
    assert late.published == datetime.date(2026, 1, 20)


def test_a_file_published_after_the_day_judged_is_not_yet_published():
    future = agency(plan(115, "2026-03-01"))
    assert assess(future, DAY("2026-02-15"))[0].state == "late"
    assert assess(future, DAY("2026-03-01"))[0].state == "met"


def test_an_exemption_is_never_late_and_gives_its_reason():
    reason = {"zh-TW": "機關裁撤", "en": "The office was dissolved"}
    excused = agency(exemptions=[{"year": 114, "item": "results", "reason": reason}])
    plan_req, results_req = assess(excused, DAY("2026-06-01"))
    assert plan_req.late and not results_req.late
    assert (results_req.state, results_req.exempt, results_req.ok) == ("exempt", reason, True)


def test_an_exemption_for_another_year_does_not_apply():
    reason = {"zh-TW": "理由", "en": "Reason"}
    other = agency(exemptions=[{"year": 113, "item": "results", "reason": reason}])
    assert assess(other, DAY("2026-06-01"))[1].state == "late"


def test_a_configured_deadline_moves_the_due_date():
    empty = agency()
    assert states(assess(empty, DAY("2026-02-15"), deadline="03-31")) == {"plan": "due", "results": "due"}
    assert due_date(115, "03-31") == DAY("2026-03-31")


@pytest.mark.parametrize("value", ["1-31", "02-29", "13-01", "01-32", "0131"])
def test_a_deadline_that_is_not_a_day_of_every_year_is_refused(value):
    with pytest.raises(ValueError):
        parse_deadline(value)


def test_an_agency_whose_newest_plan_is_older_than_last_year_is_judged_as_history():
    archive = agency(plan(103, "2026-11-22"), plan(95, "2026-11-22"))
    plan_req, results_req = assess(archive, DAY("2026-11-29"))
    assert states([plan_req, results_req]) == {"plan": "history", "results": "history"}
    assert (plan_req.newest, plan_req.ok, plan_req.late) == (103, False, True)
    # A plan of last year keeps the agency in this year's cycle: what it lacks is late.
    assert states(assess(agency(plan(114, "2025-01-10")), DAY("2026-11-29"))) == {"plan": "late", "results": "late"}
    # An exemption is still an exemption, and an agency with no plan at all is late.
    reason = {"zh-TW": "理由", "en": "Reason"}
    excused = agency(plan(103, "2026-11-22"), exemptions=[{"year": 115, "item": "plan", "reason": reason}])
    assert states(assess(excused, DAY("2026-11-29"))) == {"plan": "exempt", "results": "history"}
    assert states(assess(agency(), DAY("2026-11-29"))) == {"plan": "late", "results": "late"}
