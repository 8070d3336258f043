//! One kept page: its headers, its body in plain, gzip and brotli forms
//! (compressed once, at a high level), its ETag, and a Content-Security-
//! Policy that allows its inline scripts by hash instead of by nonce, since
//! a nonce may never be sent twice.

use std::io::Write;
use std::sync::atomic::AtomicU64;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

/// Brotli's level for kept pages: close to its best at a few milliseconds.
const BROTLI_QUALITY: u32 = 9;
/// Bodies shorter than this are sent as they are.
const COMPRESS_FROM_BYTES: usize = 512;

pub struct Entry {
    pub generation: u64,
    pub minute: i64,
    pub size: usize,
    pub last_used: AtomicU64,
    headers: HeaderMap,
    etag: HeaderValue,
    plain: Bytes,
    gzip: Option<Bytes>,
    brotli: Option<Bytes>,
}

/// Whether a rendered answer may be kept and sent to every anonymous
/// visitor: a plain 200 that sets no cookie and is not marked private.
pub fn is_storable(response: &Response) -> bool {
    let headers = response.headers();
    let cache_control = headers
        .get(header::CACHE_CONTROL)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !cache_control.contains("private")
        && !cache_control.contains("no-store")
}

impl Entry {
    /// Reads the whole body and prepares every form of it. Fails with the
    /// answer to send when the body cannot be read.
    pub async fn build(response: Response, generation: u64, minute: i64) -> Result<Self, Response> {
        let (parts, body) = response.into_parts();
        let plain = match axum::body::to_bytes(body, usize::MAX).await {
            Ok(bytes) => bytes,
            Err(error) => {
                tracing::error!(%error, "could not read a rendered page");
                return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
            }
        };
        let mut headers = parts.headers;
        headers.remove(header::CONTENT_LENGTH);
        headers.remove("x-request-id");
        let nonce = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|policy| nonce_of(policy))
            .map(str::to_owned);
        if let Some(policy) = headers.get(header::CONTENT_SECURITY_POLICY) {
            if let Some(hashed) = policy_by_hashes(policy, &plain) {
                headers.insert(header::CONTENT_SECURITY_POLICY, hashed);
            }
        }
        let etag = headers
            .get(header::ETAG)
            .cloned()
            .unwrap_or_else(|| etag_of(&plain, nonce.as_deref()));
        headers.insert(header::ETAG, etag.clone());
        let compressible = plain.len() >= COMPRESS_FROM_BYTES && is_text(&headers);
        let (gzip, brotli) = if compressible {
            let source = plain.clone();
            tokio::task::spawn_blocking(move || (gzipped(&source), brotli_compressed(&source)))
                .await
                .unwrap_or((None, None))
        } else {
            (None, None)
        };
        if gzip.is_some() || brotli.is_some() {
            headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        let size = plain.len()
            + gzip.as_ref().map_or(0, Bytes::len)
            + brotli.as_ref().map_or(0, Bytes::len)
            + headers
                .iter()
                .map(|(name, value)| name.as_str().len() + value.len())
                .sum::<usize>();
        Ok(Entry {
            generation,
            minute,
            size,
            last_used: AtomicU64::new(0),
            headers,
            etag,
            plain,
            gzip,
            brotli,
        })
    }

    /// The answer to one request: 304 when its `If-None-Match` names this
    /// page, otherwise the best form its `Accept-Encoding` allows.
    pub fn respond(&self, request: &HeaderMap, head_only: bool) -> Response {
        if etag_matches(request, &self.etag) {
            let mut response = StatusCode::NOT_MODIFIED.into_response();
            for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
                for value in self.headers.get_all(&name) {
                    response.headers_mut().append(name.clone(), value.clone());
                }
            }
            return response;
        }
        let (body, encoding) = match (accepts(request, "br"), accepts(request, "gzip")) {
            (true, _) if self.brotli.is_some() => (self.brotli.clone(), Some("br")),
            (_, true) if self.gzip.is_some() => (self.gzip.clone(), Some("gzip")),
            _ => (None, None),
        };
        let body = body.unwrap_or_else(|| self.plain.clone());
        let mut response = Response::new(Body::empty());
        *response.headers_mut() = self.headers.clone();
        if let Some(encoding) = encoding {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
            .headers_mut()
            .insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if !head_only {
            *response.body_mut() = Body::from(body);
        }
        response
    }
}

fn is_text(headers: &HeaderMap) -> bool {
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    kind.starts_with("text/") || kind.contains("json") || kind.contains("xml")
}

fn gzipped(bytes: &[u8]) -> Option<Bytes> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok().map(Bytes::from)
}

fn brotli_compressed(bytes: &[u8]) -> Option<Bytes> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).ok()?;
    Some(Bytes::from(out))
}

