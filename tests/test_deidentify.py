"""De-identification of records with the real Presidio engine (built once for the module):
order and pass-through, chat-aware removal, clinical words kept, operators, bad input."""

from __future__ import annotations

import json
import logging

import polars as pl
import pytest

from pipelines.deid import engine as d
from pipelines.deid.engine import DeidError, build_analyzer, deidentify_file, deidentify_frame


@pytest.fixture(scope="module")
def engine(params):
    return build_analyzer(components=params.deidentify.spacy_components)


@pytest.fixture
def p(params):
    return params.deidentify


def _run(engine, p, rows, **kw):
    return deidentify_frame(
        pl.DataFrame(rows), p, source="test", group_column="patient_id", engine=engine, **kw
    )


def test_same_records_same_order_entities_on_original_text(engine, p):
    rows = {
        "id": ["b", "a", "c"],
        "patient_id": ["p1", "p1", "p2"],
        "week": [3, 1, 2],
        "text": ["call me on (212) 555-0182, it's Maria", "ok thanks", ""],
    }
    out = _run(engine, p, rows)
    f = out.frame
    assert f["id"].to_list() == ["b", "a", "c"] and f["week"].to_list() == [3, 1, 2]
    assert f["text"][0] == "call me on <PHONE_NUMBER>, it's <PERSON>"
    assert f["text"][2] == "" and f["entities"][2].to_list() == []
    values = {rows["text"][0][e["start"] : e["end"]] for e in f["entities"][0].to_list()}
    assert values == {"(212) 555-0182", "Maria"}
    assert set(f["entities"][0][0].keys()) == {"start", "end", "type", "score"}


def test_found_names_are_removed_in_the_patients_other_messages(engine, p):
    rows = {
        "id": ["1", "2", "3"],
        "patient_id": ["p1", "p1", "p2"],
        "text": [
            "my sister Lakshmi came over",
            "LAKSHMI says hi. lakshmi is kind",
            "lakshmi is a word here for another patient",
        ],
    }
    f = _run(engine, p, rows).frame
    assert "lakshmi" not in f["text"][1].lower()
    assert f["text"][1].count("<PERSON>") == 2


@pytest.mark.parametrize(
    "phrase",
    [
        "I'm going to do it tonight",
        "two weeks ago",
        "every morning",
        "on Thursday",
        "sertraline 50mg",
        "my PHQ-9 was 14",
        "GAD-7",
        "my depression",
    ],
)
def test_clinical_and_temporal_terms_survive(engine, p, phrase):
    f = _run(engine, p, {"id": ["1"], "patient_id": ["p"], "text": [f"hi. {phrase}."]}).frame
    assert phrase in f["text"][0]


def test_surrogates_are_consistent_per_patient_and_keyed(engine, p, monkeypatch):
    rows = {
        "id": ["1", "2", "3"],
        "patient_id": ["p1", "p1", "p2"],
        "text": ["my brother Tomasz called", "Tomasz again", "my brother Tomasz"],
    }
    sp = p.model_copy(update={"operator": "surrogate"})
    monkeypatch.setenv(sp.secret_env, "secret-one")
    a = _run(engine, sp, rows).frame["text"].to_list()
    assert "Tomasz" not in " ".join(a)
    name_1 = a[0].split()[2]
    assert a[1].split()[0] == name_1  # same value, same patient -> same surrogate
    monkeypatch.setenv(sp.secret_env, "secret-two")
    b = _run(engine, sp, rows).frame["text"].to_list()
    assert b != a  # another key gives other surrogates
    monkeypatch.delenv(sp.secret_env)
    monkeypatch.setattr(
        type(sp), "secret_file", property(lambda self: "/nonexistent/key"), raising=False
    )


def test_surrogate_without_secret_fails_clearly(engine, p, monkeypatch, tmp_path):
    sp = p.model_copy(update={"operator": "surrogate", "secret_file": tmp_path / "none.key"})
    monkeypatch.delenv(sp.secret_env, raising=False)
    with pytest.raises(DeidError, match="needs a secret"):
        _run(engine, sp, {"id": ["1"], "patient_id": ["p"], "text": ["my son Ali"]})


