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
