"""Email addresses with any top-level domain: Presidio's recognizer accepts only domains on
the public suffix list, so an address at a new, private or mistyped domain would survive."""

from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import NeedsDigits, pattern_table


class AnyEmailRecognizer(NeedsDigits, PatternRecognizer):
    """`local@host.tld` for any host and top-level domain of letters."""

    HINT = regex.compile(r"@")

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="EMAIL_ADDRESS",
            name="AnyEmailRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "any tld",
                    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}(?![\w-])",
                    0.8,
                ),
            ),
        )
