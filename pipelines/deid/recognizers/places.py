"""Places smaller than a state: street addresses, ZIP codes, cities and care facilities."""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import (
    CALENDAR_WORDS,
    NeedsDigits,
    gazetteer,
    pattern_table,
)
from pipelines.deid.words import alternation, word_set

# First words after "in"/"to" that do not start a place name.
NOT_A_PLACE = word_set("city_not_a_place")
# Words that make a facility mention generic ("my local clinic") rather than a name.
GENERIC_FACILITY_WORDS = word_set("facility_generic_words")


class StreetAddressRecognizer(NeedsDigits, PatternRecognizer):
    """House number + street name + suffix (+ unit): '12 Oak St', '4410 Martin Luther King
    Jr Blvd, Apt 3'."""

    SUFFIX = (
        r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|"
        r"place|pl|way|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|"
        r"square|sq|loop|row|crescent|close|alley|real|pike|run|path|walk|plaza)\.?"
    )
    UNIT = (
        r"(?:,?\s*(?:apt|apartment|unit|suite|ste|#|no\.?|flat|rm|room|lot|space|"
        r"trailer|bldg|building)\.?\s*#?\s*\w{1,5})?"
    )

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        street = r"(?:[A-Za-z0-9][A-Za-z0-9'.-]*\s+){1,5}?"
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="StreetAddressRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "number street suffix",
                    rf"\b\d{{1,6}}[A-Za-z]?\s+{street}{self.SUFFIX}(?:\s+{self.SUFFIX})?(?!\w){self.UNIT}",
                    0.75,
                ),
                (
                    "el camino / po box",
                    r"\b(?:p\.?\s?o\.?\s?box\s+\d{1,6}|\d{1,6}\s+el\s+"
                    r"camino(?:\s+real)?)\b",
                    0.75,
                ),
            ),
            context=["live", "address", "at", "moved", "street", "apartment", "house"],
        )


class ZipCodeRecognizer(NeedsDigits, PatternRecognizer):
    """Five-digit ZIP codes (optionally ZIP+4), stronger after a state code or the word zip."""

    STATES = alternation("us_state_codes", flags="-i")

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="ZIP_CODE",
            name="ZipCodeRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                ("after state", rf"(?<={self.STATES},?\s)\d{{5}}(?:-\d{{4}})?\b", 0.9),
                (
                    "after zip",
                    r"(?<=\b(?:zip|zipcode|zip code|postcode|postal code)\s*(?:is|:)?"
                    r"\s*)\d{5}(?:-\d{4})?\b",
                    0.9,
                ),
                ("bare", r"(?<![\w$#.,-])\d{5}(?:-\d{4})?(?![\w.,]\d|[\w-])", 0.35),
            ),
            context=["zip", "zipcode", "postcode", "live", "address", "area"],
        )


class CityRecognizer(PatternRecognizer):
    """Cities where chat grammar puts them: 'City, ST', 'in/from/to <City>' (capitalised),
    'moved to <city>'. spaCy's GPE entities add the rest."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        cap = r"(?-i:[A-Z][a-z'’-]+)(?:[ ](?-i:[A-Z][a-z'’-]+)){0,2}"
        super().__init__(
            supported_entity="CITY",
            name="CityRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                ("city, state", rf"\b{cap}(?=,?\s+{ZipCodeRecognizer.STATES}\b)", 0.85),
                (
                    "after street",
                    rf"(?<=\b\d{{1,6}}[A-Za-z]?\s+(?:\S+\s+){{0,5}}"
                    rf"{StreetAddressRecognizer.SUFFIX}(?:\s*(?:apt|apartment|unit|suite|"
                    r"#|lot)\.?\s*#?\w{1,5})?,\s)[A-Za-z][A-Za-z .'-]{2,30}?"
                    r"(?=,|\s+\d{5}\b)",
                    0.7,
                ),
                (
                    "before zip",
                    r"(?<=\b(?:in|at|from|of|near|to)\s+)[A-Za-z][A-Za-z'-]+"
                    r"(?:\s[A-Za-z][A-Za-z'-]+){0,2}(?=,?\s+\d{5}(?:-\d{4})?\b)",
                    0.6,
                ),
                (
                    "moving to (any case)",
                    r"(?<=\b(?:moving|moved|move|relocating|relocated|"
                    r"live|living|lives|grew up|born|based|school|college|university|"
                    r"clinic|job|office|hospital|apartment|flat|house|place)\s+(?:to|in|"
                    r"from|near|out\s+of)\s+)(?!(?:the|a|an|my|his|her|their|our|"
                    r"this|that|another|new|somewhere|home|work|bed|"
                    r"with|here|there|town|it)\b)[a-z][a-z'.-]{2,}"
                    r"(?:\s(?!(?:next|last|this|in|on|at|for|with|and|"
                    r"to|soon|now|because|since)\b)[a-z][a-z'.-]{2,})?",
                    0.5,
                ),
                (
                    "moved/live in",
                    r"(?<=\b(?:live|living|lived|moved|moving|move|grew up|"
                    r"born|based|stay|staying|from|back|visit|visiting|drive|"
                    r"drove|flew|trip|bus|train|near|outside|downtown)\s+"
                    r"(?:in|to|from|near|up|at)?\s*)" + cap,
                    0.55,
                ),
            ),
            context=["city", "town", "live", "moved", "from"],
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Skip capitalised non-places that follow 'in/to' (months, weekdays, pronouns)."""
        first = pattern_text.split()[0].lower().rstrip(".")
        return True if first in NOT_A_PLACE or first in CALENDAR_WORDS else None


