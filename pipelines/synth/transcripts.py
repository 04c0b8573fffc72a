"""Chat transcripts of the AI-hybrid patients, with risk and empathy labels and gold spans.

Each patient writes from their own seeded random stream, so a patient's messages do not
depend on the chunk or worker they are generated in. A patient message is a risk core
(drawn for the week's risk state) with an optional opener, topic sentence, identifier-carrying
sentence and closer, rewritten in the patient's register; the assistant's reply is composed
from EPITOME mechanism parts at drawn levels. The phrase grammar is `banks/phrases*.yaml`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

import numpy as np

from pipelines.core.banks import BankError, at
from pipelines.core.params import SynthesizeParams, TranscriptParams
from pipelines.core.schemas import EMPATHY_MECHANISMS, RISK_LEVELS, TABLES
from pipelines.core.vocab import REGISTERS
from pipelines.synth import banks, identifiers, language
from pipelines.synth.cohort import Chunk, Course, Enrolment

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
# Identifier carriers: the training side draws on `phi.*` of phrases.yaml, the held-out (test)
# side only on phrases_eval.yaml (as `phi_eval.*`), written separately from the recognizers,
# so de-identification is measured on phrasings it was not written against. Both banks are
# already separate, so every side may use all of their alternatives.
UNSPLIT = ("phi.", "phi_eval.")


@cache
def grammar_bank() -> Mapping[str, tuple[str, ...]]:
    """The phrase grammar: phrases.yaml, with phrases_risk.yaml appended to its keys (old
    alternatives keep their index) and phrases_eval.yaml's `phi.<kind>` as `phi_eval.<kind>`."""
    base = banks.word_lists("phrases")
    grammar = dict(base)
    for key, alts in banks.word_lists("phrases_risk").items():
        if key not in base:
            raise BankError(f"word bank {at('phrases_risk.yaml', key)}: not a key of phrases.yaml")
        grammar[key] = base[key] + alts
    for key, alts in banks.word_lists("phrases_eval").items():
        if not key.startswith("phi.") or key not in base:
            raise BankError(
                f"word bank {at('phrases_eval.yaml', key)}: not a `phi.` key of phrases.yaml"
            )
        grammar["phi_eval." + key.removeprefix("phi.")] = alts
    return MappingProxyType(grammar)


@cache
def _grammar(heldout_share: float, validation_share: float) -> language.Grammar:
    return language.Grammar(
        grammar_bank(), heldout_share, unsplit=UNSPLIT, validation_share=validation_share
    )


def grammar_for(tp: TranscriptParams) -> language.Grammar:
    """The phrase grammar split by the run's phrasing shares (built once per process)."""
    return _grammar(tp.heldout_phrasing_share, tp.validation_phrasing_share)


@dataclass(frozen=True)
class ConversationBank:
    """What conversations are about and how patients write (`banks/conversations.yaml`)."""

    topics: tuple[str, ...]
    registers: tuple[str, ...]
    register_p: tuple[float, ...]
    phi_kinds: tuple[str, ...]
    phi_kind_p: tuple[float, ...]


@cache
def conversation_bank() -> ConversationBank:
    """Topics, register shares and identifier kinds, checked against the grammar's keys."""
    topics = banks.words("conversations", "topics")
    registers = banks.shares("conversations", "registers", labels=REGISTERS)
    kinds = banks.shares("conversations", "identifier_kinds")
    grammar = grammar_bank()
    for key, values, prefixes in (
        ("topics", topics, ("topic.", "topic_noun.")),
        ("identifier_kinds", kinds, ("phi.", "phi_eval.")),
    ):
        missing = [p + v for v in values for p in prefixes if p + v not in grammar]
        if missing:
            raise BankError(
                f"word bank {at('conversations.yaml', key)}: the phrase grammar has no "
                + ", ".join(missing)
            )
    return ConversationBank(
        topics, tuple(registers), tuple(registers.values()), tuple(kinds), tuple(kinds.values())
    )


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
    bank = conversation_bank()
    return rng.choices(bank.registers, weights=bank.register_p)[0]


