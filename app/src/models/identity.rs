//! Signing in through another service (GitHub, the community's OpenID
//! Connect provider), as pages show it.

use serde::{Deserialize, Serialize};

/// A service people may sign in through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Provider {
    GitHub,
    /// The community's own OpenID Connect provider (Keycloak, Dex, GitLab, …).
    Oidc,
}

impl Provider {
    pub const ALL: [Provider; 2] = [Provider::GitHub, Provider::Oidc];

    /// The name in addresses (`/auth/github/start`) and in the database.
    pub fn key(self) -> &'static str {
        match self {
            Provider::GitHub => "github",
            Provider::Oidc => "oidc",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|provider| provider.key() == key)
    }
}

/// A configured provider, as its button names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOption {
    pub provider: Provider,
    /// "GitHub", or the name the site gave its OpenID Connect provider.
    pub label: String,
}

/// Why a sign-in through a provider did not go through. The callback sends
/// the browser back with `?problem=KEY`; pages show the message for a
/// known key and ignore any other text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInProblem {
    /// No sign-in of this browser was waiting for this answer: the `state`
    /// does not match, the link was used already, or it came too late.
    Stale,
    /// The person said no at the provider.
    Denied,
    /// The provider could not be reached or gave an answer we cannot use.
    Unreachable,
    /// The provider's answer failed a check (signature, nonce, expiry).
    Untrusted,
    /// An account here already has the provider's verified address.
    EmailTaken,
    /// An account here already names this GitHub handle.
    HandleTaken,
    /// This provider account signs in to another account here.
    LinkedElsewhere,
    /// The account already has an account of this provider linked.
    AlreadyLinked,
    /// Unlinking would leave no way to sign in.
    LastWay,
}

impl SignInProblem {
    const ALL: [SignInProblem; 9] = [
        SignInProblem::Stale,
        SignInProblem::Denied,
        SignInProblem::Unreachable,
        SignInProblem::Untrusted,
        SignInProblem::EmailTaken,
        SignInProblem::HandleTaken,
        SignInProblem::LinkedElsewhere,
        SignInProblem::AlreadyLinked,
        SignInProblem::LastWay,
    ];

    /// The value of `?problem=`.
    pub fn key(self) -> &'static str {
        match self {
            SignInProblem::Stale => "stale",
            SignInProblem::Denied => "denied",
            SignInProblem::Unreachable => "unreachable",
            SignInProblem::Untrusted => "untrusted",
            SignInProblem::EmailTaken => "email-taken",
            SignInProblem::HandleTaken => "handle-taken",
            SignInProblem::LinkedElsewhere => "linked-elsewhere",
            SignInProblem::AlreadyLinked => "already-linked",
            SignInProblem::LastWay => "last-way",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|problem| problem.key() == key)
    }

    /// The message's key in the Fluent files.
    pub fn message_key(self) -> &'static str {
        match self {
            SignInProblem::Stale => "sign-in-with-stale",
            SignInProblem::Denied => "sign-in-with-denied",
            SignInProblem::Unreachable => "sign-in-with-unreachable",
            SignInProblem::Untrusted => "sign-in-with-untrusted",
            SignInProblem::EmailTaken => "sign-in-with-email-taken",
            SignInProblem::HandleTaken => "sign-in-with-handle-taken",
            SignInProblem::LinkedElsewhere => "sign-in-with-linked-elsewhere",
            SignInProblem::AlreadyLinked => "sign-in-with-already-linked",
            SignInProblem::LastWay => "sign-in-with-last-way",
        }
    }

    /// The status of the page that shows it: the provider's fault is 502,
    /// a clash with another account 409, anything else the visitor's 400.
    pub fn status(self) -> u16 {
        match self {
            SignInProblem::Unreachable => 502,
            SignInProblem::EmailTaken
            | SignInProblem::HandleTaken
            | SignInProblem::LinkedElsewhere
            | SignInProblem::AlreadyLinked
            | SignInProblem::LastWay => 409,
            SignInProblem::Stale | SignInProblem::Denied | SignInProblem::Untrusted => 400,
        }
    }
}

/// A way into an account that is linked to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdentity {
    pub provider: Provider,
    pub label: String,
    /// What the provider calls the person (a GitHub login).
    pub login: Option<String>,
    /// When it was linked, written out in the page's language.
    pub since: String,
}

/// One of a person's live sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    /// Names the session in the form that ends it (the stored hash of its
    /// token, which cannot sign anyone in).
    pub key: String,
    pub started: String,
    /// "password", or the label of the provider it began through.
    pub signed_in_with: String,
    pub browser: String,
    /// The session this page was asked for.
    pub current: bool,
}

/// What a person's account page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountOverview {
    pub display_name: String,
    pub email: Option<String>,
    pub github_handle: Option<String>,
    pub has_password: bool,
    pub linked: Vec<LinkedIdentity>,
    /// Configured providers not linked yet.
    pub linkable: Vec<SignInOption>,
    pub sessions: Vec<SessionSummary>,
}

impl AccountOverview {
    /// Whether removing `provider` still leaves a way to sign in.
    pub fn may_unlink(&self, provider: Provider) -> bool {
        self.has_password || self.linked.iter().any(|link| link.provider != provider)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        for provider in Provider::ALL {
            assert_eq!(Provider::parse(provider.key()), Some(provider));
        }
        for problem in SignInProblem::ALL {
            assert_eq!(SignInProblem::parse(problem.key()), Some(problem));
            assert!((400..600).contains(&problem.status()));
        }
        assert_eq!(SignInProblem::parse("<script>"), None);
    }

    #[test]
    fn the_last_way_in_stays() {
        let github = LinkedIdentity {
            provider: Provider::GitHub,
            label: "GitHub".into(),
            login: Some("ada".into()),
            since: String::new(),
        };
        let mut overview = AccountOverview {
            display_name: "Ada".into(),
            email: None,
            github_handle: None,
            has_password: false,
            linked: vec![github.clone()],
            linkable: vec![],
            sessions: vec![],
        };
        assert!(!overview.may_unlink(Provider::GitHub));
        overview.has_password = true;
        assert!(overview.may_unlink(Provider::GitHub));
        overview.has_password = false;
        overview.linked.push(LinkedIdentity {
            provider: Provider::Oidc,
            ..github
        });
        assert!(overview.may_unlink(Provider::GitHub));
    }
}
