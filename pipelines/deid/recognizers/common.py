"""Pieces the recognizer families share: the digit pre-check, pattern tables, the calendar
words and the name/word gazetteer."""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import Pattern, RecognizerResult

from pipelines.deid.words import word_set

CALENDAR_WORDS = word_set("calendar_words")


class NeedsDigits:
    """Skip texts without a digit: the identifier types below always contain one (this
    halves the time spent in recognizers on chat, where most messages have none)."""

    HINT = regex.compile(r"\d")

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: object = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run the patterns only where the hint matches."""
        if not self.HINT.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)  # type: ignore[misc]


def pattern_table(*items: tuple[str, str, float]) -> list[Pattern]:
    """Presidio patterns from (name, regex, score) rows."""
    return [Pattern(name, rx, score) for name, rx, score in items]


@lru_cache(maxsize=65536)
def zipf(token: str) -> float:
    """How frequent `token` is in English (wordfreq's Zipf scale: 7 = "the", 3 = rare)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(token, "en")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """Latin-script person names from Faker's locales, and the 30k most common English words."""
    import importlib
    import pkgutil

    import faker.providers.person as person
    from wordfreq import top_n_list

    names: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in (
            "first_names",
            "first_names_male",
            "first_names_female",
            "last_names",
            "first_names_nonbinary",
            "first_names_unisex",
            "middle_names",
            "first_romanized_names",
            "last_romanized_names",
        ):
            for klass in provider.__mro__:
                if attr in klass.__dict__:
                    values = klass.__dict__[attr]
                    if isinstance(values, list | tuple | dict | set):
                        names.update(v.lower() for v in values if isinstance(v, str))
                    break
    names = {n for n in names if regex.fullmatch(r"[a-zà-öø-ÿ'-]{2,}", n)}
    return frozenset(names), frozenset(top_n_list("en", 30000))
