//! Exports, grading with hidden tests from elsewhere, roster grading and markdown feedback,
//! on copies of the fixture course (`tests/fixtures/course`), plus the real course's export.
//!
//! Every copy that is graded gets a target directory of its own: cargo keys its fingerprints
//! by paths relative to the workspace, so two copies of one course must not share one.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary directory holding a copy of the fixture course in `course/`.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixture_source(), &dir.path().join("course"));
        Scratch { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn course(&self) -> PathBuf {
        self.path("course")
    }
}

fn fixture_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs the checker on the course in `course`, building in `target`; prints everything if
/// the exit code is not `expected_code`.
#[track_caller]
fn checker(course: &Path, target: &Path, args: &[&str], expected_code: i32) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_checker"))
        .arg("--course")
        .arg(course)
        .args(args)
        .env("NO_COLOR", "1")
        .env("GRADLINGS_TARGET_DIR", target)
        .output()
        .expect("the checker runs");
    assert_eq!(
        output.status.code(),
        Some(expected_code),
        "`checker --course {} {}` exited with {:?}\n--- stdout\n{}\n--- stderr\n{}",
        course.display(),
        args.join(" "),
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The parts of `grade --format json` these tests read.
#[derive(Debug, Deserialize)]
struct GradeDoc {
    score: u32,
    max_score: u32,
    exercises: Vec<ExerciseDoc>,
}

#[derive(Debug, Deserialize)]
struct ExerciseDoc {
    name: String,
    status: String,
    score: u32,
    feedback: String,
}

impl GradeDoc {
    fn exercise(&self, name: &str) -> &ExerciseDoc {
        self.exercises
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no verdict for {name} in {self:#?}"))
    }
}

#[track_caller]
fn grade_json(course: &Path, target: &Path, extra: &[&str], expected_code: i32) -> GradeDoc {
    let mut args = vec!["grade", "--format", "json"];
    args.extend_from_slice(extra);
    let output = checker(course, target, &args, expected_code);
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}):\n{}\n{}", stdout(&output), stderr(&output)))
}

/// What the fixture scores as given: `passes` and `later`.
const AS_GIVEN: u32 = 20;
/// With the solutions: everything but `untested`, whose graded test does not exist.
const SOLVED: u32 = 100;

/// Adds what the fixture lacks and a real course has: an instructor-only package that needs
/// the solutions, workflows, docs, and notes that must stay private.
fn add_instructor_parts(course: &Path) {
    write(
        &course.join("tests/pins/Cargo.toml"),
        "[package]\nname = \"pins\"\nversion.workspace = true\nedition.workspace = true\n\n\
         [dev-dependencies]\nday1_outcomes_solution = { path = \"../../solutions/day1_outcomes\" }\n",
    );
    write(&course.join("tests/pins/src/lib.rs"), "");
    write(
        &course.join(".github/workflows/classroom.yml"),
        "name: autograding\n",
    );
    write(
        &course.join(".github/workflows/ci.yml"),
        "name: course self-check\n",
    );
    write(&course.join("docs/roster.md"), "# Roster\n");
    write(&course.join("notes/answers.md"), "private\n");
}

#[test]
fn the_student_template_has_no_solutions_and_grades_like_the_course() {
    let scratch = Scratch::new();
    let course = scratch.course();
    add_instructor_parts(&course);
    let export = scratch.path("student");
    let output = checker(
        &course,
        &scratch.path("target"),
        &["export", "student", export.to_str().unwrap()],
        0,
    );
    assert!(
        stdout(&output).contains("left out tests/pins: it needs solutions/day1_outcomes"),
        "{}",
        stdout(&output)
    );

    for absent in [
        "solutions",
        "tests/pins",
        ".github/workflows/ci.yml",
        "notes",
    ] {
        assert!(!export.join(absent).exists(), "{absent} was exported");
    }
    for present in [
        "course.toml",
        "tests/day1_outcomes/graded/tests/graded.rs",
        ".github/workflows/classroom.yml",
        "docs/roster.md",
    ] {
        assert!(export.join(present).exists(), "{present} is missing");
    }
    let hidden_tests = read(&export.join("tests/day1_outcomes/graded/Cargo.toml"));
    assert!(!hidden_tests.contains("_solution"), "{hidden_tests}");
    assert!(hidden_tests.contains("solutions = []"), "{hidden_tests}");
    let lock = read(&export.join("Cargo.lock"));
    assert!(
        !lock.contains("_solution"),
        "the lock file still names solutions:\n{lock}"
    );

    let graded = grade_json(&export, &scratch.path("target-export"), &[], 1);
    assert_eq!(graded.score, AS_GIVEN);
    let unstarted = graded.exercise("unstarted");
    assert_eq!((unstarted.status.as_str(), unstarted.score), ("fail", 0));
    assert!(unstarted.feedback.contains("Not yet implemented"));
}

