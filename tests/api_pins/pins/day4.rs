// The public API of day 4 (see day1.rs for how a pin works).

#[allow(dead_code, unused_variables, clippy::all)]
fn pins() {
    use ndarray::{Array1, Array2, array};

    use day4::chain_rule::{Dual, Link, chain_derivative};
    let links: &[Link] = &[(f64::sin, f64::cos)];
    let _: f64 = chain_derivative(links, 1.0);
    let d: Dual = Dual::new(1.0, 1.0) + Dual::var(2.0) * Dual::constant(3.0);
    let d: Dual = (d - d / d).sin().cos().exp().ln().tanh().powf(2.0);
    let d: Dual = -(2.0 * d + 1.0 - d / 2.0) + (1.0 - d) + 2.0 / d;

    use day4::autodiff::{Grads, Tape, Var};
    let tape = Tape::new();
    let x: Var = tape.var(-4.0);
    let y: Var = (x * 2.0 + 2.0 + x) * x - x / 3.0;
    let y = (1.0 / y + 1.0 - y * 3.0 + (2.0 - y)).powf(2.0).exp().tanh().relu();
    let y = -y;
    let _: f64 = y.value();
    let _: usize = y.index();
    let grads: Grads = y.backward();
    let _: f64 = grads.wrt(x);
    let _: f64 = grads[x];

    use day4::layer_backprop::{Params, mlp_forward_backward, mlp_loss};
    let params = Params {
        w1: Array2::zeros((2, 4)),
        b1: Array1::zeros(4),
        w2: Array2::zeros((4, 1)),
        b2: Array1::zeros(1),
    };
    let xs: Array2<f64> = array![[0.0, 1.0]];
    let ys: Array2<f64> = array![[1.0]];
    let _: f64 = mlp_loss(&xs, &ys, &params);
    let (_, _): (f64, Params) = mlp_forward_backward(&xs, &ys, &params);

    use day4::xor::{sigmoid, sigmoid_mlp_forward, sigmoid_mlp_forward_backward, train_xor, xor_data};
    let (_, _): (Array2<f64>, Array2<f64>) = xor_data();
    let _: f64 = sigmoid(0.0);
    let _: Array2<f64> = sigmoid_mlp_forward(&xs, &params);
    let (_, _): (f64, Params) = sigmoid_mlp_forward_backward(&xs, &ys, &params);
    let (_, _): (Params, Vec<f64>) = train_xor(&params, 1.0, 10_usize);

    use day4::vanishing_gradients::{
        Activation, he_normal, layer_weight_grad_norms, sigmoid_chain_derivative,
        standard_normal, xavier_normal,
    };
    let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(1);
    let _: f64 = standard_normal(&mut rng);
    let w: Array2<f64> = xavier_normal(3, 4, &mut rng);
    let _: Array2<f64> = he_normal(3, 4, &mut rng);
    for act in [Activation::Sigmoid, Activation::Relu, Activation::Tanh] {
        let _: f64 = act.apply(0.5) + act.derivative(0.5);
        let _: Vec<f64> = layer_weight_grad_norms(&xs, &[w.clone()], act);
    }
    let _: f64 = sigmoid_chain_derivative(0.5, 10_usize);

    use day4::clipping::{clip_grad_norm, global_norm};
    let mut tensors: Vec<Vec<f64>> = vec![vec![3.0], vec![4.0]];
    let _: f64 = global_norm(&tensors);
    let _: f64 = clip_grad_norm(&mut tensors, 1.0);

    use day4::training_loop::{tape_loss_and_grads, train_on_tape};
    let (_, _): (f64, Params) = tape_loss_and_grads(&xs, &ys, &params);
    let (_, _): (Params, Vec<f64>) = train_on_tape(&params, &xs, &ys, 0.1, 5_usize);
}
