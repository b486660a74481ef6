//! An execution's recorded events, whose storage is kept for the thread's next execution
//! when they are dropped: a test suite running execution after execution records each one's
//! history into memory already laid out, instead of growing (and copying) a list every time
//! and giving a large block back to the allocator at every drop.

use std::cell::RefCell;

use serde::Serialize;

use super::history::HistoryEvent;

/// The most events whose storage is kept for reuse (5.2 MB): more than the 25,000 AWS allows,
/// for local load runs that lift that limit. Larger lists are freed.
const KEEP_AT_MOST: usize = 65_536;

thread_local! {
    /// Emptied storage for this thread's next recorded history.
    static SPARE: RefCell<Vec<HistoryEvent>> = const { RefCell::new(Vec::new()) };
}

/// Storage for a new history: the spare list this thread kept, if any.
pub(crate) fn storage() -> Vec<HistoryEvent> {
    SPARE
        .try_with(|spare| spare.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// The events of an execution, in order, as `GetExecutionHistory` returns them. It reads as
/// a slice of [`HistoryEvent`]s (`len`, `iter`, indexing, `last`...) and serializes as a JSON
/// array; [`Events::into_vec`] gives the events as a `Vec`.
#[derive(Default)]
pub struct Events {
    events: Vec<HistoryEvent>,
}

impl Events {
    /// The events as a vector (its storage then goes with it).
    pub fn into_vec(mut self) -> Vec<HistoryEvent> {
        std::mem::take(&mut self.events)
    }
}

impl From<Vec<HistoryEvent>> for Events {
    fn from(events: Vec<HistoryEvent>) -> Self {
        Events { events }
    }
}

impl Drop for Events {
    /// Drops the events and keeps their emptied storage for this thread's next history, when
    /// it is larger than the one kept already and not too large.
    fn drop(&mut self) {
        let mut events = std::mem::take(&mut self.events);
        if events.capacity() == 0 || events.capacity() > KEEP_AT_MOST {
            return;
        }
        events.clear();
        // A thread being torn down, or a history dropped while the spare is read, keeps none.
        let _ = SPARE.try_with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut()
                && spare.capacity() < events.capacity()
            {
                *spare = events;
            }
        });
    }
}

impl std::ops::Deref for Events {
    type Target = [HistoryEvent];

    fn deref(&self) -> &[HistoryEvent] {
        &self.events
    }
}

impl<'a> IntoIterator for &'a Events {
    type Item = &'a HistoryEvent;
    type IntoIter = std::slice::Iter<'a, HistoryEvent>;

    fn into_iter(self) -> Self::IntoIter {
        self.events.iter()
    }
}

impl IntoIterator for Events {
    type Item = HistoryEvent;
    type IntoIter = std::vec::IntoIter<HistoryEvent>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl Clone for Events {
    fn clone(&self) -> Self {
        Events {
            events: self.events.clone(),
        }
    }
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.events).finish()
    }
}

impl PartialEq for Events {
    fn eq(&self, other: &Self) -> bool {
        self.events == other.events
    }
}

impl Serialize for Events {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.events.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: u64) -> HistoryEvent {
        HistoryEvent {
            id,
            previous_event_id: id.saturating_sub(1),
            event_type: "PassStateEntered",
            details: None,
        }
    }

    #[test]
    fn dropped_events_leave_their_storage_for_the_next_history_of_the_thread() {
        // A thread of its own: the spare of the test harness's thread is not this test's.
        std::thread::spawn(|| {
            let events = Events::from((1..=100).map(event).collect::<Vec<_>>());
            assert_eq!(events.len(), 100);
            assert_eq!(events[99].id, 100);
            assert_eq!(events.iter().filter(|e| e.id % 2 == 0).count(), 50);
            let capacity = events.events.capacity();
            drop(events);
            let reused = storage();
            assert!(reused.is_empty());
            assert_eq!(reused.capacity(), capacity);
            // Taken once: the next history starts with none.
            assert_eq!(storage().capacity(), 0);
            // A smaller list does not replace a larger spare.
            drop(Events::from(reused));
            drop(Events::from(vec![event(1)]));
            assert_eq!(storage().capacity(), capacity);
            // Too large a list is freed, not kept.
            drop(Events::from(Vec::with_capacity(KEEP_AT_MOST + 1)));
            assert_eq!(storage().capacity(), 0);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn events_read_and_write_as_a_list() {
        let events = Events::from(vec![event(1), event(2)]);
        assert_eq!(
            serde_json::to_value(&events).unwrap(),
            serde_json::json!([
                {"id": 1, "previousEventId": 0, "type": "PassStateEntered"},
                {"id": 2, "previousEventId": 1, "type": "PassStateEntered"}
            ])
        );
        assert_eq!(events.clone(), events);
        assert_eq!(events.into_iter().map(|e| e.id).sum::<u64>(), 3);
    }
}
