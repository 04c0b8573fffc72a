"""Address lines around a found street: the unit, building, block and landmark parts that
people type before or after it ("Bldg Khoury, 3rd floor, Rue Mar Elias", "Via Garibaldi 17,
scala B, int. 9", "House 45, Street 7, Block C"), and foreign street names typed without a
house number."""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import pattern_table
from pipelines.deid.words import alternation

# Words that make a comma-separated part of an address line ("3rd floor", "Block C").
PART_WORDS = alternation("address_part_words")
# Street-type words that open a street name in many languages ("rue", "calle", "via").
STREET_OPENERS = alternation("street_openers")
PART = regex.compile(
    rf"(?i)(?:\b{PART_WORDS}\b|\d)",
)
MAX_PART_WORDS = 6
# What separates the pieces of an address line: a comma, a slash or a line break.
SEPARATOR = regex.compile(r"\s*(?:,|/|\n)\s*")
SEPARATOR_BEFORE = regex.compile(r"(?:,|/|\n)\s*$")
POSTCODE_LINE = regex.compile(
    r"(?:[A-Z]{1,2}-?)?\d{4,6}(?:-\d{3,4})?\b|(?-i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)"
    r"|(?-i:[A-Z]\d[A-Z]\s?\d[A-Z]\d\b)"
)
# One piece of an address line: up to the next comma, slash, line break or sentence end; a
# dot inside it is kept after a short abbreviation ("int. 9", "Imm. Nassar") or before a
# number ("No. 42").
PIECE = regex.compile(r"(?:[^,/\n;!?.]|\.(?=\s*\d)|(?<=(?<!\p{L})\p{L}{1,4})\.)*")
# Words typed right before a house number or a building ("No. 7", "H/No. 24", "Hse 14").
PREFIX = regex.compile(
    r"(?i)\b(?:no|nr|h/no|hse|house|plot|apt|flat|unit|bldg|block|blk|lot|room)\.?\s*$"
)


def _is_part(part: str) -> bool:
    """A short comma-separated piece that reads as part of an address (not the postcode and
    town line, which the postcode recognizers type as such)."""
    words = part.split()
    if not 0 < len(words) <= MAX_PART_WORDS or POSTCODE_LINE.match(part):
        return False
    return bool(PART.search(part))


def extend_address(text: str, start: int, end: int, max_parts: int = 3) -> tuple[int, int]:
    """Widen a found street address over the address parts typed next to it, each separated
    by a comma, a slash or a line break, at most `max_parts` each way."""
    for _ in range(max_parts):
        m = SEPARATOR.match(text, end)
        if not m:
            break
        nxt = PIECE.match(text, m.end()).group(0).rstrip()
        if not _is_part(nxt):
            break
        end = m.end() + len(nxt)
    for _ in range(max_parts):
        m = SEPARATOR_BEFORE.search(text[:start])
        if not m:
            break
        before = text[: m.start()]
        prev = regex.search(r"[^,/\n!?;:]*$", before).group(0)
        prev = prev[prev.rfind(". ") + 2 :] if ". " in prev else prev
        if not _is_part(prev.strip()):
            break
        start = m.start() - len(prev.lstrip())
    prefix = PREFIX.search(text[max(0, start - 12) : start])
    if prefix:
        start -= len(prefix.group(0))
    return start, end


class ForeignStreetRecognizer(PatternRecognizer):
    """A street-type word of another language followed by a capitalised name, with no house
    number: "Rue Mar Elias", "calle Hidalgo", "ul. Mickiewicza"."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        name = r"(?-i:\p{Lu}[\p{L}'’-]+)"
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="ForeignStreetRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "opener name",
                    rf"\b{STREET_OPENERS}\s+(?:(?:de|del|de\s+la|des|du|da|do|dos|di|della)\s+)?"
                    rf"{name}(?:\s+{name}){{0,3}}",
                    0.6,
                ),
            ),
        )
