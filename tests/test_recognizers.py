"""Table-driven span tests: each recognizer finds what it should and leaves clinical words."""

from __future__ import annotations

import pytest

from pipelines.deid import recognizers as r


def _found(recognizer, text):
    return {(x.entity_type, text[x.start : x.end]) for x in recognizer.analyze(text, None, None)}


CASES = [
    # (recognizer, text, expected (type, value) subset, values that must not be found)
    (
        r.SafeHarborDateRecognizer,
        "my appointment is on March 3rd at 2",
        {("DATE", "March 3rd")},
        [],
    ),
    (r.SafeHarborDateRecognizer, "next appt 03/24/2026.", {("DATE", "03/24/2026")}, []),
    (
        r.SafeHarborDateRecognizer,
        "since the 12th of June, 2025",
        {("DATE", "the 12th of June, 2025")},
        [],
    ),
    (
        r.SafeHarborDateRecognizer,
        "I'm going to do it tonight, two weeks ago, every morning, on "
        "Thursday, in 2024, 24/7 support",
        set(),
        ["tonight", "Thursday", "2024", "24/7"],
    ),
    (
        r.UsPhoneRecognizer,
        "call (212) 555-0182 or 212.555.0182 or +1 212 555 0182",
        {
            ("PHONE_NUMBER", "(212) 555-0182"),
            ("PHONE_NUMBER", "212.555.0182"),
            ("PHONE_NUMBER", "+1 212 555 0182"),
        },
        [],
    ),
    (
        r.StreetAddressRecognizer,
        "I live at 4410 Martin Luther King Jr Blvd, Apt 3 now",
        {("STREET_ADDRESS", "4410 Martin Luther King Jr Blvd, Apt 3")},
        [],
    ),
    (r.ZipCodeRecognizer, "Springfield, IL 62704", {("ZIP_CODE", "62704")}, []),
    (r.CityRecognizer, "we're moving to Chattanooga next month", {("CITY", "Chattanooga")}, []),
    (r.CityRecognizer, "Springfield, IL 62704", {("CITY", "Springfield")}, []),
    (
        r.AgeOver89Recognizer,
        "my grandma is 93 years old and grandpa's 101",
        {("AGE", "93"), ("AGE", "101")},
        [],
    ),
    (r.AgeOver89Recognizer, "I'm 45, PHQ-9 was 14, slept 90 minutes", set(), ["45", "90"]),
    (
        r.MedicalRecordNumberRecognizer,
        "my MRN is 4829130 and patient number at the clinic is g0956884",
        {("MEDICAL_RECORD_NUMBER", "4829130"), ("MEDICAL_RECORD_NUMBER", "g0956884")},
        [],
    ),
    (
        r.HealthPlanIdRecognizer,
        "my policy number in case you need it: 393-32-7191-A",
        {("HEALTH_PLAN_ID", "393-32-7191-A")},
        [],
    ),
    (
        r.AccountNumberRecognizer,
        "billing account ACCT-0098123",
        {("ACCOUNT_NUMBER", "ACCT-0098123")},
        [],
    ),
    (
        r.FacilityRecognizer,
        "I was at St. Mary's Hospital and then Riverside Behavioral Health",
        {("FACILITY", "St. Mary's Hospital"), ("FACILITY", "Riverside Behavioral Health")},
        [],
    ),
    (
        r.FacilityRecognizer,
        "the hospital was busy; call emergency services; couples counselling",
        set(),
        ["the hospital", "emergency services", "couples counselling"],
    ),
    (
        r.WebAddressRecognizer,
        "see http://peterson_jason.blogspot.com for it",
        {("URL", "http://peterson_jason.blogspot.com")},
        [],
    ),
]


@pytest.mark.parametrize(("cls", "text", "expected", "absent"), CASES)
def test_pattern_recognizers(cls, text, expected, absent):
    found = _found(cls(), text)
    assert expected <= found, found
    assert not [v for _, v in found if v in absent]


NAME_CASES = [
    ("my sister hope said hi", {"hope"}),
    ("Is dr Woźniak still running the group?", {"Woźniak"}),
    ("Yuto, thank you for checking in.", {"Yuto"}),
    ("baljit (my foster mom) keeps asking", {"baljit"}),
    ("My father is called Will, in case it comes up", {"Will"}),
    ("Ricardo told me to use the app", {"Ricardo"}),
    ("My ex-husband Hoa is coming to stay", {"Hoa"}),
]


@pytest.mark.parametrize(("text", "names"), NAME_CASES)
def test_names_in_chat_contexts(text, names):
    found = {v for t, v in _found(r.ContextNameRecognizer(), text) if t == "PERSON"}
    assert names <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "my mum drove me to my appointment",
        "I'm rambling again",
        "sorry, I'm late",
        "my sister is fine",
    ],
)
def test_everyday_words_after_name_contexts_are_not_names(text):
    assert not _found(r.ContextNameRecognizer(), text)
