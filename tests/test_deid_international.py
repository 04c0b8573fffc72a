"""International phone numbers, non-US street lines and postal codes through the real engine
(built once for the module): each identifier is covered whole and typed, ordinary numbers
(doses, times, scores, years, money, counts, crisis lines) and dates are left alone."""

from __future__ import annotations

import polars as pl
import pytest
import yaml

from pipelines.deid.engine import build_analyzer, deidentify_frame
from pipelines.deid.recognizers import IntlPhoneRecognizer
from pipelines.deid.recognizers.places import PLACES_FILE
from pipelines.deid.words import word_list, word_set

OURS = {"PHONE_NUMBER", "ZIP_CODE", "STREET_ADDRESS"}


@pytest.fixture(scope="module")
def engine(params):
    return build_analyzer(components=params.deidentify.spacy_components)


def _spans(engine, params, text):
    """The merged spans the deidentify stage would replace, as (value, type)."""
    out = deidentify_frame(
        pl.DataFrame({"id": ["1"], "text": [text]}), params.deidentify, source="t", engine=engine
    )
    return [(s.start, s.end, s.type) for s in out.spans[0]]


def _covered(engine, params, text, value, etype):
    """Whether one span of type `etype` covers every character of `value` in `text`."""
    start = text.index(value)
    end = start + len(value)
    spans = _spans(engine, params, text)
    return any(s <= start and e >= end and t == etype for s, e, t in spans), [
        (text[s:e], t) for s, e, t in spans
    ]


PHONES = [
    # international formats
    "+41 36 507 52 91",
    "+44 7700 900123",
    "+44 (0)20 7946 0958",
    "+33 6 12 34 56 78",
    "+234 803 123 4567",
    "+63 917 123 4567",
    "+91 98765 43210",
    "0049 30 1234567",
    "+33612345678",
    "(+44) 7700 900123",
    "+49 (0) 30 1234567",
    "+49-30-1234567",
    "+61 412 345 678",
    "+52 55 1234 5678",
    # local styles
    "03.91.12.17.13",
    "06 12 34 56 78",
    "0612345678",
    "0171 2345678",
    "030/1234567",
    "(021) 8106-014",
    "(011) 4567-8901",
    "07700 900123",
    "020 7946 0958",
    "03-1234-5678",
    "0412 345 678",
    "98765 43210",
    "8 (916) 555-12-34",
    # extensions belong to the number
    "020 7946 0958 ext. 204",
    "+1 212 555 0182 x204",
    "(212) 555-0182 extension 12",
    "212-555-0182 #204",
    "+63 32 555 1180 loc. 204",
]


@pytest.mark.parametrize("number", PHONES)
def test_phone_numbers_from_anywhere_are_covered_whole(engine, params, number):
    text = f"if anything happens my sister's number is {number} ok"
    ok, found = _covered(engine, params, text, number, "PHONE_NUMBER")
    assert ok, found


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("call me on 2345 6789 after work", "2345 6789"),
        ("text me 23456789 if you can", "23456789"),
        ("you can ring 2345-6789 anytime", "2345-6789"),
        ("my mobile: 23456789", "23456789"),
        ("she has whatsapp, 2345 6789", "2345 6789"),
        ("fax is 2345 6789", "2345 6789"),
        ("the landline is 22 33 44 55", "22 33 44 55"),
        ("Tel. 2345 6789", "2345 6789"),
        ("reach me at 2345 6789 x12 pls", "2345 6789 x12"),
        ("her cell 2345 6789", "2345 6789"),
    ],
)
def test_eight_digit_local_numbers_after_a_phone_word(engine, params, text, number):
    ok, found = _covered(engine, params, text, number, "PHONE_NUMBER")
    assert ok, found


