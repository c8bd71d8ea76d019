"""The LMI database copied into PostgreSQL (`lmi build --db postgresql://...`) answers exactly as
the SQLite file does: every service answer for every unit group, and the SOC coder's, compared
field by field, on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from lmi_backend.coder import get_coder
from lmi_backend.db.engine import readonly_engine
from lmi_backend.db.publish import publish
from lmi_backend.db.schema import metadata
from lmi_backend.interests import interests
from lmi_backend.service import LmiService, Query

REGIONS = range(1, 13)
AGES = (16, 19, 23, 35, 60)


def _answer(ask: Callable[[], Any]) -> Any:
    """What a caller gets: the result as JSON-ready data, or the refusal."""
    try:
        return ask().to_dict()
    except ValueError as refusal:
        return ("refused", str(refusal))


def _questions(service: LmiService) -> Iterator[tuple[str, Callable[[], Any]]]:
    """Every kind of question, for all 369 unit groups: the cell questions for the UK and again
    with a region, sex, work pattern, qualification and age that change from job to job, so the
    disclosure ladder's every step is reached somewhere."""
    units = sorted(code for code, group in service.store.soc.items() if group.level == 4)
    assert len(units) == 369
    for i, soc in enumerate(units):
        narrow = Query(
            soc,
            region=REGIONS[i % 12],
            gender=(None, 1, 2)[i % 3],
            status=(None, 1, 2, 3)[i % 4],
            qualification=(None, 3, 4, 6, 9)[i % 5],
            age=(None, *AGES)[i % 6],
        )
        for query in (Query(soc), Query(soc, region=REGIONS[(i + 5) % 12]), narrow):
            for kind in ("pay", "hours", "outlook", "employment", "vacancies"):
                yield f"{kind} {query}", lambda k=kind, q=query: getattr(service, k)(q)
        for kind in ("skills", "job_description", "tasks", "entry_routes", "apprenticeships", "similar_jobs"):
            yield f"{kind} {soc}", lambda k=kind, s=soc: getattr(service, k)(s)
        yield f"degree share {soc}", lambda s=soc: service.qualification_share(s, (301,))
        yield f"pay series {soc}", lambda s=soc: service.pay_series(Query(s))
        yield f"projections {soc}", lambda s=soc: service.wf_predict(Query(s))
        yield f"industries {soc}", lambda s=soc: service.industries(Query(s))
        other = units[(i + 1) % len(units)]
        yield f"compare {soc} {other}", lambda s=soc, o=other: service.compare([s, o], Query(s, region=1))
    for region in (None, *REGIONS):
        yield f"best paid {region}", lambda r=region: service.best_paid(r)
        yield (
            f"best paid without a degree {region}",
            lambda r=region: service.best_paid(r, without_degree=True),
        )
    yield "growing areas", service.growing_areas
    for interest in interests():
        yield f"jobs for {interest.name}", lambda i=interest: service.jobs_for_interest(i)
    for area in ("LS6", "Leeds", "Cardiff", "Glasgow"):
        yield f"jobs in {area}", lambda a=area: service.area_jobs(a)
    yield "unknown job", lambda: service.pay(Query(9999))


def test_every_service_answer_is_the_same_on_postgresql(db_path: Path, lmi_postgres_url: str):
    on_file, on_server = LmiService(db_path), LmiService(lmi_postgres_url)
    try:
        asked = 0
        for (name, ask_file), (_, ask_server) in zip(_questions(on_file), _questions(on_server)):
            assert _answer(ask_server) == _answer(ask_file), name
            asked += 1
        assert asked > 369 * 20
    finally:
        on_file.close()
        on_server.close()


def test_the_soc_coder_codes_the_same_on_postgresql(db_path: Path, lmi_postgres_url: str):
    phrases = ["sparky", "brickie", "nurse", "engineer", "teacher", "vet", "software dev", "plummer", "xyzzy"]
    with readonly_engine(db_path).connect() as conn:  # and one title of every unit group
        phrases += list(conn.execute(sa.text("SELECT min(title) FROM job_title GROUP BY soc")).scalars())
    on_file, on_server = get_coder(db_path), get_coder(lmi_postgres_url)
    assert on_server is not on_file
    for phrase in phrases:
        assert on_server.code(phrase).to_dict() == on_file.code(phrase).to_dict(), phrase


def test_every_table_and_row_is_copied(db_path: Path, lmi_postgres_url: str):
    file, server = readonly_engine(db_path), readonly_engine(lmi_postgres_url)
    with file.connect() as a, server.connect() as b:
        for table in metadata.sorted_tables:
            count = sa.select(sa.func.count()).select_from(table)
            assert a.execute(count).scalar() == b.execute(count).scalar(), table.name


def test_a_table_the_schema_does_not_declare_stops_the_copy(tmp_path: Path, engines):
    import sqlite3

    stray = tmp_path / "stray.sqlite"
    with sqlite3.connect(stray) as db:
        db.execute("CREATE TABLE notes_by_hand (x INTEGER)")
    with pytest.raises(ValueError, match="notes_by_hand"):
        publish(stray, engines.postgres.create_database("stray"))


def test_the_service_carries_on_after_postgresql_restarts(lmi_postgres_url: str, engines):
    service = LmiService(lmi_postgres_url)
    try:
        before = service.pay(Query(5314, region=10)).to_dict()
        engines.postgres.restart()
        assert service.pay(Query(5241)).values.get("median")  # not cached: read after the restart
        assert service.pay(Query(5314, region=10)).to_dict() == before
    finally:
        service.close()
