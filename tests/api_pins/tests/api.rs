//! Every day's API pin must compile against the exercises and against the solutions: a
//! changed signature in either is caught here, with the compiler's message, before any
//! hidden test is run.

#[test]
fn the_public_api_of_every_day_is_pinned() {
    let cases = trybuild::TestCases::new();
    for pin in std::fs::read_dir("pins").expect("pins/ exists") {
        let path = pin.expect("readable pins/").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // `dayN.rs` holds the pins; `dayN_exercises.rs` / `dayN_solutions.rs` include them.
        if name.ends_with("_exercises.rs") || name.ends_with("_solutions.rs") {
            cases.pass(path);
        }
    }
}
