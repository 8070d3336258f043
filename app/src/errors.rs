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
    /// Nothing at this address, with words that say what is missing.
    #[error("{0}")]
    Missing(String),
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
    /// The database cannot be reached or is too busy right now.
    #[error("This is not available right now. Please try again in a moment.")]
    Unavailable,
    #[error("The request could not be handled: {0}")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    /// What the visitor reads, in the request's language (the `Display`
    /// text is the English one, for logs).
    pub fn message(&self) -> String {
        // Islands show errors too, and the browser carries no translations.
        #[cfg(not(feature = "ssr"))]
        return self.to_string();
        #[cfg(feature = "ssr")]
        self.translated()
    }

    #[cfg(feature = "ssr")]
    fn translated(&self) -> String {
        use crate::i18n::{t, t_with, FluentValue};
        match self {
            AppError::NotFound => t("error-not-found"),
            AppError::Missing(words) | AppError::Rejected(words) => words.clone(),
            AppError::Invalid(_) => t("error-invalid"),
            AppError::Conflict(_) => t("error-conflict"),
            AppError::Unauthorized => t("error-unauthorized"),
            AppError::Forbidden => t("error-forbidden"),
            AppError::TooManyRequests { retry_after_secs } => t_with(
                "error-too-many",
                &[("seconds", FluentValue::from(*retry_after_secs))],
            ),
            AppError::Internal => t("error-internal"),
            AppError::Unavailable => t("error-unavailable"),
            AppError::ServerFn(reason) => t_with(
                "error-request",
                &[("reason", FluentValue::from(reason.to_string()))],
            ),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound | AppError::Missing(_) => StatusCode::NOT_FOUND,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Rejected(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::ServerFn(
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_),
            ) => StatusCode::BAD_REQUEST,
            AppError::ServerFn(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A plain route's answer for a SIG name nobody uses.
    pub fn no_such_sig() -> Self {
        AppError::Missing(crate::i18n::t("error-no-sig"))
    }

    /// How many seconds a client should wait before trying again, if any.
    pub fn retry_after(&self) -> Option<i64> {
        match self {
            AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        }
    }

    /// Gives an answer this error's status and headers: the one mapping
    /// from errors to HTTP, used by plain routes and server functions alike.
    /// `keep_status` leaves a status the answer already has (a plain form
    /// post's redirect back to its form).
    #[cfg(feature = "ssr")]
    pub fn apply_to(&self, parts: &mut http::response::Parts, keep_status: bool) {
        if let Some(seconds) = self.retry_after() {
            parts
                .headers
                .insert(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
        }
        if !keep_status {
            parts.status = self.status();
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

/// A plain route's refusal: the error's status and its message as text.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let (mut parts, body) = self.to_string().into_response().into_parts();
        self.apply_to(&mut parts, false);
        axum::response::Response::from_parts(parts, body)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::error!(%error, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    #[test]
    fn plain_routes_answer_with_the_errors_status_and_words() {
        let limited = AppError::TooManyRequests {
            retry_after_secs: 7,
        }
        .into_response();
        assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(limited.headers()[http::header::RETRY_AFTER], "7");
        let missing = AppError::no_such_sig().into_response();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            AppError::Unavailable.status(),
            StatusCode::SERVICE_UNAVAILABLE
        );
        assert_eq!(
            AppError::Forbidden.into_response().status(),
            StatusCode::FORBIDDEN
        );
    }

    #[test]
    fn a_redirect_back_to_the_form_keeps_its_status() {
        let (mut parts, ()) = http::Response::builder()
            .status(StatusCode::FOUND)
            .body(())
            .expect("a response")
            .into_parts();
        AppError::TooManyRequests {
            retry_after_secs: 3,
        }
        .apply_to(&mut parts, true);
        assert_eq!(parts.status, StatusCode::FOUND);
        assert_eq!(parts.headers[http::header::RETRY_AFTER], "3");
    }

    #[test]
    fn an_unreachable_database_is_unavailable_not_a_bug() {
        assert_eq!(
            AppError::from(sqlx::Error::PoolTimedOut),
            AppError::Unavailable
        );
        assert_eq!(AppError::from(sqlx::Error::RowNotFound), AppError::NotFound);
        assert_eq!(
            AppError::from(sqlx::Error::Protocol("bad".into())),
            AppError::Internal
        );
    }
}
