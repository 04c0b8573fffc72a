"""Presidio recognizers for the Safe Harbor identifiers that occur in chat text.

One small recognizer per identifier type, a module per family: `names`, `dates`, `contact`,
`places`, `ids`, plus `nlp` (the engine classes around them) and `common` (shared pieces).
Their word lists live in `pipelines/deid/conf/words.yaml`. The classes are named in
`pipelines/deid/conf/presidio.yaml` (type: predefined), which Presidio resolves by class
name among the subclasses of `EntityRecognizer`: importing this package defines them all.
Patterns use the `regex` module Presidio compiles them with (variable-width look-behind is
allowed), case-insensitive unless a pattern says `(?-i)`.
"""

from __future__ import annotations

from pipelines.deid.recognizers.common import CALENDAR_WORDS, NeedsDigits
from pipelines.deid.recognizers.contact import (
    ChatUrlRecognizer,
    UsPhoneRecognizer,
    WebAddressRecognizer,
)
from pipelines.deid.recognizers.dates import AgeOver89Recognizer, SafeHarborDateRecognizer
from pipelines.deid.recognizers.ids import (
    AccountNumberRecognizer,
    HealthPlanIdRecognizer,
    LongIdRecognizer,
    MedicalRecordNumberRecognizer,
)
from pipelines.deid.recognizers.names import (
    NAME_WORDS,
    NOT_A_NAME,
    ContextNameRecognizer,
    NameGazetteerRecognizer,
    name_like,
)
from pipelines.deid.recognizers.nlp import (
    ChatAnalyzerEngineProvider,
    ChatSpacyNlpEngine,
    LemmaContextEnhancer,
)
from pipelines.deid.recognizers.places import (
    CityRecognizer,
    FacilityRecognizer,
    StreetAddressRecognizer,
    ZipCodeRecognizer,
)

__all__ = [
    "CALENDAR_WORDS",
    "NAME_WORDS",
    "NOT_A_NAME",
    "AccountNumberRecognizer",
    "AgeOver89Recognizer",
    "ChatAnalyzerEngineProvider",
    "ChatSpacyNlpEngine",
    "ChatUrlRecognizer",
    "CityRecognizer",
    "ContextNameRecognizer",
    "FacilityRecognizer",
    "HealthPlanIdRecognizer",
    "LemmaContextEnhancer",
    "LongIdRecognizer",
    "MedicalRecordNumberRecognizer",
    "NameGazetteerRecognizer",
    "NeedsDigits",
    "SafeHarborDateRecognizer",
    "StreetAddressRecognizer",
    "UsPhoneRecognizer",
    "WebAddressRecognizer",
    "ZipCodeRecognizer",
    "name_like",
]