STREETS = [
    # house number after the street
    "Storgata 5",
    "Mannerheimintie 12 B 4",
    "Hauptstraße 12",
    "Hauptstr. 5",
    "Kungsgatan 44",
    "Kungsgatan 44, 3 tr",
    "Bredgade 3, 2. tv",
    "Keizersgracht 123",
    "Keizersgracht 123-II",
    "Hauptstraße 12, 2. OG",
    "Karl Johans gate 22",
    "Via Roma 10",
    "Corso Buenos Aires 33",
    "Calle Mayor 23, 2º B",
    "calle mayor 23",
    "Paseo de la Castellana 89",
    "Rua Augusta 100",
    "Avenida Paulista 1578",
    "Rue de la Loi 16",
    "ul. Marszałkowska 10",
    "ul. Długa 7 m. 3",
    "Atatürk Caddesi No: 12",
    "Yeonnam-ro 12-3, 201-ho",
    "Calle 14 #B-27",
    # number first with a foreign street word
    "12 rue de la Paix",
    "8, avenue Foch",
    "3 Chemin des Vignes",
    "15 boulevard Haussmann",
    "221B Baker Street",
    # unit lines and parts, PO boxes
    "Apt. 4B",
    "Flat 3",
    "Unit 7",
    "Wohnung 5",
    "appt 12",
    "Room 1203, Building 5",
    "H.No. 1457, Sector 32-B",
    "PO Box 4567",
    "Postfach 12 34 56",
    "Case postale 123",
]


@pytest.mark.parametrize("street", STREETS)
def test_street_lines_from_anywhere_are_covered_whole(engine, params, street):
    text = f"for the forms, i live at {street} now"
    ok, found = _covered(engine, params, text, street, "STREET_ADDRESS")
    assert ok, found


POSTCODES = [
    ("SW1A 1AA", "my postcode is SW1A 1AA"),
    ("M1 1AE", "she's at M1 1AE these days"),
    ("K1A 0B1", "mail it to K1A 0B1 please"),
    ("1017 CT", "the flat is in 1017 CT Amsterdam"),
    ("75008", "I live in 75008 Paris now"),
    ("10115", "moved to 10115 Berlin last year"),
    ("8001", "address ends 8001 Zürich"),
    ("0150", "it's 0150 Oslo"),
    ("01310-100", "o CEP é 01310-100"),
    ("01310-100", "her place, 01310-100 São Paulo"),
    ("00-950", "send it to 00-950 Warszawa"),
    ("560001", "pin code 560001"),
    ("400001", "they live in Mumbai 400001"),
    ("100-0001", "〒100-0001 Tokyo"),  # the engine trims the mark off the span's edge
    ("100-0001", "postal code 100-0001"),
    ("D02 X285", "eircode D02 X285"),
    ("D02 X285", "she lives near D02 X285"),
]


@pytest.mark.parametrize(("code", "text"), POSTCODES)
def test_postal_codes_from_anywhere_are_covered_whole(engine, params, code, text):
    ok, found = _covered(engine, params, text, code, "ZIP_CODE")
    assert ok, found


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("I live in 75008 Paris now", "Paris"),
        ("her address is SW1A 1AA London", "London"),
        ("Storgata 5, 0150 oslo", "oslo"),
        ("Hauptstraße 12, 10115 Berlin", "Berlin"),
        ("send it to 00-950 Warszawa", "Warszawa"),
        ("Bredgade 3, 2. tv\n1260 København K", "København K"),
    ],
)
def test_the_town_after_a_postal_code_is_a_city(engine, params, text, town):
    ok, found = _covered(engine, params, text, town, "CITY")
    assert ok, found


