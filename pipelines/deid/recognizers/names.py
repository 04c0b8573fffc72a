"""Person names: in the slots chat grammar gives them (`ContextNameRecognizer`) and by
gazetteer (`NameGazetteerRecognizer`), with `name_like`, the test of whether a word reads
as a name."""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from pipelines.deid.recognizers.common import CALENDAR_WORDS, gazetteer
from pipelines.deid.words import alternation, word_list, word_set

# Words that a name-context pattern may capture but which are not names.
NOT_A_NAME = word_set("not_a_name")
# Function words that are also common first names (capitalised mid-sentence: a name).
NAME_WORDS = word_set("name_words")
# After "is called"/"named" any word is a name except these.
ARTICLES_PRONOUNS = word_set("articles_pronouns")
# Endings of ordinary word forms, which `name_like` does not take for names.
WORD_ENDINGS = word_list("everyday_word_endings")

RELATIONS = alternation("relations")
TITLES = alternation("titles") + r"\.?"
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
        names, common = gazetteer()
        for pattern, score, need in self.patterns:
            for m in pattern.finditer(text):
                start, end = m.span("n")
                value = text[start:end]
                first = value.split()[0].lower().strip("'’-")
                if first.isdigit() or first in (
                    ARTICLES_PRONOUNS if need == "named" else NOT_A_NAME
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
    names, common = gazetteer()
    if low in common and len(low) > 5 and low.endswith(WORD_ENDINGS):
        return False  # "volunteering", "weighing", "loneliness": ordinary word forms
    if low not in common or _zipf(low) < 4.0:
        return True
    return low in names and _zipf(low) < 5.0


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
        self.names, self.common = gazetteer()

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
