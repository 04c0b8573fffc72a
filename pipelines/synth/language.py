"""Compose chat messages from the phrase grammar, in five registers, with exact identifier spans.

A message is built as a list of segments `(text, entity)`: literal text, or one identifier
with its type (and name origin). Register transforms, casing, punctuation and typos change
literal segments only (identifiers change case at most), so gold spans stay exact.

Every grammar key's alternatives are split, once and deterministically, into `seen`,
`validation` and `heldout` pools; patients on the held-out side are written only from
held-out alternatives wherever a key has enough of them, so the test split measures
generalisation to phrasings a model never saw. Validation patients are written from a third
pool, seen by neither training nor test, so that early stopping, calibration and the alert
threshold are chosen on new wordings too (not on the training phrasings, where a model is far
more confident than on anything new).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from pipelines.core.banks import BankError, at, check_labels
from pipelines.synth import banks

SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")
CONTEXT_VARS = ("feeling", "topic_noun", "topic_sentence", "relation")
MIN_ALTERNATIVES_TO_SPLIT = 4


@dataclass(frozen=True)
class Entity:
    """An identifier inside a message: its Safe Harbor type and, for names, origin group."""

    type: str
    origin: str | None = None


Segment = tuple[str, Entity | None]
PhiProvider = Callable[[str], tuple[str, Entity]]


SPLITS = ("seen", "validation", "heldout")


def _unit(key: str, alternative: str) -> float:
    digest = hashlib.blake2b(f"{key}\x00{alternative}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


class Grammar:
    """Expands grammar keys into segments, drawing from one side of the phrasing split."""

    def __init__(
        self,
        grammar: Mapping[str, tuple[str, ...]],
        heldout_share: float,
        unsplit: tuple[str, ...] = (),
        validation_share: float = 0.0,
    ) -> None:
        """`unsplit`: key prefixes whose alternatives every side may use (banks that are
        already separate, like the identifier carriers written only for the test side).

        An alternative is held out when a hash of (key, text) falls below `heldout_share`, and
        reserved for validation when it falls in the next `validation_share`; so the held-out
        pools do not depend on `validation_share`. A key too small to split shares its
        alternatives between the sides that cannot each have some."""
        self.grammar = grammar
        self.pools: dict[tuple[str, str], tuple[int, ...]] = {}
        for key, alts in grammar.items():
            everything = tuple(range(len(alts)))
            u = [_unit(key, a) for a in alts]
            held = tuple(i for i in everything if u[i] < heldout_share)
            rest = tuple(i for i in everything if i not in set(held))
            small = key.startswith(unsplit) or len(alts) < MIN_ALTERNATIVES_TO_SPLIT
            if small or not (held and rest):
                held = rest = everything
            val = tuple(i for i in rest if u[i] < heldout_share + validation_share)
            seen = tuple(i for i in rest if i not in set(val))
            if small or not (val and seen) or len(rest) < MIN_ALTERNATIVES_TO_SPLIT:
                val = seen = rest
            self.pools[(key, "seen")] = seen
            self.pools[(key, "validation")] = val
            self.pools[(key, "heldout")] = held

    def is_split(self, key: str, other: str = "heldout") -> bool:
        """Whether the key's alternatives are divided between `seen` and the `other` side."""
        return set(self.pools[(key, "seen")]).isdisjoint(self.pools[(key, other)])

    def pick(self, key: str, split: str, rng: random.Random) -> int:
        """Index of one alternative of `key` from the given side."""
        return rng.choice(self.pools[(key, split)])

    def expand(
        self,
        key: str,
        split: str,
        rng: random.Random,
        ctx: Mapping[str, list[Segment]],
        phi: PhiProvider,
        index: int | None = None,
        depth: int = 0,
    ) -> list[Segment]:
        """Expand one key into segments; `index` forces a particular alternative."""
        if depth > 8:
            raise RecursionError(f"grammar key {key!r} nests too deeply")
        alt = self.grammar[key][self.pick(key, split, rng) if index is None else index]
        out: list[Segment] = []
        pos = 0
        for m in SLOT.finditer(alt):
            if m.start() > pos:
                out.append((alt[pos : m.start()], None))
            name = m.group(1)
            if name in ctx:
                out.extend(ctx[name])
            elif name.isupper():
                out.append(phi(name))
            else:
                out.extend(self.expand(name, split, rng, ctx, phi, depth=depth + 1))
            pos = m.end()
        if pos < len(alt):
            out.append((alt[pos:], None))
        return out


# ----------------------------------------------------------------------------- registers

