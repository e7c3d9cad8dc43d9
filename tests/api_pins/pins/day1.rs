// The public API of day 1. Each pin calls a function with arguments of exactly the documented
// types (closures that capture, so no coercion to fn pointers hides a changed signature) and
// binds the result to the documented return type. Nothing here runs: `main` is empty.

#[allow(dead_code, unused_variables)]
fn pins() {
    let k = 2.0;
    let f = move |x: f64| k * x;
    let hs: &[f64] = &[0.1, 0.01];

    use day1::difference_quotients::{backward_diff, central_diff, forward_diff};
    let _: f64 = forward_diff(f, 1.0, 0.1);
    let _: f64 = backward_diff(f, 1.0, 0.1);
    let _: f64 = central_diff(f, 1.0, 0.1);

    let _: f64 = day1::derivative::derivative(f, 1.0);
    let _: f64 = day1::curvature::second_derivative(f, 1.0);
    let _: Vec<(f64, f64, f64)> = day1::error_sweep::error_sweep(f, f, 1.0, hs);
    let _: (f64, f64) = day1::tangents::tangent_line(f, 1.0);
    let _: Vec<f64> = day1::tangents::secant_slopes(f, 1.0, hs);

    use day1::symbolic::Expr;
    let e: Expr = Expr::add(
        Expr::mul(Expr::c(2.0), Expr::pow(Expr::x(), 3.0)),
        Expr::ln(Expr::exp(Expr::sin(Expr::cos(Expr::X)))),
    );
    let _: f64 = e.eval(1.0);
    let _: Expr = e.diff();
    let _ = [Expr::Const(1.0), Expr::X];
    match e {
        Expr::Const(_) | Expr::X => {}
        Expr::Add(_, _) | Expr::Mul(_, _) | Expr::Pow(_, _) => {}
        Expr::Sin(_) | Expr::Cos(_) | Expr::Exp(_) | Expr::Ln(_) => {}
    }

    use day1::beyond_finite_differences::{Complex64, complex_step, richardson};
    let _: f64 = complex_step(move |z: Complex64| z * k, 1.0);
    let _: f64 = richardson(f, 1.0, 0.1);
}
