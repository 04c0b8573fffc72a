"""Presidio recognizers for the Safe Harbor identifiers that occur in chat text.

One small `PatternRecognizer` subclass per identifier type, plus a name gazetteer. They are
named in `pipelines/conf/presidio.yaml` (type: predefined), which Presidio resolves by class
name once this module is imported. Patterns use the `regex` module Presidio compiles them
with (variable-width look-behind is allowed), case-insensitive unless a pattern says `(?-i)`.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import (
    AnalysisExplanation,
    AnalyzerEngineProvider,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngineProvider, SpacyNlpEngine
from spacy.attrs import IDX, LEMMA
from spacy.tokens import Doc

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"

CALENDAR_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# Words that a name-context pattern may capture but which are not names.
_NOT_A_NAME_WORDS = """
    rehab detox meds therapy counselling counseling group hospital church work uni college
    school gym aa na er ward clinic line samaritans clinician gp billing english sobriety
    revision worksheet stepmom stepmum stepdad ex-wife ex-husband grandad granddad niece
    nephew fiancée fiance fiancee mother-in-law father-in-law nana hurt harm pain
    a an the and or but is was are were be been being has have had do does did will would can
    could should might must shall to of in on at by for with from about as into over after
    before again not no yes so too very just also really still even only then than that this
    these those there here it its it's he she they them his her their him me my mine you your we
    our us i i'm im who whom whose which what when where why how all any both each few more most
    other some such own same says said told called named wants want wanted thinks think thought
    knows know keeps kept got gets get went goes go came come comes made make makes took take
    takes saw see sees let lets keep being passed died dying lost moved lives lived works worked
    left leaving stopped started isn't wasn't doesn't didn't don't won't can't hasn't haven't
    had always never sometimes often today tonight tomorrow yesterday now later soon mom mum dad
    mother father sister brother husband wife partner son daughter aunt uncle cousin grandma
    grandpa nan friend boss therapist doctor dr nurse ex kids kid baby family parents boyfriend
    girlfriend fiance fiancé roommate neighbour neighbor and/or etc lol idk tbh ok okay yeah yep
    nope hi hey hello thanks thank please sorry monday tuesday wednesday thursday friday
    saturday sunday january february march july september october november december guys
    everyone everybody someone anyone
