"""Person names: in the slots chat grammar gives them (`ContextNameRecognizer`) and by
gazetteer (`NameGazetteerRecognizer`), with `name_like`, the test of whether a word reads
as a name."""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from pipelines.deid.recognizers.common import CALENDAR_WORDS, gazetteer, zipf
from pipelines.deid.words import alternation, word_list, word_set

# Words that a name-context pattern may capture but which are not names.
NOT_A_NAME = word_set("not_a_name")
# Everyday words that are also given names ('hope', 'summer'): names in a self-introduction,
# a greeting or a vocative.
WORD_NAMES = word_set("word_names")
# Function words that are also common first names (capitalised mid-sentence: a name).
NAME_WORDS = word_set("name_words")
# After "is called"/"named" any word is a name except these.
ARTICLES_PRONOUNS = word_set("articles_pronouns")
# A listed name this rare as an English word is a name in lower case too ("hernandez" 3.5,
# "nguyen" 3.2; not "grant" 4.7).
LISTED_RARE_ZIPF = 3.6
# A lower-case word rarer than this and not among the 30,000 most frequent is no everyday
# English word: names ('priyanka' 2.7), foreign words, rare typos.
UNKNOWN_ZIPF = 3.0
# More endings of English words, for the allow-list view of unknown words.
ENGLISH_ENDINGS = word_list("english_word_endings")
# Syllables of romanized East Asian given names (pinyin, Revised Romanization, Vietnamese).
SYLLABLES = word_set("romanized_name_syllables")
# Endings of ordinary word forms, which `name_like` does not take for names.
WORD_ENDINGS = word_list("everyday_word_endings")

RELATIONS = alternation("relations")
KIN_TITLES = alternation("kin_titles")
SUBJECT_LEADS = alternation("subject_leads")
TITLES = alternation("titles") + r"\.?"
TITLE_WORDS = frozenset(w for w in word_list("titles") if w.isalpha())
NAME_TOKEN = r"\p{L}[\p{L}'’-]{1,24}(?<!['’-])(?![\p{L}-]|['’]\p{L}{2})"
CAP_NAME = r"(?-i:\p{Lu})[\p{L}'’-]{1,24}(?![\p{L}'’-])"
# Before a pattern that opens with a name: no match starts inside a word, so the regex engine
# gives up at once there instead of re-reading the rest of the word (0.43 -> 0.2 ms/message)
WORD_START = r"(?<!\p{L})"
# The words a self-introduction's lookahead ends on are not a second name part.
NOT_A_CUE = r"(?!(?:here|again|from|btw|lol)\b)"


