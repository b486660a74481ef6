//! Task `Resource` values: Lambda function and activity ARNs, and AWS's optimized integrations.

use super::checker::Checker;
use super::{Code, MachineType};

/// How a `arn:aws:states:::service:action` integration may be called.
#[derive(Clone, Copy)]
struct Patterns {
    sync: bool,
    wait_for_task_token: bool,
}

const RR: Patterns = Patterns {
    sync: false,
    wait_for_task_token: false,
};
const RR_TOKEN: Patterns = Patterns {
    sync: false,
    wait_for_task_token: true,
};
const ALL_PATTERNS: Patterns = Patterns {
    sync: true,
    wait_for_task_token: true,
};
const RR_SYNC: Patterns = Patterns {
    sync: true,
    wait_for_task_token: false,
};

/// AWS's optimized integrations: service, actions, and the patterns they support.
const INTEGRATIONS: &[(&str, &[&str], Patterns)] = &[
    ("lambda", &["invoke"], RR_TOKEN),
    ("sqs", &["sendMessage"], RR_TOKEN),
    ("sns", &["publish"], RR_TOKEN),
    ("events", &["putEvents"], RR_TOKEN),
    ("apigateway", &["invoke"], RR_TOKEN),
    ("http", &["invoke"], RR),
    (
        "dynamodb",
        &["getItem", "putItem", "updateItem", "deleteItem"],
        RR,
    ),
    ("states", &["startExecution"], ALL_PATTERNS),
    ("ecs", &["runTask"], ALL_PATTERNS),
    ("batch", &["submitJob"], ALL_PATTERNS),
    ("glue", &["startJobRun"], ALL_PATTERNS),
    (
        "codebuild",
        &[
            "startBuild",
            "stopBuild",
            "batchDeleteBuilds",
            "batchGetReports",
            "startBuildBatch",
        ],
        ALL_PATTERNS,
    ),
    (
        "athena",
        &[
            "startQueryExecution",
            "stopQueryExecution",
            "getQueryExecution",
            "getQueryResults",
            "startSessionCalculation",
        ],
        ALL_PATTERNS,
    ),
    ("databrew", &["startJobRun"], RR_SYNC),
    ("mediaconvert", &["createJob"], RR_SYNC),
    (
        "bedrock",
        &["invokeModel", "createModelCustomizationJob"],
        ALL_PATTERNS,
    ),
    (
        "sagemaker",
        &[
            "createEndpoint",
            "createEndpointConfig",
            "createHyperParameterTuningJob",
            "createLabelingJob",
            "createModel",
            "createProcessingJob",
            "createTrainingJob",
            "createTransformJob",
            "updateEndpoint",
        ],
        ALL_PATTERNS,
    ),
    (
        "elasticmapreduce",
        &[
            "createCluster",
            "terminateCluster",
            "addStep",
            "cancelStep",
            "setClusterTerminationProtection",
            "modifyInstanceFleetByName",
            "modifyInstanceGroupByName",
        ],
        ALL_PATTERNS,
    ),
    (
        "emr-containers",
        &[
            "startJobRun",
            "createVirtualCluster",
            "deleteVirtualCluster",
        ],
        ALL_PATTERNS,
    ),
    (
        "emr-serverless",
        &[
            "createApplication",
            "startApplication",
            "stopApplication",
            "deleteApplication",
            "startJobRun",
            "cancelJobRun",
        ],
        ALL_PATTERNS,
    ),
    (
        "eks",
        &[
            "createCluster",
            "deleteCluster",
            "createFargateProfile",
            "deleteFargateProfile",
            "createNodegroup",
            "deleteNodegroup",
            "runJob",
            "call",
        ],
        ALL_PATTERNS,
    ),
];

