//! The 18 intrinsic functions and their signatures: how many arguments, and what literals fit.

use super::IntrinsicError;
use super::ast::{Arg, ArgValue, Call};

/// One of the `States.*` intrinsic functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Function {
    /// `States.Format(template, value...)`: fills each `{}` of the template.
    Format,
    /// `States.StringToJson(text)`: parses JSON text.
    StringToJson,
    /// `States.JsonToString(value)`: writes a value as JSON text.
    JsonToString,
    /// `States.Array(value...)`: an array of the arguments.
    Array,
    /// `States.ArrayPartition(array, size)`: chunks of at most `size` elements.
    ArrayPartition,
    /// `States.ArrayContains(array, value)`: whether the array holds the value.
    ArrayContains,
    /// `States.ArrayRange(start, end, step)`: the numbers from start to end by step.
    ArrayRange,
    /// `States.ArrayGetItem(array, index)`: the element at the index.
    ArrayGetItem,
    /// `States.ArrayLength(array)`: the number of elements.
    ArrayLength,
    /// `States.ArrayUnique(array)`: the elements without duplicates.
    ArrayUnique,
    /// `States.Base64Encode(text)`.
    Base64Encode,
    /// `States.Base64Decode(text)`.
    Base64Decode,
    /// `States.Hash(data, algorithm)`: a hex digest.
    Hash,
    /// `States.JsonMerge(left, right, false)`: a shallow merge of two objects.
    JsonMerge,
    /// `States.MathRandom(start, end[, seed])`: a random integer in `[start, end)`.
    MathRandom,
    /// `States.MathAdd(a, b)`: the sum.
    MathAdd,
    /// `States.StringSplit(text, delimiters)`: the parts between delimiter characters.
    StringSplit,
    /// `States.UUID()`: a random version 4 UUID.
    Uuid,
}

/// The algorithms `States.Hash` accepts, spelled as AWS spells them.
pub const HASH_ALGORITHMS: [&str; 5] = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

/// What an argument position accepts, as far as a literal can show it.
#[derive(Clone, Copy, Debug)]
enum Param {
    /// Any value.
    Any,
    /// Text: a string literal, or a path or call.
    Text,
    /// A number literal, or a path or call.
    Number,
    /// A path or call; no literal has this kind (an array or an object).
    Computed(&'static str),
    /// The template of `States.Format`: a string literal (whose `{}` are counted), or a path
    /// or call.
    Template,
    /// A string literal naming one of [`HASH_ALGORITHMS`], or a path or call.
    HashAlgorithm,
    /// The deep-merge flag of `States.JsonMerge`: AWS only supports `false`.
    DeepMerge,
}

/// Arguments and their kinds.
struct Signature {
    /// The kinds of the leading arguments.
    params: &'static [Param],
    /// How many arguments are required.
    required: usize,
    /// The kind of any further arguments, when there may be any number.
    rest: Option<Param>,
    /// The argument names, for arity messages.
    usage: &'static str,
}

const ARRAY: Param = Param::Computed("an array");
const OBJECT: Param = Param::Computed("a JSON object");

impl Function {
    /// All 18 functions, in the order of the AWS documentation.
    pub const ALL: [Function; 18] = [
        Function::Format,
        Function::StringToJson,
        Function::JsonToString,
        Function::Array,
        Function::ArrayPartition,
        Function::ArrayContains,
        Function::ArrayRange,
        Function::ArrayGetItem,
        Function::ArrayLength,
        Function::ArrayUnique,
        Function::Base64Encode,
        Function::Base64Decode,
        Function::Hash,
        Function::JsonMerge,
        Function::MathRandom,
        Function::MathAdd,
        Function::StringSplit,
        Function::Uuid,
    ];

    /// The name after `States.`, such as `Format` or `UUID`.
    pub fn name(self) -> &'static str {
        match self {
            Function::Format => "Format",
            Function::StringToJson => "StringToJson",
            Function::JsonToString => "JsonToString",
            Function::Array => "Array",
            Function::ArrayPartition => "ArrayPartition",
            Function::ArrayContains => "ArrayContains",
            Function::ArrayRange => "ArrayRange",
            Function::ArrayGetItem => "ArrayGetItem",
            Function::ArrayLength => "ArrayLength",
            Function::ArrayUnique => "ArrayUnique",
            Function::Base64Encode => "Base64Encode",
            Function::Base64Decode => "Base64Decode",
            Function::Hash => "Hash",
            Function::JsonMerge => "JsonMerge",
            Function::MathRandom => "MathRandom",
            Function::MathAdd => "MathAdd",
            Function::StringSplit => "StringSplit",
            Function::Uuid => "UUID",
        }
    }

