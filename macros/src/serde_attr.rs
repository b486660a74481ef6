//! The serde attributes that decide JSON names: `rename`, `rename_all`, `flatten`, `skip`,
//! and the enum representations (`tag`, `content`, `untagged`).

use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr, Token};

use crate::case::RenameRule;

/// serde's container attributes that matter for field paths.
#[derive(Default)]
pub struct Container {
    pub rename_all: Option<RenameRule>,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
    pub transparent: bool,
}

/// serde's field or variant attributes that matter for field paths.
#[derive(Default)]
pub struct Member {
    pub rename: Option<String>,
    pub flatten: bool,
    pub skip: bool,
}

/// Reads the container attributes.
pub fn container(attrs: &[Attribute]) -> syn::Result<Container> {
    let mut container = Container::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                // #[serde(rename_all = "camelCase")] or rename_all(serialize = "..")
                let text = renamed(&meta)?;
                container.rename_all =
                    Some(RenameRule::parse(&text).ok_or_else(|| {
                        meta.error(format!("unknown `rename_all` rule `{text}`"))
                    })?);
            } else if meta.path.is_ident("tag") {
                // #[serde(tag = "type")]
                container.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("content") {
                // #[serde(content = "data")]
                container.content = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("untagged") {
                container.untagged = true;
            } else if meta.path.is_ident("transparent") {
                container.transparent = true;
            } else {
                skip_value(&meta)?;
            }
            Ok(())
        })?;
    }
    Ok(container)
}

/// Reads a field's or a variant's attributes.
pub fn member(attrs: &[Attribute]) -> syn::Result<Member> {
    let mut member = Member::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                // #[serde(rename = "name")] or rename(serialize = "name")
                member.rename = Some(renamed(&meta)?);
            } else if meta.path.is_ident("flatten") {
                member.flatten = true;
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_serializing") {
                member.skip = true;
            } else {
                skip_value(&meta)?;
            }
            Ok(())
        })?;
    }
    Ok(member)
}

/// The serialized name of `rename = ".."` or `rename(serialize = "..")`.
fn renamed(meta: &ParseNestedMeta) -> syn::Result<String> {
    if meta.input.peek(Token![=]) {
        return Ok(meta.value()?.parse::<LitStr>()?.value());
    }
    let mut serialized = None;
    meta.parse_nested_meta(|inner| {
        let value = inner.value()?.parse::<LitStr>()?.value();
        if inner.path.is_ident("serialize") {
            serialized = Some(value);
        }
        Ok(())
    })?;
    serialized.ok_or_else(|| meta.error("expected `serialize = \"..\"`"))
}

/// Consumes the value of an attribute this crate does not read (`default`, `with = ".."`).
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}