"""
NOT_A_NAME = frozenset(_NOT_A_NAME_WORDS.split())
# Function words that are also common first names (capitalised mid-sentence: a name).
NAME_WORDS = frozenset({"will", "may", "bill", "pat", "sue", "mark", "rich", "don", "art"})
# After "is called"/"named" any word is a name except these.
_ARTICLES_PRONOUNS = frozenset(
    {
        "the",
        "a",
        "an",
        "my",
        "his",
        "her",
        "their",
        "it",
        "that",
        "this",
        "me",
        "you",
        "him",
        "them",
        "us",
    }
)

RELATIONS = (
    r"(?:mom|mum|mother|mama|mam|ma|dad|father|papa|pa|sister|sis|brother|bro|husband|hubby"
    r"|wife|partner|boyfriend|bf|girlfriend|gf|son|daughter|grandma|grandmother|gran|granny"
    r"|nan|nana|grandpa|grandfather|grandad|granddad|aunt|auntie|aunty|uncle|cousin|stepdad"
    r"|stepmom|stepmum|step-?mother|step-?father|stepson|stepdaughter|fianc[eé]e?|ex|roommate"
    r"|flatmate|housemate|niece|nephew|godmother|godfather|mother-in-law|father-in-law"
    r"|sister-in-law|brother-in-law|in-laws?|best friend|bestie|friend|mate|buddy|pal"
    r"|neighbou?r|coworker|co-worker|colleague|boss|manager|supervisor|teacher|coach|pastor"
    r"|priest|imam|rabbi|landlord|landlady|baby|kid|child|twin|caseworker|case worker"
    r"|social worker|sponsor|therapist|counsell?or|psychiatrist|psychologist|doctor|nurse"
    r"|gp|carer|caregiver|wifey|babe|grandson|granddaughter)"
)
TITLES = (
    r"(?:dr|doctor|doc|mr|mrs|ms|miss|mx|prof|professor|nurse|np|pa|rn|lcsw|lpc|counsell?or"
    r"|therapist|psychiatrist|psychologist|coach|pastor|father|sister|brother|rev|reverend"
    r"|officer|judge|case ?worker)\.?"
)
NAME_TOKEN = r"\p{L}[\p{L}'’-]{1,24}(?<!['’-])(?![\p{L}-]|['’]\p{L}{2})"
CAP_NAME = r"(?-i:\p{Lu})[\p{L}'’-]{1,24}(?![\p{L}'’-])"
# Before a pattern that opens with a name: no match starts inside a word, so the regex engine
# gives up at once there instead of re-reading the rest of the word (0.43 -> 0.2 ms/message)
WORD_START = r"(?<!\p{L})"


class ContextNameRecognizer(EntityRecognizer):
    """Names in the slot that chat grammar gives them: after a relation word or a title
    ("my sister maria", "Dr. Okafor", "dr nguyen"), or in self-introductions ("this is Ana",
    "my name's Li", "her name is Hope"). Captures names in any case, including names that
    are also words, because the context says what the word is."""

    ENTITIES = ("PERSON",)
    # (pattern, score, what the capture must look like): "any" = the context is enough;
    # "namelike" = not an everyday word, or a listed name; "listed" = in the name list.
    PATTERNS = (
        # my/our/his/her <relation> (,)? <Name> (<Name>)?
        (
            rf"\b(?:my|our|his|her|their|your|me|with|and)\s+(?:(?:little|big|older|younger|"
            rf"late|old|new|best|twin|foster|step|ex)(?:\s+|-))?{RELATIONS}\s*,?\s+"
            rf"(?:called\s+|named\s+)?(?P<n>{NAME_TOKEN}(?:\s+{CAP_NAME})?)",
            0.85,
            "any",
        ),
        (rf"\b{TITLES}\s+(?P<n>{NAME_TOKEN}(?:[ -]{CAP_NAME})?)", 0.85, "any"),
        (
            rf"\b(?:this\s+is|name'?s|name\s+is|names\s+are|called|named|call\s+me|"
            rf"sign(?:ed)?\s+off\s+as)\s+(?P<n>{NAME_TOKEN})",
            0.8,
            "namelike",
        ),
        (
            rf"\b(?:it'?s|i'?m|i\s+am|regards,?|thanks,?|love,?)\s+(?P<n>{NAME_TOKEN})"
            rf"(?=\s*(?:[.,!?\n-]|$|here|again|from|by|btw|lol))",
            0.7,
            "listed",
        ),
        (
            rf"\b(?:from|ask\s+for|talk(?:ed)?\s+to|spoke\s+(?:to|with)|message\s+from|texted|"
            rf"called|visit(?:ed|ing)?|staying\s+with|stay\s+with|living\s+with|live\s+with|"
            rf"hang(?:ing)?\s+out\s+with|saw|seeing|see|meet|met|tell|told|and|with|or)\s+"
            rf"(?P<n>{CAP_NAME})",
            0.6,
            "namelike",
        ),
        # Vocatives: "Yuto, thank you for checking in", "Hi Ana,", "good to hear from you, Li"
        (
            rf"(?:^|[.!?\n]\s*)(?P<n>{NAME_TOKEN}),\s+(?=(?:thank|thanks|good|great|glad|it'?s|"
            rf"i'?m|sorry|welcome|i\s+hear|that\s+sounds|you)\b)",
            0.7,
            "namelike",
        ),
        (
            rf"\b(?:hi|hello|hey|hiya|dear|thanks|thank\s+you|good\s+to\s+hear\s+from\s+you|"
            rf"welcome\s+back|good\s+(?:morning|afternoon|evening)),?\s+(?P<n>{NAME_TOKEN})"
            rf"(?=\s*(?:[,.!?\n]|$|from\b|here\b))",
            0.65,
            "namelike",
        ),
        # "<Name> is my sister", "<Name> (my partner)", "<name>, my mum,"
        (
            rf"{WORD_START}(?P<n>{NAME_TOKEN})\s*(?:\(|,|\s(?:is|was|'s|isn't|wasn't))\s*(?:my|our)\s+"
            rf"(?:(?:little|big|older|younger|late|best|twin|foster|step|ex)(?:\s+|-))?{RELATIONS}"
            rf"\b",
            0.8,
            "any",
        ),
        # "session with <name>", "notes for <name>", "heard from <name> since"
        (
            rf"\b(?:session|appointment|appt|call|meeting|check-?in|notes|chat|sessions|talk|"
            rf"talking|spoke|speak|speaking)\s+(?:with|for|to)\s+(?P<n>{NAME_TOKEN})",
            0.6,
            "namelike",
        ),
        (
            rf"\b(?:heard\s+from|texted|text|called|saw|seen|see|visited|visit|hugged|miss|"
            rf"missing|lost|told|asked|ask|with|w/?|and|from|to|love|loves|hate|hates|hit|blame|"
            rf"meet|meeting|met|like|can|could|let|invite|invited|is|contact\s+is|up\s+with|"
            rf"dinner\s+with|lunch\s+with|coffee\s+with)\s+"
            rf"(?P<n>{NAME_TOKEN})(?=\s*(?:(?:since|today|yesterday|again|about|at|in|on|last|"
            rf"this|tonight|tonite|2nite|lately|but|so|is|was|said|says|keeps|kept|won'?t|"
            rf"doesn'?t|didn'?t|has|had|and\s+i|for|too|join|joined|went|go|asked|asks|come|"
            rf"came|over|tomorrow|later|soon)\b|[,.!?()\n]|$))",
            0.5,
            "namelike",
        ),
        # A person as the subject: "Ricardo told me", "arun said", "Deepak from work noticed"
        (
            rf"(?:^|[.!?\n]\s*|\s-\s*|,\s*|\b(?:if|when|because|cos|since|until|and|but|"
            rf"so|unless|before|after)\s+)(?P<n>{NAME_TOKEN})\s+(?=(?:told|said|says|asked|"
            rf"calls|rings|texts|comes|arrives|shows|turns|"
            rf"texted|called|messaged|thinks|reckons|wants|keeps|takes|took|came|visited|noticed|"
            rf"suggested|reminded|helped|drove|picked|invited|sent|gave|made|left|got|has|had|"
            rf"is|was|and\s+i|will|won't|can't|never|always|just|still|lives|works|stayed|moved|"
            rf"passed|died|brought|offered|rang|phoned|emailed|found|knows|loves|hates|misses|"
            rf"from\s+(?:work|school|church|group|class|the\s+group))\b)",
            0.55,
            "namelike",
        ),
        # A listed first name as the object of a person-verb or preposition, in any case:
        # "I called sarah", "lunch with maria" (listed = in the name list, not a top word)
        (
            rf"\b(?:called|calling|call|texted|texting|told|tell|asked|ask|saw|seeing|met|"
            rf"meeting|visited|visiting|hugged|miss|missed|love|thank|thanked|ring|ringing|rang|"
            rf"phone|phoned|phoning|bumped\s+into|ran\s+into|run\s+into|with|and|to|for|from|"
            rf"about|like|by|w)\s+(?P<n>{NAME_TOKEN})",
            0.45,
            "namelike",
        ),
        # Kinship titles before a name: "uncle ravi", "Auntie Lwazi", "cousin Dee"
        (
            rf"\b(?:uncle|auntie|aunty|aunt|grandma|grandpa|granny|grandad|nana|nan|cousin|"
            rf"nonna|nonno|abuela|abuelo|tia|tio|baba|mama|papa)\s+(?P<n>{NAME_TOKEN})",
            0.7,
            "any",
        ),
        (rf"{WORD_START}(?P<n>{NAME_TOKEN})(?='s\b)", 0.45, "namelike"),
        # People listed with the writer: "rahul, imran and me", "sunita and i went"
        (
            rf"{WORD_START}(?P<n>{NAME_TOKEN})(?=(?:,\s*{NAME_TOKEN})?\s+(?:and|&)\s+(?:me|i)\b)",
            0.55,
            "namelike",
        ),
        (
            rf"{WORD_START}(?P<n>{NAME_TOKEN})(?=,\s*{NAME_TOKEN}\s+(?:and|&)\s+(?:me|i)\b)",
            0.55,
            "namelike",
        ),
        # Possessives: "Tomasz's birthday", "at aiko's place"
        (
            rf"{WORD_START}(?P<n>{NAME_TOKEN})(?='s\s+(?:birthday|place|house|flat|wedding|funeral|party|"
            rf"car|kids|son|daughter|mum|mom|dad|phone|number|idea|advice|new|old)\b)",
            0.55,
            "namelike",
        ),
        # A naming construction is enough, whatever the word: "my father is called Will"
        (rf"\b(?:is|was|'s|are)\s+(?:called|named)\s+(?P<n>{NAME_TOKEN})", 0.8, "named"),
    )

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entities=self.ENTITIES,
            name="ContextNameRecognizer",
            supported_language=supported_language,
        )
        self.patterns = [
            (regex.compile(p, regex.IGNORECASE), s, need) for p, s, need in self.PATTERNS
        ]

    def load(self) -> None:
        """Nothing to load: patterns are compiled in the constructor."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Return the captured name groups."""
        out = []
        names, common = _gazetteer()
        for pattern, score, need in self.patterns:
            for m in pattern.finditer(text):
                start, end = m.span("n")
                value = text[start:end]
                first = value.split()[0].lower().strip("'’-")
                if first.isdigit() or first in (
                    _ARTICLES_PRONOUNS if need == "named" else NOT_A_NAME
                ):
                    continue
                listed = first in names and (value[0].isupper() or name_like(first))
                if need == "listed" and not (listed or (value[0].isupper() and name_like(first))):
                    continue
                if need == "namelike" and not (listed or name_like(first)):
                    continue
                if (
                    need == "any"
                    and first in common
                    and first not in names
                    and _zipf(first) >= 4.0
                ):
                    continue  # "my mum drove me": a frequent word that is not a listed name
                out.append(
                    RecognizerResult(
                        "PERSON", start, end, score, AnalysisExplanation(self.name, score)
                    )
                )
        return out


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
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
        ):
            for klass in provider.__mro__:
                if attr in klass.__dict__:
                    values = klass.__dict__[attr]
                    if isinstance(values, list | tuple | dict | set):
                        names.update(v.lower() for v in values if isinstance(v, str))
                    break
    names = {n for n in names if regex.fullmatch(r"[a-zà-öø-ÿ'-]{2,}", n)}
    return frozenset(names), frozenset(top_n_list("en", 30000))


