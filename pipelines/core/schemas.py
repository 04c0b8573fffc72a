"""The data contract: every table's columns, types, ranges and keys, and its validation.

`validate_table` types a frame read from a user's file and returns every violation with its
file, 1-based row and column. Messages never echo cell values: a cell may hold an identifier
or transcript text. `data/README.md` documents the same contract (`schema_markdown()`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipelines.core.vocab import (
    AGE_BANDS,
    ARMS,
    CRISIS_TYPES,
    GENDERS,
    IDENTIFIER_TYPES,
    LANGUAGES,
    RACE_ETHNICITY,
    REGISTERS,
    RISK_LEVELS,
)
from pipelines.core.vocab import EMPATHY_MECHANISMS as EMPATHY_MECHANISMS

ROW = "__row"
MAX_ROWS_PER_CHECK = 5
ENTITY_TYPES = IDENTIFIER_TYPES

DTYPES: dict[str, pl.DataType] = {
    "str": pl.String(),
    "text": pl.String(),
    "int": pl.Int64(),
    "float": pl.Float64(),
    "bool": pl.Boolean(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us"),
}


@dataclass(frozen=True)
class Col:
    """One column of the contract."""

    name: str
    kind: str  # key of DTYPES; "text" = free text (never echoed, may be empty)
    doc: str
    required: bool = True
    nullable: bool = False
    ge: float | None = None
    le: float | None = None
    allowed: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Rule:
    """A row-level check over several columns: rows where `expr` is False violate it."""

    columns: tuple[str, ...]
    expr: pl.Expr
    message: str


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Col, ...]
    key: tuple[str, ...]
    rules: tuple[Rule, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    required: bool = True
    gold: bool = False  # evaluation-only table, stored under gold/

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _items(prefix: str, n: int, hi: int, what: str) -> tuple[Col, ...]:
    return tuple(
        Col(f"{prefix}_{i}", "int", f"{what} item {i} (0-{hi})", ge=0, le=hi)
        for i in range(1, n + 1)
    )


def _sum_rule(total: str, prefix: str, n: int) -> Rule:
    cols = tuple(f"{prefix}_{i}" for i in range(1, n + 1))
    return Rule(
        (total, *cols),
        pl.col(total) == pl.sum_horizontal(cols),
        f"{total} must equal the sum of {cols[0]}..{cols[-1]}",
    )


PATIENT_FK = ForeignKey(("patient_id",), "patients", ("patient_id",))
MESSAGE_FK = ForeignKey(("message_id",), "transcripts", ("message_id",))


TABLES: tuple[Table, ...] = (
    Table(
        "patients",
        "One row per enrolled patient: arm, enrolment, demographics, consent, intake screening.",
        (
            Col("patient_id", "str", "pseudonymous id (no name, MRN or other identifier)"),
            Col("site", "str", "program site code"),
            Col("arm", "str", "program arm", allowed=ARMS),
            Col("enrolment_date", "date", "date of enrolment (week 0)"),
            Col("end_date", "date", "planned end of follow-up"),
            Col("age_band", "str", "age band at enrolment", allowed=AGE_BANDS),
            Col("gender", "str", "self-reported gender", allowed=GENDERS),
            Col("race_ethnicity", "str", "self-reported race/ethnicity", allowed=RACE_ETHNICITY),
            Col("primary_language", "str", "primary language", allowed=LANGUAGES),
            Col("rurality", "str", "home area", allowed=("urban", "rural")),
            Col(
                "insurance",
                "str",
                "insurance type",
                allowed=("private", "medicaid", "medicare", "uninsured", "other"),
            ),
            Col("consent_training", "bool", "transcripts may be used to train models"),
            Col(
                "consent_full_anonymity",
                "bool",
                "nothing may link this patient's records to a person (no surrogates, no "
                "re-identification keys)",
            ),
            *_items("pcptsd5", 5, 1, "PC-PTSD-5 intake"),
            Col("pcptsd5_total", "int", "PC-PTSD-5 total (0-5), sum of items", ge=0, le=5),
        ),
        key=("patient_id",),
        rules=(
            Rule(
                ("enrolment_date", "end_date"),
                pl.col("end_date") >= pl.col("enrolment_date"),
                "end_date must not be before enrolment_date",
            ),
            _sum_rule("pcptsd5_total", "pcptsd5", 5),
        ),
    ),
    Table(
        "weekly_measures",
        "Weekly questionnaires and adherence; a missed week has no row.",
        (
            Col("patient_id", "str", "patient"),
            Col("week", "int", "weeks since enrolment (0 = baseline)", ge=0, le=104),
            Col("date", "date", "date the measures were completed"),
            *_items("phq9", 9, 3, "PHQ-9"),
            Col("phq9_total", "int", "PHQ-9 total (0-27), sum of items", ge=0, le=27),
            *_items("gad7", 7, 3, "GAD-7"),
            Col("gad7_total", "int", "GAD-7 total (0-21), sum of items", ge=0, le=21),
            Col(
                "wemwbs", "int", "Warwick-Edinburgh Mental Well-being Scale (14-70)", ge=14, le=70
            ),
            Col(
                "medication_adherence",
                "float",
                "share of prescribed doses taken this week (empty if no medication)",
                nullable=True,
                ge=0,
                le=1,
            ),
            Col(
                "exercise_adherence",
                "float",
                "share of planned exercise done this week",
                nullable=True,
                ge=0,
                le=1,
            ),
        ),
        key=("patient_id", "week"),
        rules=(_sum_rule("phq9_total", "phq9", 9), _sum_rule("gad7_total", "gad7", 7)),
        foreign_keys=(PATIENT_FK,),
    ),
    Table(
        "daily_wearables",
        "Wearable-style daily sleep and activity; empty when the device was not worn.",
        (
            Col("patient_id", "str", "patient"),
            Col("date", "date", "calendar day"),
            Col("sleep_hours", "float", "hours slept", nullable=True, ge=0, le=24),
            Col("activity_minutes", "int", "active minutes", nullable=True, ge=0, le=1440),
        ),
        key=("patient_id", "date"),
        foreign_keys=(PATIENT_FK,),
        required=False,
    ),
    Table(
        "engagement",
        "Weekly engagement; negative weeks are the pre-enrolment look-back.",
        (
            Col("patient_id", "str", "patient"),
            Col(
                "week",
                "int",
                "weeks since enrolment (negative = before enrolment)",
                ge=-104,
                le=104,
            ),
            Col("checkin_messages", "int", "messages the patient sent the assistant", ge=0),
            Col("therapy_sessions_scheduled", "int", "therapy sessions booked", ge=0),
            Col("therapy_sessions_attended", "int", "therapy sessions attended", ge=0),
            Col("reminders_sent", "int", "reminders sent to the patient", ge=0),
            Col("reminders_acknowledged", "int", "reminders the patient acknowledged", ge=0),
        ),
        key=("patient_id", "week"),
        rules=(
            Rule(
                ("therapy_sessions_attended", "therapy_sessions_scheduled"),
                pl.col("therapy_sessions_attended") <= pl.col("therapy_sessions_scheduled"),
                "therapy_sessions_attended must not exceed therapy_sessions_scheduled",
            ),
            Rule(
                ("reminders_acknowledged", "reminders_sent"),
                pl.col("reminders_acknowledged") <= pl.col("reminders_sent"),
                "reminders_acknowledged must not exceed reminders_sent",
            ),
        ),
        foreign_keys=(PATIENT_FK,),
    ),
    Table(
        "crisis_events",
        "Crisis-line contacts, emergency visits and clinician escalations, with dates.",
        (
            Col("event_id", "str", "event id"),
            Col("patient_id", "str", "patient"),
            Col("date", "date", "date of the event (before enrolment_date = look-back)"),
            Col("event_type", "str", "kind of event", allowed=CRISIS_TYPES),
        ),
        key=("event_id",),
        foreign_keys=(PATIENT_FK,),
    ),
    Table(
        "transcripts",
        "Chat messages between patient and assistant, one row per message (raw text: "
        "contains identifiers until de-identified).",
        (
            Col("message_id", "str", "message id"),
            Col("conversation_id", "str", "conversation id"),
            Col("patient_id", "str", "patient"),
            Col("turn", "int", "position in the conversation (0-based)", ge=0),
            Col("sent_at", "datetime", "when the message was sent (ISO 8601)"),
            Col("speaker", "str", "who wrote it", allowed=("patient", "assistant")),
            Col("text", "text", "message text"),
        ),
        key=("message_id",),
        foreign_keys=(PATIENT_FK,),
    ),
    Table(
        "risk_labels",
        "Suicide/self-harm risk label of a patient message.",
        (
            Col("message_id", "str", "patient message"),
            Col(
                "risk_level",
                "str",
                "none; low = passive wish to be dead, hopelessness, burden; moderate = active "
                "thoughts or self-harm without plan or intent; high = plan, intent, means, "
                "preparation, recent attempt or imminent danger",
                allowed=RISK_LEVELS,
            ),
        ),
        key=("message_id",),
        foreign_keys=(MESSAGE_FK,),
        required=False,
    ),
    Table(
        "empathy_labels",
        "EPITOME empathy mechanisms (Sharma et al. 2020) of an assistant reply, 0/1/2 each.",
        (
            Col("message_id", "str", "assistant reply"),
            Col("seeker_message_id", "str", "the patient message it answers"),
            *(
                Col(m, "int", f"{m.replace('_', ' ')}: 0 none, 1 weak, 2 strong", ge=0, le=2)
                for m in EMPATHY_MECHANISMS
            ),
        ),
        key=("message_id",),
        foreign_keys=(
            MESSAGE_FK,
            ForeignKey(("seeker_message_id",), "transcripts", ("message_id",)),
        ),
        required=False,
    ),
    Table(
        "phi_spans",
        "Gold identifier spans in transcripts, for evaluating de-identification only.",
        (
            Col("message_id", "str", "message"),
            Col("start", "int", "start character offset in text", ge=0),
            Col("end", "int", "end character offset (exclusive)", ge=1),
            Col("entity_type", "str", "identifier type", allowed=ENTITY_TYPES),
            Col(
                "name_origin",
                "str",
                "origin group of a name (PERSON only)",
                nullable=True,
                required=False,
            ),
        ),
        key=("message_id", "start"),
        rules=(
            Rule(
                ("start", "end"), pl.col("end") > pl.col("start"), "end must be greater than start"
            ),
        ),
        foreign_keys=(MESSAGE_FK,),
        required=False,
        gold=True,
    ),
    Table(
        "message_meta",
        "How the generator wrote each message (synthetic cohorts only; evaluation only).",
        (
            Col("message_id", "str", "message"),
            Col("register", "str", "language register", allowed=REGISTERS),
            Col(
                "phrasing_split",
                "str",
                "seen = phrasings usable for training; validation = reserved for the "
                "validation split; heldout = reserved for the test split",
                allowed=("seen", "validation", "heldout"),
            ),
            Col("template", "str", "phrasing id of the message's core"),
            Col("topic", "str", "topic of the exchange"),
            Col("indirect", "bool", "risk said obliquely"),
        ),
        key=("message_id",),
        foreign_keys=(MESSAGE_FK,),
        required=False,
        gold=True,
    ),
)
TABLES_BY_NAME = {t.name: t for t in TABLES}


@dataclass(frozen=True)
class Violation:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class Report:
    """Violations collected across tables; stops counting detail after `limit`."""

    limit: int
    violations: list[Violation] = field(default_factory=list)
    total: int = 0

    def add(self, file: Path | str, row: int | None, column: str | None, message: str) -> None:
        self.total += 1
        if len(self.violations) < self.limit:
            self.violations.append(Violation(str(file), row, column, message))

    def add_rows(
        self, file: Path | str, rows: list[int], column: str | None, message: str
    ) -> None:
        """Report the first few offending rows individually and count the rest."""
        for r in rows[:MAX_ROWS_PER_CHECK]:
            self.add(file, r, column, message)
        if len(rows) > MAX_ROWS_PER_CHECK:
            self.add(
                file, None, column, f"{message} (and {len(rows) - MAX_ROWS_PER_CHECK} more rows)"
            )

    def __bool__(self) -> bool:
        return self.total > 0


def _cast(series: pl.Series, kind: str) -> pl.Series:
    target = DTYPES[kind]
    src = series.dtype
    if src == target:
        return series
    if kind in ("str", "text"):
        if kind == "text" or src not in (pl.Int64, pl.Int32, pl.UInt32, pl.UInt64):
            return pl.Series(series.name, [None] * len(series), pl.String)
        return series.cast(pl.String)
    if src == pl.String:
        s = series.str.strip_chars()
        if kind == "bool":
            low = s.str.to_lowercase()
            return pl.select(
                pl.when(low.is_in(["true", "1", "yes"]))
                .then(True)
                .when(low.is_in(["false", "0", "no"]))
                .then(False)
                .otherwise(None)
                .alias(series.name)
            ).to_series()
        if kind == "date":
            return s.str.to_date("%Y-%m-%d", strict=False)
        if kind == "datetime":
            return s.str.to_datetime(strict=False, time_unit="us").dt.replace_time_zone(None)
        if kind == "int":
            as_float = s.cast(pl.Float64, strict=False)
            whole = as_float.is_not_null() & (as_float == as_float.floor())
            return pl.select(
                pl.when(whole).then(as_float).otherwise(None).cast(pl.Int64).alias(series.name)
            ).to_series()
        return s.cast(target, strict=False)
    if kind == "int" and src.is_float():
        whole = series == series.floor()
        return pl.select(
            pl.when(whole).then(series).otherwise(None).cast(pl.Int64).alias(series.name)
        ).to_series()
    if kind == "bool" and src.is_integer():
        return pl.select(
            pl.when(series == 1)
            .then(True)
            .when(series == 0)
            .then(False)
            .otherwise(None)
            .alias(series.name)
        ).to_series()
    if kind == "bool" or (kind in ("int", "float") and src == pl.Boolean):
        return pl.Series(series.name, [None] * len(series), target)
    if kind == "date" and isinstance(src, pl.Datetime):
        return series.dt.date()
    if kind == "datetime" and src == pl.Date:
        return series.cast(target)
    try:
        return series.cast(target, strict=False)
    except pl.exceptions.PolarsError:
        return pl.Series(series.name, [None] * len(series), target)


def _rows(df: pl.DataFrame, mask: pl.Series | pl.Expr) -> list[int]:
    return df.filter(mask)[ROW].to_list()


def _check_columns(table: Table, df: pl.DataFrame, file: Path | str, report: Report) -> bool:
    """Report missing required columns and unknown ones; True when the columns are usable."""
    present = set(df.columns)
    missing = [c.name for c in table.columns if c.required and c.name not in present]
    for name in missing:
        report.add(file, None, name, "required column is missing")
    known = set(table.column_names)
    for name in df.columns:
        if name not in known:
            hint = difflib.get_close_matches(name, table.column_names, n=1)
            report.add(
                file,
                None,
                name,
                "unknown column"
                + (
                    f" (did you mean '{hint[0]}'?)"
                    if hint
                    else f"; expected columns: {', '.join(table.column_names)}"
                ),
            )
    return not missing and known.issuperset(present)


def _typed(table: Table, df: pl.DataFrame, file: Path | str, report: Report) -> pl.DataFrame:
    """Every contract column cast to its type (absent optional ones null), type errors reported."""
    typed = [pl.col(ROW)]
    for col in table.columns:
        if col.name not in df.columns:
            typed.append(pl.lit(None, DTYPES[col.kind]).alias(col.name))
            continue
        raw = df[col.name]
        cast = _cast(raw, col.kind)
        bad = raw.is_not_null() & cast.is_null()
        if col.kind == "text" and raw.dtype != pl.String:
            bad = raw.is_not_null()
        if bad.any():
            report.add_rows(
                file,
                _rows(df, bad),
                col.name,
                f"expected {'text' if col.kind == 'text' else col.kind}",
            )
        typed.append(cast.alias(col.name))
    return df.select(typed)


def _check_values(
    table: Table, df: pl.DataFrame, out: pl.DataFrame, file: Path | str, report: Report
) -> None:
    """Missing values, ranges and allowed values, column by column."""
    for col in table.columns:
        s = out[col.name]
        if not col.nullable and col.name in df.columns:
            bad = s.is_null() & ~_rows_with_type_error(df, col, s)
            if bad.any():
                report.add_rows(file, _rows(out, bad), col.name, "value is missing")
        if col.ge is not None:
            bad = (s < col.ge).fill_null(False)
            if bad.any():
                report.add_rows(file, _rows(out, bad), col.name, f"must be at least {col.ge:g}")
        if col.le is not None:
            bad = (s > col.le).fill_null(False)
            if bad.any():
                report.add_rows(file, _rows(out, bad), col.name, f"must be at most {col.le:g}")
        if col.allowed is not None:
            bad = (~s.is_in(list(col.allowed))).fill_null(False)
            if bad.any():
                report.add_rows(
                    file, _rows(out, bad), col.name, f"must be one of: {', '.join(col.allowed)}"
                )


def _check_key_and_rules(
    table: Table, out: pl.DataFrame, file: Path | str, report: Report
) -> None:
    """Duplicate keys and the table's row-level rules."""
    dup = out.select(pl.col(ROW), pl.struct(list(table.key)).is_duplicated().alias("d"))
    dup_rows = dup.filter(pl.col("d"))[ROW].to_list()
    if dup_rows:
        report.add_rows(
            file,
            dup_rows,
            ", ".join(table.key),
            f"duplicate {' + '.join(table.key)} (must be unique)",
        )
    for rule in table.rules:
        bad = out.select((~rule.expr).fill_null(False)).to_series()
        if bad.any():
            report.add_rows(file, _rows(out, bad), ", ".join(rule.columns), rule.message)


