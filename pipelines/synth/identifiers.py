"""Synthetic identifiers for transcripts: a consistent persona per patient, many surface forms.

Each patient has one name, relatives, friends, clinicians, a phone, an email and an address
that recur across their conversations (as real identifiers do), written in varied formats.
Nothing here is real: names are common names by origin group; numbers are random. The word
lists are `banks/names.csv`, `banks/cities.csv`, `banks/identifiers.yaml` and
`banks/name_origins.yaml`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from pipelines.core.banks import BankError
from pipelines.synth import banks
from pipelines.synth.language import Entity

N_MONTHS = 12
FIRST_AGE_IN_WORDS = 90


@cache
def origins() -> tuple[str, ...]:
    """The name origin groups of `names.csv`, in file order."""
    return tuple(banks.names())


@cache
def origin_mix() -> Mapping[str, Mapping[str, float]]:
    """Name origin shares by race/ethnicity: names follow families."""
    return banks.shares_by_group("name_origins", "by_race", labels=origins())


@cache
def language_origin() -> Mapping[str, str]:
    """The name origin group of a primary language other than English."""
    mapping = banks.texts("name_origins", "by_language")
    unknown = [o for o in mapping.values() if o not in origins()]
    if unknown:
        raise BankError(
            f"word bank name_origins.yaml, key 'by_language': no origin group {unknown[0]!r} "
            "in names.csv"
        )
    return mapping


def _words(key: str) -> tuple[str, ...]:
    return banks.words("identifiers", key)


@cache
def months() -> tuple[str, ...]:
    """Month names, January first."""
    names = _words("months")
    if len(names) != N_MONTHS:
        raise BankError(
            f"word bank identifiers.yaml, key 'months': expected {N_MONTHS} month names"
        )
    return names


@cache
def ages_in_words() -> Mapping[int, str]:
    """Ages from 90 up, written out in words."""
    return dict(enumerate(_words("ages_over_89_in_words"), start=FIRST_AGE_IN_WORDS))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pick_origin(race: str, language: str, rng: random.Random) -> str:
    """Draw a name origin group for a patient from their race/ethnicity and language."""
    by_language = language_origin()
    if language in by_language and rng.random() < 0.8:
        return by_language[language]
    mix = origin_mix().get(race)
    if mix is None:
        return rng.choice(origins())
    return rng.choices(list(mix), weights=list(mix.values()))[0]


@dataclass
class Person:
    first: str
    last: str
    origin: str


def _person(origin: str, rng: random.Random) -> Person:
    bank = banks.names()
    last_origin = origin if origin != "word_names" or rng.random() < 0.5 else "anglo"
    return Person(rng.choice(bank[origin]["first"]), rng.choice(bank[last_origin]["last"]), origin)


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
    for rel in rng.sample(_words("relations"), k=3):
        rel_origin = origin if rng.random() < 0.8 else rng.choice(origins())
        p = _person(rel_origin, rng)
        relatives[rel] = Person(
            p.first, patient.last if rng.random() < 0.5 else p.last, rel_origin
        )
    friends = [
        _person(origin if rng.random() < 0.5 else rng.choice(origins()), rng) for _ in range(2)
    ]
    a, b, c = rng.choice(_words("area_codes")), rng.randint(201, 989), rng.randint(0, 9999)
    phone = rng.choice(_words("phone_formats")).format(a=a, b=f"{b:03d}", c=f"{c:04d}")
    sep = rng.choice([".", "_", "", ""])
    user = rng.choice(
        [
            f"{patient.first}{sep}{patient.last}",
            f"{patient.first[0]}{patient.last}",
            f"{patient.first}{rng.randint(1, 99)}",
            f"{patient.last}{sep}{patient.first}",
        ]
    )
    number, name = rng.randint(1, 9899), rng.choice(_words("street_names"))
    street = f"{number} {name} {rng.choice(_words('street_suffixes'))}"
    if rng.random() < 0.3:
        street += ", " + rng.choice(_words("unit_forms")).format(n=rng.randint(1, 40))
    city = rng.choice(banks.cities())
    facility = rng.choice(_words("facility_templates")).format(
        city=city[0], saint=rng.choice(_words("saints"))
    )
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
    return [_person(rng.choice(origins()), rng) for _ in range(n)]


def _date(rng: random.Random) -> str:
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    y = rng.choice([2024, 2025, 2026])
    month = months()[m - 1]
    forms = (
        f"{month} {_ordinal(d)}",
        f"{month} {d}",
        f"{m}/{d}",
        f"{m:02d}/{d:02d}/{y}",
        f"{d} {month}",
        f"the {_ordinal(d)} of {month}",
        f"{month[:3]} {d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{m}/{d}/{y % 100:02d}",
        f"{month} {d}, {y}",
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


def _phone(p: Persona, rng: random.Random) -> str:
    if rng.random() < 0.8:
        return p.phone
    return rng.choice(_phone_forms_with_area_code()).format(
        a=rng.choice(_words("area_codes")),
        b=f"{rng.randint(201, 989):03d}",
        c=f"{rng.randint(0, 9999):04d}",
    )


@cache
def _phone_forms_with_area_code() -> tuple[str, ...]:
    return tuple(f for f in _words("phone_formats") if "{a}" in f)


def _zip(p: Persona, rng: random.Random) -> str:
    zip5 = f"{p.city[2]}{rng.randint(0, 99):02d}"
    return zip5 + (f"-{rng.randint(0, 9999):04d}" if rng.random() < 0.15 else "")


def _age_over_89(rng: random.Random) -> str:
    n = rng.randint(90, 104)
    in_words = ages_in_words()
    return in_words[n] if n in in_words and rng.random() < 0.2 else str(n)


def _record_number(rng: random.Random) -> str:
    return rng.choice(
        [
            str(rng.randint(10**6, 10**9)),
            f"MRN{rng.randint(10**5, 10**8)}",
            f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
            _alnum(rng, 1, 7),
        ]
    )


def _health_plan_id(rng: random.Random) -> str:
    return rng.choice(
        [
            _alnum(rng, 3, 9),
            _alnum(rng, 1, 9),
            f"{_alnum(rng, 4, 0)}-{rng.randint(10**7, 10**8)}",
            f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-A",
        ]
    )


def _account_number(rng: random.Random) -> str:
    return rng.choice(
        [
            str(rng.randint(10**7, 10**12)),
            f"ACCT-{rng.randint(10**5, 10**8)}",
            " ".join(str(rng.randint(1000, 9999)) for _ in range(3)),
        ]
    )


def _url(p: Persona, rng: random.Random) -> str:
    return rng.choice(_words("url_templates")).format(
        user=p.email_user,
        slug=f"help-{p.patient.first.lower()}-{p.patient.last.lower()}".replace(" ", "-"),
        n=rng.randint(10**4, 10**7),
        domain=rng.choice(_words("email_domains")),
    )


# Name markers: which person of the persona, and which part of their name.
_PERSONS: dict[str, tuple[Callable[[Persona, str, random.Random], Person], str]] = {
    "PATIENT_FIRST": (lambda p, relation, rng: p.patient, "first"),
    "RELATIVE_FIRST": (lambda p, relation, rng: p.relatives[relation], "first"),
    "FRIEND_FIRST": (lambda p, relation, rng: rng.choice(p.friends), "first"),
    "CLINICIAN_LAST": (lambda p, relation, rng: p.clinicians[0], "last"),
    "CLINICIAN_FIRST": (lambda p, relation, rng: p.clinicians[-1], "first"),
}
# Other markers: the entity type and how its surface form is drawn.
_SURFACES: dict[str, tuple[str, Callable[[Persona, random.Random], str]]] = {
    "PHONE": ("PHONE_NUMBER", _phone),
    "EMAIL": (
        "EMAIL_ADDRESS",
        lambda p, rng: f"{p.email_user}@{rng.choice(_words('email_domains'))}",
    ),
    "STREET_ADDRESS": ("STREET_ADDRESS", lambda p, rng: p.street),
    "CITY": ("CITY", lambda p, rng: p.city[0]),
    "ZIP": ("ZIP_CODE", _zip),
    "DATE": ("DATE", lambda p, rng: _date(rng)),
    "AGE_OVER_89": ("AGE", lambda p, rng: _age_over_89(rng)),
    "MRN": ("MEDICAL_RECORD_NUMBER", lambda p, rng: _record_number(rng)),
    "INSURANCE_ID": ("HEALTH_PLAN_ID", lambda p, rng: _health_plan_id(rng)),
    "ACCOUNT_NUMBER": ("ACCOUNT_NUMBER", lambda p, rng: _account_number(rng)),
    "SSN": ("US_SSN", lambda p, rng: _ssn(rng)),
    "URL": ("URL", _url),
    "IP_ADDRESS": ("IP_ADDRESS", lambda p, rng: _ip(rng)),
    "FACILITY": ("FACILITY", lambda p, rng: p.facility),
}


def phi_value(
    marker: str, persona: Persona, relation: str, rng: random.Random
) -> tuple[str, Entity]:
    """Surface form and entity for one PHI marker of the grammar (e.g. `PHONE`)."""
    if marker in _PERSONS:
        pick, part = _PERSONS[marker]
        person = pick(persona, relation, rng)
        return (person.first if part == "first" else person.last), Entity("PERSON", person.origin)
    if marker not in _SURFACES:
        raise KeyError(f"unknown identifier marker {{{marker}}} in the phrase grammar")
    etype, make = _SURFACES[marker]
    return make(persona, rng), Entity(etype)
