//! Where the server may send a browser, and which error reports an address
//! may carry.
//!
//! A plain form post that fails comes back to its page with the error in
//! the address (`__path`, `__err`, added by Leptos to the `Referer`). So
//! that this can never send someone to another site, or show a message a
//! stranger wrote into a link, every redirect is kept to this site's own
//! paths and its error report is signed; a report without a valid signature
//! is dropped before the page reads it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Uri};
use axum::middleware::Next;
use axum::response::Response;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The query parameters of an error report.
const REPORT: [&str; 3] = ["__path", "__err", "__sig"];
/// The bytes of a signature kept in the address (128 bits).
const SIGNATURE_BYTES: usize = 16;

/// The key that signs error reports, shared by every instance through the
/// database (a report made by one instance is shown by another).
#[derive(Clone)]
pub struct ReportKey(Hmac<Sha256>);

impl ReportKey {
    pub fn new(secret: &str) -> Result<Self, hmac::digest::InvalidLength> {
        Hmac::new_from_slice(secret.as_bytes()).map(ReportKey)
    }

    fn mac(&self, path: &str, error: &str) -> Hmac<Sha256> {
        let mut mac = self.0.clone();
        mac.update(path.as_bytes());
        mac.update(b"\n");
        mac.update(error.as_bytes());
        mac
    }

    fn sign(&self, path: &str, error: &str) -> String {
        hex::encode(&self.mac(path, error).finalize().into_bytes()[..SIGNATURE_BYTES])
    }

    fn verifies(&self, path: &str, error: &str, signature: &str) -> bool {
        hex::decode(signature).is_ok_and(|bytes| {
            bytes.len() == SIGNATURE_BYTES
                && self.mac(path, error).verify_truncated_left(&bytes).is_ok()
        })
    }
}

/// Drops unsigned error reports from the address, and keeps every
/// redirect on this site with its error report (if any) signed.
pub async fn guard(
    State(key): State<ReportKey>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    if let Some(cleaned) = without_forged_report(&key, request.uri()) {
        *request.uri_mut() = cleaned;
    }
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let mut response = next.run(request).await;
    // The way to a configured sign-in provider, made by our own handler.
    if response
        .extensions()
        .get::<crate::routes::sign_in_with::ToProvider>()
        .is_some()
    {
        return response;
    }
    if let Some(location) = response.headers().get(header::LOCATION) {
        let target = location
            .to_str()
            .ok()
            .and_then(|location| same_site_path(location, &host))
            .unwrap_or("/");
        let target = with_signed_report(&key, target);
        if let Ok(value) = HeaderValue::from_str(&target) {
            response.headers_mut().insert(header::LOCATION, value);
        }
    }
    response
}

/// The address without its error report, when it has one that is not signed.
fn without_forged_report(key: &ReportKey, uri: &Uri) -> Option<Uri> {
    let query = uri.query()?;
    let pairs = parse(query);
    if !pairs
        .iter()
        .any(|(name, _)| REPORT.contains(&name.as_str()))
    {
        return None;
    }
    let value = |name| last(&pairs, name);
    let signed = match (value("__path"), value("__err"), value("__sig")) {
        (Some(path), Some(error), Some(signature)) => key.verifies(path, error, signature),
        _ => false,
    };
    if signed {
        return None;
    }
    let kept = serialize(
        pairs
            .iter()
            .filter(|(name, _)| !REPORT.contains(&name.as_str())),
    );
    let path_and_query = if kept.is_empty() {
        uri.path().to_owned()
    } else {
        format!("{}?{kept}", uri.path())
    };
    path_and_query.parse().ok()
}

