//! Checks for 2.4 — the gradient field on a grid.
//!
//! The reference is the exact gradient, written out. The exercise fixes central differences
//! with h = 1e-5; on the functions used here (|f| ≤ 20, |third derivatives| ≤ 8) that is
//! within f'''·h²/6 + ε·|f|/h ≲ 1e-9 of exact, so the tolerance 1e-6 · max(1, |exact|)
//! accepts any sensible central step (roughly 1e-8 ≤ h ≤ 1e-3) and any stencil at least as
//! accurate, while a forward difference (error f''·h/2 ≈ 1e-5 on the bowl) or a misplaced
//! value fails.

use crate::compare::fmt_vec;
use gradlings_support::{CheckResult, Feedback, Inputs, Mistake, close, fmt_f64};
use ndarray::{Array1, Array3, array};

/// A function of (x, y) as the implementations receive it.
pub type Surface<'a> = &'a dyn Fn(f64, f64) -> f64;

/// What the student implements: `(f, xs, ys) -> field` of shape (ny, nx, 2).
pub trait Field: Fn(Surface, &Array1<f64>, &Array1<f64>) -> Array3<f64> {}
impl<T: Fn(Surface, &Array1<f64>, &Array1<f64>) -> Array3<f64>> Field for T {}

const TOL: f64 = 1e-6;
/// The step the exercise prescribes (`FIELD_STEP`), for recognising a forward difference.
const STEP: f64 = 1e-5;

/// A smooth test surface with its exact gradient.
struct Surf {
    name: String,
    f: Box<dyn Fn(f64, f64) -> f64>,
    grad: Box<dyn Fn(f64, f64) -> [f64; 2]>,
}

fn bowl() -> Surf {
    Surf {
        name: "x² + 3y²".to_string(),
        f: Box::new(|x, y| x * x + 3.0 * y * y),
        grad: Box::new(|x, y| [2.0 * x, 6.0 * y]),
    }
}

/// a·sin(b·x + c·y) + d·x·y + e·exp(0.4·(x − y)) with random coefficients.
fn random_surface(inputs: &mut Inputs) -> Surf {
    let [a, d, e] = [0; 3].map(|_| inputs.uniform(-2.0, 2.0));
    let [b, c] = [0; 2].map(|_| inputs.uniform(-1.5, 1.5));
    Surf {
        name: format!(
            "{}·sin({}·x + {}·y) + {}·x·y + {}·exp(0.4·(x − y))",
            fmt_f64(a),
            fmt_f64(b),
            fmt_f64(c),
            fmt_f64(d),
            fmt_f64(e)
        ),
        f: Box::new(move |x, y| a * (b * x + c * y).sin() + d * x * y + e * (0.4 * (x - y)).exp()),
        grad: Box::new(move |x, y| {
            let wave = a * (b * x + c * y).cos();
            let growth = 0.4 * e * (0.4 * (x - y)).exp();
            [b * wave + d * y + growth, c * wave + d * x - growth]
        }),
    }
}

/// A field of shape (ys.len(), xs.len(), 2) whose entry [j, i] is `value(xs[i], ys[j])`.
fn field_of(
    xs: &Array1<f64>,
    ys: &Array1<f64>,
    value: impl Fn(f64, f64) -> [f64; 2],
) -> Array3<f64> {
    let mut field = Array3::zeros((ys.len(), xs.len(), 2));
    for (j, &y) in ys.iter().enumerate() {
        for (i, &x) in xs.iter().enumerate() {
            let [gx, gy] = value(x, y);
            field[[j, i, 0]] = gx;
            field[[j, i, 1]] = gy;
        }
    }
    field
}

fn fields_close(got: &Array3<f64>, want: &Array3<f64>, tol: f64) -> bool {
    got.shape() == want.shape() && got.iter().zip(want).all(|(&g, &w)| close(g, w, tol))
}

fn field_mistakes(surf: &Surf, xs: &Array1<f64>, ys: &Array1<f64>) -> Vec<(Mistake, Array3<f64>)> {
    let (f, grad) = (&surf.f, &surf.grad);
    let mut list = vec![
        (
            Mistake::new(
                "swapped_components",
                "the last axis holds [∂f/∂x, ∂f/∂y] in that order; yours are swapped",
            ),
            field_of(xs, ys, |x, y| {
                let [gx, gy] = grad(x, y);
                [gy, gx]
            }),
        ),
        (
            Mistake::new(
                "forward_difference",
                "these are forward differences (f(x + h, y) − f(x, y)) / h, accurate only to \
                 about h; use the central difference (f(x + h, y) − f(x − h, y)) / (2h)",
            ),
            field_of(xs, ys, |x, y| {
                [
                    (f(x + STEP, y) - f(x, y)) / STEP,
                    (f(x, y + STEP) - f(x, y)) / STEP,
                ]
            }),
        ),
        (
            Mistake::new(
                "width_h_not_2h",
                "f(x + h) and f(x − h) are 2h apart: divide by 2h, not h",
            ),
            field_of(xs, ys, |x, y| grad(x, y).map(|g| 2.0 * g)),
        ),
        (
            Mistake::new(
                "sign_flipped",
                "your field points downhill, −∇f: subtract the lower value from the upper one, \
                 f(x + h, y) − f(x − h, y)",
            ),
            field_of(xs, ys, |x, y| grad(x, y).map(|g| -g)),
        ),
        (
            Mistake::new(
                "arguments_swapped",
                "you call f(y, x): f takes x first, then y",
            ),
            field_of(xs, ys, |x, y| {
                let [gx, gy] = grad(y, x);
                [gy, gx]
            }),
        ),
    ];
    if xs.len() == ys.len() {
        // On a square grid a transposed field has the right shape but the wrong values.
        list.push((
            Mistake::new(
                "transposed_layout",
                "your entry [j, i] holds the gradient at (xs[j], ys[i]); it must hold the one at \
                 (xs[i], ys[j]): rows follow ys, columns follow xs",
            ),
            field_of(ys, xs, |y, x| grad(x, y)),
        ));
    }
    list
}

