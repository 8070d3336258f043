//! Prometheus metrics at `/metrics`: requests by route and status, latency
//! by route, database pool usage and the e-mail backlog. The registry lives
//! in the router (no global recorder); pool and backlog are read at scrape.

use std::sync::Arc;
use std::time::Instant;

use app::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

/// The server's metrics and the registry that writes them out.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pool: Family<PoolLabels, Gauge>,
    outbox_backlog: Gauge,
}

impl Metrics {
    pub fn new() -> Arc<Self> {
        let mut registry = Registry::with_prefix("sigpost");
        let requests = Family::<RequestLabels, Counter>::default();
        // 1 ms to about 16 s.
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.001, 2.0, 15))
        });
        let pool = Family::<PoolLabels, Gauge>::default();
        let outbox_backlog = Gauge::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request",
            latency.clone(),
        );
        registry.register(
            "db_pool_connections",
            "Database connections by state",
            pool.clone(),
        );
        registry.register(
            "outbox_backlog",
            "E-mails waiting to be sent",
            outbox_backlog.clone(),
        );
        Arc::new(Metrics {
            registry,
            requests,
            latency,
            pool,
            outbox_backlog,
        })
    }
}

/// The route a request matched, as written in the router, so label values
/// stay few. Server functions share one route; their path names the
/// function (only known functions get here with another status than 404).
fn route_of(request: &Request) -> String {
    let matched = request
        .extensions()
        .get::<MatchedPath>()
        .map(MatchedPath::as_str);
    match matched {
        Some(route) if route.starts_with("/api/") => request.uri().path().to_owned(),
        Some(route) => route.to_owned(),
        None => "unmatched".to_owned(),
    }
}

/// The methods the site answers, by name; any other (a client may send
/// any token) counts as "other", so label values stay few.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
    ]
    .into_iter()
    .zip(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
    .find(|(known, _)| known == method)
    .map_or("other", |(_, label)| label)
}

/// Middleware: counts and times every request.
pub async fn record(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = route_of(&request);
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let route = if status == StatusCode::NOT_FOUND.as_u16() && route.starts_with("/api/") {
        "/api/unknown".to_owned()
    } else {
        route
    };
    metrics
        .latency
        .get_or_create(&RouteLabels {
            route: route.clone(),
        })
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RequestLabels {
            route,
            method,
            status,
        })
        .inc();
    response
}

/// `/metrics` in the OpenMetrics text format Prometheus reads.
pub async fn render(state: AppState, metrics: Arc<Metrics>) -> Response {
    let pool = &state.db.pool;
    let idle = i64::try_from(pool.num_idle()).unwrap_or(i64::MAX);
    let open = i64::from(pool.size());
    metrics
        .pool
        .get_or_create(&PoolLabels { state: "idle" })
        .set(idle);
    metrics
        .pool
        .get_or_create(&PoolLabels { state: "in_use" })
        .set((open - idle).max(0));
    match app::store::outbox::backlog(&state.db).await {
        Ok(waiting) => {
            metrics.outbox_backlog.set(waiting);
        }
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
    let mut body = String::new();
    if encode(&mut body, &metrics.registry).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}
