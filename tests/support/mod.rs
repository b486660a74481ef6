//! Shared helpers of the corpus tests: where `../shared` is and how its files are read.

#![allow(dead_code)] // each test binary uses a part of these helpers

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The `shared` folder beside the repository; the corpus tests fail (never skip) without it.
pub fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        dir.join("conformance").is_dir() && dir.join("validation").is_dir(),
        "the corpus folder {} is missing: clone the repository beside `shared/`",
        dir.display()
    );
    dir
}

/// Every line of every `*.jsonl` file in `dir`, parsed, in file-name order.
pub fn jsonl_cases(dir: &Path) -> Vec<Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|file| {
            std::fs::read_to_string(file)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str(l).unwrap())
                .collect::<Vec<Value>>()
        })
        .collect()
}

/// The `.json` files of a folder whose names start with `prefix`, sorted, as (name, text).
pub fn json_files(dir: &Path, prefix: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(prefix) && !name.starts_with("expected"))
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name)).unwrap();
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// The skip list: `file-name  reason` lines of `tests/corpus-skips.txt`.
pub fn skips() -> Vec<(String, String)> {
    let text = include_str!("../corpus-skips.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (name.to_string(), reason.trim().to_string())
        })
        .collect()
}