class ContextNameRecognizer(EntityRecognizer):
    """Names in the slot that chat grammar gives them: after a relation word or a title
    ("my sister maria", "Dr. Okafor", "dr nguyen"), or in self-introductions ("this is Ana",
    "my name's Li", "her name is Hope"). Captures names in any case, including names that
    are also words, because the context says what the word is."""

    ENTITIES = ("PERSON",)
    # (pattern, score, what the capture must look like): "any" = the context is enough;
    # "namelike" = not an everyday word, or a listed name; "person" = that, or a word that
    # is also a given name ("hope"), where only a person fits; "listed" = in the name list.
    PATTERNS = (
        # my/our/his/her <relation> (,)? <Name> (<Name>)?
        (
            rf"(?:\b(?:my|our|his|her|their|your|me|with|and)\s+|(?:^|[.,;:!?\n])\s*)"
            rf"(?:(?:little|big|older|younger|"
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
        # Members of a list of people: "river, sky, hunter, mateo and dawn"
        (
            rf"{WORD_START}(?P<n>{NAME_TOKEN})(?=(?:,\s*{NAME_TOKEN})*,?\s+(?:and|&)\s+{NAME_TOKEN}\b)",
            0.8,
            "person",
        ),
        (
            rf"(?<=,\s*)(?P<n>{NAME_TOKEN})(?=(?:,\s*{NAME_TOKEN})*,?\s+(?:and|&)\s+{NAME_TOKEN}\b)",
            0.8,
            "person",
        ),
        (
            rf"\b(?:last|first|middle|maiden|family|sur|nick)\s?name\s*(?:is|was|:)?\s+"
            rf"(?P<n>{NAME_TOKEN}(?:[ -]{NAME_TOKEN})?)",
            0.85,
            "any",
        ),
        # A word name's possessive typed without the apostrophe: "rockys counselor"
        (
            rf"\b(?P<n>{alternation('word_names')})(?=s\s+(?:bday|birthday|counselor|"
            rf"therapist|mom|mum|dad|place|house|party|car|phone|number|kids?|baby|wedding|"
            rf"funeral|school|job|the\s+one)\b)",
            0.8,
            "any",
        ),
        # "Bruno my flatmate", "faith my friend from home"
        (
            rf"{WORD_START}(?P<n>{NAME_TOKEN})\s+(?:my|our)\s+{RELATIONS}\b",
            0.7,
            "listed",
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
            rf"(?:^|[.!?\n]\s*|\s-\s*|,\s*|\b{SUBJECT_LEADS}\s+)(?P<n>{NAME_TOKEN})\s+"
            rf"(?=(?:told|said|says|asked|"
            rf"calls|rings|texts|comes|arrives|shows|turns|"
            rf"texted|called|messaged|thinks|reckons|wants|keeps|takes|took|came|visited|noticed|"
            rf"suggested|reminded|helped|drove|picked|invited|sent|gave|made|left|got|has|had|"
            rf"is|was|and\s+i|will|won't|can't|never|always|just|still|lives|works|stayed|moved|"
            rf"passed|died|brought|offered|rang|phoned|emailed|found|knows|loves|hates|misses|"
            rf"from\s+(?:work|school|church|group|class|the\s+group))\b)",
            0.8,
            "person",
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
            rf"\b{KIN_TITLES}\.?\s+(?P<n>{NAME_TOKEN})",
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
        # Self-introductions and greetings, where a word name is a name too: "hey its summer
        # again", "quang le here", "yo its bao", "hi this is hope", "kept calling me rose"
        (
            rf"(?:^|[.!?\n]\s*)(?:(?:yo|hey|hi|hello|hiya|ok|okay|so|um|uh|sorry|morning)[,!.]?"
            rf"\s+)*(?:it'?s|its|this\s+is|i'?m|im)\s+(?P<n>{NAME_TOKEN}(?:\s+{NOT_A_CUE}{NAME_TOKEN})?)"
            rf"(?=\s*(?:[.,!?\n-]|$|here\b|again\b|from\b|btw\b|lol\b))",
            0.8,
            "person",
        ),
        (
            rf"(?:^|[.!?\n]\s*)(?:(?:yo|hey|hi|hello|hiya|ok|okay|so)[,!.]?\s+)*"
            rf"(?P<n>{NAME_TOKEN}(?:\s+{NAME_TOKEN})?)\s+here\b",
            0.8,
            "person",
        ),
        (
            rf"\b(?:hi|hello|hey|hiya|dear|morning|night|thanks|thank\s+you|love\s+you|"
            rf"call(?:s|ed|ing)?\s+me|sign(?:ed)?\s+off\s+as),?\s+(?P<n>{NAME_TOKEN})"
            rf"(?=\s*(?:[,.!?\n]|$|which\b|from\b|here\b))",
            0.8,
            "person",
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
                capital_name_word = value[0].isupper() and first in NAME_WORDS
                if (
                    first.isdigit()
                    or first in TITLE_WORDS
                    or (
                        first in (ARTICLES_PRONOUNS if need == "named" else NOT_A_NAME)
                        and not capital_name_word
                    )
                ):
                    continue
                listed = first in names and (value[0].isupper() or name_like(first))
                if need == "listed" and not (listed or (value[0].isupper() and name_like(first))):
                    continue
                if need == "namelike" and not (listed or name_like(first)):
                    continue
                if need == "person" and not (name_like(first) or first in WORD_NAMES):
                    continue
                inside = start > 0 and not regex.search(r"(?:^|[.!?\n])\s*$", text[:start])
                if (
                    need == "any"
                    and first not in WORD_NAMES
                    and not (value[0].isupper() and inside)
                    and first in common
                    and first not in names
                    and zipf(first) >= 4.0
                ):
                    continue  # "my mum drove me": a frequent word that is not a listed name
                out.append(
                    RecognizerResult(
                        "PERSON", start, end, score, AnalysisExplanation(self.name, score)
                    )
                )
        return out


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
    if low not in names and len(low) > 4 and english_form(low):
        return False  # "irritable", "fluvoxamine", "homesick": English by their make-up
    if low not in common or zipf(low) < 4.0:
        return True
    return low in names and zipf(low) < 5.0


class NameGazetteerRecognizer(EntityRecognizer):
    """Names by what the word is, wherever it stands (Philter's allow-list view: a word that
    is not a known English word is suspect).

    - a capitalised (or all-capitals) word that is not an everyday English word: a proper
      noun (0.45; 0.6 when it is a listed name);
    - a listed name in lower case that is rare as an English word ("hernandez", "nguyen");
    - a lower-case word that is no English word at all ("gurpreet", "min-seo"): in chat that
      is mostly a name, sometimes a typo or a foreign word, which costs little to remove.
    Listed names that are also common words count only when capitalised inside a sentence.
    The names are Faker's locales, independent of the synthetic cohort's own name bank."""

    TOKEN = regex.compile(r"(?<![\w@./])\p{L}(?:[\p{Ll}'’-]+|[\p{Lu}'’-]+)(?![\w@])")

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entities=["PERSON"],
            name="NameGazetteerRecognizer",
            supported_language=supported_language,
        )

    def load(self) -> None:
        """Build the gazetteer (cached per process)."""
        self.names, self.common = gazetteer()

    def score(self, token: str, sentence_start: bool) -> float | None:
        """How name-like `token` is where it stands; None for an everyday word."""
        low = token.lower().strip("'’-")
        if low in CALENDAR_WORDS or len(low) < 2:
            return None
        listed, everyday = low in self.names, low in self.common
        if token.isupper() and len(token) > 1:
            # All capitals: a name only when listed ("ANYA"; not "PHQ", "FMLA")
            return 0.5 if listed and not (everyday and zipf(low) >= 5.0) else None
        capital = token[0].isupper()
        if low in NOT_A_NAME:
            named = low in NAME_WORDS and capital and not sentence_start
            return 0.4 if named else None  # "will" is a word; "Told Will", "Hi, An" names
        if capital and not everyday:
            return 0.6 if listed else 0.45  # an unknown capitalised word: a proper noun
        if capital and listed and not sentence_start:
            return 0.4
        if listed and (not everyday or zipf(low) < LISTED_RARE_ZIPF):
            return 0.4
        if not everyday and low.endswith("s") and low[:-1] in self.names:
            return 0.4  # a possessive typed without its apostrophe: "harolds recliner"
        if "-" in low and romanized(low):
            return 0.45  # "min-seo", "mei-ling", "jun-jun"
        if (
            not everyday
            and len(low) >= 4
            and zipf(low) < UNKNOWN_ZIPF
            and not english_form(low)
            and not typo_of_word(low)
        ):
            return 0.35  # no English word at all
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Return name-like tokens with a score that reflects how word-like they are."""
        out = []
        for m in self.TOKEN.finditer(text):
            before = text[: m.start()].rstrip()
            score = self.score(m.group(0), not before or before[-1] in ".!?\n-")
            if score is not None:
                out.append(
                    RecognizerResult(
                        "PERSON", m.start(), m.end(), score, AnalysisExplanation(self.name, score)
                    )
                )
        return out


@lru_cache(maxsize=65536)
def english_form(low: str) -> bool:
    """A rare word that is still English by its make-up: an ordinary ending ("shakiness",
    "hypomanic") or two everyday words run together ("homesick", "bedtime")."""
    if low.endswith(WORD_ENDINGS + ENGLISH_ENDINGS) or "'" in low or "’" in low:
        return True
    common = gazetteer()[1]
    return any(low[:i] in common and low[i:] in common for i in range(3, len(low) - 2))


@lru_cache(maxsize=65536)
def typo_of_word(low: str) -> bool:
    """One edit (a letter dropped, added, changed or two swapped) away from an everyday
    English word that is not a name: "sucide", "finsh", "differnt", "favorie". Names that
    are one edit from a word are listed names, which are tested before this."""
    if len(low) < 5 or regex.search(r"(.)\1\1", low):
        return len(low) >= 5  # "rrrrrr", "sooooo": typed, not named
    names, common = gazetteer()
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    edits = (
        [a + b[1:] for a, b in splits if b]
        + [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        + [a + c + b[1:] for a, b in splits if b for c in letters]
        + [a + c + b for a, b in splits for c in letters]
    )
    return any(e in common and e not in names and zipf(e) >= 3.5 for e in edits)


@lru_cache(maxsize=65536)
def romanized(low: str) -> bool:
    """A hyphenated word whose parts are all syllables of romanized Chinese, Korean or
    Vietnamese given names, not a compound of everyday words ("check-in")."""
    parts = low.split("-")
    if len(parts) < 2 or not all(p in SYLLABLES for p in parts):
        return False
    return not all(zipf(p) >= 5.0 for p in parts)


NEIGHBOUR_RIGHT = regex.compile(r"[ \t-](\p{L}[\p{L}'’]*)(?<!['’])")
INITIALS = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.\s?){1,3}$")
NEIGHBOUR_LEFT = regex.compile(r"(?<![\p{L}'’])(\p{L}[\p{L}'’]*)[ \t-]$")


def _name_part(token: str) -> bool:
    """A word next to a found name that is another part of it: capitalised and not an
    everyday word unless a listed name ("Okafor", "Jia"), or in any case a word that is no
    English word at all ("okafor", "hui")."""
    low = token.lower()
    if (
        low in NOT_A_NAME
        or low in ARTICLES_PRONOUNS
        or low in CALENDAR_WORDS
        or low in TITLE_WORDS
    ):
        return False
    names, common = gazetteer()
    if token[0].isupper() and (low not in common or (low in names and zipf(low) < 5.0)):
        return True
    if low in names and zipf(low) < 4.8:
        return True  # a listed surname in lower case: "ebony grant", "layla hassan"
    return low not in common and zipf(low) < 3.0


def extend_name(text: str, start: int, end: int, max_parts: int = 2) -> tuple[int, int]:
    """Widen a found name over the name parts beside it ("chidi" of "chidi okafor" when only
    "okafor" was found; "Ling" of "Mei-Ling"), at most `max_parts` words each way."""
    for _ in range(max_parts):
        m = NEIGHBOUR_RIGHT.match(text, end)
        if not m or not _name_part(m.group(1)):
            break
        end = m.end(1)
    for _ in range(max_parts):
        m = NEIGHBOUR_LEFT.search(text[max(0, start - 40) : start])
        if not m or not _name_part(m.group(1)):
            break
        start -= len(m.group(0))
    initials = INITIALS.search(text[max(0, start - 12) : start])
    if initials:
        start -= len(initials.group(0))  # "R.E. Tillery", "V. Sokolov"
    return start, end
