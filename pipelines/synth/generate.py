"""Generate the embedded synthetic program cohort.  DVC runs: python -m pipelines.synthesize

No real clinical data can ship with the project, so this stage writes a seeded, realistic
program: patients in two arms, weekly questionnaires with trajectories (baseline severity,
an arm effect, regression to the mean, severity- and engagement-driven dropout, missed
weeks), wearable days, engagement, crisis events, and chat transcripts with identifiers,
risk and empathy labels. Gold identifier spans and generator metadata go to `gold/`.

Patients are generated in chunks (numpy vectorised numbers, per-patient seeded text), so
memory stays bounded for millions of patients. Same params + seed = same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import multiprocessing
import os
import random
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow.parquet as pq

from pipelines.core.io import atomic_dir
from pipelines.core.params import SynthesizeParams, TranscriptParams
from pipelines.core.schemas import DTYPES, EMPATHY_MECHANISMS, RISK_LEVELS, TABLES, TABLES_BY_NAME
from pipelines.core.vocab import AGE_BANDS, GENDERS
from pipelines.synth import identifiers, language
from pipelines.synth.phrases import GRAMMAR
from pipelines.synth.phrases_eval import GRAMMAR_EVAL
from pipelines.synth.phrases_risk import RISK_ADDED

log = logging.getLogger("carebridge.synthesize")

AGE_P = (0.16, 0.24, 0.2, 0.16, 0.12, 0.08, 0.04)
GENDER_P = (0.56, 0.38, 0.03, 0.03)
RACES = (
    "white",
    "black",
    "hispanic_latino",
    "asian",
    "middle_eastern_north_african",
    "american_indian_alaska_native",
    "pacific_islander",
    "multiracial",
    "not_stated",
)
RACE_P = (0.52, 0.15, 0.18, 0.07, 0.02, 0.01, 0.005, 0.03, 0.015)
TOPICS = (
    "work",
    "school",
    "family",
    "relationship",
    "money",
    "health",
    "sleep",
    "substances",
    "loneliness",
    "grief",
    "housing",
)
PHI_KINDS = (
    "relative",
    "friend",
    "clinician",
    "contact",
    "address",
    "date",
    "age",
    "record",
    "web",
    "self",
)
PHI_KIND_P = (0.22, 0.1, 0.18, 0.09, 0.07, 0.12, 0.04, 0.07, 0.05, 0.06)
BASE_REGISTER_P = {
    "standard": 0.5,
    "texting": 0.22,
    "older_formal": 0.1,
    "non_native": 0.08,
    "dialectal": 0.1,
}
# P(message risk level | the patient's risk state that week), rows: none, low, moderate, high.
MESSAGE_RISK_GIVEN_STATE = np.array(
    [
        [0.95, 0.04, 0.01, 0.00],
        [0.40, 0.50, 0.08, 0.02],
        [0.25, 0.20, 0.45, 0.10],
        [0.15, 0.10, 0.25, 0.50],
    ]
)
# Patients in distress reach out more: conversation rate multiplier per risk state.
CONVERSATION_BOOST = (1.0, 1.6, 2.2, 2.8)
REGISTER_OPENERS = {
    "older_formal": (
        "Good morning.",
        "Good afternoon.",
        "Hello, this is {PATIENT_FIRST}.",
        "Dear assistant,",
        "Good evening to you.",
        "I hope you are well.",
    ),
    "texting": ("hey", "heyy", "yo", "hiii", "ok so", "hey its me"),
    "dialectal": ("hey", "hiya", "alright", "howdy", "hey there", "well"),
    "non_native": (
        "Hello.",
        "Hello, good day.",
        "Hi, sorry for my English.",
        "Hello friend.",
        "Good day to you.",
        "Hi, is me {PATIENT_FIRST}.",
    ),
}


REPLY_GREETINGS = (
    "Hi {PATIENT_FIRST},",
    "Hello {PATIENT_FIRST}.",
    "Thanks, {PATIENT_FIRST}.",
    "{PATIENT_FIRST}, thank you for checking in.",
    "Good to hear from you, {PATIENT_FIRST}.",
)


# Identifier carriers: the training side draws on pipelines/phrases.py, the held-out (test)
# side only on pipelines/phrases_eval.py, written separately from the recognizers, so
# de-identification is measured on phrasings it was not written against.
UNSPLIT = ("phi.", "phi_eval.")


def _grammar() -> dict[str, tuple[str, ...]]:
    g = dict(GRAMMAR)
    g.update({k: GRAMMAR[k] + alts for k, alts in RISK_ADDED.items()})  # appended: old ids stay
    g.update({"phi_eval." + k.removeprefix("phi."): v for k, v in GRAMMAR_EVAL.items()})
    g["reply.greet_name"] = REPLY_GREETINGS
    for reg, alts in REGISTER_OPENERS.items():
        g[f"opener.{reg}"] = alts
    return g


def patient_id(seed: int, index: int) -> str:
    """Pseudonymous, non-sequential patient id (56 bits of a keyed hash of seed and index)."""
    h = hashlib.blake2b(f"{seed}:{index}".encode(), digest_size=7, person=b"cb-patient")
    return "pt-" + h.hexdigest()


@dataclass
class Chunk:
    """Columns of every table for one chunk of patients, as Python/numpy columns."""

    tables: dict[str, dict[str, Any]] = field(default_factory=dict)

    def frame(self, name: str) -> pl.DataFrame:
        table = TABLES_BY_NAME[name]
        cols = self.tables[name]
        data = {}
        for c in table.columns:
            if c.name not in cols:
                continue
            values = cols[c.name]
            if isinstance(values, np.ndarray) and values.dtype == object:
                values = values.tolist()
            data[c.name] = pl.Series(
                c.name, values, dtype=DTYPES[c.kind], strict=False, nan_to_null=True
            )
        return pl.DataFrame(data)


def _items(
    rng: np.random.Generator, totals: np.ndarray, profile: np.ndarray, max_item: int
) -> np.ndarray:
    """Item responses (0..max_item) whose expected sum tracks `totals`, per patient profile."""
    n_items = profile.shape[1]
    p = np.clip(totals[..., None] / (max_item * n_items) * profile[:, None, :], 0, 1)
    return rng.binomial(max_item, p)


def _weekly_risk_state(
    rng: np.random.Generator, sev: np.ndarray, propensity: np.ndarray
) -> np.ndarray:
    """Risk state per patient-week (0 none .. 3 high) from severity and risk propensity."""
    z = 3.2 * (sev / 27.0) + 2.4 * propensity[:, None] + rng.normal(0, 0.45, sev.shape)
    return np.digitize(z, [2.75, 3.4, 4.1])


def numeric_chunk(
    sp: SynthesizeParams, seed: int, start: int, n: int, site_p: np.ndarray
) -> tuple[Chunk, dict[str, np.ndarray]]:
    """Patients, weekly measures, wearables, engagement and crisis events for one chunk."""
    rng = np.random.default_rng([seed, start])
    tp = sp.trajectory
    W = sp.max_weeks + 1  # weeks 0..max_weeks
    idx = np.arange(start, start + n)
    ids = np.array([patient_id(seed, int(i)) for i in idx])
    site = rng.choice(len(site_p), n, p=site_p)
    hybrid = rng.random(n) < sp.hybrid_share
    enrol_week = rng.integers(0, sp.enrolment_window_weeks, n)
    enrol = np.datetime64(sp.start_date) + (enrol_week * 7 + rng.integers(0, 5, n)).astype(
        "timedelta64[D]"
    )
    n_weeks = rng.integers(sp.min_weeks, sp.max_weeks + 1, n)
    age = rng.choice(len(AGE_BANDS), n, p=AGE_P)
    gender = rng.choice(len(GENDERS), n, p=GENDER_P)
    race = rng.choice(len(RACES), n, p=np.array(RACE_P) / sum(RACE_P))
    lang = np.full(n, "english", dtype=object)
    u = rng.random(n)
    r = np.array(RACES)[race]
    lang[(r == "hispanic_latino") & (u < 0.4)] = "spanish"
    lang[(r == "asian") & (u < 0.2)] = "chinese"
    lang[(r == "asian") & (u >= 0.2) & (u < 0.35)] = "vietnamese"
    lang[(r == "asian") & (u >= 0.35) & (u < 0.45)] = "other"
    lang[(r == "middle_eastern_north_african") & (u < 0.5)] = "arabic"
    lang[(lang == "english") & (rng.random(n) < 0.02)] = "other"
    rural = rng.random(n) < 0.2
    older = age >= 5
    ins = np.where(
        older & (rng.random(n) < 0.8),
        "medicare",
        rng.choice(["private", "medicaid", "uninsured", "other"], n, p=[0.5, 0.3, 0.1, 0.1]),
    )

    # Baseline severity: screened patients enrol only above a cut-off, so the measured
    # baseline is biased upward and later scores regress toward the mean.
    deprived = np.isin(ins, ["medicaid", "uninsured"])
    true0 = rng.normal(tp.baseline_phq9_mean + 1.0 * deprived, tp.baseline_phq9_sd)
    screen = true0 + rng.normal(0, tp.measurement_sd, n)
    for _ in range(100):
        redo = np.round(screen) < tp.enrol_min_phq9
        if not redo.any():
            break
        true0[redo] = rng.normal(tp.baseline_phq9_mean, tp.baseline_phq9_sd, redo.sum())
        screen[redo] = true0[redo] + rng.normal(0, tp.measurement_sd, redo.sum())
    true0 = np.clip(true0, 0, 27)
    engage = np.where(hybrid, rng.beta(4.5, 2.0, n), rng.beta(3.0, 2.5, n))
    propensity = np.clip(rng.beta(2.0, 5.0, n) + 0.02 * (true0 - 13), 0, 1)
    floor = true0 * rng.uniform(0.25, 0.7, n)
    rate = (
        tp.recovery_rate_usual
        * np.where(hybrid, 1 + tp.arm_effect, 1.0)
        * rng.lognormal(0, 0.35, n)
    )
    weeks = np.arange(W)
    ar = np.zeros((n, W))
    eps = rng.normal(0, 1.3, (n, W))
    for w in range(1, W):
        ar[:, w] = 0.6 * ar[:, w - 1] + eps[:, w]
    sev = floor[:, None] + (true0 - floor)[:, None] * (1 - np.clip(rate, 0, 1))[:, None] ** weeks
    sev = np.clip(sev + ar, 0, 27)
    phq_target = np.clip(sev + rng.normal(0, tp.measurement_sd, (n, W)), 0, 27)
    phq_target[:, 0] = np.clip(screen, 0, 27)

    hazard = (
        tp.dropout_base
        + tp.dropout_per_phq9_point * sev
        + tp.dropout_low_engagement * (1 - engage)[:, None]
    )
    drop = (rng.random((n, W)) < hazard) & (weeks >= 1)
    drop_week = np.where(drop.any(1), drop.argmax(1), W)
    last_week = np.minimum(n_weeks, drop_week - 1)  # last week in the program
    in_program = weeks[None, :] <= last_week[:, None]
    missed = (rng.random((n, W)) < tp.missed_week_rate * (1.6 - engage)[:, None]) & (weeks >= 1)
    measured = in_program & ~missed
    state = _weekly_risk_state(rng, sev, propensity)

    phq_profile = rng.dirichlet(np.full(9, 6.0), n) * 9
    phq_items = _items(rng, phq_target, phq_profile, 3)
    item9 = np.minimum(3, state + (rng.random((n, W)) < 0.15) * (state > 0))
    phq_items[..., 8] = np.where(rng.random((n, W)) < 0.9, item9, phq_items[..., 8])
    anx = np.clip(
        0.75 * phq_target * 21 / 27 + rng.normal(0, 2.5, n)[:, None] + rng.normal(0, 1.2, (n, W)),
        0,
        21,
    )
    gad_items = _items(rng, anx, rng.dirichlet(np.full(7, 6.0), n) * 7, 3)
    wemwbs = np.clip(
        np.round(58 - 1.05 * sev + rng.normal(0, 4, n)[:, None] + rng.normal(0, 2.5, (n, W))),
        14,
        70,
    )
    on_med = rng.random(n) < 0.45
    med_mean = rng.beta(6, 2, n)
    med = rng.binomial(7, med_mean[:, None] * np.ones((1, W))) / 7
    ex_plan = rng.integers(3, 6, n)
    ex_p = np.clip(0.85 * engage - 0.012 * (sev - 10).T, 0.02, 0.98).T
    exercise = rng.binomial(ex_plan[:, None] * np.ones((1, W), dtype=int), ex_p) / ex_plan[:, None]

    pi, wi = np.nonzero(measured)
    week_dates = enrol[pi] + (wi * 7).astype("timedelta64[D]")
    weekly: dict[str, Any] = {"patient_id": ids[pi], "week": wi, "date": week_dates}
    for k in range(9):
        weekly[f"phq9_{k + 1}"] = phq_items[pi, wi, k]
    weekly["phq9_total"] = phq_items[pi, wi].sum(1)
    for k in range(7):
        weekly[f"gad7_{k + 1}"] = gad_items[pi, wi, k]
    weekly["gad7_total"] = gad_items[pi, wi].sum(1)
    weekly["wemwbs"] = wemwbs[pi, wi].astype(int)
    weekly["medication_adherence"] = np.where(on_med[pi], np.round(med[pi, wi], 3), np.nan)
    weekly["exercise_adherence"] = np.round(exercise[pi, wi], 3)

    # Wearables: 80% wear a device; nights off the wrist are empty.
    wears = rng.random(n) < 0.8
    days_in = np.where(wears, (last_week + 1) * 7, 0)
    dp = np.repeat(np.arange(n), days_in)
    dd = np.concatenate([np.arange(k) for k in days_in]) if n else np.array([], int)
    dates = enrol[dp] + dd.astype("timedelta64[D]")
    weekend = ((dates.astype("datetime64[D]").view("int64") - 4) % 7) >= 5
    dsev = sev[dp, dd // 7]
    sleep = np.clip(
        rng.normal(7.1, 0.7, n)[dp]
        - 0.06 * (dsev - 10)
        + 0.4 * weekend
        + rng.normal(0, 0.9, dp.size),
        2,
        13,
    )
    activity = np.clip(
        rng.lognormal(np.log(38) - 0.035 * (dsev - 10) - 0.3 * weekend, 0.6), 0, 600
    )
    off = rng.random(dp.size) < 0.08 + 0.1 * (1 - engage[dp])
    wear = {
        "patient_id": ids[dp],
        "date": dates,
        "sleep_hours": np.where(off, np.nan, np.round(sleep, 1)),
        "activity_minutes": np.where(off, None, np.round(activity).astype(int)),
    }

    # Engagement from the pre-enrolment look-back to the last week in the program.
    P = sp.pre_enrolment_weeks
    ew = np.arange(-P, W)
    e_in = ew[None, :] <= last_week[:, None]
    ep, ei = np.nonzero(e_in)
    eweek = ew[ei]
    esev = np.where(eweek >= 0, sev[ep, np.clip(eweek, 0, W - 1)], true0[ep] + 1.0)
    eeng = engage[ep]
    ehyb = hybrid[ep] & (eweek >= 0)
    sched = np.where(
        eweek >= 0,
        ((eweek < 12) | (eweek % 2 == 0)).astype(int),
        (rng.random(ep.size) < 0.3).astype(int),
    )
    p_att = np.clip(0.5 + 0.3 * eeng + 0.1 * ehyb - 0.01 * (esev - 10), 0.05, 0.98)
    attended = rng.binomial(sched, p_att)
    checkins = np.where(ehyb, rng.poisson(4 * eeng), 0)
    reminders = np.where(
        eweek < 0,
        0,
        np.where(ehyb, sched + rng.poisson(1.5, ep.size), sched * (rng.random(ep.size) < 0.5)),
    )
    acked = rng.binomial(reminders, np.clip(0.35 + 0.55 * eeng, 0, 1))
    engagement = {
        "patient_id": ids[ep],
        "week": eweek,
        "checkin_messages": checkins,
        "therapy_sessions_scheduled": sched,
        "therapy_sessions_attended": attended,
        "reminders_sent": reminders,
        "reminders_acknowledged": acked,
    }

    # Crisis events: severity- and risk-driven; AI-hybrid care catches risk earlier (fewer
    # crisis-line and emergency contacts, more clinician escalations).
    estate = state[ep, np.clip(eweek, 0, W - 1)]  # look-back weeks: the state at intake
    lam = (
        tp.crisis_rate_per_week
        * (esev / 15.0) ** 2
        * (1 + 2.5 * (estate >= 2) + 4 * (estate == 3))
    )
    lam = lam * np.where(ehyb, 1 - tp.hybrid_crisis_reduction, 1.0)
    n_crisis = rng.poisson(lam)
    esc = np.where(
        ehyb & (estate >= 2),
        rng.random(ep.size) < tp.escalation_rate_hybrid,
        (estate >= 2) & (eweek >= 0) & (rng.random(ep.size) < 0.05),
    )
    cp = np.concatenate([np.repeat(np.arange(ep.size), n_crisis), np.nonzero(esc)[0]])
    ctype = np.concatenate(
        [
            np.where(rng.random(n_crisis.sum()) < 0.6, "crisis_line_contact", "emergency_visit"),
            np.full(int(esc.sum()), "clinician_escalation"),
        ]
    )
    cdate = enrol[ep[cp]] + (eweek[cp] * 7 + rng.integers(0, 7, cp.size)).astype("timedelta64[D]")
    order = np.lexsort((cdate, ep[cp]))
    cids = [f"ev-{start + int(ep[cp[k]]):08d}-{j}" for j, k in enumerate(order)]
    crisis = {
        "event_id": cids,
        "patient_id": ids[ep[cp[order]]],
        "date": cdate[order],
        "event_type": ctype[order],
    }

    pc_p = np.clip(0.15 + 0.025 * (true0 - 10), 0.05, 0.9)
    pcptsd = (rng.random((n, 5)) < pc_p[:, None]).astype(int)
    patients: dict[str, Any] = {
        "patient_id": ids,
        "site": [f"S{s + 1:02d}" for s in site],
        "arm": np.where(hybrid, "ai_hybrid", "usual_care"),
        "enrolment_date": enrol,
        "end_date": enrol + (n_weeks * 7).astype("timedelta64[D]"),
        "age_band": np.array(AGE_BANDS)[age],
        "gender": np.array(GENDERS)[gender],
        "race_ethnicity": r,
        "primary_language": lang,
        "rurality": np.where(rural, "rural", "urban"),
        "insurance": ins,
        "consent_training": rng.random(n) < sp.training_consent_rate,
        "consent_full_anonymity": rng.random(n) < sp.full_anonymity_rate,
    }
    for k in range(5):
        patients[f"pcptsd5_{k + 1}"] = pcptsd[:, k]
    patients["pcptsd5_total"] = pcptsd.sum(1)

    chunk = Chunk(
        {
            "patients": patients,
            "weekly_measures": weekly,
            "daily_wearables": wear,
            "engagement": engagement,
            "crisis_events": crisis,
        }
    )
    latent = {
        "ids": ids,
        "hybrid": hybrid,
        "enrol": enrol,
        "last_week": last_week,
        "state": state,
        "engage": engage,
        "site": site,
        "age": age,
        "race": r,
        "lang": lang,
        "rural": rural,
        "index": idx,
    }
    return chunk, latent


# ----------------------------------------------------------------------------- transcripts


def _register_for(
    age: int, race: str, lang: str, rural: bool, strength: float, rng: random.Random
) -> str:
    """A patient's usual register: tied to their group with probability `strength`."""
    tied = []
    if lang != "english":
        tied.append("non_native")
    if age >= 5:
        tied.append("older_formal")
    if age <= 1:
        tied.append("texting")
    if race == "black" or rural:
        tied.append("dialectal")
    if tied and rng.random() < strength:
        return rng.choice(tied)
    return rng.choices(list(BASE_REGISTER_P), weights=list(BASE_REGISTER_P.values()))[0]


