//! The execution history, in the shape of AWS's `GetExecutionHistory` events.

use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::{Arc, Mutex, PoisonError};

use once_cell::race::OnceBox;

use super::state_name::StateName;
use crate::value::{Map, Value};
use serde::Serialize;
use serde::ser::SerializeMap;

/// One event of an execution's history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEvent {
    /// The event's number, from 1.
    pub id: u64,
    /// The event this one follows (0 for none).
    pub previous_event_id: u64,
    /// The event type, e.g. `TaskStateEntered`.
    pub event_type: &'static str,
    /// The event's details object, under the key AWS gives it (`taskScheduledEventDetails`);
    /// it reads as a JSON [`Value`] (built on first use).
    pub details: Option<Details>,
}

/// An event's details object. The payloads in it are shared with the execution (not copied
/// when the event is recorded), and the JSON is built only when it is read: recording stays
/// cheap however large the payloads are. It dereferences to the JSON [`Value`].
pub struct Details {
    parts: Parts,
    /// Boxed, as most events are never read: an event stays small to record.
    json: OnceBox<serde_json::Value>,
}

/// What a details object is made of.
#[derive(Clone)]
enum Parts {
    /// Details given as JSON (the rarer events); boxed to keep every event small.
    Json(Box<Value>),
    /// `{"input": ..., "inputDetails": {"truncated": false}, "name": ...}`.
    Entered { name: StateName, input: Value },
    /// `{"name": ..., "output": ..., "outputDetails": ...}` with `assignedVariables` when any.
    Exited {
        name: StateName,
        output: Value,
        assigned: Option<Box<Map>>,
    },
    /// `{"input": ..., "inputDetails": ..., "roleArn": ...}`.
    Started { input: Value, role_arn: Arc<str> },
    /// `{"output": ..., "outputDetails": ...}`.
    Succeeded { output: Value },
    /// Named members in order (task and iteration events): one list, not a JSON map with
    /// its keys, until read.
    Members(Vec<(&'static str, Member)>),
}

/// A member of a [`Parts::Members`] details object.
#[derive(Clone)]
pub(crate) enum Member {
    Json(Value),
    /// `{"truncated": false}`.
    NotTruncated,
}

impl<T: Into<Value>> From<T> for Member {
    fn from(value: T) -> Self {
        Member::Json(value.into())
    }
}

impl Details {
    /// The details as JSON.
    pub fn json(&self) -> &serde_json::Value {
        self.json.get_or_init(|| {
            Box::new(match &self.parts {
                Parts::Json(value) => value.to_serde(),
                _ => serde_json::to_value(self).unwrap_or(serde_json::Value::Null),
            })
        })
    }

    /// The details as JSON, owned.
    pub fn into_json(self) -> serde_json::Value {
        match (self.json.get(), self.parts) {
            (Some(json), _) => json.clone(),
            (None, Parts::Json(json)) => json.to_serde(),
            (None, parts) => Details::from_parts(parts).json().clone(),
        }
    }

    #[inline]
    fn from_parts(parts: Parts) -> Self {
        Details {
            parts,
            json: OnceBox::new(),
        }
    }
}

impl From<Value> for Details {
    fn from(value: Value) -> Self {
        Details::from_parts(Parts::Json(Box::new(value)))
    }
}

impl From<serde_json::Value> for Details {
    fn from(value: serde_json::Value) -> Self {
        Details::from(Value::from(value))
    }
}

impl std::ops::Deref for Details {
    type Target = serde_json::Value;

    fn deref(&self) -> &serde_json::Value {
        self.json()
    }
}

impl Clone for Details {
    fn clone(&self) -> Self {
        Details::from_parts(self.parts.clone())
    }
}

impl PartialEq for Details {
    fn eq(&self, other: &Self) -> bool {
        self.json() == other.json()
    }
}

impl std::fmt::Debug for Details {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.json(), f)
    }
}

/// `{"truncated": false}`.
struct NotTruncated;

impl Serialize for NotTruncated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("truncated", &false)?;
        map.end()
    }
}

impl Serialize for Details {
    /// Written straight from the shared parts: no JSON tree is built to write an event.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(json) = self.json.get() {
            return json.serialize(serializer);
        }
        match &self.parts {
            Parts::Json(value) => value.serialize(serializer),
            Parts::Entered { name, input } => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("input", &input)?;
                map.serialize_entry("inputDetails", &NotTruncated)?;
                map.serialize_entry("name", &**name)?;
                map.end()
            }
            Parts::Exited {
                name,
                output,
                assigned,
            } => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("name", &**name)?;
                map.serialize_entry("output", &output)?;
                map.serialize_entry("outputDetails", &NotTruncated)?;
                if let Some(assigned) = assigned {
                    map.serialize_entry("assignedVariables", assigned)?;
                    map.serialize_entry("assignedVariablesDetails", &NotTruncated)?;
                }
                map.end()
            }
            Parts::Started { input, role_arn } => {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("input", &input)?;
                map.serialize_entry("inputDetails", &NotTruncated)?;
                map.serialize_entry("roleArn", &**role_arn)?;
                map.end()
            }
            Parts::Succeeded { output } => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("output", &output)?;
                map.serialize_entry("outputDetails", &NotTruncated)?;
                map.end()
            }
            Parts::Members(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, member) in members {
                    match member {
                        Member::Json(value) => map.serialize_entry(key, value)?,
                        Member::NotTruncated => map.serialize_entry(key, &NotTruncated)?,
                    }
                }
                map.end()
            }
        }
    }
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

