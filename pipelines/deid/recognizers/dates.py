"""Dates with a day or month element, and ages over 89: the Safe Harbor date elements."""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import NeedsDigits, pattern_table

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # Spanish, Portuguese, French, German and Italian month names, as patients write them
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro"
    r"|novembro|dezembro|janvier|février|mars|avril|juin|juillet|août|septembre|octobre"
    r"|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio"
    r"|aprile|maggio|giugno|luglio|settembre|ottobre)\.?"
)
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# Units after a number that make it a quantity, not a date ("7.5 mg", "1.5 hrs").
NOT_A_QUANTITY = (
    r"(?!\s*(?:mg|mcg|ml|g|kg|lbs?|hrs?|hours?|h|mins?|minutes?|days?|weeks?|wks?|months?|"
    r"times|x|%|percent|beers|drinks|cups|pills|tabs?|miles|km|am|pm)\b)"
)


class SafeHarborDateRecognizer(NeedsDigits, PatternRecognizer):
    """Dates with a day or month element ("March 3rd", "3/14", "2025-04-02", "the 12th of
    June"). Years alone, weekdays and relative time ("tonight", "two weeks ago") are kept:
    Safe Harbor does not require removing them and they carry clinical meaning."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="DATE",
            name="SafeHarborDateRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                ("month day", rf"\b{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?", 0.8),
                (
                    "day month",
                    rf"\b(?:the\s+)?{DAY}\.?\s+(?:of\s+|de\s+)?{MONTH}(?:,?\s+(?:de\s+)?{YEAR})?\b",
                    0.8,
                ),
                (
                    # "3/14", "03.14.2024", "3-14-2024"; a bare "3-4" is a range ("3-4 hrs")
                    "numeric",
                    r"(?<![\d/.-])(?:0?[1-9]|1[0-2])(?:[/.](?:0?[1-9]|[12]\d|3[01])"
                    r"(?:[/.](?:\d{4}|\d{2}))?|-(?:0?[1-9]|[12]\d|3[01])-(?:\d{4}|\d{2}))"
                    rf"(?![\d/-]|\.\d){NOT_A_QUANTITY}",
                    0.6,
                ),
                ("iso", rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b", 0.9),
                (
                    # "on the 9th", "since the 4th", "Saturday the 17th" (not "the 3rd time")
                    "the nth",
                    rf"(?<=\b(?:on|since|by|until|till|before|after|from|for|is|was|to|and|or|like|"
                    rf"{WEEKDAY})\s+)(?:{WEEKDAY},?\s+)?the\s+{DAY}(?<=\d(?:st|nd|rd|th))"
                    r"\b(?!\s+(?:time|floor|grade|attempt|place|day|week|month|year|step|session|"
                    r"round|try|visit|dose|of\s+(?:us|them|my|the)))",
                    0.6,
                ),
                (
                    # "on 11-3", "since 4-12": a dashed month-day after a date cue
                    "dashed after cue",
                    r"(?<=\b(?:on|since|by|until|till|before|after|dob|born|date|is|was)\s+)"
                    r"(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b(?!-\d|\s*(?:hrs?|hours?|days?"
                    r"|weeks?|times|x|pm|am)\b)",
                    0.6,
                ),
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
            patterns=pattern_table(
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