@dataclass
class TextOut:
    transcripts: dict[str, list[Any]]
    risk: dict[str, list[Any]]
    empathy: dict[str, list[Any]]
    spans: dict[str, list[Any]]
    meta: dict[str, list[Any]]

    @classmethod
    def empty(cls) -> TextOut:
        names = {t.name: {c.name: [] for c in t.columns} for t in TABLES}
        return cls(
            names["transcripts"],
            names["risk_labels"],
            names["empathy_labels"],
            names["phi_spans"],
            names["message_meta"],
        )


def _compose(
    grammar: language.Grammar,
    keys: Sequence[str],
    split: str,
    rng: random.Random,
    ctx: dict[str, list[language.Segment]],
    phi: language.PhiProvider,
) -> list[language.Segment]:
    segs: list[language.Segment] = []
    for key in keys:
        part = grammar.expand(key, split, rng, ctx, phi)
        if segs:
            segs.append(
                (
                    rng.choice([" ", " ", " ", "  ", "\n", " - ", ". "])
                    if segs[-1][0][-1:] not in ".!?"
                    else " ",
                    None,
                )
            )
        segs.extend(part)
    return language.tidy(segs)


def _levels(rng: random.Random) -> tuple[int, int, int]:
    er = rng.choices((0, 1, 2), weights=(0.35, 0.4, 0.25))[0]
    ip = rng.choices((0, 1, 2), weights=(0.4, 0.3, 0.3))[0]
    ex = rng.choices((0, 1, 2), weights=(0.4, 0.3, 0.3))[0]
    return er, ip, ex


