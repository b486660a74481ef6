//! `${Name}` placeholders (CloudFormation `DefinitionSubstitutions`) and what their suffix names.

use serde_json::Value;
use statewright_core::asl::StateMachine;
use statewright_core::json::escape_pointer_token;

/// What a placeholder stands for, decided by the suffix of its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceholderKind {
    /// `${XFunctionArn}`: the ARN of the Lambda function `X`.
    FunctionArn,
    /// `${XQueueUrl}`: the URL of the SQS queue `X`.
    QueueUrl,
    /// `${XQueueArn}`: the ARN of the SQS queue `X`.
    QueueArn,
    /// `${XTopicArn}`: the ARN of the SNS topic `X`.
    TopicArn,
    /// `${XStateMachineArn}`: the ARN of the state machine `X`.
    StateMachineArn,
    /// `${XStateMachineName}`: the name of the state machine `X`.
    StateMachineName,
    /// `${XTableName}`: the name of the DynamoDB table `X`.
    TableName,
    /// `${XTableArn}`: the ARN of the DynamoDB table `X`.
    TableArn,
    /// `${XBucketName}`: the name of the S3 bucket `X`.
    BucketName,
}

impl PlaceholderKind {
    /// Every kind, with the suffix that names it.
    pub const ALL: [(PlaceholderKind, &'static str); 9] = [
        (PlaceholderKind::FunctionArn, "FunctionArn"),
        (PlaceholderKind::QueueUrl, "QueueUrl"),
        (PlaceholderKind::QueueArn, "QueueArn"),
        (PlaceholderKind::TopicArn, "TopicArn"),
        (PlaceholderKind::StateMachineArn, "StateMachineArn"),
        (PlaceholderKind::StateMachineName, "StateMachineName"),
        (PlaceholderKind::TableName, "TableName"),
        (PlaceholderKind::TableArn, "TableArn"),
        (PlaceholderKind::BucketName, "BucketName"),
    ];

    /// The suffix that names this kind, e.g. `FunctionArn`.
    pub fn suffix(self) -> &'static str {
        PlaceholderKind::ALL
            .iter()
            .find(|(kind, _)| *kind == self)
            .map_or("", |(_, suffix)| suffix)
    }
}

/// A placeholder name split into its resource (`X`) and kind, e.g. `ChargeFunctionArn`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Placeholder {
    /// The resource's logical name: the placeholder name without its suffix.
    pub resource: String,
    /// What the placeholder stands for.
    pub kind: PlaceholderKind,
}

impl Placeholder {
    /// Splits a placeholder name (without `${}`) by its suffix; `None` when no suffix is known
    /// or nothing precedes it.
    pub fn parse(name: &str) -> Option<Placeholder> {
        PlaceholderKind::ALL.iter().find_map(|(kind, suffix)| {
            let resource = name.strip_suffix(suffix)?;
            (!resource.is_empty()).then(|| Placeholder {
                resource: resource.to_string(),
                kind: *kind,
            })
        })
    }

    /// The placeholder's name, e.g. `ChargeFunctionArn`.
    pub fn name(&self) -> String {
        format!("{}{}", self.resource, self.kind.suffix())
    }

    /// The same resource seen as another kind: `${XQueueUrl}` -> `${XQueueArn}`.
    pub fn with_kind(&self, kind: PlaceholderKind) -> Placeholder {
        Placeholder {
            resource: self.resource.clone(),
            kind,
        }
    }
}

/// A piece of a string: literal text or a `${Name}` placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text copied as it is.
    Text(&'a str),
    /// The name inside `${...}`.
    Placeholder(&'a str),
}

/// Splits a string into text and placeholders. `${!Name}` (CloudFormation's escape) and an
/// unclosed or empty `${` are text.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut literal_start = 0;
    let mut offset = 0;
    while let Some(open) = rest.find("${") {
        let after = &rest[open + 2..];
        let name_len = after
            .find(|c: char| c == '}' || c == '$' || c == '{' || c.is_whitespace())
            .filter(|&end| after[end..].starts_with('}'));
        match name_len {
            Some(len) if len > 0 && !after.starts_with('!') => {
                let start = offset + open;
                if start > literal_start {
                    out.push(Segment::Text(&text[literal_start..start]));
                }
                out.push(Segment::Placeholder(&after[..len]));
                let consumed = open + 2 + len + 1;
                offset += consumed;
                literal_start = offset;
                rest = &rest[consumed..];
            }
            _ => {
                offset += open + 2;
                rest = &rest[open + 2..];
            }
        }
    }
    if literal_start < text.len() {
        out.push(Segment::Text(&text[literal_start..]));
    }
    out
}

/// The placeholder names in a string, in order of appearance.
pub fn names_in(text: &str) -> impl Iterator<Item = &str> {
    segments(text)
        .into_iter()
        .filter_map(|segment| match segment {
            Segment::Placeholder(name) => Some(name),
            Segment::Text(_) => None,
        })
}

/// A placeholder found in a definition, and the JSON Pointer of the string that holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The name inside `${...}`.
    pub name: String,
    /// The JSON Pointer (RFC 6901) of the string (or object key) that holds it.
    pub pointer: String,
}

/// Every placeholder of a definition, in document order, repeats included.
pub fn find_all(machine: &StateMachine) -> Vec<Found> {
    let mut found = Vec::new();
    collect(&machine.to_value(), &mut String::new(), &mut found);
    found
}

fn record(text: &str, pointer: &str, found: &mut Vec<Found>) {
    found.extend(names_in(text).map(|name| Found {
        name: name.to_string(),
        pointer: pointer.to_string(),
    }));
}

fn collect(value: &Value, pointer: &mut String, found: &mut Vec<Found>) {
    match value {
        Value::String(text) => record(text, pointer, found),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{index}"));
                collect(item, pointer, found);
                pointer.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(key));
                record(key, pointer, found);
                collect(item, pointer, found);
                pointer.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_text_and_names() {
        assert_eq!(
            segments("arn:${P}:x:${Name}/tail"),
            [
                Segment::Text("arn:"),
                Segment::Placeholder("P"),
                Segment::Text(":x:"),
                Segment::Placeholder("Name"),
                Segment::Text("/tail"),
            ]
        );
    }

    #[test]
    fn escaped_unclosed_and_empty_dollar_braces_are_text() {
        assert_eq!(
            segments("${!Lit} ${} ${open"),
            [Segment::Text("${!Lit} ${} ${open")]
        );
        assert_eq!(
            segments("${a b}${X}"),
            [Segment::Text("${a b}"), Segment::Placeholder("X")]
        );
    }

    #[test]
    fn suffix_decides_the_kind() {
        assert_eq!(
            Placeholder::parse("OrdersStateMachineName"),
            Some(Placeholder {
                resource: "Orders".into(),
                kind: PlaceholderKind::StateMachineName
            })
        );
        assert_eq!(Placeholder::parse("FunctionArn"), None);
        assert_eq!(Placeholder::parse("OrdersThing"), None);
    }
}
