"""Every label set the project shares, defined once: the data contract, the params, the
models, the generator and the analytics all import them from here."""

from __future__ import annotations

TASKS = ("risk", "empathy")
RISK_LEVELS = ("none", "low", "moderate", "high")
URGENT_LEVELS = ("moderate", "high")  # the levels that raise an alert
EMPATHY_MECHANISMS = ("emotional_reactions", "interpretations", "explorations")
EMPATHY_LEVELS = ("0", "1", "2")
DATASET_SPLITS = ("train", "validation", "test")

AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+")
GENDERS = ("female", "male", "nonbinary", "not_stated")
RACE_ETHNICITY = (
    "asian",
    "black",
    "hispanic_latino",
    "white",
    "middle_eastern_north_african",
    "american_indian_alaska_native",
    "pacific_islander",
    "multiracial",
    "not_stated",
)
LANGUAGES = ("english", "spanish", "chinese", "vietnamese", "arabic", "other")
ARMS = ("ai_hybrid", "usual_care")
CRISIS_TYPES = ("crisis_line_contact", "emergency_visit", "clinician_escalation")
REGISTERS = ("standard", "texting", "older_formal", "non_native", "dialectal")

# The trigger topics of the clinician summaries (pipelines/clinical/topics.py).
TOPICS = (
    "work",
    "school",
    "family",
    "relationships",
    "sleep",
    "substances",
    "money",
    "health",
    "loneliness",
    "grief",
    "housing",
)

IDENTIFIER_TYPES = (
    "PERSON",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "STREET_ADDRESS",
    "CITY",
    "ZIP_CODE",
    "DATE",
    "AGE",
    "MEDICAL_RECORD_NUMBER",
    "HEALTH_PLAN_ID",
    "ACCOUNT_NUMBER",
    "US_SSN",
    "URL",
    "IP_ADDRESS",
    "FACILITY",
)