@pytest.mark.parametrize(
    ("block", "lines"),
    [
        (
            "Flat 3\n12 Oak Road\nLondon\nSW1A 1AA",
            [
                ("Flat 3", "STREET_ADDRESS"),
                ("12 Oak Road", "STREET_ADDRESS"),
                ("SW1A 1AA", "ZIP_CODE"),
            ],
        ),
        (
            "Mannerheimintie 12 B 4\n00100 Helsinki",
            [
                ("Mannerheimintie 12 B 4", "STREET_ADDRESS"),
                ("00100", "ZIP_CODE"),
                ("Helsinki", "CITY"),
            ],
        ),
        (
            "Calle Mayor 23, 2º B\n28013 Madrid",
            [
                ("Calle Mayor 23, 2º B", "STREET_ADDRESS"),
                ("28013", "ZIP_CODE"),
                ("Madrid", "CITY"),
            ],
        ),
        (
            "Hauptstraße 12\nWohnung 5\n10115 Berlin",
            [
                ("Hauptstraße 12", "STREET_ADDRESS"),
                ("Wohnung 5", "STREET_ADDRESS"),
                ("10115", "ZIP_CODE"),
                ("Berlin", "CITY"),
            ],
        ),
    ],
)
def test_every_identifying_line_of_a_postal_block_is_covered(engine, params, block, lines):
    text = f"my mum's address is\n{block}\nthanks"
    for value, etype in lines:
        ok, found = _covered(engine, params, text, value, etype)
        assert ok, (value, found)


NOT_OURS = [
    "I take 50 mg twice a day",
    "sertraline 100mg, upped from 50mg",
    "we meet at 10.30 tomorrow, or 09.30 10.30 11.30",
    "my PHQ-9 of 14 and GAD-7 of 12",
    "scored 21 out of 27 again",
    "back in 2019 and 2020 things were ok",
    "in 2019 Paris was fun",
    "the 2024 Christmas party",
    "it cost $1,250.00 and €1.500",
    "call 988 or text HOME to 741741",
    "I slept 4 hours, 3 times a week",
    "lost 12 kg in 2023",
    "10000 steps today, 12000 yesterday",
    "my alarm is 0630 tomorrow, shift from 0800 to 1700",
    "at 1030 AM I took 1000 MG",
    "felt flat 3 days in a row",
    "unit 7 test is on friday",
    "my appt 10 am",
    "2 square feet of floor",
    "3 route options",
    "Via Zoom 2 times",
    "Departure Gate 12 was closed",
    "took 50-100 mg",
    "999 in the UK. Dr. Cruz will call",
    "I did start the sertraline 25 mg Dr. Whitaker prescribed",
    "bp was 120/80 at 9.45",
    "I'm 5'10 and 180 lbs",
    "room 12, 14 and 16",
    "sober 1000 days",
    "called 3 times between 2020 and 2024",
    "my scores went 14 12 9 7",
    "I weigh 72.5 kg",
    "a 1-2-3 plan",
    "on 01.02.2023 at 10.30 I went",
    "on 03.11.24 10.30 I went",
    "my order 2345 6789 shipped",
]


@pytest.mark.parametrize("text", NOT_OURS)
def test_ordinary_numbers_are_not_phones_postcodes_or_streets(engine, params, text):
    spans = _spans(engine, params, text)
    assert not [(text[s:e], t) for s, e, t in spans if t in OURS]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("on 14/02 I saw her", "14/02"),
        ("since 03.11. I feel worse", "03.11"),
        ("on 12.03.", "12.03"),
    ],
)
def test_day_first_dates_stay_dates(engine, params, text, date):
    ok, found = _covered(engine, params, text, date, "DATE")
    assert ok, found
    assert not [v for v, t in found if t in OURS]


def test_presidio_phone_recognizer_is_not_needed_for_the_fictional_numbers():
    """Presidio's PhoneRecognizer (default regions, valid numbers only) misses numbers that
    are well formed but unassigned, which is what people (and test writers) invent; ours
    takes them by shape."""
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    text = "my number is +44 7700 900123"
    assert not PhoneRecognizer().analyze(text, ["PHONE_NUMBER"])
    found = IntlPhoneRecognizer().analyze(text, None, None)
    assert [text[r.start : r.end] for r in found] == ["+44 7700 900123"]


def test_the_place_word_lists_load_as_text():
    keys = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    for key in keys:
        assert word_list(key, PLACES_FILE)
    assert {"on", "yes", "no"} <= word_set("not_a_town", PLACES_FILE)
    assert "straße" in word_list("street_endings", PLACES_FILE)
