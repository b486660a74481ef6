//! Deployment names: fills `${Placeholder}` strings with the ARNs, URLs and names of one stack.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use statewright_core::asl::StateMachine;
use statewright_core::json::escape_pointer_token;

use crate::placeholder::{Placeholder, PlaceholderKind, Segment, segments};

/// Where a state machine is deployed and how its resources are named.
///
/// A placeholder `${XKind}` names the resource `{prefix}X`; see [`Naming::value_of`] for each
/// suffix. Read from JSON such as
/// `{"region": "eu-west-1", "account": "111122223333", "prefix": "prod-"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Naming {
    /// The AWS partition: `aws` (the default), `aws-cn`, `aws-us-gov`.
    #[serde(default = "default_partition")]
    pub partition: String,
    /// The region, e.g. `us-east-1`.
    pub region: String,
    /// The 12-digit account ID.
    pub account: String,
    /// Put before every resource name (`prod-` makes `${ChargeFunctionArn}` name `prod-Charge`).
    #[serde(default)]
    pub prefix: String,
    /// Exact values by placeholder name (without `${}`); they win over the suffix rules.
    #[serde(default)]
    pub overrides: BTreeMap<String, String>,
}

fn default_partition() -> String {
    "aws".to_string()
}

/// A placeholder that could not be filled in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NamingError {
    /// The placeholder's name ends in no known suffix and `overrides` does not name it.
    #[error(
        "{pointer}: the placeholder `${{{name}}}` ends in no known suffix (FunctionArn, \
         QueueUrl, QueueArn, TopicArn, StateMachineArn, StateMachineName, TableName, TableArn, \
         BucketName); rename it or give its value in `overrides`"
    )]
    UnknownPlaceholder {
        /// The name inside `${...}`.
        name: String,
        /// The JSON Pointer of the string that holds it.
        pointer: String,
    },
    /// The filled-in definition no longer fits the ASL model (a placeholder in an object key
    /// became a field the language does not have).
    #[error("the definition with its placeholders filled in is not ASL: {0}")]
    NotAsl(String),
}

impl Naming {
    /// A naming for one region and account, partition `aws`, no prefix or overrides.
    pub fn new(region: impl Into<String>, account: impl Into<String>) -> Naming {
        Naming {
            partition: default_partition(),
            region: region.into(),
            account: account.into(),
            prefix: String::new(),
            overrides: BTreeMap::new(),
        }
    }

    /// The value of a placeholder name (without `${}`), or `None` when neither `overrides`
    /// nor a known suffix gives one.
    ///
    /// | suffix | value |
    /// |---|---|
    /// | `FunctionArn` | `arn:{partition}:lambda:{region}:{account}:function:{prefix}X` |
    /// | `QueueUrl` | `https://sqs.{region}.amazonaws.com/{account}/{prefix}X` |
    /// | `QueueArn` | `arn:{partition}:sqs:{region}:{account}:{prefix}X` |
    /// | `TopicArn` | `arn:{partition}:sns:{region}:{account}:{prefix}X` |
    /// | `StateMachineArn` | `arn:{partition}:states:{region}:{account}:stateMachine:{prefix}X` |
    /// | `StateMachineName`, `TableName`, `BucketName` | `{prefix}X` |
    /// | `TableArn` | `arn:{partition}:dynamodb:{region}:{account}:table/{prefix}X` |
    pub fn value_of(&self, name: &str) -> Option<String> {
        if let Some(value) = self.overrides.get(name) {
            return Some(value.clone());
        }
        let placeholder = Placeholder::parse(name)?;
        let Naming {
            partition: p,
            region: r,
            account: a,
            ..
        } = self;
        let x = format!("{}{}", self.prefix, placeholder.resource);
        Some(match placeholder.kind {
            PlaceholderKind::FunctionArn => format!("arn:{p}:lambda:{r}:{a}:function:{x}"),
            PlaceholderKind::QueueUrl => {
                format!("https://sqs.{r}.{}/{a}/{x}", self.dns_suffix())
            }
            PlaceholderKind::QueueArn => format!("arn:{p}:sqs:{r}:{a}:{x}"),
            PlaceholderKind::TopicArn => format!("arn:{p}:sns:{r}:{a}:{x}"),
            PlaceholderKind::StateMachineArn => {
                format!("arn:{p}:states:{r}:{a}:stateMachine:{x}")
            }
            PlaceholderKind::TableArn => format!("arn:{p}:dynamodb:{r}:{a}:table/{x}"),
            PlaceholderKind::StateMachineName
            | PlaceholderKind::TableName
            | PlaceholderKind::BucketName => x,
        })
    }

    /// The domain of the partition's service endpoints.
    fn dns_suffix(&self) -> &'static str {
        if self.partition == "aws-cn" {
            "amazonaws.com.cn"
        } else {
            "amazonaws.com"
        }
    }

    /// Fills every placeholder of one string; `pointer` says where the string is, for errors.
    pub fn resolve_text(&self, text: &str, pointer: &str) -> Result<String, NamingError> {
        let mut out = String::with_capacity(text.len());
        for segment in segments(text) {
            match segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Placeholder(name) => {
                    let value =
                        self.value_of(name)
                            .ok_or_else(|| NamingError::UnknownPlaceholder {
                                name: name.to_string(),
                                pointer: if pointer.is_empty() { "/" } else { pointer }.to_string(),
                            })?;
                    out.push_str(&value);
                }
            }
        }
        Ok(out)
    }

    /// The definition with every placeholder of every string (values and keys, at any depth:
    /// Parallel branches, Map processors) filled in.
    pub fn resolve(&self, machine: &StateMachine) -> Result<StateMachine, NamingError> {
        let resolved = self.resolve_value(&machine.to_value(), &mut String::new())?;
        StateMachine::from_value(resolved).map_err(|e| NamingError::NotAsl(e.to_string()))
    }

    fn resolve_value(&self, value: &Value, pointer: &mut String) -> Result<Value, NamingError> {
        Ok(match value {
            Value::String(text) => Value::String(self.resolve_text(text, pointer)?),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    let len = pointer.len();
                    pointer.push_str(&format!("/{index}"));
                    out.push(self.resolve_value(item, pointer)?);
                    pointer.truncate(len);
                }
                Value::Array(out)
            }
            Value::Object(map) => {
                let mut out = Map::with_capacity(map.len());
                for (key, item) in map {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_token(key));
                    let key = self.resolve_text(key, pointer)?;
                    out.insert(key, self.resolve_value(item, pointer)?);
                    pointer.truncate(len);
                }
                Value::Object(out)
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => value.clone(),
        })
    }
}