def transcripts_for_patient(
    grammar: language.Grammar,
    tp: Any,
    pid: str,
    index: int,
    seed: int,
    enrol: dt.date,
    last_week: int,
    state: np.ndarray,
    engage: float,
    age: int,
    race: str,
    lang: str,
    rural: bool,
    clinicians: list[identifiers.Person],
    out: TextOut,
) -> None:
    """Append one AI-hybrid patient's conversations, labels, gold spans and metadata."""
    rng = random.Random(f"{seed}:{index}:text")
    draw = rng.random()  # one draw either way: test patients do not depend on validation
    split = (
        "heldout"
        if draw < tp.heldout_patient_share
        else "validation"
        if draw < tp.heldout_patient_share + tp.validation_patient_share
        else "seen"
    )
    persona = identifiers.make_persona(race, lang, clinicians, rng)
    home = _register_for(age, race, lang, rural, tp.register_group_strength, rng)
    topics = rng.sample(TOPICS, k=3)
    n_msg = 0
    for week in range(last_week + 1):
        for _ in range(
            np.random.default_rng([seed, index, week]).poisson(
                tp.conversation_rate * (0.5 + engage) * CONVERSATION_BOOST[state[week]]
            )
        ):
            conv = f"cv-{index:08d}-{week:02d}-{rng.randrange(10**6):06d}"
            when = dt.datetime.combine(
                enrol + dt.timedelta(days=7 * week + rng.randrange(7)),
                dt.time(rng.choice([7, 8, 12, 17, 19, 20, 21, 22, 23]), rng.randrange(60)),
            )
            for turn in range(rng.randint(1, tp.max_exchanges)):
                level = int(
                    rng.choices(range(4), weights=MESSAGE_RISK_GIVEN_STATE[state[week]])[0]
                )
                register = (
                    home
                    if rng.random() < 0.75
                    else rng.choices(
                        list(BASE_REGISTER_P), weights=list(BASE_REGISTER_P.values())
                    )[0]
                )
                topic = rng.choice(topics) if rng.random() < 0.8 else rng.choice(TOPICS)
                relation = rng.choice(list(persona.relatives))
                ctx_rng = random.Random(rng.random())

                def phi(marker: str, relation: str = relation) -> tuple[str, language.Entity]:
                    return identifiers.phi_value(marker, persona, relation, rng)

                ctx: dict[str, list[language.Segment]] = {"relation": [(relation, None)]}
                for var, key in (
                    ("feeling", f"feeling.{RISK_LEVELS[level]}"),
                    ("topic_noun", f"topic_noun.{topic}"),
                    ("topic_sentence", f"topic.{topic}"),
                ):
                    ctx[var] = grammar.expand(key, split, ctx_rng, ctx, phi)
                indirect = level > 0 and rng.random() < tp.indirect_risk_share[register]
                core = f"risk.{RISK_LEVELS[level]}" + (
                    "_indirect"
                    if indirect
                    else ("_hard_negative" if level == 0 and rng.random() < 0.2 else "")
                )
                core_idx = grammar.pick(core, split, rng)
                keys: list[str] = []
                if rng.random() < 0.3:
                    keys.append(
                        f"opener.{register}"
                        if register != "standard" and rng.random() < 0.5
                        else "opener"
                    )
                if rng.random() < (0.65 if level == 0 else 0.45):
                    keys.append(f"topic.{topic}")
                keys.append(core)
                if rng.random() < tp.phi_rate:
                    kind = rng.choices(PHI_KINDS, weights=PHI_KIND_P)[0]
                    keys.insert(
                        rng.choice([len(keys), len(keys) - 1]),
                        f"phi_eval.{kind}" if split == "heldout" else f"phi.{kind}",
                    )
                if rng.random() < 0.2:
                    keys.append("closer")
                segs: list[language.Segment] = []
                for key in keys:
                    part = grammar.expand(
                        key, split, rng, ctx, phi, index=core_idx if key == core else None
                    )
                    if segs:
                        segs.append((rng.choice([" ", " ", " ", "\n", " - "]), None))
                    segs.extend(part)
                segs = language.apply_register(language.tidy(segs), register, rng, tp.typo_rate)
                msg_id = f"m-{index:08d}-{n_msg:04d}"
                n_msg += 1
                _emit(
                    out,
                    msg_id,
                    conv,
                    pid,
                    2 * turn,
                    when,
                    "patient",
                    segs,
                    register,
                    split,
                    f"{core}#{core_idx}",
                    topic,
                    indirect,
                )
                out.risk["message_id"].append(msg_id)
                out.risk["risk_level"].append(RISK_LEVELS[level])

                er, ip, ex = _levels(rng)
                rkeys = []
                if rng.random() < tp.assistant_phi_rate:
                    rkeys.append("reply.greet_name")
                if er:
                    rkeys.append(f"reply.er{er}")
                if ip:
                    rkeys.append(f"reply.ip{ip}")
                if level >= 2 or (level == 1 and rng.random() < 0.5):
                    rkeys.append("reply.safety")
                if rng.random() < (0.35 if er + ip + ex else 1.0):
                    rkeys.append("reply.advice")
                if level == 3 or rng.random() < tp.assistant_phi_rate:
                    rkeys.append("reply.handoff")
                if ex:
                    rkeys.append(f"reply.ex{ex}")
                reply = language.tidy(_compose(grammar, rkeys, split, rng, ctx, phi))
                reply_id = f"m-{index:08d}-{n_msg:04d}"
                n_msg += 1
                when += dt.timedelta(seconds=rng.randint(2, 40))
                _emit(
                    out,
                    reply_id,
                    conv,
                    pid,
                    2 * turn + 1,
                    when,
                    "assistant",
                    reply,
                    "standard",
                    split,
                    "|".join(rkeys),
                    topic,
                    False,
                )
                out.empathy["message_id"].append(reply_id)
                out.empathy["seeker_message_id"].append(msg_id)
                for mech, lvl in zip(EMPATHY_MECHANISMS, (er, ip, ex), strict=True):
                    out.empathy[mech].append(lvl)
                when += dt.timedelta(minutes=rng.randint(1, 30))


