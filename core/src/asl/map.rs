//! The Map state, inline and distributed (spec "Map State"; AWS "Map state").

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::field::present;
use super::{Catcher, IntegerOrExpression, NumberOrExpression, QueryLanguage, Retrier, State};

/// A Map state: runs its item processor for each item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapState {
    /// A human-readable description of the state.
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The state's query language, overriding the state machine's.
    #[serde(
        rename = "QueryLanguage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub query_language: Option<QueryLanguage>,
    /// The states run for each item, and how they run.
    #[serde(
        rename = "ItemProcessor",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_processor: Option<ItemProcessor>,
    /// The legacy form of `ItemProcessor`.
    #[serde(rename = "Iterator", default, skip_serializing_if = "Option::is_none")]
    pub iterator: Option<ItemProcessor>,
    /// JSONPath: a reference path to the items array in the effective input.
    #[serde(rename = "ItemsPath", default, skip_serializing_if = "Option::is_none")]
    pub items_path: Option<String>,
    /// JSONata: the items, as an array or an expression that gives one.
    #[serde(
        rename = "Items",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub items: Option<Value>,
    /// The template that builds each item's input.
    #[serde(
        rename = "ItemSelector",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub item_selector: Option<Value>,
    /// The legacy form of `ItemSelector`.
    #[serde(
        rename = "Parameters",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Value>,
    /// Distributed: where the items are read from (S3).
    #[serde(
        rename = "ItemReader",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_reader: Option<ItemReader>,
    /// Distributed: how items are grouped into batches.
    #[serde(
        rename = "ItemBatcher",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_batcher: Option<ItemBatcher>,
    /// Distributed: where the results are written (S3).
    #[serde(
        rename = "ResultWriter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub result_writer: Option<ResultWriter>,
    /// The most items processed at once (0: no limit; JSONata: or an expression).
    #[serde(
        rename = "MaxConcurrency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_concurrency: Option<IntegerOrExpression>,
    /// JSONPath: a reference path to `MaxConcurrency` in the input.
    #[serde(
        rename = "MaxConcurrencyPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_concurrency_path: Option<String>,
    /// Distributed: how many items may fail before the state fails.
    #[serde(
        rename = "ToleratedFailureCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tolerated_failure_count: Option<IntegerOrExpression>,
    /// JSONPath: a reference path to the tolerated failure count.
    #[serde(
        rename = "ToleratedFailureCountPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tolerated_failure_count_path: Option<String>,
    /// Distributed: what percentage of items may fail before the state fails.
    #[serde(
        rename = "ToleratedFailurePercentage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tolerated_failure_percentage: Option<NumberOrExpression>,
    /// JSONPath: a reference path to the tolerated failure percentage.
    #[serde(
        rename = "ToleratedFailurePercentagePath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tolerated_failure_percentage_path: Option<String>,
    /// Distributed: a name for the map run (at most 40 characters).
    #[serde(rename = "Label", default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// JSONPath: selects the part of the input the state works on.
    #[serde(
        rename = "InputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub input_path: Option<Option<String>>,
    /// JSONPath: the payload template applied to the array of results.
    #[serde(
        rename = "ResultSelector",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_selector: Option<Value>,
    /// JSONPath: where the result goes in the input.
    #[serde(
        rename = "ResultPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub result_path: Option<Option<String>>,
    /// JSONPath: selects the part of the result passed on.
    #[serde(
        rename = "OutputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output_path: Option<Option<String>>,
    /// JSONata: the state's output.
    #[serde(
        rename = "Output",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output: Option<Value>,
    /// Variables assigned when the state completes.
    #[serde(rename = "Assign", default, skip_serializing_if = "Option::is_none")]
    pub assign: Option<Map<String, Value>>,
    /// How errors are retried, in order.
    #[serde(rename = "Retry", default, skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retrier>>,
    /// Where errors go when retries are spent, in order.
    #[serde(rename = "Catch", default, skip_serializing_if = "Option::is_none")]
    pub catch: Option<Vec<Catcher>>,
    /// The state that follows.
    #[serde(rename = "Next", default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// `true` when the state ends the execution.
    #[serde(rename = "End", default, skip_serializing_if = "Option::is_none")]
    pub end: Option<bool>,
}

impl MapState {
    /// The states run for each item: `ItemProcessor`, or the legacy `Iterator`.
    pub fn processor(&self) -> Option<&ItemProcessor> {
        self.item_processor.as_ref().or(self.iterator.as_ref())
    }

    /// How the items are processed (INLINE when nothing says otherwise).
    pub fn mode(&self) -> ProcessorMode {
        self.processor()
            .and_then(|p| p.processor_config.as_ref())
            .and_then(|c| c.mode)
            .unwrap_or_default()
    }
}