# Probability that a register applies each of its rules (`banks/registers.yaml`) to a text.
_APPLY_P = {"texting": 0.7, "older_formal": 0.9, "non_native": 0.5, "dialectal": 0.6}
_GROUP_REF = re.compile(r"\\(\d+)")


@cache
def register_rules() -> dict[str, list[tuple[re.Pattern[str], tuple[str, ...]]]]:
    """Each non-standard register's rewrite rules (`banks/registers.yaml`), compiled, in order."""
    rules = {register: _compiled_rules(register) for register in _APPLY_P}
    check_labels(banks.load("registers"), _APPLY_P, "registers.yaml")
    return rules


def _compiled_rules(register: str) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    rules = []
    for pattern, replacements in banks.word_lists("registers", register).items():
        where = at(at("registers.yaml", register), pattern)
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise BankError(f"word bank {where}: not a regular expression ({err})") from None
        groups = [int(g) for r in replacements for g in _GROUP_REF.findall(r)]
        if any(g > compiled.groups for g in groups):
            raise BankError(f"word bank {where}: a replacement refers to a missing group")
        rules.append((compiled, replacements))
    return rules


_ARTICLE = re.compile(r"\b(the|a|an) ", re.IGNORECASE)
_KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"
_TYPO_RATE_FACTOR = {
    "standard": 0.3,
    "texting": 1.5,
    "older_formal": 0.2,
    "non_native": 0.8,
    "dialectal": 1.2,
}


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:
        return word[:i] + word[i + 1 :]
    if op == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(_KEYBOARD) + word[i + 1 :]


def _transform_literal(text: str, register: str, rng: random.Random, typo_rate: float) -> str:
    for pattern, reps in register_rules().get(register, ()):
        if rng.random() < _APPLY_P[register]:
            text = pattern.sub(lambda m, reps=reps: m.expand(rng.choice(reps)), text)
    if register == "non_native":
        text = _ARTICLE.sub(lambda m: "" if rng.random() < 0.45 else m.group(0), text)
    rate = typo_rate * _TYPO_RATE_FACTOR[register]
    if rate > 0:
        text = re.sub(
            r"[A-Za-z]+",
            lambda m: _typo(m.group(0), rng) if rng.random() < rate else m.group(0),
            text,
        )
    return text


def apply_register(
    segments: list[Segment], register: str, rng: random.Random, typo_rate: float
) -> list[Segment]:
    """Rewrite literal text in a register, then vary casing and punctuation."""
    out = [(t if e else _transform_literal(t, register, rng, typo_rate), e) for t, e in segments]
    lower_p = {
        "texting": 0.8,
        "dialectal": 0.35,
        "standard": 0.12,
        "non_native": 0.15,
        "older_formal": 0.0,
    }[register]
    if rng.random() < lower_p:
        out = [(t.lower(), e) for t, e in out]
        if rng.random() < 0.6:
            last_t, last_e = out[-1]
            if last_e is None:
                out[-1] = (last_t.rstrip(".").rstrip(), None)
    elif register == "texting" and rng.random() < 0.1:
        out = [(t.upper() if e is None else t, e) for t, e in out]
    if register in ("texting", "dialectal") and rng.random() < 0.25:
        last_t, last_e = out[-1]
        if last_e is None:
            out[-1] = (
                last_t.rstrip(".!?")
                + rng.choice(["...", "!!", " lol", " tbh", "..", " ngl", " smh", "?!"]),
                None,
            )
    if register == "older_formal" and out[0][1] is None and out[0][0][:1].islower():
        out[0] = (out[0][0][:1].upper() + out[0][0][1:], None)
    return out


def join(segments: list[Segment]) -> tuple[str, list[tuple[int, int, Entity]]]:
    """Concatenate segments into text and the exact (start, end, entity) spans."""
    text_parts: list[str] = []
    spans: list[tuple[int, int, Entity]] = []
    pos = 0
    for text, entity in segments:
        if entity is not None:
            spans.append((pos, pos + len(text), entity))
        text_parts.append(text)
        pos += len(text)
    return "".join(text_parts), spans


def tidy(segments: list[Segment]) -> list[Segment]:
    """Collapse doubled spaces at literal boundaries without moving identifiers."""
    out: list[Segment] = []
    for text, entity in segments:
        if entity is None:
            text = re.sub(r"[ \t]{2,}", " ", text)
            if out and out[-1][0].endswith(" ") and text.startswith(" "):
                text = text[1:]
            if not text:
                continue
        out.append((text, entity))
    while out and out[0][1] is None and out[0][0].startswith(" "):
        out[0] = (out[0][0].lstrip(), None)
        if not out[0][0]:
            out.pop(0)
    return out