@dataclass(frozen=True)
class Message:
    """One chat message as it goes into the transcripts and message_meta tables."""

    message_id: str
    conversation_id: str
    patient_id: str
    turn: int
    sent_at: dt.datetime
    speaker: str
    segments: list[language.Segment]
    register: str
    phrasing_split: str
    template: str
    topic: str
    indirect: bool


@dataclass
class TextOut:
    """Columns of the text tables of one chunk, appended to message by message."""

    transcripts: dict[str, list[Any]]
    risk: dict[str, list[Any]]
    empathy: dict[str, list[Any]]
    spans: dict[str, list[Any]]
    meta: dict[str, list[Any]]

    @classmethod
    def empty(cls) -> TextOut:
        """Empty columns for every text table."""
        names = {t.name: {c.name: [] for c in t.columns} for t in TABLES}
        return cls(
            names["transcripts"],
            names["risk_labels"],
            names["empathy_labels"],
            names["phi_spans"],
            names["message_meta"],
        )

    def add(self, m: Message) -> None:
        """Append a message's text, its exact identifier spans and its metadata."""
        text, spans = language.join(m.segments)
        for name, val in (
            ("message_id", m.message_id),
            ("conversation_id", m.conversation_id),
            ("patient_id", m.patient_id),
            ("turn", m.turn),
            ("sent_at", m.sent_at),
            ("speaker", m.speaker),
            ("text", text),
        ):
            self.transcripts[name].append(val)
        for start, end, ent in spans:
            self.spans["message_id"].append(m.message_id)
            self.spans["start"].append(start)
            self.spans["end"].append(end)
            self.spans["entity_type"].append(ent.type)
            self.spans["name_origin"].append(ent.origin)
        for name, val in (
            ("message_id", m.message_id),
            ("register", m.register),
            ("phrasing_split", m.phrasing_split),
            ("template", m.template),
            ("topic", m.topic),
            ("indirect", m.indirect),
        ):
            self.meta[name].append(val)


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


def _reply_keys(
    rng: random.Random, tp: TranscriptParams, level: int, er: int, ip: int, ex: int
) -> list[str]:
    """The grammar keys of an assistant reply with the given EPITOME levels."""
    keys = []
    if rng.random() < tp.assistant_phi_rate:
        keys.append("reply.greet_name")
    if er:
        keys.append(f"reply.er{er}")
    if ip:
        keys.append(f"reply.ip{ip}")
    if level >= 2 or (level == 1 and rng.random() < 0.5):
        keys.append("reply.safety")
    if rng.random() < (0.35 if er + ip + ex else 1.0):
        keys.append("reply.advice")
    if level == 3 or rng.random() < tp.assistant_phi_rate:
        keys.append("reply.handoff")
    if ex:
        keys.append(f"reply.ex{ex}")
    return keys


def phrasing_split(draw: float, tp: TranscriptParams) -> str:
    """The side a patient's phrasings come from, for a uniform draw in [0, 1)."""
    if draw < tp.heldout_patient_share:
        return "heldout"
    if draw < tp.heldout_patient_share + tp.validation_patient_share:
        return "validation"
    return "seen"


@dataclass(frozen=True)
class TextSettings:
    """What every patient's transcripts in a run share: grammar, params and seed."""

    grammar: language.Grammar
    transcripts: TranscriptParams
    seed: int


@dataclass(frozen=True, eq=False)
class TextPatient:
    """What one AI-hybrid patient's transcripts depend on."""

    pid: str
    index: int
    enrol: dt.date
    last_week: int
    state: np.ndarray  # risk state per week
    engage: float
    age: int  # index into AGE_BANDS
    race: str
    lang: str
    rural: bool
    clinicians: list[identifiers.Person]


@dataclass(frozen=True)
class _Said:
    """What the patient said in one exchange, which the reply answers."""

    message_id: str
    level: int
    topic: str
    ctx: dict[str, list[language.Segment]]
    phi: language.PhiProvider


