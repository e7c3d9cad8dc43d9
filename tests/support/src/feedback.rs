//! What a failing check tells the student.
//!
//! Every hidden-test failure answers the same questions, in this order: what was called with
//! which inputs, what was expected, what came back, how close it had to be, and — when the
//! value matches a mistake the check computed on the side — which mistake it is.

use std::fmt;

/// A plausible wrong answer a check recognises.
///
/// `id` is stable (the suite's own tests match on it); `explanation` is what the student reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub id: &'static str,
    pub explanation: String,
}

impl Mistake {
    pub fn new(id: &'static str, explanation: impl Into<String>) -> Self {
        Mistake {
            id,
            explanation: explanation.into(),
        }
    }
}

/// The feedback of one failed check.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// One plain sentence: what went wrong.
    pub summary: String,
    /// The call that produced the wrong value, with its inputs.
    pub call: Option<String>,
    pub expected: Option<String>,
    pub got: Option<String>,
    pub tolerance: Option<String>,
    pub mistake: Option<Mistake>,
    /// The seed of the random inputs, when there were any.
    pub seed: Option<u64>,
    /// Anything else worth saying (a hint at the cause, a follow-up measurement).
    pub notes: Vec<String>,
}

/// What every check returns: `Ok` when the implementation passed, the feedback otherwise.
pub type CheckResult = Result<(), Feedback>;

impl Feedback {
    pub fn new(summary: impl Into<String>) -> Self {
        Feedback {
            summary: summary.into(),
            call: None,
            expected: None,
            got: None,
            tolerance: None,
            mistake: None,
            seed: None,
            notes: Vec::new(),
        }
    }

    pub fn call(mut self, call: impl Into<String>) -> Self {
        self.call = Some(call.into());
        self
    }

    pub fn expected(mut self, expected: impl fmt::Display) -> Self {
        self.expected = Some(expected.to_string());
        self
    }

    pub fn got(mut self, got: impl fmt::Display) -> Self {
        self.got = Some(got.to_string());
        self
    }

    pub fn tolerance(mut self, tolerance: impl Into<String>) -> Self {
        self.tolerance = Some(tolerance.into());
        self
    }

    /// Names the mistake, unless one is already named (the first diagnosis wins).
    pub fn mistake(mut self, mistake: Option<Mistake>) -> Self {
        if self.mistake.is_none() {
            self.mistake = mistake;
        }
        self
    }

    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The id of the named mistake, if any (what the suite's own tests assert on).
    pub fn mistake_id(&self) -> Option<&'static str> {
        self.mistake.as_ref().map(|m| m.id)
    }
}

impl fmt::Display for Feedback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary)?;
        let rows = [
            ("called", &self.call),
            ("expected", &self.expected),
            ("got", &self.got),
            ("tolerance", &self.tolerance),
        ];
        for (label, value) in rows {
            if let Some(value) = value {
                writeln!(f, "  {label:<9} {value}")?;
            }
        }
        if let Some(mistake) = &self.mistake {
            writeln!(f, "  {:<9} {}", "mistake", mistake.explanation)?;
        }
        for note in &self.notes {
            writeln!(f, "  {:<9} {note}", "note")?;
        }
        if let Some(seed) = self.seed {
            writeln!(
                f,
                "  {:<9} {seed} (replay these inputs with {}={seed})",
                "seed",
                crate::seed::SEED_ENV
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_lists_every_field_that_is_set() {
        let text = Feedback::new("central_diff is not the central difference")
            .call("central_diff(exp, x = 1, h = 0.1)")
            .expected(2.7228)
            .got(2.8588)
            .tolerance("1e-9 relative")
            .mistake(Some(Mistake::new(
                "forward",
                "this is the forward difference",
            )))
            .seed(7)
            .to_string();
        for needle in [
            "central_diff is not",
            "called    central_diff(exp",
            "expected  2.7228",
            "got       2.8588",
            "tolerance 1e-9",
            "mistake   this is the forward difference",
            "seed      7 (replay these inputs with GRADLINGS_SEED=7)",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
    }

    #[test]
    fn first_named_mistake_wins() {
        let fb = Feedback::new("x")
            .mistake(Some(Mistake::new("a", "first")))
            .mistake(Some(Mistake::new("b", "second")));
        assert_eq!(fb.mistake_id(), Some("a"));
    }
}
