"""Word banks as data files: read in file order, and a malformed bank names its file and key."""

from __future__ import annotations

import pytest

from pipelines.clinical.topics import TOPICS, topic_words
from pipelines.core.banks import BankError, read_yaml
from pipelines.core.vocab import AGE_BANDS, GENDERS, REGISTERS
from pipelines.synth import banks, cohort, identifiers, language, transcripts


def _bank(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return folder


def test_keys_and_alternatives_keep_the_file_order(tmp_path):
    folder = _bank(tmp_path, "order.yaml", "zebra:\n  - b\n  - a\n  - c\napple:\n  - y\n  - x\n")
    lists = banks.word_lists("order", folder=folder)
    assert list(lists) == ["zebra", "apple"]
    assert lists["zebra"] == ("b", "a", "c") and lists["apple"] == ("y", "x")
    assert banks.words("order", "apple", folder=folder) == ("y", "x")


def test_added_risk_cores_come_after_the_original_ones():
    """Template ids are positions: appending a bank must not move an original alternative."""
    grammar = transcripts.grammar_bank()
    original, added = banks.word_lists("phrases"), banks.word_lists("phrases_risk")
    for key, alts in added.items():
        assert grammar[key] == original[key] + alts, key
    assert grammar["phi_eval.date"] == banks.word_lists("phrases_eval")["phi.date"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("risk.none: just one text\n", ["bad.yaml", "'risk.none'", "found text"]),
        ("risk.none: []\n", ["bad.yaml", "'risk.none'", "empty list"]),
        ("risk.none:\n  - fine\n  - yes\n", ["bad.yaml", "'risk.none'", "item 2", "quote it"]),
        ("risk.none:\n  - fine\n  - 212\n", ["bad.yaml", "'risk.none'", "item 2", "number"]),
        ("a:\n  - x\nb:\n  - y\na:\n  - z\n", ["bad.yaml", "line 5", "'a' is given twice"]),
        ("- just\n- a list\n", ["bad.yaml", "mapping"]),
    ],
)
def test_a_malformed_word_list_names_file_and_key(tmp_path, text, expected):
    folder = _bank(tmp_path, "bad.yaml", text)
    with pytest.raises(BankError) as err:
        banks.word_lists("bad", folder=folder)
    for part in expected:
        assert part in str(err.value), (part, str(err.value))


def test_shares_must_sum_to_one_and_name_their_labels(tmp_path):
    folder = _bank(
        tmp_path,
        "shares.yaml",
        "good:\n  b: 0.25\n  a: 0.75\nshort:\n  a: 0.5\n  b: 0.4\ncolour:\n  a: 0.5\n  red: 0.5\n",
    )
    assert list(banks.shares("shares", "good", folder=folder).items()) == [
        ("b", 0.25),
        ("a", 0.75),
    ]
    with pytest.raises(BankError, match=r"shares\.yaml, key 'short': .*sum to 0\.9"):
        banks.shares("shares", "short", folder=folder)
    with pytest.raises(BankError, match=r"key 'colour': .*missing b; unknown red"):
        banks.shares("shares", "colour", labels=("a", "b"), folder=folder)
    with pytest.raises(BankError, match=r"shares\.yaml: no key 'absent'"):
        banks.shares("shares", "absent", folder=folder)


def test_a_malformed_csv_bank_names_file_and_line(tmp_path):
    rows = {
        "empty": ("anglo,first,Ann\nanglo,last,\n", r"names\.csv, line 3: no name"),
        "part": ("anglo,middle,Lee\n", r"names\.csv, line 2: part must be first or last"),
        "half": ("anglo,first,Ann\n", r"names\.csv: origin 'anglo' needs first and last"),
    }
    for case, (body, message) in rows.items():
        (tmp_path / case).mkdir()
        folder = _bank(tmp_path / case, "names.csv", "origin,part,name,subgroup\n" + body)
        with pytest.raises(BankError, match=message):
            banks.names(folder=folder)
    folder = _bank(tmp_path, "cities.csv", "town,state,zip3\nMobile,AL,366\n")
    with pytest.raises(BankError, match=r"cities\.csv: the header must start with city"):
        banks.cities(folder=folder)


def test_a_missing_bank_names_the_file(tmp_path):
    with pytest.raises(BankError, match=r"nothing\.yaml: cannot be read"):
        read_yaml(tmp_path / "nothing.yaml")


def test_every_shipped_bank_loads_with_the_expected_labels():
    age_p, gender_p, race_p = cohort.demographic_shares()
    assert len(age_p) == len(AGE_BANDS) and len(gender_p) == len(GENDERS)
    assert set(transcripts.conversation_bank().registers) == set(REGISTERS)
    assert set(language.register_rules()) == set(REGISTERS) - {"standard"}
    assert set(identifiers.origin_mix()["white"]) <= set(identifiers.origins())
    assert len(identifiers.months()) == 12 and identifiers.ages_in_words()[90] == "ninety"
    assert all(len(zip3) == 3 for _, _, zip3 in banks.cities())
    assert tuple(topic_words()) == TOPICS and sum(race_p.values()) == pytest.approx(1)