/// The events of one execution. The main thread (the machine's own states) keeps its events
/// itself and records them without a lock; the threads that run beside one another (Parallel
/// branches, Map iterations) record theirs here, under the lock. The main thread hands its
/// events over before it starts any such thread ([`History::fork`]), so the events here
/// stay in the order of their ids.
#[derive(Debug, Default)]
pub(crate) struct History {
    enabled: bool,
    events: Mutex<Vec<HistoryEvent>>,
    count: AtomicU64,
}

/// One thread of an execution (the execution, a branch, an iteration): the last of its
/// events, each event's `previousEventId`, and for the main thread its own events.
#[derive(Debug, Default)]
pub(crate) struct Thread {
    pub(crate) last: u64,
    /// The thread of a distributed Map's child execution: its events are not the parent's.
    pub(crate) silent: bool,
    /// A Parallel branch: a Task that fails in it ends with `TaskStateAborted`.
    pub(crate) branch: bool,
    /// The main thread's events not yet handed over to the history: recorded without a
    /// lock, while no other thread of the execution records (`None` for other threads).
    own: Option<Vec<HistoryEvent>>,
}

impl Thread {
    /// The main thread of an execution whose events `history` records.
    pub(crate) fn main(history: &History) -> Thread {
        Thread {
            // Recorded into the storage of this thread's last dropped history, when any.
            own: Some(if history.enabled {
                super::events::storage()
            } else {
                Vec::new()
            }),
            ..Thread::default()
        }
    }

    /// The thread of a distributed Map's child execution: its events are its own history's,
    /// not recorded in the parent's.
    pub(crate) fn child_execution() -> Thread {
        Thread {
            silent: true,
            ..Thread::default()
        }
    }
}

/// Where threads that run beside one another (Parallel branches, Map iterations) start,
/// from [`History::fork`]: after their parent's last event, silent when it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fork {
    last: u64,
    silent: bool,
}

impl Fork {
    /// One of the threads; `branch` for a Parallel branch.
    pub(crate) fn thread(self, branch: bool) -> Thread {
        Thread {
            last: self.last,
            silent: self.silent,
            branch,
            own: None,
        }
    }
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
        details: Option<Details>,
    ) -> u64 {
        self.append(thread, event_type, || details)
    }

    /// Records an event whose details `details` makes (only when history is recorded), and
    /// returns its id. The details are made in the event's place in the history, not moved
    /// into it: the events of every state are recorded so.
    #[inline]
    pub(crate) fn record<D: Into<Details>>(
        &self,
        thread: &mut Thread,
        event_type: &'static str,
        details: impl FnOnce() -> D,
    ) -> u64 {
        self.append(thread, event_type, || Some(details().into()))
    }

    /// Appends an event of `thread`, its details made by `details` only when history is
    /// recorded, and returns its id.
    #[inline]
    fn append(
        &self,
        thread: &mut Thread,
        event_type: &'static str,
        details: impl FnOnce() -> Option<Details>,
    ) -> u64 {
        if thread.silent {
            return thread.last;
        }
        let previous_event_id = thread.last;
        let id = match &mut thread.own {
            // The main thread: no other thread records meanwhile (see `fork`), so the
            // count is neither raced nor locked, and the event goes to its own list.
            Some(own) => {
                let id = self.count.load(Relaxed) + 1;
                self.count.store(id, Relaxed);
                if self.enabled {
                    own.push(HistoryEvent {
                        id,
                        previous_event_id,
                        event_type,
                        details: details(),
                    });
                }
                id
            }
            None if self.enabled => {
                // Counted under the lock the event is pushed under.
                let mut events = self.events.lock().unwrap_or_else(PoisonError::into_inner);
                let id = self.count.load(Relaxed) + 1;
                self.count.store(id, Relaxed);
                events.push(HistoryEvent {
                    id,
                    previous_event_id,
                    event_type,
                    details: details(),
                });
                id
            }
            None => self.count.fetch_add(1, Relaxed) + 1,
        };
        thread.last = id;
        id
    }

    /// Where threads that run beside one another start from `parent`. The main thread hands
    /// its events over first: theirs, recorded under the lock, then follow its own in the
    /// order of ids.
    pub(crate) fn fork(&self, parent: &mut Thread) -> Fork {
        self.hand_over(parent);
        Fork {
            last: parent.last,
            silent: parent.silent,
        }
    }

    /// Moves the main thread's events into the shared list (a no-op for other threads).
    fn hand_over(&self, thread: &mut Thread) {
        let Some(own) = thread.own.as_mut().filter(|own| !own.is_empty()) else {
            return;
        };
        let mut events = self.events.lock().unwrap_or_else(PoisonError::into_inner);
        if events.is_empty() {
            std::mem::swap(&mut *events, own);
        } else {
            events.append(own);
        }
    }

    /// How many events the execution has had.
    pub(crate) fn len(&self) -> u64 {
        self.count.load(Relaxed)
    }

    /// The whole history, once `main`, the execution's main thread, has ended.
    pub(crate) fn take(&self, main: &mut Thread) -> super::Events {
        self.hand_over(main);
        let mut events =
            std::mem::take(&mut *self.events.lock().unwrap_or_else(PoisonError::into_inner));
        // Handed over before any thread beside it started, the events are in order of ids.
        // Should a thread beside others ever record while the main thread still keeps events
        // (a hand-over missing), they are put back in order rather than shown out of it.
        if !events.is_sorted_by_key(|event| event.id) {
            debug_assert!(false, "history events out of order");
            events.sort_by_key(|event| event.id);
        }
        super::Events::from(events)
    }
}