def _emit(
    out: TextOut,
    msg_id: str,
    conv: str,
    pid: str,
    turn: int,
    when: dt.datetime,
    speaker: str,
    segs: list[language.Segment],
    register: str,
    split: str,
    template: str,
    topic: str,
    indirect: bool,
) -> None:
    text, spans = language.join(segs)
    for name, val in (
        ("message_id", msg_id),
        ("conversation_id", conv),
        ("patient_id", pid),
        ("turn", turn),
        ("sent_at", when),
        ("speaker", speaker),
        ("text", text),
    ):
        out.transcripts[name].append(val)
    for start, end, ent in spans:
        out.spans["message_id"].append(msg_id)
        out.spans["start"].append(start)
        out.spans["end"].append(end)
        out.spans["entity_type"].append(ent.type)
        out.spans["name_origin"].append(ent.origin)
    for name, val in (
        ("message_id", msg_id),
        ("register", register),
        ("phrasing_split", split),
        ("template", template),
        ("topic", topic),
        ("indirect", indirect),
    ):
        out.meta[name].append(val)


def text_chunk(
    sp: SynthesizeParams,
    seed: int,
    latent: dict[str, np.ndarray],
    grammar: language.Grammar,
    clinicians: list[list[identifiers.Person]],
) -> Chunk:
    """Transcripts and labels for the AI-hybrid patients of one chunk."""
    out = TextOut.empty()
    for k in np.nonzero(latent["hybrid"])[0]:
        transcripts_for_patient(
            grammar,
            sp.transcripts,
            str(latent["ids"][k]),
            int(latent["index"][k]),
            seed,
            latent["enrol"][k].astype(dt.date),
            int(latent["last_week"][k]),
            latent["state"][k],
            float(latent["engage"][k]),
            int(latent["age"][k]),
            str(latent["race"][k]),
            str(latent["lang"][k]),
            bool(latent["rural"][k]),
            clinicians[int(latent["site"][k])],
            out,
        )
    return Chunk(
        {
            "transcripts": out.transcripts,
            "risk_labels": out.risk,
            "empathy_labels": out.empathy,
            "phi_spans": out.spans,
            "message_meta": out.meta,
        }
    )


