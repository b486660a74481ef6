//! The Task resources of an executor's machines, read once when it is built and found by the
//! address of the resource text: what each names and, for a function ARN, its handler.

use std::collections::HashMap;
use std::sync::Arc;

use super::lambda::{FunctionRef, Functions, Handler};
use super::scopes::{TextAddress, text_address};
use super::task::Target;
use crate::asl::{State, StateMachine};

/// A function ARN resource, looked up among the registered functions.
pub(crate) struct Function {
    /// The function's name and qualifier, as the resource gives them.
    pub(crate) reference: FunctionRef,
    /// The registered handler, when there is one.
    pub(crate) handler: Option<Arc<dyn Handler>>,
    /// The full ARN the handler is invoked by (its context's `invoked_function_arn`).
    pub(crate) invoked_arn: String,
}

/// What a Task's `Resource` names, read once.
pub(crate) struct Resource {
    /// The resource text itself, which a hit by address is checked against.
    text: String,
    pub(crate) target: Target,
    /// For a function ARN that reads as a function reference: the function.
    pub(crate) function: Option<Function>,
}

impl Resource {
    /// Reads `text` and, when it is a function ARN, finds its handler.
    pub(crate) fn resolve(
        text: &str,
        functions: &Functions,
        region: &str,
        account: &str,
    ) -> Resource {
        let target = Target::parse(text);
        let function = match &target {
            Target::LambdaArn(arn) => FunctionRef::parse(arn).map(|reference| Function {
                handler: functions.find(&reference),
                invoked_arn: reference.arn(region, account),
                reference,
            }),
            Target::Service { .. } | Target::Other(_) => None,
        };
        Resource {
            text: text.to_string(),
            target,
            function,
        }
    }
}

/// The resources of some machines' Task states, keyed by the address and length of their text.
/// The machines are held (in `Arc`s) as long as this is; a hit is checked against the text, so
/// a resource from anywhere else is not found (and is read where it is used).
#[derive(Default)]
pub(crate) struct Resources {
    by_address: HashMap<TextAddress, Resource, foldhash::fast::RandomState>,
}

impl Resources {
    /// The resources of these machines' Task states (Map and Parallel scopes included).
    pub(crate) fn of<'a>(
        machines: impl IntoIterator<Item = &'a StateMachine>,
        functions: &Functions,
        region: &str,
        account: &str,
    ) -> Self {
        let mut resources = Resources::default();
        for scope in super::scopes::scopes(machines) {
            for state in scope.states.values() {
                if let State::Task(task) = state {
                    let resource = Resource::resolve(&task.resource, functions, region, account);
                    resources
                        .by_address
                        .insert(text_address(&task.resource), resource);
                }
            }
        }
        resources
    }

    /// The resource read from `text`, when `text` is one of these machines' own.
    pub(crate) fn get(&self, text: &str) -> Option<&Resource> {
        if self.by_address.is_empty() {
            return None;
        }
        self.by_address
            .get(&text_address(text))
            .filter(|resource| resource.text == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_are_found_by_their_text_and_read_once() {
        let machine = crate::exec::scopes::machine(
            r#"{"StartAt": "P", "States": {
                "P": {"Type": "Parallel", "Next": "Q", "Branches": [{"StartAt": "F", "States": {
                    "F": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f:7", "End": true}}}]},
                "Q": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Next": "G"},
                "G": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:g", "End": true}}}"#,
        );
        let mut functions = Functions::default();
        let handler = |payload: serde_json::Value, _: super::super::lambda::InvokeContext| async {
            Ok(payload)
        };
        functions.insert("f", Arc::new(handler));
        let resources = Resources::of([&machine], &functions, "eu-west-1", "2");
        let task = |name: &str| match &machine.states[name] {
            State::Task(task) => task.resource.as_str(),
            State::Parallel(parallel) => match &parallel.branches[0].states["F"] {
                State::Task(task) => task.resource.as_str(),
                _ => panic!("F is a Task state"),
            },
            _ => panic!("{name} is a Task or a Parallel state"),
        };

        let f = resources.get(task("P")).and_then(|r| r.function.as_ref());
        let f = f.expect("a function ARN in a branch is read");
        assert_eq!(f.reference.qualifier.as_deref(), Some("7"));
        assert!(f.handler.is_some());
        assert_eq!(f.invoked_arn, "arn:aws:lambda:eu-west-1:2:function:f:7");

        let g = resources.get(task("G")).and_then(|r| r.function.as_ref());
        assert!(g.expect("g reads as a function").handler.is_none());

        let q = resources
            .get(task("Q"))
            .expect("a service integration is read");
        assert!(matches!(&q.target, Target::Service { service, .. } if service == "sqs"));
        assert!(q.function.is_none());

        // The same text held elsewhere is not one of the machine's own.
        let copy = String::from(task("Q"));
        assert!(resources.get(&copy).is_none());
    }
}
