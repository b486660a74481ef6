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
    /// S3 objects by (bucket, key).
    objects: std::collections::BTreeMap<(String, String), String>,
    /// Buckets read from local folders.
    folders: HashMap<String, std::path::PathBuf>,
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

    /// Stores an S3 object (what distributed Map states read with `ItemReader`).
    pub fn put_object(&self, bucket: &str, key: &str, body: impl Into<String>) {
        self.lock()
            .objects
            .insert((bucket.to_string(), key.to_string()), body.into());
    }

    /// Serves a bucket from a local folder: key `a/b.csv` is the file `folder/a/b.csv`.
    pub fn mount_bucket(&self, bucket: &str, folder: impl Into<std::path::PathBuf>) {
        self.lock()
            .folders
            .insert(bucket.to_string(), folder.into());
    }

    /// An S3 object's body, from memory or from a mounted folder.
    pub fn object(&self, bucket: &str, key: &str) -> Option<String> {
        let inner = self.lock();
        if let Some(body) = inner.objects.get(&(bucket.to_string(), key.to_string())) {
            return Some(body.clone());
        }
        let folder = inner.folders.get(bucket)?.clone();
        drop(inner);
        let relative = std::path::Path::new(key);
        // A key never leaves its folder.
        if relative
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return None;
        }
        std::fs::read_to_string(folder.join(relative)).ok()
    }

    /// The keys of a bucket's in-memory objects that start with `prefix`, in order.
    pub fn keys(&self, bucket: &str, prefix: &str) -> Vec<String> {
        self.lock()
            .objects
            .keys()
            .filter(|(b, k)| b == bucket && k.starts_with(prefix))
            .map(|(_, k)| k.clone())
            .collect()
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
