//! One grading step per exercise: what both generated files are made of.

use std::collections::HashMap;

use super::ClassroomError;
use crate::course::{Course, Exercise};

/// Time for everything in a step but the tests: cargo's freshness checks of the checker and
/// of the day's crates, listing the tests. The workflow builds everything once before the
/// graded steps, so this is seconds in practice; the slack absorbs a slow runner.
const STEP_OVERHEAD_SECS: u64 = 120;

/// Visible tests are not listed in course.toml; exercise files have one to three.
const VISIBLE_TESTS_ALLOWANCE: u64 = 3;

/// The limit of the builds before the graded steps: cold, the dependencies and all days take
/// six to ten minutes on a busy two-core machine (bench/classroom_steps.sh measures it).
pub const WARM_UP_MINUTES: u64 = 30;

/// What a workflow runs: the builds, then one graded step per exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradingPlan {
    /// Commands run before the graded steps. They never fail: a graded step reports any
    /// problem, with its points.
    pub warm_up: Vec<String>,
    pub steps: Vec<GradingStep>,
}

/// The command that grades one exercise: exit code 0 exactly when it passes (1 when it does
/// not, 2 when the checker cannot run). It must work with only `PATH` and `HOME` set, which
/// is all the Classroom graders pass on: it relies on nothing else from the environment.
pub fn grade_command(exercise_id: &str) -> String {
    format!("cargo checker grade --exercise {}", shell_word(exercise_id))
}

/// The step that grades one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradingStep {
    /// A GitHub Actions step id (letters, digits, `_`; starts with a letter), unique in the
    /// workflow; the reporter reads `<ID>_RESULTS`.
    pub id: String,
    /// What students see: the exercise's id and title.
    pub test_name: String,
    pub command: String,
    /// The grader stops the command after this many minutes.
    pub timeout_minutes: u64,
    /// Earned when the command exits with 0.
    pub points: u32,
}

/// The warm-up and the grading steps of every exercise of `course`, in course order.
pub fn grading_plan(course: &Course) -> Result<GradingPlan, ClassroomError> {
    Ok(GradingPlan {
        warm_up: warm_up(course),
        steps: grading_steps(course)?,
    })
}

/// One `grade --day N` per day, which builds the checker and the day's crates with their
/// hidden tests and shows the day's grade in the log. Day by day, not all at once, because a
/// graded step builds only its own day: cargo unifies the features of shared dependencies
/// over the packages of one build, so a build of all days and a build of one day can differ
/// in them (one day's dependency on num-complex with `std` changes ndarray for the others)
/// and then share no artifacts — each day's first graded step would compile again.
fn warm_up(course: &Course) -> Vec<String> {
    course
        .days
        .iter()
        .filter(|day| course.exercises_of_day(day.day).next().is_some())
        .map(|day| format!("cargo checker grade --day {} || true", day.day))
        .collect()
}

/// The grading steps of every exercise of `course`, in course order.
fn grading_steps(course: &Course) -> Result<Vec<GradingStep>, ClassroomError> {
    if course.exercises.is_empty() {
        return Err(ClassroomError::NoExercises);
    }
    let mut owners: HashMap<String, &str> = HashMap::new();
    let mut steps = Vec::new();
    for exercise in &course.exercises {
        let id = step_id(&exercise.id);
        // Step ids are matched without regard to case, and the reporter upper-cases them.
        if let Some(first) = owners.insert(id.to_ascii_lowercase(), &exercise.id) {
            return Err(ClassroomError::StepIdClash {
                first: first.to_string(),
                second: exercise.id.clone(),
                step_id: id,
            });
        }
        steps.push(GradingStep {
            id,
            test_name: format!("{} {}", exercise.id, exercise.title),
            command: grade_command(&exercise.id),
            timeout_minutes: timeout_minutes(exercise, course.info.test_timeout_secs),
            points: exercise.points,
        });
    }
    Ok(steps)
}

/// `exercise_` and the exercise id with every character but ASCII letters and digits
/// replaced by `_`: "1.1" becomes `exercise_1_1`. Underscores, not hyphens, so that
/// `EXERCISE_1_1_RESULTS` is also a valid shell variable name.
pub fn step_id(exercise_id: &str) -> String {
    let tail: String = exercise_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("exercise_{tail}")
}

/// The longest one exercise's step may take: the overhead, and every test running into its
/// time limit one after the other (they run in parallel, so this is generous).
fn timeout_minutes(exercise: &Exercise, test_timeout_secs: u64) -> u64 {
    let tests = exercise.tests.len() as u64 + VISIBLE_TESTS_ALLOWANCE;
    (STEP_OVERHEAD_SECS + tests * test_timeout_secs).div_ceil(60)
}

/// `word` as one shell word: as it is when it holds only safe characters, else single-quoted.
fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "._-+:/@%,".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_ids_are_valid_github_step_ids() {
        for (exercise, step) in [
            ("1.1", "exercise_1_1"),
            ("2.10", "exercise_2_10"),
            ("1.passes", "exercise_1_passes"),
            ("a b-c", "exercise_a_b_c"),
            ("é", "exercise__"),
        ] {
            assert_eq!(step_id(exercise), step);
        }
    }

    #[test]
    fn ids_are_quoted_only_when_the_shell_needs_it() {
        assert_eq!(grade_command("1.1"), "cargo checker grade --exercise 1.1");
        assert_eq!(
            grade_command("it's 1"),
            r"cargo checker grade --exercise 'it'\''s 1'"
        );
        assert_eq!(grade_command(""), "cargo checker grade --exercise ''");
    }

    #[test]
    fn ids_that_differ_only_in_punctuation_clash() {
        let dir = tempfile::tempdir().unwrap();
        let mut course = crate::course::sample(dir.path(), &[(1, "a"), (1, "b")]);
        course.exercises[0].id = "1.1".into();
        course.exercises[1].id = "1-1".into();
        let error = grading_steps(&course).unwrap_err().to_string();
        assert!(error.contains("1.1") && error.contains("1-1"), "{error}");
        assert!(error.contains("exercise_1_1"), "{error}");
    }

    #[test]
    fn the_timeout_covers_every_test_running_into_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let mut course = crate::course::sample(dir.path(), &[(1, "a")]);
        course.exercises[0].tests = vec!["t".into(); 5];
        // 120 s overhead + (5 hidden + 3 visible) × 5 s = 160 s → 3 minutes.
        assert_eq!(timeout_minutes(&course.exercises[0], 5), 3);
        assert_eq!(timeout_minutes(&course.exercises[0], 30), 6);
    }
}
