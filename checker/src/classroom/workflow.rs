//! `.github/workflows/classroom.yml`: GitHub Classroom's autograding workflow, one graded
//! step per exercise.
//!
//! The shape follows the workflow Classroom itself writes: triggers, permissions, a job that
//! skips Classroom's own bot, one `autograding-command-grader` step per test and the
//! `autograding-grading-reporter` at the end, which reads each step's result from
//! `<STEP-ID>_RESULTS`. Classroom finds the points by the workflow's name and its one job's
//! name, so both are fixed.

use serde::{Deserialize, Serialize};
use serde_norway::{Mapping, Value};

use super::actions::{
    self, CHECKOUT, COMMAND_GRADER, GRADING_REPORTER, INSTALL_NEXTEST, RUST_CACHE, RUST_TOOLCHAIN,
};
use super::grading_steps::{GradingPlan, GradingStep, WARM_UP_MINUTES};
use super::{ClassroomError, GeneratedFile};

/// Where the workflow lives in the course.
pub const PATH: &str = ".github/workflows/classroom.yml";

/// The reporter's instructions: the workflow must be named "Autograding Tests" and have one
/// job, `run-autograding-tests`, or Classroom records no points.
const WORKFLOW_NAME: &str = "Autograding Tests";

const HEADER: &str = "\
# Generated from course.toml by `cargo checker classroom workflow`; do not edit by hand.
# After changing course.toml (exercises, points, tests), run that command again and commit
# the result (`cargo test` fails while this file is out of date).
#
# Each exercise is one graded step: `cargo checker grade --exercise ID` exits with 0 exactly
# when the exercise passes, which earns its points. The graders run commands with only PATH
# and HOME from the environment, so the builds before them run with only those too
# (`env -i PATH=\"$PATH\" HOME=\"$HOME\"`), day by day as the graded steps build: cargo then
# reuses those builds in every graded step instead of compiling against its time limit.
";

