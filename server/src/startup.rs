//! Building the application and running it until it is told to stop.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use app::state::{AppState, SiteConfig};
use app::store::{ConnectError, Database};
use app::{shell, App};
use axum::Router;
use leptos::config::{get_configuration, LeptosOptions};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::compression::{CompressionLayer, CompressionLevel};

use crate::config::ServeArgs;
use crate::page_cache::PageCache;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Database(#[from] ConnectError),
    #[error("could not load the demo data: {0}")]
    DemoData(String),
    #[error("could not read the Leptos configuration: {0}")]
    Leptos(String),
    #[error("could not listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Mail(String),
    #[error("sign-in settings: {0}")]
    SignIn(String),
    #[error("could not prepare the site's signing key: {0}")]
    Secret(String),
    #[error("the server stopped with an error: {0}")]
    Serve(#[from] std::io::Error),
}

/// A server bound to its port, ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    db: Database,
    addr: SocketAddr,
    delivery: crate::mailer::Delivery,
    shutdown_grace: Duration,
    limits: crate::connections::Limits,
    page_cache: Option<Arc<PageCache>>,
    /// Keeps the page cache told of changes; runs from the start of serving.
    watching: Option<crate::page_cache::freshness::Watching>,
    clock: app::clock::Clock,
    scheduler: crate::scheduler::Scheduler,
    git_sync: Option<crate::git_sync::GitSync>,
    join_worker: crate::join_worker::JoinWorker,
}

impl Application {
    /// Opens the database, applies migrations, loads demo data when asked,
    /// and binds the listener (port 0 picks a free port, as tests do).
    pub async fn build(args: &ServeArgs) -> Result<Self, StartError> {
        let db = Database::connect(&args.database.database_url, args.db_connections).await?;
        db.migrate().await?;
        if args.demo_data {
            crate::demo_data::load_if_empty(&db)
                .await
                .map_err(|error| StartError::DemoData(error.to_string()))?;
        }

        let mut leptos_options = leptos_options()?;
        crate::bundle::version(&mut leptos_options);
        let addr = args.listen.unwrap_or(leptos_options.site_addr);
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Bind { addr, source })?;
        let addr = listener.local_addr()?;
        leptos_options.site_addr = addr;

