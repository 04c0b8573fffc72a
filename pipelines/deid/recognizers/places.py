"""Places smaller than a state: street addresses, ZIP and postal codes, cities and care
facilities. US street lines and ZIP codes have a recognizer each; addresses from elsewhere
(number after the street, unit lines, PO boxes, postal codes and the town after them) have
their own, with the street-type words of many languages in `conf/places.yaml`."""

from __future__ import annotations

from pathlib import Path

import regex
from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import (
    CALENDAR_WORDS,
    NeedsDigits,
    gazetteer,
    pattern_table,
)
from pipelines.deid.words import alternation, word_set

PLACES_FILE = Path(__file__).parents[1] / "conf" / "places.yaml"


def place_words(*keys: str, flags: str = "") -> str:
    """One regex group of the entries under `keys` in `conf/places.yaml`."""
    return alternation(*keys, flags=flags, path=PLACES_FILE)


# Words after a number that make it a count or a time ('3 days'), not a house or postal code
# number; and with more words after which it is no house or flat number ('unit 7 test').
NOT_A_COUNT = rf"(?![ \t]*{place_words('count_words')}(?!\w))"
NOT_A_HOUSE_NUMBER = rf"(?![ \t]*{place_words('count_words', 'not_a_house_number')}(?!\w))"
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
        r"square|sq|loop|(?-i:Row)|crescent|close|alley|real|pike|run|path|walk|plaza|lawn|green|"
        r"grove|gardens|mews|rise|heights|parade|esplanade|quay|wynd|vale|promenade)\.?"
        r"(?:\s+(?-i:N|S|E|W|NE|NW|SE|SW)\b)?"
    )
    UNIT = (
        r"(?:,?\s*(?:(?:apt|apartment|unit|suite|ste|no|flat|rm|room|lot|space|trailer|bldg|"
        r"building)\b\.?|#)\s*#?\s*\w{1,5})?"
    )

    # 'Dr.' before a capitalised word is a title ('the sertraline 25 mg Dr. Whitaker gave').
    NOT_A_TITLE = r"(?!(?<=\bdr)\.[ \t]+(?-i:\p{Lu}))(?!(?<=\bdr\.)[ \t]+(?-i:\p{Lu}))"

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        # Street words; a dotted word is an initial or an abbreviation ('N.', 'Jr.'), so a
        # sentence end ('999 in the UK. Dr. Cruz') does not run into the next sentence.
        street = r"(?:(?:[A-Za-z0-9][A-Za-z0-9'-]*|[A-Za-z]\.|(?:st|mt|ft|jr|sr)\.)\s+){1,5}?"
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="StreetAddressRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "number street suffix",
                    rf"\b\d{{1,6}}[A-Za-z]?{NOT_A_COUNT}\s+(?!{place_words('not_a_street_start')}\b)"
                    rf"{street}{self.SUFFIX}"
                    rf"(?:\s+{self.SUFFIX})?(?!\w){self.NOT_A_TITLE}{self.UNIT}",
                    0.9,
                ),
                (
                    "el camino / po box",
                    r"\b(?:p\.?\s?o\.?\s?box\s+\d{1,6}|\d{1,6}\s+el\s+"
                    r"camino(?:\s+real)?)\b",
                    0.9,
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
                (
                    "bare",
                    rf"(?<![\w$#.,-])\d{{5}}(?:-\d{{4}})?(?![\w.,]\d|[\w-]){NOT_A_COUNT}",
                    0.35,
                ),
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


# ----------------------------------------------------------------- addresses outside the US

# A small word inside a name with the space after it ('de la ', 'am '; none after "d'").
PARTICLE = rf"{place_words('name_particles')}(?:(?<=['’])|[ \t]+)"
# A word that is no town: function words, units, weekdays and months, and the US street
# types (in '5083 Beach Ave' the number is a house number and 'Beach' no town).
NOT_A_TOWN = (
    rf"(?:{place_words('not_a_town')}|{alternation('calendar_words')}|"
    rf"{StreetAddressRecognizer.SUFFIX})(?![\w'])"
)
STREET_AHEAD = rf"(?:\p{{L}}[\p{{L}}'’.-]*[ ]){{0,5}}{StreetAddressRecognizer.SUFFIX}(?![\w'])"
POSTAL_WORDS = rf"(?<!\w){place_words('postal_code_words')}[ \t]*(?:is|:|-|no\.?)?[ \t]*"
# A capitalised word as written, hyphenated parts allowed ('Zürich', 'Saint-Étienne').
CAP_WORD = r"(?-i:\p{Lu}[\p{Ll}'’]*\p{Ll}(?:-\p{L}[\p{L}'’]*)*)"
# A town as written after a postal code: 'Paris', 'Frankfurt am Main', 'København K'.
TOWN = (
    rf"(?!{STREET_AHEAD})(?!{NOT_A_TOWN}){CAP_WORD}(?:[ ](?:{PARTICLE})*(?!{NOT_A_TOWN})"
    rf"{CAP_WORD}){{0,2}}(?:[ ](?-i:[A-ZÆØÅ])(?![\w.]))?"
)
# The same in any case, one word ('0150 oslo'): only after a street line.
TOWN_ANY_CASE = (
    rf"(?:{TOWN}|(?!{STREET_AHEAD})(?!{NOT_A_TOWN})\p{{L}}[\p{{L}}'’]*\p{{L}}(?:-\p{{L}}+)*)"
)

# Postal-code shapes. Numeric codes: 'D-10115', '8001', '00-950' (PL), '1100-148' (PT),
# '01310-100' (BR), '114 55' (SE, CZ, GR), '1017 CT' (NL).
DUTCH = rf"[1-9]\d{{3}}[ ]?(?!{place_words('not_dutch_postcode_letters')}\b)(?-i:[A-Z]{{2}})"
NUMERIC = rf"(?:(?-i:[A-Z]{{1,3}})-)?\d{{4,5}}|\d{{2,5}}-\d{{3}}|\d{{3}}[ ]\d{{2}}|{DUTCH}"
UK = r"(?-i:[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[ABD-HJLNP-UW-Z]{2})"
CANADA = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d"
EIRCODE = (
    r"(?-i:(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ]?(?=[0-9A-Z]{0,3}\d)(?=\d{0,3}[A-Z])"
    r"[0-9AC-FHKNPRTV-Y]{4})"
)
# Where a code is certainly postal: after a house-number line ('Storgata 5, ', 'Bredgade 3,
# 2. tv, ', or the line before), or after a postal-code word ('plz ').
AFTER_STREET = r"(?:(?<=\d[^\n,;]{0,8},[ \t]*)(?!(?:19|20)\d\d(?!\d))|(?<=\d[^\n]{0,60}\n[ \t]*))"
AFTER_ADDRESS = rf"(?:{AFTER_STREET}|(?<={POSTAL_WORDS}))"
# A town written last in a comma-separated address or at the start of a line, where a code
# after it is postal ('Ermita, Manila 1000', 'Dhanmondi, Dhaka 1209', 'CHENGDU 610041').
LISTED_TOWN = rf"(?:,|\n)[ \t]*(?:{TOWN}|(?-i:[A-Z]{{3,}}))"
# Elsewhere a numeric code needs a capitalised town after it and is not a year.
CODE_START = r"(?<![\w$€£#.,/:+-])(?!(?:19|20)\d\d(?!\d))"
CODE_END = r"(?![\w-]|[.,]\d)"


# Address-line parts written as word + number, two or more joined by commas ('Room 1203,
# Building 5', 'H.No. 1457, Sector 32-B', 'House No. 12, Asafo Market Road').
ADDRESS_PART = (
    rf"{place_words('address_part_words')}\.?[ \t]*(?:no\.?[ \t]*)?\#?[ \t]*[a-z]?\d{{1,5}}"
    r"(?:[-/][a-z0-9]{1,4})?[a-z]?(?!\w)"
)
ADDRESSADDRESS_PARTS = (
    rf"(?<!\w){ADDRESS_PART}(?:,[ \t]*(?:{ADDRESS_PART}|(?:{CAP_WORD}[ ]){{1,3}}"
    rf"{StreetAddressRecognizer.SUFFIX}(?!\w))){{1,4}}"
)


class IntlStreetRecognizer(NeedsDigits, PatternRecognizer):
    """Street lines from outside the US: number after the street ('Hauptstraße 12', 'Storgata
    5', 'Karl Johans gate 22', 'Via Roma 10', 'Calle Mayor 23, 2º B'), number first with a
    foreign street word ('12 rue de la Paix', '8, avenue Foch'), unit lines ('Apt. 4B',
    'Wohnung 5') and PO boxes ('Postfach 12 34 56', 'Case postale 123')."""

    HOUSE = (
        r"\d{1,4}(?:[a-z]|[ ](?-i:[A-HJ-Z])(?:[ ]\d{1,3})?)?(?:[ ]?[-/][ ]?(?:\d{1,4}[a-z]?|"
        r"(?-i:I{1,3}|IV|hs)))?(?!\w)(?![.,:]\d)"
    )
    # 'Nº 12', 'nr. 5', 'No: 12', 'd. 15' (dom), '#14', '#B-27'.
    NUMBER_SIGN = (
        r"(?:n[º°o]\.?[ \t]*|nr\.?[ \t]*|no\.?:?[ \t]*|d\.[ \t]*|\#[ \t]*(?:[a-z]-?(?=\d))?)?"
    )
    # Lines that open with a street, unit or PO box word, not with a name.
    OPENING = regex.compile(
        place_words(
            "street_words_before_name",
            "street_words_before_name_capitalised",
            "unit_words",
            "unit_words_everyday",
            "po_box_words",
            "address_part_words",
        ),
        regex.IGNORECASE,
    )

    @classmethod
    def house(cls) -> str:
        """A house number with the floor, flat and door marks that may follow it ('23, 2º B',
        '3, 2. tv', '12 B 4', '7 m. 3', '12-3, 201-ho', '23-1, Naka-ku')."""
        mark = (
            rf"(?:\d{{1,2}}\.?[ ]?{place_words('floor_words')}\.?(?!\w)|(?:st|kl)\.?[ ]?"
            r"(?:tv|th|mf)\.?(?!\w)|\d{1,2}[ ]?[º°ª](?:[ ]?(?:(?-i:[A-Z])(?!\w)|\d{1,2}[ ]?[ºª]|"
            r"izq(?:uierda)?\.?|dcha\.?|der(?:echa)?\.?|dto\.?|esq\.?))?|"
            rf"(?:{place_words('unit_words', 'unit_words_everyday')}\.?|"
            rf"{place_words('unit_words_after_house')})[ ]*"
            r"(?:\#|no\.?|nr\.?)?[ ]*[a-z]?\d{1,4}[a-z]?(?!\w)|(?-i:H)\d{4}(?!\w)|"
            r"\d{1,4}-?(?:ho|dong)(?!\w)|\p{L}+-(?:ku|gu)(?!\w))"
        )
        return rf"{cls.NUMBER_SIGN}{cls.HOUSE}{NOT_A_HOUSE_NUMBER}(?:,?[ \t]*{mark}){{0,3}}"

    @staticmethod
    def unit_line(key: str) -> str:
        """A unit line opened by a word under `key` ('Apt. 4B', 'Wohnung 5', 'Flat 3'); not a
        count or a time ('flat 3 days', 'appt 3/14')."""
        return (
            rf"(?<!\w){place_words(key)}\.?[ \t]*(?:\#|no\.?|nr\.?|n[º°])?[ \t]*"
            rf"(?=[a-z]?\d)[a-z]?\d{{1,4}}[a-z]?(?!\w)(?![/.:,-]\d){NOT_A_HOUSE_NUMBER}"
        )

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        house = self.house()
        # A street name word; a number is one only before '#' ('Calle 14 #B-27').
        name = rf"(?:{PARTICLE})*(?!{NOT_A_TOWN})\p{{L}}[\p{{L}}'’.-]*"
        name = rf"(?:{name}|\d{{1,3}}[a-z]?(?=[ \t]*\#))"
        cap_name = rf"(?:{PARTICLE})*(?-i:\p{{Lu}}[\p{{L}}'’.-]*|[IVXLC]+\b)"
        # An ordinal before a Central American street word ('4a Calle Oriente #23').
        ordinal = r"(?:\d{1,2}(?:a|o|ª|º|ra|da|ta|va)[ \t]+)?"
        lead = place_words("street_words_before_name")
        lead_cap = place_words("street_words_before_name_capitalised", flags="-i")
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="IntlStreetRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "name+ending number",
                    rf"\b(?=[\p{{L}}'’.-]+[ \t]*\d)\p{{L}}[\p{{L}}'’-]+?"
                    rf"{place_words('street_endings')}\.?[ \t]*{house}",
                    0.9,
                ),
                (
                    "name street-word number",
                    rf"\b{CAP_WORD}(?:[ ]{CAP_WORD}){{0,2}}[ ]"
                    rf"{place_words('street_words_after_name')}\.?[ \t]*{house}",
                    0.9,
                ),
                (
                    "street-word name number",
                    rf"\b{ordinal}{lead}[ \t]+{name}"
                    rf"(?:[ \t]+{name}){{0,3}}?,?[ \t]+{house}",
                    0.9,
                ),
                (
                    "Street-word Name number",
                    rf"\b{ordinal}{lead_cap}[ \t]+{cap_name}(?:[ \t]+{cap_name}){{0,3}}?,?[ \t]+"
                    rf"{house}",
                    0.9,
                ),
                (
                    "number street-word name",
                    rf"\b\d{{1,4}}(?:[ ]?(?:bis|ter)|[a-z])?(?!\w),?[ \t]+(?:"
                    rf"{place_words('street_words_after_number')}[ \t]+{name}|"
                    rf"{place_words('street_words_after_number_named')}[ \t]+(?:{PARTICLE}{name}|"
                    rf"{CAP_WORD}))(?:[ \t]+(?:{PARTICLE})*{CAP_WORD}){{0,3}}",
                    0.9,
                ),
                ("unit line", self.unit_line("unit_words"), 0.9),
                ("everyday-word unit line", self.unit_line("unit_words_everyday"), 0.6),
                ("address parts", ADDRESSADDRESS_PARTS, 0.9),
                (
                    "po box",
                    rf"\b{place_words('po_box_words')}\.?[ \t]*(?:no\.?|nr\.?|\#)?[ \t]*"
                    r"\d{1,6}(?:[ ]\d{2}(?!\d)){0,3}(?!\w)",
                    0.9,
                ),
            ),
            context=["address", "live", "street", "flat", "apartment", "moved"],
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A capitalised English phrase before a number ('Departure Gate 12', 'brigade 2') is
        not a street: the name must hold a word that is not everyday English."""
        if pattern_text[0].isdigit() or self.OPENING.match(pattern_text):
            return None
        words = regex.findall(r"\p{L}[\p{L}'’-]*", regex.split(r"\d", pattern_text)[0].lower())
        name = words[:-1] if len(words) > 1 else words
        common = gazetteer()[1]
        return True if all(w in common for w in name) else None


class PostalCodeRecognizer(NeedsDigits, PatternRecognizer):
    """Postal codes from outside the US: UK ('SW1A 1AA'), Canada ('K1A 0B1'), the Netherlands
    ('1017 CT'), Ireland ('D02 X285'), Brazil ('01310-100'), Japan ('〒100-0001'), Indian PIN
    codes after a place, and numeric codes before a town ('75008 Paris', '00-950 Warszawa') or
    on the line after a street."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        six = place_words("six_digit_postcode_places", flags="-i")
        japan = place_words("japanese_postcode_places", flags="-i")
        super().__init__(
            supported_entity="ZIP_CODE",
            name="PostalCodeRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "after address",
                    rf"(?=\d|[A-Z]{{1,3}}-){AFTER_ADDRESS}(?:{NUMERIC}){CODE_END}",
                    0.9,
                ),
                (
                    "before town",
                    rf"{CODE_START}(?:{NUMERIC})(?=[ \t]+{TOWN}(?![\w-]|[.,]\d))",
                    0.9,
                ),
                ("uk", rf"(?<![\w-]){UK}{CODE_END}", 0.9),
                (
                    "uk after word",
                    rf"(?=[a-z]{{1,2}}\d)(?<={POSTAL_WORDS})[a-z]{{1,2}}\d[a-z\d]?[ ]?\d[a-z]{{2}}"
                    r"\b",
                    0.9,
                ),
                ("canada", rf"(?<![\w-]){CANADA}{CODE_END}", 0.9),
                ("eircode", rf"(?<![\w-]){EIRCODE}{CODE_END}", 0.6),
                ("netherlands", rf"{CODE_START}{DUTCH}{CODE_END}", 0.5),
                ("brazil", r"(?<![\w/.:-])\d{5}-\d{3}(?![\w-]|[.,]\d)", 0.6),
                ("india", rf"(?<=\b{six}[ \t]*[-–,]?[ \t]*)[1-9]\d{{2}}[ ]?\d{{3}}(?!\d)", 0.9),
                (
                    "after a listed town",
                    rf"(?<={LISTED_TOWN}[ \t]+){CODE_START}\d{{4,6}}(?:-\d{{3,4}})?(?!\d|[.,]\d)",
                    0.6,
                ),
                ("ghana gps", r"(?<![\w-])(?-i:[A-Z]{2}-\d{3,4}-\d{4})(?![\w-])", 0.6),
                ("japan mark", r"〒[ ]?\d{3}-?\d{4}(?!\d)", 0.95),
                (
                    "japan",
                    rf"(?<=\b{japan},?[ \t]+)\d{{3}}-\d{{4}}(?!\d)|\b\d{{3}}-\d{{4}}(?=,?[ \t]+"
                    rf"{japan}\b)",
                    0.9,
                ),
                (
                    "after postal word",
                    rf"(?=[A-Z0-9-]*\d)(?<={POSTAL_WORDS})[A-Z0-9]{{2,7}}(?:[ -](?=[A-Z]*\d)"
                    r"[A-Z0-9]{2,4})?(?![\w-])",
                    0.9,
                ),
                ("argentina", r"(?<![\w-])(?-i:[A-HJ-NP-Z]\d{4}[A-Z]{3})(?![\w-])", 0.5),
            ),
            context=["postcode", "postal", "zip", "address", "live"],
        )


