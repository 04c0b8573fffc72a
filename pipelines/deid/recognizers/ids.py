"""Medical record numbers, health plan ids, account numbers and other long identifiers."""

from __future__ import annotations

from presidio_analyzer import PatternRecognizer

from pipelines.deid.recognizers.common import NeedsDigits, pattern_table


class MedicalRecordNumberRecognizer(NeedsDigits, PatternRecognizer):
    """Medical record numbers: 'MRN 4829130', 'MRN4829130', 'record number 123-456-789'."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        ctx = (
            r"(?:mrn|medical record(?: number| no\.?| #)?|record (?:number|no\.?|#)|"
            r"chart (?:number|no\.?|#)|patient (?:id|number|no\.?|#)|hospital number)"
        )
        super().__init__(
            supported_entity="MEDICAL_RECORD_NUMBER",
            name="MedicalRecordNumberRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "number ... is",
                    r"(?<=\b(?:patient|record|chart|mrn|hospital|medical)\s*(?:number|no\.?|#|id)"
                    r"\b[^.\n]{0,60}?\b(?:is|was|:|#)\s*)(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,20}\b",
                    0.8,
                ),
                ("mrn glued", r"\bmrn[-#:]?\d{5,12}\b", 0.9),
                (
                    "context then colon",
                    rf"(?<=\b{ctx}\b[^.\n:]{{0,40}}?[:#]\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,20}\b",
                    0.8,
                ),
                (
                    "after context",
                    rf"(?<=\b{ctx}\s*(?:is|was|:|#|number)?\s*(?:is\s*)?:?\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,16}\b",
                    0.85,
                ),
            ),
            context=["mrn", "record", "chart", "medical"],
        )


class HealthPlanIdRecognizer(NeedsDigits, PatternRecognizer):
    """Insurance member / policy / group ids after their context words."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        ctx = (
            r"(?:insurance|member|policy|subscriber|group|plan|medicaid|medicare|"
            r"coverage|beneficiary|bcbs|aetna|cigna|humana|united|kaiser)"
            r"(?:\s+(?:id|number|no\.?|#|card|card number))?"
        )
        super().__init__(
            supported_entity="HEALTH_PLAN_ID",
            name="HealthPlanIdRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "after context",
                    rf"(?<=\b{ctx}\s*(?:is|was|:|#)?\s*(?:is\s*)?:?\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,20}\b",
                    0.85,
                ),
                (
                    "context then colon",
                    rf"(?<=\b{ctx}\b[^.\n:]{{0,40}}?[:#]\s*)"
                    r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,20}\b",
                    0.8,
                ),
                ("letters digits", r"(?-i:\b[A-Z]{1,4}-?\d{7,12}(?:-[A-Z0-9]{1,3})?\b)", 0.5),
                ("digit groups letter", r"\b\d{3}-\d{2}-\d{4}-[A-Z]\b", 0.6),
            ),
            context=["insurance", "member", "policy", "plan", "id", "card"],
        )


class AccountNumberRecognizer(NeedsDigits, PatternRecognizer):
    """Account numbers: 'ACCT-0098123', digit groups after 'account', long bare digit runs."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        ctx = (
            r"(?:account|acct|acc|a/c|billing|invoice|reference|ref|confirmation|"
            r"case|claim|card|routing)(?:\s+(?:number|no\.?|#|id))?"
        )
        super().__init__(
            supported_entity="ACCOUNT_NUMBER",
            name="AccountNumberRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                ("acct glued", r"\bacct[-#:]?\s?\d{4,14}\b", 0.9),
                (
                    "context then colon",
                    rf"(?<=\b{ctx}\b[^.\n:]{{0,40}}?[:#]\s*)"
                    r"(?=[A-Z0-9 -]*\d)[A-Z0-9](?:[A-Z0-9-]| (?=\d)){4,22}\b",
                    0.8,
                ),
                (
                    "after context",
                    rf"(?<=\b{ctx}\s*(?:is|was|:|#)?\s*(?:is\s*)?:?\s*)"
                    r"(?=[A-Z0-9 -]*\d)[A-Z0-9](?:[A-Z0-9-]| (?=\d)){5,22}\b",
                    0.8,
                ),
                ("digit groups", r"(?<![\d-])\d{4}[ -]\d{4}[ -]\d{4}(?:[ -]\d{4})?(?![\d-])", 0.6),
                ("long digits", r"(?<![\d.-])\d{8,16}(?![\d.])", 0.4),
            ),
            context=["account", "acct", "billing", "number", "bank"],
        )


class LongIdRecognizer(NeedsDigits, PatternRecognizer):
    """Any other identifier-shaped token (mixed letters and 5+ digits, or 6+ digits): Safe
    Harbor's 'any other unique identifying number'. Typed by the nearest context word."""

    def __init__(self, supported_language: str = "en", **_: object) -> None:
        super().__init__(
            supported_entity="MEDICAL_RECORD_NUMBER",
            name="LongIdRecognizer",
            supported_language=supported_language,
            patterns=pattern_table(
                (
                    "mixed",
                    r"\b(?=[A-Z0-9-]*\d{5})(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,20}"
                    r"\b",
                    0.45,
                ),
                ("digits", r"(?<![\d.,/:-])\d{6,12}(?![\d.,/:]\d)", 0.35),
                ("dashed digits", r"(?<![\d-])\d{3}-\d{3}-\d{3,4}(?![\d-])", 0.35),
                (
                    # "8823 4419 01", "6222 0210 0104 5578 331": nine or more digits in groups
                    "digit groups",
                    r"(?<![\d-])(?=(?:[ -]?\d){9})\d{2,6}(?:[ -]\d{2,6}){2,5}(?![\d-])",
                    0.4,
                ),
                (
                    # "7TR4-KM2-HX91" (Medicare's identifier): three or more groups of capitals
                    # and digits
                    "mixed groups",
                    r"(?-i:\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{3,5}(?:-[A-Z0-9]{2,5}){2,4}\b)",
                    0.5,
                ),
            ),
        )
