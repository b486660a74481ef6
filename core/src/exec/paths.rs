//! The JSONPaths of an executor's machines (`InputPath`, `OutputPath`, `ResultPath`, `ItemsPath`,
//! Choice variables and path operands), parsed once when it is built and found by the address
//! of their text: a state entry reads its paths without hashing or comparing their text.

use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexMap;

use crate::asl::{Catcher, ChoiceRule, State};

use super::scopes::{FromScopes, Scope, TextAddress, text_address};
use crate::path::{Path, PathError, parse_path, parse_reference_path};

/// The parsed paths of some machines. The machines are held (in `Arc`s) as long as this is,
/// so no other live text has the address of one of theirs. A text from elsewhere, or one
/// that does not parse (its error is reported where it is read), is not found here.
#[derive(Debug, Default)]
pub(crate) struct Paths {
    /// Paths read from the input, the context object or a variable.
    paths: Parsed,
    /// Reference paths: where `ResultPath` places a result; shared with the run loop's plans.
    references: Parsed,
}

/// Parsed paths of one kind, found by the address of their text. Equal texts share one parse,
/// and so the names in it: the key a `ResultPath` adds to its objects is one shared `Str`, not
/// one per state that writes the path.
#[derive(Debug, Default)]
struct Parsed {
    by_address: HashMap<TextAddress, Arc<Path>, foldhash::fast::RandomState>,
    by_text: HashMap<Box<str>, Arc<Path>, foldhash::fast::RandomState>,
}

impl Parsed {
    fn get(&self, text: &str) -> Option<&Arc<Path>> {
        self.by_address.get(&text_address(text))
    }

    /// Keeps the parse of `text`, when there is a text and it parses: the one of an equal
    /// text when there is one.
    fn add(&mut self, text: Option<&str>, parse: fn(&str) -> Result<Path, PathError>) {
        let Some(text) = text else {
            return;
        };
        let path = match self.by_text.get(text) {
            Some(path) => Arc::clone(path),
            None => {
                let Ok(path) = parse(text) else {
                    return;
                };
                let path = Arc::new(path);
                self.by_text.insert(Box::from(text), Arc::clone(&path));
                path
            }
        };
        self.by_address.insert(text_address(text), path);
    }
}

impl FromScopes for Paths {
    fn add_scope(&mut self, scope: Scope<'_>) {
        self.add(scope.states);
    }
}

impl Paths {
    /// The parsed path of `text`, when it is one of these machines' own and parses.
    pub(crate) fn path(&self, text: &str) -> Option<&Path> {
        self.paths.get(text).map(|path| &**path)
    }

    /// The parsed reference path of `text` (a `ResultPath`), when it is one of these
    /// machines' own and parses.
    pub(crate) fn reference(&self, text: &str) -> Option<&Arc<Path>> {
        self.references.get(text)
    }

    fn add(&mut self, states: &IndexMap<String, State>) {
        for state in states.values() {
            let (input_path, output_path, result_path) = match state {
                State::Pass(s) => (&s.input_path, &s.output_path, &s.result_path),
                State::Task(s) => (&s.input_path, &s.output_path, &s.result_path),
                State::Map(s) => (&s.input_path, &s.output_path, &s.result_path),
                State::Parallel(s) => (&s.input_path, &s.output_path, &s.result_path),
                State::Choice(s) => (&s.input_path, &s.output_path, &None),
                State::Wait(s) => (&s.input_path, &s.output_path, &None),
                State::Succeed(s) => (&s.input_path, &s.output_path, &None),
                State::Fail(_) => (&None, &None, &None),
            };
            self.add_path(input_path.as_ref().and_then(Option::as_deref));
            self.add_path(output_path.as_ref().and_then(Option::as_deref));
            self.add_reference(result_path.as_ref().and_then(Option::as_deref));
            match state {
                State::Choice(choice) => choice.choices.iter().for_each(|r| self.add_rule(r)),
                State::Map(map) => {
                    self.add_path(map.items_path.as_deref());
                    self.add_catchers(map.catch.as_deref());
                }
                State::Task(task) => self.add_catchers(task.catch.as_deref()),
                State::Parallel(parallel) => self.add_catchers(parallel.catch.as_deref()),
                State::Pass(_) | State::Wait(_) | State::Succeed(_) | State::Fail(_) => {}
            }
        }
    }

