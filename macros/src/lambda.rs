//! `#[statewright::lambda(function = "Name")]`: an ordinary Lambda handler becomes a typed
//! task. The function is kept as written (it still deploys with `lambda_runtime::run`), and a
//! marker type named after the function implements `LambdaFunction` and `TaskResource`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{FnArg, GenericArgument, ItemFn, LitStr, PathArguments, ReturnType, Type};

/// The attribute's arguments.
struct Args {
    function: LitStr,
    task: Option<syn::Ident>,
}

fn parse_args(args: TokenStream) -> syn::Result<Args> {
    let mut function = None;
    let mut task = None;
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("function") {
            // #[statewright::lambda(function = "CheckStockPrice")]
            function = Some(meta.value()?.parse::<LitStr>()?);
            Ok(())
        } else if meta.path.is_ident("task") {
            // #[statewright::lambda(function = "..", task = CheckPrice)]
            task = Some(meta.value()?.parse::<syn::Ident>()?);
            Ok(())
        } else {
            Err(meta.error(
                "unknown `lambda` argument; expected `function = \"Name\"` or `task = TypeName`",
            ))
        }
    });
    syn::parse::Parser::parse2(parser, args)?;
    let function = function.ok_or_else(|| {
        syn::Error::new(
            proc_macro2::Span::call_site(),
            "`#[statewright::lambda]` needs the function's logical name: `#[statewright::lambda(function = \"CheckStockPrice\")]`",
        )
    })?;
    let name = function.value();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(syn::Error::new(
            function.span(),
            "a Lambda function name has only letters, digits, `-` and `_`",
        ));
    }
    Ok(Args { function, task })
}

/// Expands the attribute.
pub fn expand(args: TokenStream, item: ItemFn) -> syn::Result<TokenStream> {
    let args = parse_args(args)?;
    if item.sig.asyncness.is_none() {
        return Err(syn::Error::new(
            item.sig.fn_token.span,
            "a Lambda handler is an `async fn`",
        ));
    }
    // The marker type names the handler's input and output types, which a generic or a
    // method's `Self` would leave undefined outside the function.
    if !item.sig.generics.params.is_empty() {
        return Err(syn::Error::new(
            item.sig.generics.span(),
            "a Lambda handler is not generic: a task takes one concrete input type",
        ));
    }
    if let Some(FnArg::Receiver(receiver)) = item.sig.inputs.first() {
        return Err(syn::Error::new(
            receiver.span(),
            "a Lambda handler is a free function, not a method: move it out of the `impl`",
        ));
    }
    let (input, event) = input_type(&item)?;
    let output = output_type(&item)?;
    let name = args.function.value();
    let marker = args.task.unwrap_or_else(|| {
        let pascal: String = name
            .split(['-', '_'])
            .map(|part| {
                let mut chars = part.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect();
        format_ident!("{}", pascal, span = args.function.span())
    });
    let function = &item.sig.ident;
    let vis = &item.vis;
    let wrap = if event {
        quote!(::statewright::__private::lambda_fn(#function))
    } else {
        quote!(::statewright::__private::typed(
            |input: #input, _: ::statewright::exec::InvokeContext| #function(input)
        ))
    };
    let doc = format!("The Lambda function `{name}` as a typed task (see [`{function}`]).");
    Ok(quote! {
        #item

        #[doc = #doc]
        #[allow(dead_code)]
        #vis struct #marker;

        impl ::statewright::__private::LambdaFunction for #marker {
            type Input = #input;
            type Output = #output;
            const FUNCTION: &'static str = #name;
            fn register(
                builder: ::statewright::__private::ExecutorBuilder,
                arn: &str,
            ) -> ::statewright::__private::ExecutorBuilder {
                builder.lambda(arn, #wrap)
            }
        }

        impl ::statewright::__private::TaskResource for #marker {
            type Payload = #input;
            type Output = #output;
            const CALLBACK: bool = true;
            fn task(
                options: &::statewright::__private::TaskOptions,
            ) -> ::statewright::__private::TaskSpec {
                ::statewright::__private::lambda_task::<Self>(options)
            }
            fn register(
                builder: ::statewright::__private::ExecutorBuilder,
                naming: &::statewright::__private::LocalNaming,
                _: &::statewright::__private::TaskOptions,
            ) -> ::statewright::__private::ExecutorBuilder {
                <Self as ::statewright::__private::LambdaFunction>::register(
                    builder,
                    &naming.function_arn(#name),
                )
            }
        }
    })
}

/// The handler's input type: `T` of `LambdaEvent<T>` (then `true`), or the type of a single
/// plain argument.
fn input_type(item: &ItemFn) -> syn::Result<(Type, bool)> {
    let mut inputs = item.sig.inputs.iter();
    let (Some(FnArg::Typed(arg)), None) = (inputs.next(), inputs.next()) else {
        return Err(syn::Error::new(
            item.sig.inputs.span(),
            "a Lambda handler takes one argument: `event: LambdaEvent<Input>` (or the input itself)",
        ));
    };
    if let Type::Path(path) = &*arg.ty
        && let Some(last) = path.path.segments.last()
        && last.ident == "LambdaEvent"
    {
        return first_generic(&last.arguments)
            .map(|ty| (ty, true))
            .ok_or_else(|| {
                syn::Error::new(last.span(), "write the event as `LambdaEvent<Input>`")
            });
    }
    Ok(((*arg.ty).clone(), false))
}

/// The handler's output type: `O` of `Result<O, E>`.
fn output_type(item: &ItemFn) -> syn::Result<Type> {
    let problem = "a Lambda handler returns `Result<Output, Error>`";
    let ReturnType::Type(_, ty) = &item.sig.output else {
        return Err(syn::Error::new(item.sig.span(), problem));
    };
    if let Type::Path(path) = &**ty
        && let Some(last) = path.path.segments.last()
        && last.ident == "Result"
        && let Some(output) = first_generic(&last.arguments)
    {
        return Ok(output);
    }
    Err(syn::Error::new(ty.span(), problem))
}

fn first_generic(arguments: &PathArguments) -> Option<Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty.clone()),
        _ => None,
    })
}
