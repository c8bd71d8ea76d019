"""Prints the SOC coder's top-1 and top-3 accuracy, how often it asked, and how many top codes
were wrong with a confidence of 0.9 or more, on the evaluation set and on the held-out set.

python benchmarks/coder_eval.py                  # tests/data/coder_eval.csv and coder_holdout.csv
python benchmarks/coder_eval.py --file F.csv     # one labelled file instead
python benchmarks/coder_eval.py --errors         # also list the phrases it got wrong
python benchmarks/coder_eval.py --fit            # fit the calibration constants (calibration.py)
python benchmarks/coder_eval.py --no-synonyms    # without the team's slang list

The held-out set is never used to tune: --fit fits on the evaluation set only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lmi_backend import config
from lmi_backend.coder import SocCoder, get_coder
from lmi_backend.coder.evaluation import Report, evaluate, load

EVAL_SET = config.PROJECT_ROOT / "tests" / "data" / "coder_eval.csv"
HOLDOUT_SET = config.PROJECT_ROOT / "tests" / "data" / "coder_holdout.csv"


def fit(reports: list[Report]) -> None:
    """Logistic fit of P(top right) on (top raw score, margin, whether the top title lacks the
    query's job word) by Newton's method, and the share of wrong tops whose answer was still
    among candidates 2..4. Pools the coder with and without the team's lists: with them nearly
    every phrase is right, so the phrases the lists do not cover (like most unseen ones) are
    what tells a weak raw score from a strong one."""
    import numpy as np

    outcomes = [o for r in reports for o in r.outcomes]
    rows = [(o.raw[0], 1 - o.raw[1] / o.raw[0], o.lacks_job_word, o.top1) for o in outcomes if o.raw[0] > 0]
    x = np.array([[1.0, r[0], r[1], float(r[2])] for r in rows])
    y = np.array([float(r[3]) for r in rows])
    w = np.zeros(4)
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + 1e-3 * np.eye(4)  # small ridge: separable data
        w += np.linalg.solve(hessian, x.T @ (y - p) - 1e-3 * w)
    wrong = [o for o in outcomes if o.ranked and not o.top1]
    share = sum(any(c in o.item.accepted for c in o.ranked[1:4]) for o in wrong) / max(1, len(wrong))
    print(f"A, B, C, D = {w[0]:.2f}, {w[1]:.2f}, {w[2]:.2f}, {w[3]:.2f}\nRUNNER_UP_SHARE = {share:.2f}")
    print("calibration by predicted confidence (fitted logistic):")
    buckets(1 / (1 + np.exp(-x @ w)), y)
    print("calibration of the confidences the coder gives now (calibration.py as it is):")
    buckets(np.array([o.score for o in outcomes if o.raw[0] > 0]), y)


def buckets(pred, y) -> None:
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8, 0.9):
        hi = {0.8: 0.9, 0.9: 1.01}.get(lo, lo + 0.2)
        mask = (pred >= lo) & (pred < hi)
        if mask.any():
            print(
                f"  {lo:.1f}-{min(hi, 1):.1f}: n={mask.sum():4d} predicted {pred[mask].mean():.2f} "
                f"observed {y[mask].mean():.2f}"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, help="one labelled file (default: the eval and held-out sets)")
    ap.add_argument("--db", help="database (default $LMI_DB or var/lmi.sqlite)")
    ap.add_argument("--errors", action="store_true", help="list phrases whose top code is wrong")
    ap.add_argument("--fit", action="store_true", help="fit and print calibration constants")
    ap.add_argument(
        "--no-synonyms",
        action="store_true",
        help="leave out the team's synonym list (what the ONS titles alone achieve)",
    )
    args = ap.parse_args(argv)
    db = config.db_path(args.db)
    coder = SocCoder.from_db(db, without_synonyms=True) if args.no_synonyms else get_coder(db)
    files = [args.file] if args.file else [EVAL_SET, HOLDOUT_SET]
    for path in files:
        report = evaluate(coder, load(path))
        print(f"{path.name}: " + "\n".join(report.lines()))
        if args.errors:
            for o in report.outcomes:
                if not o.top1:
                    got = [f"{c}:{coder.titles[c][:28]}" for c in o.ranked[:3]]
                    mark = "top3" if o.top3 else "MISS"
                    print(
                        f"{mark} {o.item.phrase!r} want {o.item.codes} asked={o.asked} "
                        f"score={o.score:.2f} raw={o.raw[0]:.2f}/{o.raw[1]:.2f} got {got}"
                    )
    if args.fit:
        path = args.file or EVAL_SET
        fit([evaluate(coder, load(path)), evaluate(SocCoder.from_db(db, without_synonyms=True), load(path))])
    return 0


if __name__ == "__main__":
    sys.exit(main())
