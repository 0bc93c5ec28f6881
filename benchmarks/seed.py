"""Bulk data for the benchmarks: N submitted cases spread over the 16 voivodeships and every stage of the process.

Rows are generated in Python with explicit ids and written in one pass per table: PostgreSQL `COPY` (psycopg 3) on
PostgreSQL, `executemany` elsewhere (SQLite, for the tests). No model is saved row by row, so no signal fires and no
process is started: the Viewflow `Process`/`Task` rows are written as the flow would have left them (a done start
task, a done history task where the case passed the formal check, the open human task(s) of the current stage,
assigned or not, an end task for finished cases).

Every seeded row is recognisable: users have e-mails `@seed.mos.example`; cases belong to those users.
`reset()` deletes exactly those rows. Case numbers continue each voivodeship's `CaseNumberSequence` for the year of
submission, and the sequences are brought up to the highest number present afterwards.

A submitted draft keeps empty answers here (the case holds the frozen answers), to halve the volume written.
"""

# ruff: noqa: S608  (SQL is built from this module's own table names, never from input)
from __future__ import annotations

import json
import random
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

SEED_DOMAIN = "seed.mos.example"
#: Purposes of stay given in turn to temporary residence cases (the work form's purpose is always work).
PURPOSES = ("work", "studies", "family_reunification", "business", "blue_card", "research", "other")
WORK_SLUGS = frozenset({"temporary-residence-work"})
PURPOSE_SLUGS = frozenset({"temporary-residence", "temporary-residence-work"})
#: The applications the seed files (not the annexes, which are filled by employers and institutions for a case); the
#: Blue Card's own form is left out so the figures stay comparable with the earlier runs.
SEEDED_FORMS = ("temporary-residence", "temporary-residence-work", "permanent-residence", "eu-long-term-resident")
OFFICERS_PER_OFFICE = 8
UNUSABLE_PASSWORD = "!seeded"  # noqa: S105 - Django treats a password starting with "!" as unusable

SURNAMES = [
    "KOWALENKO",
    "SHEVCHENKO",
    "BONDARENKO",
    "TKACHENKO",
    "KRAVCHENKO",
    "OLIINYK",
    "MELNYK",
    "KOVALCHUK",
    "IVANOV",
    "PETROV",
    "SMIRNOV",
    "KUZNETSOV",
    "POPOV",
    "NGUYEN",
    "TRAN",
    "LE",
    "PHAM",
    "SINGH",
    "KUMAR",
    "PATEL",
    "SHARMA",
    "GARCIA",
    "RODRIGUEZ",
    "MARTINEZ",
    "LOPEZ",
    "GONZALEZ",
    "HERNANDEZ",
    "OKAFOR",
    "ADEYEMI",
    "MENSAH",
    "KARIMOV",
    "RAHIMOV",
    "ALIYEV",
    "MAMMADOV",
    "HASANOV",
    "YILMAZ",
    "KAYA",
    "DEMIR",
    "WANG",
    "LI",
    "ZHANG",
    "LIU",
    "CHEN",
    "YANG",
    "HUANG",
    "ZHAO",
    "WU",
    "ZHOU",
    "SAVCHENKO",
    "RUDENKO",
    "MOROZ",
    "LYSENKO",
    "MARCHENKO",
    "HRYTSENKO",
    "PAVLENKO",
    "LEVCHENKO",
    "KHARCHENKO",
    "SYDORENKO",
    "KOZAK",
    "POLISHCHUK",
    "HUSEYNOV",
    "NAZAROV",
    "TURSUNOV",
    "YUSUPOV",
    "KHAN",
    "AHMED",
    "HOSSAIN",
    "RAHMAN",
    "ISLAM",
    "SILVA",
    "SANTOS",
    "OLIVEIRA",
    "SOUZA",
    "PEREIRA",
    "COSTA",
    "FERREIRA",
]
GIVEN_NAMES = [
    "OKSANA",
    "TARAS",
    "OLENA",
    "ANDRII",
    "IRYNA",
    "DMYTRO",
    "NATALIIA",
    "SERHII",
    "YULIIA",
    "MYKOLA",
    "ANNA",
    "IVAN",
    "MARIA",
    "OLEKSANDR",
    "VIKTORIIA",
    "PAVLO",
    "MINH",
    "LINH",
    "ARJUN",
    "PRIYA",
    "CARLOS",
    "LUCIA",
    "CHUKWUMA",
    "AMARA",
    "RUSTAM",
    "DILNOZA",
    "MEHMET",
    "AYSE",
    "WEI",
    "FANG",
]


