"""Synthetic identifiers for transcripts: a consistent persona per patient, many surface forms.

Each patient has one name, relatives, friends, clinicians, a phone, an email and an address
that recur across their conversations (as real identifiers do), written in varied formats.
Nothing here is real: names are common names by origin group; numbers are random.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from pipelines.synth.language import Entity
from pipelines.synth.namebank import (
    EMAIL_DOMAINS,
    FACILITY_TEMPLATES,
    NAME_ORIGINS,
    RELATIONS,
    SAINTS,
    STREET_NAMES,
    STREET_SUFFIXES,
    UNIT_FORMS,
    URL_TEMPLATES,
    US_CITIES,
)

ORIGINS = tuple(NAME_ORIGINS)
# Name origin mix by race/ethnicity (and primary language, below): names follow families.
ORIGIN_MIX: dict[str, dict[str, float]] = {
    "white": {"anglo": 0.68, "slavic": 0.14, "word_names": 0.14, "hispanic_latino": 0.04},
    "black": {"african_american": 0.6, "west_african": 0.2, "anglo": 0.1, "word_names": 0.1},
    "hispanic_latino": {"hispanic_latino": 0.86, "anglo": 0.08, "word_names": 0.06},
    "asian": {"east_asian": 0.45, "south_asian": 0.3, "vietnamese_filipino": 0.2, "anglo": 0.05},
    "middle_eastern_north_african": {"arabic": 0.85, "anglo": 0.1, "slavic": 0.05},
}
LANGUAGE_ORIGIN = {
    "spanish": "hispanic_latino",
    "chinese": "east_asian",
    "vietnamese": "vietnamese_filipino",
    "arabic": "arabic",
}
AREA_CODES = (
    "212",
    "213",
    "224",
    "267",
    "301",
    "305",
    "312",
    "347",
    "404",
    "415",
    "469",
    "503",
    "512",
    "602",
    "614",
    "617",
    "646",
    "702",
    "704",
    "713",
    "718",
    "720",
    "773",
    "786",
    "817",
    "832",
    "901",
    "917",
    "929",
    "971",
)
PHONE_FORMATS = (
    "({a}) {b}-{c}",
    "{a}-{b}-{c}",
    "{a}.{b}.{c}",
    "{a}{b}{c}",
    "+1 {a} {b} {c}",
    "{a} {b} {c}",
    "1-{a}-{b}-{c}",
    "+1 ({a}) {b}-{c}",
    "+1{a}{b}{c}",
    "{b}-{c}",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NUMBER_WORDS = {
    90: "ninety",
    91: "ninety-one",
    92: "ninety-two",
    93: "ninety-three",
    94: "ninety-four",
    95: "ninety-five",
    96: "ninety-six",
    97: "ninety-seven",
    98: "ninety-eight",
    99: "ninety-nine",
    100: "one hundred",
}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pick_origin(race: str, language: str, rng: random.Random) -> str:
    """Draw a name origin group for a patient from their race/ethnicity and language."""
    if language in LANGUAGE_ORIGIN and rng.random() < 0.8:
        return LANGUAGE_ORIGIN[language]
    mix = ORIGIN_MIX.get(race)
    if mix is None:
        return rng.choice(ORIGINS)
    return rng.choices(list(mix), weights=list(mix.values()))[0]


@dataclass
class Person:
    first: str
    last: str
    origin: str


def _person(origin: str, rng: random.Random) -> Person:
    bank = NAME_ORIGINS[origin]
    last_origin = origin if origin != "word_names" or rng.random() < 0.5 else "anglo"
    return Person(rng.choice(bank["first"]), rng.choice(NAME_ORIGINS[last_origin]["last"]), origin)


@dataclass
class Persona:
    """The identifiers one patient's conversations keep mentioning."""

    patient: Person
    relatives: dict[str, Person]
    friends: list[Person]
    clinicians: list[Person]
    phone: str
    email_user: str
    street: str
    city: tuple[str, str, str]
    facility: str
    used: dict[str, int] = field(default_factory=dict)


def make_persona(
    race: str, language: str, clinicians: list[Person], rng: random.Random
) -> Persona:
    """A patient's persona: family names mostly share the patient's origin group."""
    origin = pick_origin(race, language, rng)
    patient = _person(origin, rng)
    relatives = {}
    for rel in rng.sample(RELATIONS, k=3):
        rel_origin = origin if rng.random() < 0.8 else rng.choice(ORIGINS)
        p = _person(rel_origin, rng)
        relatives[rel] = Person(
            p.first, patient.last if rng.random() < 0.5 else p.last, rel_origin
        )
    friends = [
        _person(origin if rng.random() < 0.5 else rng.choice(ORIGINS), rng) for _ in range(2)
    ]
    a, b, c = rng.choice(AREA_CODES), rng.randint(201, 989), rng.randint(0, 9999)
    phone = rng.choice(PHONE_FORMATS).format(a=a, b=f"{b:03d}", c=f"{c:04d}")
    sep = rng.choice([".", "_", "", ""])
    user = rng.choice(
        [
            f"{patient.first}{sep}{patient.last}",
            f"{patient.first[0]}{patient.last}",
            f"{patient.first}{rng.randint(1, 99)}",
            f"{patient.last}{sep}{patient.first}",
        ]
    )
    street = f"{rng.randint(1, 9899)} {rng.choice(STREET_NAMES)} {rng.choice(STREET_SUFFIXES)}"
    if rng.random() < 0.3:
        street += ", " + rng.choice(UNIT_FORMS).format(n=rng.randint(1, 40))
    city = rng.choice(US_CITIES)
    facility = rng.choice(FACILITY_TEMPLATES).format(city=city[0], saint=rng.choice(SAINTS))
    return Persona(
        patient,
        relatives,
        friends,
        rng.sample(clinicians, k=min(2, len(clinicians))),
        phone,
        user.lower().replace(" ", "").replace("'", ""),
        street,
        city,
        facility,
    )


