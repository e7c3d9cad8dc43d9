use day1_derivatives as day1;
include!("day1.rs");
fn main() {}
