//! The one error type of the crate. Messages are written for the person looking at the badge.

/// Anything that can go wrong while building, signing, baking or reading a badge.
#[derive(Debug, thiserror::Error)]
pub enum BadgeError {
    #[error("the JSON-LD context {0} is not bundled with Guildbook, and Guildbook never fetches contexts from the network")]
    ContextNotBundled(String),
    #[error("the credential is not valid JSON-LD: {0}")]
    JsonLd(String),
    #[error("the credential could not be canonicalised (RDFC-1.0): {0}")]
    Canonicalization(String),
    #[error("the credential is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Credential(String),
    #[error("key: {0}")]
    Key(String),
    #[error("PNG badge: {0}")]
    Png(String),
    #[error("SVG badge: {0}")]
    Svg(String),
    #[error("status list: {0}")]
    StatusList(String),
    #[error("date: {0}")]
    Time(String),
    #[error("the bundled Open Badges JSON schema could not be compiled: {0}")]
    Schema(String),
    #[error("could not read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("it is not a regular file (a folder, a device or a pipe)")]
    NotAFile,
    #[error("the file is {size} bytes, more than the {max} bytes Guildbook accepts for a badge")]
    TooLarge { size: u64, max: u64 },
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, BadgeError>;