def test_date_shift_keeps_intervals(engine, p, monkeypatch):
    sp = p.model_copy(update={"date_shift": True})
    monkeypatch.setenv(sp.secret_env, "k")
    f = _run(
        engine,
        sp,
        {"id": ["1"], "patient_id": ["p"], "text": ["appointments on March 3 and March 10"]},
    ).frame
    import re

    from dateutil import parser

    days = [parser.parse(x) for x in re.findall(r"[A-Z][a-z]+ \d{2}", f["text"][0])]
    assert len(days) == 2 and (days[1] - days[0]).days == 7
    assert "March 3 " not in f["text"][0]


def test_bad_records_are_quarantined_never_passed_through(engine, p, tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "ok", "text": "hi, it's Maria"},
        {"id": None, "text": "Maria 212-555-0182"},
        {"id": "big", "text": "x " * (p.max_chars // 2 + 10)},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dst = tmp_path / "out.jsonl"
    with pytest.raises(DeidError, match="2 record\\(s\\) could not be de-identified") as info:
        deidentify_file(src, dst, p, engine=engine)
    assert not dst.exists()
    assert "Maria" not in str(info.value)
    qfile = tmp_path / "out.jsonl.quarantine.jsonl"
    q = [json.loads(x) for x in qfile.read_text().splitlines()]
    assert [(x["row"], x["reason"].split()[0]) for x in q] == [(2, "missing"), (3, "text")]
    assert "Maria" not in json.dumps(q)
    deidentify_file(src, dst, p.model_copy(update={"allow_quarantine": True}), engine=engine)
    out = [json.loads(x) for x in dst.read_text().splitlines()]
    assert [o["id"] for o in out] == ["ok"] and "Maria" not in out[0]["text"]


def test_non_utf8_and_missing_columns_fail_with_location(engine, p, tmp_path):
    src = tmp_path / "in.csv"
    src.write_bytes(b"id,text\n1,hello\n2,caf\xe9 Maria\n")
    with pytest.raises(DeidError, match=r"line 3: not valid UTF-8"):
        deidentify_file(src, tmp_path / "o.csv", p, engine=engine)
    src2 = tmp_path / "in2.csv"
    src2.write_text("ident,text\n1,hello\n")
    with pytest.raises(DeidError, match="required column 'id' is missing"):
        deidentify_file(src2, tmp_path / "o2.csv", p, engine=engine)
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "o2.csv").exists()


def test_csv_and_parquet_outputs(engine, p, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,text\n1,"email me: ana.li@example.com"\n')
    deidentify_file(src, tmp_path / "o.csv", p, engine=engine)
    out = pl.read_csv(tmp_path / "o.csv")
    assert out["text"][0] == "email me: <EMAIL_ADDRESS>"
    assert json.loads(out["entities"][0])[0]["type"] == "EMAIL_ADDRESS"
    deidentify_file(src, tmp_path / "o.parquet", p, engine=engine)
    assert pl.read_parquet(tmp_path / "o.parquet")["text"][0] == "email me: <EMAIL_ADDRESS>"


def test_nothing_identifying_is_logged(engine, p, tmp_path, caplog):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "r1", "text": "my daughter Zanele lives at 12 Oak St"}) + "\n"
    )
    with caplog.at_level(logging.DEBUG):
        deidentify_file(src, tmp_path / "o.jsonl", p, engine=engine)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "Zanele" not in logged and "12 Oak St" not in logged


def test_missing_config_or_model_fails_loudly(tmp_path, monkeypatch):
    with pytest.raises(DeidError, match="Presidio configuration not found"):
        build_analyzer(config=tmp_path / "absent.yaml")
    monkeypatch.setattr(d, "SPACY_MODEL", "no_such_spacy_model_pkg")
    with pytest.raises(DeidError, match="is not installed"):
        build_analyzer()


def test_spacy_components_checked_against_the_pipeline():
    with pytest.raises(DeidError, match=r"\['nerr'\] not in"):
        build_analyzer(components=("nerr",))
    # en_core_web_sm's tagger listens to the shared tok2vec: keeping it alone is an error
    with pytest.raises(DeidError, match=r"\['tagger'\] listen to 'tok2vec'"):
        build_analyzer(components=("tagger", "ner"))