/// Checks a Task's `Resource`.
pub(crate) fn check_resource(cx: &mut Checker, pointer: &str, resource: &str) {
    if let Some(inner) = resource.strip_prefix("${") {
        // A CloudFormation / SAM `DefinitionSubstitutions` placeholder, filled in at deploy time.
        if !inner.ends_with('}') || inner.len() < 2 {
            cx.report(
                Code::InvalidResource,
                pointer,
                format!(
                    "{resource:?} opens a `${{...}}` substitution but does not close it; write \
                     `${{Name}}`"
                ),
            );
        }
        return;
    }
    if !is_uri(resource) {
        cx.report(
            Code::InvalidResource,
            pointer,
            format!(
                "`Resource` must be an ARN (a URI such as \
                 \"arn:aws:lambda:us-east-1:111122223333:function:MyFunction\"), not \
                 {resource:?}"
            ),
        );
        return;
    }
    let parts: Vec<&str> = resource.splitn(6, ':').collect();
    if parts.first() != Some(&"arn") || parts.len() < 6 {
        return;
    }
    match parts[2] {
        "lambda" => check_lambda_arn(cx, pointer, resource, parts[5]),
        "states" if parts[3].is_empty() && parts[4].is_empty() => {
            check_integration(cx, pointer, resource, parts[5])
        }
        _ => {}
    }
}

fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !text.chars().any(char::is_whitespace)
}

/// `function:NAME` or `function:NAME:QUALIFIER`.
fn check_lambda_arn(cx: &mut Checker, pointer: &str, resource: &str, tail: &str) {
    let mut pieces = tail.split(':');
    let kind = pieces.next().unwrap_or_default();
    let name = pieces.next();
    let qualifier = pieces.next();
    let extra = pieces.next();
    let name_ok = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    let qualifier_ok = |q: &str| q == "$LATEST" || name_ok(q);
    let valid = kind == "function"
        && name.is_some_and(name_ok)
        && qualifier.is_none_or(qualifier_ok)
        && extra.is_none();
    if !valid {
        cx.report(
            Code::InvalidResource,
            pointer,
            format!(
                "{resource:?} is not a Lambda function ARN: write \
                 arn:aws:lambda:REGION:ACCOUNT:function:NAME, optionally with `:VERSION`, \
                 `:ALIAS` or `:$LATEST` (letters, digits, `-` and `_`)"
            ),
        );
    }
}

/// `arn:aws:states:::service:action[.sync[:2] | .waitForTaskToken]`.
fn check_integration(cx: &mut Checker, pointer: &str, resource: &str, tail: &str) {
    let (service_action, suffix) = match tail.find('.') {
        Some(dot) => (&tail[..dot], &tail[dot..]),
        None => (tail, ""),
    };
    let (service, action) = service_action
        .split_once(':')
        .unwrap_or((service_action, ""));
    let (sync, token) = match suffix {
        "" => (false, false),
        ".sync" | ".sync:2" => (true, false),
        ".waitForTaskToken" => (false, true),
        _ => {
            cx.report(
                Code::InvalidResource,
                pointer,
                format!(
                    "{resource:?} ends in {suffix:?}; an integration pattern is `.sync`, \
                     `.sync:2` or `.waitForTaskToken`"
                ),
            );
            return;
        }
    };
    if cx.options.machine_type == MachineType::Express && (sync || token) {
        let pattern = if sync { ".sync" } else { ".waitForTaskToken" };
        cx.report(
            Code::UnsupportedInExpress,
            pointer,
            format!(
                "Express state machine does not support '{pattern}' service integration; use \
                 a STANDARD state machine or the request-response form"
            ),
        );
    }
    let supported = if service == "aws-sdk" {
        let valid = action
            .split_once(':')
            .is_some_and(|(svc, api)| !svc.is_empty() && !api.is_empty());
        valid.then_some(Patterns {
            sync: false,
            wait_for_task_token: true,
        })
    } else {
        INTEGRATIONS
            .iter()
            .find(|(name, actions, _)| *name == service && actions.contains(&action))
            .map(|(_, _, patterns)| *patterns)
    };
    let Some(patterns) = supported else {
        cx.report(
            Code::InvalidResource,
            pointer,
            format!(
                "The resource provided {resource} is not recognized: no optimized integration \
                 `{service_action}`; call any AWS API as \
                 arn:aws:states:::aws-sdk:SERVICE:ACTION (e.g. arn:aws:states:::aws-sdk:{service}:{action})"
            ),
        );
        return;
    };
    if (sync && !patterns.sync) || (token && !patterns.wait_for_task_token) {
        cx.report(
            Code::InvalidResource,
            pointer,
            format!("`{service_action}` does not support the `{suffix}` integration pattern"),
        );
    }
}