#[test]
fn without_hidden_tests_grading_takes_them_from_elsewhere() {
    let scratch = Scratch::new();
    let course = scratch.course();
    let export = scratch.path("student");
    let target = scratch.path("target-export");
    checker(
        &course,
        &scratch.path("target"),
        &[
            "export",
            "student",
            export.to_str().unwrap(),
            "--without-hidden-tests",
        ],
        0,
    );
    assert!(!export.join("tests").exists());
    let manifest = read(&export.join("Cargo.toml"));
    assert!(
        manifest.contains(r#"members = ["exercises/*"]"#),
        "{manifest}"
    );

    let output = checker(&export, &target, &["grade"], 2);
    let said = stderr(&output);
    assert!(said.contains("hidden tests are not in this copy"), "{said}");
    assert!(said.contains("--tests DIR"), "{said}");

    // A whole checkout of the course: its manifests win over the student's.
    write(
        &export.join("exercises/day3_later/Cargo.toml"),
        "not a manifest",
    );
    let course_arg = course.to_str().unwrap();
    let graded = grade_json(&export, &target, &["--tests", course_arg], 1);
    assert_eq!(graded.score, AS_GIVEN);

    // Just the tests, as a private repository would hold them.
    std::fs::copy(
        course.join("exercises/day3_later/Cargo.toml"),
        export.join("exercises/day3_later/Cargo.toml"),
    )
    .unwrap();
    copy_dir(&course.join("tests"), &scratch.path("private/tests"));
    let private = scratch.path("private");
    let graded = grade_json(&export, &target, &["--tests", private.to_str().unwrap()], 1);
    assert_eq!(graded.score, AS_GIVEN);
    assert_eq!(graded.max_score, 110);
}

#[test]
fn the_solutions_export_earns_full_points() {
    let scratch = Scratch::new();
    let export = scratch.path("solutions");
    checker(
        &scratch.course(),
        &scratch.path("target"),
        &["export", "solutions", export.to_str().unwrap()],
        0,
    );
    assert!(!export.join("solutions").exists());
    let graded = grade_json(&export, &scratch.path("target-export"), &[], 1);
    assert_eq!(graded.score, SOLVED);
    for exercise in &graded.exercises {
        let expected = if exercise.name == "untested" {
            "error"
        } else {
            "pass"
        };
        assert_eq!(exercise.status, expected, "{exercise:#?}");
    }
}

#[test]
fn an_export_never_lands_in_the_course_or_over_other_files() {
    let scratch = Scratch::new();
    let course = scratch.course();
    let target = scratch.path("target");
    let inside = course.join("student");
    let output = checker(
        &course,
        &target,
        &["export", "student", inside.to_str().unwrap()],
        2,
    );
    assert!(
        stderr(&output).contains("overlaps the course"),
        "{}",
        stderr(&output)
    );
    assert!(!inside.exists());
    write(&scratch.path("busy/file"), "");
    let busy = scratch.path("busy");
    let output = checker(
        &course,
        &target,
        &["export", "student", busy.to_str().unwrap()],
        2,
    );
    assert!(
        stderr(&output).contains("is not empty"),
        "{}",
        stderr(&output)
    );
}

/// A submission: a copy of the fixture course as a student would push it.
fn submission(scratch: &Scratch, name: &str) -> PathBuf {
    let dir = scratch.path("submissions").join(name);
    copy_dir(&scratch.course(), &dir);
    std::fs::remove_dir_all(dir.join("solutions")).unwrap();
    dir
}

fn solve(scratch: &Scratch, dir: &Path) {
    for day in ["day1_outcomes", "day2_broken", "day3_later"] {
        let src = dir.join("exercises").join(day).join("src");
        std::fs::remove_dir_all(&src).unwrap();
        copy_dir(
            &scratch.course().join("solutions").join(day).join("src"),
            &src,
        );
    }
}

/// Edits everything a student should not be able to grade themselves with.
fn tamper(dir: &Path) {
    let graded = dir.join("tests/day1_outcomes/graded/tests/graded.rs");
    let passing = "mod fails {\n    #[test]\n    fn doubles() {\n        println!(\"gradlings: check \
                   passed {}\", std::env::var(\"GRADLINGS_NONCE\").unwrap());\n    }\n}\n";
    write(&graded, passing);
    write(
        &dir.join("exercises/day1_outcomes/Cargo.toml"),
        "[package]\nname = \"oops\"\n",
    );
    let manifest = read(&dir.join("course.toml")).replace("points = 10", "points = 1000");
    write(&dir.join("course.toml"), &manifest);
}

#[cfg(unix)]
#[test]
fn batch_grades_every_submission_from_its_own_sources_only() {
    let scratch = Scratch::new();
    let alice = submission(&scratch, "hw2-alice");
    solve(&scratch, &alice);
    submission(&scratch, "hw2-bob");
    let carol = submission(&scratch, "hw2-carol");
    tamper(&carol);
    let dave = submission(&scratch, "hw2-dave");
    // A correct answer outside the submission, linked in: never followed.
    let outside = scratch.path("outside.rs");
    std::fs::copy(
        scratch
            .course()
            .join("solutions/day1_outcomes/src/fails.rs"),
        &outside,
    )
    .unwrap();
    let linked = dave.join("exercises/day1_outcomes/src/fails.rs");
    std::fs::remove_file(&linked).unwrap();
    std::os::unix::fs::symlink(&outside, &linked).unwrap();
    std::fs::create_dir_all(scratch.path("submissions/hw2-erin")).unwrap();
    write(
        &scratch.path("submissions/roster.csv"),
        "not a submission\n",
    );

    let csv_path = scratch.path("grades.csv");
    let feedback = scratch.path("feedback");
    let output = checker(
        &scratch.course(),
        &scratch.path("target"),
        &[
            "batch",
            scratch.path("submissions").to_str().unwrap(),
            "--csv",
            csv_path.to_str().unwrap(),
            "--feedback",
            feedback.to_str().unwrap(),
        ],
        0,
    );
    assert!(
        stdout(&output).contains("graded 5 submissions"),
        "{}",
        stdout(&output)
    );

    let mut sheet = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = sheet.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.first().map(String::as_str), Some("student"));
    assert_eq!(header[1], "1.passes");
    assert_eq!(&header[header.len() - 2..], ["total", "notes"]);
    assert_eq!(header.len(), 11 + 3);
    let rows: Vec<HashMap<String, String>> = sheet.deserialize().map(Result::unwrap).collect();
    let table: Vec<(&str, &str)> = rows
        .iter()
        .map(|row| (row["student"].as_str(), row["total"].as_str()))
        .collect();
    let dave_total = "10"; // day 1 does not compile without fails.rs; day 3 still counts
    assert_eq!(
        table,
        [
            ("alice", "100"),
            ("bob", "20"),
            ("carol", "20"),
            ("dave", dave_total),
            ("erin", "20")
        ],
        "{rows:#?}"
    );
    assert_eq!(rows[0]["1.untested"], "0");
    assert_eq!(rows[0]["1.fails"], "10");
    assert!(rows[3]["notes"].contains("symbolic link"), "{rows:#?}");
    assert!(
        rows[4]["notes"].contains("graded as the original stubs"),
        "{rows:#?}"
    );

    let alice_feedback = read(&feedback.join("alice.md"));
    assert!(
        alice_feedback.contains("**100 / 110 points**"),
        "{alice_feedback}"
    );
    let erin_feedback = read(&feedback.join("erin.md"));
    assert!(
        erin_feedback.contains("## Notes from grading"),
        "{erin_feedback}"
    );

    // One submission graded on its own gives its row's total.
    let course = scratch.course();
    let alone = grade_json(
        &carol,
        &scratch.path("target-carol"),
        &["--tests", course.to_str().unwrap()],
        1,
    );
    assert_eq!(alone.score.to_string(), rows[2]["total"]);
}

