//! Anonymous GETs answered from memory. Nearly every visitor is anonymous
//! and sees the same page, so each public page is rendered once per change
//! of what it shows (and at most once a minute, for "next meeting" lines),
//! then kept with its compressed forms and an ETag. A visitor with a
//! session, a form draft or any unknown cookie passes straight through, and
//! so does every answer that sets a cookie or is not plainly public.

mod entries;
mod entry;
pub mod freshness;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use app::clock::Clock;
use app::store::Database;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::watch;

use entries::Entries;
use entry::Entry;

/// Paths whose answers must be computed for each request.
const NEVER_CACHED: [&str; 4] = ["/metrics", "/healthz", "/readyz", "/pkg/"];

/// The only cookie that may come with a cached request; it is part of the key.
const THEME_COOKIE: &str = app::theme::COOKIE;

/// The pages kept, and what tells them apart from stale ones.
pub struct PageCache {
    entries: Entries,
    /// Bumped by every change; an entry made under an older one is stale.
    generation: AtomicU64,
    /// Whether changes can be seen now; while not, nothing is served or kept.
    watching: AtomicBool,
    /// The content version last read from the database.
    version: AtomicI64,
    /// Keys being rendered, so that concurrent misses wait for one render.
    rendering: Mutex<HashMap<String, watch::Receiver<()>>>,
    clock: Clock,
    db: Database,
}

impl PageCache {
    pub fn new(max_bytes: usize, clock: Clock, db: Database) -> Arc<Self> {
        Arc::new(PageCache {
            entries: Entries::new(max_bytes),
            generation: AtomicU64::new(0),
            watching: AtomicBool::new(false),
            version: AtomicI64::new(i64::MIN),
            rendering: Mutex::new(HashMap::new()),
            clock,
            db,
        })
    }

    /// Drops every page: something it may show has changed.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries.clear();
    }

    /// Records the database's content version; a new one drops every page.
    pub fn observe(&self, version: i64) {
        if self.version.swap(version, Ordering::SeqCst) != version {
            self.invalidate();
        }
    }

    /// Changes can be seen again (a listener reconnected): start afresh.
    pub fn start_watching(&self) {
        self.invalidate();
        self.watching.store(true, Ordering::SeqCst);
    }

    /// Changes cannot be seen (the listener is down): serve nothing kept.
    pub fn stop_watching(&self) {
        self.watching.store(false, Ordering::SeqCst);
        self.invalidate();
    }

    /// The bytes the kept pages take now.
    pub fn bytes(&self) -> usize {
        self.entries.bytes()
    }

    /// Reads the content version after a request that may have written, so
    /// the writer's next page already shows the change.
    async fn check_for_changes(&self) {
        match self.db.content_version().await {
            Ok(version) => self.observe(version),
            Err(error) => {
                tracing::warn!(%error, "cannot read the content version; dropping cached pages");
                self.invalidate();
            }
        }
    }

    fn minute(&self) -> i64 {
        self.clock.unix_seconds().div_euclid(60)
    }

    /// The kept page for `key`, if it is still true.
    fn fresh(&self, key: &str) -> Option<Arc<Entry>> {
        if !self.watching.load(Ordering::SeqCst) {
            return None;
        }
        let entry = self.entries.get(key)?;
        (entry.generation == self.generation.load(Ordering::SeqCst)
            && entry.minute == self.minute())
        .then_some(entry)
    }

    /// Either this request renders `key` (and holds the returned guard until
    /// the page is kept) or another one already does (wait on the receiver).
    fn lead_or_follow(self: &Arc<Self>, key: &str) -> Result<RenderGuard, watch::Receiver<()>> {
        let mut rendering = self
            .rendering
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(receiver) = rendering.get(key) {
            return Err(receiver.clone());
        }
        let (sender, receiver) = watch::channel(());
        rendering.insert(key.to_owned(), receiver);
        Ok(RenderGuard {
            cache: Arc::clone(self),
            key: key.to_owned(),
            _sender: sender,
        })
    }
}

/// Held while one request renders a page; dropping it (also when the
/// request is cancelled) wakes the requests that waited for it.
struct RenderGuard {
    cache: Arc<PageCache>,
    key: String,
    _sender: watch::Sender<()>,
}

impl Drop for RenderGuard {
    fn drop(&mut self) {
        self.cache
            .rendering
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.key);
    }
}