@lru_cache(maxsize=65536)
def _zipf(token: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(token, "en")


@lru_cache(maxsize=65536)
def name_like(token: str) -> bool:
    """A token that reads as a name in a name slot: not an everyday English word, a rare one
    (zipf < 4: 'jun', 'mei'), or a listed name that is not among the most frequent words
    (zipf < 5: 'ricardo', 'grace' yes; 'will', 'may', 'love' no)."""
    low = token.lower().removesuffix("'s").removesuffix("’s")
    if low in NOT_A_NAME or "'" in low or "’" in low:
        return False
    names, common = _gazetteer()
    if low in common and len(low) > 5 and low.endswith(_WORD_ENDINGS):
        return False  # "volunteering", "weighing", "loneliness": ordinary word forms
    if low not in common or _zipf(low) < 4.0:
        return True
    return low in names and _zipf(low) < 5.0


_WORD_ENDINGS = ("ing", "ed", "tion", "sion", "ness", "ment", "ly", "ity", "ism", "ful", "less")


class NameGazetteerRecognizer(EntityRecognizer):
    """Tokens found in a multi-origin first/last-name list (Faker's locales, independent of the
    synthetic cohort's own name bank), and capitalised words that are not English words at
    all (proper nouns). Listed names that are also common words count only when capitalised
    inside a sentence."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entities=["PERSON"],
            name="NameGazetteerRecognizer",
            supported_language=supported_language,
        )

    def load(self) -> None:
        """Build the gazetteer (cached per process)."""
        self.names, self.common = _gazetteer()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Return gazetteer names with a score that reflects how word-like the token is."""
        out = []
        for m in regex.finditer(r"(?<![\w@./])\p{L}[\p{Ll}'’-]+(?![\w@])", text):
            token = m.group(0)
            low = token.lower()
            if low in CALENDAR_WORDS:
                continue
            listed, everyday = low in self.names, low in self.common
            before = text[: m.start()].rstrip()
            sentence_start = not before or before[-1] in ".!?\n-"
            if low in NOT_A_NAME and not (
                low in NAME_WORDS and token[0].isupper() and not sentence_start
            ):
                continue  # "will" is a word; "Told Will" is a name
            if token[0].isupper() and not everyday:
                score = 0.6 if listed else 0.45  # an unknown capitalised word: a proper noun
            elif token[0].isupper() and listed and not sentence_start:
                score = 0.4
            elif listed and not everyday:
                score = 0.45
            else:
                continue
            out.append(
                RecognizerResult(
                    "PERSON", m.start(), m.end(), score, AnalysisExplanation(self.name, score)
                )
            )
        return out


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


def _patterns(*items: tuple[str, str, float]) -> list[Pattern]:
    return [Pattern(name, rx, score) for name, rx, score in items]


class SafeHarborDateRecognizer(NeedsDigits, PatternRecognizer):
    """Dates with a day or month element ("March 3rd", "3/14", "2025-04-02", "the 12th of
    June"). Years alone, weekdays and relative time ("tonight", "two weeks ago") are kept:
    Safe Harbor does not require removing them and they carry clinical meaning."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="DATE",
            name="SafeHarborDateRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
                ("month day", rf"\b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?", 0.8),
                ("day month", rf"\b(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b", 0.8),
                (
                    "numeric",
                    r"(?<![\d/.-])(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])"
                    r"(?:[/.-](?:\d{4}|\d{2}))?(?![\d/-]|\.\d)",
                    0.6,
                ),
                ("iso", rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b", 0.9),
                (
                    "day-first numeric",
                    r"(?<![\d/.-])(?:1[3-9]|2\d|3[01])[/.](?:0?[1-9]|1[0-2])"
                    r"(?:[/.](?:\d{4}|\d{2}))?(?![\d/-]|\.\d)",
                    0.6,
                ),
            ),
            context=["date", "on", "birthday", "appointment", "born", "dob", "since"],
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """A month name needs a day number; '24/7' is not a date."""
        if pattern_text.strip() in ("24/7", "24-7", "9/11"):
            return True
        return None if regex.search(r"\d", pattern_text) else True


class UsPhoneRecognizer(NeedsDigits, PatternRecognizer):
    """US phone numbers in the formats people type: (212) 555-0182, 212.555.0182,
    +1 212 555 0182, 2125550182, 555-0182 (with context)."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        sep = r"[\s.-]?"
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="UsPhoneRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
                (
                    "nanp",
                    rf"(?<![\w+])(?:\+?1{sep})?(?:\(\d{{3}}\)\s?|\d{{3}}{sep})\d{{3}}{sep}"
                    r"\d{4}(?!\d)",
                    0.7,
                ),
                ("plus1 compact", r"(?<!\w)\+1\d{10}(?!\d)", 0.8),
                ("seven digit", r"(?<![\d-])\d{3}-\d{4}(?![\d-])", 0.4),
            ),
            context=[
                "call",
                "text",
                "phone",
                "number",
                "cell",
                "mobile",
                "reach",
                "ring",
                "whatsapp",
                "contact",
                "landline",
            ],
        )


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
            patterns=_patterns(
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

    STATES = (
        r"(?-i:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|"
        r"MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|"
        r"WY|DC)"
    )

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="ZIP_CODE",
            name="ZipCodeRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
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
            patterns=_patterns(
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
        skip = {
            "the",
            "my",
            "a",
            "an",
            "i",
            "bed",
            "work",
            "school",
            "church",
            "therapy",
            "hospital",
            "rehab",
            "town",
            "home",
            "dr",
            "mom",
            "dad",
            "here",
            "there",
            "it",
            "this",
            "that",
        }
        return True if first in skip or first in CALENDAR_WORDS else None


class AgeOver89Recognizer(NeedsDigits, PatternRecognizer):
    """Ages of 90 and over (Safe Harbor aggregates them), in digits or words, when the
    sentence says it is an age."""

    WORDS = r"(?:ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one hundred)"
    HINT = regex.compile(r"\d|ninety|hundred", regex.IGNORECASE)

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        num = rf"(?:9\d|1[01]\d|{self.WORDS})"
        super().__init__(
            supported_entity="AGE",
            name="AgeOver89Recognizer",
            supported_language=supported_language,
            patterns=_patterns(
                ("n years old", rf"\b{num}(?=[\s-]*(?:years?|yrs?|yo)\b)", 0.85),
                (
                    "age n",
                    rf"(?<=(?:\b(?:aged?|turned|turning|turns|is|was|be|at)|\w'?s)"
                    rf"\s+(?:almost\s+|nearly\s+|just\s+)?){num}\b(?!\s*(?:%|percent|"
                    rf"mg|minutes|min|pounds|lbs|kg|dollars|days|degrees))",
                    0.6,
                ),
                ("n-year-old", rf"\b{num}(?=-year-old)", 0.9),
                ("words", rf"\b{self.WORDS}\b", 0.5),
            ),
            context=["age", "old", "birthday", "turned", "grandma", "grandpa", "years"],
        )


class MedicalRecordNumberRecognizer(NeedsDigits, PatternRecognizer):
    """Medical record numbers: 'MRN 4829130', 'MRN4829130', 'record number 123-456-789'."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        ctx = (
            r"(?:mrn|medical record(?: number| no\.?| #)?|record (?:number|no\.?|#)|"
            r"chart (?:number|no\.?|#)|patient (?:id|number|no\.?|#)|hospital number)"
        )
        super().__init__(
            supported_entity="MEDICAL_RECORD_NUMBER",
            name="MedicalRecordNumberRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
                (
                    "number ... is",
                    r"(?<=\b(?:patient|record|chart|mrn|hospital|medical)\s*(?:number|no\.?|#|id)"
                    r"\b[^.\n]{0,60}?\b(?:is|was|:|#)\s*)(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,20}\b",
                    0.8,
                ),
                ("mrn glued", r"\bmrn[-#:]?\d{5,12}\b", 0.9),
                (
                    "context then colon",
                    rf"(?<=\b{ctx}\b[^.\n:]{{0,40}}?[:#]\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,20}\b",
                    0.8,
                ),
                (
                    "after context",
                    rf"(?<=\b{ctx}\s*(?:is|was|:|#|number)?\s*(?:is\s*)?:?\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,16}\b",
                    0.85,
                ),
            ),
            context=["mrn", "record", "chart", "medical"],
        )


class HealthPlanIdRecognizer(NeedsDigits, PatternRecognizer):
    """Insurance member / policy / group ids after their context words."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        ctx = (
            r"(?:insurance|member|policy|subscriber|group|plan|medicaid|medicare|"
            r"coverage|beneficiary|bcbs|aetna|cigna|humana|united|kaiser)"
            r"(?:\s+(?:id|number|no\.?|#|card|card number))?"
        )
        super().__init__(
            supported_entity="HEALTH_PLAN_ID",
            name="HealthPlanIdRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
                (
                    "after context",
                    rf"(?<=\b{ctx}\s*(?:is|was|:|#)?\s*(?:is\s*)?:?\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,20}\b",
                    0.85,
                ),
                (
                    "context then colon",
                    rf"(?<=\b{ctx}\b[^.\n:]{{0,40}}?[:#]\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,20}\b",
                    0.8,
                ),
                ("letters digits", r"(?-i:\b[A-Z]{1,4}-?\d{7,12}(?:-[A-Z0-9]{1,3})?\b)", 0.5),
                ("digit groups letter", r"\b\d{3}-\d{2}-\d{4}-[A-Z]\b", 0.6),
            ),
            context=["insurance", "member", "policy", "plan", "id", "card"],
        )


