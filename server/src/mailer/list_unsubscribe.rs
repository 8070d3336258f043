//! The headers that let mail clients offer "unsubscribe": `List-Unsubscribe`
//! with the address (RFC 2369), and `List-Unsubscribe-Post`, which says a
//! POST to it unsubscribes in one click without a page (RFC 8058).

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::MessageBuilder;

#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(value: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(value.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl Header for ListUnsubscribePost {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_owned())
    }
}

/// `message` with both headers for the one-click address `url`. The
/// address is the site's own with a hex token: it holds no `>` or line
/// break that could end the header early.
pub fn headers(message: MessageBuilder, url: &str) -> MessageBuilder {
    let url: String = url
        .chars()
        .filter(|c| c.is_ascii_graphic() && *c != '>' && *c != '<')
        .collect();
    message
        .header(ListUnsubscribe(format!("<{url}>")))
        .header(ListUnsubscribePost)
}