/// The middleware: answers from memory when it can, keeps what it may.
pub async fn serve(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let response = next.run(request).await;
        cache.check_for_changes().await;
        return response;
    }
    let Some(key) = key_of(&request) else {
        return next.run(request).await;
    };
    if let Some(entry) = cache.fresh(&key) {
        return entry.respond(request.headers(), request.method() == Method::HEAD);
    }
    if request.method() == Method::HEAD || !cache.watching.load(Ordering::SeqCst) {
        return next.run(request).await;
    }
    let guard = match cache.lead_or_follow(&key) {
        Ok(guard) => guard,
        Err(mut receiver) => {
            // Woken when the render is kept, failed or was cancelled.
            let _ = receiver.changed().await;
            return match cache.fresh(&key) {
                Some(entry) => entry.respond(request.headers(), false),
                None => next.run(request).await,
            };
        }
    };
    let generation = cache.generation.load(Ordering::SeqCst);
    let minute = cache.minute();
    let asked = request.headers().clone();
    let response = next.run(for_rendering(request)).await;
    if !entry::is_storable(&response) {
        return response;
    }
    let entry = match Entry::build(response, generation, minute).await {
        Ok(entry) => Arc::new(entry),
        Err(response) => return response,
    };
    // A change that landed while rendering makes this page stale already.
    if cache.generation.load(Ordering::SeqCst) == generation {
        cache.entries.insert(key, Arc::clone(&entry));
    }
    drop(guard);
    entry.respond(&asked, false)
}

/// The request as the renderer should see it: asking for the plain page
/// (the cache compresses it once) and never for a 304.
fn for_rendering(mut request: Request) -> Request<Body> {
    let headers = request.headers_mut();
    headers.remove(header::ACCEPT_ENCODING);
    headers.remove(header::IF_NONE_MATCH);
    headers.remove(header::IF_MODIFIED_SINCE);
    request
}

/// The cache key of a request that may be answered from memory: the path,
/// the query with its parameters in a fixed order, and the theme.
fn key_of(request: &Request) -> Option<String> {
    let path = request.uri().path();
    if NEVER_CACHED.iter().any(|prefix| path.starts_with(prefix))
        || request.headers().contains_key(header::AUTHORIZATION)
    {
        return None;
    }
    let theme = theme_only(request.headers())?;
    let query = request.uri().query().unwrap_or("");
    // Error reports (`__err`, however it is encoded) are personal: they
    // carry what was typed.
    let lowered = query.to_ascii_lowercase();
    if lowered.contains("__") || lowered.contains("%5f") {
        return None;
    }
    // Parameters as sent, in order of name: no decoding, so two addresses
    // share a page only when the page cannot tell them apart.
    let mut parameters: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
    parameters.sort_by_key(|parameter| parameter.split('=').next().unwrap_or(""));
    Some(format!("{path}?{}#{theme}", parameters.join("&")))
}

/// The theme cookie's value when it is the only cookie sent ("" for none);
/// `None` when any other cookie comes along (a session, a form draft).
fn theme_only(headers: &HeaderMap) -> Option<String> {
    let mut theme = String::new();
    for value in headers.get_all(header::COOKIE) {
        for pair in value.to_str().ok()?.split(';') {
            let pair = pair.trim();
            if pair.is_empty() {
                continue;
            }
            let (name, value) = pair.split_once('=')?;
            if name.trim() != THEME_COOKIE {
                return None;
            }
            theme = value.trim().to_owned();
        }
    }
    Some(theme)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str, cookie: Option<&str>) -> Request {
        let mut builder = Request::builder().uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).expect("request")
    }

    #[test]
    fn the_key_orders_the_query_and_names_the_theme() {
        assert_eq!(
            key_of(&request("/roadmap?status=planned&sig=devops", None)),
            key_of(&request("/roadmap?sig=devops&status=planned", None))
        );
        assert_ne!(
            key_of(&request("/sigs?q=%FF", None)),
            key_of(&request("/sigs?q=%EF%BF%BD", None))
        );
        assert_ne!(
            key_of(&request("/sigs", Some("sigpost_theme=dark"))),
            key_of(&request("/sigs", None))
        );
    }

    #[test]
    fn personal_requests_have_no_key() {
        assert!(key_of(&request("/sigs", Some("sigpost_session=abc"))).is_none());
        assert!(key_of(&request("/sigs", Some("sigpost_theme=dark; other=1"))).is_none());
        assert!(key_of(&request("/join?__err=x", None)).is_none());
        assert!(key_of(&request("/join?%5F_err=x", None)).is_none());
        assert!(key_of(&request("/metrics", None)).is_none());
        assert!(key_of(&request("/pkg/sigpost.js", None)).is_none());
    }
}
