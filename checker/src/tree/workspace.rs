//! Trimming the Cargo workspace of a planned tree to what can build in it.
//!
//! A copy of the course leaves parts out (the solutions, perhaps the hidden tests), and cargo
//! refuses to load a workspace whose members or path dependencies are missing. So:
//!
//! - a member that *needs* a missing package (a plain path dependency on it) is left out of
//!   the copy too — `tests/api_pins` needs the solutions;
//! - a member that only *may* use one (an optional dependency, like the hidden tests'
//!   `<day>_solution`) keeps everything else: the dependency goes, and so do the features'
//!   mentions of it (the features themselves stay, so `cfg(feature = …)` stays known);
//! - the root's `members` and `default-members` keep the entries that still match a package
//!   (a glob that matches nothing is an error to cargo).
//!
//! Manifests are edited with `toml_edit`, so their comments and layout survive.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use toml_edit::{DocumentMut, Item, TableLike};

use super::plan::{Content, Plan, TreeError};

/// The dependency tables of a package manifest (also under `[target.'cfg(…)']`).
const DEPENDENCY_TABLES: &[&str] = &[
    "dependencies",
    "dev-dependencies",
    "dev_dependencies",
    "build-dependencies",
    "build_dependencies",
];

/// What [`trim`] must respect.
#[derive(Debug, Default)]
pub struct Rules<'a> {
    /// Package directories that must stay (a day's crates): leaving one out is an error.
    pub required: &'a [PathBuf],
    /// Member globs to add to the workspace when they match packages in the tree that no
    /// existing entry covers (hidden tests brought in from elsewhere).
    pub extra_members: &'a [&'a str],
}

/// A package the copy leaves out, and the missing package it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub package: PathBuf,
    pub needs: PathBuf,
}

