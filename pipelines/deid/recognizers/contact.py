"""Contact details in chat: US phone numbers and web addresses."""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import NeedsDigits, pattern_table


class UsPhoneRecognizer(NeedsDigits, PatternRecognizer):
    """US phone numbers in the formats people type: (212) 555-0182, 212.555.0182,
    +1 212 555 0182, 2125550182, 555-0182 (with context)."""

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
