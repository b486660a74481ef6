//! The execution history, in the shape of AWS's `GetExecutionHistory` events.

use std::sync::Mutex;

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::Value;

/// One event of an execution's history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEvent {
    /// The event's number, from 1.
    pub id: u64,
    /// The event this one follows (0 for none).
    pub previous_event_id: u64,
    /// The event type, e.g. `TaskStateEntered`.
    pub event_type: &'static str,
    /// The event's details object, under the key AWS gives it (`taskScheduledEventDetails`).
    pub details: Option<Value>,
}

impl HistoryEvent {
    /// The key of the details object, e.g. `stateEnteredEventDetails` for `PassStateEntered`.
    pub fn details_key(&self) -> String {
        let t = self.event_type;
        if t.ends_with("StateEntered") {
            return "stateEnteredEventDetails".into();
        }
        if t.ends_with("StateExited") {
            return "stateExitedEventDetails".into();
        }
        let mut key = String::with_capacity(t.len() + 12);
        let mut chars = t.chars();
        if let Some(first) = chars.next() {
            key.extend(first.to_lowercase());
        }
        key.extend(chars);
        key.push_str("EventDetails");
        key
    }
}

impl Serialize for HistoryEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("previousEventId", &self.previous_event_id)?;
        map.serialize_entry("type", &self.event_type)?;
        if let Some(details) = &self.details {
            map.serialize_entry(&self.details_key(), details)?;
        }
        map.end()
    }
}

/// The events of one execution, appended from every branch and iteration.
#[derive(Debug, Default)]
pub(crate) struct History {
    enabled: bool,
    events: Mutex<Vec<HistoryEvent>>,
    count: std::sync::atomic::AtomicU64,
}

/// The last event of one thread of an execution (the execution, a branch, an iteration):
/// each event's `previousEventId`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Thread {
    pub(crate) last: u64,
    /// The thread of a distributed Map's child execution: its events are not the parent's.
    pub(crate) silent: bool,
    /// A Parallel branch: a Task that fails in it ends with `TaskStateAborted`.
    pub(crate) branch: bool,
}

/// AWS fails an execution whose history reaches 25,000 events.
pub(crate) const MAX_EVENTS: u64 = 25_000;

impl History {
    pub(crate) fn new(enabled: bool) -> Self {
        History {
            enabled,
            ..History::default()
        }
    }

    /// Records an event and returns its id (ids are counted even when recording is off).
    pub(crate) fn push(
        &self,
        thread: &mut Thread,
        event_type: &'static str,
        details: Option<Value>,
    ) -> u64 {
        if thread.silent {
            return thread.last;
        }
        let id = self
            .count
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        if self.enabled {
            let event = HistoryEvent {
                id,
                previous_event_id: thread.last,
                event_type,
                details,
            };
            self.events
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(event);
        }
        thread.last = id;
        id
    }

    /// How many events the execution has had.
    pub(crate) fn len(&self) -> u64 {
        self.count.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub(crate) fn take(&self) -> Vec<HistoryEvent> {
        std::mem::take(
            &mut *self
                .events
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }
}

/// `{"truncated": false}`, built without the `json!` macro's serializer (this is per event).
fn not_truncated() -> Value {
    let mut details = serde_json::Map::with_capacity(1);
    details.insert("truncated".into(), Value::Bool(false));
    Value::Object(details)
}

/// `{"input": ..., "inputDetails": {"truncated": false}, "name": ...}`.
pub(crate) fn entered(name: &str, input: &Value) -> Value {
    let mut details = serde_json::Map::with_capacity(3);
    details.insert("input".into(), input.clone());
    details.insert("inputDetails".into(), not_truncated());
    details.insert("name".into(), Value::String(name.to_string()));
    Value::Object(details)
}

/// `{"name": ..., "output": ..., "outputDetails": ...}` with `assignedVariables` when any.
pub(crate) fn exited(
    name: &str,
    output: &Value,
    assigned: Option<&serde_json::Map<String, Value>>,
) -> Value {
    let mut details = serde_json::Map::with_capacity(5);
    details.insert("name".into(), Value::String(name.to_string()));
    details.insert("output".into(), output.clone());
    details.insert("outputDetails".into(), not_truncated());
    if let Some(assigned) = assigned {
        details.insert("assignedVariables".into(), Value::Object(assigned.clone()));
        details.insert("assignedVariablesDetails".into(), not_truncated());
    }
    Value::Object(details)
}

/// `{"error": ..., "cause": ...}`, each only when present.
pub(crate) fn failed(failure: &super::Failure) -> Value {
    let mut details = serde_json::Map::new();
    if !failure.error.is_empty() {
        details.insert("error".into(), failure.error.clone().into());
    }
    if let Some(cause) = failure.cause.as_ref().filter(|c| !c.is_empty()) {
        details.insert("cause".into(), cause.clone().into());
    }
    Value::Object(details)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_keys_follow_aws_names() {
        let key = |t: &'static str| {
            HistoryEvent {
                id: 1,
                previous_event_id: 0,
                event_type: t,
                details: None,
            }
            .details_key()
        };
        assert_eq!(key("PassStateEntered"), "stateEnteredEventDetails");
        assert_eq!(key("MapStateExited"), "stateExitedEventDetails");
        assert_eq!(key("TaskScheduled"), "taskScheduledEventDetails");
        assert_eq!(
            key("MapIterationStarted"),
            "mapIterationStartedEventDetails"
        );
    }

    #[test]
    fn events_chain_within_a_thread() {
        let history = History::new(true);
        let mut main = Thread::default();
        assert_eq!(history.push(&mut main, "ExecutionStarted", None), 1);
        assert_eq!(history.push(&mut main, "PassStateEntered", None), 2);
        let events = history.take();
        assert_eq!(events[1].previous_event_id, 1);
        assert_eq!(events[0].previous_event_id, 0);
    }
}