/// A state's entered event: its name and input are shared, not copied.
#[inline]
pub(crate) fn entered(name: StateName, input: &Value) -> Details {
    Details::from_parts(Parts::Entered {
        name,
        input: input.clone(),
    })
}

/// A state's exited event, with `assignedVariables` when any: its output is shared.
#[inline]
pub(crate) fn exited(name: StateName, output: &Value, assigned: Option<&Map>) -> Details {
    Details::from_parts(Parts::Exited {
        name,
        output: output.clone(),
        assigned: assigned.map(|a| Box::new(a.clone())),
    })
}

/// Details of named members, in order, made JSON when read.
pub(crate) fn members(members: Vec<(&'static str, Member)>) -> Details {
    Details::from_parts(Parts::Members(members))
}

/// `ExecutionStarted`'s details.
pub(crate) fn execution_started(input: &Value, role_arn: &Arc<str>) -> Details {
    Details::from_parts(Parts::Started {
        input: input.clone(),
        role_arn: Arc::clone(role_arn),
    })
}

/// `ExecutionSucceeded`'s details.
pub(crate) fn execution_succeeded(output: &Value) -> Details {
    Details::from_parts(Parts::Succeeded {
        output: output.clone(),
    })
}

/// `{"error": ..., "cause": ...}`, each only when present.
pub(crate) fn failed(failure: &super::Failure) -> Value {
    let mut details = Map::new();
    if !failure.error.is_empty() {
        details.insert("error", Value::from(failure.error.as_str()));
    }
    if let Some(cause) = failure.cause.as_ref().filter(|c| !c.is_empty()) {
        details.insert("cause", Value::from(cause.as_str()));
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
    fn shared_details_read_and_write_as_aws_shapes() {
        let input = Arc::new(crate::value::json!({"a": [1, 2]}));
        let details = entered(StateName::new("S"), &input);
        assert_eq!(
            *details,
            serde_json::json!({"input": {"a": [1, 2]}, "inputDetails": {"truncated": false},
                               "name": "S"})
        );
        let mut assigned = Map::new();
        assigned.insert("x", 1.into());
        let details = exited(StateName::new("S"), &input, Some(&assigned));
        let written = serde_json::to_string(&details).unwrap();
        assert_eq!(
            written,
            r#"{"name":"S","output":{"a":[1,2]},"outputDetails":{"truncated":false},"assignedVariables":{"x":1},"assignedVariablesDetails":{"truncated":false}}"#
        );
        assert_eq!(details.clone().into_json()["output"]["a"][1], 2);
    }

    #[test]
    fn events_chain_within_a_thread() {
        let history = History::new(true);
        let mut main = Thread::main(&history);
        assert_eq!(history.push(&mut main, "ExecutionStarted", None), 1);
        assert_eq!(history.push(&mut main, "PassStateEntered", None), 2);
        let events = history.take(&mut main);
        assert_eq!(events[1].previous_event_id, 1);
        assert_eq!(events[0].previous_event_id, 0);
    }

    #[test]
    fn threads_beside_the_main_one_follow_its_handed_over_events() {
        let history = History::new(true);
        let mut main = Thread::main(&history);
        history.push(&mut main, "ExecutionStarted", None);
        history.push(&mut main, "MapStateEntered", None);
        let fork = history.fork(&mut main);
        let mut iterations = [0, 1].map(|_| fork.thread(false));
        for iteration in &mut iterations {
            history.push(iteration, "MapIterationStarted", None);
        }
        for iteration in &mut iterations {
            history.push(iteration, "MapIterationSucceeded", None);
        }
        main.last = iterations[1].last;
        history.push(&mut main, "MapStateExited", None);
        let events = history.take(&mut main);
        let ids: Vec<(u64, u64)> = events
            .iter()
            .map(|event| (event.id, event.previous_event_id))
            .collect();
        assert_eq!(
            ids,
            [(1, 0), (2, 1), (3, 2), (4, 2), (5, 3), (6, 4), (7, 6)]
        );
        assert_eq!(history.len(), 7);
    }
}