# ----------------------------------------------------------------------------- diversity


def _ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def diversity(
    texts: Sequence[str], splits: Sequence[str], templates: Sequence[str]
) -> dict[str, float]:
    """Distinct-n ratios and held-out novelty of patient messages (higher = more diverse)."""
    toks = [language.SLOT.sub("", t).lower().split() for t in texts]
    out: dict[str, float] = {"messages": float(len(texts))}
    for n in (1, 2, 3):
        grams = [g for t in toks for g in _ngrams(t, n)]
        out[f"distinct_{n}"] = len(set(grams)) / max(1, len(grams))
    out["unique_message_ratio"] = len(set(texts)) / max(1, len(texts))
    seen_idx = [i for i, s in enumerate(splits) if s == "seen"]
    held_idx = [i for i, s in enumerate(splits) if s == "heldout"]
    seen_templates = {templates[i] for i in seen_idx}
    seen_text = {texts[i].lower() for i in seen_idx}
    seen_tri = {g for i in seen_idx for g in _ngrams(toks[i], 3)}
    if held_idx:
        out["heldout_core_phrasing_unseen_share"] = sum(
            templates[i] not in seen_templates for i in held_idx
        ) / len(held_idx)
        out["heldout_exact_text_seen_share"] = sum(
            texts[i].lower() in seen_text for i in held_idx
        ) / len(held_idx)
        novel = [
            np.mean([g not in seen_tri for g in _ngrams(toks[i], 3)])
            for i in held_idx
            if len(toks[i]) >= 3
        ]
        out["heldout_trigram_novelty"] = float(np.mean(novel)) if novel else 0.0
    out["templates_used"] = float(len(set(templates)))
    return out


