//! The typed examples, checked twice: their emitted ASL, IAM policy and SAM template match the
//! reviewed snapshots in `tests/snapshots/dsl/` (regenerate with `UPDATE_SNAPSHOTS=1`), and
//! they mean what they say: the ASL validates, reproduces the seed, and runs locally.

#[allow(dead_code)]
#[path = "../examples/error_handling.rs"]
mod error_handling;
#[allow(dead_code)]
#[path = "../examples/human_approval.rs"]
mod human_approval;
#[allow(dead_code)]
#[path = "../examples/map_parallel.rs"]
mod map_parallel;
#[allow(dead_code)]
#[path = "../examples/stock_trading.rs"]
mod stock_trading;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use statewright::asl::StateMachine;
use statewright::codegen::{Emitter, Naming};
use statewright::dsl::{RunError, Workflow};
use statewright::exec::Status;
use statewright::validate::{Options, validate_value};

fn workflows() -> Vec<(&'static str, StateMachine)> {
    vec![
        ("StockTrading", stock_trading::StockTrading::definition()),
        ("HumanApproval", human_approval::HumanApproval::definition()),
        ("Payment", error_handling::Payment::definition()),
        ("Fulfilment", map_parallel::Fulfilment::definition()),
    ]
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("statewright-dsl-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn emitted_files_match_the_snapshots() {
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/dsl");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let out = scratch("emit");
    let emitter = Emitter::new(&out);
    let mut differences = Vec::new();
    for (name, machine) in workflows() {
        let emitted = emitter.emit(name, &machine).unwrap();
        for file in [emitted.asl, emitted.iam, emitted.sam] {
            let text = std::fs::read_to_string(&file).unwrap();
            let snapshot = snapshots.join(file.file_name().unwrap());
            if update {
                std::fs::create_dir_all(&snapshots).unwrap();
                std::fs::write(&snapshot, &text).unwrap();
            } else if std::fs::read_to_string(&snapshot).ok().as_deref() != Some(text.as_str()) {
                differences.push(snapshot.display().to_string());
            }
        }
    }
    assert!(
        differences.is_empty(),
        "emitted files differ from (or lack) their snapshots; review and regenerate with UPDATE_SNAPSHOTS=1: {differences:#?}"
    );
}

#[test]
fn emitted_definitions_validate_once_their_arns_are_filled() {
    let naming = Naming::new("eu-west-1", "111122223333");
    for (name, machine) in workflows() {
        let resolved = naming.resolve(&machine).unwrap();
        let findings = validate_value(&resolved.to_value(), &Options::default());
        assert!(findings.is_empty(), "{name}: {findings:#?}");
        assert!(
            !resolved.to_json().contains("${"),
            "{name}: a placeholder is left"
        );
    }
}

/// With the sample project's own ARNs as the naming config, the typed workflow emits the
/// seed's definition: same states, transitions, paths, parameters and resources.
#[test]
fn stock_trading_emits_the_seed_definition() {
    let seed: Value = serde_json::from_str(include_str!(
        "../examples/asl/lambda-orchestration.asl.json"
    ))
    .unwrap();
    let functions = "arn:aws:lambda:us-west-1:111122223333:function:StepFunctionsSample-";
    let overrides: BTreeMap<String, String> = [
        (
            "CheckStockPriceFunctionArn",
            format!("{functions}HelloLam-CheckStockPriceLambda-444455556666"),
        ),
        (
            "GenerateBuySellRecommendationFunctionArn",
            format!("{functions}Hello-GenerateBuySellRecommend-123456789012"),
        ),
        (
            "BuyStockFunctionArn",
            format!("{functions}HelloLambda-BuyStockLambda-000000000000"),
        ),
        (
            "SellStockFunctionArn",
            format!("{functions}HelloLambda-SellStockLambda-111111111111"),
        ),
        (
            "RequestHumanApprovalQueueUrl",
            seed["States"]["Request Human Approval"]["Parameters"]["QueueUrl"]
                .as_str()
                .unwrap()
                .to_string(),
        ),
        (
            "ReportResultTopicArn",
            seed["States"]["Report Result"]["Parameters"]["TopicArn"]
                .as_str()
                .unwrap()
                .to_string(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let mut naming = Naming::new("us-west-1", "111122223333");
    naming.overrides = overrides;
    let emitted = naming
        .resolve(&stock_trading::StockTrading::definition())
        .unwrap()
        .to_value();
    assert_eq!(emitted["StartAt"], seed["StartAt"]);
    assert_eq!(emitted["States"], seed["States"]);
}

#[test]
fn stock_trading_runs_through_the_approval_queue() {
    let executor = stock_trading::executor();
    let execution = executor.run_blocking(json!({}));
    assert_eq!(execution.status, Status::Succeeded, "{execution:?}");
    let topic = "arn:aws:sns:us-east-1:123456789012:ReportResult";
    let messages = executor.services().messages(topic);
    assert_eq!(messages.len(), 1);
    let report = &messages[0].body;
    assert_eq!(report["Input"]["type"], "buy");
    assert_eq!(report["Input"]["price"], 42);
}

#[test]
fn payment_retries_outages_and_routes_declines() {
    let order = error_handling::Order {
        id: "o-1".into(),
        amount: 100,
        card: "4242".into(),
    };
    let run = error_handling::Payment::local()
        .run_blocking(order.clone())
        .unwrap();
    assert_eq!(run.output.reference, "ch_0001");
    let failures = run
        .execution
        .history
        .iter()
        .filter(|e| e.event_type == "LambdaFunctionFailed")
        .count();
    assert_eq!(failures, 2, "two outages, then the charge");
    let declined = error_handling::Payment::local().run_blocking(error_handling::Order {
        card: "0000".into(),
        ..order
    });
    let Err(RunError::Failed(execution)) = declined else {
        panic!("a declined card fails the execution: {declined:?}");
    };
    assert_eq!(execution.error.as_deref(), Some("PaymentDeclined"));
    let entered: Vec<&str> = execution
        .history
        .iter()
        .filter_map(|e| e.details.as_ref()?.get("name")?.as_str())
        .collect();
    assert!(entered.contains(&"Record Decline"), "{entered:?}");
}

#[test]
fn fulfilment_fans_out_and_in() {
    let order = map_parallel::Order {
        id: "o-2".into(),
        lines: (1..=12)
            .map(|i| map_parallel::Line {
                sku: format!("s{i}"),
                quantity: i,
            })
            .collect(),
    };
    let run = map_parallel::Fulfilment::local()
        .run_blocking(order)
        .unwrap();
    let (total, stock) = run.output;
    assert_eq!(total, map_parallel::Total { cents: 78 * 250 });
    assert_eq!(stock, map_parallel::Stock { available: true });
}

#[test]
fn human_approval_answers_with_a_typed_decision() {
    let executor = human_approval::executor();
    let execution = human_approval::run(&executor, "ranker-v2");
    let run = statewright::dsl::typed_output::<human_approval::Decision>(execution).unwrap();
    assert_eq!(
        run.output,
        human_approval::Decision {
            model: "ranker-v2".into(),
            approved: true
        }
    );
}

#[test]
fn stock_trading_has_input_and_output_schemas() {
    use statewright::dsl::WorkflowSchema;
    let input = stock_trading::StockTrading::input_schema();
    assert_eq!(input["title"], "StockQuery");
    assert_eq!(input["type"], "object");
    let output = stock_trading::StockTrading::output_schema();
    assert_eq!(output["title"], "PublishResult");
    assert_eq!(output["required"], json!(["MessageId"]));
}

/// The handlers stay ordinary `lambda_runtime` handlers: the same functions deploy with
/// `lambda_runtime::run(service_fn(..))`.
#[test]
fn handlers_still_deploy_with_lambda_runtime() {
    fn deployable<S>(_: S)
    where
        S: lambda_runtime::tower::Service<lambda_runtime::LambdaEvent<stock_trading::Quote>>,
    {
    }
    deployable(lambda_runtime::service_fn(stock_trading::buy_stock));
    deployable(lambda_runtime::service_fn(
        stock_trading::generate_recommendation,
    ));
}
