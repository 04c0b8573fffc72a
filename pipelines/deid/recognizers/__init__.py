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

from pipelines.deid.recognizers.addresses import ForeignStreetRecognizer, extend_address
from pipelines.deid.recognizers.cities import CityGazetteerRecognizer
from pipelines.deid.recognizers.common import CALENDAR_WORDS, NeedsDigits
from pipelines.deid.recognizers.contact import (
    ChatUrlRecognizer,
    IntlPhoneRecognizer,
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
from pipelines.deid.recognizers.institutions import InstitutionRecognizer
from pipelines.deid.recognizers.mail import AnyEmailRecognizer
from pipelines.deid.recognizers.names import (
    NAME_WORDS,
    NOT_A_NAME,
    ContextNameRecognizer,
    NameGazetteerRecognizer,
    extend_name,
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
    IntlStreetRecognizer,
    PostalCodeRecognizer,
    PostalTownRecognizer,
    StreetAddressRecognizer,
    ZipCodeRecognizer,
)

__all__ = [
    "CALENDAR_WORDS",
    "NAME_WORDS",
    "NOT_A_NAME",
    "AccountNumberRecognizer",
    "AgeOver89Recognizer",
    "AnyEmailRecognizer",
    "ChatAnalyzerEngineProvider",
    "ChatSpacyNlpEngine",
    "ChatUrlRecognizer",
    "CityGazetteerRecognizer",
    "CityRecognizer",
    "ContextNameRecognizer",
    "FacilityRecognizer",
    "ForeignStreetRecognizer",
    "HealthPlanIdRecognizer",
    "InstitutionRecognizer",
    "IntlPhoneRecognizer",
    "IntlStreetRecognizer",
    "LemmaContextEnhancer",
    "LongIdRecognizer",
    "MedicalRecordNumberRecognizer",
    "NameGazetteerRecognizer",
    "NeedsDigits",
    "PostalCodeRecognizer",
    "PostalTownRecognizer",
    "SafeHarborDateRecognizer",
    "StreetAddressRecognizer",
    "UsPhoneRecognizer",
    "WebAddressRecognizer",
    "ZipCodeRecognizer",
    "extend_address",
    "extend_name",
    "name_like",
]