@dataclass(frozen=True)
class Stage:
    """Where a case stands: its status, the events the applicant has seen, and the open human tasks.

    `open` lists (node, assigned): an assigned task of the applicant's (`workflows.services.APPLICANT_NODES`) is the
    applicant's, any other an officer's; `past_formal_check` adds a done formal-check task owned by an officer, and
    `formally_complete` says what that check found (by default: complete when passed); `process` is the Viewflow
    process status (NEW while running) and `end` the End node a finished case reached; `clock_runs` is False where
    the decision clock stands still (suspended), so its open tasks carry no deadline in the office lists.
    """

    name: str
    weight: int
    status: str
    events: tuple[str, ...]
    open: tuple[tuple[str, bool], ...] = ()
    past_formal_check: bool = True
    process: str = "NEW"
    end: str = ""
    formally_complete: bool | None = None
    fingerprints_taken: bool = True
    clock_runs: bool = True
    initiation_refused_reason: str = ""


_S = ("submitted",)
_F = ("submitted", "formal_check_started")
_EXAMINED = (*_F, "appointment", "consultations")
_DECIDED = (*_EXAMINED, "decision")
STAGES = (
    Stage("formal_check_waiting", 12, "submitted", _S, (("formal_check", False),), past_formal_check=False),
    Stage("formal_check", 10, "formal_check", _F, (("formal_check", True),), past_formal_check=False),
    Stage(
        "supplement",
        6,
        "awaiting_supplement",
        (*_F, "call_to_supplement"),
        (("supplement", False),),
        past_formal_check=False,
    ),
    Stage(
        "formal_check_again",
        3,
        "formal_check",
        (*_F, "call_to_supplement", "supplement_received"),
        (("formal_check_again", False),),
        past_formal_check=False,
    ),
    # The stamp duty unpaid at the formal check: the call to pay (art. 261 k.p.a.), the officer records the payment.
    Stage(
        "awaiting_payment",
        2,
        "awaiting_payment",
        (*_F, "call_to_pay"),
        (("payment", True),),
        formally_complete=False,
        fingerprints_taken=False,
    ),
    Stage("book_appointment", 8, "in_progress", _F, (("book_appointment", True),), fingerprints_taken=False),
    Stage("fingerprints", 8, "in_progress", (*_F, "appointment"), (("fingerprints", True),), fingerprints_taken=False),
    Stage(
        "consultations",
        10,
        "in_progress",
        _EXAMINED,
        (("consult_border_guard", False), ("consult_police", False), ("consult_abw", True)),
    ),
    Stage("review", 8, "in_progress", _EXAMINED, (("review", False),)),
    # Suspended at the applicant's request (art. 98 k.p.a.) during the review: the applicant may ask to resume.
    Stage(
        "suspended",
        1,
        "suspended",
        (*_EXAMINED, "suspension_requested", "suspended"),
        (("review", False), ("suspended", True)),
        clock_runs=False,
    ),
    Stage("decide", 5, "in_progress", _EXAMINED, (("decide", True),)),
    Stage("approve", 3, "in_progress", _EXAMINED, (("approve", False),)),
    # Delivered, not final yet: the applicant's 14 days to appeal or waive (art. 127-129 k.p.a.).
    Stage("appeal_period", 2, "decision_issued", _DECIDED, (("appeal_period", True),)),
    Stage("appeal_filed", 1, "appeal_filed", (*_DECIDED, "appeal_filed"), (("appeal_review", False),)),
    Stage(
        "appeal_second_instance",
        1,
        "appeal_second_instance",
        (*_DECIDED, "appeal_filed", "appeal_forwarded"),
        (("second_instance", False),),
    ),
    Stage("residence_card", 4, "granted_final", (*_DECIDED, "decision_final"), (("residence_card", True),)),
    Stage("granted", 11, "granted_final", (*_DECIDED, "decision_final"), process="DONE", end="end_granted"),
    # A case granted before the finality steps existed: the earlier flow closed it at the residence card.
    Stage(
        "granted_before_finality",
        1,
        "closed",
        (*_DECIDED, "status_changed"),
        process="DONE",
        end="end_granted",
    ),
    Stage("refused", 3, "refused_final", (*_DECIDED, "decision_final"), process="DONE", end="end_refused"),
    Stage(
        "left_unexamined",
        3,
        "left_unexamined",
        (*_F, "call_to_supplement", "left_unexamined"),
        past_formal_check=False,
        process="DONE",
        end="end_left_unexamined",
    ),
    Stage(
        "discontinued",
        1,
        "discontinued",
        (*_F, "appointment", "discontinued"),
        process="DONE",
        end="end_discontinued",
    ),
    Stage("withdrawn", 2, "withdrawn", ("submitted", "withdrawn"), past_formal_check=False, process="CANCELED"),
    # Did not appear for fingerprints without excuse: discontinued (art. 106i).
    Stage(
        "discontinued", 1, "discontinued", (*_F, "appointment", "discontinued"), process="DONE", end="end_discontinued"
    ),
    # The call to pay expired unpaid: the application is returned (art. 261 § 2 k.p.a.), with its own letter.
    Stage(
        "returned",
        1,
        "returned",
        (*_F, "call_to_pay", "returned"),
        process="DONE",
        end="end_returned",
        formally_complete=False,
        fingerprints_taken=False,
    ),
    # An application that cannot start a case (art. 61a k.p.a.).
    Stage(
        "refused_to_initiate",
        1,
        "refused_to_initiate",
        (*_F, "refused_to_initiate"),
        process="DONE",
        end="end_refused_to_initiate",
        formally_complete=False,
        fingerprints_taken=False,
        initiation_refused_reason="Wniosek złożyła osoba, która nie jest stroną postępowania.",
    ),
)


