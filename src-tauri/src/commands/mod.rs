//! IPC commands, one module per capability. Each converts its arguments, calls the core and
//! returns the core's error as `{ code, message }`.

pub mod assessment;
pub mod credential;
pub mod document;
pub mod evidence;
pub mod insights;
pub mod ladder;
pub mod review;
pub mod roster;
pub mod staffing;
pub mod workspace;

pub type CmdResult<T> = std::result::Result<T, guildbook_core::CoreError>;