/// The workflow file, as its fields are written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    pub name: String,
    #[serde(rename = "on")]
    pub triggers: Vec<String>,
    pub permissions: Permissions,
    pub jobs: Jobs,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permissions {
    /// The reporter writes the points to the run's check.
    pub checks: String,
    pub actions: String,
    pub contents: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jobs {
    #[serde(rename = "run-autograding-tests")]
    pub autograding: Job,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Job {
    pub runs_on: String,
    #[serde(rename = "if")]
    pub condition: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Step {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uses: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_minutes: Option<u64>,
    #[serde(default, skip_serializing_if = "Mapping::is_empty")]
    pub env: Mapping,
    #[serde(default, skip_serializing_if = "Mapping::is_empty")]
    pub with: Mapping,
}

/// The workflow that carries out `plan`.
pub fn workflow(plan: &GradingPlan) -> Workflow {
    let steps = &plan.steps;
    let warm_up: Vec<String> = plan
        .warm_up
        .iter()
        .map(|command| format!("env -i PATH=\"$PATH\" HOME=\"$HOME\" {command}"))
        .collect();
    let mut all = vec![
        uses("Check out the code", CHECKOUT.uses),
        uses("Install Rust", RUST_TOOLCHAIN.uses),
        uses("Install cargo-nextest", INSTALL_NEXTEST.uses),
        uses("Cache the build", RUST_CACHE.uses),
        Step {
            name: "Build each day and show its grade (the points come from the steps below)".into(),
            run: Some(warm_up.join("\n")),
            timeout_minutes: Some(WARM_UP_MINUTES),
            ..Step::default()
        },
    ];
    all.extend(steps.iter().map(graded_step));
    all.push(reporter(steps));
    Workflow {
        name: WORKFLOW_NAME.into(),
        triggers: ["push", "workflow_dispatch", "repository_dispatch"]
            .map(String::from)
            .into(),
        permissions: Permissions {
            checks: "write".into(),
            actions: "read".into(),
            contents: "read".into(),
        },
        jobs: Jobs {
            autograding: Job {
                runs_on: "ubuntu-latest".into(),
                // Classroom's bot pushes the starter code: that commit is not graded. Nor is
                // the course itself, the template repository the students' copies come from.
                condition: "github.actor != 'github-classroom[bot]' && \
                            !github.event.repository.is_template"
                    .into(),
                steps: all,
            },
        },
    }
}

/// The workflow file's text. Refuses a workflow that passes an action an input its
/// `action.yml` does not declare, or leaves out one it requires: GitHub only warns about the
/// first and runs the step without the second.
pub fn render(plan: &GradingPlan) -> Result<GeneratedFile, ClassroomError> {
    let workflow = workflow(plan);
    let problems = input_problems(&workflow);
    if !problems.is_empty() {
        return Err(ClassroomError::ActionInputs(problems));
    }
    let yaml = serde_norway::to_string(&workflow)?;
    Ok(GeneratedFile {
        path: PATH,
        text: format!("{HEADER}\n{yaml}"),
    })
}

fn uses(name: &str, action: &str) -> Step {
    Step {
        name: name.into(),
        uses: Some(action.into()),
        ..Step::default()
    }
}

/// A command grader step; its inputs in the order a reader expects them.
fn graded_step(step: &GradingStep) -> Step {
    let mut with = Mapping::new();
    with.insert("test-name".into(), step.test_name.as_str().into());
    with.insert("command".into(), step.command.as_str().into());
    with.insert("timeout".into(), step.timeout_minutes.into());
    with.insert("max-score".into(), step.points.into());
    Step {
        name: step.test_name.clone(),
        id: Some(step.id.clone()),
        uses: Some(COMMAND_GRADER.uses.into()),
        with,
        ..Step::default()
    }
}

fn reporter(steps: &[GradingStep]) -> Step {
    let mut env = Mapping::new();
    for step in steps {
        env.insert(
            Value::String(results_variable(&step.id)),
            Value::String(format!("${{{{steps.{}.outputs.result}}}}", step.id)),
        );
    }
    let runners: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
    let mut with = Mapping::new();
    with.insert("runners".into(), Value::String(runners.join(",")));
    Step {
        name: "Autograding Reporter".into(),
        uses: Some(GRADING_REPORTER.uses.into()),
        env,
        with,
        ..Step::default()
    }
}

/// The variable the reporter reads a step's result from.
fn results_variable(step_id: &str) -> String {
    format!("{}_RESULTS", step_id.to_ascii_uppercase())
}

/// What is wrong with the inputs `workflow` passes to its actions: unknown actions, inputs
/// an action does not declare, inputs it requires that are missing.
pub fn input_problems(workflow: &Workflow) -> Vec<String> {
    let mut problems = Vec::new();
    for step in &workflow.jobs.autograding.steps {
        let Some(uses) = &step.uses else { continue };
        let Some(action) = actions::find(uses) else {
            problems.push(format!(
                "step {:?} uses an unknown action {uses}",
                step.name
            ));
            continue;
        };
        let given: Vec<&str> = step.with.keys().filter_map(|k| k.as_str()).collect();
        for input in &given {
            if !action.inputs.contains(input) {
                problems.push(format!("step {:?}: {uses} has no input {input}", step.name));
            }
        }
        for input in action.required {
            if !given.contains(input) {
                problems.push(format!("step {:?}: {uses} requires {input}", step.name));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classroom::grading_steps::grading_plan;

    fn sample_workflow() -> (Vec<GradingStep>, Workflow, String) {
        let dir = tempfile::tempdir().unwrap();
        let course = crate::course::sample(dir.path(), &[(1, "alpha"), (2, "beta")]);
        let plan = grading_plan(&course).unwrap();
        let text = render(&plan).unwrap().text;
        let steps = plan.steps;
        let parsed: Workflow = serde_norway::from_str(&text)
            .unwrap_or_else(|e| panic!("the workflow does not read back ({e}):\n{text}"));
        (steps, parsed, text)
    }

    #[test]
    fn passes_only_inputs_the_actions_declare_and_all_they_require() {
        let (_, workflow, text) = sample_workflow();
        assert_eq!(input_problems(&workflow), Vec::<String>::new(), "{text}");
    }

    #[test]
    fn the_checker_notices_an_unknown_or_missing_input() {
        let (_, mut workflow, _) = sample_workflow();
        let graded = &mut workflow.jobs.autograding.steps[5];
        graded.with.remove("command");
        graded.with.insert("points".into(), 3.into());
        let problems = input_problems(&workflow);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems[0].contains("has no input points"), "{problems:#?}");
        assert!(problems[1].contains("requires command"), "{problems:#?}");
    }

    #[test]
    fn has_the_names_classroom_looks_for_and_its_permissions() {
        let (_, workflow, text) = sample_workflow();
        assert_eq!(workflow.name, "Autograding Tests");
        assert!(text.contains("\n  run-autograding-tests:\n"), "{text}");
        assert_eq!(
            workflow.triggers,
            ["push", "workflow_dispatch", "repository_dispatch"]
        );
        assert_eq!(
            workflow.jobs.autograding.condition,
            "github.actor != 'github-classroom[bot]' && !github.event.repository.is_template",
            "neither the starter commit nor the course's own template repository is graded"
        );
        let p = &workflow.permissions;
        assert_eq!(
            (&*p.checks, &*p.actions, &*p.contents),
            ("write", "read", "read")
        );
    }

    #[test]
    fn grades_each_exercise_in_its_own_step_and_reports_them_all() {
        let (steps, workflow, text) = sample_workflow();
        let all = &workflow.jobs.autograding.steps;
        let graded: Vec<&Step> = all
            .iter()
            .filter(|s| s.uses.as_deref() == Some(COMMAND_GRADER.uses))
            .collect();
        assert_eq!(graded.len(), steps.len(), "{text}");
        for (step, expected) in graded.iter().zip(&steps) {
            assert_eq!(step.id.as_ref(), Some(&expected.id));
            assert_eq!(step.with["command"], Value::from(expected.command.as_str()));
            assert_eq!(step.with["max-score"], Value::from(10));
            assert_eq!(
                step.with["test-name"],
                Value::from(expected.test_name.as_str())
            );
        }
        let reporter = all.last().unwrap();
        assert_eq!(reporter.uses.as_deref(), Some(GRADING_REPORTER.uses));
        assert_eq!(
            reporter.with["runners"],
            Value::from("exercise_1_alpha,exercise_2_beta")
        );
        assert_eq!(
            reporter.env["EXERCISE_1_ALPHA_RESULTS"],
            Value::from("${{steps.exercise_1_alpha.outputs.result}}")
        );
    }

    #[test]
    fn each_day_is_built_first_in_the_graders_environment() {
        let (_, workflow, _) = sample_workflow();
        let all = &workflow.jobs.autograding.steps;
        let first_graded = all.iter().position(|s| s.id.is_some()).unwrap();
        let warm_up = all[..first_graded]
            .iter()
            .find_map(|s| s.run.as_deref())
            .expect("a build before the first graded step");
        assert_eq!(
            warm_up,
            "env -i PATH=\"$PATH\" HOME=\"$HOME\" cargo checker grade --day 1 || true\n\
             env -i PATH=\"$PATH\" HOME=\"$HOME\" cargo checker grade --day 2 || true"
        );
    }
}