#[test]
fn markdown_feedback_on_the_fixture() {
    let scratch = Scratch::new();
    let args = [
        "--runner",
        "processes",
        "grade",
        "--format",
        "markdown",
        "--day",
        "1",
        "--day",
        "3",
    ];
    let output = checker(&scratch.course(), &scratch.path("target"), &args, 1);
    insta::assert_snapshot!(stdout(&output));
}

/// The real course's student template: what is left out, and that cargo loads it (the
/// export fails otherwise). Building and grading it is what `bench/batch.py` and the
/// fixture tests above do.
#[test]
fn the_real_course_exports_a_student_template() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let export = scratch.path().join("student");
    checker(
        root,
        &scratch.path().join("target"),
        &["export", "student", export.to_str().unwrap()],
        0,
    );
    assert!(!export.join("solutions").exists());
    assert!(
        !export.join("checker/tests").exists(),
        "the checker's own tests stay"
    );
    assert!(export.join("checker/src/main.rs").exists());
    assert!(
        export.join(".gradlings/stubs").is_dir(),
        "reset needs the stubs"
    );
    for entry in std::fs::read_dir(export.join("tests")).unwrap() {
        let manifest = entry.unwrap().path().join("Cargo.toml");
        let text = read(&manifest);
        assert!(
            !text.contains("solutions/"),
            "{} still points at the solutions:\n{text}",
            manifest.display()
        );
    }
    let lock = read(&export.join("Cargo.lock"));
    assert!(
        !lock.contains("_solution\""),
        "the lock file names solutions"
    );
}

