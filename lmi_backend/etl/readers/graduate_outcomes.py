"""Discover Uni sector files: what graduates of each degree subject earn, UK-wide and by nation.

- GOSECSAL.csv: Graduate Outcomes survey, salaries 15 months after graduating.
- LEO3SEC.csv, LEO5SEC.csv: earnings 3 and 5 years after graduating from tax records
  (Longitudinal Education Outcomes), for graduates living in each nation; LEO has no Northern
  Ireland figures.

Each row is one subject (HESA CAH code, any of the three levels) x KISMODE (1 full-time, 2
part-time study) x KISLEVEL (3 first degree, 4 other undergraduate), with the lower quartile,
median and upper quartile and the number of graduates behind them (Discover Uni's population,
rounded to 5) for the UK and each nation. 'NA' is a cell Discover Uni does not publish, stored
as missing with that reason. A figure and its population are published together or not at all,
quartiles rise, and the nations' populations add up to no more than the UK's (plus rounding).
The LEO files' English regions and the three further areas they carry (CF, ED, GL) are not
loaded: the files do not say what those codes are, and the figures are answered by nation.

The subject lookup (etl/data/cah_subjects.csv, lmi_backend.subjects) is loaded here too, and
every code it names must be in these files.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...db.graduates import graduate_pay, graduate_subject
from ...subjects import CODE, DATA_FILE, load_subjects
from ..context import BuildContext
from ..errors import SourceError
from ..parsing import check_non_decreasing, parse_cell, parse_int
from ..sources import SourceFile
from .tables import check_total, header

FOLDER = "misc/hesa_discover_uni"
NATIONS = {"UK": "United Kingdom", "E": "England", "W": "Wales", "S": "Scotland", "NI": "Northern Ireland"}
MODES = (1, 2)  # KISMODE: full-time, part-time study
LEVELS = (3, 4)  # KISLEVEL: first degree, other undergraduate
MAX_PAY = 500_000  # a year: above it a figure is a unit or column slip
MAX_GRADUATES = 1_000_000
ROUNDING = 2.5  # populations are rounded to the nearest 5
QUARTILES = {"lower_quartile": "LQ", "median": "MED", "upper_quartile": "UQ"}
STATS = (*QUARTILES, "graduates")


@dataclass(frozen=True)
class File:
    """One sector file: its name, subject column, measure, statistics' column prefixes and nations."""

    name: str
    subject: str
    measure: str
    prefix: str
    population: str
    nations: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.name}"

    def column(self, stat: str, nation: str) -> str:
        """ "GOSECMED_UK", "LEO3SECPOP_W"."""
        if stat == "graduates":
            return f"{self.population}_{nation}"
        return f"{self.prefix}{QUARTILES[stat]}_{nation}"


FILES = (
    File("GOSECSAL.csv", "GOSECSBJ", "after_15_months", "GOSEC", "GOSECPOP", ("UK", "E", "NI", "S", "W")),
    File("LEO3SEC.csv", "LEO3SECSBJ", "after_3_years", "LEO3", "LEO3SECPOP", ("UK", "E", "W", "S")),
    File("LEO5SEC.csv", "LEO5SECSBJ", "after_5_years", "LEO5", "LEO5SECPOP", ("UK", "E", "W", "S")),
)


def load(ctx: BuildContext) -> None:
    codes: set[str] = set()
    for file in FILES:
        src = ctx.source(file.path)
        ctx.insert(graduate_pay, _rows(src, file, codes), src)
    subjects = load_subjects()
    unknown = sorted(set(subjects) - codes)
    if unknown:
        raise SourceError(
            f"lmi_backend/etl/{DATA_FILE}", None, "every subject named must be in the files", unknown[0]
        )
    ctx.insert(
        graduate_subject,
        [{"code": s.code, "name": s.name, "say": s.say, "parent": s.parent} for s in subjects.values()],
    )


def _rows(src: SourceFile, file: File, codes: set[str]):
    columns = [file.subject, "KISMODE", "KISLEVEL"] + [file.column(s, n) for s in STATS for n in file.nations]
    missing = sorted(set(columns) - set(header(src)))
    if missing:
        raise src.error(1, "the file must have its subject, mode, level and figure columns", missing[0])
    period = src.entry.period  # the Discover Uni release (manifest)
    if not period:
        raise src.error(None, "the manifest must give the file's period")
    seen: dict[tuple[str, int, int], int] = {}
    for line, rec in src.records():
        subject = rec[file.subject].strip()
        if not CODE.fullmatch(subject):
            raise src.error(line, f"column '{file.subject}' must be a CAH code", f"found {subject[:20]!r}")
        mode = parse_int(src, line, "KISMODE", rec["KISMODE"])
        level = parse_int(src, line, "KISLEVEL", rec["KISLEVEL"])
        if mode not in MODES or level not in LEVELS:
            raise src.error(line, "KISMODE must be 1 or 2 and KISLEVEL 3 or 4", f"found {mode}, {level}")
        key = (subject, mode, level)
        if key in seen:
            raise src.error(line, "each subject, mode and level must appear once", f"also on row {seen[key]}")
        seen[key] = line
        codes.add(subject)
        populations: dict[str, float | None] = {}
        for nation in file.nations:
            cells = {
                stat: parse_cell(
                    src,
                    line,
                    file.column(stat, nation),
                    rec[file.column(stat, nation)],
                    lo=0,
                    hi=MAX_GRADUATES if stat == "graduates" else MAX_PAY,
                )
                for stat in STATS
            }
            published = {stat for stat, cell in cells.items() if cell.value is not None}
            if published not in (set(), set(cells)):
                raise src.error(
                    line,
                    "a figure and its population are published together",
                    f"{nation}: only {sorted(published)}",
                )
            check_non_decreasing(src, line, {s: cells[s].value for s in QUARTILES})
            populations[nation] = cells["graduates"].value
            for stat, cell in cells.items():
                yield {
                    "subject": subject,
                    "mode": mode,
                    "level": level,
                    "nation": NATIONS[nation],
                    "measure": file.measure,
                    "stat": stat,
                    "period": period,
                    **cell.as_row(),
                }
        parts = [v for n, v in populations.items() if n != "UK"]
        check_total(
            src, line, "graduates in each nation", parts, populations["UK"], over=ROUNDING * len(parts)
        )
