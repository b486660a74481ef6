//! What one Task state needs from IAM: the actions and resources of its `Resource` and arguments.
//!
//! Follows the policies the Step Functions console generates ("IAM policies for integrated
//! services"): a resource written in the definition is granted exactly; one read from the
//! input at run time (`Field.$`, a JSONata `{% %}` expression) needs `*`.

use serde_json::Value;
use statewright_core::asl::TaskState;

use crate::arn::{self, Home};
use crate::placeholder::PlaceholderKind;

/// One permission: a statement ID, its fixed set of actions, and resources to add to it.
///
/// A statement ID always carries the same actions, so merging grants by ID only unions their
/// resources and never gives one action the resources of another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Grant {
    pub sid: String,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
}

impl Grant {
    fn new(sid: &str, actions: &[&str], resources: Vec<String>) -> Grant {
        Grant {
            sid: sid.to_string(),
            actions: actions.iter().map(|a| a.to_string()).collect(),
            resources,
        }
    }
}

/// The name of the EventBridge rule Step Functions manages to learn that a `.sync` child
/// execution ended.
const SYNC_EXECUTION_RULE: &str = "StepFunctionsGetEventsForStepFunctionsExecutionRule";

/// A field of the Task's arguments as the definition gives it.
enum Arg<'a> {
    /// Written in the definition.
    Static(&'a str),
    /// Read at run time (a path, an intrinsic, a JSONata expression) or not a string.
    Dynamic,
}

/// Looks a field up in `Parameters` (JSONPath: `Field` or `Field.$`) or `Arguments` (JSONata);
/// `None` when neither names it.
fn arg<'a>(task: &'a TaskState, field: &str) -> Option<Arg<'a>> {
    let from = |value: &'a Value| -> Option<Arg<'a>> {
        let Value::Object(map) = value else {
            // `"Arguments": "{% ... %}"` builds every field at run time.
            return value.is_string().then_some(Arg::Dynamic);
        };
        if map.contains_key(&format!("{field}.$")) {
            return Some(Arg::Dynamic);
        }
        Some(match map.get(field)? {
            Value::String(text) if !text.contains("{%") => Arg::Static(text),
            _ => Arg::Dynamic,
        })
    };
    let parameters = task.parameters.as_ref().and_then(from);
    parameters.or_else(|| task.arguments.as_ref().and_then(from))
}

/// The pieces of `arn:PARTITION:states:::SERVICE:ACTION[.PATTERN]`.
struct Integration<'a> {
    partition: &'a str,
    service: &'a str,
    action: &'a str,
    sync: bool,
}

fn integration(resource: &str) -> Option<Integration<'_>> {
    let rest = resource.strip_prefix("arn:")?;
    let (partition, rest) = rest.split_once(':')?;
    let tail = rest.strip_prefix("states:::")?;
    let (service_action, pattern) = match tail.find('.') {
        Some(dot) => (&tail[..dot], &tail[dot..]),
        None => (tail, ""),
    };
    let (service, action) = service_action.split_once(':')?;
    Some(Integration {
        partition,
        service,
        action,
        sync: pattern.starts_with(".sync"),
    })
}

/// The permissions one Task state needs; empty for activities, which workers poll.
pub(crate) fn grants(task: &TaskState, home: &Home) -> Vec<Grant> {
    let resource = task.resource.as_str();
    if let Some(placeholder) = arn::whole_placeholder(resource) {
        return match placeholder.kind {
            PlaceholderKind::FunctionArn => vec![invoke(unqualified_and_versions(resource))],
            // Other placeholders name activities or resources only the user knows.
            _ => Vec::new(),
        };
    }
    let parts: Vec<&str> = resource.split(':').collect();
    match parts.as_slice() {
        ["arn", partition, "lambda", ..] => {
            let function = arn::function_ref(resource, partition, home);
            vec![invoke(function_arns(&function, None))]
        }
        ["arn", _, "states", _, _, "activity", ..] => Vec::new(),
        _ => match integration(resource) {
            Some(integration) => integration_grants(task, &integration, home),
            None => Vec::new(),
        },
    }
}

fn invoke(resources: Vec<String>) -> Grant {
    Grant::new(
        "InvokeLambdaFunctions",
        &["lambda:InvokeFunction"],
        resources,
    )
}

/// An unqualified function is granted with `:*` too, as the console does, so that its
/// versions and aliases can be called.
fn unqualified_and_versions(arn: &str) -> Vec<String> {
    vec![arn.to_string(), format!("{arn}:*")]
}

fn function_arns(function: &arn::FunctionRef, qualifier: Option<Arg<'_>>) -> Vec<String> {
    let qualifier = match (&function.qualifier, qualifier) {
        (Some(q), _) => Some(q.as_str()),
        (None, Some(Arg::Static(q))) => Some(q),
        // Any version or alias may be asked for at run time.
        (None, Some(Arg::Dynamic)) => return vec![format!("{}:*", function.arn)],
        (None, None) => None,
    };
    match qualifier.filter(|q| !q.is_empty()) {
        Some(q) => vec![format!("{}:{q}", function.arn)],
        None => unqualified_and_versions(&function.arn),
    }
}