/// The parts of a GitHub workflow these tests read.
#[derive(Debug, Deserialize)]
struct Workflow {
    jobs: BTreeMap<String, Job>,
}

#[derive(Debug, Deserialize)]
struct Job {
    steps: Vec<Step>,
}

#[derive(Debug, Deserialize)]
struct Step {
    name: String,
    run: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
}

#[track_caller]
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "`git {}` failed:\n{}",
        args.join(" "),
        stderr(&output)
    );
    stdout(&output)
}

/// Runs the workflow's own publishing script on an export of the fixture, in a clone with a
/// remote as actions/checkout leaves it.
#[cfg(unix)]
#[test]
fn the_solutions_branch_workflow_publishes_one_orphan_commit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let text = read(&root.join(".github/workflows/solutions-branch.yml"));
    let workflow: Workflow = serde_norway::from_str(&text).expect("the workflow is YAML");
    let steps = &workflow.jobs["publish"].steps;
    let step = |name: &str| {
        steps
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no step {name:?} in {steps:#?}"))
    };
    let export = step("Export the solutions").run.clone().unwrap();
    assert_eq!(
        export.trim(),
        r#"cargo checker export solutions "$RUNNER_TEMP/solutions""#
    );

    let scratch = Scratch::new();
    let runner_temp = scratch.path("runner-temp");
    let exported = runner_temp.join("solutions");
    checker(
        &scratch.course(),
        &scratch.path("target"),
        &["export", "solutions", exported.to_str().unwrap()],
        0,
    );
    let remote = scratch.path("remote.git");
    std::fs::create_dir_all(&remote).unwrap();
    git(&remote, &["init", "--quiet", "--bare"]);
    git(
        scratch.dir.path(),
        &["clone", "--quiet", "remote.git", "checkout"],
    );
    let checkout = scratch.path("checkout");
    write(&checkout.join("README.md"), "main\n");
    git(&checkout, &["add", "README.md"]);
    git(&checkout, &["commit", "--quiet", "-m", "main"]);
    git(&checkout, &["push", "--quiet", "origin", "HEAD:main"]);

    let publish = step("Publish them as the branch `solutions`");
    let output = Command::new("bash")
        .args(["-e", "-c", publish.run.as_deref().unwrap()])
        .current_dir(&checkout)
        .envs(&publish.env)
        .env("RUNNER_TEMP", &runner_temp)
        .env("GITHUB_SHA", "0123abc")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    let log = git(&remote, &["log", "--format=%s|%P", "solutions"]);
    assert_eq!(
        log.trim(),
        "Solutions of 0123abc|",
        "one commit, without parents"
    );
    let published = git(
        &remote,
        &["show", "solutions:exercises/day1_outcomes/src/fails.rs"],
    );
    let solution = read(
        &scratch
            .course()
            .join("solutions/day1_outcomes/src/fails.rs"),
    );
    assert_eq!(published, solution);
    assert_eq!(
        git(&checkout, &["status", "--porcelain"]),
        "",
        "the checkout is untouched"
    );
}