# ----------------------------------------------------------------------------- stage


def _arrow_table(frame: pl.DataFrame, name: str) -> Any:
    table = TABLES_BY_NAME[name]
    return frame.select([pl.col(c.name).cast(DTYPES[c.kind]) for c in table.columns]).to_arrow()


SAMPLE_CAP = 60_000  # patient messages kept for the diversity measures


@dataclass
class Stats:
    """Distributions accumulated over chunks for the stage's report."""

    counts: Counter[str] = field(default_factory=Counter)
    dist: dict[str, Counter[str]] = field(
        default_factory=lambda: {
            k: Counter()
            for k in ("risk_level", "register", "entity_type", "name_origin", "arm", "indirect")
        }
    )
    sample: dict[str, list[Any]] = field(
        default_factory=lambda: {"text": [], "split": [], "template": []}
    )
    baseline: dict[str, list[float]] = field(
        default_factory=lambda: {"ai_hybrid": [], "usual_care": []}
    )
    latest: dict[str, list[float]] = field(
        default_factory=lambda: {"ai_hybrid": [], "usual_care": []}
    )

    def merge(self, other: Stats) -> None:
        """Add another chunk's statistics (sample capped at SAMPLE_CAP messages)."""
        self.counts.update(other.counts)
        for k, cnt in other.dist.items():
            self.dist[k].update(cnt)
        room = SAMPLE_CAP - len(self.sample["text"])
        for k, vals in other.sample.items():
            self.sample[k].extend(vals[: max(0, room)])
        for arm in self.baseline:
            self.baseline[arm].extend(other.baseline[arm])
            self.latest[arm].extend(other.latest[arm])


