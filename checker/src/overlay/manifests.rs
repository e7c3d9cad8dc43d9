//! How the overlay builds a day's hidden tests: only what grading runs, and nothing twice.
//!
//! In the course, the hidden tests' package links the student's crate through its feature
//! `student` (`student = ["dep:<day>"]`, an optional dependency), so the checks library is
//! rebuilt whenever the student's crate changes, and `cargo build --tests` also builds the
//! catalogue (the suite's own tests, never graded). In the overlay, where crate after crate
//! of students is built, the student's crate becomes a dev-dependency — only the graded test
//! binary links it; the checks never use it — and the library's own test target is off. A
//! new submission then rebuilds the student's crate and the graded binary, nothing else.
//!
//! Only a manifest that follows that convention is rewritten; any other is left as it is.

use toml_edit::{DocumentMut, Item, Table, value};

/// The rewritten manifest, or `None` when `manifest` does not link `student_package` through
/// the feature `student` as described above.
pub fn for_grading(manifest: &str, student_package: &str) -> Option<String> {
    let mut doc: DocumentMut = manifest.parse().ok()?;
    let linked = format!("dep:{student_package}");
    let student_feature = doc.get("features")?.get("student")?.as_array()?;
    if !student_feature.iter().any(|f| f.as_str() == Some(&linked)) {
        return None;
    }
    let dependencies = doc.get_mut("dependencies")?.as_table_like_mut()?;
    let mut spec = dependencies.remove(student_package)?;
    if let Some(table) = spec.as_table_like_mut() {
        table.remove("optional");
    }

    let features = doc
        .get_mut("features")?
        .get_mut("student")?
        .as_array_mut()?;
    features.retain(|f| f.as_str() != Some(&linked));
    features.fmt();

    let dev = doc
        .entry("dev-dependencies")
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_like_mut()?;
    dev.insert(student_package, spec);
    let lib = doc
        .entry("lib")
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_like_mut()?;
    lib.insert("test", value(false));
    Some(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HIDDEN_TESTS: &str = r#"[package]
name = "day1_tests"

[features]
student = ["dep:day1"]
solutions = []

[dependencies]
support = { path = "../support" }
day1 = { path = "../../exercises/day1", optional = true }
"#;

    #[test]
    fn the_student_crate_becomes_a_dev_dependency() {
        let text = for_grading(HIDDEN_TESTS, "day1").unwrap();
        let doc: DocumentMut = text.parse().unwrap();
        assert_eq!(doc["features"]["student"].as_array().unwrap().len(), 0);
        assert!(doc["dependencies"].get("day1").is_none(), "{text}");
        let dev = &doc["dev-dependencies"]["day1"];
        assert_eq!(dev["path"].as_str(), Some("../../exercises/day1"));
        assert!(dev.get("optional").is_none(), "{text}");
        assert_eq!(doc["lib"]["test"].as_bool(), Some(false));
        assert!(doc["dependencies"].get("support").is_some());
    }

    #[test]
    fn other_manifests_are_left_alone() {
        assert_eq!(for_grading(HIDDEN_TESTS, "day2"), None);
        assert_eq!(for_grading("[package]\nname = \"x\"\n", "day1"), None);
    }
}