class AccountNumberRecognizer(NeedsDigits, PatternRecognizer):
    """Account numbers: 'ACCT-0098123', digit groups after 'account', long bare digit runs."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        ctx = (
            r"(?:account|acct|acc|a/c|billing|invoice|reference|ref|confirmation|"
            r"case|claim|card|routing)(?:\s+(?:number|no\.?|#|id))?"
        )
        super().__init__(
            supported_entity="ACCOUNT_NUMBER",
            name="AccountNumberRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
                ("acct glued", r"\bacct[-#:]?\s?\d{4,14}\b", 0.9),
                (
                    "context then colon",
                    rf"(?<=\b{ctx}\b[^.\n:]{{0,40}}?[:#]\s*)"
                    r"(?=[A-Z0-9 -]*\d)[A-Z0-9](?:[A-Z0-9-]| (?=\d)){4,22}\b",
                    0.8,
                ),
                (
                    "after context",
                    rf"(?<=\b{ctx}\s*(?:is|was|:|#)?\s*(?:is\s*)?:?\s*)"
                    r"(?=[A-Z0-9 -]*\d)[A-Z0-9](?:[A-Z0-9-]| (?=\d)){5,22}\b",
                    0.8,
                ),
                ("digit groups", r"(?<![\d-])\d{4}[ -]\d{4}[ -]\d{4}(?:[ -]\d{4})?(?![\d-])", 0.6),
                ("long digits", r"(?<![\d.-])\d{8,16}(?![\d.])", 0.4),
            ),
            context=["account", "acct", "billing", "number", "bank"],
        )


class LongIdRecognizer(NeedsDigits, PatternRecognizer):
    """Any other identifier-shaped token (mixed letters and 5+ digits, or 6+ digits): Safe
    Harbor's 'any other unique identifying number'. Typed by the nearest context word."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="MEDICAL_RECORD_NUMBER",
            name="LongIdRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
                (
                    "mixed",
                    r"\b(?=[A-Z0-9-]*\d{5})(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,20}"
                    r"\b",
                    0.45,
                ),
                ("digits", r"(?<![\d.,/:-])\d{6,12}(?![\d.,/:]\d)", 0.35),
                ("dashed digits", r"(?<![\d-])\d{3}-\d{3}-\d{3,4}(?![\d-])", 0.35),
            ),
        )


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
        stop = (
            r"(?!(?:the|a|an|my|our|your|his|her|their|this|that|what|has|have|had|is|"
            r"was|about|with|and|but|so|to|at|in|of|for|from|on|by|it|i|you|we|they|he|"
            r"she|up|go|went|going|back|local|any|some|same|every|called|named|then|or|also|"
            r"just|still|now|when|where|while|after|before|since|until|because|if|was|were)"
            r"\b)"
        )
        name = rf"(?:(?:st\.?|saint|mt\.?|mount)\s+)?{stop}\p{{L}}[\p{{L}}'’&-]*(?:[ \t]of)?"
        super().__init__(
            supported_entity="FACILITY",
            name="FacilityRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
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
            common = _gazetteer()[1]
            if all(w in common for w in pattern_text.split()[:-1]):
                return True  # "emergency services", "couples counselling": a description
        words = pattern_text.lower().split()
        generic = {
            "the",
            "a",
            "an",
            "my",
            "this",
            "that",
            "to",
            "at",
            "in",
            "of",
            "our",
            "his",
            "her",
            "their",
            "mental",
            "your",
            "local",
            "psych",
            "general",
            "for",
            "from",
            "and",
            "with",
            "any",
            "some",
            "bad",
            "good",
            "physical",
            "own",
            "overall",
            "whole",
            "about",
            "on",
            "by",
            "same",
            "new",
            "old",
        }
        named = [
            w
            for w in words[:-1]
            if w not in generic
            and not regex.match(
                r"(hospital|clinic|center|centre|health|medical|behavioral|behavioural|care|"
                r"urgent|treatment|recovery|rehab)",
                w,
            )
        ]
        return None if named else True


class WebAddressRecognizer(NeedsDigits, PatternRecognizer):
    """Web addresses Presidio's URL recognizer misses (underscores in host names, bare
    'www.' or 'site.com/path' links)."""

    HINT = regex.compile(r"https?:|www\.|[a-z0-9]\.[a-z]{2,}/", regex.IGNORECASE)

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="URL",
            name="WebAddressRecognizer",
            supported_language=supported_language,
            patterns=_patterns(
                ("scheme", r"\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)]", 0.8),
                ("www", r"\bwww\.[^\s<>\"']+[^\s<>\"'.,;:!?)]", 0.8),
                (
                    "domain/path",
                    r"\b[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\.(?:com|org|net|me|io|"
                    r"co|us|edu|gov|ly|app|page|site)/[^\s<>\"']*[^\s<>\"'.,;:!?)]",
                    0.7,
                ),
            ),
        )