        let public_url = args
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{addr}"));
        let clock = db.clock.clone();
        let page_cache = (args.page_cache_bytes > 0)
            .then(|| PageCache::new(args.page_cache_bytes, clock.clone(), db.clone()));
        let federation =
            crate::federation::Federation::from_args(&args.sign_in, &public_url, clock.clone())
                .map_err(|error| StartError::SignIn(error.to_string()))?;
        let site = SiteConfig::new(
            args.site_name.clone(),
            &public_url,
            args.trust_forwarded_for,
        )
        .signing_in_with(federation.options(), federation.origins())
        .checking_rosters_every(args.jobs.roster_check_days);
        let scheduler = crate::scheduler::Scheduler::new(&args.jobs, db.clone(), site.clone());
        let git_sync = crate::git_sync::GitSync::from_args(&args.git, db.clone(), &site);
        let git_hook = match (&git_sync, &args.git.git_webhook_secret) {
            (Some(sync), Some(secret)) if !secret.0.is_empty() => {
                Some(crate::routes::git_webhook::GitHook {
                    secret: secret.0.clone(),
                    wake: sync.waker(),
                })
            }
            _ => None,
        };
        let joins_queued = Arc::new(tokio::sync::Notify::new());
        let join_worker = crate::join_worker::JoinWorker {
            db: db.clone(),
            site: site.clone(),
            wake: Arc::clone(&joins_queued),
        };
        let state = AppState::new(app::state::AppParts {
            leptos_options,
            db: db.clone(),
            site,
            clock: clock.clone(),
            joins_queued,
        });
        let report_key = app::store::site_secrets::get_or_create(&db, "error-report-key")
            .await
            .map_err(ConnectError::from)?;
        let report_key = crate::redirects::ReportKey::new(&report_key)
            .map_err(|error| StartError::Secret(error.to_string()))?;
        let limits =
            crate::connections::Limits::from_args(&args.connections, !args.trust_forwarded_for);
        let watching = match &page_cache {
            Some(cache) => Some(
                crate::page_cache::freshness::watch(
                    Arc::clone(cache),
                    db.clone(),
                    args.database.database_url.clone(),
                )
                .await,
            ),
            None => None,
        };
        let delivery =
            crate::mailer::Delivery::from_config(args.smtp_url.as_ref(), &args.mail_from)
                .map_err(StartError::Mail)?;
        Ok(Application {
            listener,
            router: router(
                state,
                report_key,
                page_cache.clone(),
                Arc::new(federation),
                git_hook,
            ),
            db,
            addr,
            delivery,
            shutdown_grace: Duration::from_secs(args.shutdown_grace_seconds),
            limits,
            page_cache,
            watching,
            clock,
            scheduler,
            git_sync,
            join_worker,
        })
    }

    /// The pages kept for anonymous visitors (`None` when turned off).
    pub fn page_cache(&self) -> Option<Arc<PageCache>> {
        self.page_cache.clone()
    }

    /// The clock every page and handler reads (tests move it ahead).
    pub fn clock(&self) -> app::clock::Clock {
        self.clock.clone()
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until `shutdown` completes, lets in-flight requests finish
    /// for at most the shutdown grace, then closes the database pool.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), StartError> {
        tracing::info!(
            addr = %self.addr,
            max_connections = self.limits.max_connections,
            "serving"
        );
        let mailer = tokio::spawn(crate::mailer::run(self.db.clone(), self.delivery));
        let scheduler = tokio::spawn(self.scheduler.run());
        let join_worker = tokio::spawn(self.join_worker.run());
        let watcher = self.watching.map(tokio::spawn);
        let git_sync = self.git_sync.map(|sync| tokio::spawn(sync.run()));
        let (stopping, stopped_accepting) = tokio::sync::oneshot::channel::<()>();
        let shutdown = async move {
            shutdown.await;
            let _ = stopping.send(());
        };
        let serving =
            crate::connections::serve(self.listener, self.router, self.limits.clone(), shutdown);
        // A client that never finishes its request must not keep the
        // process alive past the grace its orchestrator allows.
        let grace = self.shutdown_grace;
        let grace_over = async move {
            match stopped_accepting.await {
                Ok(()) => tokio::time::sleep(grace).await,
                Err(_) => std::future::pending().await,
            }
        };
        tokio::select! {
            () = serving => {}
            () = grace_over => {
                tracing::warn!(grace_seconds = grace.as_secs(), "requests still running after the shutdown grace; stopping anyway");
            }
        }
        mailer.abort();
        scheduler.abort();
        join_worker.abort();
        for task in [watcher, git_sync].into_iter().flatten() {
            task.abort();
        }
        self.db.pool.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Leptos settings: from the environment cargo-leptos sets, or, when built by
/// plain cargo (tests, a bare binary), the defaults of Cargo.toml's metadata.
fn leptos_options() -> Result<LeptosOptions, StartError> {
    let from_cargo_leptos = std::env::var_os("LEPTOS_OUTPUT_NAME").is_some()
        || option_env!("LEPTOS_OUTPUT_NAME").is_some();
    if from_cargo_leptos {
        return get_configuration(None)
            .map(|conf| conf.leptos_options)
            .map_err(|error| StartError::Leptos(error.to_string()));
    }
    Ok(LeptosOptions::builder()
        .output_name("sigpost")
        .site_root("target/site")
        .build())
}

/// Every route of the server: health checks, then Leptos pages and server
/// functions, then static files with the 404 page as fallback.
pub fn router(
    state: AppState,
    report_key: crate::redirects::ReportKey,
    page_cache: Option<Arc<PageCache>>,
    federation: Arc<crate::federation::Federation>,
    git_hook: Option<crate::routes::git_webhook::GitHook>,
) -> Router {
    let pages = page_routes();
    let options = state.leptos_options.clone();
    let metrics = crate::metrics::Metrics::new();
    let scraped = metrics.clone();
    let router = Router::new()
        .route(
            "/metrics",
            axum::routing::get(
                move |axum::extract::State(state): axum::extract::State<AppState>| {
                    crate::metrics::render(state, scraped.clone())
                },
            ),
        )
        .merge(crate::routes::health::router())
        .merge(crate::routes::preferences::router())
        .merge(crate::routes::unsubscribe::router())
        .merge(crate::routes::seo::router())
        .merge(crate::routes::roadmap_exports::router())
        .merge(crate::routes::calendars::router())
        .merge(crate::routes::api_v1::router())
        .merge(crate::routes::roster_export::router())
        .merge(crate::routes::report_markdown::router())
        .leptos_routes(&state, pages, move || shell(options.clone()))
        .fallback(crate::routes::assets::file_or_not_found);
    let router = crate::security::limit_bodies(router)
        .merge(crate::routes::admin_import::router())
        .merge(crate::routes::sign_in_with::router())
        .merge(crate::routes::git_webhook::router(git_hook))
        .layer(axum::Extension(federation))
        .layer(axum::middleware::from_fn(
            crate::routes::server_fn_errors::correct_status,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::form_drafts::keep_and_restore,
        ))
        .layer(axum::middleware::from_fn_with_state(
            report_key,
            crate::redirects::guard,
        ))
        // Pages made per request are compressed at a level that costs well
        // under a millisecond; kept pages were compressed once, harder.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)));
    let router = match page_cache {
        Some(cache) => router.layer(axum::middleware::from_fn_with_state(
            cache,
            crate::page_cache::serve,
        )),
        None => router,
    };
    // Outside the cache, which looks up a session's person once for the key
    // and the page both.
    let router = router.layer(axum::middleware::map_request(
        |mut request: axum::extract::Request| async move {
            app::auth::AccountMemo::add_to(&mut request);
            request
        },
    ));
    // Outside the cache, so kept pages are counted too.
    let router = router.layer(axum::middleware::from_fn_with_state(
        metrics,
        crate::metrics::record,
    ));
    let router = crate::security::protect(router);
    let routed = crate::request_id::with_request_ids(router).with_state(state);
    // Outside the routes: it takes the language prefix off the path routed.
    Router::new().fallback_service(tower::Layer::layer(
        &axum::middleware::from_fn(crate::language::choose),
        routed,
    ))
}

/// The Leptos page routes, generated once per process. While Leptos generates
/// a route list it stops every resource in the process from loading (a global
/// flag in leptos_server), so a second generation would stall requests that
/// another server in the same process (the integration tests) is answering.
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
