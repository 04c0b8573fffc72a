"""Clinician summaries and the alert feed on tiny tables: every rule's edge, windows, no text."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest
from typer.testing import CliRunner

from pipelines.cli import app
from pipelines.clinical.summary import (
    SummaryError,
    alert_feed,
    build,
    load_summary,
    reference_weeks,
    render_markdown,
    topics,
)
from pipelines.clinical.topics import topic_flags

START = dt.date(2025, 1, 6)
SECRET_SENTENCE = "my boss shouted at me about the deadline at work"


def day(week: int, d: int = 0) -> dt.date:
    return START + dt.timedelta(weeks=week, days=d)


def make_tables(measures, *, planned=12, engaged_to=11, messages=(), scores=None, wear=None):
    """One patient 'p' enrolled on START; measures: [(week, phq9, item9)]."""
    pts = pl.DataFrame({"patient_id": ["p"], "arm": ["ai_hybrid"], "site": ["S01"],
                        "enrolment_date": [START], "end_date": [day(planned)]})  # fmt: skip
    wm = pl.DataFrame(
        [{"patient_id": "p", "week": w, "date": day(w), "phq9_total": phq, "phq9_9": i9,
          "gad7_total": 5, "wemwbs": 40, "medication_adherence": 0.5,
          "exercise_adherence": None} for w, phq, i9 in measures],
        schema_overrides={"exercise_adherence": pl.Float64},
    )  # fmt: skip
    eng = pl.DataFrame(
        [{"patient_id": "p", "week": w, "checkin_messages": 1, "therapy_sessions_scheduled": 1,
          "therapy_sessions_attended": int(w % 2 == 0), "reminders_sent": 1,
          "reminders_acknowledged": 1} for w in range(-2, engaged_to + 1)]
    )  # fmt: skip
    msg_schema = {"message_id": pl.String, "patient_id": pl.String, "sent_at": pl.Datetime,
                  "speaker": pl.String, "text": pl.String}  # fmt: skip
    msgs = pl.DataFrame(
        [{"message_id": f"m{i}", "patient_id": "p",
          "sent_at": dt.datetime.combine(d, dt.time(20)), "speaker": "patient", "text": txt}
         for i, (d, txt) in enumerate(messages)],
        schema=msg_schema,
    )  # fmt: skip
    return {
        "patients": pts.lazy(),
        "weekly_measures": wm.lazy(),
        "engagement": eng.lazy(),
        "messages": msgs.lazy(),
        "wearables": wear.lazy() if wear is not None else None,
        "scores": scores.lazy() if scores is not None else None,
    }


def feed_of(params, t, as_of=None, **alerts):
    as_of = as_of or day(20)
    sp = params.summaries
    if alerts:
        sp = sp.model_copy(update={"alerts": sp.alerts.model_copy(update=alerts)})
    return alert_feed(t, reference_weeks(t, as_of), sp, as_of)


def test_phq9_item9_and_rise_edges(params):
    t = make_tables([(0, 10, 0), (1, 15, 0), (2, 19, 1), (3, 10, 0), (4, 14, 0)])
    feed = feed_of(params, t)
    item9 = feed.filter(pl.col("rule") == "phq9_item9")
    assert item9["week"].to_list() == [2]  # item 9 = 1 fires, 0 does not
    rise = feed.filter(pl.col("rule") == "phq9_rise").sort("week")
    assert rise["week"].to_list() == [1]  # up exactly 5 fires; up 4 (week 2, week 4) does not
    assert rise["reason"][0] == "PHQ-9 up 5 (from 10 in week 0 to 15; rule: >= 5)"


def test_missed_checkins_after_a_high_score(params):
    # PHQ-9 21 in week 3, next measures in week 6: weeks 4 and 5 missed -> alert in week 5
    feed = feed_of(params, make_tables([(0, 12, 0), (3, 21, 0), (6, 15, 0)]))
    missed = feed.filter(pl.col("rule") == "missed_checkins")
    assert missed["week"].to_list() == [5]
    assert missed["date"].to_list() == [day(5)]
    # next measures in week 5: only one week missed -> no alert
    feed = feed_of(params, make_tables([(0, 12, 0), (3, 21, 0), (5, 15, 0)]))
    assert feed.filter(pl.col("rule") == "missed_checkins").height == 0
    # PHQ-9 19 is under the high-score threshold (20)
    feed = feed_of(params, make_tables([(0, 12, 0), (3, 19, 0)]))
    assert feed.filter(pl.col("rule") == "missed_checkins").height == 0
    # a dropout after a high score: never measured again -> alert
    feed = feed_of(params, make_tables([(0, 12, 0), (3, 20, 0)], engaged_to=3))
    assert feed.filter(pl.col("rule") == "missed_checkins")["week"].to_list() == [5]
    # the due week is after the as-of date: not yet
    feed = feed_of(params, make_tables([(0, 12, 0), (3, 20, 0)]), as_of=day(4))
    assert feed.filter(pl.col("rule") == "missed_checkins").height == 0
    # the due week is after the planned end of the program
    feed = feed_of(params, make_tables([(0, 12, 0), (11, 22, 0)], planned=12))
    assert feed.filter(pl.col("rule") == "missed_checkins").height == 0


def test_risk_model_alerts_are_one_per_day_with_the_count(params):
    scores = pl.DataFrame({
        "message_id": ["a", "b", "c", "d"], "patient_id": ["p"] * 4,
        "sent_at": [dt.datetime.combine(day(2), dt.time(h)) for h in (9, 10, 11)]
        + [dt.datetime.combine(day(3), dt.time(9))],
        "p_urgent": [0.9, 0.5, 0.1, 0.2], "alert": [True, True, False, False],
    })  # fmt: skip
    t = make_tables([(0, 5, 0)], scores=scores)
    feed = feed_of(params, t).filter(pl.col("rule") == "risk_model")
    assert feed.height == 1
    assert feed.row(0, named=True)["reason"].startswith("risk model alert on 2 message(s)")
    assert feed_of(params, t, risk_model=False).filter(pl.col("rule") == "risk_model").is_empty()


def test_status_and_reference_week(params):
    t = make_tables([(0, 5, 0)], planned=12, engaged_to=12)
    ref = reference_weeks(t, day(20)).collect().row(0, named=True)
    assert (ref["status"], ref["ref_week"]) == ("completed", 12)
    t = make_tables([(0, 5, 0)], planned=12, engaged_to=6)
    ref = reference_weeks(t, day(20)).collect().row(0, named=True)
    assert (ref["status"], ref["ref_week"]) == ("left early", 6)
    ref = reference_weeks(t, day(4, 3)).collect().row(0, named=True)
    assert (ref["status"], ref["ref_week"]) == ("active", 4)


def test_topic_words_match_whole_words_in_any_case_never_tags():
    texts = pl.DataFrame({"text": ["My BOSS again", "the network is down", "<PERSON> called",
                                   "money is tight, rent is due", "I slept badly"]})  # fmt: skip
    got = texts.select(*topic_flags(pl.col("text")))
    assert got["work"].to_list() == [True, False, False, False, False]
    assert got["money"].to_list() == [False, False, False, True, False]
    assert got["sleep"].to_list() == [False, False, False, False, True]
    assert not got.row(2, named=True)["family"]  # an identifier tag is not a topic word


def test_topic_counts_and_trends_by_window(params):
    msgs = pl.DataFrame({
        "patient_id": ["p"] * 5,
        "week": [9, 10, 11, 5, 6],  # ref week 11, window 4: recent 8-11, previous 4-7
        "ref_week": [11] * 5,
        "text": ["work is hard", "my boss", "rent is due", "work again", "my job"],
    })  # fmt: skip
    out = topics(msgs.lazy(), params.summaries).collect()
    got = {r["topic"]: r for r in out["topics"][0]}
    assert (got["work"]["recent"], got["work"]["previous"], got["work"]["trend"]) == (
        2,
        2,
        "steady",
    )
    assert (got["money"]["recent"], got["money"]["trend"]) == (1, "new")
    assert "sleep" not in got


def test_summary_end_to_end_has_no_message_text(params, tmp_path):
    wear = pl.DataFrame({
        "patient_id": ["p"] * 28,
        "date": [START + dt.timedelta(days=d) for d in range(14)]
        + [day(11, d) for d in range(-7, 7)],
        "sleep_hours": [8.0] * 14 + [6.5] * 14,
        "activity_minutes": [40] * 14 + [40] * 14,
    })  # fmt: skip
    t = make_tables(
        [(0, 12, 0), (10, 13, 0), (11, 20, 2)],
        messages=[(day(10), SECRET_SENTENCE), (day(11), "I feel hopeless and awful")],
        wear=wear,
    )
    summaries, feed, as_of = build(t, params.summaries)
    assert as_of == day(11, 6)  # the last date in the data (a wearable day)
    (s,) = summaries
    assert s["sleep"]["flag"] == "sleeping less than usual"
    assert s["sleep"]["change_hours"] == pytest.approx(-1.5)
    assert s["activity"]["flag"] == "as usual"
    assert s["mood"]["phq9_latest"] == 20 and s["mood"]["phq9_band"] == "severe"
    # last session in week 10; week 11: item 9 = 2 and PHQ-9 up 7
    assert sorted(a["rule"] for a in s["alerts_since_last_session"]) == ["phq9_item9", "phq9_rise"]
    assert s["sentiment"]["recent"] < 0
    assert {tp["topic"] for tp in s["topics"]} >= {"work"}
    blob = json.dumps(s, default=str) + render_markdown(s) + feed.write_csv()
    assert SECRET_SENTENCE not in blob and "hopeless" not in blob
    assert "## Alerts since the last session" in render_markdown(s)


def test_cli_summary_prints_markdown_json_and_errors(params, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "params.yaml").write_text(
        (pytest.importorskip("tests.conftest").ROOT / "params.yaml").read_text()
    )
    t = make_tables([(0, 12, 0), (1, 13, 0)])
    summaries, _, _ = build(t, params.summaries)
    folder = tmp_path / "data" / "processed" / "summaries"
    folder.mkdir(parents=True)
    (folder / "summaries.jsonl").write_text(
        "".join(json.dumps(s, default=str) + "\n" for s in summaries)
    )
    runner = CliRunner()
    res = runner.invoke(app, ["summary", "p"])
    assert res.exit_code == 0 and res.output.startswith("# Pre-session summary: p")
    res = runner.invoke(app, ["summary", "p", "--json"])
    assert json.loads(res.output)["patient_id"] == "p"
    res = runner.invoke(app, ["summary", "p", "--out", "s.md"])
    assert res.exit_code == 0 and (tmp_path / "s.md").read_text().startswith("# Pre-session")
    res = runner.invoke(app, ["summary", "pt-unknown"])
    assert res.exit_code == 2 and "no summary" in res.output and "Traceback" not in res.output
    with pytest.raises(SummaryError, match="not found"):
        load_summary(tmp_path / "nowhere", "p")


def test_patient_level_risk_is_the_most_urgent_recent_message(params):
    """Weeks 9-11 of a patient active to week 11 are the recent window (4 weeks); an older,
    more urgent message does not count, and a window with no scored message says so."""
    scores = pl.DataFrame({
        "message_id": ["old", "a", "b"], "patient_id": ["p"] * 3,
        "sent_at": [dt.datetime.combine(day(w), dt.time(9)) for w in (2, 9, 10)],
        "p_urgent": [0.95, 0.40, 0.20], "alert": [True, False, False],
    })  # fmt: skip
    t = make_tables([(0, 5, 0), (11, 5, 0)], scores=scores)
    (s,), _, _ = build(t, params.summaries)
    assert s["patient_risk"] == {"p_urgent_max": 0.4, "messages_scored": 2, "alerted": False}
    assert "most urgent of 2 messages P(urgent) 0.40 (below the alert threshold)" in (
        render_markdown(s)
    )
    quiet = make_tables(
        [(0, 5, 0), (11, 5, 0)], scores=scores.filter(pl.col("message_id") == "old")
    )
    (s,), _, _ = build(quiet, params.summaries)
    assert s["patient_risk"] == {"p_urgent_max": None, "messages_scored": 0, "alerted": False}