def end_nodes_of_stages() -> tuple[str, ...]:
    """The stages whose process ended on an End node (a task row of its own)."""
    return tuple(s.name for s in STAGES if s.end)


FINISHED = [s for s in STAGES if s.process != "NEW"]
RUNNING = [s for s in STAGES if s.process == "NEW"]


def _copy_escape(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = value if isinstance(value, str) else str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


class Writer:
    """Collects rows per table and writes them: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, connection, chunk_rows: int = 20000):
        self.connection = connection
        self.postgres = connection.vendor == "postgresql"
        self.chunk_rows = chunk_rows
        self.buffers: dict[str, list] = defaultdict(list)
        self.columns: dict[str, tuple[str, ...]] = {}
        self.counts: dict[str, int] = defaultdict(int)

    def add(self, table: str, columns: tuple[str, ...], row: tuple) -> None:
        self.columns[table] = columns
        self.buffers[table].append(row)
        if len(self.buffers[table]) >= self.chunk_rows:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self.buffers):
            rows = self.buffers.pop(name, [])
            if not rows:
                continue
            columns = self.columns[name]
            self.counts[name] += len(rows)
            with self.connection.cursor() as cursor:
                if self.postgres:
                    text = "\n".join("\t".join(map(_copy_escape, row)) for row in rows) + "\n"
                    raw = cursor.cursor  # psycopg 3 cursor under Django's wrapper
                    with raw.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
                        copy.write(text)
                else:
                    marks = ", ".join(["%s"] * len(columns))
                    rows = [tuple(map(self._adapt, row)) for row in rows]
                    cursor.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _adapt(self, value):
        if isinstance(value, uuid.UUID):
            return value.hex
        if isinstance(value, datetime):
            return self.connection.ops.adapt_datetimefield_value(value)
        return value


def _reserve_ids(connection, table: str, count: int) -> int:
    """First of `count` consecutive ids for `table`, taken from its sequence (PostgreSQL) or past max(id)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            sequence = cursor.fetchone()[0]
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
            start = cursor.fetchone()[0] + 1
            cursor.execute("SELECT setval(%s, %s)", [sequence, start + count])
            return start
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        return cursor.fetchone()[0] + 1


def _answers_template(slug: str) -> str:
    """The sample payload of the permit as JSON text with {s} {g} {p} {v} {d} {u} slots (surname, given names,
    passport number, voivodeship, date of birth, purpose of stay where the form asks it)."""
    from benchmarks.seed_payload import applicant_payload

    payload = applicant_payload(slug)
    payload["personal"].update(surname="@@s@@", given_names="@@g@@", date_of_birth="@@d@@")
    payload["travel_document"]["document_series_number"] = "@@p@@"
    payload["residence"]["voivodeship"] = "@@v@@"
    if "purpose_of_stay" in payload.get("purpose", {}):
        payload["purpose"]["purpose_of_stay"] = "@@u@@"
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("{", "{{").replace("}", "}}")
    for slot in "sgpdvu":
        text = text.replace(f"@@{slot}@@", "{" + slot + "}")
    return text


def _staff(office_ids: dict[str, int], now) -> dict[str, list[int]]:
    """Officers (and one supervisor) per office, created once; returns officer ids per voivodeship code."""
    from django.contrib.auth.models import Group

    from accounts.models import User
    from workflows.models import StaffMembership

    officers: dict[str, list[int]] = {}
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ("officer", "supervisor")}
    wanted = {
        f"officer-{code}-{j}@{SEED_DOMAIN}": (code, "officer")
        for code in office_ids
        for j in range(OFFICERS_PER_OFFICE)
    }
    wanted.update({f"supervisor-{code}@{SEED_DOMAIN}": (code, "supervisor") for code in office_ids})
    existing = set(User.objects.filter(email__in=wanted).values_list("email", flat=True))
    new = [
        User(
            email=email,
            password=UNUSABLE_PASSWORD,
            first_name=role.title(),
            last_name=code,
            email_verified=True,
            date_joined=now,
        )
        for email, (code, role) in wanted.items()
        if email not in existing
    ]
    User.objects.bulk_create(new, batch_size=500)
    users = {u.email: u.pk for u in User.objects.filter(email__in=wanted)}
    created = [users[u.email] for u in new]
    Through = User.groups.through
    Through.objects.bulk_create(
        [Through(user_id=users[e], group_id=groups[wanted[e][1]].pk) for e in wanted if users[e] in created],
        batch_size=500,
    )
    StaffMembership.objects.bulk_create(
        [StaffMembership(user_id=users[e], office_id=office_ids[wanted[e][0]]) for e in wanted if users[e] in created],
        batch_size=500,
    )
    for email, (code, role) in wanted.items():
        if role == "officer":
            officers.setdefault(code, []).append(users[email])
    return officers


