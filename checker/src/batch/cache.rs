//! Verdicts of days already graded, by the exact sources they were graded with.
//!
//! Each day's crate stands alone (a compile error costs only its own day), and its hidden
//! tests are seeded, so a day whose sources are byte for byte the same as one graded before
//! gets the same verdicts: the original stubs of a day a student has not started, or a copy.
//! Such a day is neither built nor run again. Sources are compared whole, not by a hash a
//! submission could collide with.

use crate::overlay::DaySources;
use crate::verdict::ExerciseVerdict;

#[derive(Debug, Default)]
pub struct DayCache {
    entries: Vec<(DaySources, Vec<ExerciseVerdict>)>,
}

impl DayCache {
    pub fn get(&self, sources: &DaySources) -> Option<&[ExerciseVerdict]> {
        self.entries
            .iter()
            .find(|(cached, _)| cached == sources)
            .map(|(_, verdicts)| verdicts.as_slice())
    }

    pub fn insert(&mut self, sources: DaySources, verdicts: Vec<ExerciseVerdict>) {
        if self.get(&sources).is_none() {
            self.entries.push((sources, verdicts));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn sources(text: &str) -> DaySources {
        DaySources {
            day: 1,
            files: vec![(PathBuf::from("exercises/d1/src/lib.rs"), text.into())],
        }
    }

    #[test]
    fn only_the_same_bytes_hit() {
        let mut cache = DayCache::default();
        cache.insert(sources("a"), Vec::new());
        assert!(cache.get(&sources("a")).is_some());
        assert!(cache.get(&sources("a ")).is_none());
        let mut other_day = sources("a");
        other_day.day = 2;
        assert!(cache.get(&other_day).is_none());
    }
}
