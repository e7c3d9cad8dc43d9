use day4_backprop as day4;
include!("day4.rs");
fn main() {}