def seed(
    count: int,
    *,
    years: int = 2,
    applicants_per_case: float = 0.1,
    applicants: int | None = None,
    voivodeships: list[str] | None = None,
    random_seed: int = 8,
    progress=None,
) -> dict:
    """Insert `count` cases; returns what was written and how fast.

    The first cases go through every stage and every voivodeship in turn, so even a small seed shows them all;
    `voivodeships` (TERYT codes) and `applicants` narrow the spread (tests).
    """
    from django.db import connection, transaction
    from viewflow.workflow.fields import get_flow_ref, get_task_ref

    from applications.case_models import CaseNumberSequence
    from applications.models import Office
    from applications.tracking import DECISION_PERIODS, add_period
    from formdefs.models import FormDefinition
    from workflows.flows import ResidencePermitFlow
    from workflows.models import TASK_OFFICE_KEY
    from workflows.services import APPLICANT_NODES
    from workflows.task_index import CASE_KEY, DEADLINE_KEY, FILED_KEY, NO_PURPOSE, PERMIT_KEY, PURPOSE_KEY

    started = time.perf_counter()
    rng = random.Random(random_seed + count)
    now = datetime.now(UTC).replace(microsecond=0)
    first_day = now - timedelta(days=365 * years)
    offices = {o.voivodeship.code: o for o in Office.objects.select_related("voivodeship")}
    codes = sorted(voivodeships or offices)
    definitions = {
        d.slug: d.pk
        for d in FormDefinition.objects.filter(status="published", slug__in=SEEDED_FORMS).order_by("slug", "-version")
    }
    templates = {slug: _answers_template(slug) for slug in definitions}
    slugs = sorted(definitions)
    flow_ref = get_flow_ref(ResidencePermitFlow)
    task_ref = {
        name: get_task_ref(getattr(ResidencePermitFlow, name))
        for name in (
            "start",
            "formal_check",
            "supplement",
            "formal_check_again",
            "book_appointment",
            "fingerprints",
            "consult_border_guard",
            "consult_police",
            "consult_abw",
            "review",
            "decide",
            "approve",
            "residence_card",
            "end_granted",
            "end_refused",
            "end_left_unexamined",
            "end_discontinued",
            "payment",
            "appeal_period",
            "appeal_review",
            "second_instance",
            "suspended",
            "end_returned",
            "end_refused_to_initiate",
        )
    }

    with transaction.atomic():
        officers = _staff({code: offices[code].pk for code in codes}, now)
        pool = applicants or max(1, int(count * applicants_per_case))
        stages_per_case = [STAGES[i] if i < len(STAGES) else _pick(rng, i, count) for i in range(count)]
        tasks_total = sum(_task_count(s) for s in stages_per_case)
        events_total = sum(len(s.events) for s in stages_per_case)
        user0 = _reserve_ids(connection, "accounts_user", pool)
        draft0 = _reserve_ids(connection, "applications_draft", count)
        app0 = _reserve_ids(connection, "applications_application", count)
        process0 = _reserve_ids(connection, "viewflow_process", count)
        task0 = _reserve_ids(connection, "viewflow_task", tasks_total)
        event0 = _reserve_ids(connection, "applications_caseevent", events_total)
        sequences = {
            (s.voivodeship.code, s.year): s.last_value for s in CaseNumberSequence.objects.select_related("voivodeship")
        }

        out = Writer(connection)
        from django.contrib.auth.models import Group

        applicant_group = Group.objects.get_or_create(name="applicant")[0].pk
        tag = uuid.uuid4().hex[:6]
        for k in range(pool):
            out.add(
                "accounts_user",
                (
                    "id",
                    "password",
                    "is_superuser",
                    "email",
                    "first_name",
                    "last_name",
                    "preferred_language",
                    "email_verified",
                    "is_staff",
                    "is_active",
                    "date_joined",
                    "email_notifications",
                ),
                (
                    user0 + k,
                    UNUSABLE_PASSWORD,
                    False,
                    f"applicant-{tag}-{k}@{SEED_DOMAIN}",
                    rng.choice(GIVEN_NAMES).title(),
                    rng.choice(SURNAMES).title(),
                    rng.choice(("pl", "en", "uk")),
                    True,
                    False,
                    True,
                    first_day,
                    True,
                ),
            )
        out.flush("accounts_user")
        for k in range(pool):
            out.add("accounts_user_groups", ("user_id", "group_id"), (user0 + k, applicant_group))
        out.flush()

        span = (now - first_day).total_seconds()
        task_id, event_id = task0, event0
        for i, stage in enumerate(stages_per_case):
            submitted = first_day + timedelta(seconds=span * i / count)
            code = codes[i % len(codes)] if i < len(codes) else codes[rng.randrange(len(codes))]
            office = offices[code]
            key = (code, submitted.year)
            sequences[key] = sequences.get(key, 0) + 1
            case_number = f"{code}/{submitted.year}/{sequences[key]:06d}"
            slug = slugs[i % len(slugs)]
            surname, given = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
            passport = f"{chr(65 + i % 26)}{chr(65 + (i // 26) % 26)}{i:07d}"
            birth = f"{rng.randrange(1960, 2005)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            purpose = "work" if slug in WORK_SLUGS else PURPOSES[i % len(PURPOSES)]
            answers = templates[slug].format(s=surname, g=given, p=passport, d=birth, v=code, u=purpose)
            applicant = user0 + (i % pool)
            changed = min(now, submitted + timedelta(days=rng.randrange(1, 40)))
            draft_id, app_id, process_id = draft0 + i, app0 + i, process0 + i
            out.add(
                "applications_draft",
                (
                    "id",
                    "public_id",
                    "status",
                    "answers",
                    "wizard_state",
                    "unsaved_input",
                    "filed_by_guardian",
                    "created_at",
                    "updated_at",
                    "applicant_id",
                    "definition_id",
                ),
                (
                    draft_id,
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    "submitted",
                    "{}",
                    "{}",
                    "{}",
                    False,
                    submitted - timedelta(days=3),
                    submitted,
                    applicant,
                    definitions[slug],
                ),
            )
            out.add(
                "applications_application",
                (
                    "id",
                    "public_id",
                    "case_number",
                    "answers",
                    "status",
                    "submitted_at",
                    "status_changed_at",
                    "applicant_language",
                    "surname",
                    "given_names",
                    "travel_document_number",
                    "declaration_confirmed_at",
                    "declaration_ip",
                    "signature_method",
                    "signature_evidence",
                    "withdrawn_at",
                    "applicant_id",
                    "declaration_confirmed_by_id",
                    "definition_id",
                    "office_id",
                    "voivodeship_id",
                    "draft_id",
                ),
                (
                    app_id,
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    case_number,
                    answers,
                    stage.status,
                    submitted,
                    changed,
                    "pl",
                    surname,
                    given,
                    passport,
                    submitted,
                    "127.0.0.1",
                    "password",
                    "{}",
                    changed if stage.name == "withdrawn" else None,
                    applicant,
                    applicant,
                    definitions[slug],
                    office.pk,
                    office.voivodeship_id,
                    draft_id,
                ),
            )
            finished = changed if stage.process != "NEW" else None
            out.add(
                "viewflow_process",
                ("id", "flow_class", "status", "created", "finished", "data"),
                (process_id, flow_ref, stage.process, submitted, finished, "{}"),
            )
            out.add(
                "workflows_caseprocess",
                (
                    "process_ptr_id",
                    "formally_complete",
                    "fingerprints_outcome",
                    "initiation_refused_reason",
                    "application_id",
                ),
                (
                    process_id,
                    stage.past_formal_check if stage.formally_complete is None else stage.formally_complete,
                    "no_show_end"
                    if stage.name == "discontinued"
                    else "taken"
                    if stage.past_formal_check and stage.fingerprints_taken
                    else "",
                    stage.initiation_refused_reason,
                    app_id,
                ),
            )
            staff = officers[code]
            tasks = [(task_ref["start"], "START", "DONE", submitted, None, submitted)]
            if stage.past_formal_check:
                tasks.append((task_ref["formal_check"], "HUMAN", "DONE", submitted, staff[i % len(staff)], changed))
            for node, assigned in stage.open:
                owner = None
                if assigned:
                    owner = (
                        applicant
                        if node in APPLICANT_NODES
                        else staff[i % len(staff)]  # the payment is the formal check's officer's, as the flow does
                        if node == "payment"
                        else staff[(i + len(node)) % len(staff)]
                    )
                tasks.append((task_ref[node], "HUMAN", "ASSIGNED" if assigned else "NEW", changed, owner, None))
            if stage.end:
                tasks.append((task_ref[stage.end], "END", "DONE", changed, None, changed))
            office_stamp = f'{{"{TASK_OFFICE_KEY}": {office.pk}}}'
            listing = {  # the stamp of workflows.task_index, the legal deadline as that module computes it
                PERMIT_KEY: slug,
                PURPOSE_KEY: purpose if slug in PURPOSE_SLUGS else NO_PURPOSE,
                FILED_KEY: submitted.isoformat(),
                CASE_KEY: case_number,
            }
            decision_due = add_period(submitted.date(), **DECISION_PERIODS[slug]).isoformat()
            for ref, kind, status, created, owner, done in tasks:
                if kind == "HUMAN" and done is None:
                    node = ref.rsplit(".", 1)[-1]
                    due = (
                        (created + timedelta(days=30)).date().isoformat()
                        if node.startswith("consult_")
                        else decision_due
                        if stage.clock_runs
                        else None
                    )
                    task_data = json.dumps({TASK_OFFICE_KEY: office.pk, **listing, DEADLINE_KEY: due})
                else:
                    task_data = office_stamp
                out.add(
                    "viewflow_task",
                    (
                        "id",
                        "flow_task",
                        "flow_task_type",
                        "status",
                        "created",
                        "started",
                        "finished",
                        "token",
                        "owner_id",
                        "process_id",
                        "assigned",
                        "data",
                    ),
                    (
                        task_id,
                        ref,
                        kind,
                        status,
                        created,
                        created if done else None,
                        done,
                        "start",
                        owner,
                        process_id,
                        created if owner else None,
                        task_data,  # the office stamp of workflows.models.CaseTask
                    ),
                )
                task_id += 1
            step = (changed - submitted) / max(1, len(stage.events))
            for n, kind in enumerate(stage.events):
                data = _event_data(kind, case_number, (submitted + step * n).date().isoformat(), stage)
                out.add(
                    "applications_caseevent",
                    ("id", "kind", "created_at", "data", "action_url", "due_at", "application_id"),
                    (event_id, kind, submitted + step * n, data, "", None, app_id),
                )
                event_id += 1
            if progress and (i + 1) % 100000 == 0:
                progress(i + 1, time.perf_counter() - started)
        out.flush()
        _store_sequences(sequences)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in (
                "applications_application",
                "viewflow_task",
                "viewflow_process",
                "applications_caseevent",
                "workflows_caseprocess",
                "applications_draft",
                "accounts_user",
            ):
                # VACUUM too: it sets the visibility map, without which the office lists' index-only scans
                # (workflows.paging) would read the table until autovacuum came by. It cannot run in a transaction
                # (a test's), where ANALYZE alone is done.
                cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM ANALYZE'} {table}")
    seconds = time.perf_counter() - started
    return {
        "cases": count,
        "applicants": pool,
        "tasks": tasks_total,
        "events": events_total,
        "seconds": round(seconds, 1),
        "cases_per_second": round(count / seconds),
        "rows": dict(out.counts),
    }


