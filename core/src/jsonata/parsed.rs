//! Parsed JSONata expressions kept by their text, one cache per thread: a state's expressions
//! are parsed (and what they need found) once, not at every evaluation (parsing was an eighth
//! of a JSONata state's time).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use jsonata_core::ast::AstNode;
use jsonata_core::parser::ParserError;

use super::needs::Needs;

/// An expression's syntax tree and what evaluating it needs.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub(crate) ast: AstNode,
    pub(crate) needs: Needs,
}

/// The most expressions a thread keeps; past it, it starts over (expressions could be built
/// from data).
const CAPACITY: usize = 4_096;

thread_local! {
    static PARSED: RefCell<HashMap<String, Rc<Parsed>, foldhash::fast::RandomState>> =
        RefCell::default();
}

/// The parsed form of `expression`; a syntax error is not kept (it is reported every time).
pub(crate) fn parse_cached(expression: &str) -> Result<Rc<Parsed>, ParserError> {
    if let Some(found) = PARSED.with(|map| map.borrow().get(expression).cloned()) {
        return Ok(found);
    }
    let ast = jsonata_core::parser::parse(expression)?;
    let parsed = Rc::new(Parsed {
        needs: Needs::of(&ast),
        ast,
    });
    PARSED.with(|map| {
        let mut map = map.borrow_mut();
        if map.len() >= CAPACITY {
            map.clear();
        }
        map.insert(expression.to_string(), Rc::clone(&parsed));
    });
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expression_is_parsed_once_per_thread() {
        let first = parse_cached("$states.input.n + 1").unwrap();
        let second = parse_cached("$states.input.n + 1").unwrap();
        assert!(Rc::ptr_eq(&first, &second));
        assert!(!first.needs.context);
        assert!(parse_cached("$states.context").unwrap().needs.context);
        assert!(parse_cached("$states.input.(").is_err());
    }
}
