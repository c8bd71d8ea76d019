"""RAS / IPF: fitted arrays meet the published margins and keep the seed's pattern."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lmi_backend.estimates.ras import Margin, ipf, margin_sum


def test_two_way_fit_meets_rows_and_columns_and_keeps_odds_ratio():
    seed = np.array([[10.0, 20.0], [30.0, 40.0]])
    rows, cols = np.array([50.0, 50.0]), np.array([40.0, 60.0])
    fit = ipf(seed, [Margin("rows", (0,), rows), Margin("cols", (1,), cols)])
    assert fit.converged and fit.iterations < 50
    np.testing.assert_allclose(fit.array.sum(axis=1), rows, rtol=1e-6)
    np.testing.assert_allclose(fit.array.sum(axis=0), cols, rtol=1e-6)
    a = fit.array
    # RAS changes rows and columns by factors only, so the cross-product ratio survives
    assert a[0, 0] * a[1, 1] / (a[0, 1] * a[1, 0]) == pytest.approx(10 * 40 / (20 * 30))


def test_margins_over_axis_pairs_in_any_order():
    rng = np.random.default_rng(1)
    truth = rng.uniform(1, 100, size=(4, 3, 2))
    margins = [
        Margin("soc x sex", (2, 0), margin_sum(truth, (2, 0))),
        Margin("region", (1,), margin_sum(truth, (1,))),
    ]
    fit = ipf(np.ones_like(truth), margins)
    assert fit.converged
    for m in margins:
        np.testing.assert_allclose(margin_sum(fit.array, m.axes), m.target, rtol=1e-6)


def test_zero_seed_cells_stay_zero_and_contradictory_margins_report_their_error():
    seed = np.array([[0.0, 5.0], [5.0, 5.0]])
    fit = ipf(
        seed,
        [Margin("rows", (0,), np.array([10.0, 10.0])), Margin("cols", (1,), np.array([10.0, 20.0]))],
        max_iter=50,
    )
    assert fit.array[0, 0] == 0.0
    # grand totals differ (20 vs 30): the fit cannot meet both and must say so
    assert not fit.converged and max(fit.errors.values()) > 0.1


def test_bad_margin_shape_is_refused():
    with pytest.raises(ValueError):
        ipf(np.ones((2, 3)), [Margin("cols", (1,), np.ones(2))])


@settings(max_examples=60, deadline=None)
@given(
    arrays(
        float, st.tuples(st.integers(2, 5), st.integers(2, 5), st.integers(2, 4)), elements=st.floats(1, 1e5)
    ),
    arrays(
        float, st.tuples(st.integers(2, 5), st.integers(2, 5), st.integers(2, 4)), elements=st.floats(0.5, 2)
    ),
)
def test_consistent_margins_from_any_positive_truth_are_reproduced(truth, noise):
    """Margins taken from one positive array are mutually consistent, so IPF from any positive
    seed of the same shape meets all of them within 0.1%."""
    if noise.shape != truth.shape:
        noise = np.ones_like(truth)
    margins = [
        Margin("a x b", (0, 1), margin_sum(truth, (0, 1))),
        Margin("a x c", (0, 2), margin_sum(truth, (0, 2))),
        Margin("b x c", (1, 2), margin_sum(truth, (1, 2))),
    ]
    fit = ipf(truth * noise, margins, tol=1e-4, max_iter=2000)
    assert max(fit.errors.values()) <= 1e-3
