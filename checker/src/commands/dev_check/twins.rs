//! Exercise and solution trees are twins: the same files, the same text outside function
//! bodies (signatures, types, docs, visible tests), and manifests that differ only in the
//! package name.

use quote::ToTokens;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use syn::visit_mut::VisitMut;

use crate::course::Day;

/// The differences between a day's exercise and solution trees (empty when they are twins).
pub fn compare(root: &Path, day: &Day) -> Vec<String> {
    let exercise_dir = root.join(day.exercise_dir());
    let solution_dir = root.join(day.solution_dir());
    let exercise_files = files_under(&exercise_dir);
    let solution_files = files_under(&solution_dir);
    let mut problems = Vec::new();
    for only in exercise_files.symmetric_difference(&solution_files) {
        let (has, lacks) = if exercise_files.contains(only) {
            (&day.exercise_dir(), &day.solution_dir())
        } else {
            (&day.solution_dir(), &day.exercise_dir())
        };
        problems.push(format!(
            "{} exists, but {} does not",
            has.join(only).display(),
            lacks.join(only).display()
        ));
    }
    for file in exercise_files.intersection(&solution_files) {
        let (a, b) = (exercise_dir.join(file), solution_dir.join(file));
        let label = day.exercise_dir().join(file);
        let difference = match file.extension().and_then(|e| e.to_str()) {
            Some("rs") => compare_rust(&a, &b),
            _ if file == Path::new("Cargo.toml") => compare_manifests(&a, &b),
            _ => compare_bytes(&a, &b),
        };
        if let Some(difference) = difference {
            problems.push(format!(
                "{} and its solution: {difference}",
                label.display()
            ));
        }
    }
    problems
}

/// Every file under `dir`, relative to it, skipping build output.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                found.insert(relative.to_path_buf());
            }
        }
    }
    found
}

fn compare_bytes(a: &Path, b: &Path) -> Option<String> {
    (std::fs::read(a).ok() != std::fs::read(b).ok()).then(|| "the files differ".to_string())
}

fn compare_manifests(a: &Path, b: &Path) -> Option<String> {
    let read = |path: &Path| -> Option<toml::Table> {
        let mut table: toml::Table = std::fs::read_to_string(path).ok()?.parse().ok()?;
        table.get_mut("package")?.as_table_mut()?.remove("name");
        Some(table)
    };
    match (read(a), read(b)) {
        (Some(x), Some(y)) if x == y => None,
        (Some(_), Some(_)) => Some("the manifests differ in more than the package name".into()),
        _ => Some("a manifest cannot be read".into()),
    }
}

/// Compares two Rust files item by item with the bodies of non-test functions removed.
fn compare_rust(a: &Path, b: &Path) -> Option<String> {
    let parse = |path: &Path| -> Result<syn::File, String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let mut file = syn::parse_file(&text)
            .map_err(|e| format!("{} does not parse: {e}", path.display()))?;
        BodyStripper.visit_file_mut(&mut file);
        Ok(file)
    };
    let (a, b) = match (parse(a), parse(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return Some(e),
    };
    let render = |file: &syn::File| -> Vec<(String, String)> {
        file.items
            .iter()
            .map(|item| (item_name(item), item.to_token_stream().to_string()))
            .collect()
    };
    let (items_a, items_b) = (render(&a), render(&b));
    if items_a.len() != items_b.len() {
        return Some(format!(
            "they have different items ({} vs {})",
            items_a.len(),
            items_b.len()
        ));
    }
    items_a
        .iter()
        .zip(&items_b)
        .find(|(x, y)| x != y)
        .map(|((name, _), _)| format!("`{name}` differs outside function bodies"))
}

/// Empties the body of every function, except inside `#[cfg(test)]` modules (visible tests
/// must be identical).
struct BodyStripper;

impl VisitMut for BodyStripper {
    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        let is_test = module
            .attrs
            .iter()
            .any(|a| a.path().is_ident("cfg") && a.to_token_stream().to_string().contains("test"));
        if !is_test {
            syn::visit_mut::visit_item_mod_mut(self, module);
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        block.stmts.clear();
    }
}

fn item_name(item: &syn::Item) -> String {
    match item {
        syn::Item::Fn(f) => format!("fn {}", f.sig.ident),
        syn::Item::Struct(s) => format!("struct {}", s.ident),
        syn::Item::Enum(e) => format!("enum {}", e.ident),
        syn::Item::Trait(t) => format!("trait {}", t.ident),
        syn::Item::Mod(m) => format!("mod {}", m.ident),
        syn::Item::Impl(i) => format!("impl {}", i.self_ty.to_token_stream()),
        syn::Item::Use(u) => format!("use {}", u.tree.to_token_stream()),
        other => other
            .to_token_stream()
            .to_string()
            .chars()
            .take(40)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare_texts(a: &str, b: &str) -> Option<String> {
        let dir = tempfile::tempdir().unwrap();
        let (pa, pb) = (dir.path().join("a.rs"), dir.path().join("b.rs"));
        std::fs::write(&pa, a).unwrap();
        std::fs::write(&pb, b).unwrap();
        compare_rust(&pa, &pb)
    }

    #[test]
    fn bodies_may_differ() {
        let stub = "/// Doc.\npub fn f(x: f64) -> f64 {\n    // TODO\n    todo!()\n}\n";
        let solution = "/// Doc.\npub fn f(x: f64) -> f64 {\n    x * 2.0\n}\n";
        assert_eq!(compare_texts(stub, solution), None);
    }

    #[test]
    fn signatures_may_not() {
        let stub = "pub fn f(x: f64) -> f64 { todo!() }";
        let solution = "pub fn f(x: f32) -> f64 { 1.0 }";
        assert_eq!(
            compare_texts(stub, solution).as_deref(),
            Some("`fn f` differs outside function bodies")
        );
    }

    #[test]
    fn visible_tests_must_be_identical() {
        let a = "#[cfg(test)]\nmod tests {\n #[test]\n fn t() { assert!(true) }\n}";
        let b = "#[cfg(test)]\nmod tests {\n #[test]\n fn t() { assert!(false) }\n}";
        assert!(compare_texts(a, b).is_some());
    }

    #[test]
    fn methods_are_compared_by_signature() {
        let a = "impl S { pub fn m(&self) -> u8 { todo!() } }";
        let b = "impl S { pub fn m(&self) -> u8 { 3 } }";
        let c = "impl S { pub fn m(&mut self) -> u8 { 3 } }";
        assert_eq!(compare_texts(a, b), None);
        assert!(compare_texts(a, c).is_some());
    }
}
