//! `ItemBatcher`: distributed Map items grouped into `{"Items": [...], "BatchInput": ...}`.

use crate::value::{Value, json};

use super::Failure;
use super::state::StateCx;
use crate::asl::MapState;

/// The inputs of the child executions: the items themselves, or their batches.
pub(crate) fn batches(
    cx: &StateCx,
    map: &MapState,
    items: Vec<Value>,
    input: &Value,
) -> Result<Vec<Value>, Failure> {
    let Some(batcher) = &map.item_batcher else {
        return Ok(items);
    };
    let max_items = cx
        .count(
            &batcher.max_items_per_batch,
            &batcher.max_items_per_batch_path,
            "MaxItemsPerBatchPath",
            input,
            1,
        )?
        .and_then(|n| usize::try_from(n).ok());
    let max_bytes = cx
        .count(
            &batcher.max_input_bytes_per_batch,
            &batcher.max_input_bytes_per_batch_path,
            "MaxInputBytesPerBatchPath",
            input,
            1,
        )?
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(256 * 1024);
    let batch_input = batcher.batch_input.clone();
    let mut batches = Vec::new();
    let mut current: Vec<Value> = Vec::new();
    let mut size = 0usize;
    for item in items {
        let item_size = item.to_string().len();
        let full = max_items.is_some_and(|m| current.len() >= m.max(1))
            || (!current.is_empty() && size + item_size > max_bytes);
        if full {
            batches.push(wrap(std::mem::take(&mut current), &batch_input));
            size = 0;
        }
        size += item_size;
        current.push(item);
    }
    if !current.is_empty() {
        batches.push(wrap(current, &batch_input));
    }
    Ok(batches)
}

fn wrap(items: Vec<Value>, batch_input: &Option<serde_json::Value>) -> Value {
    let mut batch = json!({"Items": items});
    if let Some(extra) = batch_input {
        batch["BatchInput"] = Value::from(extra);
    }
    batch
}