fn integration_grants(task: &TaskState, it: &Integration<'_>, home: &Home) -> Vec<Grant> {
    let partition = it.partition;
    let static_or_star =
        |field: &str, to_arn: &dyn Fn(&str) -> Option<String>| match arg(task, field) {
            Some(Arg::Static(text)) => to_arn(text).unwrap_or_else(|| "*".to_string()),
            Some(Arg::Dynamic) | None => "*".to_string(),
        };
    match (it.service, it.action) {
        ("lambda", "invoke") => {
            let resources = match arg(task, "FunctionName") {
                Some(Arg::Static(name)) => {
                    let function = arn::function_ref(name, partition, home);
                    function_arns(&function, arg(task, "Qualifier"))
                }
                Some(Arg::Dynamic) | None => vec![format!("arn:{partition}:lambda:*:*:function:*")],
            };
            vec![invoke(resources)]
        }
        ("sqs", "sendMessage") => {
            let queue = static_or_star("QueueUrl", &|url| arn::queue_arn(url, partition));
            vec![Grant::new(
                "SendSqsMessages",
                &["sqs:SendMessage"],
                vec![queue],
            )]
        }
        ("sns", "publish") => {
            let topic = match (arg(task, "TopicArn"), arg(task, "TargetArn")) {
                (Some(Arg::Static(arn)), _) | (None, Some(Arg::Static(arn))) => arn.to_string(),
                // A phone number, or an ARN read at run time.
                _ => "*".to_string(),
            };
            vec![Grant::new(
                "PublishSnsMessages",
                &["sns:Publish"],
                vec![topic],
            )]
        }
        ("states", "startExecution") => start_execution(task, it, home),
        ("dynamodb", action @ ("getItem" | "putItem" | "updateItem" | "deleteItem")) => {
            let table = static_or_star("TableName", &|name| {
                Some(arn::table_arn(name, partition, home))
            });
            let action = format!("dynamodb:{}", pascal(action));
            let sid = format!("Dynamodb{}", pascal(it.action));
            vec![Grant::new(&sid, &[action.as_str()], vec![table])]
        }
        ("aws-sdk", service_action) => {
            let (service, action) = service_action
                .split_once(':')
                .unwrap_or((service_action, ""));
            let prefix = iam_prefix(service);
            let action = format!("{prefix}:{}", pascal(action));
            let sid = format!(
                "AwsSdk{}{}OnAnyResource",
                sid_word(service),
                sid_word(action.split_once(':').map_or("", |(_, a)| a))
            );
            vec![Grant::new(&sid, &[action.as_str()], vec!["*".to_string()])]
        }
        (service, action) => {
            // An optimized integration without a rule of its own: the API it calls, on `*`.
            let action = match (service, action) {
                ("apigateway", "invoke") => "execute-api:Invoke".to_string(),
                ("http", "invoke") => "states:InvokeHTTPEndpoint".to_string(),
                _ => format!("{service}:{}", pascal(action)),
            };
            let sid = format!("{}OnAnyResource", sid_word(&action.replace(':', "-")));
            vec![Grant::new(&sid, &[action.as_str()], vec!["*".to_string()])]
        }
    }
}

/// `states:startExecution`: start the child; for `.sync` also watch and stop its executions
/// through the EventBridge rule Step Functions manages (AWS: "IAM policies for AWS Step
/// Functions").
fn start_execution(task: &TaskState, it: &Integration<'_>, home: &Home) -> Vec<Grant> {
    let partition = it.partition;
    let child = match arg(task, "StateMachineArn") {
        Some(Arg::Static(text)) => Some(arn::state_machine_ref(text, partition, home)),
        Some(Arg::Dynamic) | None => None,
    };
    let start = child.as_ref().map_or("*".to_string(), |c| c.arn.clone());
    let mut grants = vec![Grant::new(
        "StartNestedExecutions",
        &["states:StartExecution"],
        vec![start],
    )];
    if it.sync {
        let executions = child
            .as_ref()
            .map_or("*".to_string(), |c| c.executions.clone());
        // The rule lives where the parent runs; a literal child ARN names that place when the
        // home is unknown (a `.sync` child runs in the parent's region).
        let (region, account) = match (home, child.and_then(|c| c.region_account)) {
            (Home::Unknown, Some(place)) => place,
            _ => (home.region().to_string(), home.account().to_string()),
        };
        grants.push(Grant::new(
            "ManageNestedExecutions",
            &["states:DescribeExecution", "states:StopExecution"],
            vec![executions],
        ));
        grants.push(Grant::new(
            "ManageNestedExecutionEventsRule",
            &["events:DescribeRule", "events:PutRule", "events:PutTargets"],
            vec![format!(
                "arn:{partition}:events:{region}:{account}:rule/{SYNC_EXECUTION_RULE}"
            )],
        ));
    }
    grants
}

/// `getItem` -> `GetItem`: an ASL action name as IAM spells it.
fn pascal(action: &str) -> String {
    let mut chars = action.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A statement ID word: PascalCase, letters and digits only (`acm-pca` -> `AcmPca`).
fn sid_word(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .map(pascal)
        .collect()
}

/// The IAM service prefix of an SDK service name, where the two differ.
fn iam_prefix(sdk_service: &str) -> &str {
    match sdk_service {
        "sfn" => "states",
        "cloudwatchlogs" => "logs",
        "sesv2" => "ses",
        "elasticloadbalancingv2" => "elasticloadbalancing",
        "acmpca" => "acm-pca",
        "efs" => "elasticfilesystem",
        "emr" => "elasticmapreduce",
        "mediapackagevod" => "mediapackage-vod",
        other => other,
    }
}
