"""Contact details in chat: phone numbers (US and international) and web addresses."""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import NeedsDigits, pattern_table

# An extension typed after a number belongs to it: 'ext. 204', 'x204', 'extension 12', '#204',
# 'loc. 204' (Philippines), 'wew. 14' (Poland), 'poste 12', 'Durchwahl 3', 'ramal 5'.
EXTENSION_WORD = r"(?:ext|extension|x|\#|loc|local|wew|poste|dw|durchwahl|anexo|ramal|int|interno)"
EXTENSION = rf"(?:[ \t]*,?[ \t]*{EXTENSION_WORD}\.?[ \t]*[.:]?[ \t]*\d{{1,5}}(?!\d))?"
# Where a phone number ends: not inside a longer number, a decimal, a date or a word.
PHONE_END = r"(?![\w/]|[.,:-]\d|[ \t]?\d)"
# Words that make a bare eight-digit group a phone number when they come shortly before it
# ('number' only as someone's number: 'my number', 'her new number', not 'ticket number').
PHONE_WORDS = (
    r"(?:call|text|ring|rang|phone|mobile|cell|landline|tel|whatsapp|reach\s+me|fax|handy|tlf|"
    r"telefon|t[ée]l[ée]fono|m[óo]vil|celular|contact|signal|viber|telegram|(?<=(?:^|[.!?:]\s*|"
    r"\b(?:my|her|his|their|your|our|the|new|old|home|work|office|direct|emergency)\s+))number)"
)


class UsPhoneRecognizer(NeedsDigits, PatternRecognizer):
    """US phone numbers in the formats people type: (212) 555-0182, 212.555.0182,
    +1 212 555 0182, 2125550182, 555-0182 (with context), with any extension ('x204')."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        sep = r"[\s.-]?"
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="UsPhoneRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "nanp",
                    rf"(?<![\w+])(?:\+?1{sep})?(?:\(\d{{3}}\)\s?|\d{{3}}{sep})\d{{3}}{sep}"
                    rf"\d{{4}}(?!\d){EXTENSION}",
                    0.7,
                ),
                ("plus1 compact", rf"(?<!\w)\+1\d{{10}}(?!\d){EXTENSION}", 0.8),
                ("seven digit", rf"(?<![\d-])\d{{3}}-\d{{4}}(?![\d-]){EXTENSION}", 0.4),
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


class IntlPhoneRecognizer(NeedsDigits, PatternRecognizer):
    """Phone numbers outside the US formats: with a country code ('+44 7700 900123',
    '+44 (0)20 7946 0958', '0049 30 1234567'), with a trunk zero ('020 7946 0958', '030/1234567',
    '(011) 4567-8901', '03.91.12.17.13'), Indian and Chinese mobiles, and eight-digit local
    numbers ('2345 6789') after a phone word. Extensions are part of the number.

    Presidio's `PhoneRecognizer` (python-phonenumbers) was measured on the same examples and
    left out: with its default regions and validation it misses well-formed numbers that are
    not assigned, which is what people invent ('+44 7700 900123'), and bare local numbers, at
    about eight times the time of these patterns; with every region it is thirty times slower
    again, and run leniently it tags every small number ('50', '2019').
    """

    # At least seven digits with at most one separator between any two: a cheap pre-check.
    HINT = regex.compile(r"\d(?:[\s().\-/]{0,2}\d){6}")
    START = r"(?<![\w+.,/:-])"
    # Other identifiers with a leading zero: a date with a time after it, a social security
    # number (3-2-4 digits, or nine digits in a row) and a ZIP+4 code.
    NOT_A_PHONE = regex.compile(
        r"\(?\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2}(?!\1))|\d{3}([ -]?)\d{2}\2\d{4}$|"
        r"\d{5}-\d{4}$"
    )

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        groups = r"\(?\d{1,14}\)?(?:[ .\-/]\(?\d{1,10}\)?){0,6}"
        trunk = r"(?:[ .-]?\(0\)[ .-]?|[ .-]?)"
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="IntlPhoneRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "country code",
                    rf"(?<![\w+])(?:\+|\(\+)\d{{1,3}}\)?{trunk}{groups}{PHONE_END}{EXTENSION}",
                    0.75,
                ),
                (
                    "00 country code",
                    rf"{self.START}00[1-9]\d{{0,2}}{trunk}{groups}{PHONE_END}{EXTENSION}",
                    0.65,
                ),
                (
                    "trunk zero",
                    rf"{self.START}(?:\(0\d{{1,4}}\)|0\d{{1,4}})[ ./-]?\d{{2,8}}"
                    rf"(?:[ .-]\d{{2,5}}){{0,2}}{PHONE_END}{EXTENSION}",
                    0.6,
                ),
                (
                    "pairs",
                    rf"{self.START}0[1-9](?P<sep>[ .-]?)\d{{2}}(?:(?P=sep)\d{{2}}){{3}}{PHONE_END}"
                    rf"{EXTENSION}",
                    0.6,
                ),
                (
                    "russian trunk 8",
                    rf"{self.START}8(?:[ -]\(?|\()\d{{3,4}}\)?[ -]?\d{{2,3}}[ -]\d{{2}}[ -]\d{{2}}"
                    rf"{PHONE_END}{EXTENSION}",
                    0.55,
                ),
                ("2-4-4 dashed", rf"{self.START}\d{{2}}-\d{{4}}-\d{{4}}{PHONE_END}", 0.5),
                ("india mobile", rf"{self.START}[6-9]\d{{4}}[ -]\d{{5}}{PHONE_END}", 0.55),
                ("china mobile", rf"{self.START}1[3-9]\d[ -]\d{{4}}[ -]\d{{4}}{PHONE_END}", 0.55),
                (
                    "local after phone word",
                    rf"{self.START}(?<=\b{PHONE_WORDS}\w*\b[^\d\n]{{0,30}})(?:\d{{4}}[ -]?\d{{4}}|"
                    r"\d{2}(?:[ .]\d{2}){3}|\d{3}[ ]\d{2}[ ]\d{3}|\d{3}[ -]\d{3}[ -]\d{3}|"
                    rf"\d{{2}}[ ]\d{{4}}[ ]\d{{4}}|\d{{3}}[ ]\d{{4}}){PHONE_END}{EXTENSION}",
                    0.6,
                ),
            ),
            context=["call", "text", "phone", "number", "mobile", "whatsapp", "landline"],
        )

    def invalidate_result(self, pattern_text: str) -> bool | None:
        """Too few or too many digits for the prefix typed, or another identifier's shape."""
        number = regex.split(rf"(?i)[ \t,]*{EXTENSION_WORD}", pattern_text)[0]
        digits = len(regex.findall(r"\d", number.replace("(0)", "")))
        if number.startswith(("+", "(+")):
            return not 8 <= digits <= 15
        if number.startswith("00"):
            return not 10 <= digits <= 17
        if number.startswith(("0", "(0")):
            return bool(self.NOT_A_PHONE.match(number)) or not 9 <= digits <= 12
        return None


class WebAddressRecognizer(NeedsDigits, PatternRecognizer):
    """Web addresses Presidio's URL recognizer misses (underscores in host names, bare
    'www.' or 'site.com/path' links)."""

    HINT = regex.compile(r"https?:|www\.|[a-z0-9]\.[a-z]{2,}/", regex.IGNORECASE)

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="URL",
            name="WebAddressRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
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