@dataclass(frozen=True)
class ChunkJob:
    sp: SynthesizeParams
    seed: int
    start: int
    n: int
    site_p: np.ndarray
    clinicians: list[list[identifiers.Person]]


_GRAMMARS: dict[tuple[float, float], language.Grammar] = {}


def _grammar_for(tp: TranscriptParams) -> language.Grammar:
    key = (tp.heldout_phrasing_share, tp.validation_phrasing_share)
    if key not in _GRAMMARS:
        _GRAMMARS[key] = language.Grammar(
            _grammar(), key[0], unsplit=UNSPLIT, validation_share=key[1]
        )
    return _GRAMMARS[key]


def build_chunk(job: ChunkJob) -> tuple[dict[str, Any], Stats]:
    """All tables (as Arrow) and report statistics for one chunk of patients."""
    grammar = _grammar_for(job.sp.transcripts)
    chunk, latent = numeric_chunk(job.sp, job.seed, job.start, job.n, job.site_p)
    chunk.tables.update(text_chunk(job.sp, job.seed, latent, grammar, job.clinicians).tables)
    stats = Stats()
    tables = {}
    for table in TABLES:
        frame = chunk.frame(table.name)
        stats.counts[table.name] += frame.height
        tables[table.name] = _arrow_table(frame, table.name)
    _accumulate(chunk, stats)
    return tables, stats


