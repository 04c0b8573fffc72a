"""De-identification on chat written apart from the recognizers: recurrences of a found name,
lower-case names in self-introductions, romanized and word names, cities and institutions
by gazetteer and context, clinical words kept; and the outside evaluation sets' reader."""

from __future__ import annotations

import json

import polars as pl
import pytest

from evaluation.chat_sets import ChatSetError, kept_share, load_chat_sets, read_writer
from pipelines.deid.engine import build_analyzer, deidentify_frame


@pytest.fixture(scope="module")
def engine(params):
    return build_analyzer(components=params.deidentify.spacy_components)


def clean(engine, params, *texts: str, group: bool = True) -> list[str]:
    """The texts de-identified as one patient's messages (or as separate records)."""
    frame = pl.DataFrame(
        {"id": [str(i) for i in range(len(texts))], "patient_id": ["p"] * len(texts)}
    ).with_columns(pl.Series("text", list(texts)))
    out = deidentify_frame(
        frame,
        params.deidentify,
        source="test",
        group_column="patient_id" if group else None,
        engine=engine,
    )
    return out.frame["text"].to_list()


@pytest.mark.parametrize(
    "texts, gone",
    [
        # a found full name goes in every later form: first name alone, lower case, possessive
        (("my friend Chidi Okafor came by", "yeah chidi here", "at CHIDI's place"), "chidi"),
        # within one record too, with no patient column
        (("Dr. Nakamura-Reyes said nakamura-reyes would call",), "nakamura"),
        (("my sister Mei-Ling called. meiling is fine, mei ling says hi",), "ling"),
        (("Mei-Ling Zhou called me. then ling texted",), "ling"),
        (("my friend Chidi Okafor came by. yeah chidi okafor here",), "chidi"),
    ],
)
def test_a_found_name_goes_in_every_form(engine, params, texts, gone):
    out = clean(engine, params, *texts, group=len(texts) > 1)
    assert all(gone not in t.lower() for t in out), out


def test_a_self_introduction_keeps_the_words_after_the_name(engine, params):
    (out,) = clean(engine, params, "hey its mei-ling again, in lagos now")
    assert out == "hey its <PERSON> again, in <CITY> now"


def test_a_title_is_not_taken_for_part_of_the_name(engine, params):
    (out,) = clean(engine, params, "my boss, Mr. Oyelaran-Smith, yelled")
    assert out == "my boss, Mr. <PERSON>, yelled"


@pytest.mark.parametrize(
    "text, name",
    [
        ("hey its xiomara again", "xiomara"),
        ("yo its bao. cant sleep", "bao"),
        ("quang le here, army vet", "quang le"),
        ("ok so this is katya, yekaterina volkova on the portal", "yekaterina volkova"),
        ("hey its summer again", "summer"),
        ("hi this is hope", "hope"),
        ("my roommate min-seo is nice", "min-seo"),
        ("my tito Boy is with her now", "Boy"),
        ("ms. ebony grant every other week", "ebony grant"),
        ("Thanks. -- R.E. Tillery", "R.E. Tillery"),
        ("ok when i take it. ANYA PETROVA out", "ANYA PETROVA"),
        ("my cousin in lagos, funmi, just had a baby", "funmi"),
        ("sleeping in harolds recliner", "harold"),
    ],
)
def test_names_in_chat_registers(engine, params, text, name):
    (out,) = clean(engine, params, text)
    assert name.lower() not in out.lower(), out


@pytest.mark.parametrize(
    "text, place",
    [
        ("went back to dayton last week", "dayton"),
        ("my mother in kharkiv is scared", "kharkiv"),
        ("run away to my dads in boise", "boise"),
        ("my dads in HO CHI MINH CITY now", "HO CHI MINH"),
        ("i drive for northstar transport out of laredo", "laredo"),
        ("i dropped out of sinclair last year", "sinclair"),
        ("everyone at north ridge high saw it", "north ridge"),
        ("my job at ridgeline construction ended", "ridgeline"),
        ("she studies at depaul, she is smart", "depaul"),
        ("I work nights at Mercy Hospital of Bellwood on the unit", "Bellwood"),
        ("my coworker at Kessler Auto Body said so", "Kessler"),
    ],
)
def test_places_and_institutions(engine, params, text, place):
    (out,) = clean(engine, params, text)
    assert place.lower() not in out.lower(), out


@pytest.mark.parametrize(
    "text, kept",
    [
        ("my PHQ-9 was 14 and GAD-7 was 9", ["PHQ-9", "GAD-7"]),
        ("grandpa has Alzheimer's and Parkinson's", ["Alzheimer", "Parkinson"]),
        ("took a Tylenol PM and melatonin", ["Tylenol", "melatonin"]),
        ("dialysis is on thurs, still homesick", ["dialysis", "thurs", "homesick"]),
        ("slept 3-4 hrs, had 5-6 beers", ["3-4", "5-6"]),
        ("from reading the book in bed", ["reading", "bed"]),
        ("press 2 for Spanish. Who can you call tonight", ["Spanish", "Who", "tonight"]),
        ("in September I felt useless", ["September", "I felt"]),
        ("she is at the kidney center, in the kitchen", ["kidney center", "kitchen"]),
    ],
)
def test_clinical_and_everyday_words_are_kept(engine, params, text, kept):
    (out,) = clean(engine, params, text)
    assert all(k in out for k in kept), out


