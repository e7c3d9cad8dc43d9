// The public API of day 3 (see day1.rs for how a pin works).

#[allow(dead_code, unused_variables, clippy::all)]
fn pins() {
    use ndarray::{Array1, Array2};
    let k = 2.0;
    let f = move |p: &[f64]| k * p[0];
    let f1 = move |x: f64| k * x;
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(1);

    use day3::learning_rates::{LrRegime, classify_lr, gd_quadratic_trajectory};
    let _: Vec<f64> = gd_quadratic_trajectory(1.0, 10.0, 0.1, 5_usize);
    match classify_lr(2.0, 0.25) {
        LrRegime::Monotone | LrRegime::OneStep | LrRegime::Oscillating => {}
        LrRegime::TwoCycle | LrRegime::Divergent => {}
    }

    use day3::momentum::{Momentum, Optimizer, Sgd, trajectory};
    let mut optimizers: Vec<Box<dyn Optimizer>> =
        vec![Box::new(Sgd::new(0.1)), Box::new(Momentum::new(0.1, 0.9))];
    let mut params = vec![1.0, 2.0];
    for optimizer in &mut optimizers {
        optimizer.step(&mut params, &[0.5, 0.5]);
    }
    let Sgd { lr: _ } = Sgd::new(0.1);
    let Momentum { lr: _, mu: _, velocity: _ } = Momentum::new(0.1, 0.9);
    let grad = move |p: &[f64]| vec![k * p[0]];
    let _: Vec<Vec<f64>> = trajectory(&mut Sgd::new(0.1), grad, &[1.0], 3_usize);

    use day3::adam::Adam;
    let mut adam = Adam::new(0.1);
    adam.step(&mut params, &[0.5, 0.5]);
    let Adam { lr: _, beta1: _, beta2: _, eps: _, m: _, v: _, t: _ } = adam;

    use day3::critical_points::{
        CriticalPoint, ZERO_EIGENVALUE_TOL, classify_critical_point, numerical_hessian,
    };
    let _: f64 = ZERO_EIGENVALUE_TOL;
    let _: Array2<f64> = numerical_hessian(f, &[1.0, 2.0]);
    match classify_critical_point(f, &[0.0, 0.0]) {
        CriticalPoint::Min | CriticalPoint::Max => {}
        CriticalPoint::Saddle | CriticalPoint::Degenerate => {}
    }

    use day3::convexity::{ROUND_OFF_TOL, is_convex_sampled};
    let _: f64 = ROUND_OFF_TOL;
    let _: bool = is_convex_sampled(f, &[-1.0, -1.0], &[1.0, 1.0], 100_usize, &mut rng);

    use day3::restarts::{best_of_restarts, descend};
    let _: f64 = descend(f1, 1.0, 0.1, 10_usize);
    let (_, _): (f64, f64) = best_of_restarts(f1, f1, &[1.0, 2.0], 0.1, 10_usize);

    use day3::sgd::{minibatch_indices, sgd_linreg};
    let _: Vec<Vec<usize>> = minibatch_indices(10, 3, &mut rng);
    let (_, _): (f64, f64) = sgd_linreg(&[1.0], &[2.0], 0.1, 1_usize, 1_usize, &mut rng);

    use day3::pagerank::{MAX_ITERS, pagerank};
    let _: usize = MAX_ITERS;
    let _: Array1<f64> = pagerank(2, &[(0_usize, 1_usize)], 0.85, 1e-10);

    use day3::matrix_factorization::{mf_loss_grad, observed_rmse, train_mf};
    let r: Array2<f64> = Array2::zeros((2, 3));
    let mask: Array2<bool> = Array2::from_elem((2, 3), true);
    let u: Array2<f64> = Array2::zeros((2, 2));
    let v: Array2<f64> = Array2::zeros((3, 2));
    let (_, _, _): (f64, Array2<f64>, Array2<f64>) = mf_loss_grad(&r, &mask, &u, &v, 0.1);
    let (_, _): (Array2<f64>, Array2<f64>) = train_mf(&r, &mask, &u, &v, 0.0, 0.02, 10_usize);
    let _: f64 = observed_rmse(&r, &mask, &u, &v);
}
