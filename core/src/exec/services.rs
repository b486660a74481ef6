//! In-memory SQS queues and SNS topics: what tasks send, for tests to read or react to.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::lambda::{Handler, InvokeContext};

/// A message a task sent to a queue or published to a topic.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// The message id returned to the task.
    pub message_id: String,
    /// The body: `MessageBody` (SQS) or `Message` (SNS), as the task gave it.
    pub body: Value,
    /// Every parameter of the request, as the task gave them.
    pub request: Value,
}

#[derive(Default)]
struct Inner {
    messages: HashMap<String, Vec<Message>>,
    subscribers: HashMap<String, Vec<Arc<dyn Handler>>>,
}

/// The queues (by `QueueUrl`) and topics (by `TopicArn`) of one executor.
#[derive(Default)]
pub struct Services {
    inner: Mutex<Inner>,
}

impl Services {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Every message sent to a queue URL or topic ARN so far.
    pub fn messages(&self, destination: &str) -> Vec<Message> {
        self.lock()
            .messages
            .get(destination)
            .cloned()
            .unwrap_or_default()
    }

    /// Calls `handler` with an SQS- or SNS-shaped event for every message sent to
    /// `destination` from now on (as a queue's or topic's Lambda trigger would).
    pub fn subscribe(&self, destination: &str, handler: impl Handler) {
        self.lock()
            .subscribers
            .entry(destination.to_string())
            .or_default()
            .push(Arc::new(handler));
    }

    /// Stores a message and gives the subscribers that must be called with it.
    pub(crate) fn deliver(&self, destination: &str, message: Message) -> Vec<Arc<dyn Handler>> {
        let mut inner = self.lock();
        inner
            .messages
            .entry(destination.to_string())
            .or_default()
            .push(message);
        inner
            .subscribers
            .get(destination)
            .cloned()
            .unwrap_or_default()
    }
}

/// Runs the subscribers of a message in the background, with the event a trigger receives.
pub(crate) fn notify(subscribers: Vec<Arc<dyn Handler>>, event: Value) {
    for subscriber in subscribers {
        let event = event.clone();
        tokio::spawn(async move {
            // A subscriber's error or panic is its own business, as with a real trigger.
            let call = subscriber.call(event, InvokeContext::default());
            let _ = futures_util::FutureExt::catch_unwind(std::panic::AssertUnwindSafe(call)).await;
        });
    }
}
