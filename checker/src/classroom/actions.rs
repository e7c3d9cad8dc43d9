//! The GitHub Actions the generated workflow uses, and the inputs each one declares in its
//! `action.yml` — written down here so a test can check that the workflow passes only inputs
//! an action knows, and every input it requires.

/// An action: what `uses:` names, and its inputs.
#[derive(Debug, Clone, Copy)]
pub struct Action {
    pub uses: &'static str,
    /// Every input of its `action.yml`.
    pub inputs: &'static [&'static str],
    /// The inputs marked `required: true`.
    pub required: &'static [&'static str],
}

/// Runs one command; its exit code decides all or nothing of `max-score` points. It runs the
/// command in a shell with only `PATH`, `HOME`, `FORCE_COLOR`, `DOTNET_CLI_HOME` and
/// `DOTNET_NOLOGO` in the environment, and writes a base64-encoded JSON result to its
/// `result` output. `timeout` is in minutes (default 10).
pub const COMMAND_GRADER: Action = Action {
    uses: "classroom-resources/autograding-command-grader@v1",
    inputs: &[
        "test-name",
        "setup-command",
        "command",
        "timeout",
        "max-score",
    ],
    required: &["test-name", "command"],
};

/// Reads `<STEP-ID>_RESULTS` (upper-cased step id) for each step id in `runners`, prints the
/// results and the points, and reports the total to Classroom.
pub const GRADING_REPORTER: Action = Action {
    uses: "classroom-resources/autograding-grading-reporter@v1",
    inputs: &["runners"],
    required: &["runners"],
};

/// The rest are used without inputs (each has defaults for all of them); listing none makes
/// the test reject any `with:` added to them by mistake.
pub const CHECKOUT: Action = Action {
    uses: "actions/checkout@v5",
    inputs: &[],
    required: &[],
};

/// The `@stable` ref selects the toolchain, so the `toolchain` input is not needed.
pub const RUST_TOOLCHAIN: Action = Action {
    uses: "dtolnay/rust-toolchain@stable",
    inputs: &["targets", "target", "components"],
    required: &[],
};

/// The `@nextest` ref selects the tool, so the `tool` input is not needed.
pub const INSTALL_NEXTEST: Action = Action {
    uses: "taiki-e/install-action@nextest",
    inputs: &[],
    required: &[],
};

pub const RUST_CACHE: Action = Action {
    uses: "Swatinem/rust-cache@v2",
    inputs: &[],
    required: &[],
};

/// Every action the workflow may use.
pub const ALL: [Action; 6] = [
    CHECKOUT,
    RUST_TOOLCHAIN,
    INSTALL_NEXTEST,
    RUST_CACHE,
    COMMAND_GRADER,
    GRADING_REPORTER,
];

/// The action that `uses` names, if the workflow may use it.
pub fn find(uses: &str) -> Option<Action> {
    ALL.into_iter().find(|action| action.uses == uses)
}
