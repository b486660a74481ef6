//! `Str`: a shared, immutable JSON string that knows its length as JSON text.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// A JSON string: cloning shares the text, and the length of the string written as JSON (quotes
/// and escapes included) is counted once, when it is made, so the payload limit is checked
/// without reading the text again at every state it passes through.
///
/// It is one pointer wide, so that a [`Value`](super::Value) is three words and an object's
/// member (key and value) four: copies of objects and arrays move less memory.
#[derive(Clone)]
pub struct Str(Arc<Body>);

/// A string's text and its length as JSON.
struct Body {
    json_len: usize,
    text: Box<str>,
}

impl Str {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0.text
    }

    /// The number of bytes of this string written as compact JSON, quotes included.
    pub fn json_len(&self) -> usize {
        self.0.json_len
    }

    /// Whether two strings share their text (a clone of one another).
    pub fn ptr_eq(a: &Str, b: &Str) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl From<Box<str>> for Str {
    fn from(text: Box<str>) -> Self {
        let json_len = json_string_len(&text);
        Str(Arc::new(Body { json_len, text }))
    }
}

impl From<Arc<str>> for Str {
    fn from(text: Arc<str>) -> Self {
        Str::from(Box::<str>::from(&*text))
    }
}

impl From<&str> for Str {
    fn from(text: &str) -> Self {
        Str::from(Box::<str>::from(text))
    }
}

impl From<String> for Str {
    fn from(text: String) -> Self {
        Str::from(text.into_boxed_str())
    }
}

impl From<&String> for Str {
    fn from(text: &String) -> Self {
        Str::from(text.as_str())
    }
}

impl From<&Str> for Str {
    fn from(text: &Str) -> Self {
        text.clone()
    }
}

impl From<Str> for String {
    fn from(text: Str) -> Self {
        text.as_str().to_owned()
    }
}

impl From<&Str> for String {
    fn from(text: &Str) -> Self {
        text.as_str().to_owned()
    }
}

impl Default for Str {
    fn default() -> Self {
        Str::from("")
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Hash for Str {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        Str::ptr_eq(self, other) || self.as_str() == other.as_str()
    }
}

impl Eq for Str {}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    fn cmp(&self, other: &Str) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Str> for str {
    fn eq(&self, other: &Str) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, other: &Str) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Str> for String {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The length of `s` written as a JSON string, quotes and escapes included (as serde_json
/// writes it).
fn json_string_len(s: &str) -> usize {
    // Most strings need no escape: check that in blocks, count one by one otherwise.
    if !needs_escape(s.as_bytes()) {
        return s.len() + 2;
    }
    2 + s
        .bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
            0..=0x1f => 6,
            _ => 1,
        })
        .sum::<usize>()
}

/// Whether any byte is a control character, `"` or `\\`. Whole blocks of 64 bytes are checked
/// without an exit inside the block, which the compiler turns into vector compares.
fn needs_escape(bytes: &[u8]) -> bool {
    let special = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        if block.iter().fold(false, |hit, &b| hit | special(b)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| special(b))
}
