//! Plausible wrong answers to 2.4, each of which the checks must reject and name, and correct
//! alternatives they must accept.

use super::*;
use gradlings_support::{assert_accepts, assert_rejects};

/// The right field, built with a step and a stencil of the caller's choice.
fn central_field(f: Surface, xs: &Array1<f64>, ys: &Array1<f64>, h: f64) -> Array3<f64> {
    field_of(xs, ys, |x, y| {
        [
            (f(x + h, y) - f(x - h, y)) / (2.0 * h),
            (f(x, y + h) - f(x, y - h)) / (2.0 * h),
        ]
    })
}

#[test]
fn rejects_the_transposed_layout() {
    let transposed = |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| {
        let mut field = Array3::zeros((xs.len(), ys.len(), 2));
        for (i, &x) in xs.iter().enumerate() {
            for (j, &y) in ys.iter().enumerate() {
                field[[i, j, 0]] = (f(x + 1e-5, y) - f(x - 1e-5, y)) / 2e-5;
                field[[i, j, 1]] = (f(x, y + 1e-5) - f(x, y - 1e-5)) / 2e-5;
            }
        }
        field
    };
    assert_rejects(field_shape(transposed), "transposed_layout");
    assert_rejects(field_of_bowl(transposed), "transposed_layout");
}

#[test]
fn rejects_rows_indexed_by_x_on_a_square_grid() {
    // Right shape, but row j is filled from xs[j] and column i from ys[i].
    let mixed_up = |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| {
        let mut field = Array3::zeros((ys.len(), xs.len(), 2));
        for j in 0..ys.len().min(xs.len()) {
            for i in 0..xs.len().min(ys.len()) {
                let (x, y) = (xs[j], ys[i]);
                field[[j, i, 0]] = (f(x + 1e-5, y) - f(x - 1e-5, y)) / 2e-5;
                field[[j, i, 1]] = (f(x, y + 1e-5) - f(x, y - 1e-5)) / 2e-5;
            }
        }
        field
    };
    assert_accepts(field_shape(mixed_up));
    assert_rejects(field_of_bowl(mixed_up), "transposed_layout");
}

#[test]
fn rejects_swapped_components() {
    let swapped = |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| {
        let mut field = central_field(f, xs, ys, 1e-5);
        field.invert_axis(ndarray::Axis(2));
        field
    };
    assert_rejects(field_of_bowl(swapped), "swapped_components");
    assert_rejects(field_of_random_surfaces(swapped), "swapped_components");
}

#[test]
fn rejects_forward_differences() {
    let forward = |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| {
        field_of(xs, ys, |x, y| {
            [
                (f(x + 1e-5, y) - f(x, y)) / 1e-5,
                (f(x, y + 1e-5) - f(x, y)) / 1e-5,
            ]
        })
    };
    assert_rejects(field_of_bowl(forward), "forward_difference");
}

#[test]
fn rejects_a_field_that_points_downhill() {
    let downhill = |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| {
        field_of(xs, ys, |x, y| {
            [
                (f(x - 1e-5, y) - f(x + 1e-5, y)) / 2e-5,
                (f(x, y - 1e-5) - f(x, y + 1e-5)) / 2e-5,
            ]
        })
    };
    assert_rejects(field_of_random_surfaces(downhill), "sign_flipped");
}

#[test]
fn rejects_calling_f_with_its_arguments_swapped() {
    let swapped = |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| {
        field_of(xs, ys, |x, y| {
            [
                (f(y, x + 1e-5) - f(y, x - 1e-5)) / 2e-5,
                (f(y + 1e-5, x) - f(y - 1e-5, x)) / 2e-5,
            ]
        })
    };
    assert_rejects(field_of_random_surfaces(swapped), "arguments_swapped");
}

#[test]
fn rejects_dividing_by_h() {
    let wide =
        |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| 2.0 * central_field(f, xs, ys, 1e-5);
    assert_rejects(field_of_random_surfaces(wide), "width_h_not_2h");
}

#[test]
fn accepts_other_sensible_steps() {
    for h in [1e-4, 1e-6, 6e-6] {
        let alternative =
            move |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| central_field(f, xs, ys, h);
        assert_accepts(field_shape(alternative));
        assert_accepts(field_of_bowl(alternative));
        assert_accepts(field_of_random_surfaces(alternative));
    }
}

#[test]
fn accepts_a_five_point_stencil_filled_column_by_column() {
    let five_point = |f: Surface, xs: &Array1<f64>, ys: &Array1<f64>| {
        let h = 1e-3;
        let d = |g: &dyn Fn(f64) -> f64| {
            (g(-2.0 * h) - 8.0 * g(-h) + 8.0 * g(h) - g(2.0 * h)) / (12.0 * h)
        };
        let mut field = Array3::zeros((ys.len(), xs.len(), 2));
        for (i, &x) in xs.iter().enumerate() {
            for (j, &y) in ys.iter().enumerate() {
                field[[j, i, 0]] = d(&|t| f(x + t, y));
                field[[j, i, 1]] = d(&|t| f(x, y + t));
            }
        }
        field
    };
    assert_accepts(field_of_bowl(five_point));
    assert_accepts(field_of_random_surfaces(five_point));
}
