"""ESConv (Liu et al., ACL 2021): emotional-support chats as JSON, a list of conversations with
`dialog` turns (`speaker`: the person seeking support; `listener`: the supporter), plus
`emotion_type`, `problem_type` and `situation`."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from pipelines.corpus.common import CorpusError, require_file

SPEAKERS = {"speaker": "seeker", "listener": "supporter"}


def _turns(path: Path, conversations: list) -> list[tuple]:
    rows = []
    for c, conv in enumerate(conversations):
        dialog = conv.get("dialog") if isinstance(conv, dict) else None
        if not isinstance(dialog, list):
            raise CorpusError(f"{path}: conversation {c}: no 'dialog' list")
        for t, turn in enumerate(dialog):
            who = turn.get("speaker") if isinstance(turn, dict) else None
            text = turn.get("content") if isinstance(turn, dict) else None
            if who not in SPEAKERS or not isinstance(text, str):
                raise CorpusError(
                    f"{path}: conversation {c}, turn {t}: needs 'speaker' "
                    f"({' or '.join(SPEAKERS)}) and text 'content'"
                )
            rows.append(
                (f"esconv:{c}", t, SPEAKERS[who], text, str(conv.get("problem_type") or ""))
            )
    return rows


def read_esconv(folder: Path) -> pl.DataFrame:
    """One row per turn: conversation_id, turn, speaker (seeker or supporter), text and the
    conversation's problem_type. Unlabelled for risk: ordinary support-seeking chat."""
    path = require_file(folder, "*.json", "esconv")
    try:
        conversations = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise CorpusError(f"{path}: not UTF-8 JSON ({type(err).__name__})") from None
    if not isinstance(conversations, list):
        raise CorpusError(f"{path}: expected a list of conversations")
    schema = {
        "conversation_id": pl.String,
        "turn": pl.Int64,
        "speaker": pl.String,
        "text": pl.String,
        "problem_type": pl.String,
    }
    return pl.DataFrame(_turns(path, conversations), schema=schema, orient="row")
