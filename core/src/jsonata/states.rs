//! `$states` as an expression sees it, bound straight from its members: the context object is
//! built (and converted) only for an expression that can read it.

use indexmap::IndexMap;
use jsonata_core::value::JValue;

use super::jvalue::to_jvalue;
use crate::value::Value;

/// The members of `$states` for one evaluation.
pub struct States<'a> {
    /// `$states.input`, also the context value `$`.
    pub input: &'a Value,
    /// `$states.result`, after a Task, Parallel or Map state's work.
    pub result: Option<&'a Value>,
    /// `$states.errorOutput`, in a Catcher.
    pub error_output: Option<&'a Value>,
    /// `$states.context`: built only when the expression can read it.
    pub context: &'a (dyn ContextObject + Sync),
}

/// Builds the context object on demand.
pub trait ContextObject {
    /// The context object (`$states.context`).
    fn context_object(&self) -> Value;
}

impl<F: Fn() -> Value> ContextObject for F {
    fn context_object(&self) -> Value {
        self()
    }
}

impl States<'_> {
    /// `$states` for the engine, its input already converted (it is also `$`); with the
    /// context object when `with_context`. Members are in the order AWS gives them.
    pub(crate) fn to_jvalue(&self, input: &JValue, with_context: bool) -> JValue {
        let mut members = IndexMap::with_capacity(4);
        members.insert("input".to_string(), input.clone());
        if with_context {
            members.insert(
                "context".to_string(),
                to_jvalue(&self.context.context_object()),
            );
        }
        if let Some(result) = self.result {
            members.insert("result".to_string(), to_jvalue(result));
        }
        if let Some(error_output) = self.error_output {
            members.insert("errorOutput".to_string(), to_jvalue(error_output));
        }
        JValue::object(members)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::json;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn the_context_is_built_only_when_asked_for() {
        let input = json!({"n": 1});
        let result = json!([2]);
        let built = AtomicUsize::new(0);
        let context = || {
            built.fetch_add(1, Ordering::Relaxed);
            json!({"State": {"Name": "S"}})
        };
        let states = States {
            input: &input,
            result: Some(&result),
            error_output: None,
            context: &context,
        };
        let converted = to_jvalue(&input);
        assert_eq!(
            states.to_jvalue(&converted, false),
            to_jvalue(&json!({"input": {"n": 1}, "result": [2]}))
        );
        assert_eq!(built.load(Ordering::Relaxed), 0);
        assert_eq!(
            states.to_jvalue(&converted, true),
            to_jvalue(
                &json!({"input": {"n": 1}, "context": {"State": {"Name": "S"}}, "result": [2]})
            )
        );
        assert_eq!(built.load(Ordering::Relaxed), 1);
    }
}
