"""Word lists load from `conf/words.yaml` in file order, a bad list fails naming the file and
the key, and every recognizer `conf/presidio.yaml` names resolves to its class."""

from __future__ import annotations

import pytest
import yaml

from pipelines.deid.engine import CONFIG, KEEP_TERMS, PUBLIC_TERMS, DeidError
from pipelines.deid.words import WORDS_FILE, alternation, word_list, word_set


def _words_file(tmp_path, text):
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("relations: [mom, dad]\n", "word list 'titles' is missing"),
        ("titles: dr\n", "'titles' must be a non-empty list of strings"),
        ("titles: []\n", "'titles' must be a non-empty list of strings"),
        ("titles: {dr: 1}\n", "'titles' must be a non-empty list of strings"),
        ("titles: [dr, mr, on]\n", "'titles' item 3 (True) is not a word"),
        ("titles: [dr, 911]\n", "'titles' item 2 (911) is not a word"),
        ("titles: [dr, ' mr']\n", "'titles' item 2 (' mr') is not a word"),
        ("titles: [dr, mr, dr]\n", "'titles' lists 'dr' twice (item 3)"),
    ],
)
def test_a_missing_or_malformed_list_names_the_file_and_the_key(tmp_path, text, message):
    path = _words_file(tmp_path, text)
    with pytest.raises(DeidError) as err:
        word_list("titles", path)
    assert str(err.value).startswith(f"{path}: {message}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- dr\n- mr\n", "expected a mapping from list names to lists of words"),
        ("titles: [dr, mr\n", "word lists are not valid YAML"),
    ],
)
def test_a_malformed_file_names_the_file(tmp_path, text, message):
    path = _words_file(tmp_path, text)
    with pytest.raises(DeidError) as err:
        word_list("titles", path)
    assert str(err.value).startswith(f"{path}: {message}")


def test_a_missing_file_names_the_file(tmp_path):
    path = tmp_path / "absent.yaml"
    with pytest.raises(DeidError, match="word lists cannot be read") as err:
        word_list("titles", path)
    assert str(path) in str(err.value)


def test_sets_must_be_lower_case_because_they_meet_lower_cased_words(tmp_path):
    path = _words_file(tmp_path, "calendar_words: [monday, Tuesday]\n")
    with pytest.raises(DeidError, match="'calendar_words' item 2 is not lower case"):
        word_set("calendar_words", path)


def test_lists_keep_the_order_written(tmp_path):
    path = _words_file(tmp_path, "titles: [mrs, mr, 'case ?worker']\nother: [x]\n")
    assert word_list("titles", path) == ("mrs", "mr", "case ?worker")
    assert alternation("titles", "other", path=path) == "(?:mrs|mr|case ?worker|x)"
    assert alternation("other", flags="-i", path=path) == "(?-i:x)"


def test_the_shipped_lists_load_as_text():
    for key in yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")):
        assert word_list(key)
    # Words YAML would read as booleans or numbers come through as text.
    assert {"no", "yes", "on"} <= word_set("not_a_name")
    assert {"988", "911", "116 123", "Dr."} <= set(PUBLIC_TERMS)
    assert KEEP_TERMS.fullmatch("sertraline") and KEEP_TERMS.fullmatch("two weeks ago")
    assert not KEEP_TERMS.fullmatch("Maria")


def test_every_recognizer_named_in_the_presidio_config_resolves():
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.recognizer_registry.recognizers_loader_utils import (
        RecognizerListLoader,
    )

    from pipelines.deid import recognizers as r

    conf = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    named = [
        c["name"] for c in conf["recognizer_registry"]["recognizers"] if c["type"] == "predefined"
    ]
    ours = {
        n
        for n in r.__all__
        if isinstance(getattr(r, n), type) and issubclass(getattr(r, n), EntityRecognizer)
    }
    assert ours <= set(named), f"defined but not configured: {sorted(ours - set(named))}"
    for name in named:
        cls = RecognizerListLoader.get_existing_recognizer_cls(name)
        if name in ours:
            assert cls is getattr(r, name)
            assert cls.__module__.startswith("pipelines.deid.recognizers.")
        else:
            assert cls.__module__.startswith("presidio_analyzer."), (name, cls.__module__)


def test_a_list_written_twice_is_refused_not_silently_replaced(tmp_path):
    path = _words_file(tmp_path, "titles: [dr]\nrelations: [mom]\ntitles: [mr]\n")
    with pytest.raises(DeidError, match="word lists are not valid YAML") as err:
        word_list("titles", path)
    assert "titles" in str(err.value)
