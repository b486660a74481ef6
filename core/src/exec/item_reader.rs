//! `ItemReader`: a distributed Map state's items from S3 (`getObject` of JSON, JSONL or CSV,
//! or `listObjectsV2`), read from the in-memory S3 or a mounted folder.

use crate::value::{Map, Value, json};

use super::Failure;
use super::state::StateCx;
use crate::asl::{IntegerOrExpression, ItemReader};

/// Reads the items. `request` is the evaluated `Parameters` / `Arguments` (Bucket, Key, Prefix).
pub(crate) fn read_items(
    cx: &StateCx,
    reader: &ItemReader,
    request: &Value,
) -> Result<Vec<Value>, Failure> {
    let failed =
        |why: String| Failure::in_state("States.ItemReaderFailed", cx.name, cx.entered, why);
    let bucket = request["Bucket"]
        .as_str()
        .ok_or_else(|| failed("The ItemReader parameters need Bucket.".into()))?;
    let services = &cx.run.shared.services;
    let config = reader.reader_config.clone().unwrap_or_default();
    let mut items = if reader.resource.ends_with(":s3:listObjectsV2") {
        let prefix = request["Prefix"].as_str().unwrap_or_default();
        services
            .keys(bucket, prefix)
            .into_iter()
            .map(|key| {
                let size = services.object(bucket, &key).map_or(0, |b| b.len());
                json!({"Etag": format!("\"{}\"", crate::intrinsics::hash_hex(&key, "MD5").unwrap_or_default()),
                       "Key": key, "LastModified": cx.run.info.start_time, "Size": size,
                       "StorageClass": "STANDARD"})
            })
            .collect()
    } else {
        let key = request["Key"]
            .as_str()
            .ok_or_else(|| failed("The ItemReader parameters need Key.".into()))?;
        let body = services.object(bucket, key).ok_or_else(|| {
            failed(format!(
                "The object s3://{bucket}/{key} does not exist (put it with Services::put_object or mount a folder)."
            ))
        })?;
        match config.input_type.as_deref().unwrap_or("JSON") {
            "JSON" => match serde_json::from_str(&body) {
                Ok(Value::Array(items)) => items.into_vec(),
                Ok(_) => {
                    return Err(failed(format!(
                        "s3://{bucket}/{key} does not hold a JSON array."
                    )));
                }
                Err(e) => return Err(failed(format!("s3://{bucket}/{key} is not JSON: {e}"))),
            },
            "JSONL" => body
                .lines()
                .filter(|line| !line.trim().is_empty())
                .enumerate()
                .map(|(n, line)| {
                    serde_json::from_str(line).map_err(|e| {
                        failed(format!(
                            "line {} of s3://{bucket}/{key} is not JSON: {e}",
                            n + 1
                        ))
                    })
                })
                .collect::<Result<_, _>>()?,
            "CSV" => csv_items(&body, &config)
                .map_err(|e| failed(format!("s3://{bucket}/{key}: {e}")))?,
            other => {
                return Err(failed(format!(
                    "statewright reads JSON, JSONL and CSV items; InputType {other} needs a mock"
                )));
            }
        }
    };
    let max = match &config.max_items {
        Some(IntegerOrExpression::Integer(n)) => usize::try_from(*n).ok(),
        _ => None,
    };
    if let Some(max) = max.filter(|m| *m > 0) {
        items.truncate(max);
    }
    Ok(items)
}

/// CSV rows as objects keyed by the header (the first row, or `CSVHeaders`); values are text.
fn csv_items(body: &str, config: &crate::asl::ReaderConfig) -> Result<Vec<Value>, String> {
    let delimiter = match config.csv_delimiter.as_deref().unwrap_or("COMMA") {
        "COMMA" => b',',
        "PIPE" => b'|',
        "SEMICOLON" => b';',
        "SPACE" => b' ',
        "TAB" => b'\t',
        other => return Err(format!("unknown CSVDelimiter {other}")),
    };
    let given = config.csv_header_location.as_deref() == Some("GIVEN");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(!given)
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = if given {
        config.csv_headers.clone().unwrap_or_default()
    } else {
        reader
            .headers()
            .map_err(|e| e.to_string())?
            .iter()
            .map(str::to_string)
            .collect()
    };
    let mut items = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let mut item = Map::new();
        for (header, field) in headers.iter().zip(record.iter()) {
            item.insert(header.clone(), Value::from(field.to_string()));
        }
        items.push(Value::Object(item));
    }
    Ok(items)
}
