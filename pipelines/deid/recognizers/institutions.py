"""Schools, employers and places of worship named in chat ("at hillcrest high", "my job at
ridgeline construction", "she studies at depaul"): where a person can be found. Hospitals and
clinics are `places.FacilityRecognizer`'s."""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from pipelines.deid.recognizers.common import CALENDAR_WORDS, gazetteer, zipf
from pipelines.deid.words import alternation, word_set

# Nouns that end an institution's name: "<name> high", "<name> bakery", "<name> church".
KINDS = alternation("institution_kinds")
# Phrases after which the next words name a school or workplace ("dropped out of", "works at").
CUES = alternation("institution_cues")
# Words that make "<word> <kind>" generic ("my high school", "the local market").
GENERIC = word_set("institution_generic_words")
# Words that end the name after a cue ("at purdue and", "job at hanmi market til 9").
STOP = word_set("institution_stop_words")
WORD = r"(?:(?i:st|mt|ft)\.|\p{L}[\p{L}'’&-]*)"
# A word this rare in English after "at" is a name of something ("at ucla", "at njit").
RARE_ZIPF = 3.0


class InstitutionRecognizer(EntityRecognizer):
    """Named schools, colleges, employers, shops and places of worship (FACILITY):

    - one to three words before an institution noun, after a place preposition or a
      school/work cue, in any case ("at north ridge high", "for northstar transport");
    - one to three words after a school/work cue ("dropped out of sinclair", "graduate from
      case western"), up to the first function word;
    - two to six capitalised words after a place preposition ("at Kessler Auto Body",
      "at Mercy Hospital of Bellwood"): a proper name, whatever kind of place it is;
    - a single word after "at" that is no everyday English word ("at ucla", "at purdue").
    """

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entities=["FACILITY"],
            name="InstitutionRecognizer",
            supported_language=supported_language,
        )
        lead = rf"(?:\b(?:at|from|of|for|to|in|near)\s+|\b{CUES}\s+)"
        self.named_kind = regex.compile(
            rf"{lead}(?:the\s+)?(?P<n>(?P<w>{WORD}(?:\s+{WORD}){{0,2}}?)\s+{KINDS})\b",
            regex.IGNORECASE,
        )
        self.after_cue = regex.compile(
            rf"\b{CUES}\s+(?:the\s+)?(?P<n>{WORD}(?:\s+{WORD}){{0,2}})", regex.IGNORECASE
        )
        self.at_rare = regex.compile(rf"\bat\s+(?P<n>{WORD})", regex.IGNORECASE)
        # Title-case words (an acronym of two to four capitals after the first): text in
        # capitals throughout ("THANK YOU FOR TELL SIR") names nothing by its case
        cap = r"(?:(?:St|Mt|Ft)\.|\p{Lu}\p{Ll}[\p{L}'’-]*)"
        more = rf"(?:{cap}|\p{{Lu}}{{2,4}}\b)"
        self.capitalised = regex.compile(
            rf"\b(?i:at|from|for|with|of|to|in|entered|joined|leaving|left)\s+(?:the\s+)?"
            rf"(?P<n>{cap}(?:\s+(?:(?:&|and|of|de|la|del|y|du|des)\s+)?{more}){{1,5}})"
        )

    def load(self) -> None:
        """Nothing to load: the word lists are read at import."""

    @staticmethod
    def _named(words: str) -> bool:
        """The words before the institution noun name one ('hillcrest'; not 'my', 'the
        community', 'tell anyone at')."""
        parts = words.lower().split()
        return not any(w in STOP for w in parts) and not all(w in GENERIC for w in parts)

    @staticmethod
    def _cut(value: str) -> str:
        """The words of `value` up to the first stop word."""
        kept = []
        for word in value.split():
            if word.lower().strip(".,") in STOP:
                break
            kept.append(word)
        return " ".join(kept).rstrip(".,'’")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: object = None
    ) -> list[RecognizerResult]:
        """Institution names, scored by how much the context says."""
        found: list[tuple[int, int, float]] = []
        for m in self.named_kind.finditer(text, overlapped=True):
            if self._named(m.group("w")):
                found.append((m.start("n"), m.end("n"), 0.6))
        for m in self.after_cue.finditer(text):
            value = self._cut(m.group("n"))
            if value and value.lower() not in GENERIC:
                found.append((m.start("n"), m.start("n") + len(value), 0.5))
        for m in self.capitalised.finditer(text):
            if m.group("n").split()[0].lower() not in CALENDAR_WORDS:
                found.append((m.start("n"), m.end("n"), 0.45))
        common = gazetteer()[1]
        for m in self.at_rare.finditer(text):
            low = m.group("n").lower().rstrip(".'’")
            if low not in STOP and (low not in common or zipf(low) < RARE_ZIPF):
                found.append((m.start("n"), m.start("n") + len(low), 0.45))
        return [
            RecognizerResult("FACILITY", s, e, sc, AnalysisExplanation(self.name, sc))
            for s, e, sc in found
        ]
