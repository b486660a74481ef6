//! The emitted files mean what they should: the policy allows exactly the calls each Task makes,
//! resolving leaves no placeholder, and resolved definitions still pass validation.

mod common;

use common::{FIXTURES, load_fixture, naming};
use serde_json::Value;
use statewright_codegen::{
    Home, Tasks, definition_substitutions, iam_policy, iam_policy_in, placeholder, sam_resource,
};
use statewright_core::asl::StateMachine;
use statewright_core::validate::{Options, validate_value};

/// IAM's wildcard match: `*` any run of characters, `?` any one.
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Whether an identity policy allows one call, as IAM evaluates `Allow` statements.
fn allows(policy: &Value, action: &str, resource: &str) -> bool {
    policy["Statement"].as_array().unwrap().iter().any(|s| {
        assert_eq!(s["Effect"], "Allow");
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        };
        strings(&s["Action"])
            .iter()
            .any(|a| glob(&a.to_lowercase(), &action.to_lowercase()))
            && strings(&s["Resource"]).iter().any(|r| glob(r, resource))
    })
}

const SYNC_RULE: &str = "arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule";

/// The calls each Task state makes when the state machine runs in us-east-1, account
/// 111122223333, with `prod-` names: written out by hand from AWS's documentation.
fn calls(fixture: &str, state: &str) -> Vec<(&'static str, String)> {
    let lambda = |arn: &str| vec![("lambda:InvokeFunction", arn.to_string())];
    let sync = |machine: &str, execution: &str| {
        vec![
            ("states:StartExecution", machine.to_string()),
            ("states:DescribeExecution", execution.to_string()),
            ("states:StopExecution", execution.to_string()),
            ("events:PutTargets", SYNC_RULE.to_string()),
            ("events:PutRule", SYNC_RULE.to_string()),
            ("events:DescribeRule", SYNC_RULE.to_string()),
        ]
    };
    let sample = "arn:aws:lambda:us-west-1:111122223333:function:StepFunctionsSample-";
    let here = "arn:aws:lambda:us-east-1:111122223333:function:";
    let states = "arn:aws:states:us-east-1:111122223333:";
    match (fixture, state) {
        ("lambda-orchestration", "Check Stock Price") => {
            lambda(&format!("{sample}HelloLam-CheckStockPriceLambda-444455556666"))
        }
        ("lambda-orchestration", "Generate Buy/Sell recommendation") => {
            lambda(&format!("{sample}Hello-GenerateBuySellRecommend-123456789012"))
        }
        ("lambda-orchestration", "Buy Stock") => {
            lambda(&format!("{sample}HelloLambda-BuyStockLambda-000000000000"))
        }
        ("lambda-orchestration", "Sell Stock") => {
            lambda(&format!("{sample}HelloLambda-SellStockLambda-111111111111"))
        }
        ("lambda-orchestration", "Request Human Approval") => vec![(
            "sqs:SendMessage",
            "arn:aws:sqs:us-west-1:111122223333:StepFunctionsSample-HelloLambda4444-5555-6666-RequestHumanApprovalSqs-111122223333".into(),
        )],
        ("lambda-orchestration", "Report Result") => vec![(
            "sns:Publish",
            "arn:aws:sns:us-west-1:111122223333:StepFunctionsSample-HelloLambda1111-2222-3333-ReportResultSnsTopic-222222222222".into(),
        )],
        ("placeholders", "Charge") => lambda(&format!("{here}prod-Charge")),
        ("placeholders", "Reserve") => lambda(&format!("{here}prod-Reserve")),
        ("placeholders", "Save") => vec![(
            "dynamodb:PutItem",
            "arn:aws:dynamodb:us-east-1:111122223333:table/prod-Orders".into(),
        )],
        ("placeholders", "Ship") => sync(
            &format!("{states}stateMachine:prod-Shipping"),
            &format!("{states}execution:prod-Shipping:run-1"),
        ),
        ("placeholders", "Queue") => vec![(
            "sqs:SendMessage",
            "arn:aws:sqs:us-east-1:111122223333:prod-Invoices".into(),
        )],
        ("placeholders", "Archive") => {
            vec![("s3:PutObject", "arn:aws:s3:::prod-Archive/order-1".into())]
        }
        ("placeholders", "Notify") => vec![(
            "sns:Publish",
            "arn:aws:sns:us-east-1:111122223333:prod-Alerts".into(),
        )],
        ("nested", "Price" | "Price again") => {
            lambda("arn:aws:lambda:eu-west-1:111122223333:function:Price")
        }
        ("nested", "Stock") => vec![(
            "dynamodb:GetItem",
            "arn:aws:dynamodb:us-east-1:111122223333:table/Stock".into(),
        )],
        ("nested", "Forget") => vec![(
            "dynamodb:DeleteItem",
            "arn:aws:dynamodb:us-east-1:111122223333:table/Stock".into(),
        )],
        // The function is read from the input: any function may be called.
        ("nested", "Score") => lambda(&format!("{here}AnyScorer")),
        ("nested", "Describe") => vec![(
            "states:DescribeStateMachine",
            format!("{states}stateMachine:Any"),
        )],
        ("lambda-qualifiers", "By name with Qualifier") => {
            lambda(&format!("{here}get-model-review-decision:prod-v1"))
        }
        ("lambda-qualifiers", "Full ARN with version") => lambda(&format!("{here}Charge:7")),
        ("lambda-qualifiers", "Partial ARN") => lambda(&format!("{here}Refund")),
        ("lambda-qualifiers", "Alias at run time") => lambda(&format!("{here}Audit:blue")),
        ("lambda-qualifiers", "Direct ARN with alias") => lambda(&format!("{here}Charge:live")),
        ("lambda-qualifiers", "JSONata") => lambda(&format!("{here}Charge")),
        ("start-execution", "Fulfil") => sync(
            &format!("{states}stateMachine:Fulfilment"),
            &format!("{states}execution:Fulfilment:run-1"),
        ),
        ("start-execution", "Bill") => sync(
            &format!("{states}stateMachine:Billing:prod"),
            &format!("{states}execution:Billing:run-1"),
        ),
        ("start-execution", "Approve") => vec![(
            "states:StartExecution",
            format!("{states}stateMachine:Approval"),
        )],
        ("start-execution", "Audit") => vec![(
            "states:StartExecution",
            format!("{states}stateMachine:Audit"),
        )],
        _ => panic!("no calls written down for {fixture} / {state}: add them"),
    }
}

