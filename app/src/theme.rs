//! The colour theme a visitor chose: light, dark, or whatever their system says.

/// The cookie that remembers the choice.
pub const COOKIE: &str = "sigpost_theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The choice in a `Cookie` header, if any.
    pub fn from_cookie_header(header: &str) -> Theme {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .and_then(|(_, value)| Theme::parse(value))
            .unwrap_or(Theme::System)
    }
}

/// The theme of the request being rendered (server only).
#[cfg(feature = "ssr")]
pub fn requested() -> Theme {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::COOKIE)
                .and_then(|value| value.to_str().ok())
                .map(Theme::from_cookie_header)
        })
        .unwrap_or(Theme::System)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_names_the_theme() {
        assert_eq!(
            Theme::from_cookie_header("a=b; sigpost_theme=dark"),
            Theme::Dark
        );
        assert_eq!(
            Theme::from_cookie_header("sigpost_theme=light"),
            Theme::Light
        );
        assert_eq!(
            Theme::from_cookie_header("sigpost_theme=<script>"),
            Theme::System
        );
        assert_eq!(Theme::from_cookie_header(""), Theme::System);
    }
}