class FacilityRecognizer(PatternRecognizer):
    """Hospitals, clinics and care facilities by name: 'St. Mary's Hospital', 'Riverside
    Behavioral Health', 'Dayton VA Medical Center', in any case."""

    KINDS = (
        r"(?:hospital|medical cent(?:er|re)|health cent(?:er|re)|clinic|health system|"
        r"behavioral health|behavioural health|mental health cent(?:er|re)|"
        r"recovery cent(?:er|re)|treatment cent(?:er|re)|rehab(?:ilitation)?"
        r"(?: cent(?:er|re)| hospital)?|infirmary|urgent care|psychiatric (?:hospital|"
        r"cent(?:er|re)|unit)|health(?:care)?|medical group|wellness cent(?:er|re)|"
        r"counsel(?:l)?ing(?: cent(?:er|re)| associates| services)?|va|hospice|nursing home|"
        r"care home|detox(?: cent(?:er|re))?|family therapy|therapy(?: group| "
        r"associates| cent(?:er|re))?|crisis (?:stabilization |stabilisation )?(?:unit|"
        r"cent(?:er|re))|stabili[sz]ation unit|addiction services|services|recovery"
        r"(?: house| clinic)?|institute|associates|practice|partners|sanitarium|"
        r"respite cent(?:er|re)|day program)"
    )

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        stop = rf"(?!{alternation('facility_stopwords')}\b)"
        name = rf"(?:(?:st\.?|saint|mt\.?|mount)\s+)?{stop}\p{{L}}[\p{{L}}'’&-]*(?:[ \t]of)?"
        super().__init__(
            supported_entity="FACILITY",
            name="FacilityRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "named facility",
                    rf"\b{name}(?:[ \t]+{name}){{0,3}}?[ \t]+{self.KINDS}\b"
                    r"(?:\s+(?:medical cent(?:er|re)|hospital|clinic|center|"
                    r"treatment(?: cent(?:er|re))?))?",
                    0.6,
                ),
            ),
            context=["hospital", "clinic", "admitted", "er", "center", "ward"],
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Generic references ('the hospital', 'a clinic', 'my mental health') are not names."""
        weak = regex.search(
            r"(?:services|counsel+ing|therapy|associates|practice|partners|"
            r"institute|clinic|program)$",
            pattern_text.lower(),
        )
        if weak and pattern_text.islower():
            common = gazetteer()[1]
            if all(w in common for w in pattern_text.split()[:-1]):
                return True  # "emergency services", "couples counselling": a description
        words = pattern_text.lower().split()
        named = [
            w
            for w in words[:-1]
            if w not in GENERIC_FACILITY_WORDS
            and not regex.match(
                r"(hospital|clinic|center|centre|health|medical|behavioral|behavioural|care|"
                r"urgent|treatment|recovery|rehab)",
                w,
            )
        ]
        return None if named else True
