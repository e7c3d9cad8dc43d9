use day2_gradients as day2;
include!("day2.rs");
fn main() {}