    /// The function with this name after `States.` (case-sensitive, as AWS is).
    pub fn from_name(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The fewest arguments the function takes.
    pub fn min_args(self) -> usize {
        self.signature().required
    }

    /// The most arguments the function takes; `None` when there is no limit.
    pub fn max_args(self) -> Option<usize> {
        let signature = self.signature();
        signature.rest.is_none().then_some(signature.params.len())
    }

    fn signature(self) -> Signature {
        use Param::{Any, DeepMerge, HashAlgorithm, Number, Template, Text};
        let (params, required, rest, usage): (&'static [Param], _, _, _) = match self {
            Function::Format => (&[Template], 1, Some(Any), "template, value..."),
            Function::StringToJson => (&[Text], 1, None, "text"),
            Function::JsonToString => (&[Param::Computed("a path")], 1, None, "path"),
            Function::Array => (&[], 0, Some(Any), "value..."),
            Function::ArrayPartition => (&[ARRAY, Number], 2, None, "array, chunk size"),
            Function::ArrayContains => (&[ARRAY, Any], 2, None, "array, value"),
            Function::ArrayRange => (&[Number, Number, Number], 3, None, "start, end, step"),
            Function::ArrayGetItem => (&[ARRAY, Number], 2, None, "array, index"),
            Function::ArrayLength => (&[ARRAY], 1, None, "array"),
            Function::ArrayUnique => (&[ARRAY], 1, None, "array"),
            Function::Base64Encode => (&[Text], 1, None, "text"),
            Function::Base64Decode => (&[Text], 1, None, "base64 text"),
            Function::Hash => (&[Text, HashAlgorithm], 2, None, "data, algorithm"),
            Function::JsonMerge => (&[OBJECT, OBJECT, DeepMerge], 3, None, "left, right, false"),
            Function::MathRandom => (&[Number, Number, Number], 2, None, "start, end[, seed]"),
            Function::MathAdd => (&[Number, Number], 2, None, "a, b"),
            Function::StringSplit => (&[Text, Text], 2, None, "text, delimiters"),
            Function::Uuid => (&[], 0, None, ""),
        };
        Signature {
            params,
            required,
            rest,
            usage,
        }
    }
}

/// Checks a parsed call, and every call nested in it, against the signatures.
pub(crate) fn check_call(call: &Call) -> Result<(), IntrinsicError> {
    let Some(function) = Function::from_name(&call.name) else {
        return Err(IntrinsicError::new(
            call.position,
            unknown_function(&call.name),
        ));
    };
    let signature = function.signature();
    let count = call.args.len();
    let max = function.max_args();
    if count < signature.required || max.is_some_and(|max| count > max) {
        return Err(IntrinsicError::new(
            call.position,
            arity_message(function, &signature, count),
        ));
    }
    for (i, arg) in call.args.iter().enumerate() {
        let param = signature
            .params
            .get(i)
            .copied()
            .or(signature.rest)
            .unwrap_or(Param::Any);
        check_arg(function, i, param, arg)?;
        if matches!(param, Param::Template) {
            check_placeholders(call, arg)?;
        }
        if let ArgValue::Call(nested) = &arg.value {
            check_call(nested)?;
        }
    }
    Ok(())
}

fn arity_message(function: Function, signature: &Signature, count: usize) -> String {
    let name = function.name();
    let expected = match (signature.required, function.max_args()) {
        (0, Some(0)) => "no arguments".to_owned(),
        (1, Some(1)) => "1 argument".to_owned(),
        (min, Some(max)) if min == max => format!("{min} arguments"),
        (min, Some(max)) => format!("{min} or {max} arguments"),
        (1, None) => "at least 1 argument".to_owned(),
        (min, None) => format!("at least {min} arguments"),
    };
    let got = match count {
        1 => "1 was given".to_owned(),
        n => format!("{n} were given"),
    };
    let usage = match signature.usage {
        "" => String::new(),
        usage => format!(" ({usage})"),
    };
    format!("`States.{name}` takes {expected}{usage}, but {got}")
}

fn check_arg(
    function: Function,
    index: usize,
    param: Param,
    arg: &Arg,
) -> Result<(), IntrinsicError> {
    let name = function.name();
    let ordinal = index + 1;
    let fail = |message: String| Err(IntrinsicError::new(arg.position, message));
    if !arg.value.is_literal() {
        return Ok(());
    }
    let got = arg.value.describe();
    match (param, &arg.value) {
        (Param::Any, _) => Ok(()),
        (Param::Text | Param::Template, ArgValue::String(_)) => Ok(()),
        (Param::Text | Param::Template, _) => fail(format!(
            "argument {ordinal} of `States.{name}` must be a string, but it is {got}; \
             quote text in single quotes, or pass a path"
        )),
        (Param::Number, ArgValue::Number(_)) => Ok(()),
        (Param::Number, ArgValue::String(literal)) if literal.value.parse::<f64>().is_ok() => {
            fail(format!(
                "argument {ordinal} of `States.{name}` must be a number, but it is {got}; \
                 write `{}` without quotes",
                literal.value
            ))
        }
        (Param::Number, _) => fail(format!(
            "argument {ordinal} of `States.{name}` must be a number, but it is {got}"
        )),
        (Param::Computed(kind), _) => fail(format!(
            "argument {ordinal} of `States.{name}` must be {kind}, which a literal cannot \
             be; pass a path such as `$.field`, or a call that returns one (it is {got})"
        )),
        (Param::HashAlgorithm, ArgValue::String(literal))
            if HASH_ALGORITHMS.contains(&literal.value.as_str()) =>
        {
            Ok(())
        }
        (Param::HashAlgorithm, _) => fail(format!(
            "`States.Hash` does not know the algorithm {got}; use one of 'MD5', 'SHA-1', \
             'SHA-256', 'SHA-384' or 'SHA-512'"
        )),
        (Param::DeepMerge, ArgValue::Bool(false)) => Ok(()),
        (Param::DeepMerge, _) => fail(format!(
            "the third argument of `States.JsonMerge` must be `false`, but it is {got}: AWS \
             only supports a shallow merge"
        )),
    }
}

/// A literal `States.Format` template has exactly one `{}` for each further argument.
fn check_placeholders(call: &Call, template: &Arg) -> Result<(), IntrinsicError> {
    let ArgValue::String(literal) = &template.value else {
        return Ok(());
    };
    let placeholders = literal.placeholders.len();
    let values = call.args.len().saturating_sub(1);
    if placeholders == values {
        return Ok(());
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    Err(IntrinsicError::new(
        template.position,
        format!(
            "the `States.Format` template has {} but {} {} it; pass one value for each `{{}}` \
             (write `\\{{` and `\\}}` for literal braces)",
            plural(placeholders, "`{}` placeholder", "`{}` placeholders"),
            plural(values, "value", "values"),
            if values == 1 { "follows" } else { "follow" },
        ),
    ))
}

/// The message for an unknown name: the closest known names first.
fn unknown_function(name: &str) -> String {
    let wanted: Vec<char> = name.to_lowercase().chars().collect();
    let mut ranked: Vec<(usize, Function)> = Function::ALL
        .into_iter()
        .map(|f| {
            let known: Vec<char> = f.name().to_lowercase().chars().collect();
            (edit_distance(&wanted, &known), f)
        })
        .collect();
    ranked.sort_by_key(|&(distance, _)| distance);
    let best = ranked.first().map_or(usize::MAX, |&(distance, _)| distance);
    if best <= 2 {
        let matches: Vec<String> = ranked
            .iter()
            .filter(|&&(distance, _)| distance == best)
            .map(|(_, f)| format!("`States.{}`", f.name()))
            .collect();
        return format!(
            "unknown intrinsic function `States.{name}`; did you mean {}?",
            matches.join(" or ")
        );
    }
    let closest: Vec<String> = ranked
        .iter()
        .take(3)
        .map(|(_, f)| format!("`States.{}`", f.name()))
        .collect();
    format!(
        "unknown intrinsic function `States.{name}`; the closest known ones are {}",
        closest.join(", ")
    )
}

/// Levenshtein distance. The known names are short, so this stays cheap for any input.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous
                .get(j)
                .map_or(usize::MAX, |&d| d + usize::from(ca != cb));
            let deletion = previous.get(j + 1).map_or(usize::MAX, |&d| d + 1);
            let insertion = current.get(j).map_or(usize::MAX, |&d| d + 1);
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = substitution.min(deletion).min(insertion);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}