/// A tag of the page's bytes without its per-render nonce, so that the same
/// page rendered again (after a change elsewhere, or a new minute) keeps its
/// tag and browsers keep getting 304.
fn etag_of(bytes: &[u8], nonce: Option<&str>) -> HeaderValue {
    let mut hasher = Sha256::new();
    match (
        nonce.filter(|nonce| !nonce.is_empty()),
        std::str::from_utf8(bytes),
    ) {
        (Some(nonce), Ok(page)) => page.split(nonce).for_each(|part| hasher.update(part)),
        _ => hasher.update(bytes),
    }
    let digest = hasher.finalize();
    let tag = format!("W/\"{}\"", hex::encode(&digest[..12]));
    HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""))
}

/// Weak comparison, as RFC 9110 asks for `If-None-Match`.
fn etag_matches(request: &HeaderMap, etag: &HeaderValue) -> bool {
    let ours = etag.to_str().unwrap_or("").trim_start_matches("W/");
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
}

/// Whether `Accept-Encoding` allows `coding` (named, or `*`, with q above 0).
fn accepts(request: &HeaderMap, coding: &str) -> bool {
    request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let name = parts.next().unwrap_or("");
            let refused = parts.any(|param| {
                param
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
        })
}

/// The page's policy with its per-request nonce replaced by the hashes of
/// the inline scripts the page holds; `None` when it carries no nonce.
fn policy_by_hashes(policy: &HeaderValue, page: &[u8]) -> Option<HeaderValue> {
    let nonce = format!("'nonce-{}'", nonce_of(policy)?);
    let policy = policy.to_str().ok()?;
    let page = std::str::from_utf8(page).ok()?;
    let hashes: Vec<String> = inline_scripts(page)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    // No inline script at all: the page needs no exception.
    let allowed = if hashes.is_empty() {
        String::new()
    } else {
        hashes.join(" ")
    };
    HeaderValue::from_str(&policy.replace(&nonce, &allowed)).ok()
}

/// The nonce a policy names (`'nonce-VALUE'` gives `VALUE`).
fn nonce_of(policy: &HeaderValue) -> Option<&str> {
    policy
        .to_str()
        .ok()?
        .split_whitespace()
        .find_map(|token| token.strip_prefix("'nonce-")?.strip_suffix('\''))
}

/// The text of every `<script>` element without a `src`.
fn inline_scripts(page: &str) -> impl Iterator<Item = &str> {
    let mut rest = page;
    std::iter::from_fn(move || loop {
        let start = rest.find("<script")?;
        let open_end = start + rest[start..].find('>')?;
        let tag = &rest[start..open_end];
        let close = open_end + rest[open_end..].find("</script>")?;
        let text = &rest[open_end + 1..close];
        rest = &rest[close + "</script>".len()..];
        if !tag.contains(" src=") {
            return Some(text);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(name.clone(), HeaderValue::from_str(value).expect("value"));
        }
        map
    }

    #[test]
    fn inline_scripts_are_allowed_by_hash_and_the_nonce_goes() {
        let page =
            r#"<script src="/pkg/a.js" nonce="n1"></script><script nonce="n1">go()</script>"#;
        let policy = HeaderValue::from_static("script-src 'self' 'nonce-n1' 'wasm-unsafe-eval'");
        let hashed = policy_by_hashes(&policy, page.as_bytes()).expect("policy");
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"go()"));
        assert_eq!(
            hashed.to_str().expect("text"),
            format!("script-src 'self' 'sha256-{expected}' 'wasm-unsafe-eval'")
        );
    }

    #[test]
    fn the_tag_does_not_change_with_the_nonce() {
        let policy = HeaderValue::from_static("script-src 'self' 'nonce-n1'");
        assert_eq!(nonce_of(&policy), Some("n1"));
        let first = etag_of(br#"<script nonce="n1">go()</script>"#, Some("n1"));
        let again = etag_of(br#"<script nonce="n2">go()</script>"#, Some("n2"));
        let other = etag_of(br#"<script nonce="n2">stop()</script>"#, Some("n2"));
        assert_eq!(first, again);
        assert_ne!(first, other);
    }

    #[test]
    fn encodings_follow_accept_encoding() {
        let asked = headers(&[(header::ACCEPT_ENCODING, "gzip, br;q=0")]);
        assert!(accepts(&asked, "gzip"));
        assert!(!accepts(&asked, "br"));
        assert!(accepts(&headers(&[(header::ACCEPT_ENCODING, "*")]), "br"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
    }

    #[test]
    fn etags_compare_weakly() {
        let ours = HeaderValue::from_static("W/\"abc\"");
        assert!(etag_matches(
            &headers(&[(header::IF_NONE_MATCH, "\"x\", \"abc\"")]),
            &ours
        ));
        assert!(!etag_matches(
            &headers(&[(header::IF_NONE_MATCH, "\"abd\"")]),
            &ours
        ));
    }

    #[test]
    fn private_and_cookie_setting_answers_are_not_kept() {
        let mut response = Response::new(Body::empty());
        assert!(is_storable(&response));
        response
            .headers_mut()
            .insert(header::SET_COOKIE, HeaderValue::from_static("a=b"));
        assert!(!is_storable(&response));
        let mut private = Response::new(Body::empty());
        private.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
        assert!(!is_storable(&private));
    }
}