/// The states a Map state runs for each item (`ItemProcessor` or `Iterator`), and how.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemProcessor {
    /// A human-readable description of the processor.
    #[serde(rename = "Comment", default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Inline or distributed, and the child executions' type.
    #[serde(
        rename = "ProcessorConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub processor_config: Option<ProcessorConfig>,
    /// The name of the processor's first state.
    #[serde(rename = "StartAt")]
    pub start_at: String,
    /// The processor's states, by name, in definition order.
    #[serde(rename = "States")]
    pub states: IndexMap<String, State>,
}

/// How a Map state's processor runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessorConfig {
    /// INLINE (in the parent execution) or DISTRIBUTED (child executions).
    #[serde(rename = "Mode", default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ProcessorMode>,
    /// Distributed: the type of the child executions.
    #[serde(
        rename = "ExecutionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_type: Option<ExecutionType>,
}

/// Where a Map state's iterations run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProcessorMode {
    /// In the parent execution, at most 40 at once.
    #[default]
    #[serde(rename = "INLINE")]
    Inline,
    /// In child executions, up to 10,000 at once.
    #[serde(rename = "DISTRIBUTED")]
    Distributed,
}

/// The type of a distributed Map state's child executions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExecutionType {
    /// Standard workflows: exactly-once, up to a year.
    #[serde(rename = "STANDARD")]
    Standard,
    /// Express workflows: at-least-once, up to five minutes.
    #[serde(rename = "EXPRESS")]
    Express,
}

/// Where a distributed Map state reads its items from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemReader {
    /// The S3 integration that reads the items (`arn:aws:states:::s3:getObject`, `listObjectsV2`).
    #[serde(rename = "Resource")]
    pub resource: String,
    /// JSONPath: the request's parameters (`Bucket`, `Key`, `Prefix`).
    #[serde(
        rename = "Parameters",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Value>,
    /// JSONata: the request's arguments.
    #[serde(
        rename = "Arguments",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub arguments: Option<Value>,
    /// How the object is read.
    #[serde(
        rename = "ReaderConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reader_config: Option<ReaderConfig>,
}

/// How a distributed Map state reads its item source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReaderConfig {
    /// `CSV`, `JSON`, `JSONL`, `MANIFEST` or `PARQUET`.
    #[serde(rename = "InputType", default, skip_serializing_if = "Option::is_none")]
    pub input_type: Option<String>,
    /// CSV: `FIRST_ROW` or `GIVEN`.
    #[serde(
        rename = "CSVHeaderLocation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub csv_header_location: Option<String>,
    /// CSV with `GIVEN` headers: the column names.
    #[serde(
        rename = "CSVHeaders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub csv_headers: Option<Vec<String>>,
    /// CSV: `COMMA`, `PIPE`, `SEMICOLON`, `SPACE` or `TAB`.
    #[serde(
        rename = "CSVDelimiter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub csv_delimiter: Option<String>,
    /// The most items read (JSONata: or an expression).
    #[serde(rename = "MaxItems", default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<IntegerOrExpression>,
    /// JSONPath: a reference path to `MaxItems`.
    #[serde(
        rename = "MaxItemsPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_items_path: Option<String>,
    /// MANIFEST: `ATHENA_DATA` or `S3_INVENTORY`.
    #[serde(
        rename = "ManifestType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub manifest_type: Option<String>,
}

/// How a distributed Map state groups items into batches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemBatcher {
    /// The most items in a batch (JSONata: or an expression).
    #[serde(
        rename = "MaxItemsPerBatch",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_items_per_batch: Option<IntegerOrExpression>,
    /// JSONPath: a reference path to `MaxItemsPerBatch`.
    #[serde(
        rename = "MaxItemsPerBatchPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_items_per_batch_path: Option<String>,
    /// The most bytes in a batch, up to 256 KiB (JSONata: or an expression).
    #[serde(
        rename = "MaxInputBytesPerBatch",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_input_bytes_per_batch: Option<IntegerOrExpression>,
    /// JSONPath: a reference path to `MaxInputBytesPerBatch`.
    #[serde(
        rename = "MaxInputBytesPerBatchPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_input_bytes_per_batch_path: Option<String>,
    /// A fixed JSON object added to every batch as `BatchInput`.
    #[serde(
        rename = "BatchInput",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub batch_input: Option<Value>,
}

/// Where a distributed Map state writes its results.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultWriter {
    /// The S3 integration that writes the results (`arn:aws:states:::s3:putObject`).
    #[serde(rename = "Resource", default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// JSONPath: the request's parameters (`Bucket`, `Prefix`).
    #[serde(
        rename = "Parameters",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub parameters: Option<Value>,
    /// JSONata: the request's arguments.
    #[serde(
        rename = "Arguments",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub arguments: Option<Value>,
    /// What the results hold and in which format.
    #[serde(
        rename = "WriterConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub writer_config: Option<WriterConfig>,
}

/// The format of a distributed Map state's results.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WriterConfig {
    /// `JSON` or `JSONL`.
    #[serde(
        rename = "OutputType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub output_type: Option<String>,
    /// `NONE`, `COMPACT` or `FLATTEN`.
    #[serde(
        rename = "Transformation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub transformation: Option<String>,
}
