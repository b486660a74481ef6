//! Payload templates compiled once: keys stripped of `.$`, paths and intrinsic calls parsed,
//! and each object's keys laid out once, so that an evaluation makes each object in one go,
//! its members in order and its JSON length counted as they are placed.

use crate::value::{Map, Str, Value};

use super::ast::Path;
use super::select::Scope;
use super::template::{DYNAMIC_SUFFIX, Template, TemplateError};
use crate::intrinsics::{Call, RandomSource, looks_like_intrinsic};

/// Templates nested deeper than this are left to the interpreter, which reports the depth
/// AWS refuses; well below its own limit, so a compiled template never reaches it.
const MAX_COMPILED_DEPTH: usize = 64;

/// A payload template ready to evaluate; it gives what [`super::evaluate_template_with_rng`]
/// gives for the same template.
#[derive(Debug)]
pub(crate) struct CompiledTemplate {
    root: Node,
}

#[derive(Debug)]
enum Node {
    /// A part with no `.$` member anywhere in it: copied as it is.
    Literal(Value),
    /// An object: its members in order, each with its output key (known to differ).
    Object(Vec<(Str, Member)>),
    Array(Vec<Node>),
}

#[derive(Debug)]
enum Member {
    /// A member with no `.$` in it, and its length as JSON text.
    Literal { value: Value, json_len: usize },
    /// A `.$` member naming a path; `key` keeps the suffix, as error causes quote it.
    Path {
        key: String,
        text: String,
        path: Path,
    },
    /// A `.$` member holding an intrinsic call.
    Call { key: String, call: Call },
    /// A literal member with `.$` members inside it.
    Nested(Node),
}

impl CompiledTemplate {
    /// The compiled form of `template`; `None` for a template that could fail however its
    /// input looks (a `.$` member that is no path or call, an invalid one, two members with one
    /// output key, deep nesting): the interpreter runs those and reports their errors.
    pub(crate) fn compile(template: &Value) -> Option<Self> {
        Some(CompiledTemplate {
            root: node(template, 0)?,
        })
    }

    /// Evaluates the template, drawing the random values of intrinsics from `rng`.
    pub(crate) fn evaluate(
        &self,
        scope: &Scope<'_>,
        rng: &mut dyn RandomSource,
    ) -> Result<Value, TemplateError> {
        evaluate(&self.root, &mut Template { scope, rng })
    }
}

fn node(value: &Value, depth: usize) -> Option<Node> {
    if depth > MAX_COMPILED_DEPTH {
        return None;
    }
    if !has_dynamic(value) {
        return Some(Node::Literal(value.clone()));
    }
    match value {
        Value::Object(members) => {
            let mut compiled: Vec<(Str, Member)> = Vec::with_capacity(members.len());
            for (key, member) in members {
                let (name, member) = match key.strip_suffix(DYNAMIC_SUFFIX) {
                    Some(name) => (name, dynamic(key, member)?),
                    None => match node(member, depth + 1)? {
                        Node::Literal(value) => (
                            key.as_str(),
                            Member::Literal {
                                json_len: value.json_len(),
                                value,
                            },
                        ),
                        nested => (key.as_str(), Member::Nested(nested)),
                    },
                };
                // Two members with one output key: the interpreter's overwrite order applies.
                if compiled.iter().any(|(known, _)| known.as_str() == name) {
                    return None;
                }
                compiled.push((Str::from(name), member));
            }
            Some(Node::Object(compiled))
        }
        Value::Array(items) => items
            .iter()
            .map(|item| node(item, depth + 1))
            .collect::<Option<Vec<_>>>()
            .map(Node::Array),
        other => Some(Node::Literal(other.clone())),
    }
}

/// The compiled `.$` member `key`, when its value is a valid path or intrinsic call.
fn dynamic(key: &str, member: &Value) -> Option<Member> {
    let Value::String(text) = member else {
        return None;
    };
    if looks_like_intrinsic(text) {
        let call = super::cache::check_intrinsic_cached(text);
        let call = call.as_ref().as_ref().ok()?;
        return Some(Member::Call {
            key: key.to_owned(),
            call: call.clone(),
        });
    }
    let path = super::cache::parse_path_cached(text);
    let path = path.as_ref().as_ref().ok()?;
    Some(Member::Path {
        key: key.to_owned(),
        text: text.to_string(),
        path: path.clone(),
    })
}