def _write(path, convs):
    path.write_text("".join(json.dumps(c) + "\n" for c in convs))


def _conv(text, idents, keep=()):
    return {"id": "x-1", "turns": [{"text": text, "identifiers": idents, "keep": list(keep)}]}


def test_chat_sets_read_gold_and_keep_spans(tmp_path):
    name = {"text": "Ana", "type": "PERSON", "origin": "hispanic_latino"}
    _write(tmp_path / "w.jsonl", [_conv("Ana said Ana's mom and anas dog", [name], ["dog"])])
    (tmp_path / "sets.yaml").write_text("dev: [w]\n")
    (s,) = load_chat_sets(tmp_path)
    assert s.name == "dev" and s.writers == ("w",)
    assert [(g.start, g.end, g.origin) for g in s.gold["x-1/1"]] == [
        (0, 3, "hispanic_latino"),
        (9, 12, "hispanic_latino"),
    ]
    assert s.keep["x-1/1"] == [(28, 31)]
    assert kept_share(s.texts, {"x-1/1": []}, s.keep)["share"] == 1.0


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "not JSON"),
        (
            json.dumps(_conv("hi there", [{"text": "Bo", "type": "PERSON", "origin": "x"}])),
            "origin",
        ),
        (json.dumps(_conv("hi there", [{"text": "Bo", "type": "NAME"}])), "unknown type"),
        (json.dumps(_conv("hi there", [{"text": "Bo", "type": "CITY"}])), "does not occur"),
        (json.dumps(_conv("hi there", [], ["sertraline"])), "keep term 1"),
    ],
)
def test_chat_set_errors_name_file_line_and_turn(tmp_path, line, message):
    path = tmp_path / "w.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(ChatSetError, match=message) as err:
        from evaluation.chat_sets import ChatSet

        read_writer(path, ChatSet("dev", ("w",)))
    assert "w.jsonl:1" in str(err.value) and "hi there" not in str(err.value)


def test_sets_file_must_name_existing_writers(tmp_path):
    (tmp_path / "sets.yaml").write_text("dev: [missing]\n")
    with pytest.raises(ChatSetError, match=r"missing\.jsonl, not found"):
        load_chat_sets(tmp_path)


def test_repository_sets_load(params):
    sets = {s.name: s for s in load_chat_sets(params.deidentify.outside_sets)}
    assert set(sets) == {"development", "heldout"}
    assert all(sum(len(g) for g in s.gold.values()) > 1000 for s in sets.values())


def _stage_run(params, folder, gate):
    import logging
    from types import SimpleNamespace

    deid = params.deidentify.model_copy(update={"outside_sets": folder, "outside_gate": gate})
    return SimpleNamespace(
        params=params.model_copy(update={"deidentify": deid}),
        log=logging.getLogger("test"),
    )


def test_stage_reports_outside_sets_and_gates_the_named_ones(tmp_path, engine, params):
    from pipelines.deidentify import _outside_report

    convs = [
        _conv(
            "call me on 555-201-3344 or write to a.okafor@example.org",
            [
                {"text": "555-201-3344", "type": "PHONE_NUMBER"},
                {"text": "a.okafor@example.org", "type": "EMAIL_ADDRESS"},
            ],
            ["call me"],
        ),
        {
            "id": "x-2",
            "turns": [
                {
                    "text": "the code word is table",
                    "identifiers": [{"text": "table", "type": "ACCOUNT_NUMBER"}],
                }
            ],
        },
    ]
    _write(tmp_path / "w.jsonl", convs)
    (tmp_path / "sets.yaml").write_text("dev: [w]\n")
    report, failures = _outside_report(_stage_run(params, tmp_path, ()), engine)
    assert report["dev"]["writers"] == ["w"] and report["dev"]["keep"]["share"] == 1.0
    assert report["dev"]["per_type"]["PHONE_NUMBER"]["span_recall"] == 1.0
    assert report["dev"]["per_type"]["ACCOUNT_NUMBER"]["span_recall"] == 0.0
    assert failures == []
    _, failures = _outside_report(_stage_run(params, tmp_path, ("dev",)), engine)
    assert len(failures) == 1 and failures[0].startswith("dev set: ACCOUNT_NUMBER: recall 0.0000")


def test_stage_refuses_a_gate_on_an_unknown_set(tmp_path, engine, params):
    from pipelines.deid.errors import DeidError
    from pipelines.deidentify import _outside_report

    _write(tmp_path / "w.jsonl", [_conv("hi there", [])])
    (tmp_path / "sets.yaml").write_text("dev: [w]\n")
    with pytest.raises(DeidError, match="outside_gate names sets not in"):
        _outside_report(_stage_run(params, tmp_path, ("heldout",)), engine)
