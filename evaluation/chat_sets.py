"""Outside evaluation sets for de-identification: fictional chats written by separate writers
who never saw the recognizers (`evaluation/deid_chats/`, described in its README).

Each `<writer>.jsonl` line is one conversation: `{"id", "turns": [{"speaker", "text",
"identifiers": [{"text", "type", "origin"?}], "keep": [str]}]}`. Every occurrence of an
identifier's text in its turn (as a whole word) is a gold span; every occurrence of a `keep`
string is a clinical or temporal term that must survive. `sets.yaml` says which writers'
files were used while developing the recognizers and which are held out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from evaluation.deid import GoldSpan
from pipelines.core.banks import BankError, read_yaml
from pipelines.core.vocab import IDENTIFIER_TYPES

NAME_ORIGINS = (
    "anglo",
    "african_american",
    "west_african",
    "hispanic_latino",
    "east_asian",
    "south_asian",
    "vietnamese_filipino",
    "arabic",
    "slavic",
    "word_names",
)
SETS_FILE = "sets.yaml"


class ChatSetError(ValueError):
    """A chat set file that cannot be read as written (names the file, line and turn)."""


@dataclass
class ChatSet:
    """One evaluation set: messages (a conversation is one group, as a patient is), their
    gold identifier spans and the spans of terms that must be kept."""

    name: str
    writers: tuple[str, ...]
    texts: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    gold: dict[str, list[GoldSpan]] = field(default_factory=dict)
    keep: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    writer_of: dict[str, str] = field(default_factory=dict)


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of `value` in `text` (case as written); failing that,
    every occurrence at the start of a word (a possessive typed without its apostrophe,
    "mercys", is labelled "mercy")."""
    start = r"(?<![\p{L}\p{N}])" + regex.escape(value)
    spans = [m.span() for m in regex.finditer(start + r"(?![\p{L}\p{N}])", text)]
    return spans or [m.span() for m in regex.finditer(start, text)]


TITLE = regex.compile(
    r"(?i)(?:dr|mr|mrs|ms|miss|mx|prof|professor|doctor|pastor|rev|reverend|father|sister|"
    r"nurse|coach|judge|officer)\.?\s+"
)


def _without_title(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span without a leading title: "Dr." of "Dr. Feldman" identifies no one, and
    writers differed on whether to label it."""
    m = TITLE.match(text, start, end)
    return (m.end(), end) if m and m.end() < end else (start, end)


def _turn(where: str, turn: Any) -> tuple[str, list[GoldSpan], list[tuple[int, int]]]:
    """One turn's text, gold spans and kept-term spans, checked."""
    if not isinstance(turn, dict) or not isinstance(turn.get("text"), str):
        raise ChatSetError(f"{where}: a turn needs a 'text' string")
    text = turn["text"]
    gold: list[GoldSpan] = []
    for k, ident in enumerate(turn.get("identifiers") or [], start=1):
        value, etype = ident.get("text"), ident.get("type")
        if etype not in IDENTIFIER_TYPES:
            raise ChatSetError(f"{where}, identifier {k}: unknown type {etype!r}")
        origin = ident.get("origin")
        if etype == "PERSON" and origin not in NAME_ORIGINS:
            raise ChatSetError(f"{where}, identifier {k}: unknown name origin {origin!r}")
        spans = _occurrences(text, value) if isinstance(value, str) and value else []
        if not spans:
            raise ChatSetError(f"{where}, identifier {k}: its text does not occur in the turn")
        if etype == "PERSON":
            spans = [_without_title(text, s, e) for s, e in spans]
        gold += [GoldSpan(s, e, etype, origin if etype == "PERSON" else None) for s, e in spans]
    keep: list[tuple[int, int]] = []
    for k, term in enumerate(turn.get("keep") or [], start=1):
        spans = _occurrences(text, term) if isinstance(term, str) and term else []
        if not spans:
            raise ChatSetError(f"{where}, keep term {k}: it does not occur in the turn")
        keep += spans
    return text, gold, keep


def read_writer(path: Path, into: ChatSet) -> None:
    """Add one writer's conversations to `into`; message ids are `<conversation>/<turn>`."""
    writer = path.stem
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            conv = json.loads(line)
        except json.JSONDecodeError as err:
            raise ChatSetError(f"{path}:{line_no}: not JSON ({err.msg})") from None
        cid = conv.get("id") if isinstance(conv, dict) else None
        if not isinstance(cid, str) or not isinstance(conv.get("turns"), list):
            raise ChatSetError(f"{path}:{line_no}: a conversation needs an 'id' and 'turns'")
        for t, turn in enumerate(conv["turns"], start=1):
            mid = f"{cid}/{t}"
            if mid in into.texts:
                raise ChatSetError(f"{path}:{line_no}: conversation id {cid!r} is used twice")
            text, gold, keep = _turn(f"{path}:{line_no}, turn {t}", turn)
            into.texts[mid], into.groups[mid], into.writer_of[mid] = text, cid, writer
            into.gold[mid], into.keep[mid] = gold, keep


def load_chat_sets(folder: Path) -> list[ChatSet]:
    """The sets named in `folder/sets.yaml` (set name -> writers), each from its writers'
    files, in the order written there."""
    folder = Path(folder)
    try:
        spec = read_yaml(folder / SETS_FILE)
    except BankError as err:
        raise ChatSetError(str(err)) from None  # it names the file and what is wrong
    if not isinstance(spec, dict) or not spec:
        raise ChatSetError(f"{folder / SETS_FILE}: expected set names mapped to writer lists")
    sets = []
    for name, writers in spec.items():
        if not isinstance(writers, list) or not writers:
            raise ChatSetError(f"{folder / SETS_FILE}: '{name}' must list writers")
        chat_set = ChatSet(str(name), tuple(str(w) for w in writers))
        for writer in chat_set.writers:
            path = folder / f"{writer}.jsonl"
            if not path.is_file():
                raise ChatSetError(f"{folder / SETS_FILE}: '{name}' names {path}, not found")
            read_writer(path, chat_set)
        sets.append(chat_set)
    return sets


def kept_share(texts: dict[str, str], pred: dict[str, Any], keep: dict) -> dict[str, Any]:
    """Share of the listed clinical/temporal terms that no predicted span touches."""
    total = kept = 0
    for mid, spans in keep.items():
        found = pred.get(mid, [])
        for start, end in spans:
            total += 1
            kept += not any(p.start < end and start < p.end for p in found)
    return {"terms": total, "kept": kept, "share": kept / total if total else 1.0}
