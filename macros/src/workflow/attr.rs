//! Parsing: the `#[workflow(..)]`, `#[state(..)]`, `#[choice(..)]`, `#[retry(..)]` and
//! `#[catch(..)]` attributes into the [`ast`](super::ast) types.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Expr, Fields, GenericArgument, Ident, LitStr, PathArguments,
    Token, Type,
};

use super::ast::*;
use super::rules::choice;
use crate::errors::Errors;

/// Parses the workflow struct; attribute errors are collected in `errors`.
pub fn workflow(input: &DeriveInput, errors: &mut Errors) -> Option<Workflow> {
    let Data::Struct(data) = &input.data else {
        errors.push(syn::Error::new(
            input.ident.span(),
            "`Workflow` is derived on a struct whose fields are the states",
        ));
        return None;
    };
    let Fields::Named(named) = &data.fields else {
        errors.push(syn::Error::new(
            input.ident.span(),
            "`Workflow` needs named fields, one per state",
        ));
        return None;
    };
    let mut workflow = Workflow {
        ident: input.ident.clone(),
        input: None,
        output: None,
        comment: doc(&input.attrs),
        start: None,
        jsonata: false,
        timeout_seconds: None,
        states: Vec::new(),
    };
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("workflow")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key(&meta);
            match key.as_str() {
                // #[workflow(input = Type)]
                "input" => workflow.input = Some(meta.value()?.parse()?),
                // #[workflow(output = Type)]
                "output" => workflow.output = Some(meta.value()?.parse()?),
                // #[workflow(comment = "..")]
                "comment" => workflow.comment = Some(meta.value()?.parse::<LitStr>()?.value()),
                // #[workflow(start = field)]
                "start" => workflow.start = Some(meta.value()?.parse()?),
                // #[workflow(timeout_seconds = 300)]
                "timeout_seconds" => workflow.timeout_seconds = Some(meta.value()?.parse()?),
                // #[workflow(query_language = "JSONata")]
                "query_language" => {
                    let language = meta.value()?.parse::<LitStr>()?;
                    match language.value().as_str() {
                        "JSONata" => workflow.jsonata = true,
                        "JSONPath" => workflow.jsonata = false,
                        _ => {
                            return Err(syn::Error::new(
                                language.span(),
                                "`query_language` is \"JSONPath\" or \"JSONata\"",
                            ));
                        }
                    }
                }
                _ => {
                    return Err(meta.error(format!(
                        "unknown `workflow` attribute `{key}`; expected `input`, `output`, `comment`, `start`, `timeout_seconds` or `query_language`"
                    )));
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    for field in &named.named {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        match state(ident, field, errors) {
            Some(state) => workflow.states.push(state),
            None => continue,
        }
    }
    Some(workflow)
}

/// The `///` doc comment of an item, as one line of text.
fn doc(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(lit) => match &lit.lit {
                    syn::Lit::Str(text) => Some(text.value().trim().to_string()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        })
        .collect();
    let text = lines.join(" ").trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn key(meta: &ParseNestedMeta) -> String {
    meta.path
        .get_ident()
        .map(Ident::to_string)
        .unwrap_or_default()
}

/// The state type a field's type names.
fn kind(ty: &Type) -> syn::Result<Kind> {
    let problem = || {
        syn::Error::new(
            ty.span(),
            "a workflow field's type is a state type: `Task<R>`, `Callback<R>`, `Pass`, `Choice<T>`, `Wait`, `Succeed`, `Fail`, `Parallel<(A, B)>` or `Map<W>`",
        )
    };
    let Type::Path(path) = ty else {
        return Err(problem());
    };
    let Some(last) = path.path.segments.last() else {
        return Err(problem());
    };
    let args: Vec<Type> = match &last.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let one = |what: &str| -> syn::Result<Type> {
        args.first().cloned().ok_or_else(|| {
            syn::Error::new(
                last.span(),
                format!(
                    "`{}` needs its type parameter: `{}<{what}>`",
                    last.ident, last.ident
                ),
            )
        })
    };
    Ok(match last.ident.to_string().as_str() {
        "Task" => Kind::Task {
            resource: one("Resource")?,
            callback: None,
        },
        "Callback" => Kind::Task {
            resource: one("Resource")?,
            callback: Some(
                args.get(1)
                    .cloned()
                    .unwrap_or_else(|| syn::parse_quote!(::statewright::__private::Value)),
            ),
        },
        "Pass" => Kind::Pass {
            output: args.first().cloned(),
        },
        "Choice" => Kind::Choice {
            input: one("Input")?,
        },
        "Wait" => Kind::Wait,
        "Succeed" => Kind::Succeed,
        "Fail" => Kind::Fail,
        "Parallel" => Kind::Parallel {
            branches: one("(BranchA, BranchB)")?,
        },
        "Map" => Kind::Map {
            workflow: one("ItemWorkflow")?,
        },
        _ => return Err(problem()),
    })
}

/// Parses one field's state.
fn state(ident: Ident, field: &syn::Field, errors: &mut Errors) -> Option<State> {
    let kind = match kind(&field.ty) {
        Ok(kind) => kind,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    let mut state = State {
        name: ident.to_string(),
        name_span: ident.span(),
        ident,
        ty: field.ty.clone(),
        kind,
        next: None,
        end: None,
        comment: doc(&field.attrs),
        attrs: StateAttrs::default(),
        retries: Vec::new(),
        catches: Vec::new(),
        rules: Vec::new(),
        default: None,
        choice_span: None,
        attr_error: false,
    };
    for attr in &field.attrs {
        let result = if attr.path().is_ident("state") {
            attr.parse_nested_meta(|meta| state_key(&mut state, &meta))
        } else if attr.path().is_ident("retry") {
            retry(attr).map(|retry| state.retries.push(retry))
        } else if attr.path().is_ident("catch") {
            catch(attr).map(|catch| state.catches.push(catch))
        } else if attr.path().is_ident("choice") {
            state.choice_span.get_or_insert(attr.path().span());
            choice(attr, &mut state)
        } else {
            Ok(())
        };
        if let Err(error) = result {
            state.attr_error = true;
            errors.push(error);
        }
    }
    Some(state)
}

/// Every key `#[state(..)]` takes, for suggestions when one is misspelt.
const STATE_KEYS: &[&str] = &[
    "name",
    "next",
    "end",
    "comment",
    "input_path",
    "output_path",
    "result_path",
    "output",
    "selected",
    "parameters",
    "message",
    "result_selector",
    "item_selector",
    "assign",
    "result",
    "seconds",
    "timestamp",
    "seconds_path",
    "timestamp_path",
    "error",
    "cause",
    "queue",
    "topic",
    "table",
    "state_machine",
    "timeout_seconds",
    "timeout_seconds_path",
    "heartbeat_seconds",
    "heartbeat_seconds_path",
    "items",
    "max_concurrency",
    "distributed",
    "arguments",
    "output_expr",
    "raw",
];

/// One key of `#[state(..)]`.
fn state_key(state: &mut State, meta: &ParseNestedMeta) -> syn::Result<()> {
    let key = key(meta);
    let span = meta.path.span();
    state.attrs.keys.push((key.clone(), span));
    let attrs = &mut state.attrs;
    match key.as_str() {
        // #[state(name = "Check Stock Price")]
        "name" => {
            let name = meta.value()?.parse::<LitStr>()?;
            state.name = name.value();
            state.name_span = name.span();
        }
        // #[state(next = other_field)]
        "next" => state.next = Some(meta.value()?.parse()?),
        // #[state(end)]
        "end" => state.end = Some(span),
        // #[state(comment = "..")]
        "comment" => state.comment = Some(meta.value()?.parse::<LitStr>()?.value()),
        // #[state(input_path = order.lines)] or input_path = "$.raw"
        "input_path" => attrs.input_path = Some((meta.value()?.parse()?, span)),
        // #[state(output_path = field)]
        "output_path" => attrs.output_path = Some((meta.value()?.parse()?, span)),
        // #[state(result_path = field)] or result_path = discard
        "result_path" => attrs.result_path = Some((meta.value()?.parse()?, span)),
        // #[state(output = Type)]: the state's output type after `result_path`
        "output" => attrs.output = Some(meta.value()?.parse()?),
        // #[state(selected = Type)]: the type `result_selector(..)` builds
        "selected" => attrs.selected = Some(meta.value()?.parse()?),
        // #[state(parameters(key = input.field, ..))] (`message(..)` for SQS/SNS)
        "parameters" | "message" => attrs.parameters = Some(template(meta)?),
        // #[state(result_selector(key = result.field, ..))]
        "result_selector" => attrs.result_selector = Some(template(meta)?),
        // #[state(item_selector(key = item.field, ..))]
        "item_selector" => attrs.item_selector = Some(template(meta)?),
        // #[state(assign(name = input.field, ..))]
        "assign" => attrs.assign = Some(template(meta)?),
        // #[state(result = expr)]
        "result" => attrs.result = Some(meta.value()?.parse()?),
        // #[state(seconds = 10)]
        "seconds" => attrs.seconds = Some((meta.value()?.parse()?, span)),
        // #[state(timestamp = "2026-01-01T00:00:00Z")]
        "timestamp" => attrs.timestamp = Some((meta.value()?.parse()?, span)),
        // #[state(seconds_path = field)]
        "seconds_path" => attrs.seconds_path = Some((meta.value()?.parse()?, span)),
        // #[state(timestamp_path = field)]
        "timestamp_path" => attrs.timestamp_path = Some((meta.value()?.parse()?, span)),
        // #[state(error = "Name")]
        "error" => attrs.error = Some((meta.value()?.parse()?, span)),
        // #[state(cause = "..")]
        "cause" => attrs.cause = Some((meta.value()?.parse()?, span)),
        // #[state(queue = "Name")], topic, table, state_machine
        "queue" | "topic" | "table" | "state_machine" => {
            attrs.target = Some((key.clone(), meta.value()?.parse()?, span));
        }
        // #[state(timeout_seconds = 30)]
        "timeout_seconds" => attrs.timeout_seconds = Some((meta.value()?.parse()?, span)),
        // #[state(timeout_seconds_path = field)]
        "timeout_seconds_path" => {
            attrs.timeout_seconds_path = Some((meta.value()?.parse()?, span));
        }
        // #[state(heartbeat_seconds = 10)]
        "heartbeat_seconds" => attrs.heartbeat_seconds = Some((meta.value()?.parse()?, span)),
        // #[state(heartbeat_seconds_path = field)]
        "heartbeat_seconds_path" => {
            attrs.heartbeat_seconds_path = Some((meta.value()?.parse()?, span));
        }
        // #[state(items = field)]
        "items" => attrs.items = Some((meta.value()?.parse()?, span)),
        // #[state(distributed)] or distributed = "EXPRESS": a distributed Map
        "distributed" => {
            let execution_type = if meta.input.peek(Token![=]) {
                let text: LitStr = meta.value()?.parse()?;
                match text.value().as_str() {
                    "STANDARD" | "EXPRESS" => text.value(),
                    _ => {
                        return Err(syn::Error::new(
                            text.span(),
                            "a distributed Map's child executions are \"STANDARD\" or \"EXPRESS\"",
                        ));
                    }
                }
            } else {
                "STANDARD".to_string()
            };
            attrs.distributed = Some((execution_type, span));
        }
        // #[state(max_concurrency = 10)]
        "max_concurrency" => attrs.max_concurrency = Some((meta.value()?.parse()?, span)),
        // #[state(arguments = "{% .. %}")] or, typed, arguments(key = input.field, ..)
        "arguments" if meta.input.peek(Token![=]) => {
            attrs.arguments = Some((meta.value()?.parse()?, span));
        }
        "arguments" => attrs.parameters = Some(template(meta)?),
        // #[state(output_expr = "{% .. %}")]
        "output_expr" => attrs.output_expr = Some((meta.value()?.parse()?, span)),
        // #[state(raw = json!({..}))]: fields merged into the state as written
        "raw" => attrs.raw = Some(meta.value()?.parse()?),
        _ => {
            // Reported here alone, not again as a key that does not apply to the state type.
            state.attrs.keys.pop();
            let closest = STATE_KEYS
                .iter()
                .map(|known| (super::check::distance(&key, known), *known))
                .min()
                .filter(|(d, _)| *d <= 2);
            return Err(meta.error(match closest {
                Some((_, known)) => {
                    format!("unknown `state` attribute `{key}`; did you mean `{known}`?")
                }
                None => format!(
                    "unknown `state` attribute `{key}`; the keys are {}",
                    STATE_KEYS.join(", ")
                ),
            }));
        }
    }
    Ok(())
}

impl Parse for PathArg {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(LitStr) {
            return Ok(PathArg::Raw(input.parse()?));
        }
        let (idents, span) = ident_chain(input)?;
        Ok(PathArg::Typed(idents, span))
    }
}

impl Parse for ResultPath {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Ident) && input.fork().parse::<Ident>()? == "discard" {
            let ident: Ident = input.parse()?;
            if !input.peek(Token![.]) {
                let _ = ident;
                return Ok(ResultPath::Discard);
            }
        }
        Ok(ResultPath::Path(input.parse()?))
    }
}

/// `a.b.c`: field names joined by dots.
fn ident_chain(input: ParseStream) -> syn::Result<(Vec<Ident>, Span)> {
    let first: Ident = input.call(Ident::parse_any_ident)?;
    let mut span = first.span();
    let mut idents = vec![first];
    while input.peek(Token![.]) {
        input.parse::<Token![.]>()?;
        let next: Ident = input.call(Ident::parse_any_ident)?;
        span = span.join(next.span()).unwrap_or(span);
        idents.push(next);
    }
    Ok((idents, span))
}

trait ParseAny {
    fn parse_any_ident(input: ParseStream) -> syn::Result<Ident>;
}
impl ParseAny for Ident {
    fn parse_any_ident(input: ParseStream) -> syn::Result<Ident> {
        use syn::ext::IdentExt;
        Ident::parse_any(input)
    }
}

/// `key(k = v, ..)`.
fn template(meta: &ParseNestedMeta) -> syn::Result<Template> {
    let content;
    syn::parenthesized!(content in meta.input);
    parse_template(&content)
}

fn parse_template(content: ParseStream) -> syn::Result<Template> {
    let mut entries = Vec::new();
    while !content.is_empty() {
        let key = if content.peek(LitStr) {
            Key::Raw(content.parse()?)
        } else {
            Key::Typed(content.call(Ident::parse_any_ident)?)
        };
        content.parse::<Token![=]>()?;
        let value = template_value(content)?;
        entries.push((key, value));
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(Template { entries })
}

fn template_value(input: ParseStream) -> syn::Result<TemplateValue> {
    if input.peek(Ident) && input.peek2(syn::token::Paren) {
        let fork = input.fork();
        let name: Ident = fork.parse()?;
        let wrapped = ["path", "context", "var", "call", "nested"];
        if wrapped.contains(&name.to_string().as_str()) {
            input.parse::<Ident>()?;
            let content;
            syn::parenthesized!(content in input);
            return Ok(match name.to_string().as_str() {
                "path" | "context" => TemplateValue::RawPath(content.parse()?),
                "var" => TemplateValue::Var(content.parse()?),
                "call" => TemplateValue::Intrinsic(content.parse()?),
                _ => TemplateValue::Nested(parse_template(&content)?),
            });
        }
    }
    if input.peek(Ident) {
        let fork = input.fork();
        let name: Ident = fork.parse()?;
        let root = match name.to_string().as_str() {
            "input" => Some(Root::Input),
            "result" => Some(Root::Result),
            "item" => Some(Root::Item),
            "token" => {
                input.parse::<Ident>()?;
                return Ok(TemplateValue::Token(name.span()));
            }
            _ => None,
        };
        if let Some(root) = root {
            let (mut idents, span) = ident_chain(input)?;
            idents.remove(0);
            return Ok(TemplateValue::Path(root, idents, span));
        }
    }
    if input.peek(LitStr) {
        let text: LitStr = input.fork().parse()?;
        if text.value().trim_start().starts_with("{%") {
            input.parse::<LitStr>()?;
            return Ok(TemplateValue::Jsonata(text));
        }
    }
    Ok(TemplateValue::Const(input.parse()?))
}

/// `#[retry(errors = [..], interval_seconds = 1, ..)]`.
fn retry(attr: &Attribute) -> syn::Result<Retry> {
    let mut retry = Retry {
        errors: Vec::new(),
        interval_seconds: None,
        max_attempts: None,
        backoff_rate: None,
        max_delay_seconds: None,
        jitter: None,
        span: attr.path().span(),
    };
    attr.parse_nested_meta(|meta| {
        match key(&meta).as_str() {
            // #[retry(errors = ["States.Timeout", ..])]
            "errors" => retry.errors = errors(&meta)?,
            // #[retry(interval_seconds = 1)]
            "interval_seconds" => retry.interval_seconds = Some(meta.value()?.parse()?),
            // #[retry(max_attempts = 3)]
            "max_attempts" => retry.max_attempts = Some(meta.value()?.parse()?),
            // #[retry(backoff_rate = 2.0)]
            "backoff_rate" => retry.backoff_rate = Some(meta.value()?.parse()?),
            // #[retry(max_delay_seconds = 30)]
            "max_delay_seconds" => retry.max_delay_seconds = Some(meta.value()?.parse()?),
            // #[retry(jitter = "FULL")]
            "jitter" => retry.jitter = Some(meta.value()?.parse()?),
            other => {
                return Err(meta.error(format!(
                    "unknown `retry` attribute `{other}`; expected `errors`, `interval_seconds`, `max_attempts`, `backoff_rate`, `max_delay_seconds` or `jitter`"
                )));
            }
        }
        Ok(())
    })?;
    Ok(retry)
}

/// `#[catch(errors = [..], next = state, result_path = field)]`.
fn catch(attr: &Attribute) -> syn::Result<Catch> {
    let mut errors_list = Vec::new();
    let mut next = None;
    let mut result_path = None;
    let mut output = None;
    attr.parse_nested_meta(|meta| {
        match key(&meta).as_str() {
            // #[catch(errors = ["States.ALL"])]
            "errors" => errors_list = errors(&meta)?,
            // #[catch(next = state)]
            "next" => next = Some(meta.value()?.parse::<Ident>()?),
            // #[catch(result_path = field)]
            "result_path" => result_path = Some(meta.value()?.parse::<ResultPath>()?),
            // #[catch(output = Type)]: the input with the error merged in at `result_path`
            "output" => output = Some(meta.value()?.parse::<Type>()?),
            other => {
                return Err(meta.error(format!(
                    "unknown `catch` attribute `{other}`; expected `errors`, `next`, `result_path` or `output`"
                )));
            }
        }
        Ok(())
    })?;
    let next = next.ok_or_else(|| {
        syn::Error::new(
            attr.path().span(),
            "a `catch` needs the state to go to: add `next = state`",
        )
    })?;
    Ok(Catch {
        errors: errors_list,
        next,
        result_path,
        output,
        span: attr.path().span(),
    })
}

fn errors(meta: &ParseNestedMeta) -> syn::Result<Vec<LitStr>> {
    let value = meta.value()?;
    let content;
    syn::bracketed!(content in value);
    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
    Ok(list.into_iter().collect())
}