/// The top-level directories that hold the workspace members of the course at `root`
/// (`exercises` for `exercises/*`).
pub fn member_top_dirs(root: &Path) -> Result<Vec<String>, TreeError> {
    let path = root.join("Cargo.toml");
    let text = std::fs::read_to_string(&path).map_err(|source| TreeError::Read {
        path: path.clone(),
        source,
    })?;
    let doc = parse(&text, &path)?;
    let mut tops: Vec<String> = string_array(&doc, "members")
        .iter()
        .filter_map(|pattern| match Path::new(pattern).components().next() {
            Some(Component::Normal(top)) => Some(top.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    tops.sort();
    tops.dedup();
    Ok(tops)
}

/// Trims the workspace of `plan` (see the module docs). Returns the packages left out.
pub fn trim(plan: &mut Plan, rules: &Rules) -> Result<Vec<LeftOut>, TreeError> {
    let root_path = Path::new("Cargo.toml");
    let Some(root_content) = plan.get(root_path) else {
        return Ok(Vec::new());
    };
    let mut root = parse(&text_of(root_content, root_path)?, root_path)?;
    let mut patterns = string_array(&root, "members");
    for extra in rules.extra_members {
        if !patterns.iter().any(|p| p == extra) {
            patterns.push((*extra).to_string());
        }
    }
    let globs = compile(&patterns, root_path)?;
    let members: Vec<PathBuf> = plan
        .package_dirs()
        .into_iter()
        .filter(|dir| globs.iter().any(|(_, glob)| matches(glob, dir)))
        .collect();
    let workspace_deps = workspace_dependency_paths(&root);

    let mut manifests = BTreeMap::new();
    for dir in &members {
        let path = dir.join("Cargo.toml");
        let content = plan.get(&path).expect("members come from the plan");
        let doc = parse(&text_of(content, &path)?, &path)?;
        let deps = path_dependencies(&doc, dir, &workspace_deps);
        manifests.insert(dir.clone(), (doc, deps));
    }

    let left_out = leave_out_what_cannot_build(plan, &manifests);
    for gone in &left_out {
        if rules.required.contains(&gone.package) {
            return Err(TreeError::Required {
                package: gone.package.clone(),
                needs: gone.needs.clone(),
            });
        }
        plan.remove_tree(&gone.package);
        manifests.remove(&gone.package);
    }

    for (dir, (doc, deps)) in &mut manifests {
        let missing: Vec<&PathDependency> = deps
            .iter()
            .filter(|dep| dep.target.as_ref().is_some_and(|t| !is_package(plan, t)))
            .collect();
        if missing.is_empty() {
            continue;
        }
        for dep in missing {
            remove_dependency(doc, dep);
        }
        plan.insert(
            dir.join("Cargo.toml"),
            Content::Data(doc.to_string().into()),
        );
    }

    let kept: Vec<PathBuf> = manifests.into_keys().collect();
    if keep_matching_members(&mut root, &globs, &kept, rules.extra_members) {
        plan.insert(root_path, Content::Data(root.to_string().into()));
    }
    Ok(left_out)
}

/// A path dependency of a package.
#[derive(Debug)]
struct PathDependency {
    /// The table it is declared in, e.g. `["target", "cfg(unix)", "dependencies"]`.
    table: Vec<String>,
    /// Its key: the name features use.
    key: String,
    optional: bool,
    /// The package directory it points to, relative to the tree's root; `None` when it points
    /// outside the tree (not ours to judge).
    target: Option<PathBuf>,
}

/// Leaves out, until nothing changes, every member with a non-optional path dependency on a
/// package that is not in the tree.
fn leave_out_what_cannot_build(
    plan: &Plan,
    manifests: &BTreeMap<PathBuf, (DocumentMut, Vec<PathDependency>)>,
) -> Vec<LeftOut> {
    let mut gone: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    loop {
        let mut changed = false;
        for (dir, (_, deps)) in manifests {
            if gone.contains_key(dir) {
                continue;
            }
            let needed_but_missing = deps.iter().filter(|d| !d.optional).find_map(|dep| {
                let target = dep.target.as_ref()?;
                let present = is_package(plan, target) && !gone.contains_key(target);
                (!present).then(|| target.clone())
            });
            if let Some(needs) = needed_but_missing {
                gone.insert(dir.clone(), needs);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    gone.into_iter()
        .map(|(package, needs)| LeftOut { package, needs })
        .collect()
}

fn is_package(plan: &Plan, dir: &Path) -> bool {
    plan.contains(&dir.join("Cargo.toml"))
}

fn path_dependencies(
    doc: &DocumentMut,
    package_dir: &Path,
    workspace_deps: &BTreeMap<String, Option<PathBuf>>,
) -> Vec<PathDependency> {
    let mut tables: Vec<(Vec<String>, &dyn TableLike)> = Vec::new();
    for name in DEPENDENCY_TABLES {
        if let Some(table) = doc.get(name).and_then(Item::as_table_like) {
            tables.push((vec![name.to_string()], table));
        }
    }
    if let Some(targets) = doc.get("target").and_then(Item::as_table_like) {
        for (cfg, item) in targets.iter() {
            for name in DEPENDENCY_TABLES {
                if let Some(table) = item.get(name).and_then(Item::as_table_like) {
                    tables.push((vec!["target".into(), cfg.into(), name.to_string()], table));
                }
            }
        }
    }
    let mut deps = Vec::new();
    for (table_path, table) in tables {
        for (key, item) in table.iter() {
            let Some(spec) = item.as_table_like() else {
                continue; // `name = "1.0"`: from a registry
            };
            let target = if let Some(path) = spec.get("path").and_then(Item::as_str) {
                normalize(&package_dir.join(path))
            } else if spec.get("workspace").and_then(Item::as_bool) == Some(true) {
                match workspace_deps.get(key) {
                    Some(target) => target.clone(),
                    None => continue,
                }
            } else {
                continue;
            };
            deps.push(PathDependency {
                table: table_path.clone(),
                key: key.to_string(),
                optional: spec.get("optional").and_then(Item::as_bool) == Some(true),
                target,
            });
        }
    }
    deps
}

/// `[workspace.dependencies]` entries with a path: key → target (when inside the tree).
fn workspace_dependency_paths(root: &DocumentMut) -> BTreeMap<String, Option<PathBuf>> {
    let table = root
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(Item::as_table_like);
    let Some(table) = table else {
        return BTreeMap::new();
    };
    table
        .iter()
        .filter_map(|(key, item)| {
            let path = item.as_table_like()?.get("path")?.as_str()?;
            Some((key.to_string(), normalize(Path::new(path))))
        })
        .collect()
}

/// Removes the dependency and every mention of it in `[features]`.
fn remove_dependency(doc: &mut DocumentMut, dep: &PathDependency) {
    let mut item = doc.as_item_mut();
    for key in &dep.table {
        match item.get_mut(key) {
            Some(inner) => item = inner,
            None => return,
        }
    }
    if let Some(table) = item.as_table_like_mut() {
        table.remove(&dep.key);
    }
    let Some(features) = doc.get_mut("features").and_then(Item::as_table_like_mut) else {
        return;
    };
    for (_, enabled) in features.iter_mut() {
        if let Some(list) = enabled.as_array_mut() {
            let before = list.len();
            list.retain(|value| value.as_str().is_none_or(|f| !mentions(f, &dep.key)));
            if list.len() != before {
                list.fmt();
            }
        }
    }
}

/// Does the feature entry `entry` enable (something of) dependency `key`?
fn mentions(entry: &str, key: &str) -> bool {
    entry == key
        || entry.strip_prefix("dep:") == Some(key)
        || entry
            .split_once('/')
            .is_some_and(|(dep, _)| dep.trim_end_matches('?') == key)
}

/// Keeps the root's member entries that match a kept package, adds the extra ones that do;
/// true when the manifest changed.
fn keep_matching_members(
    root: &mut DocumentMut,
    globs: &[(String, glob::Pattern)],
    kept: &[PathBuf],
    extra: &[&str],
) -> bool {
    let matches_kept = |pattern: &str| {
        globs
            .iter()
            .find(|(p, _)| p == pattern)
            .is_some_and(|(_, glob)| kept.iter().any(|dir| matches(glob, dir)))
    };
    let Some(workspace) = root.get_mut("workspace").and_then(Item::as_table_like_mut) else {
        return false;
    };
    let mut changed = false;
    if let Some(members) = workspace.get_mut("members").and_then(Item::as_array_mut) {
        let before = members.len();
        members.retain(|m| m.as_str().is_some_and(|m| matches_kept(clean(m))));
        let present: BTreeSet<String> = members
            .iter()
            .filter_map(|m| m.as_str().map(|m| clean(m).to_string()))
            .collect();
        let mut added = false;
        for pattern in extra {
            if !present.contains(*pattern) && matches_kept(pattern) {
                members.push(*pattern);
                added = true;
            }
        }
        if members.len() != before || added {
            members.fmt();
            changed = true;
        }
    }
    let mut no_defaults_left = false;
    if let Some(defaults) = workspace
        .get_mut("default-members")
        .and_then(Item::as_array_mut)
    {
        let before = defaults.len();
        let kept_paths = |m: &str| {
            glob::Pattern::new(clean(m)).is_ok_and(|glob| kept.iter().any(|d| matches(&glob, d)))
        };
        defaults.retain(|m| m.as_str().is_some_and(kept_paths));
        if defaults.len() != before {
            defaults.fmt();
            changed = true;
            no_defaults_left = defaults.is_empty();
        }
    }
    if no_defaults_left {
        // An empty list would build nothing by default; without it cargo builds every member.
        workspace.remove("default-members");
    }
    changed
}

fn string_array(doc: &DocumentMut, key: &str) -> Vec<String> {
    doc.get("workspace")
        .and_then(|w| w.get(key))
        .and_then(Item::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str())
                .map(|v| clean(v).to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn clean(pattern: &str) -> &str {
    let pattern = pattern.strip_prefix("./").unwrap_or(pattern);
    pattern.strip_suffix('/').unwrap_or(pattern)
}

fn compile(patterns: &[String], path: &Path) -> Result<Vec<(String, glob::Pattern)>, TreeError> {
    patterns
        .iter()
        .map(|pattern| {
            glob::Pattern::new(pattern)
                .map(|glob| (pattern.clone(), glob))
                .map_err(|error| TreeError::Manifest {
                    path: path.to_path_buf(),
                    message: format!("workspace member {pattern:?} is not a valid glob: {error}"),
                })
        })
        .collect()
}

/// Cargo expands member globs one path component at a time: `*` never crosses a `/`.
fn matches(glob: &glob::Pattern, dir: &Path) -> bool {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: false,
    };
    glob.matches_path_with(dir, options)
}

/// `tests/day1/../../solutions/day1` → `solutions/day1`; `None` when it leaves the tree.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !parts.pop() {
                    return None;
                }
            }
            Component::Normal(part) => parts.push(part),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts)
}

fn text_of(content: &Content, path: &Path) -> Result<String, TreeError> {
    String::from_utf8(content.bytes()?).map_err(|_| TreeError::Manifest {
        path: path.to_path_buf(),
        message: "it is not UTF-8".into(),
    })
}

fn parse(text: &str, path: &Path) -> Result<DocumentMut, TreeError> {
    text.parse()
        .map_err(|error: toml_edit::TomlError| TreeError::Manifest {
            path: path.to_path_buf(),
            message: error.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = r#"[workspace]
members = ["checker", "exercises/*", "solutions/*", "tests/*"]
default-members = ["checker", "solutions/*", "tests/*"]

[workspace.dependencies]
support = { path = "tests/support" }
"#;

    const HIDDEN_TESTS: &str = r#"[package]
name = "day1_tests"

[features]
# Which implementation the graded tests link.
student = ["dep:day1"]
solutions = ["dep:day1_solution", "day1_solution/extra"]

[dependencies]
support.workspace = true
day1 = { path = "../../exercises/day1", optional = true }
day1_solution = { path = "../../solutions/day1", optional = true }
"#;

    const PINS: &str = r#"[package]
name = "pins"

[dev-dependencies]
day1_solution = { path = "../../solutions/day1" }
"#;

    fn course_plan(with_tests: bool) -> Plan {
        let mut plan = Plan::default();
        let mut add = |path: &str, text: &str| {
            plan.insert(path, Content::Data(text.as_bytes().to_vec()));
        };
        add("Cargo.toml", ROOT);
        add("checker/Cargo.toml", "[package]\nname = \"checker\"\n");
        add("exercises/day1/Cargo.toml", "[package]\nname = \"day1\"\n");
        if with_tests {
            add("tests/day1/Cargo.toml", HIDDEN_TESTS);
            add("tests/pins/Cargo.toml", PINS);
            add("tests/pins/src/lib.rs", "");
            add(
                "tests/support/Cargo.toml",
                "[package]\nname = \"support\"\n",
            );
        }
        plan
    }

    fn text(plan: &Plan, path: &str) -> String {
        String::from_utf8(plan.get(Path::new(path)).unwrap().bytes().unwrap()).unwrap()
    }

    #[test]
    fn leaves_out_what_needs_the_solutions_and_unhooks_optional_uses() {
        let mut plan = course_plan(true);
        let left_out = trim(&mut plan, &Rules::default()).unwrap();
        assert_eq!(
            left_out,
            [LeftOut {
                package: "tests/pins".into(),
                needs: "solutions/day1".into()
            }]
        );
        assert!(!plan.contains(Path::new("tests/pins/src/lib.rs")));
        let tests = text(&plan, "tests/day1/Cargo.toml");
        assert!(!tests.contains("day1_solution"), "{tests}");
        assert!(
            tests.contains("solutions = []"),
            "the feature stays:\n{tests}"
        );
        assert!(
            tests.contains("# Which implementation"),
            "comments survive:\n{tests}"
        );
        assert!(tests.contains("support.workspace = true"), "{tests}");
        let root = text(&plan, "Cargo.toml");
        assert!(
            root.contains(r#"members = ["checker", "exercises/*", "tests/*"]"#),
            "{root}"
        );
        assert!(
            root.contains(r#"default-members = ["checker", "tests/*"]"#),
            "{root}"
        );
    }

    #[test]
    fn without_hidden_tests_the_members_shrink_and_defaults_may_go() {
        let mut plan = course_plan(false);
        plan.insert(
            "Cargo.toml",
            Content::Data(
                ROOT.replace("\"checker\", \"solutions", "\"solutions")
                    .into(),
            ),
        );
        trim(&mut plan, &Rules::default()).unwrap();
        let root = text(&plan, "Cargo.toml");
        assert!(
            root.contains(r#"members = ["checker", "exercises/*"]"#),
            "{root}"
        );
        assert!(!root.contains("default-members"), "{root}");
        // Unused workspace dependencies with a missing path do not bother cargo: they stay,
        // ready for when the hidden tests come back.
        assert!(
            root.contains("support = { path = \"tests/support\" }"),
            "{root}"
        );
    }

    #[test]
    fn extra_members_bring_hidden_tests_back_into_the_workspace() {
        let mut plan = course_plan(true);
        let root = ROOT.replace(", \"tests/*\"]", "]");
        plan.insert("Cargo.toml", Content::Data(root.into()));
        let rules = Rules {
            extra_members: &["tests/*"],
            ..Rules::default()
        };
        trim(&mut plan, &rules).unwrap();
        let root = text(&plan, "Cargo.toml");
        assert!(
            root.contains(r#"members = ["checker", "exercises/*", "tests/*"]"#),
            "{root}"
        );
    }

    #[test]
    fn a_required_package_that_cannot_build_is_an_error() {
        let mut plan = course_plan(true);
        let required = [PathBuf::from("tests/pins")];
        let rules = Rules {
            required: &required,
            ..Rules::default()
        };
        let error = trim(&mut plan, &rules).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("tests/pins would have to be left out"),
            "{error}"
        );
    }

    #[test]
    fn feature_mentions_are_recognised() {
        assert!(mentions("dep:a", "a"));
        assert!(mentions("a", "a"));
        assert!(mentions("a/x", "a"));
        assert!(mentions("a?/x", "a"));
        assert!(!mentions("ab", "a"));
        assert!(!mentions("dep:ab", "a"));
    }

    #[test]
    fn paths_are_normalized_inside_the_tree_only() {
        assert_eq!(
            normalize(Path::new("tests/day1/../../solutions/day1")),
            Some(PathBuf::from("solutions/day1"))
        );
        assert_eq!(normalize(Path::new("../elsewhere")), None);
    }
}