/// A policy with its `${...}` placeholders filled in as CloudFormation would.
fn substituted(policy: &Value) -> Value {
    let naming = naming();
    let text = serde_json::to_string(policy).unwrap();
    serde_json::from_str(&naming.resolve_text(&text, "").unwrap()).unwrap()
}

fn assert_allows_every_call(fixture: &str, machine: &StateMachine, policy: &Value, how: &str) {
    let tasks = Tasks::of(machine);
    assert!(!tasks.is_empty());
    for task in tasks.iter() {
        for (action, resource) in calls(fixture, task.name) {
            assert!(
                allows(policy, action, &resource),
                "{fixture} ({how}): {} at {} needs {action} on {resource}; policy: {policy:#}",
                task.name,
                task.pointer
            );
        }
    }
}

#[test]
fn every_task_call_is_allowed_by_the_policy_with_placeholders_substituted() {
    for fixture in FIXTURES {
        let machine = load_fixture(fixture);
        let policy = substituted(&iam_policy(&machine));
        assert_allows_every_call(fixture, &machine, &policy, "iam_policy");
    }
}

#[test]
fn every_task_call_is_allowed_by_the_policy_of_the_resolved_definition() {
    let naming = naming();
    for fixture in FIXTURES {
        let machine = naming.resolve(&load_fixture(fixture)).unwrap();
        let policy = iam_policy_in(&machine, &Home::from(&naming));
        assert_allows_every_call(fixture, &machine, &policy, "resolved");
    }
}

