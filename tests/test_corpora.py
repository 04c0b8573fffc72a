"""Corpus adapters on small records written here in each corpus's published format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl
import pytest

from pipelines.core.params import CorporaParams
from pipelines.corpus.common import CorpusError
from pipelines.corpus.cssrs import parse_posts, read_cssrs
from pipelines.corpus.epitome import FILES, read_epitome
from pipelines.corpus.esconv import read_esconv
from pipelines.corpus.prepare import read_corpora, texts_of, with_clean_text, with_splits

HEADER = ["sp_id", "rp_id", "seeker_post", "response_post", "level", "rationales"]


def write_epitome(folder: Path, rows: dict[str, list[tuple]]) -> Path:
    """One CSV per mechanism; rows are (sp_id, rp_id, seeker, response, level)."""
    folder.mkdir(parents=True, exist_ok=True)
    for mechanism, name in FILES.items():
        with (folder / name).open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(HEADER)
            for sp, rp, seeker, response, level in rows[mechanism]:
                w.writerow([sp, rp, seeker, response, level, ""])
    return folder


def _pairs(levels: tuple[int, int, int]) -> dict[str, list[tuple]]:
    base = [
        ("s1", "r1", "I can't sleep, everything is falling apart", "That sounds exhausting."),
        ("s1", "r2", "I can't sleep, everything is falling apart", "What keeps you up?"),
        ("s2", "r3", "Lost my job today", "I lost mine last year, it gets better."),
    ]
    return {m: [(*b, lv) for b in base] for m, lv in zip(FILES, levels, strict=True)}


def test_epitome_joins_the_three_mechanisms_per_pair(tmp_path):
    df = read_epitome(write_epitome(tmp_path / "e", _pairs((1, 2, 0))))
    assert df.columns == [
        "pair_id", "group_id", "seeker", "response",
        "emotional_reactions", "interpretations", "explorations",
    ]  # fmt: skip
    assert df.height == 3
    assert df["group_id"].to_list() == ["epitome:s1", "epitome:s1", "epitome:s2"]
    assert df.row(0, named=True)["emotional_reactions"] == 1
    assert df.row(0, named=True)["interpretations"] == 2


def test_epitome_repeated_pairs_count_once_and_conflicting_ones_are_left_out(tmp_path):
    rows = _pairs((1, 1, 1))
    rows["emotional_reactions"].append(rows["emotional_reactions"][0])  # exact repeat
    conflict = (*rows["interpretations"][2][:4], 0)  # r3 rated 1 and 0
    rows["interpretations"].append(conflict)
    df = read_epitome(write_epitome(tmp_path / "e", rows))
    assert sorted(df["pair_id"]) == ["epitome:s1:r1", "epitome:s1:r2"]


def test_epitome_bad_level_names_file_row_and_column(tmp_path):
    rows = _pairs((1, 1, 1))
    rows["explorations"][1] = (*rows["explorations"][1][:4], 3)
    with pytest.raises(CorpusError, match=r"explorations-reddit.csv: row 2, column 'level'"):
        read_epitome(write_epitome(tmp_path / "e", rows))


def test_epitome_missing_file_is_named(tmp_path):
    folder = write_epitome(tmp_path / "e", _pairs((0, 0, 0)))
    (folder / FILES["interpretations"]).unlink()
    with pytest.raises(CorpusError, match=r"interpretations-reddit\.csv not found"):
        read_epitome(folder)


@pytest.mark.parametrize(
    ("cell", "posts"),
    [
        ("['first post', 'second post']", ["first post", "second post"]),
        ('["it\'s a quote", "and another"]', ["it's a quote", "and another"]),
        # a stray quote breaks the literal: split on the separators instead
        ("['he said 'no' to me', 'next one']", ["he said 'no' to me", "next one"]),
        # cut off at a spreadsheet's cell limit: no closing bracket
        ("['one whole post', 'a post cut o", ["one whole post", "a post cut o"]),
        ("not a list", None),
    ],
)
def test_cssrs_posts_parse_even_when_quotes_break_the_literal(cell, posts):
    assert parse_posts(cell) == posts


def write_cssrs(folder: Path, rows: list[tuple[str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "users.dev.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["User", "Post", "Label"])
        w.writerows(rows)
    return folder


def test_cssrs_users_get_carebridge_levels_and_posts_one_row_each(tmp_path):
    folder = write_cssrs(
        tmp_path / "c",
        [
            ("user-0", "['hang in there, you are not alone']", "Supportive"),
            ("user-1", "['I want to die', 'I bought a rope']", "Behavior"),
            ("user-2", "['no point anymore']", "Ideation"),
        ],
    )
    users, posts = read_cssrs(folder)
    assert users["level"].to_list() == ["none", "high", "moderate"]
    assert posts.filter(pl.col("user_id") == "cssrs:user-1")["post_index"].to_list() == [0, 1]


def test_cssrs_unknown_label_is_a_clear_error(tmp_path):
    folder = write_cssrs(tmp_path / "c", [("user-0", "['x']", "Severe")])
    with pytest.raises(CorpusError, match=r"row 1, column 'Label'"):
        read_cssrs(folder)


def write_esconv(folder: Path, dialogs: list[list[tuple[str, str]]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    convs = [
        {
            "emotion_type": "anxiety",
            "problem_type": "job crisis",
            "situation": "work stress",
            "dialog": [{"speaker": s, "content": c, "annotation": {}} for s, c in d],
        }
        for d in dialogs
    ]
    (folder / "chats.dev.json").write_text(json.dumps(convs), encoding="utf-8")
    return folder


def test_esconv_turns_keep_order_and_name_the_seeker(tmp_path):
    folder = write_esconv(
        tmp_path / "s",
        [[("speaker", "hey there"), ("listener", "Hi! How are you?"), ("speaker", "ok")]],
    )
    turns = read_esconv(folder)
    assert turns["speaker"].to_list() == ["seeker", "supporter", "seeker"]
    assert turns["turn"].to_list() == [0, 1, 2]
    assert turns["conversation_id"].unique().to_list() == ["esconv:0"]


def test_esconv_turn_without_speaker_is_named(tmp_path):
    folder = write_esconv(tmp_path / "s", [[("speaker", "hi"), ("bot", "hello")]])
    with pytest.raises(CorpusError, match="conversation 0, turn 1"):
        read_esconv(folder)


def test_every_text_is_de_identified_and_groups_never_straddle_splits(tmp_path):
    users = [(f"user-{i}", "['a', 'b']", "Ideation") for i in range(40)]
    cp = CorporaParams(
        epitome=write_epitome(tmp_path / "e", _pairs((1, 1, 0))),
        cssrs=write_cssrs(tmp_path / "c", users),
        esconv=write_esconv(tmp_path / "s", [[("speaker", "hi"), ("listener", "hello")]] * 30),
        test_share=0.3,
        validation_share=0.2,
    )
    tables = read_corpora(cp)
    texts = texts_of(tables)
    assert texts["text_id"].is_unique().all()
    clean = texts.with_columns(pl.lit("<CLEAN>").alias("text"))
    out = with_splits(with_clean_text(tables, clean), cp, seed=7)
    assert set(out["epitome"]["seeker"]) == {"<CLEAN>"}
    assert set(out["epitome"]["response"]) == {"<CLEAN>"}
    assert set(out["cssrs_posts"]["text"]) == {"<CLEAN>"}
    assert set(out["esconv"]["text"]) == {"<CLEAN>"}
    groups = {"epitome": "group_id", "cssrs_posts": "user_id", "esconv": "conversation_id"}
    for name, group in groups.items():
        per_group = out[name].group_by(group).agg(pl.col("split").n_unique())
        assert per_group["split"].max() == 1, name
    users = out["cssrs_users"].join(out["cssrs_posts"], on="user_id", suffix="_post")
    assert (users["split"] == users["split_post"]).all()
    assert set(out["cssrs_users"]["split"]) == {"train", "validation", "test"}


def test_a_text_that_could_not_be_de_identified_is_dropped_not_kept_raw(tmp_path):
    cp = CorporaParams(
        esconv=write_esconv(tmp_path / "s", [[("speaker", "my name is Ana"), ("listener", "hi")]]),
        test_share=0.2,
        validation_share=0.2,
    )
    tables = read_corpora(cp)
    clean = texts_of(tables).filter(pl.col("text_id") == "esconv:0:1")  # turn 0 quarantined
    out = with_clean_text(tables, clean)
    assert out["esconv"]["text"].to_list() == ["hi"]
