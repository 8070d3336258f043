//! The one error type every server function returns.

use http::StatusCode;
use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

/// What went wrong, in words a visitor may read. Internal details are logged
/// where they happen and never travel to the browser.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("We could not find that page.")]
    NotFound,
    #[error("Please correct the fields marked below.")]
    Invalid(FieldErrors),
    /// A refusal with its reason, such as an expired link.
    #[error("{0}")]
    Rejected(String),
    /// An optimistic-lock failure: someone saved first. Carries what is
    /// stored now, so the form can show it; nothing was written.
    #[error("Someone else changed this item since you opened it. Nothing was saved: compare with the current values below.")]
    Conflict(Box<CurrentValues>),
    #[error("Please sign in first.")]
    Unauthorized,
    #[error("You are not allowed to do that.")]
    Forbidden,
    #[error(
        "Too many attempts from your address. Please try again in {retry_after_secs} seconds."
    )]
    TooManyRequests { retry_after_secs: i64 },
    #[error("Something went wrong on our side. Please try again in a moment.")]
    Internal,
    #[error("The request could not be handled: {0}")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Rejected(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::ServerFn(
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_),
            ) => StatusCode::BAD_REQUEST,
            AppError::ServerFn(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message for one form field, when this error is about fields.
    pub fn field(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid(errors) => errors.get(name).map(str::to_owned),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}

/// The stored state of a record that changed under an editor: its version
/// and its fields as (label, value), for showing next to the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentValues {
    pub version: i64,
    pub fields: Vec<(String, String)>,
}

/// Messages tied to form fields by their `name`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push((field.to_owned(), message.into()));
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.as_str())
    }

    /// `Ok` when nothing was added.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Invalid(errors)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}
