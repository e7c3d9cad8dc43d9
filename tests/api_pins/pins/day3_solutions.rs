use day3_optimization_solution as day3;
include!("day3.rs");
fn main() {}
