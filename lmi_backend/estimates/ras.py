"""RAS / iterative proportional fitting over arrays of any number of dimensions.

A detailed array (the seed) is scaled in turn to each set of published totals until it agrees
with all of them. The seed carries what we believe about the *pattern* of the detail (for
example survey cells, or shares from another year); the margins carry what was published. Cells
that are zero in the seed stay zero, so the fit never invents employment where the seed has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Margin:
    """Published totals of the fitted array over every axis *not* in `axes`.

    `target` has the shape of the fitted array restricted to `axes` (in that order)."""

    name: str
    axes: tuple[int, ...]
    target: np.ndarray


@dataclass
class Fit:
    array: np.ndarray
    iterations: int
    converged: bool
    errors: dict[str, float] = field(default_factory=dict)  # margin name -> max relative error


def margin_sum(array: np.ndarray, axes: tuple[int, ...]) -> np.ndarray:
    """Sum over every axis not in `axes`, keeping `axes` in the given order."""
    others = tuple(i for i in range(array.ndim) if i not in axes)
    summed = array.sum(axis=others)
    kept = [i for i in range(array.ndim) if i in axes]
    return np.transpose(summed, [kept.index(a) for a in axes])


def relative_error(fitted: np.ndarray, target: np.ndarray) -> float:
    """Largest |fitted - target| / target over cells with a positive target (0 when none)."""
    positive = target > 0
    if not positive.any():
        return 0.0
    return float(np.max(np.abs(fitted[positive] - target[positive]) / target[positive]))


def ipf(seed: np.ndarray, margins: list[Margin], *, tol: float = 1e-6, max_iter: int = 500) -> Fit:
    """Scale `seed` to each margin in turn until every margin agrees within `tol` (relative).

    Margins that contradict each other (different grand totals, or a positive target whose seed
    cells are all zero) cannot be met; the fit then stops at `max_iter` with `converged=False`
    and the remaining error per margin, which callers report rather than hide."""
    array = np.array(seed, dtype=float)
    if (array < 0).any():
        raise ValueError("seed must not be negative")
    for m in margins:
        expected = tuple(array.shape[a] for a in m.axes)
        if m.target.shape != expected:
            raise ValueError(f"margin {m.name}: target shape {m.target.shape}, expected {expected}")
        if (m.target < 0).any():
            raise ValueError(f"margin {m.name}: negative target")
    iterations = 0
    converged = False
    while iterations < max_iter:
        iterations += 1
        for m in margins:
            current = margin_sum(array, m.axes)
            with np.errstate(divide="ignore", invalid="ignore"):
                factor = np.where(current > 0, m.target / current, 0.0)
            array *= _broadcast(factor, m.axes, array.ndim)
        errors = {m.name: relative_error(margin_sum(array, m.axes), m.target) for m in margins}
        if max(errors.values(), default=0.0) <= tol:
            converged = True
            break
    errors = {m.name: relative_error(margin_sum(array, m.axes), m.target) for m in margins}
    return Fit(array, iterations, converged, errors)


def _broadcast(factor: np.ndarray, axes: tuple[int, ...], ndim: int) -> np.ndarray:
    """Reshape a margin-shaped factor so it multiplies the full array along `axes`."""
    order = sorted(range(len(axes)), key=lambda i: axes[i])
    ordered = np.transpose(factor, order)
    shape = [1] * ndim
    for a in sorted(axes):
        shape[a] = ordered.shape[sorted(axes).index(a)]
    return ordered.reshape(shape)