#[test]
fn the_policy_allows_nothing_the_definition_does_not_call() {
    let policy = iam_policy(&load_fixture("lambda-orchestration"));
    let sample = "arn:aws:lambda:us-west-1:111122223333:function:StepFunctionsSample-";
    assert!(!allows(
        &policy,
        "lambda:InvokeFunction",
        &format!("{sample}HelloLambda-Other")
    ));
    assert!(!allows(
        &policy,
        "lambda:DeleteFunction",
        &format!("{sample}HelloLambda-BuyStockLambda-000000000000")
    ));
    assert!(!allows(
        &policy,
        "sqs:SendMessage",
        "arn:aws:sqs:us-west-1:111122223333:other"
    ));

    let qualifiers = iam_policy(&load_fixture("lambda-qualifiers"));
    let here = "arn:aws:lambda:us-east-1:111122223333:function:";
    // A version or alias written in the definition is the only one allowed.
    for call in ["get-model-review-decision:dev", "get-model-review-decision"] {
        assert!(
            !allows(
                &qualifiers,
                "lambda:InvokeFunction",
                &format!("{here}{call}")
            ),
            "{call}"
        );
    }
    // An unqualified function may be called by version too (`arn` and `arn:*`).
    assert!(allows(
        &qualifiers,
        "lambda:InvokeFunction",
        &format!("{here}Refund:3")
    ));

    let nested = iam_policy(&load_fixture("start-execution"));
    let states = "arn:aws:states:us-east-1:111122223333:";
    assert!(!allows(
        &nested,
        "states:StopExecution",
        &format!("{states}execution:Approval:run-1")
    ));
    assert!(!allows(
        &nested,
        "states:StartExecution",
        &format!("{states}stateMachine:Billing")
    ));
}

fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out);
        }),
        _ => {}
    }
}

#[test]
fn resolve_leaves_no_placeholder_and_the_result_still_validates() {
    let naming = naming();
    for fixture in FIXTURES {
        let original = load_fixture(fixture);
        let resolved = naming.resolve(&original).unwrap();
        let mut all = Vec::new();
        strings(&resolved.to_value(), &mut all);
        assert!(
            all.iter().all(|s| !s.contains("${")),
            "{fixture}: {:?}",
            all.iter().filter(|s| s.contains("${")).collect::<Vec<_>>()
        );
        let findings = validate_value(&resolved.to_value(), &Options::default());
        assert_eq!(findings, [], "{fixture}");
        if placeholder::find_all(&original).is_empty() {
            assert_eq!(resolved, original, "{fixture}: nothing to fill in");
        }
    }
    let resolved = naming.resolve(&load_fixture("placeholders")).unwrap();
    assert_eq!(Tasks::of(&resolved).len(), 7);
    assert_eq!(
        resolved.to_value()["States"]["Queue"]["Parameters"]["QueueUrl"],
        "https://sqs.us-east-1.amazonaws.com/111122223333/prod-Invoices"
    );
}

#[test]
fn every_placeholder_of_the_definition_and_the_policy_has_a_substitution() {
    for fixture in FIXTURES {
        let machine = load_fixture(fixture);
        let substitutions = definition_substitutions(&machine);
        for found in placeholder::find_all(&machine) {
            assert!(substitutions.contains_key(&found.name), "{}", found.name);
        }
        let resource = sam_resource("Machine", &machine, None);
        let policies = &resource["Machine"]["Properties"]["Policies"][0]["Statement"];
        for statement in policies.as_array().unwrap() {
            for resource in statement["Resource"].as_array().unwrap() {
                let (text, variables) = match resource {
                    Value::String(text) => (text.as_str(), None),
                    other => match &other["Fn::Sub"] {
                        Value::String(text) => (text.as_str(), None),
                        Value::Array(pair) => (pair[0].as_str().unwrap(), Some(&pair[1])),
                        _ => panic!("{other}"),
                    },
                };
                for name in placeholder::names_in(text) {
                    let known = variables.is_some_and(|v| v.get(name).is_some());
                    // Without a variable, `Fn::Sub` needs a pseudo parameter.
                    assert!(
                        known || name.starts_with("AWS::"),
                        "{fixture}: {name} in {text}"
                    );
                }
                if let Value::String(text) = resource {
                    assert!(!text.contains("${"), "{text} must go through Fn::Sub");
                }
            }
        }
    }
}
