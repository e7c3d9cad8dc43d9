use day4_backprop_solution as day4;
include!("day4.rs");
fn main() {}
