"""Properties of the generated cohort: determinism, distributions, exact gold spans, diversity."""

from __future__ import annotations

import re

import numpy as np
import polars as pl
import pytest

from pipelines.core.schemas import ENTITY_TYPES, RISK_LEVELS
from pipelines.synth import banks, language
from pipelines.synth.generate import synthesize
from pipelines.synth.transcripts import UNSPLIT, grammar_bank
from tests.conftest import small


def test_same_seed_same_cohort_other_seed_other_cohort(params, tmp_path, tables):
    sp = small(params.synthesize, 300)
    synthesize(sp, params.seed, tmp_path / "again")
    for name in ("patients", "weekly_measures", "transcripts", "crisis_events"):
        assert pl.read_parquet(tmp_path / "again" / f"{name}.parquet").equals(tables[name]), name
    synthesize(small(params.synthesize, 40), params.seed + 1, tmp_path / "other")
    other = pl.read_parquet(tmp_path / "other" / "patients.parquet")
    assert set(other["patient_id"]).isdisjoint(tables["patients"]["patient_id"])


def test_patient_table_shape(tables):
    p = tables["patients"]
    assert p.height == 300 and p["patient_id"].n_unique() == 300
    assert all(re.fullmatch(r"pt-[0-9a-f]{14}", x) for x in p["patient_id"])
    assert 0.35 < (p["arm"] == "ai_hybrid").mean() < 0.65
    assert 0.75 < p["consent_training"].mean() < 0.95
    assert (p["end_date"] > p["enrolment_date"]).all()
    weeks = (p["end_date"] - p["enrolment_date"]).dt.total_days() / 7
    assert weeks.min() >= 12 and weeks.max() <= 26


def test_scores_in_range_and_trajectories_realistic(tables):
    w = tables["weekly_measures"].join(
        tables["patients"].select("patient_id", "arm"), on="patient_id"
    )
    assert w["phq9_total"].is_between(0, 27).all() and w["gad7_total"].is_between(0, 21).all()
    assert w["wemwbs"].is_between(14, 70).all()
    base = w.filter(pl.col("week") == 0)
    assert 10 <= base["phq9_total"].mean() <= 17
    per = (
        w.sort("week")
        .group_by("patient_id", "arm")
        .agg(
            pl.col("phq9_total").first().alias("b"),
            pl.col("phq9_total").last().alias("l"),
            pl.len().alias("n"),
        )
    )
    change = (
        per.with_columns((pl.col("l") - pl.col("b")).alias("d"))
        .group_by("arm")
        .agg(pl.col("d").mean())
    )
    d = dict(zip(change["arm"], change["d"], strict=True))
    assert d["ai_hybrid"] < d["usual_care"] < 0, d  # both improve, hybrid more
    # Missed weeks and dropout: fewer rows than planned weeks for many patients.
    assert (per["n"] < 13).mean() > 0.1
    corr = np.corrcoef(w["phq9_total"], w["wemwbs"])[0, 1]
    assert corr < -0.5
    assert np.corrcoef(w["phq9_total"], w["gad7_total"])[0, 1] > 0.5


def test_engagement_crisis_and_wearables(tables):
    e, c = tables["engagement"], tables["crisis_events"]
    assert e["week"].min() < 0  # pre-enrolment look-back
    assert (e["therapy_sessions_attended"] <= e["therapy_sessions_scheduled"]).all()
    assert set(c["event_type"]) == {
        "crisis_line_contact",
        "emergency_visit",
        "clinician_escalation",
    }
    hybrid = set(tables["patients"].filter(pl.col("arm") == "ai_hybrid")["patient_id"])
    assert set(tables["transcripts"]["patient_id"]) <= hybrid
    d = tables["daily_wearables"]
    assert d["sleep_hours"].drop_nulls().is_between(2, 13).all()
    assert 0.02 < d["sleep_hours"].is_null().mean() < 0.3


