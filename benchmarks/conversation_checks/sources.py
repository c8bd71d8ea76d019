"""Published figures read straight from the source files in ../shared/lmi-sources.

The conversation checks compare the assistant's replies with these, so nothing here may come
from the project's database or code: every value is read from the file the publisher released
(or its documented transcription), with the reader written for the checks alone. Suppressed
cells ('x', '..', ':', '*', '' and the like) read as missing, never as zero.

Pay and hours (ASHE Table 14, UK, 4-digit occupation) by year and classification:
  2011, 2021  SOC2010   pay/ashe_table14_mathsci/ (annual, hourly; all employees and full-time)
  2017-2020   SOC2010   pay/ashe_table14_7a_occupationView/ (annual, by sex x full/part-time)
  2021        SOC2010   ashe_more/ (weekly, hourly, annual, paid hours; by sex x full/part-time)
  2022-2024   SOC2020   ashe_more/ (the same)
  2025        SOC2020   ashe_more/ (no part-time sheets)
A SOC2020 year's figure for a SOC2010 job is the figure of any SOC2020 unit group that the ONS
dual-coding proportions (pay/crosswalk/) link to it: one that at least MIN_LINK of the job's
dual-coded jobs went to (a destination of 1% would let another job's pay pass as this one's).
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MEASURES = ("annual", "weekly", "hourly", "hours")
MIN_LINK = 0.1  # share of a SOC2010 group's dual-coded jobs that makes a SOC2020 group "linked"
_ASHE_MORE_MEASURE = {
    "annual_gross_pay_gbp": "annual",
    "weekly_gross_pay_gbp": "weekly",
    "hourly_gross_pay_gbp": "hourly",
    "paid_hours_total_per_week": "hours",
}
# (sex, status) -> the ONS sheet name; sex: all/male/female, status: all/full-time/part-time
SHEETS = {
    ("all", "all"): "All",
    ("male", "all"): "Male",
    ("female", "all"): "Female",
    ("all", "full-time"): "Full-Time",
    ("all", "part-time"): "Part-Time",
    ("male", "full-time"): "Male Full-Time",
    ("male", "part-time"): "Male Part-Time",
    ("female", "full-time"): "Female Full-Time",
    ("female", "part-time"): "Female Part-Time",
}
_SHEET_KEY = {sheet: key for key, sheet in SHEETS.items()}
# the English region names of ASHE and APS files -> the names the checks use
REGIONS = (
    "London",
    "South East",
    "East of England",
    "South West",
    "West Midlands",
    "East Midlands",
    "Yorkshire and the Humber",
    "North West",
    "North East",
    "Wales",
    "Scotland",
    "Northern Ireland",
)
_REGION_ALIASES = {"East": "East of England", "Yorkshire and The Humber": "Yorkshire and the Humber"}


def sources_dir() -> Path:
    """$LMI_SOURCES when set (as for the build), else ../shared/lmi-sources beside the repo."""
    env = os.environ.get("LMI_SOURCES")
    return Path(env) if env else ROOT.parent / "shared" / "lmi-sources"


def number(text: str | None) -> float | None:
    """A published cell as a number; suppressed and empty cells are None."""
    text = (text or "").strip().replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _region(name: str) -> str:
    name = re.sub(r"\s*\(England\)$", "", name.strip())
    return _REGION_ALIASES.get(name, name)


@dataclass(frozen=True)
class Figure:
    """One published value and where it is from, for failure messages."""

    value: float
    year: int
    source: str  # file and cell, e.g. "ashe_more 2021 All 2231 annual median"


class Sources:
    """Lazily read source files; each is read once per process."""

    def __init__(self, path: Path | None = None):
        self.path = path or sources_dir()
        if not (self.path / "SOURCES.md").exists():
            raise FileNotFoundError(f"source data not found at {self.path} (set LMI_SOURCES)")

    def _rows(self, relative: str) -> Iterable[dict[str, str]]:
        with open(self.path / relative, newline="", encoding="utf-8-sig") as handle:
            yield from csv.DictReader(handle)

    # --- occupations ----------------------------------------------------------------------

    @cached_property
    def titles(self) -> dict[int, str]:
        """SOC2010 unit group -> ONS title."""
        return {int(r["soc"]): r["title"].strip() for r in self._rows("soc/ons_soc2010_unit_groups.csv")}

    @cached_property
    def soc2020_links(self) -> dict[int, dict[int, float]]:
        """SOC2010 unit group -> {SOC2020 unit group: pooled share} from the ONS dual coding
        (the four samples pooled by their sizes). Every listed destination counts as linked."""
        import openpyxl  # only this file needs it

        book = openpyxl.load_workbook(
            self.path / "pay/crosswalk/ONS_SOC2010_SOC2020_dualcoded_proportions.xlsx",
            read_only=True,
            data_only=True,
        )
        links: dict[int, dict[int, float]] = defaultdict(dict)
        bases: list[float] = []
        current = 0
        try:
            for row in book.worksheets[0].iter_rows(min_row=2, values_only=True):
                if not row or all(v in (None, "") for v in row):
                    continue
                if row[0]:
                    current = int(str(row[0]).split(":")[0])
                    bases = [float(row[i] or 0) for i in (2, 4, 6, 8)]
                    continue
                soc2020 = int(str(row[1]).split(":")[0])
                shares = [float(row[i] or 0) for i in (3, 5, 7, 9)]
                pooled = sum(b * s for b, s in zip(bases, shares)) / (sum(bases) or 1)
                links[current][soc2020] = pooled
        finally:
            book.close()
        return dict(links)

    # --- pay and hours --------------------------------------------------------------------

    @cached_property
    def _ashe(self) -> dict[tuple, dict[str, float | None]]:
        """(year, classification, code, measure, sex, status) -> {stat: value} for the UK."""
        table: dict[tuple, dict[str, float | None]] = {}
        stats = ("median", "mean", "p10", "p25", "p75", "p90")

        def put(year, scheme, code, measure, sheet, row):
            if sheet not in _SHEET_KEY or not code.isdigit():
                return
            key = (int(year), scheme, int(code), measure, *_SHEET_KEY[sheet])
            values = {s: number(row.get(s)) for s in stats}
            table.setdefault(key, values)

        for row in self._rows(
            "pay/ashe_table14_7a_occupationView/ashe_t14_7a_annual_gross_pay_soc2010_2017_2020_long.csv"
        ):
            put(row["year"], "SOC2010", row["soc2010_code"], "annual", row["sheet"], row)
        for name in sorted(os.listdir(self.path / "ashe_more")):
            if not name.endswith(".csv"):
                continue
            for row in self._rows(f"ashe_more/{name}"):
                measure = _ASHE_MORE_MEASURE.get(row["measure"])
                if measure:
                    put(row["year"], row["soc_version"], row["soc_code"], measure, row["sheet"], row)
        mathsci = {"annual": "annual", "hourly": "hourly"}
        for name in sorted(os.listdir(self.path / "pay/ashe_table14_mathsci")):
            match = re.fullmatch(r"(\d{4})[pr]_(annual|hourly)_(FT|FTPT)\.csv", name)
            if not match:
                continue
            year, measure, who = match.groups()
            sheet = "Full-Time" if who == "FT" else "All"
            for row in self._rows(f"pay/ashe_table14_mathsci/{name}"):
                renamed = {"median": row["Median"], "mean": row["Mean"], "p10": row["10"], "p25": row["25"]}
                renamed.update({"p75": row["75"], "p90": row["90"]})
                put(year, "SOC2010", row["Code"], mathsci[measure], sheet, renamed)
        return table

    @cached_property
    def _ashe_by_cell(self) -> dict[tuple, dict[int, dict[str, float | None]]]:
        """(classification, code, measure, sex, status) -> {year: {stat: value}}."""
        index: dict[tuple, dict[int, dict[str, float | None]]] = defaultdict(dict)
        for (year, scheme, code, measure, sex, status), values in self._ashe.items():
            index[(scheme, code, measure, sex, status)][year] = values
        return dict(index)

    def pay_figures(
        self, soc: int, measure: str, sex: str = "all", status: str = "all", stat: str = "median"
    ) -> list[Figure]:
        """Every published UK value of one job's cell, in each year: SOC2010 years directly,
        SOC2020 years through every SOC2020 unit group the crosswalk links to the job."""
        if measure not in MEASURES:
            raise ValueError(f"unknown pay measure {measure!r}")
        out = []
        linked = {code for code, share in self.soc2020_links.get(soc, {}).items() if share >= MIN_LINK}
        cells = [("SOC2010", soc)] + [("SOC2020", code) for code in sorted(linked)]
        for scheme, code in cells:
            for year, values in self._ashe_by_cell.get((scheme, code, measure, sex, status), {}).items():
                value = values.get(stat)
                if value is not None:
                    sheet = SHEETS[(sex, status)]
                    out.append(Figure(value, year, f"ASHE {year} {scheme} {code} {sheet} {measure} {stat}"))
        return sorted(out, key=lambda f: (f.year, f.source))

    def soc2020_span(
        self, soc: int, measure: str, year: int, sex: str = "all", status: str = "all", stat: str = "median"
    ) -> tuple[float, float] | None:
        """The lowest and highest published value, in a SOC2020 year, of every SOC2020 unit group
        the job's workers are dual-coded to (any share): where an answer combines those groups
        into an estimate for the job, a weighted combination can only fall inside this span."""
        values = [
            v
            for code in self.soc2020_links.get(soc, {})
            if (
                v := self._ashe_by_cell.get(("SOC2020", code, measure, sex, status), {})
                .get(year, {})
                .get(stat)
            )
            is not None
        ]
        return (min(values), max(values)) if values else None

    @cached_property
    def _regional_part_time(self) -> dict[tuple[str, int], float]:
        """ASHE Table 15.7a 2020: part-time annual pay median by region x 4-digit SOC2010."""
        out = {}
        folder = "more/ashe_table15_7a_2020_region_x_soc2010_4digit_PARTTIME_only"
        for row in self._rows(f"{folder}/ashe_t15_7a_2020_parttime_region_x_soc2010_long.csv"):
            value = number(row["median"])
            if value is not None and row["code"].isdigit() and len(row["code"]) == 4:
                out[(_region(row["region"]), int(row["code"]))] = value
        return out

    def regional_part_time_pay(self, soc: int, region: str) -> Figure | None:
        value = self._regional_part_time.get((region, soc))
        return Figure(value, 2020, f"ASHE Table 15.7a 2020 {region} {soc} part-time") if value else None

    # --- people in a job, outlook, vacancies ------------------------------------------------

    @cached_property
    def _aps_by_sex(self) -> dict[int, tuple[float | None, float | None]]:
        return {
            int(r["soc2010"]): (number(r["1 Male"]), number(r["2 Female"]))
            for r in self._rows("pay/aps2019_soc4/aps2019_soc4_by_sex.csv")
            if r["soc2010"].isdigit()
        }

    @cached_property
    def _lfs_2018(self) -> dict[int, float | None]:
        folder = "more/lfs_employment_by_status_soc2010_4digit_2018q2"
        return {
            int(r["soc2010_code"]): number(r["total_in_employment"])
            for r in self._rows(f"{folder}/lfs_2018q2_employment_by_status_x_soc2010_long.csv")
            if r["sex"] == "people" and r["soc2010_code"].isdigit() and r["digits"] == "4"
        }

    @cached_property
    def _aps_english_regions(self) -> dict[tuple[str, int, int], float]:
        out = {}
        for row in self._rows(
            "pay/aps_region_occupationView/aps_employment_soc2010_4digit_by_english_region_2017_2021.csv"
        ):
            value = number(row["employed"])
            if value is not None and row["soc2010_code"].isdigit():
                year = int(re.findall(r"\d{4}", row["period"])[-1])
                out[(_region(row["region"]), int(row["soc2010_code"]), year)] = value
        return out

    def employment_figures(self, soc: int, region: str = "UK") -> list[Figure]:
        """People in the job: UK from APS 2019 (men + women) and LFS Apr-Jun 2018; an English
        region from APS 2017-2021."""
        if region != "UK":
            return [
                Figure(v, year, f"APS {year} {region} {soc}")
                for (r, code, year), v in self._aps_english_regions.items()
                if r == region and code == soc
            ]
        out = []
        men, women = self._aps_by_sex.get(soc, (None, None))
        if men is not None and women is not None:
            out.append(Figure(men + women, 2019, f"APS 2019 {soc} men + women"))
        lfs = self._lfs_2018.get(soc)
        if lfs is not None:
            out.append(Figure(lfs, 2018, f"LFS Apr-Jun 2018 {soc}"))
        return out

    @cached_property
    def _si2035(self) -> dict[int, dict[int, float]]:
        """SOC2020 sub-major group -> {year: employment in England, thousands} (all people)."""
        out: dict[int, dict[int, float]] = {}
        for row in self._rows(
            "pay/skills_imperative_2035/si2035_england_soc2020_submajor_levels_change_replacement_demand.csv"
        ):
            if row["gender"] == "All" and row["soc2020_submajor"].isdigit():
                out[int(row["soc2020_submajor"])] = {
                    int(k[4:8]): float(v) for k, v in row.items() if re.fullmatch(r"emp_\d{4}_000s", k)
                }
        return out

    def growth_figures(self, soc: int, start: int, end: int) -> list[Figure]:
        """Projected change in employment (%) in England, start -> end, for each SOC2020
        sub-major group the job belongs to: those the crosswalk links it to, and the SOC2010
        code's own first two digits (the sources' README says codes 11-92 align)."""
        linked = self.soc2020_links.get(soc, {})
        groups = {code // 100 for code, share in linked.items() if share >= MIN_LINK} | {soc // 100}
        out = []
        for group in sorted(groups):
            years = self._si2035.get(group, {})
            if start in years and end in years and years[start]:
                change = 100 * (years[end] - years[start]) / years[start]
                out.append(Figure(change, end, f"Skills Imperative 2035 group {group} {start}-{end}"))
        return out

    @cached_property
    def _vacancies(self) -> dict[int, float]:
        return {
            int(r["soc2010"]): v
            for r in self._rows("pay/ess_vacancies_lsip/ess2022_vacancies_by_soc2010_4digit_UK.csv")
            if r["soc2010"].isdigit() and (v := number(r["vacancies"])) is not None
        }

    def vacancy_figures(self, soc: int) -> list[Figure]:
        value = self._vacancies.get(soc)
        return [Figure(value, 2022, f"ESS 2022 {soc}")] if value is not None else []

    # --- graduates --------------------------------------------------------------------------

    @cached_property
    def _graduate_medians(self) -> list[tuple[str, str, float]]:
        """(CAH subject code, dataset, UK median salary) from Discover Uni's Graduate Outcomes
        (15 months after) and LEO (3 and 5 years after) files."""
        out = []
        for name, code, median in (
            ("GOSECSAL.csv", "GOSECSBJ", "GOSECMED_UK"),
            ("LEO3SEC.csv", "LEO3SECSBJ", "LEO3MED_UK"),
            ("LEO5SEC.csv", "LEO5SECSBJ", "LEO5MED_UK"),
        ):
            for row in self._rows(f"misc/hesa_discover_uni/{name}"):
                value = number(row.get(median))
                if value is not None:
                    out.append((row[code], name, value))
        return out

    def graduate_figures(self, cah_prefix: str) -> list[Figure]:
        """Median graduate salaries of every subject code starting with `cah_prefix`."""
        return [
            Figure(value, 0, f"{name} {code}")
            for code, name, value in self._graduate_medians
            if code.startswith(cah_prefix)
        ]
