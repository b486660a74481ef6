//! Mocks: answers for Task resources that have no local integration.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde_json::Value;

use super::Failure;

/// The future a mock returns.
pub type MockFuture = Pin<Box<dyn Future<Output = Result<Value, Failure>> + Send>>;

/// Answers a Task: the resource and its parameters in, a result or a failure out.
pub trait Mock: Send + Sync + 'static {
    /// Answers one call.
    fn call(&self, resource: &str, parameters: Value) -> MockFuture;
}

impl<F, Fut> Mock for F
where
    F: Fn(String, Value) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Value, Failure>> + Send + 'static,
{
    fn call(&self, resource: &str, parameters: Value) -> MockFuture {
        Box::pin(self(resource.to_string(), parameters))
    }
}

/// The mocks of an executor, by resource.
#[derive(Clone, Default)]
pub(crate) struct Mocks {
    by_resource: HashMap<String, Arc<dyn Mock>>,
}

impl Mocks {
    pub(crate) fn insert(&mut self, resource: &str, mock: Arc<dyn Mock>) {
        self.by_resource.insert(resource.to_string(), mock);
    }

    pub(crate) fn find(&self, resource: &str) -> Option<Arc<dyn Mock>> {
        self.by_resource.get(resource).cloned()
    }
}