/// A length as JSON text not known without a walk.
const UNKNOWN_LEN: usize = usize::MAX;

/// A value with its length as JSON text ([`UNKNOWN_LEN`] when not known without a walk).
fn known(value: Value) -> (Value, usize) {
    let len = value.known_json_len().unwrap_or(UNKNOWN_LEN);
    (value, len)
}

/// Whether a `.$` member is anywhere in `value`.
fn has_dynamic(value: &Value) -> bool {
    match value {
        Value::Object(members) => members
            .iter()
            .any(|(key, member)| key.ends_with(DYNAMIC_SUFFIX) || has_dynamic(member)),
        Value::Array(items) => items.iter().any(has_dynamic),
        _ => false,
    }
}

fn evaluate(node: &Node, template: &mut Template<'_, '_, '_>) -> Result<Value, TemplateError> {
    match node {
        Node::Literal(value) => Ok(value.clone()),
        Node::Array(items) => items
            .iter()
            .map(|item| evaluate(item, template))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::from),
        Node::Object(members) => {
            let mut out = Map::with_capacity(members.len());
            let mut writer = out.writer();
            // The object's length as JSON text, while every member's is known without a walk.
            let mut json_len = 1 + members.len().max(1);
            for (key, member) in members {
                let (value, len) = match member {
                    Member::Literal { value, json_len } => (value.clone(), *json_len),
                    // Read by names first: only a miss (or another kind of path) is selected
                    // the long way, which says why it finds nothing.
                    Member::Path { key, text, path } => known(match path.find(template.scope) {
                        Some(found) => found.clone(),
                        None => template.select(key, text, path)?,
                    }),
                    Member::Call { key, call } => known(template.call(key, call)?),
                    Member::Nested(nested) => known(evaluate(nested, template)?),
                };
                if len == UNKNOWN_LEN {
                    json_len = UNKNOWN_LEN;
                } else if json_len != UNKNOWN_LEN {
                    json_len += key.json_len() + 1 + len;
                }
                writer.push(key.clone(), value);
            }
            writer.counted(if json_len == UNKNOWN_LEN { 0 } else { json_len });
            Ok(Value::Object(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::value::json;

    use super::*;
    use crate::intrinsics::SplitMix64;

    /// The compiled and the interpreted evaluation of `template` over `input`.
    fn both(
        template: &Value,
        input: &Value,
    ) -> (Result<Value, TemplateError>, Result<Value, TemplateError>) {
        let variables = Map::new();
        let scope = Scope {
            input,
            context: &json!({"Execution": {"Id": "arn"}}),
            variables: &variables,
        };
        let compiled = CompiledTemplate::compile(template)
            .expect("compiles")
            .evaluate(&scope, &mut SplitMix64::new(7));
        let interpreted =
            super::super::evaluate_template_with_rng(template, &scope, &mut SplitMix64::new(7));
        (compiled, interpreted)
    }

    #[test]
    fn compiled_templates_give_what_the_interpreter_gives() {
        let input = json!({"a": 1, "b": {"c": [1, 2]}, "s": "x"});
        for template in [
            json!({"step": 3, "value.$": "$.a"}),
            json!({"n.$": "States.MathAdd($.a, 1)", "id.$": "$$.Execution.Id"}),
            json!({"outer": {"inner.$": "$.b.c", "keep": [1, {"k.$": "$.s"}]}, "z": null}),
            json!([{"x.$": "$.a"}, 2]),
            json!({"missing.$": "$.nope"}),
            json!({"bad.$": "States.StringToJson($.s)"}),
            json!({"u.$": "States.UUID()"}),
            json!({}),
            json!({"list": [1, 2], "empty": {}, "s.$": "$.s", "deep": {"b.$": "$.b"}}),
        ] {
            let (compiled, interpreted) = both(&template, &input);
            assert_eq!(compiled, interpreted, "{template}");
            // The length counted while the object was made is its written length.
            if let Ok(output) = compiled {
                assert_eq!(output.json_len(), output.to_string().len(), "{output}");
            }
        }
    }

    #[test]
    fn templates_that_fail_as_written_are_left_to_the_interpreter() {
        for template in [
            json!({"a.$": 1}),
            json!({"a.$": "$.["}),
            json!({"a.$": "States.Nope()"}),
            json!({"a": 1, "a.$": "$.x"}),
        ] {
            assert!(CompiledTemplate::compile(&template).is_none(), "{template}");
        }
    }
}