class ChatUrlRecognizer(NeedsDigits, PatternRecognizer):
    """Presidio's URL patterns, run only on texts that contain something link-shaped."""

    HINT = regex.compile(r"https?:|www\.|[a-z0-9]\.[a-z]{2,}", regex.IGNORECASE)

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        from presidio_analyzer.predefined_recognizers import UrlRecognizer

        base = UrlRecognizer(supported_language=supported_language)
        super().__init__(
            supported_entity="URL",
            name="ChatUrlRecognizer",
            supported_language=supported_language,
            patterns=base.patterns,
            context=base.context,
        )


# The engine around the recognizers. Both classes keep Presidio's behaviour and drop work
# that cannot change a result; `pipelines/deidentify.py` builds the engine with them.


class ChatSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, reading each doc's lemmas and token offsets as arrays.

    Presidio builds a Python `Token` per word to read `lemma_` and `idx` (about a quarter
    of a millisecond per chat message here); the values are the same.
    """

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        strings = doc.vocab.strings
        arr = doc.to_array([LEMMA, IDX])
        entities, scores = self._get_updated_entities(
            self._get_entities(doc), self._get_scores_for_entities(doc)
        )
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=arr[:, 1].tolist(),
            lemmas=[strings[h] if h else "" for h in arr[:, 0].tolist()],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class LemmaContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma-based context enhancer, skipped where it cannot act.

    It raises a result's score when a recognizer's context word is among the lemmas before
    it. A spaCy pipeline without a lemmatizer (ours runs only the NER: `deidentify.
    spacy_components`) yields empty lemmas, so no context word can match; with no context
    passed by the caller either, the results are returned as they came.
    """

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's enhancement, or the results unchanged when there are no lemmas."""
        if not context and not any(nlp_artifacts.lemmas):
            return raw_results
        return super().enhance_using_context(
            text, raw_results, nlp_artifacts, recognizers, context
        )


class ChatAnalyzerEngineProvider(AnalyzerEngineProvider):
    """Presidio's provider, building the engine with the two classes above."""

    def _load_nlp_engine(self) -> SpacyNlpEngine:
        return NlpEngineProvider(
            nlp_engines=(ChatSpacyNlpEngine,),
            nlp_configuration=self.configuration["nlp_configuration"],
        ).create_engine()

    def _load_context_aware_enhancer(self) -> LemmaContextEnhancer:
        return LemmaContextEnhancer()
