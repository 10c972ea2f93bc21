//! One error type for the core. It crosses IPC as `{ code, message }`: the UI branches on `code`
//! and shows `message`, which is written for the person using the app.

use serde::ser::SerializeStruct;
use serde::Serialize;
use ts_rs::TS;

/// What kind of failure, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    Invalid,
    Duplicate,
    ReadOnly,
    Busy,
    NotAWorkspace,
    WorkspaceReadOnly,
    NewerWorkspace,
    NoWorkspace,
    ImportFailed,
    Io,
    Database,
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Duplicate(String),
    #[error("{0}")]
    ReadOnly(String),
    #[error("The workspace is busy: another Guildbook window or command is writing to it. Nothing was changed; try again in a moment.")]
    Busy,
    #[error("{0}")]
    NotAWorkspace(String),
    #[error("{0}")]
    WorkspaceReadOnly(String),
    #[error("{0}")]
    NewerWorkspace(String),
    #[error("No workspace is open. Open or create one first.")]
    NoWorkspace,
    #[error("{0}")]
    ImportFailed(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("The database reported a problem: {0}")]
    Database(rusqlite::Error),
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::Invalid(_) => ErrorCode::Invalid,
            CoreError::Duplicate(_) => ErrorCode::Duplicate,
            CoreError::ReadOnly(_) => ErrorCode::ReadOnly,
            CoreError::Busy => ErrorCode::Busy,
            CoreError::NotAWorkspace(_) => ErrorCode::NotAWorkspace,
            CoreError::WorkspaceReadOnly(_) => ErrorCode::WorkspaceReadOnly,
            CoreError::NewerWorkspace(_) => ErrorCode::NewerWorkspace,
            CoreError::NoWorkspace => ErrorCode::NoWorkspace,
            CoreError::ImportFailed(_) => ErrorCode::ImportFailed,
            CoreError::Io { .. } => ErrorCode::Io,
            CoreError::Database(_) => ErrorCode::Database,
        }
    }

    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> CoreError {
        let context = context.into();
        move |source| CoreError::Io { context, source }
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Sq;
        match err.sqlite_error_code() {
            Some(Sq::DatabaseBusy) | Some(Sq::DatabaseLocked) => CoreError::Busy,
            Some(Sq::ReadOnly) => CoreError::WorkspaceReadOnly(
                "The workspace can't be written to (the disk or folder is read-only). Nothing was changed.".into(),
            ),
            Some(Sq::ConstraintViolation)
                if err.to_string().contains("published ladder version is read-only") =>
            {
                CoreError::ReadOnly(
                    "A published ladder version never changes. Edit the ladder to start a new draft.".into(),
                )
            }
            _ => CoreError::Database(err),
        }
    }
}

/// The shape of every error that crosses IPC.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl Serialize for CoreError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ApiError", 2)?;
        s.serialize_field("code", &self.code())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

impl From<&CoreError> for ApiError {
    fn from(err: &CoreError) -> Self {
        ApiError {
            code: err.code(),
            message: err.to_string(),
        }
    }
}