class _PatientWriter:
    """Writes one patient's conversations from the patient's own random stream."""

    def __init__(self, patient: TextPatient, settings: TextSettings, out: TextOut) -> None:
        tp = settings.transcripts
        self.patient, self.settings, self.tp, self.out = patient, settings, tp, out
        self.grammar = settings.grammar
        self.rng = rng = random.Random(f"{settings.seed}:{patient.index}:text")
        # One draw either way: test patients do not depend on the validation share.
        self.split = phrasing_split(rng.random(), tp)
        self.persona = identifiers.make_persona(
            patient.race, patient.lang, patient.clinicians, rng
        )
        self.home = _register_for(
            patient.age, patient.race, patient.lang, patient.rural, tp.register_group_strength, rng
        )
        self.topics = rng.sample(conversation_bank().topics, k=3)
        self.n_msg = 0

    def write(self) -> None:
        """All conversations, week by week: more of them in weeks of higher risk."""
        p = self.patient
        for week in range(p.last_week + 1):
            rate = self.tp.conversation_rate * (0.5 + p.engage) * CONVERSATION_BOOST[p.state[week]]
            for _ in range(
                np.random.default_rng([self.settings.seed, p.index, week]).poisson(rate)
            ):
                self._conversation(week)

    def _next_id(self) -> str:
        msg_id = f"m-{self.patient.index:08d}-{self.n_msg:04d}"
        self.n_msg += 1
        return msg_id

    def _conversation(self, week: int) -> None:
        rng, p = self.rng, self.patient
        conv = f"cv-{p.index:08d}-{week:02d}-{rng.randrange(10**6):06d}"
        when = dt.datetime.combine(
            p.enrol + dt.timedelta(days=7 * week + rng.randrange(7)),
            dt.time(rng.choice([7, 8, 12, 17, 19, 20, 21, 22, 23]), rng.randrange(60)),
        )
        for turn in range(rng.randint(1, self.tp.max_exchanges)):
            said = self._patient_message(conv, turn, when, p.state[week])
            when = self._reply(conv, turn, when, said)
            when += dt.timedelta(minutes=rng.randint(1, 30))

    def _context(
        self, level: int, topic: str, relation: str, phi: language.PhiProvider
    ) -> dict[str, list[language.Segment]]:
        """The exchange's context variables, expanded from their own random stream."""
        ctx_rng = random.Random(self.rng.random())
        ctx: dict[str, list[language.Segment]] = {"relation": [(relation, None)]}
        for var, key in (
            ("feeling", f"feeling.{RISK_LEVELS[level]}"),
            ("topic_noun", f"topic_noun.{topic}"),
            ("topic_sentence", f"topic.{topic}"),
        ):
            ctx[var] = self.grammar.expand(key, self.split, ctx_rng, ctx, phi)
        return ctx

    def _message_keys(self, level: int, register: str, topic: str, core: str) -> list[str]:
        """The grammar keys of a patient message around its risk core."""
        rng, bank = self.rng, conversation_bank()
        keys: list[str] = []
        if rng.random() < 0.3:
            keys.append(
                f"opener.{register}" if register != "standard" and rng.random() < 0.5 else "opener"
            )
        if rng.random() < (0.65 if level == 0 else 0.45):
            keys.append(f"topic.{topic}")
        keys.append(core)
        if rng.random() < self.tp.phi_rate:
            kind = rng.choices(bank.phi_kinds, weights=bank.phi_kind_p)[0]
            keys.insert(
                rng.choice([len(keys), len(keys) - 1]),
                f"phi_eval.{kind}" if self.split == "heldout" else f"phi.{kind}",
            )
        if rng.random() < 0.2:
            keys.append("closer")
        return keys

    def _patient_message(self, conv: str, turn: int, when: dt.datetime, state: int) -> _Said:
        """Write one patient message at a risk level drawn for the week's risk state."""
        rng, tp, bank, persona = self.rng, self.tp, conversation_bank(), self.persona
        level = int(rng.choices(range(4), weights=MESSAGE_RISK_GIVEN_STATE[state])[0])
        register = (
            self.home
            if rng.random() < 0.75
            else rng.choices(bank.registers, weights=bank.register_p)[0]
        )
        topic = rng.choice(self.topics) if rng.random() < 0.8 else rng.choice(bank.topics)
        relation = rng.choice(list(persona.relatives))

        def phi(marker: str) -> tuple[str, language.Entity]:
            return identifiers.phi_value(marker, persona, relation, rng)

        ctx = self._context(level, topic, relation, phi)
        indirect = level > 0 and rng.random() < tp.indirect_risk_share[register]
        core = f"risk.{RISK_LEVELS[level]}" + (
            "_indirect"
            if indirect
            else ("_hard_negative" if level == 0 and rng.random() < 0.2 else "")
        )
        core_idx = self.grammar.pick(core, self.split, rng)
        segs: list[language.Segment] = []
        for key in self._message_keys(level, register, topic, core):
            part = self.grammar.expand(
                key, self.split, rng, ctx, phi, index=core_idx if key == core else None
            )
            if segs:
                segs.append((rng.choice([" ", " ", " ", "\n", " - "]), None))
            segs.extend(part)
        segs = language.apply_register(language.tidy(segs), register, rng, tp.typo_rate)
        msg_id = self._next_id()
        self.out.add(
            Message(
                msg_id,
                conv,
                self.patient.pid,
                2 * turn,
                when,
                "patient",
                segs,
                register,
                self.split,
                f"{core}#{core_idx}",
                topic,
                indirect,
            )
        )
        self.out.risk["message_id"].append(msg_id)
        self.out.risk["risk_level"].append(RISK_LEVELS[level])
        return _Said(msg_id, level, topic, ctx, phi)

    def _reply(self, conv: str, turn: int, when: dt.datetime, said: _Said) -> dt.datetime:
        """Write the assistant's reply at drawn EPITOME levels; returns its time."""
        rng = self.rng
        er, ip, ex = _levels(rng)
        keys = _reply_keys(rng, self.tp, said.level, er, ip, ex)
        reply = language.tidy(_compose(self.grammar, keys, self.split, rng, said.ctx, said.phi))
        reply_id = self._next_id()
        when += dt.timedelta(seconds=rng.randint(2, 40))
        self.out.add(
            Message(
                reply_id,
                conv,
                self.patient.pid,
                2 * turn + 1,
                when,
                "assistant",
                reply,
                "standard",
                self.split,
                "|".join(keys),
                said.topic,
                False,
            )
        )
        self.out.empathy["message_id"].append(reply_id)
        self.out.empathy["seeker_message_id"].append(said.message_id)
        for mech, lvl in zip(EMPATHY_MECHANISMS, (er, ip, ex), strict=True):
            self.out.empathy[mech].append(lvl)
        return when


