//! Checks for the text people type: names and outcomes. Text is stored as typed (trimmed) and is
//! always rendered as text, never as markup, so `<script>` in a name is just a name.

use crate::error::{CoreError, Result};

pub const MAX_NAME: usize = 120;
pub const MAX_TEXT: usize = 2_000;

/// A name: trimmed, not empty, one line, at most `MAX_NAME` characters.
pub fn clean_name(what: &str, raw: &str) -> Result<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(CoreError::Invalid(format!("{what} can't be empty.")));
    }
    if name.chars().count() > MAX_NAME {
        return Err(CoreError::Invalid(format!(
            "{what} is too long ({} characters; at most {MAX_NAME}).",
            name.chars().count()
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(CoreError::Invalid(format!(
            "{what} must be a single line without control characters."
        )));
    }
    Ok(name.to_string())
}

/// Longer text (a description, an outcome, a note): trimmed, at most `MAX_TEXT` characters,
/// line breaks and tabs allowed but no other control characters.
pub fn clean_text(what: &str, raw: &str) -> Result<String> {
    let text = raw.trim();
    if text.chars().count() > MAX_TEXT {
        return Err(CoreError::Invalid(format!(
            "{what} is too long ({} characters; at most {MAX_TEXT}).",
            text.chars().count()
        )));
    }
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(CoreError::Invalid(format!(
            "{what} contains control characters."
        )));
    }
    Ok(text.to_string())
}

/// Text from a record, fit to quote in an error message: one line, at most 80 characters.
pub fn shown(raw: &str) -> String {
    let line: String = raw.chars().filter(|c| !c.is_control()).take(80).collect();
    if raw.chars().count() > 80 {
        format!("{line}…")
    } else {
        line
    }
}

/// `text` with its first letter in capitals, to start a sentence with a name like "the logo".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` fit to splice into XML, as an attribute value or between tags.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
