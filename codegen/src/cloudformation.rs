//! SAM (`AWS::Serverless::StateMachine`) resources and templates, as CloudFormation JSON.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use statewright_core::asl::StateMachine;

use crate::arn::Home;
use crate::iam::{POLICY_VERSION, statements};
use crate::placeholder::{self, Placeholder, PlaceholderKind};

/// The transform that turns `AWS::Serverless::*` resources into CloudFormation.
pub const SAM_TRANSFORM: &str = "AWS::Serverless-2016-10-31";

/// The CloudFormation value a placeholder stands for, by its suffix:
///
/// | placeholder | value |
/// |---|---|
/// | `XFunctionArn`, `XQueueArn`, `XTableArn` | `{"Fn::GetAtt": ["X", "Arn"]}` |
/// | `XStateMachineName` | `{"Fn::GetAtt": ["X", "Name"]}` |
/// | `XQueueUrl`, `XTopicArn`, `XStateMachineArn`, `XTableName`, `XBucketName` | `{"Ref": "X"}` |
/// | any other name `N` | `{"Ref": "N"}`: a template parameter, a resource or a pseudo parameter |
pub fn substitution_for(name: &str) -> Value {
    let Some(Placeholder { resource, kind }) = Placeholder::parse(name) else {
        return json!({ "Ref": name });
    };
    match kind {
        PlaceholderKind::FunctionArn | PlaceholderKind::QueueArn | PlaceholderKind::TableArn => {
            json!({ "Fn::GetAtt": [resource, "Arn"] })
        }
        PlaceholderKind::StateMachineName => json!({ "Fn::GetAtt": [resource, "Name"] }),
        PlaceholderKind::QueueUrl
        | PlaceholderKind::TopicArn
        | PlaceholderKind::StateMachineArn
        | PlaceholderKind::TableName
        | PlaceholderKind::BucketName => json!({ "Ref": resource }),
    }
}

/// `DefinitionSubstitutions`: one entry per placeholder of the definition, sorted by name.
pub fn definition_substitutions(machine: &StateMachine) -> Map<String, Value> {
    let names: BTreeMap<String, Value> = placeholder::find_all(machine)
        .into_iter()
        .map(|found| {
            let value = substitution_for(&found.name);
            (found.name, value)
        })
        .collect();
    names.into_iter().collect()
}

/// A resource ARN for CloudFormation: as it is, or through `Fn::Sub` when it holds
/// `${...}` (placeholders of a known kind get their values in the variable map; other names
/// and pseudo parameters such as `${AWS::Region}` resolve as `Fn::Sub` resolves them).
fn sub_resource(text: &str) -> Value {
    let names: Vec<&str> = placeholder::names_in(text).collect();
    if names.is_empty() {
        return Value::String(text.to_string());
    }
    let variables: BTreeMap<&str, Value> = names
        .iter()
        .filter(|name| Placeholder::parse(name).is_some())
        .map(|name| (*name, substitution_for(name)))
        .collect();
    if variables.is_empty() {
        json!({ "Fn::Sub": text })
    } else {
        json!({ "Fn::Sub": [text, variables] })
    }
}

/// The role's inline policy for SAM's `Policies`, resources through `Fn::Sub` where needed;
/// `None` when the state machine needs no permissions.
fn sam_policy(machine: &StateMachine) -> Option<Value> {
    let statements: Vec<Value> = statements(machine, &Home::Stack)
        .into_iter()
        .map(|statement| {
            json!({
                "Sid": statement.sid,
                "Effect": statement.effect,
                "Action": statement.actions,
                "Resource": statement.resources.iter().map(|r| sub_resource(r)).collect::<Vec<_>>(),
            })
        })
        .collect();
    (!statements.is_empty()).then(|| json!({ "Version": POLICY_VERSION, "Statement": statements }))
}

/// An `AWS::Serverless::StateMachine` resource for the definition, as the one-entry
/// `Resources` object `{logical_name: {"Type": ..., "Properties": ...}}` to merge into a
/// template.
///
/// `DefinitionUri` when given (a path next to the template, or an `s3://` URI), else the
/// definition inline as `Definition`; `DefinitionSubstitutions` for its placeholders; and
/// `Policies` with the least-privilege statements of [`crate::iam_policy`], whose implicit
/// region and account are the stack's. `logical_name` is used as given: CloudFormation wants
/// letters and digits.
pub fn sam_resource(
    logical_name: &str,
    machine: &StateMachine,
    definition_uri: Option<&str>,
) -> Value {
    let mut properties = Map::new();
    match definition_uri {
        Some(uri) => properties.insert("DefinitionUri".into(), json!(uri)),
        None => properties.insert("Definition".into(), machine.to_value()),
    };
    let substitutions = definition_substitutions(machine);
    if !substitutions.is_empty() {
        properties.insert(
            "DefinitionSubstitutions".into(),
            Value::Object(substitutions),
        );
    }
    if let Some(policy) = sam_policy(machine) {
        properties.insert("Policies".into(), json!([policy]));
    }
    json!({
        logical_name: {
            "Type": "AWS::Serverless::StateMachine",
            "Properties": properties,
        }
    })
}

/// A whole SAM template holding the state machine as `logical_name`.
///
/// Placeholders of an unknown kind become `String` parameters. Those of a known kind refer
/// to resources `X` (functions, queues, topics, tables) that the template does not define:
/// merge it into the template that does, or deploy it in one.
pub fn sam_template(
    logical_name: &str,
    machine: &StateMachine,
    definition_uri: Option<&str>,
) -> Value {
    let mut template = Map::new();
    template.insert("AWSTemplateFormatVersion".into(), json!("2010-09-09"));
    template.insert("Transform".into(), json!(SAM_TRANSFORM));
    if let Some(comment) = &machine.comment {
        template.insert("Description".into(), json!(comment));
    }
    let parameters: Map<String, Value> = definition_substitutions(machine)
        .into_iter()
        .filter(|(name, _)| {
            Placeholder::parse(name).is_none()
                && !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphanumeric())
        })
        .map(|(name, _)| (name, json!({ "Type": "String" })))
        .collect();
    if !parameters.is_empty() {
        template.insert("Parameters".into(), Value::Object(parameters));
    }
    template.insert(
        "Resources".into(),
        sam_resource(logical_name, machine, definition_uri),
    );
    Value::Object(template)
}

/// A CloudFormation logical ID from a file or workflow name: `lambda-orchestration` ->
/// `LambdaOrchestration`; `None` when the name has no letter or digit.
pub fn logical_id(name: &str) -> Option<String> {
    let id: String = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    (!id.is_empty()).then_some(id)
}
