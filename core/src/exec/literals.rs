//! The JSON literals of an executor's machines (a Pass `Result`, a JSONPath `Assign` block,
//! a Choice operand), converted to shared values once when it is built and found by the
//! address of the literal: a state entry clones them instead of converting them again.

use std::borrow::Cow;
use std::collections::HashMap;

use indexmap::IndexMap;

use crate::asl::{Catcher, ChoiceRule, State};

use super::scopes::{FromScopes, Scope};
use crate::value::{Map, Value};

type ByAddress<T> = HashMap<usize, T, foldhash::fast::RandomState>;

/// The converted literals of some machines. The machines are held (in `Arc`s) as long as this
/// is, so no other value has the address of one of theirs; a literal from elsewhere is
/// converted where it is read.
#[derive(Debug, Default)]
pub(crate) struct Literals {
    values: ByAddress<Value>,
    blocks: ByAddress<Map>,
}

fn address<T>(literal: &T) -> usize {
    std::ptr::from_ref(literal).addr()
}

impl FromScopes for Literals {
    fn add_scope(&mut self, scope: Scope<'_>) {
        self.add(scope.states);
    }
}

impl Literals {
    /// `literal` as a shared value.
    pub(crate) fn value(&self, literal: &serde_json::Value) -> Cow<'_, Value> {
        match self.values.get(&address(literal)) {
            Some(converted) => Cow::Borrowed(converted),
            None => Cow::Owned(Value::from(literal)),
        }
    }

    /// An `Assign` block as a shared object.
    pub(crate) fn block(&self, block: &serde_json::Map<String, serde_json::Value>) -> Cow<'_, Map> {
        match self.blocks.get(&address(block)) {
            Some(converted) => Cow::Borrowed(converted),
            None => Cow::Owned(convert_block(block)),
        }
    }

    fn add(&mut self, states: &IndexMap<String, State>) {
        for state in states.values() {
            self.add_block(state.assign());
            match state {
                State::Pass(pass) => self.add_value(pass.result.as_ref()),
                State::Choice(choice) => {
                    for rule in &choice.choices {
                        self.add_rule(rule);
                    }
                }
                State::Task(task) => self.add_catchers(task.catch.as_deref()),
                State::Parallel(parallel) => self.add_catchers(parallel.catch.as_deref()),
                State::Map(map) => self.add_catchers(map.catch.as_deref()),
                State::Wait(_) | State::Succeed(_) | State::Fail(_) => {}
            }
        }
    }

    fn add_rule(&mut self, rule: &ChoiceRule) {
        for rule in super::scopes::rules(rule) {
            self.add_block(rule.assign.as_ref());
            if let Some(comparison) = &rule.comparison {
                self.add_value(Some(&comparison.operand));
            }
        }
    }

    fn add_catchers(&mut self, catchers: Option<&[Catcher]>) {
        for catcher in catchers.into_iter().flatten() {
            self.add_block(catcher.assign.as_ref());
        }
    }

    fn add_value(&mut self, literal: Option<&serde_json::Value>) {
        if let Some(literal) = literal {
            self.values.insert(address(literal), Value::from(literal));
        }
    }

    fn add_block(&mut self, block: Option<&serde_json::Map<String, serde_json::Value>>) {
        if let Some(block) = block {
            self.blocks.insert(address(block), convert_block(block));
        }
    }
}

fn convert_block(block: &serde_json::Map<String, serde_json::Value>) -> Map {
    block
        .iter()
        .map(|(key, value)| (key.as_str(), Value::from(value)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_converted_once_and_others_where_read() {
        let machine = crate::exec::scopes::machine(
            r#"{"StartAt": "P", "States": {
                "P": {"Type": "Pass", "Result": {"a": [1]}, "Assign": {"x.$": "$.a"}, "Next": "C"},
                "C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.a", "StringEquals": "z"},
                      "Next": "P"}], "Default": "E"},
                "E": {"Type": "Succeed"}}}"#,
        );
        let literals = Literals::of([&machine]);
        let State::Pass(pass) = &machine.states["P"] else {
            unreachable!("P is a Pass state")
        };
        let result = pass.result.as_ref().unwrap();
        assert!(matches!(literals.value(result), Cow::Borrowed(v) if *v == *result));
        let assign = pass.assign.as_ref().unwrap();
        assert!(matches!(literals.block(assign), Cow::Borrowed(b) if b.len() == 1));
        let State::Choice(choice) = &machine.states["C"] else {
            unreachable!("C is a Choice state")
        };
        let operand = &choice.choices[0]
            .not
            .as_ref()
            .unwrap()
            .comparison
            .as_ref()
            .unwrap()
            .operand;
        assert!(matches!(literals.value(operand), Cow::Borrowed(v) if *v == "z"));
        let elsewhere = serde_json::json!({"a": [1]});
        assert!(matches!(literals.value(&elsewhere), Cow::Owned(v) if v == elsewhere));
    }
}
