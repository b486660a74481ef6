//! `#[derive(Payload)]`: a fields struct with one typed, JSON-named `Field` per serialized
//! field, and the relations every payload has (`Accepts` itself, declared `accepts(..)`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Type};

use crate::serde_attr;

/// One field of the fields struct: its Rust name, JSON name and type.
struct FieldEntry {
    ident: syn::Ident,
    json: String,
    ty: Type,
}

/// Expands the derive.
pub fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    if let Some(lifetime) = input.generics.lifetimes().next() {
        return Err(syn::Error::new(
            lifetime.span(),
            "`Payload` needs an owned type (`'static`): use `String` and owned fields instead of borrowed ones",
        ));
    }
    let container = serde_attr::container(&input.attrs)?;
    let accepted = accepts(&input.attrs)?;
    let mut entries = Vec::new();
    let mut is_unit_enum = false;
    match &input.data {
        Data::Struct(data) => struct_fields(&data.fields, &container, &mut entries)?,
        Data::Enum(data) => {
            is_unit_enum = data
                .variants
                .iter()
                .all(|v| matches!(v.fields, Fields::Unit))
                && container.tag.is_none()
                && !container.untagged;
            enum_fields(data, &container, &mut entries)?;
        }
        Data::Union(data) => {
            return Err(syn::Error::new(
                data.union_token.span,
                "`Payload` cannot be derived for a union",
            ));
        }
    }
    let name = &input.ident;
    let fields_name = format_ident!("__{}Fields", name);
    let vis = &input.vis;
    // A generic payload's fields struct takes the same parameters; the marker keeps a parameter
    // that no serialized field uses.
    let mut generics = input.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!('static));
    }
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    let params: Vec<&syn::Ident> = input.generics.type_params().map(|p| &p.ident).collect();
    let marker = (!params.is_empty()).then(
        || quote!(#[doc(hidden)] pub __marker: ::std::marker::PhantomData<fn() -> (#(#params,)*)>,),
    );
    let marker_init = (!params.is_empty()).then(|| quote!(__marker: ::std::marker::PhantomData,));
    let field_decls = entries.iter().map(|entry| {
        let (ident, ty) = (&entry.ident, &entry.ty);
        let doc = format!("`{}` in JSON.", entry.json);
        quote!(#[doc = #doc] pub #ident: ::statewright::__private::Field<#ty>)
    });
    let field_inits = entries.iter().map(|entry| {
        let (ident, json) = (&entry.ident, &entry.json);
        quote!(#ident: ::statewright::__private::Field::new(#json))
    });
    let checks = accepted.iter().map(|other| {
        let field_checks = entries.iter().map(|entry| {
            let (ident, ty) = (&entry.ident, &entry.ty);
            quote_spanned! {other.span()=>
                ::statewright::__private::field_accepts::<#ty, _>(
                    &::statewright::__private::Field::<#ty>::new(""),
                    &<#other as ::statewright::__private::Payload>::fields().#ident,
                );
            }
        });
        quote! {
            impl #impl_generics ::statewright::__private::Accepts<#other> for #name #type_generics #where_clause {}
            const _: () = {
                #[allow(dead_code)]
                fn __statewright_accepts #impl_generics () #where_clause { #(#field_checks)* }
            };
        }
    });
    let comparable = is_unit_enum.then(|| {
        quote! {
            impl #impl_generics ::statewright::__private::Comparable<#name #type_generics> for #name #type_generics #where_clause {}
            // A second candidate, so that a wrong literal gets `Comparable`'s message (see
            // `Unmatched` in `statewright::dsl::relations`).
            #[diagnostic::do_not_recommend]
            impl #impl_generics ::statewright::__private::Comparable<::statewright::__private::Unmatched<#name #type_generics>> for #name #type_generics #where_clause {}
            impl #impl_generics ::statewright::__private::KindOf for #name #type_generics #where_clause {
                const KIND: ::statewright::__private::Kind = ::statewright::__private::Kind::String;
            }
        }
    });
    let doc = format!("The typed field paths of [`{name}`].");
    let decl_generics = &input.generics;
    Ok(quote! {
        #[doc = #doc]
        #[allow(non_camel_case_types, non_snake_case, dead_code)]
        #vis struct #fields_name #decl_generics #where_clause { #(#field_decls,)* #marker }

        impl #impl_generics ::statewright::__private::Payload for #name #type_generics #where_clause {
            type Fields = #fields_name #type_generics;
            fn fields() -> &'static #fields_name #type_generics {
                // An inline constant is promoted to a `'static` value, generic or not.
                &const { #fields_name { #(#field_inits,)* #marker_init } }
            }
        }

        #comparable
        #(#checks)*
    })
}