def make_clinicians(n: int, rng: random.Random) -> list[Person]:
    """A site's clinicians, from every origin group."""
    return [_person(rng.choice(ORIGINS), rng) for _ in range(n)]


def _date(rng: random.Random) -> str:
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    y = rng.choice([2024, 2025, 2026])
    forms = (
        f"{MONTHS[m - 1]} {_ordinal(d)}",
        f"{MONTHS[m - 1]} {d}",
        f"{m}/{d}",
        f"{m:02d}/{d:02d}/{y}",
        f"{d} {MONTHS[m - 1]}",
        f"the {_ordinal(d)} of {MONTHS[m - 1]}",
        f"{MONTHS[m - 1][:3]} {d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{m}/{d}/{y % 100:02d}",
        f"{MONTHS[m - 1]} {d}, {y}",
    )
    return rng.choice(forms)


def _ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    g, s = rng.randint(1, 99), rng.randint(1, 9999)
    return rng.choice(
        ["{a:03d}-{g:02d}-{s:04d}", "{a:03d} {g:02d} {s:04d}", "{a:03d}{g:02d}{s:04d}"]
    ).format(a=area, g=g, s=s)


def _ip(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return ":".join(f"{rng.randint(0, 65535):x}" for _ in range(8))
    first = rng.choice([n for n in range(11, 224) if n not in (127, 172, 192, 10)])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _alnum(rng: random.Random, letters: int, digits: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(letters)) + "".join(
        rng.choice("0123456789") for _ in range(digits)
    )


def phi_value(
    marker: str, persona: Persona, relation: str, rng: random.Random
) -> tuple[str, Entity]:
    """Surface form and entity for one PHI marker of the grammar (e.g. `PHONE`)."""
    p = persona
    persons = {
        "PATIENT_FIRST": lambda: (p.patient.first, p.patient.origin),
        "RELATIVE_FIRST": lambda: (p.relatives[relation].first, p.relatives[relation].origin),
        "FRIEND_FIRST": lambda: ((f := rng.choice(p.friends)).first, f.origin),
        "CLINICIAN_LAST": lambda: ((c := p.clinicians[0]).last, c.origin),
        "CLINICIAN_FIRST": lambda: ((c := p.clinicians[-1]).first, c.origin),
    }
    if marker in persons:
        name, origin = persons[marker]()
        return name, Entity("PERSON", origin)
    city, _state, zip3 = p.city
    makers = {
        "PHONE": (
            "PHONE_NUMBER",
            lambda: (
                p.phone
                if rng.random() < 0.8
                else rng.choice(PHONE_FORMATS[:9]).format(
                    a=rng.choice(AREA_CODES),
                    b=f"{rng.randint(201, 989):03d}",
                    c=f"{rng.randint(0, 9999):04d}",
                )
            ),
        ),
        "EMAIL": ("EMAIL_ADDRESS", lambda: f"{p.email_user}@{rng.choice(EMAIL_DOMAINS)}"),
        "STREET_ADDRESS": ("STREET_ADDRESS", lambda: p.street),
        "CITY": ("CITY", lambda: city),
        "ZIP": (
            "ZIP_CODE",
            lambda: (
                f"{zip3}{rng.randint(0, 99):02d}"
                + (f"-{rng.randint(0, 9999):04d}" if rng.random() < 0.15 else "")
            ),
        ),
        "DATE": ("DATE", lambda: _date(rng)),
        "AGE_OVER_89": (
            "AGE",
            lambda: (
                lambda n: NUMBER_WORDS[n] if n in NUMBER_WORDS and rng.random() < 0.2 else str(n)
            )(rng.randint(90, 104)),
        ),
        "MRN": (
            "MEDICAL_RECORD_NUMBER",
            lambda: rng.choice(
                [
                    str(rng.randint(10**6, 10**9)),
                    f"MRN{rng.randint(10**5, 10**8)}",
                    f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
                    _alnum(rng, 1, 7),
                ]
            ),
        ),
        "INSURANCE_ID": (
            "HEALTH_PLAN_ID",
            lambda: rng.choice(
                [
                    _alnum(rng, 3, 9),
                    _alnum(rng, 1, 9),
                    f"{_alnum(rng, 4, 0)}-{rng.randint(10**7, 10**8)}",
                    f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-A",
                ]
            ),
        ),
        "ACCOUNT_NUMBER": (
            "ACCOUNT_NUMBER",
            lambda: rng.choice(
                [
                    str(rng.randint(10**7, 10**12)),
                    f"ACCT-{rng.randint(10**5, 10**8)}",
                    " ".join(str(rng.randint(1000, 9999)) for _ in range(3)),
                ]
            ),
        ),
        "SSN": ("US_SSN", lambda: _ssn(rng)),
        "URL": (
            "URL",
            lambda: rng.choice(URL_TEMPLATES).format(
                user=p.email_user,
                slug=f"help-{p.patient.first.lower()}-{p.patient.last.lower()}".replace(" ", "-"),
                n=rng.randint(10**4, 10**7),
                domain=rng.choice(EMAIL_DOMAINS),
            ),
        ),
        "IP_ADDRESS": ("IP_ADDRESS", lambda: _ip(rng)),
        "FACILITY": ("FACILITY", lambda: p.facility),
    }
    if marker not in makers:
        raise KeyError(f"unknown identifier marker {{{marker}}} in the phrase grammar")
    etype, make = makers[marker]
    return make(), Entity(etype)
