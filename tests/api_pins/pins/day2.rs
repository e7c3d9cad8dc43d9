// The public API of day 2 (see day1.rs for how a pin works).

#[allow(dead_code, unused_variables)]
fn pins() {
    use ndarray::{Array1, Array3, array};
    let k = 2.0;
    let f = move |p: &Array1<f64>| k * p[0];
    let g = move |p: &Array1<f64>| p.mapv(|v| k * v);
    let x: Array1<f64> = array![1.0, 2.0];

    use day2::partials::{numerical_gradient, partial};
    let _: f64 = partial(f, &x, 0, 1e-5);
    let _: Array1<f64> = numerical_gradient(f, &x, 1e-5);

    use day2::analytic_gradients as a;
    let _: f64 = a::rosenbrock(&x) + a::himmelblau(&x) + a::beale(&x) + a::booth(&x);
    let _: Array1<f64> = a::rosenbrock_grad(&x);
    let _: Array1<f64> = a::himmelblau_grad(&x);
    let _: Array1<f64> = a::beale_grad(&x);
    let _: Array1<f64> = a::booth_grad(&x);

    use day2::steepest_ascent::{directional_derivative, steepest_ascent};
    let _: Option<f64> = directional_derivative(&x, &x);
    let _: Option<Array1<f64>> = steepest_ascent(&x);

    use day2::gradient_fields::{FIELD_STEP, gradient_field};
    let _: f64 = FIELD_STEP;
    let _: Array3<f64> = gradient_field(move |a: f64, b: f64| k * a * b, &x, &x);

    use day2::gradient_checking::{grad_check, rel_error};
    let _: f64 = rel_error(&x, &x);
    let _: f64 = grad_check(f, g, &x, 1e-5);

    use day2::gradient_descent::{DIVERGENCE_BOUND, GdResult, gradient_descent};
    let _: f64 = DIVERGENCE_BOUND;
    let result: GdResult = gradient_descent(g, &x, 0.1, 100_usize, 1e-8);
    let GdResult {
        x: _x,
        iters: _iters,
        converged: _converged,
        diverged: _diverged,
    } = result;
    let _: (Array1<f64>, usize, bool, bool) = (_x, _iters, _converged, _diverged);
}