/// The fields of a struct: JSON names by `rename`, `rename_all`; a flattened field gets an
/// empty name so that its own fields render at the parent's level.
fn struct_fields(
    fields: &Fields,
    container: &serde_attr::Container,
    entries: &mut Vec<FieldEntry>,
) -> syn::Result<()> {
    let Fields::Named(named) = fields else {
        return Ok(());
    };
    for field in &named.named {
        let member = serde_attr::member(&field.attrs)?;
        if member.skip {
            continue;
        }
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let rust_name = ident.to_string();
        let rust_name = rust_name.trim_start_matches("r#");
        let json = if member.flatten {
            String::new()
        } else if let Some(rename) = member.rename {
            rename
        } else if let Some(rule) = container.rename_all {
            rule.apply_to_field(rust_name)
        } else {
            rust_name.to_string()
        };
        entries.push(FieldEntry {
            ident,
            json,
            ty: field.ty.clone(),
        });
    }
    Ok(())
}

/// The fields of an enum as serde lays it out: the tag (and content) field of an internally
/// or adjacently tagged enum; for an externally tagged one, each newtype variant's payload
/// under the variant's name (`order.Shipped.tracking`).
fn enum_fields(
    data: &syn::DataEnum,
    container: &serde_attr::Container,
    entries: &mut Vec<FieldEntry>,
) -> syn::Result<()> {
    if container.untagged {
        return Ok(());
    }
    if let Some(tag) = &container.tag {
        entries.push(FieldEntry {
            ident: field_ident(tag),
            json: tag.clone(),
            ty: syn::parse_quote!(::std::string::String),
        });
        if let Some(content) = &container.content {
            entries.push(FieldEntry {
                ident: field_ident(content),
                json: content.clone(),
                ty: syn::parse_quote!(::statewright::__private::Value),
            });
        }
        return Ok(());
    }
    for variant in &data.variants {
        let member = serde_attr::member(&variant.attrs)?;
        let Fields::Unnamed(unnamed) = &variant.fields else {
            continue;
        };
        if unnamed.unnamed.len() != 1 || member.skip {
            continue;
        }
        let name = variant.ident.to_string();
        let json = member
            .rename
            .or_else(|| {
                container
                    .rename_all
                    .map(|rule| rule.apply_to_variant(&name))
            })
            .unwrap_or_else(|| name.clone());
        entries.push(FieldEntry {
            ident: variant.ident.clone(),
            json,
            ty: unnamed.unnamed[0].ty.clone(),
        });
    }
    Ok(())
}

/// A JSON name as a Rust field name: `type` becomes `r#type`, `data-kind` becomes `data_kind`.
fn field_ident(json: &str) -> syn::Ident {
    let cleaned: String = json
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    let span = proc_macro2::Span::call_site();
    match syn::parse_str::<syn::Ident>(&cleaned) {
        Ok(ident) => ident,
        Err(_) => syn::Ident::new_raw(&cleaned, span),
    }
}

/// The types named in `#[payload(accepts(A, B))]`.
fn accepts(attrs: &[syn::Attribute]) -> syn::Result<Vec<Type>> {
    let mut types = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("payload")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("accepts") {
                // #[payload(accepts(Quote, Recommended))]
                let content;
                syn::parenthesized!(content in meta.input);
                let list = content.parse_terminated(Type::parse, syn::Token![,])?;
                types.extend(list);
                Ok(())
            } else {
                Err(meta.error("unknown `payload` attribute; the one key is `accepts(Type, ..)`"))
            }
        })?;
    }
    Ok(types)
}

use syn::parse::Parse as _;