def test_labels_cover_every_level(tables):
    r = tables["risk_labels"]["risk_level"].value_counts()
    shares = dict(zip(r["risk_level"], r["count"] / r["count"].sum(), strict=True))
    assert set(shares) == set(RISK_LEVELS)
    assert shares["none"] > 0.5 and shares["high"] > 0.02 and shares["moderate"] > 0.04
    e = tables["empathy_labels"]
    for mech in ("emotional_reactions", "interpretations", "explorations"):
        assert set(e[mech]) == {0, 1, 2}
    assert e.height == tables["risk_labels"].height


def test_gold_spans_are_exact(tables):
    text = dict(
        zip(tables["transcripts"]["message_id"], tables["transcripts"]["text"], strict=True)
    )
    spans = tables["phi_spans"]
    origins = banks.names()
    all_names = {n.lower() for g in origins.values() for n in g["first"] + g["last"]}
    checks = {
        "EMAIL_ADDRESS": lambda v: "@" in v,
        "US_SSN": lambda v: re.fullmatch(r"\d{3}[- ]?\d{2}[- ]?\d{4}", v) is not None,
        "PHONE_NUMBER": lambda v: len(re.sub(r"\D", "", v)) in (7, 10, 11),
        "ZIP_CODE": lambda v: re.fullmatch(r"\d{5}(-\d{4})?", v) is not None,
        "PERSON": lambda v: v.lower() in all_names,
        "IP_ADDRESS": lambda v: re.fullmatch(r"[\d.]+|[0-9a-f:]+", v) is not None,
    }
    for mid, start, end, etype in spans.select(
        "message_id", "start", "end", "entity_type"
    ).iter_rows():
        value = text[mid][start:end]
        assert value == value.strip() and value, (etype, mid)
        if etype in checks:
            assert checks[etype](value), (etype, value)
    assert set(spans["entity_type"]) == set(ENTITY_TYPES)
    persons = spans.filter(pl.col("entity_type") == "PERSON")
    assert persons["name_origin"].null_count() == 0
    assert set(persons["name_origin"]) == set(origins)


def test_names_also_appear_in_lower_case(tables):
    text = dict(
        zip(tables["transcripts"]["message_id"], tables["transcripts"]["text"], strict=True)
    )
    persons = tables["phi_spans"].filter(pl.col("entity_type") == "PERSON")
    values = [text[m][s:e] for m, s, e in persons.select("message_id", "start", "end").rows()]
    assert 0.05 < np.mean([v.islower() for v in values]) < 0.7


# the engine's context variables, and what each must follow so its filler reads right
CONTEXT_VARIABLES = {
    "feeling": re.compile(r"\b(feel|feeling|felt) $", re.I),
    "relation": re.compile(r"\bmy $", re.I),
    "topic_noun": re.compile(""),
    "topic_sentence": re.compile(""),
}


def test_risk_cores_follow_the_grammar_conventions():
    """Every risk core (the added banks included) uses only slots the engine fills, in the
    places the fillers fit: `{feeling}` after feel/feeling/felt, `{relation}` after "my"."""
    grammar = grammar_bank()
    problems = []
    for key, alts in grammar.items():
        if not key.startswith("risk."):
            continue
        if len(set(alts)) != len(alts):
            problems.append((key, "the same core twice"))
        for alt in alts:
            for m in language.SLOT.finditer(alt):
                name = m.group(1)
                if name in CONTEXT_VARIABLES:
                    fits = CONTEXT_VARIABLES[name].search(alt[: m.start()]) is not None
                else:
                    fits = name.isupper() or name in grammar  # identifier marker or slot key
                if not fits:
                    problems.append((key, alt))
    assert problems == []


def test_phrasing_diversity(cohort):
    div = cohort[1]["diversity"]
    assert div["unique_message_ratio"] > 0.97
    assert div["distinct_2"] > 0.25 and div["distinct_3"] > 0.4
    assert div["heldout_core_phrasing_unseen_share"] > 0.95
    assert div["heldout_trigram_novelty"] > 0.5


