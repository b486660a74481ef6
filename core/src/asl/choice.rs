//! The Choice state and its rules (spec "Choice State", "Choice Rules").

use serde::de::Error as _;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::QueryLanguage;
use super::field::present;

/// A Choice state: goes to the `Next` of the first rule that matches, else to `Default`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceState {
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
    /// The rules, tried in order.
    #[serde(rename = "Choices")]
    pub choices: Vec<ChoiceRule>,
    /// The state to go to when no rule matches.
    #[serde(rename = "Default", default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// JSONPath: selects the part of the input the rules see.
    #[serde(
        rename = "InputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub input_path: Option<Option<String>>,
    /// JSONPath: selects the part of the input passed on.
    #[serde(
        rename = "OutputPath",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output_path: Option<Option<String>>,
    /// JSONata: the state's output (a rule's own `Output` wins).
    #[serde(
        rename = "Output",
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub output: Option<Value>,
    /// Variables assigned when no rule's own `Assign` applies.
    #[serde(rename = "Assign", default, skip_serializing_if = "Option::is_none")]
    pub assign: Option<Map<String, Value>>,
}

/// A Choice rule: a comparison, a boolean combination of rules, or a JSONata `Condition`.
///
/// Top-level rules carry `Next` (and may carry `Assign` and `Output`); rules nested in
/// `And`, `Or` and `Not` do not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChoiceRule {
    /// JSONPath: the path whose value is compared.
    pub variable: Option<String>,
    /// The comparison applied to `variable`.
    pub comparison: Option<Comparison>,
    /// Matches when every rule matches.
    pub and: Option<Vec<ChoiceRule>>,
    /// Matches when any rule matches.
    pub or: Option<Vec<ChoiceRule>>,
    /// Matches when the rule does not.
    pub not: Option<Box<ChoiceRule>>,
    /// JSONata: a `{% %}` expression that gives a boolean, or a literal boolean.
    pub condition: Option<Value>,
    /// The state to go to when the rule matches.
    pub next: Option<String>,
    /// Variables assigned when the rule matches.
    pub assign: Option<Map<String, Value>>,
    /// JSONata: the state's output when the rule matches.
    pub output: Option<Value>,
    /// A human-readable description of the rule.
    pub comment: Option<String>,
}

/// A data-test comparison: an operator and its operand.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The operator, e.g. `StringEquals` or `NumericLessThanPath`.
    pub operator: ComparisonOperator,
    /// The operand as written: a literal, or a path for the `...Path` operators.
    pub operand: Value,
}

/// What an operator's operand must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandKind {
    /// A string.
    String,
    /// A number.
    Number,
    /// A boolean.
    Boolean,
    /// An RFC 3339 timestamp string.
    Timestamp,
    /// A reference path to the value compared against.
    Path,
    /// A string pattern where `*` matches any text.
    Pattern,
}

macro_rules! comparison_operators {
    ($($variant:ident => $kind:ident,)*) => {
        /// Every comparison operator of the Choice state.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ComparisonOperator {
            $(
                #[doc = concat!("`", stringify!($variant), "`")]
                $variant,
            )*
        }

        impl ComparisonOperator {
            /// Every operator, in the order of the spec.
            pub const ALL: &'static [ComparisonOperator] = &[$(ComparisonOperator::$variant,)*];

            /// The operator's ASL name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ComparisonOperator::$variant => stringify!($variant),)*
                }
            }

            /// What the operand must be.
            pub fn operand_kind(self) -> OperandKind {
                match self {
                    $(ComparisonOperator::$variant => OperandKind::$kind,)*
                }
            }
        }
    };
}

