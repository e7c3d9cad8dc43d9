use day2_gradients_solution as day2;
include!("day2.rs");
fn main() {}
