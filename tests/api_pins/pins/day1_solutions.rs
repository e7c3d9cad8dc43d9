use day1_derivatives_solution as day1;
include!("day1.rs");
fn main() {}
