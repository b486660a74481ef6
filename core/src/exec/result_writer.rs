//! `ResultWriter`: a distributed Map state's results written to S3 (in memory) as a manifest
//! and result files; the state's result is then where they are.

use crate::value::{Value, json};

use super::Failure;
use super::state::StateCx;

/// Writes the results and gives `{"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}`.
pub(crate) fn write_results(
    cx: &StateCx,
    request: &Value,
    results: Vec<Value>,
) -> Result<Value, Failure> {
    let failed =
        |why: &str| Failure::in_state("States.ResultWriterFailed", cx.name, cx.entered, why);
    let bucket = request["Bucket"]
        .as_str()
        .ok_or_else(|| failed("The ResultWriter parameters need Bucket."))?;
    let prefix = request["Prefix"]
        .as_str()
        .unwrap_or_default()
        .trim_end_matches('/');
    let run_id = cx.run.uuid();
    let options = &cx.run.shared.options;
    let map_run_arn = format!(
        "arn:aws:states:{}:{}:mapRun:{}/{}:{run_id}",
        options.region, options.account, cx.run.info.machine_name, cx.name
    );
    let folder = if prefix.is_empty() {
        run_id.clone()
    } else {
        format!("{prefix}/{run_id}")
    };
    let entries: Vec<Value> = results
        .iter()
        .map(|output| json!({"Output": output.to_string(), "OutputDetails": {"Included": true}, "Status": "SUCCEEDED"}))
        .collect();
    let results_key = format!("{folder}/SUCCEEDED_0.json");
    let manifest_key = format!("{folder}/manifest.json");
    let services = &cx.run.shared.services;
    services.put_object(bucket, &results_key, Value::from(entries).to_string());
    let manifest = json!({
        "DestinationBucket": bucket,
        "MapRunArn": map_run_arn,
        "ResultFiles": {"FAILED": [], "PENDING": [],
                        "SUCCEEDED": [{"Key": results_key, "Size": results.len()}]},
    });
    services.put_object(bucket, &manifest_key, manifest.to_string());
    Ok(
        json!({"MapRunArn": map_run_arn, "ResultWriterDetails": {"Bucket": bucket, "Key": manifest_key}}),
    )
}