def transcripts_for_patient(patient: TextPatient, settings: TextSettings, out: TextOut) -> None:
    """Append one AI-hybrid patient's conversations, labels, gold spans and metadata."""
    _PatientWriter(patient, settings, out).write()


def text_chunk(
    sp: SynthesizeParams,
    seed: int,
    enrolment: Enrolment,
    course: Course,
    grammar: language.Grammar,
    clinicians: list[list[identifiers.Person]],
) -> Chunk:
    """Transcripts and labels for the AI-hybrid patients of one chunk."""
    out = TextOut.empty()
    settings = TextSettings(grammar, sp.transcripts, seed)
    e, c = enrolment, course
    for k in np.nonzero(e.hybrid)[0]:
        patient = TextPatient(
            pid=str(e.ids[k]),
            index=int(e.index[k]),
            enrol=e.enrol[k].astype(dt.date),
            last_week=int(c.last_week[k]),
            state=c.state[k],
            engage=float(c.engage[k]),
            age=int(e.age[k]),
            race=str(e.race[k]),
            lang=str(e.lang[k]),
            rural=bool(e.rural[k]),
            clinicians=clinicians[int(e.site[k])],
        )
        transcripts_for_patient(patient, settings, out)
    return Chunk(
        {
            "transcripts": out.transcripts,
            "risk_labels": out.risk,
            "empathy_labels": out.empathy,
            "phi_spans": out.spans,
            "message_meta": out.meta,
        }
    )
