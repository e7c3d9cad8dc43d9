use day3_optimization as day3;
include!("day3.rs");
fn main() {}