class PostalTownRecognizer(NeedsDigits, PatternRecognizer):
    """The town written next to a postal code in an address: '75008 Paris', 'SW1A 1AA London',
    'Storgata 5, 0150 oslo', 'London SW1A 1AA'."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        sure_code = rf"(?:{UK}|{CANADA}|{EIRCODE}|{AFTER_ADDRESS}(?:{NUMERIC}))"
        street_code = rf"(?:{AFTER_STREET}(?:{NUMERIC}|{UK}|{CANADA}|{EIRCODE}))"
        super().__init__(
            supported_entity="CITY",
            name="PostalTownRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                ("after certain code", rf"(?<={sure_code}[ \t]+){TOWN}(?![\w-])", 0.9),
                (
                    "after street and code",
                    rf"(?<={street_code}[ \t]+){TOWN_ANY_CASE}(?![\w-])",
                    0.9,
                ),
                (
                    "after code",
                    rf"(?<={CODE_START}(?:{NUMERIC})[ \t]+){TOWN}(?![\w-]|[.,]\d)",
                    0.9,
                ),
                (
                    "listed before code",
                    rf"(?<=(?:,|\n)[ \t]*){TOWN}(?=[ \t]+{CODE_START}\d{{4,6}}(?!\d|[.,]\d))",
                    0.7,
                ),
                (
                    "before code",
                    rf"(?<![\w-]){TOWN}(?=,?[ \t]*\n?[ \t]*(?:(?-i:[A-Z]{{2}})[ \t]+)?"
                    rf"(?:{UK}|{CANADA}|{EIRCODE})(?![\w-]))",
                    0.7,
                ),
            ),
            context=["town", "city", "address", "live"],
        )
