"""How many people do a job: the fitted employment cell (APS 2019, est_employment) for the
occupation, place, sex, work pattern, qualification and age asked. The count is itself the cell
the disclosure rule checks, so a job with fewer than 1,000 people in a place gets its wider
group's count, as any figure would.
"""

from __future__ import annotations

from ..disclosure import RELEASED, Cell, employment_reliability, resolve
from .cells import employment, to_cell
from .labels import Labels
from .results import Figure, make_result
from .store import Store
from .types import Query, Result

ALL = 0
SELF_EMPLOYED = 3
METHOD_KEY = "employment_cube"


def people_in_job(store: Store, labels: Labels, q: Query) -> Result:
    method = store.method(METHOD_KEY)

    def figure(cell: Cell) -> Figure | None:
        people = employment(store, cell)
        if not people:
            return None
        values: dict[str, float | None] = {"employment": people}
        if cell.status == ALL and not cell.qualification and cell.age is None:
            # the self-employed share says something a count does not (plumbers: a third)
            own = store.employment(cell.soc, cell.region, cell.gender, SELF_EMPLOYED)
            if own is not None and employment_reliability(own) in RELEASED:
                values["self_employed_pct"] = round(100 * own / people, 1)
        return Figure(values, "2019", True, list(method.provenance_ids), method.description, [method.key])

    outcome = resolve(to_cell(q, ALL), lambda c: employment(store, c), figure)
    return make_result("employment", store, labels, q, outcome, "people", ALL)