def validate_table(
    table: Table, df: pl.DataFrame, file: Path | str, report: Report
) -> pl.DataFrame | None:
    """Type and check one table; return the typed frame, or None if its columns are unusable."""
    if not _check_columns(table, df, file, report):
        return None
    df = df.with_row_index(ROW, offset=1)
    out = _typed(table, df, file, report)
    _check_values(table, df, out, file, report)
    _check_key_and_rules(table, out, file, report)
    return out


def _rows_with_type_error(df: pl.DataFrame, col: Col, cast: pl.Series) -> pl.Series:
    """Rows already reported as type errors, so they are not reported twice as missing."""
    return df[col.name].is_not_null() & cast.is_null()


def check_foreign_keys(
    frames: dict[str, pl.DataFrame], files: dict[str, Path], report: Report
) -> None:
    """Every referencing row must point at an existing row of the referenced table."""
    for name, df in frames.items():
        for fk in TABLES_BY_NAME[name].foreign_keys:
            ref = frames.get(fk.table)
            if ref is None:
                continue
            keys = ref.select(
                [pl.col(r).alias(c) for c, r in zip(fk.columns, fk.ref_columns, strict=True)]
            ).unique()
            orphans = df.join(keys, on=list(fk.columns), how="anti", nulls_equal=False)
            orphans = orphans.filter(
                pl.all_horizontal(pl.col(c).is_not_null() for c in fk.columns)
            )
            if orphans.height:
                report.add_rows(
                    files[name],
                    orphans[ROW].sort().to_list(),
                    ", ".join(fk.columns),
                    f"refers to a {fk.table} row that does not exist",
                )


def schema_markdown() -> str:
    """The contract as Markdown tables (data/README.md embeds this text verbatim)."""
    parts = []
    for t in TABLES:
        status = "gold, optional" if t.gold else ("required" if t.required else "optional")
        parts.append(f"### `{t.name}` ({status})\n\n{t.doc} Key: `{' + '.join(t.key)}`.\n")
        parts.append("| column | type | constraints | meaning |\n|---|---|---|---|")
        for c in t.columns:
            cons = []
            if c.nullable:
                cons.append("may be empty")
            if not c.required:
                cons.append("optional column")
            if c.ge is not None:
                cons.append(f">= {c.ge:g}")
            if c.le is not None:
                cons.append(f"<= {c.le:g}")
            if c.allowed:
                cons.append("one of " + ", ".join(f"`{a}`" for a in c.allowed))
            parts.append(f"| `{c.name}` | {c.kind} | {'; '.join(cons)} | {c.doc} |")
        for r in t.rules:
            parts.append(f"\nRule: {r.message}.")
        for fk in t.foreign_keys:
            parts.append(
                f"\nEach `{', '.join(fk.columns)}` must exist in "
                f"`{fk.table}.{', '.join(fk.ref_columns)}`."
            )
        parts.append("")
    return "\n".join(parts)
