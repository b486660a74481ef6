//! Where a JSONata value sits in a state's definition (`Output/items/0`): spelled out only
//! when an error names it, not for every member evaluated.

use std::fmt;

/// A field of a state, or a member or item inside one.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Field<'a> {
    /// A field by its name (or a path already spelled out).
    Named(&'a str),
    /// A member of an object inside a field.
    Member(&'a Field<'a>, &'a str),
    /// An item of an array inside a field.
    Item(&'a Field<'a>, usize),
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Named(name) => f.write_str(name),
            Field::Member(parent, key) => write!(f, "{parent}/{key}"),
            Field::Item(parent, index) => write!(f, "{parent}/{index}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_spelled_as_aws_locates_them() {
        let output = Field::Named("Output");
        let items = Field::Member(&output, "items");
        assert_eq!(Field::Item(&items, 0).to_string(), "Output/items/0");
        let choices = Field::Named("Choices");
        let rule = Field::Item(&choices, 2);
        assert_eq!(
            Field::Member(&rule, "Condition").to_string(),
            "Choices/2/Condition"
        );
    }
}