def test_ner_alone_finds_what_ner_with_the_shared_tok2vec_finds(engine):
    # the NER component embeds tokens itself, so dropping the shared tok2vec changes nothing
    full = build_analyzer(components=("tok2vec", "ner")).nlp_engine.nlp["en"]
    ours = engine.nlp_engine.nlp["en"]
    assert ours.pipe_names == ["ner"]
    texts = ["Dr. Amara Okafor saw me in Springfield", "my brother kwame called from Leeds"]
    for a, b in zip(full.pipe(texts), ours.pipe(texts), strict=True):
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents
        ]
        assert a.ents


def test_full_anonymity_patients_never_get_surrogates(engine, p, monkeypatch):
    sp = p.model_copy(update={"operator": "surrogate", "date_shift": True})
    monkeypatch.setenv(sp.secret_env, "k")
    rows = {
        "id": ["1", "2"],
        "patient_id": ["anon", "other"],
        "text": ["my brother Tomasz on March 3", "my brother Tomasz on March 3"],
    }
    f = deidentify_frame(
        pl.DataFrame(rows),
        sp,
        source="t",
        group_column="patient_id",
        engine=engine,
        tags_only=frozenset({"anon"}),
    ).frame
    assert f["text"][0] == "my brother <PERSON> on <DATE>"
    assert "<" not in f["text"][1] and "Tomasz" not in f["text"][1]


def test_parallel_workers_give_the_same_result_as_one_process(engine, p, cohort):
    from pipelines.deid.engine import PARALLEL_MIN_RECORDS

    t = pl.read_parquet(cohort[0] / "transcripts.parquet").head(PARALLEL_MIN_RECORDS + 100)
    kw = {"source": "t", "id_column": "message_id", "group_column": "patient_id", "engine": engine}
    two = deidentify_frame(t, p.model_copy(update={"n_process": 2}), **kw).frame
    one = deidentify_frame(t, p.model_copy(update={"n_process": 1}), **kw).frame
    assert two.equals(one)
    assert two["entities"].list.len().sum() > 0


def test_array_read_artifacts_match_presidios_and_context_acts_only_with_lemmas(engine):
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from pipelines.deid.recognizers import ChatSpacyNlpEngine

    text = "We moved, my ZIP is 90210 and Dr. Okafor's cell is 555-201-3344."
    lemmatized = build_analyzer(
        components=("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner")
    )
    for eng in (engine, lemmatized):
        nlp = eng.nlp_engine
        assert isinstance(nlp, ChatSpacyNlpEngine)
        doc = nlp.nlp["en"](text)
        ours = nlp._doc_to_nlp_artifact(doc, "en")
        theirs = SpacyNlpEngine._doc_to_nlp_artifact(nlp, doc, "en")
        assert (ours.lemmas, ours.tokens_indices, ours.keywords) == (
            theirs.lemmas,
            theirs.tokens_indices,
            theirs.keywords,
        )

    # Without a lemmatizer no context word can match: results come back untouched. With one,
    # Presidio's enhancer raises the ZIP code's score for the context word "zip".
    def zip_score(eng):
        res = eng.analyze("the area is 90210 i think", language="en", return_decision_process=True)
        return max(r.score for r in res if r.entity_type == "ZIP_CODE")

    assert not any(engine.nlp_engine.process_text(text, "en").lemmas)
    assert zip_score(lemmatized) > zip_score(engine)


def test_freed_memory_is_kept_on_glibc():
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt is glibc's")
    assert d.keep_freed_memory()


def test_presidio_logs_no_line_per_text(engine, p, caplog):
    """The stage logs at INFO; Presidio's per-text INFO line would bury its progress."""
    import logging

    rows = [{"id": str(i), "patient_id": "p1", "text": "I felt low today."} for i in range(3)]
    with caplog.at_level(logging.INFO):
        _run(engine, p, rows)
    assert not [r for r in caplog.records if r.name.startswith("presidio")]