def _event_data(kind: str, case_number: str, day: str, stage: Stage) -> str:
    """The `data` of a timeline line where the pages read it (`applications.tracking`): the case number of the
    submission, the day the suspension began (the clock stands still from it), the finality of the decision."""
    if kind == "submitted":
        return f'{{"case_number":"{case_number}"}}'
    if kind == "suspended":
        return json.dumps({"suspended_on": day})
    if kind == "decision_final":
        return json.dumps({"granted": stage.status != "refused_final", "final_on": day, "reason": "no_appeal"})
    return "{}"


def _pick(rng: random.Random, i: int, count: int) -> Stage:
    """Older cases are mostly finished, recent ones mostly running."""
    age = 1 - i / count  # 1 = oldest
    choices = FINISHED if rng.random() < 0.15 + 0.8 * age else RUNNING
    return rng.choices(choices, weights=[s.weight for s in choices])[0]


def _task_count(stage: Stage) -> int:
    return 1 + stage.past_formal_check + len(stage.open) + bool(stage.end)


def _store_sequences(sequences: dict[tuple[str, int], int]) -> None:
    from applications.case_models import CaseNumberSequence
    from applications.models import Voivodeship

    voivodeships = {v.code: v.pk for v in Voivodeship.objects.all()}
    existing = {(s.voivodeship_id, s.year): s for s in CaseNumberSequence.objects.all()}
    new, changed = [], []
    for (code, year), last in sequences.items():
        row = existing.get((voivodeships[code], year))
        if row is None:
            new.append(CaseNumberSequence(voivodeship_id=voivodeships[code], year=year, last_value=last))
        elif row.last_value != last:
            row.last_value = last
            changed.append(row)
    CaseNumberSequence.objects.bulk_create(new)
    CaseNumberSequence.objects.bulk_update(changed, ["last_value"])