def synthesize(
    sp: SynthesizeParams, seed: int, out_dir: Path, workers: int | None = None
) -> dict[str, Any]:
    """Write the cohort's tables to `out_dir` (gold tables under `gold/`); return a report.

    Chunks are independent (each has its own seeded generators), so several are built in
    parallel worker processes when there is more than one; the output does not depend on
    the number of workers.
    """
    t0 = time.perf_counter()
    grammar = _grammar_for(sp.transcripts)
    master = random.Random(f"{seed}:sites")
    site_p = np.random.default_rng([seed, 999_999_999]).dirichlet(np.full(sp.n_sites, 4.0))
    clinicians = [identifiers.make_clinicians(6, master) for _ in range(sp.n_sites)]
    jobs = [
        ChunkJob(sp, seed, start, min(sp.chunk_size, sp.n_patients - start), site_p, clinicians)
        for start in range(0, sp.n_patients, sp.chunk_size)
    ]
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    stats = Stats()
    writers: dict[str, pq.ParquetWriter] = {}
    with atomic_dir(out_dir) as tmp, contextlib.ExitStack() as stack:
        (tmp / "gold").mkdir()
        if workers > 1:
            pool = stack.enter_context(
                ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            )
            results = pool.map(build_chunk, jobs)
        else:
            results = map(build_chunk, jobs)
        try:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("synthesizing patients", total=sp.n_patients)
                for job, (tables, chunk_stats) in zip(jobs, results, strict=True):
                    for table in TABLES:
                        arrow = tables[table.name]
                        if table.name not in writers:
                            path = tmp / ("gold" if table.gold else ".") / f"{table.name}.parquet"
                            writers[table.name] = pq.ParquetWriter(path, arrow.schema)
                        writers[table.name].write_table(arrow)
                    stats.merge(chunk_stats)
                    bar.advance(task, job.n)
        finally:
            for w in writers.values():
                w.close()
    return {
        "rows": dict(stats.counts),
        "shares": {
            k: {v: c / max(1, sum(cnt.values())) for v, c in sorted(cnt.items())}
            for k, cnt in stats.dist.items()
        },
        "phq9": {
            arm: {
                "baseline_mean": float(np.mean(stats.baseline[arm]))
                if stats.baseline[arm]
                else 0.0,
                "latest_mean": float(np.mean(stats.latest[arm])) if stats.latest[arm] else 0.0,
            }
            for arm in stats.baseline
        },
        "diversity": diversity(
            stats.sample["text"], stats.sample["split"], stats.sample["template"]
        ),
        "grammar": {
            "keys": len(grammar.grammar),
            "split_keys": sum(grammar.is_split(k) for k in grammar.grammar),
            "validation_split_keys": sum(
                grammar.is_split(k, "validation") for k in grammar.grammar
            ),
        },
        "workers": workers,
        "seconds": round(time.perf_counter() - t0, 2),
    }


def _accumulate(chunk: Chunk, stats: Stats) -> None:
    dist, sample, baseline, latest = stats.dist, stats.sample, stats.baseline, stats.latest
    cap = SAMPLE_CAP
    t = chunk.tables
    dist["risk_level"].update(t["risk_labels"]["risk_level"])
    dist["arm"].update(t["patients"]["arm"].tolist())
    dist["entity_type"].update(t["phi_spans"]["entity_type"])
    dist["name_origin"].update(o for o in t["phi_spans"]["name_origin"] if o)
    patient_msgs = {m for m in t["risk_labels"]["message_id"]}
    for mid, reg, ind in zip(
        t["message_meta"]["message_id"],
        t["message_meta"]["register"],
        t["message_meta"]["indirect"],
        strict=True,
    ):
        if mid in patient_msgs:
            dist["register"][reg] += 1
            dist["indirect"][str(ind).lower()] += 1
    texts = dict(zip(t["transcripts"]["message_id"], t["transcripts"]["text"], strict=True))
    for mid, split, tmpl in zip(
        t["message_meta"]["message_id"],
        t["message_meta"]["phrasing_split"],
        t["message_meta"]["template"],
        strict=True,
    ):
        if mid in patient_msgs and len(sample["text"]) < cap:
            sample["text"].append(texts[mid])
            sample["split"].append(split)
            sample["template"].append(tmpl)
    w = pl.DataFrame(
        {
            "patient_id": t["weekly_measures"]["patient_id"],
            "week": t["weekly_measures"]["week"],
            "phq9": t["weekly_measures"]["phq9_total"],
        }
    )
    arms = pl.DataFrame({"patient_id": t["patients"]["patient_id"], "arm": t["patients"]["arm"]})
    per = (
        w.sort("week")
        .group_by("patient_id")
        .agg(pl.col("phq9").first().alias("b"), pl.col("phq9").last().alias("l"))
        .join(arms, on="patient_id")
    )
    for arm in baseline:
        sub = per.filter(pl.col("arm") == arm)
        baseline[arm].extend(sub["b"].to_list())
        latest[arm].extend(sub["l"].to_list())


def metrics_for_mlflow(report: dict[str, Any]) -> dict[str, float]:
    """Numeric leaves of a report as flat MLflow metric names."""
    from pipelines.core.tracking import flatten

    return {
        k.replace(" ", "_"): float(v)
        for k, v in flatten("", report).items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
