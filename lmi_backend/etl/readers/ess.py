"""Employer Skills Survey 2022 (UK): vacancies, hard-to-fill and skill-shortage vacancies by
SOC2010 unit group, with the unweighted number of establishments behind each estimate.

All published rows are stored, including those from fewer than 50 establishments: hiding
them is the disclosure layer's job, which needs the count to do it. The TOTAL row is stored as
SOC 0; NOT_CODEABLE vacancies (no occupation) are read and checked but have no SOC code to be
stored under. Occupations (and not codeable) may add up to less than TOTAL, as the file
dropped the rows ESS suppressed ('u' unreliable, 'c' confidential), never to more. Counts are
rounded to whole vacancies and shares to 0.1%, so a share may differ from 100 x part /
vacancies by 0.05 plus what rounding both counts can move it.
"""

from __future__ import annotations

from ...db.facts import vacancy
from ..context import BuildContext
from ..parsing import parse_soc
from ..sources import SourceFile
from .tables import MAX_PERSONS, Column, check_total, long_cells

FILE = "pay/ess_vacancies_lsip/ess2022_vacancies_by_soc2010_4digit_UK.csv"
PERIOD = "2022"
COUNTS = [
    Column("vacancies", {"measure": "vacancies"}),
    Column("hard_to_fill_vacancies", {"measure": "hard_to_fill"}),
    Column("skill_shortage_vacancies", {"measure": "skill_shortage"}),
    Column("sample_estabs_with_vacancy", {"measure": "establishments_sampled"}),
]
SHARES = [
    Column("htfv_pct_of_vacancies", {"measure": "hard_to_fill_pct"}),
    Column("ssv_pct_of_vacancies", {"measure": "skill_shortage_pct"}),
]
PARTS = (("hard_to_fill", "hard_to_fill_pct"), ("skill_shortage", "skill_shortage_pct"))
NOT_CODEABLE = "NOT_CODEABLE"
TOTAL = "TOTAL"


def load(ctx: BuildContext) -> None:
    src = ctx.source(FILE)

    def rows():
        seen: dict[str, int] = {}
        figures: dict[str, dict[str, float | None]] = {}
        for line, rec in src.records():
            raw = rec["soc2010"].strip()
            if raw in seen:
                raise src.error(line, "each occupation must appear once", f"also on row {seen[raw]}")
            seen[raw] = line
            cells = long_cells(src, line, rec, COUNTS, hi=MAX_PERSONS) + long_cells(
                src, line, rec, SHARES, hi=100
            )
            figures[raw] = {c["measure"]: c["value"] for c in cells}
            _check(src, line, figures[raw])
            if raw == NOT_CODEABLE:
                continue
            soc = 0 if raw == TOTAL else parse_soc(src, line, "soc2010", raw, ctx.soc_units)
            for cell in cells:
                yield {"soc": soc, "region": 0, "period": PERIOD, **cell}
        if TOTAL not in seen:
            raise src.error(None, "the file must have a TOTAL row")
        total = figures.pop(TOTAL)
        for measure in ("vacancies", "hard_to_fill", "skill_shortage"):
            parts = [f[measure] for f in figures.values()]
            check_total(
                src,
                seen[TOTAL],
                f"'{measure}' of the occupations (and not codeable)",
                parts,
                total[measure],
                over=0.5 * (len(parts) + 1),
            )

    ctx.insert(vacancy, rows(), src)


def _check(src: SourceFile, line: int, got: dict[str, float | None]) -> None:
    """Hard-to-fill and skill-shortage vacancies are subsets of vacancies, and their shares agree
    with the counts within rounding."""
    vacancies = got["vacancies"]
    for part, share in PARTS:
        check_total(
            src, line, f"'{part}' vacancies are part of all vacancies", [got[part]], vacancies, over=0
        )
        count, pct = got[part], got[share]
        if vacancies and count is not None and pct is not None:
            slack = 0.05 + 50 * (1 / vacancies + count / vacancies**2)
            if abs(100 * count / vacancies - pct) > slack:
                raise src.error(
                    line,
                    f"'{share}' must equal 100 x {part} / vacancies",
                    f"{pct} vs {100 * count / vacancies:.2f} (tolerance {slack:.2f})",
                )