def seeded_case_count() -> int:
    from applications.case_models import Application

    return Application.objects.filter(applicant__email__endswith=f"@{SEED_DOMAIN}").count()


def reset() -> dict:
    """Delete every seeded case (and what hangs on it) and the seeded users; sequences fall back to the highest
    number left."""
    from django.db import connection, transaction

    like = f"%@{SEED_DOMAIN}"
    apps = (
        "SELECT a.id FROM applications_application a JOIN accounts_user u ON u.id = a.applicant_id "
        "WHERE u.email LIKE %s"
    )
    processes = f"SELECT process_ptr_id FROM workflows_caseprocess WHERE application_id IN ({apps})"
    users = "SELECT id FROM accounts_user WHERE email LIKE %s"
    statements = [
        f"DELETE FROM applications_caseevent WHERE application_id IN ({apps})",
        f"DELETE FROM workflows_auditentry WHERE application_id IN ({apps})",
        f"DELETE FROM viewflow_task WHERE process_id IN ({processes})",
        f"DELETE FROM viewflow_task WHERE owner_id IN ({users})",
        f"CREATE TEMPORARY TABLE seeded_process AS {processes}",
        f"DELETE FROM workflows_caseprocess WHERE application_id IN ({apps})",
        "DELETE FROM viewflow_process WHERE id IN (SELECT process_ptr_id FROM seeded_process)",
        "DROP TABLE seeded_process",
        f"CREATE TEMPORARY TABLE seeded_draft AS SELECT draft_id FROM applications_application WHERE id IN ({apps})",
        f"DELETE FROM applications_application WHERE id IN ({apps})",
        "DELETE FROM applications_draft WHERE id IN (SELECT draft_id FROM seeded_draft)",
        "DROP TABLE seeded_draft",
        f"DELETE FROM applications_draft WHERE applicant_id IN ({users})",
        f"DELETE FROM workflows_staffmembership WHERE user_id IN ({users})",
        f"DELETE FROM accounts_user_groups WHERE user_id IN ({users})",
        "DELETE FROM accounts_user WHERE email LIKE %s",
    ]
    deleted = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql, [like] * sql.count("%s"))
            if sql.startswith("DELETE"):
                deleted[sql.split()[2]] = deleted.get(sql.split()[2], 0) + max(cursor.rowcount, 0)
        _recount_sequences()
    return deleted


def _recount_sequences() -> None:
    from django.db.models import Max

    from applications.case_models import Application, CaseNumberSequence

    for sequence in CaseNumberSequence.objects.select_related("voivodeship"):
        prefix = f"{sequence.voivodeship.code}/{sequence.year}/"
        highest = Application.objects.filter(case_number__startswith=prefix).aggregate(m=Max("case_number"))["m"]
        sequence.last_value = int(highest.rsplit("/", 1)[1]) if highest else 0
        sequence.save(update_fields=["last_value"])
