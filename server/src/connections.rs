//! Accepting connections with bounds, so that idle, half-sent or too many
//! connections cannot use up the process's file descriptors or memory and
//! stop the site from answering.
//!
//! - a client has `header_timeout` to send a request's headers, and a
//!   connection idle between requests is closed after as long (hyper's
//!   header-read timer runs while it waits for the next request);
//! - a connection lives at most `connection_max`, then finishes the request
//!   in hand and closes;
//! - at most `max_connections` are open, and at most `max_per_client` from
//!   one address; further ones are closed as soon as they are accepted, so
//!   they never wait in the kernel's queue holding a descriptor.
//!
//! HTTP/1.1 only: TLS and HTTP/2 end at the reverse proxy in front.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{ConnectInfo, Request};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};

use crate::config::ConnectionArgs;

/// File descriptors kept free for the database, static files and logs.
const RESERVED_DESCRIPTORS: usize = 256;

/// The bounds in force, after the file limit is taken into account.
#[derive(Debug, Clone)]
pub struct Limits {
    pub header_timeout: Duration,
    pub connection_max: Duration,
    pub max_connections: usize,
    pub max_per_client: Option<usize>,
}

impl Limits {
    /// Raises the soft file limit to the hard one and fits the connection
    /// cap under it. `per_client` is off behind a trusted proxy.
    pub fn from_args(args: &ConnectionArgs, per_client: bool) -> Self {
        let descriptors = rlimit::increase_nofile_limit(u64::MAX)
            .ok()
            .and_then(|limit| usize::try_from(limit).ok())
            .unwrap_or(1024);
        let fits = descriptors.saturating_sub(RESERVED_DESCRIPTORS).max(16);
        Limits {
            header_timeout: Duration::from_secs(args.header_timeout_seconds.max(1)),
            connection_max: Duration::from_secs(args.connection_max_seconds.max(1)),
            max_connections: args.max_connections.clamp(1, fits),
            max_per_client: per_client.then_some(args.max_connections_per_client.max(1)),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes; then stops
/// accepting, asks open connections to close after their request, and
/// returns once all have closed.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) {
    let admission = Admission::new(&limits);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let (stopping, stop_signal) = watch::channel(false);
    let trimming = tokio::spawn(give_memory_back(
        Arc::clone(&admission.open),
        admission.capacity,
        Arc::clone(&admission.peak),
    ));
    let refusals = RateLimitedLog::default();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of descriptors (or another passing error): wait a
                    // moment rather than spin, and keep serving the rest.
                    refusals.warn(|| tracing::warn!(%error, "could not accept a connection"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Some(ticket) = admission.admit(peer.ip()) else {
            refusals.warn(|| {
                tracing::warn!(
                    peer = %peer.ip(),
                    open = admission.open(),
                    "connection refused: too many open"
                )
            });
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = tower::ServiceExt::map_request(
            router.clone(),
            move |mut request: Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        );
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let mut stop_signal = stop_signal.clone();
        let connection_max = limits.connection_max;
        tokio::spawn(async move {
            let _ticket = ticket;
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => return,
                () = tokio::time::sleep(connection_max) => {}
                _ = stop_signal.wait_for(|stop| *stop) => {}
            }
            // Finish the request in hand, then close.
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        });
    }
    drop(listener);
    trimming.abort();
    let _ = stopping.send(true);
    admission.all_closed().await;
}

/// glibc's malloc (still used by C code such as SQLite's; the server's own
/// allocations go to mimalloc) keeps freed memory in its arenas for good;
/// after a burst (a flood, a spike) has passed, ask it to give the free
/// pages back. Checked every ten seconds; trims only after the number
/// of open connections fell by more than a few hundred.
async fn give_memory_back(open: Arc<Semaphore>, capacity: u32, peak: Arc<AtomicUsize>) {
    const FALL: usize = 256;
    let mut ticks = tokio::time::interval(Duration::from_secs(10));
    loop {
        ticks.tick().await;
        let now = capacity as usize - open.available_permits();
        // The most open since the last look; from now on, counted afresh.
        let most = peak.swap(now, Ordering::Relaxed);
        if most.saturating_sub(now) > FALL {
            trim();
        }
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim() {
    // SAFETY: malloc_trim only walks and shrinks the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}

/// Open connections per client address.
type OpenPerClient = Arc<Mutex<HashMap<IpAddr, usize>>>;

/// Who may open one more connection.
struct Admission {
    open: Arc<Semaphore>,
    capacity: u32,
    /// The most connections open at once since the memory was last trimmed.
    peak: Arc<AtomicUsize>,
    per_client: Option<(usize, OpenPerClient)>,
}

/// An open connection's place; given back when dropped.
struct Ticket {
    _permit: OwnedSemaphorePermit,
    client: Option<(IpAddr, OpenPerClient)>,
}

impl Admission {
    fn new(limits: &Limits) -> Self {
        let capacity = u32::try_from(limits.max_connections).unwrap_or(u32::MAX >> 3);
        Admission {
            open: Arc::new(Semaphore::new(capacity as usize)),
            capacity,
            peak: Arc::new(AtomicUsize::new(0)),
            per_client: limits
                .max_per_client
                .map(|max| (max, Arc::new(Mutex::new(HashMap::new())))),
        }
    }

    fn admit(&self, client: IpAddr) -> Option<Ticket> {
        let permit = Arc::clone(&self.open).try_acquire_owned().ok()?;
        let client = match &self.per_client {
            None => None,
            Some((max, counts)) => {
                let mut open = counts
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                let count = open.entry(client).or_insert(0);
                if *count >= *max {
                    return None;
                }
                *count += 1;
                Some((client, Arc::clone(counts)))
            }
        };
        self.peak.fetch_max(self.open(), Ordering::Relaxed);
        Some(Ticket {
            _permit: permit,
            client,
        })
    }

    fn open(&self) -> usize {
        self.capacity as usize - self.open.available_permits()
    }

    /// Completes when every ticket has been given back.
    async fn all_closed(&self) {
        let _ = self.open.acquire_many(self.capacity).await;
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Some((client, counts)) = &self.client {
            let mut open = counts
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(count) = open.get_mut(client) {
                *count -= 1;
                if *count == 0 {
                    open.remove(client);
                }
            }
        }
    }
}

/// A warning at most every ten seconds: a flood must not flood the log too.
#[derive(Default)]
struct RateLimitedLog {
    last: AtomicI64,
}

impl RateLimitedLog {
    fn warn(&self, log: impl FnOnce()) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs() as i64);
        let last = self.last.load(Ordering::Relaxed);
        if now - last >= 10
            && self
                .last
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            log();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(max_connections: usize, max_per_client: Option<usize>) -> Limits {
        Limits {
            header_timeout: Duration::from_secs(1),
            connection_max: Duration::from_secs(1),
            max_connections,
            max_per_client,
        }
    }

    #[test]
    fn one_client_cannot_take_every_place() {
        let admission = Admission::new(&limits(10, Some(2)));
        let (a, b): (IpAddr, IpAddr) = (
            "127.0.0.2".parse().expect("ip"),
            "127.0.0.1".parse().expect("ip"),
        );
        let first = admission.admit(a).expect("first");
        let _second = admission.admit(a).expect("second");
        assert!(
            admission.admit(a).is_none(),
            "a third from the same address"
        );
        assert!(
            admission.admit(b).is_some(),
            "another address still gets in"
        );
        drop(first);
        assert!(
            admission.admit(a).is_some(),
            "a place is given back on close"
        );
    }

    #[test]
    fn the_total_is_capped() {
        let admission = Admission::new(&limits(2, None));
        let ip: IpAddr = "127.0.0.1".parse().expect("ip");
        let tickets = [admission.admit(ip), admission.admit(ip)];
        assert!(tickets.iter().all(Option::is_some));
        assert!(admission.admit(ip).is_none());
        assert_eq!(admission.open(), 2);
    }
}