comparison_operators! {
    StringEquals => String,
    StringEqualsPath => Path,
    StringLessThan => String,
    StringLessThanPath => Path,
    StringGreaterThan => String,
    StringGreaterThanPath => Path,
    StringLessThanEquals => String,
    StringLessThanEqualsPath => Path,
    StringGreaterThanEquals => String,
    StringGreaterThanEqualsPath => Path,
    StringMatches => Pattern,
    NumericEquals => Number,
    NumericEqualsPath => Path,
    NumericLessThan => Number,
    NumericLessThanPath => Path,
    NumericGreaterThan => Number,
    NumericGreaterThanPath => Path,
    NumericLessThanEquals => Number,
    NumericLessThanEqualsPath => Path,
    NumericGreaterThanEquals => Number,
    NumericGreaterThanEqualsPath => Path,
    BooleanEquals => Boolean,
    BooleanEqualsPath => Path,
    TimestampEquals => Timestamp,
    TimestampEqualsPath => Path,
    TimestampLessThan => Timestamp,
    TimestampLessThanPath => Path,
    TimestampGreaterThan => Timestamp,
    TimestampGreaterThanPath => Path,
    TimestampLessThanEquals => Timestamp,
    TimestampLessThanEqualsPath => Path,
    TimestampGreaterThanEquals => Timestamp,
    TimestampGreaterThanEqualsPath => Path,
    IsNull => Boolean,
    IsPresent => Boolean,
    IsNumeric => Boolean,
    IsString => Boolean,
    IsBoolean => Boolean,
    IsTimestamp => Boolean,
}

impl ComparisonOperator {
    /// The operator an ASL name denotes, if any.
    pub fn from_name(name: &str) -> Option<ComparisonOperator> {
        ComparisonOperator::ALL
            .iter()
            .copied()
            .find(|op| op.as_str() == name)
    }
}

const VARIABLE: &str = "Variable";
const AND: &str = "And";
const OR: &str = "Or";
const NOT: &str = "Not";
const CONDITION: &str = "Condition";
const NEXT: &str = "Next";
const ASSIGN: &str = "Assign";
const OUTPUT: &str = "Output";
const COMMENT: &str = "Comment";

impl Serialize for ChoiceRule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(variable) = &self.variable {
            map.serialize_entry(VARIABLE, variable)?;
        }
        if let Some(comparison) = &self.comparison {
            map.serialize_entry(comparison.operator.as_str(), &comparison.operand)?;
        }
        if let Some(and) = &self.and {
            map.serialize_entry(AND, and)?;
        }
        if let Some(or) = &self.or {
            map.serialize_entry(OR, or)?;
        }
        if let Some(not) = &self.not {
            map.serialize_entry(NOT, not)?;
        }
        if let Some(condition) = &self.condition {
            map.serialize_entry(CONDITION, condition)?;
        }
        if let Some(next) = &self.next {
            map.serialize_entry(NEXT, next)?;
        }
        if let Some(assign) = &self.assign {
            map.serialize_entry(ASSIGN, assign)?;
        }
        if let Some(output) = &self.output {
            map.serialize_entry(OUTPUT, output)?;
        }
        if let Some(comment) = &self.comment {
            map.serialize_entry(COMMENT, comment)?;
        }
        map.end()
    }
}

fn rule_field<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    key: &str,
    value: Value,
) -> Result<T, E> {
    serde_json::from_value(value)
        .map_err(|e| E::custom(format_args!("Choice rule field `{key}`: {e}")))
}

impl<'de> Deserialize<'de> for ChoiceRule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let fields = Map::<String, Value>::deserialize(deserializer)?;
        let mut rule = ChoiceRule::default();
        for (key, value) in fields {
            match key.as_str() {
                VARIABLE => rule.variable = Some(rule_field::<_, D::Error>(&key, value)?),
                AND => rule.and = Some(rule_field::<_, D::Error>(&key, value)?),
                OR => rule.or = Some(rule_field::<_, D::Error>(&key, value)?),
                NOT => rule.not = Some(rule_field::<_, D::Error>(&key, value)?),
                CONDITION => rule.condition = Some(value),
                NEXT => rule.next = Some(rule_field::<_, D::Error>(&key, value)?),
                ASSIGN => rule.assign = Some(rule_field::<_, D::Error>(&key, value)?),
                OUTPUT => rule.output = Some(value),
                COMMENT => rule.comment = Some(rule_field::<_, D::Error>(&key, value)?),
                name => {
                    let Some(operator) = ComparisonOperator::from_name(name) else {
                        return Err(D::Error::custom(format_args!(
                            "unknown field `{name}` in a Choice rule"
                        )));
                    };
                    if let Some(first) = &rule.comparison {
                        return Err(D::Error::custom(format_args!(
                            "a Choice rule has one comparison operator, found `{}` and `{name}`",
                            first.operator.as_str()
                        )));
                    }
                    rule.comparison = Some(Comparison {
                        operator,
                        operand: value,
                    });
                }
            }
        }
        Ok(rule)
    }
}