    fn add_rule(&mut self, rule: &ChoiceRule) {
        for rule in super::scopes::rules(rule) {
            self.add_path(rule.variable.as_deref());
            if let Some(comparison) = &rule.comparison
                && comparison.operator.operand_kind() == crate::asl::OperandKind::Path
            {
                self.add_path(comparison.operand.as_str());
            }
        }
    }

    fn add_catchers(&mut self, catchers: Option<&[Catcher]>) {
        for catcher in catchers.into_iter().flatten() {
            self.add_reference(catcher.result_path.as_ref().and_then(Option::as_deref));
        }
    }

    fn add_path(&mut self, text: Option<&str>) {
        self.paths.add(text, parse_path);
    }

    fn add_reference(&mut self, text: Option<&str>) {
        self.references.add(text, parse_reference_path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_machines_paths_are_found_by_their_text_and_others_are_not() {
        let machine = crate::exec::scopes::machine(
            r#"{"StartAt": "P", "States": {
                "P": {"Type": "Pass", "InputPath": "$.in", "ResultPath": "$.r", "Next": "C"},
                "C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.a",
                      "NumericEqualsPath": "$.b"}, "Next": "P"}], "Default": "E"},
                "E": {"Type": "Succeed", "OutputPath": "$.out"}}}"#,
        );
        let paths = Paths::of([&machine]);
        let State::Pass(pass) = &machine.states["P"] else {
            unreachable!("P is a Pass state")
        };
        let input_path = pass.input_path.as_ref().unwrap().as_deref().unwrap();
        assert_eq!(paths.path(input_path), parse_path("$.in").ok().as_ref());
        let result_path = pass.result_path.as_ref().unwrap().as_deref().unwrap();
        assert_eq!(
            paths.reference(result_path).map(|path| &**path),
            parse_reference_path("$.r").ok().as_ref()
        );
        assert!(
            paths.path(result_path).is_none(),
            "a reference path is not a read"
        );
        let State::Choice(choice) = &machine.states["C"] else {
            unreachable!("C is a Choice state")
        };
        let rule = choice.choices[0].not.as_ref().unwrap();
        assert!(paths.path(rule.variable.as_deref().unwrap()).is_some());
        let operand = rule.comparison.as_ref().unwrap().operand.as_str().unwrap();
        assert!(paths.path(operand).is_some());
        // The same text held elsewhere is read by the caller's own parse.
        assert!(paths.path(&String::from("$.in")).is_none());
    }

    #[test]
    fn equal_texts_share_one_parse() {
        let machine = crate::exec::scopes::machine(
            r#"{"StartAt": "A", "States": {
                "A": {"Type": "Pass", "ResultPath": "$.r", "Next": "B"},
                "B": {"Type": "Pass", "ResultPath": "$.r", "InputPath": "$.r", "End": true}}}"#,
        );
        let paths = Paths::of([&machine]);
        let result_path = |name: &str| {
            let State::Pass(pass) = &machine.states[name] else {
                unreachable!("{name} is a Pass state")
            };
            pass.result_path.as_ref().unwrap().as_deref().unwrap()
        };
        let (a, b) = (result_path("A"), result_path("B"));
        assert_ne!(text_address(a), text_address(b));
        assert!(Arc::ptr_eq(
            paths.reference(a).unwrap(),
            paths.reference(b).unwrap()
        ));
        // A reference path and a path of the same text are parsed each as its kind.
        let State::Pass(pass) = &machine.states["B"] else {
            unreachable!("B is a Pass state")
        };
        let input_path = pass.input_path.as_ref().unwrap().as_deref().unwrap();
        assert_eq!(paths.path(input_path), parse_path("$.r").ok().as_ref());
    }
}
