//! Parsing `#[choice(when(condition) => state, .., default = state)]`: conditions are Rust
//! expressions (comparisons, tests, `&&`, `||`, `!`) read into [`Condition`]s.

use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, BinOp, Expr, Ident, LitStr, Token, UnOp};

use super::ast::*;

/// `#[choice(when(cond) => state, .., default = state)]`.
pub(super) fn choice(attr: &Attribute, state: &mut State) -> syn::Result<()> {
    attr.parse_args_with(|input: ParseStream| {
        while !input.is_empty() {
            let word: Ident = input.parse()?;
            match word.to_string().as_str() {
                "when" => {
                    let content;
                    syn::parenthesized!(content in input);
                    let condition = if content.peek(LitStr) {
                        Condition::Jsonata(content.parse()?)
                    } else {
                        condition(&content.parse::<Expr>()?)?
                    };
                    input.parse::<Token![=>]>()?;
                    let next: Ident = input.parse()?;
                    state.rules.push(Rule { condition, next });
                }
                "default" => {
                    input.parse::<Token![=]>()?;
                    state.default = Some(input.parse()?);
                }
                _ => {
                    return Err(syn::Error::new(
                        word.span(),
                        "a `choice` lists `when(condition) => state` rules and `default = state`",
                    ));
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    })
}

/// A field path written as a Rust expression: `a`, `a.b.c`.
fn field_path(expr: &Expr) -> Option<Vec<Ident>> {
    match expr {
        Expr::Path(path) if path.qself.is_none() => path.path.get_ident().map(|i| vec![i.clone()]),
        Expr::Field(field) => {
            let mut idents = field_path(&field.base)?;
            match &field.member {
                syn::Member::Named(ident) => idents.push(ident.clone()),
                syn::Member::Unnamed(_) => return None,
            }
            Some(idents)
        }
        Expr::Paren(paren) => field_path(&paren.expr),
        _ => None,
    }
}

/// A Choice condition from its Rust expression.
fn condition(expr: &Expr) -> syn::Result<Condition> {
    let not_a_field = |expr: &Expr| {
        syn::Error::new(
            expr.span(),
            "the left side of a Choice comparison is a field of the Choice's input type, as in `order.total`",
        )
    };
    match expr {
        Expr::Paren(paren) => condition(&paren.expr),
        Expr::Unary(unary) if matches!(unary.op, UnOp::Not(_)) => {
            Ok(Condition::Not(Box::new(condition(&unary.expr)?)))
        }
        Expr::Binary(binary) => {
            let operator = match binary.op {
                BinOp::And(_) => {
                    return Ok(Condition::And(vec![
                        condition(&binary.left)?,
                        condition(&binary.right)?,
                    ]));
                }
                BinOp::Or(_) => {
                    return Ok(Condition::Or(vec![
                        condition(&binary.left)?,
                        condition(&binary.right)?,
                    ]));
                }
                BinOp::Eq(_) => Operator::Eq,
                BinOp::Ne(_) => Operator::Ne,
                BinOp::Lt(_) => Operator::Lt,
                BinOp::Le(_) => Operator::Le,
                BinOp::Gt(_) => Operator::Gt,
                BinOp::Ge(_) => Operator::Ge,
                _ => {
                    return Err(syn::Error::new(
                        binary.op.span(),
                        "a Choice condition compares with `==`, `!=`, `<`, `<=`, `>`, `>=` and combines with `&&`, `||`, `!`",
                    ));
                }
            };
            let field = field_path(&binary.left).ok_or_else(|| not_a_field(&binary.left))?;
            let value = match &*binary.right {
                Expr::Call(call) if matches!(&*call.func, Expr::Path(p) if p.path.is_ident("field")) =>
                {
                    let arg = call
                        .args
                        .first()
                        .ok_or_else(|| syn::Error::new(call.span(), "write `field(other.path)`"))?;
                    let other = field_path(arg).ok_or_else(|| not_a_field(arg))?;
                    Operand::Field(other, arg.span())
                }
                other => Operand::Literal(other.clone()),
            };
            Ok(Condition::Compare {
                field,
                operator,
                value,
                span: expr.span(),
            })
        }
        Expr::Call(call) => {
            let Expr::Path(function) = &*call.func else {
                return Err(not_a_test(expr));
            };
            let name = function
                .path
                .get_ident()
                .map(Ident::to_string)
                .unwrap_or_default();
            let args: Vec<&Expr> = call.args.iter().collect();
            let field = args
                .first()
                .and_then(|arg| field_path(arg))
                .ok_or_else(|| not_a_test(expr))?;
            if name == "matches" {
                let pattern = match args.get(1) {
                    Some(Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(pattern),
                        ..
                    })) => pattern.clone(),
                    _ => {
                        return Err(syn::Error::new(
                            call.span(),
                            "write `matches(field, \"pattern*\")` with a string pattern",
                        ));
                    }
                };
                return Ok(Condition::Matches {
                    field,
                    pattern,
                    span: expr.span(),
                });
            }
            let test = match name.as_str() {
                "present" => "IsPresent",
                "is_null" => "IsNull",
                "is_string" => "IsString",
                "is_numeric" => "IsNumeric",
                "is_boolean" => "IsBoolean",
                "is_timestamp" => "IsTimestamp",
                _ => return Err(not_a_test(expr)),
            };
            Ok(Condition::Test {
                field,
                test,
                span: expr.span(),
            })
        }
        _ => Err(syn::Error::new(
            expr.span(),
            "a Choice condition is a comparison (`field == value`), a test (`present(field)`), or a combination with `&&`, `||`, `!`",
        )),
    }
}

fn not_a_test(expr: &Expr) -> syn::Error {
    syn::Error::new(
        expr.span(),
        "the Choice tests are `present(field)`, `is_null(field)`, `is_string(field)`, `is_numeric(field)`, `is_boolean(field)`, `is_timestamp(field)` and `matches(field, \"pattern*\")`",
    )
}
