use serde::{Deserialize, Serialize};

/// Where a community-wide channel belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChannelKind {
    /// Community-wide channels in the main language.
    General,
    /// Channels of a local, usually non-English, community.
    Local,
}

impl ChannelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::General => "general",
            ChannelKind::Local => "local",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "general" => Some(ChannelKind::General),
            "local" => Some(ChannelKind::Local),
            _ => None,
        }
    }
}

/// A chat channel that is not a SIG's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    /// What the channel is for ("users", or the language for local communities).
    pub purpose: String,
    /// The channel's own name, such as `#kubesphere-users`.
    pub name: String,
    pub url: String,
    pub kind: ChannelKind,
}
