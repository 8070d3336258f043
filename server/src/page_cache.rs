//! GETs answered from memory. Nearly every visitor is anonymous and sees
//! the same page, so each public page is rendered once per change of what
//! it shows (and at most once a minute, for "next meeting" lines), then
//! kept with its compressed forms and an ETag. A signed-in person's pages
//! are kept the same way under their own key, since every table those
//! pages read (their account and roles included) notifies changes; their
//! own tools (`/my/`, `/admin`, `/account/`) are always rendered. A form
//! draft or any unknown cookie passes straight through, and so does every
//! answer that sets a cookie or is not plainly public.

mod entries;
mod entry;
pub mod freshness;
mod key;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use app::clock::Clock;
use app::store::Database;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::watch;

use entries::Entries;
use entry::Entry;
use key::key_of;

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
        self.kept(key, 0)
    }

    /// The page kept for `key` under the current generation, rendered at
    /// most `minutes_late` minutes ago: nothing was written since.
    fn kept(&self, key: &str, minutes_late: i64) -> Option<Arc<Entry>> {
        if !self.watching.load(Ordering::SeqCst) {
            return None;
        }
        let entry = self.entries.get(key)?;
        let late = self.minute() - entry.minute;
        (entry.generation == self.generation.load(Ordering::SeqCst)
            && (0..=minutes_late).contains(&late))
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
    let (key, request) = if key.signed_in {
        // The page as this person sees it; an ended session is rendered.
        let (parts, body) = request.into_parts();
        let person = app::auth::CurrentAccount::of(&cache.db, &parts).await;
        let request = Request::from_parts(parts, body);
        match person {
            Ok(app::auth::CurrentAccount(Some(account))) => (key.for_person(account.id), request),
            _ => return next.run(request).await,
        }
    } else {
        (key.page, request)
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
            // Rendered again only because a new minute began: the previous
            // minute's page is what the database still holds, so only the
            // request rendering waits, not every one that arrives meanwhile.
            if let Some(entry) = cache.kept(&key, 1) {
                return entry.respond(request.headers(), false);
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    async fn cache_with(key: &str) -> (Arc<PageCache>, Clock) {
        let clock = Clock::default();
        let db = Database::connect("sqlite::memory:", 1)
            .await
            .expect("database");
        let cache = PageCache::new(1 << 20, clock.clone(), db);
        cache.start_watching();
        let page = Response::new(Body::from("<p>kept</p>"));
        let generation = cache.generation.load(Ordering::SeqCst);
        let entry = Entry::build(page, generation, cache.minute())
            .await
            .expect("entry");
        cache.entries.insert(key.to_owned(), Arc::new(entry));
        (cache, clock)
    }

    #[tokio::test]
    async fn a_page_from_the_last_minute_serves_only_while_it_is_rendered_again() {
        let (cache, clock) = cache_with("/sigs").await;
        assert!(cache.fresh("/sigs").is_some());
        clock.advance(60);
        assert!(
            cache.fresh("/sigs").is_none(),
            "a new minute renders it again"
        );
        assert!(cache.kept("/sigs", 1).is_some(), "meanwhile it may be sent");
        clock.advance(60);
        assert!(
            cache.kept("/sigs", 1).is_none(),
            "two minutes late is too late"
        );
    }

    #[tokio::test]
    async fn a_write_leaves_nothing_to_send_while_rendering() {
        let (cache, clock) = cache_with("/sigs").await;
        clock.advance(60);
        cache.invalidate();
        assert!(cache.kept("/sigs", 1).is_none());
    }
}