/// `target` with only its last error report, signed. A `#fragment` is
/// not part of the query: it is set aside and put back at the end.
fn with_signed_report(key: &ReportKey, target: &str) -> String {
    let (target, fragment) = match target.split_once('#') {
        Some((before, fragment)) => (before, format!("#{fragment}")),
        None => (target, String::new()),
    };
    let Some((path, query)) = target.split_once('?') else {
        return format!("{target}{fragment}");
    };
    let pairs = parse(query);
    let (report_path, error) = (
        last(&pairs, "__path").map(str::to_owned),
        last(&pairs, "__err").map(str::to_owned),
    );
    let mut kept: Vec<(String, String)> = pairs
        .iter()
        .filter(|(name, _)| !REPORT.contains(&name.as_str()))
        .cloned()
        .collect();
    if let (Some(report_path), Some(error)) = (report_path, error) {
        let signature = key.sign(&report_path, &error);
        kept.push(("__path".into(), report_path));
        kept.push(("__err".into(), error));
        kept.push(("__sig".into(), signature));
    }
    let query = serialize(kept.iter());
    if query.is_empty() {
        format!("{path}{fragment}")
    } else {
        format!("{path}?{query}{fragment}")
    }
}

/// The path of `location` when it points into this site (`host`): a path
/// that starts with one `/`, or an absolute address on this host.
fn same_site_path<'a>(location: &'a str, host: &str) -> Option<&'a str> {
    let path = match location.split_once("://") {
        Some((scheme, rest))
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            if host.is_empty() || !rest[..end].eq_ignore_ascii_case(host) {
                return None;
            }
            let path = &rest[end..];
            if path.is_empty() {
                "/"
            } else {
                path
            }
        }
        Some(_) => return None,
        None => location,
    };
    let before_query = path.split(['?', '#']).next().unwrap_or("");
    // `//host` and `/\host` leave the site in browsers.
    let leaves = before_query.starts_with("//") || before_query.contains('\\');
    (path.starts_with('/') && !leaves && !path.chars().any(char::is_control)).then_some(path)
}

/// The value of the last pair called `wanted`.
fn last<'a>(pairs: &'a [(String, String)], wanted: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(name, _)| name == wanted)
        .map(|(_, value)| value.as_str())
}

fn parse(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

fn serialize<'a>(pairs: impl Iterator<Item = &'a (String, String)>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        out.append_pair(name, value);
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("/join?sig=devops", Some("/join?sig=devops"))]
    #[case("http://sigs.example.org/join", Some("/join"))]
    #[case("https://SIGS.example.org", Some("/"))]
    #[case("https://evil.example/", None)]
    #[case("https://sigs.example.org.evil.example/", None)]
    #[case("https://sigs.example.org@evil.example/", None)]
    #[case("//evil.example/", None)]
    #[case("/\\evil.example/", None)]
    #[case("javascript:alert(1)", None)]
    #[case("evil.example", None)]
    fn redirects_stay_on_this_site(#[case] location: &str, #[case] expected: Option<&str>) {
        assert_eq!(same_site_path(location, "sigs.example.org"), expected);
    }

    #[rstest]
    #[case("/account?done=mail#mail", "/account?done=mail#mail")]
    #[case("/sigs/storage/meetings#series-3", "/sigs/storage/meetings#series-3")]
    #[case("/sigs?q=a%23b", "/sigs?q=a%23b")]
    fn a_fragment_stays_out_of_the_query(#[case] target: &str, #[case] expected: &str) {
        let key = ReportKey::new("test key").expect("key");
        assert_eq!(with_signed_report(&key, target), expected);
    }

    #[test]
    fn a_signed_report_is_kept_and_a_forged_one_dropped() {
        let key = ReportKey::new("test key").expect("key");
        let target = with_signed_report(
            &key,
            "/join?sig=devops&__path=%2Fapi%2Fold&__err=old&__path=%2Fapi%2Fjoin&__err=e30",
        );
        assert_eq!(
            target.matches("__err").count(),
            1,
            "one report, not one per failed submit: {target}"
        );
        let signed: Uri = target.parse().expect("uri");
        assert_eq!(without_forged_report(&key, &signed), None);

        let forged: Uri =
            "/account/sign-in?next=%2F&__path=%2Fapi%2Fsign_in&__err=eyJSZWplY3RlZCI6IngifQ"
                .parse()
                .expect("uri");
        assert_eq!(
            without_forged_report(&key, &forged),
            Some("/account/sign-in?next=%2F".parse().expect("uri"))
        );
        let other_key = ReportKey::new("another key").expect("key");
        assert!(without_forged_report(&other_key, &signed).is_some());
    }
}