def test_heldout_and_validation_phrasings_are_disjoint(params, tables):
    tp = params.synthesize.transcripts
    grammar = language.Grammar(
        grammar_bank(),
        tp.heldout_phrasing_share,
        unsplit=UNSPLIT,
        validation_share=tp.validation_phrasing_share,
    )
    for key in grammar.grammar:
        if key.startswith("risk."):
            assert grammar.is_split(key) and grammar.is_split(key, "validation"), key
            pools = [set(grammar.pools[(key, side)]) for side in language.SPLITS]
            assert all(pools) and sum(map(len, pools)) == len(set().union(*pools)), key
    meta = tables["message_meta"].join(tables["risk_labels"], on="message_id")
    used = {
        side: set(meta.filter(pl.col("phrasing_split") == side)["template"])
        for side in language.SPLITS
    }
    assert all(used.values())
    assert used["seen"].isdisjoint(used["heldout"])
    assert used["seen"].isdisjoint(used["validation"])
    assert used["validation"].isdisjoint(used["heldout"])
    per_patient = (
        tables["message_meta"]
        .join(tables["transcripts"].select("message_id", "patient_id"), on="message_id")
        .group_by("patient_id")
        .agg(pl.col("phrasing_split").n_unique())
    )
    assert (per_patient["phrasing_split"] == 1).all()


def test_heldout_pools_do_not_depend_on_the_validation_share(params):
    share = params.synthesize.transcripts.heldout_phrasing_share
    without = language.Grammar(grammar_bank(), share, unsplit=UNSPLIT)
    with_val = language.Grammar(grammar_bank(), share, unsplit=UNSPLIT, validation_share=0.15)
    for key in without.grammar:
        assert without.pools[(key, "heldout")] == with_val.pools[(key, "heldout")], key
        assert set(with_val.pools[(key, "seen")]) <= set(without.pools[(key, "seen")]), key


def test_register_depends_on_group(tables):
    meta = (
        tables["message_meta"]
        .join(tables["risk_labels"], on="message_id")
        .join(tables["transcripts"].select("message_id", "patient_id"), on="message_id")
        .join(tables["patients"], on="patient_id")
    )
    older = meta.filter(pl.col("age_band").is_in(["65-74", "75+"]))
    younger = meta.filter(pl.col("age_band").is_in(["18-24", "25-34"]))
    assert (older["register"] == "older_formal").mean() > 3 * (
        younger["register"] == "older_formal"
    ).mean()
    assert (younger["register"] == "texting").mean() > (older["register"] == "texting").mean()
    assert set(meta["register"]) == {
        "standard",
        "texting",
        "older_formal",
        "non_native",
        "dialectal",
    }


@pytest.mark.parametrize(
    "register", ["standard", "texting", "older_formal", "non_native", "dialectal"]
)
def test_register_transforms_keep_spans_exact(register):
    import random

    rng = random.Random(3)
    ent = language.Entity("PERSON", "anglo")
    segs = [
        ("I'm going to see my mom ", None),
        ("Grace", ent),
        (" tonight because I really don't know.", None),
    ]
    for _ in range(30):
        out = language.apply_register(list(segs), register, rng, 0.2)
        text, spans = language.join(out)
        assert len(spans) == 1
        s, e, got = spans[0]
        assert text[s:e].lower() == "grace" and got == ent


def test_worker_count_does_not_change_output(params, tmp_path, tables):
    sp = small(params.synthesize, 300)  # two chunks
    report = synthesize(sp, params.seed, tmp_path / "serial", workers=1)
    assert report["workers"] == 1
    for name in ("patients", "transcripts", "engagement"):
        assert pl.read_parquet(tmp_path / "serial" / f"{name}.parquet").equals(tables[name])


def test_identifier_carriers_of_the_test_side_come_from_their_own_bank(params):
    eval_bank = banks.word_lists("phrases_eval")
    grammar = grammar_bank()

    def markers(lists):
        return {m for alts in lists for a in alts for m in language.SLOT.findall(a) if m.isupper()}

    for key, alts in eval_bank.items():
        assert set(alts).isdisjoint(grammar[key]), key
    # every identifier type the training side carries, the test side carries too
    train = markers(v for k, v in grammar.items() if k.startswith("phi."))
    assert train <= markers(eval_bank.values())