fn call(surf: &Surf, xs: &Array1<f64>, ys: &Array1<f64>) -> String {
    format!(
        "gradient_field(f = {}, xs = {}, ys = {})",
        surf.name,
        fmt_vec(xs),
        fmt_vec(ys)
    )
}

fn shape_feedback(got: &[usize], xs: &Array1<f64>, ys: &Array1<f64>) -> Feedback {
    let (nx, ny) = (xs.len(), ys.len());
    let mistake = (got == [nx, ny, 2]).then(|| {
        Mistake::new(
            "transposed_layout",
            "your field is (nx, ny, 2); it must be (ny, nx, 2): one row per y value, one column \
             per x value, like an image",
        )
    });
    Feedback::new("the field has the wrong shape")
        .expected(format!("shape [ny, nx, 2] = [{ny}, {nx}, 2]"))
        .got(format!("shape {got:?}"))
        .mistake(mistake)
}

/// Compares the student's field with the exact one: shape first, then every entry.
fn expect_field(field: impl Field, surf: &Surf, xs: &Array1<f64>, ys: &Array1<f64>) -> CheckResult {
    let got = field(&*surf.f, xs, ys);
    let want = field_of(xs, ys, &surf.grad);
    if got.shape() != want.shape() {
        return Err(shape_feedback(got.shape(), xs, ys).call(call(surf, xs, ys)));
    }
    let wrong = got
        .indexed_iter()
        .find(|&((j, i, c), &g)| !close(g, want[[j, i, c]], TOL));
    let Some(((j, i, c), &value)) = wrong else {
        return Ok(());
    };
    let partial = ["∂f/∂x", "∂f/∂y"][c];
    Err(Feedback::new("the gradient field has a wrong entry")
        .call(call(surf, xs, ys))
        .expected(format!(
            "field[[{j}, {i}, {c}]] = {partial} at (xs[{i}], ys[{j}]) = ({}, {}) = {}",
            fmt_f64(xs[i]),
            fmt_f64(ys[j]),
            fmt_f64(want[[j, i, c]])
        ))
        .got(fmt_f64(value))
        .tolerance(format!(
            "|got − exact| ≤ {} · max(1, |exact|)",
            fmt_f64(TOL)
        ))
        .mistake(
            field_mistakes(surf, xs, ys)
                .into_iter()
                .find(|(_, alt)| fields_close(&got, alt, TOL))
                .map(|(m, _)| m),
        ))
}

/// The field has shape (ny, nx, 2) on grids of 3×2, 5×4, 1×6, 7×1 and 4×4 points.
pub fn field_shape(field: impl Field) -> CheckResult {
    let surf = bowl();
    for (nx, ny) in [(3, 2), (5, 4), (1, 6), (7, 1), (4, 4)] {
        let xs = Array1::linspace(-1.0, 1.0, nx);
        let ys = Array1::linspace(-2.0, 2.0, ny);
        let got = field(&*surf.f, &xs, &ys);
        if got.shape() != [ny, nx, 2] {
            return Err(shape_feedback(got.shape(), &xs, &ys).call(call(&surf, &xs, &ys)));
        }
    }
    Ok(())
}

/// For x² + 3y² the field is (2x, 6y) at every point (1e-6), on a square 4×4 grid (where a
/// transposed layout has the right shape but wrong values) and on a 5×4 grid.
pub fn field_of_bowl(field: impl Field) -> CheckResult {
    let surf = bowl();
    let grids = [
        (array![-3.0, -1.0, 0.5, 2.0], array![-2.0, 0.0, 1.0, 4.0]),
        (
            Array1::linspace(-2.0, 2.0, 5),
            Array1::linspace(-1.5, 1.5, 4),
        ),
    ];
    for (xs, ys) in &grids {
        expect_field(&field, &surf, xs, ys)?;
    }
    Ok(())
}

/// Ten random smooth surfaces on random grids (2 to 7 points per axis, unevenly spaced, in
/// [−2, 2]) match their exact gradients (1e-6).
pub fn field_of_random_surfaces(field: impl Field) -> CheckResult {
    let mut inputs = Inputs::new("day2::field_of_random_surfaces");
    for _ in 0..10 {
        let surf = random_surface(&mut inputs);
        let (nx, ny) = (inputs.index(2, 8), inputs.index(2, 8));
        let mut xs = inputs.uniform_vec(nx, -2.0, 2.0);
        let mut ys = inputs.uniform_vec(ny, -2.0, 2.0);
        xs.sort_by(f64::total_cmp);
        ys.sort_by(f64::total_cmp);
        let (xs, ys) = (Array1::from(xs), Array1::from(ys));
        expect_field(&field, &surf, &xs, &ys).map_err(|fb| fb.seed(inputs.seed()))?;
    }
    Ok(())
}

#[cfg(test)]
mod catalogue;
