use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::account::{load_current_user, SignOut};
use crate::components::page_script::PageScript;
use crate::components::site_name::SiteName;
use crate::i18n::{href, language, t, t_with, Language};

/// Skip link, header with the main navigation, the page, and the footer.
#[component]
pub fn SiteLayout(children: Children) -> impl IntoView {
    let site = SiteName::load();
    provide_context(site);
    // One account lookup for both header layouts.
    let location = use_location();
    let sign_out = ServerAction::<SignOut>::new();
    let user = Resource::new(
        move || (location.pathname.get(), sign_out.version().get()),
        |_| load_current_user(),
    );
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <PageScript />
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href=href("/")>
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">
                        <Suspense fallback=|| "sigpost">{move || site.get()}</Suspense>
                    </span>
                </a>
                <HeaderSearch />
                // Narrow screens: one row with a menu button (a native
                // disclosure, so it opens without JavaScript too). Wide
                // screens show its content in the row, without the button.
                <details class="site-menu">
                    <summary class="button button-small button-secondary">{t("menu")}</summary>
                    <div class="site-menu-panel">
                        <MainNav />
                        <AccountMenu user sign_out />
                        <LanguageSwitch />
                    </div>
                </details>
            </div>
        </header>
        <main id="main" tabindex="-1" class="container page">{children()}</main>
        <footer class="site-footer">
            <div class="container footer-inner">
                <p>
                    <Suspense fallback=|| t_with("footer-powered", &[("site", "sigpost".into())])>
                        {move || t_with("footer-powered", &[("site", site.get().into())])}
                    </Suspense>
                </p>
                <form class="theme-switch" method="post" action="/preferences/theme">
                    <span class="theme-label" id="theme-label">{t("theme")}</span>
                    <div role="group" aria-labelledby="theme-label">
                        <button type="submit" name="theme" value="system" class="chip">{t("theme-system")}</button>
                        <button type="submit" name="theme" value="light" class="chip">{t("theme-light")}</button>
                        <button type="submit" name="theme" value="dark" class="chip">{t("theme-dark")}</button>
                    </div>
                </form>
                <nav aria-label=t("footer-nav")>
                    <ul class="footer-links">
                        <li><a href=href("/sigs")>{t("footer-all-sigs")}</a></li>
                        <li><a href=href("/roadmap")>{t("footer-roadmap")}</a></li>
                        <li><a href=href("/meetings")>{t("footer-meetings")}</a></li>
                        <li><a href=href("/channels")>{t("footer-channels")}</a></li>
                        <li><a href=href("/guidance")>{t("footer-guidance")}</a></li>
                        <li><a href=href("/health")>{t("footer-health")}</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}

/// The search field on every page: a plain GET form to `/search`.
#[component]
fn HeaderSearch() -> impl IntoView {
    view! {
        <form class="header-search" role="search" method="get" action=href("/search")
            aria-label=t("search-header-label")>
            <input id="header-search" type="search" name="q" aria-label=t("search-header-label")
                placeholder=t("search-button") maxlength=crate::models::search::QUERY_MAX_CHARS />
            <button type="submit" class="header-search-button" title=t("search-button")>
                <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18">
                    <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
                    <path d="M12.6 12.6 17 17" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
                <span class="visually-hidden">{t("search-button")}</span>
            </button>
        </form>
    }
}

/// The site's sections.
#[component]
fn MainNav() -> impl IntoView {
    view! {
        <nav aria-label=t("nav-main")>
            <ul class="nav-list">
                {[
                    ("/sigs", "nav-sigs"),
                    ("/roadmap", "nav-roadmap"),
                    ("/meetings", "nav-meetings"),
                    ("/join", "nav-join"),
                    ("/channels", "nav-channels"),
                    ("/guidance", "nav-guidance"),
                ].into_iter().map(|(path, key)| view! { <li><NavLink path key /></li> }).collect_view()}
            </ul>
        </nav>
    }
}

/// "Sign in" for visitors; the person's name and "Sign out" once signed in.
/// Reloaded on every navigation, so signing in or out shows at once.
#[component]
fn AccountMenu(
    user: Resource<Result<Option<crate::models::account::CurrentUser>, crate::errors::AppError>>,
    sign_out: ServerAction<SignOut>,
) -> impl IntoView {
    view! {
        <div class="account-menu">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => view! {
                            {user.is_admin.then(|| view! { <a href=href("/admin")>{t("nav-admin")}</a> })}
                            <a href=href("/my/sigs")>{t("nav-my-sigs")}</a>
                            <a class="account-name" href=href("/account")>{user.display_name}</a>
                            <ActionForm action=sign_out attr:class="inline-form">
                                <button type="submit" class="button button-small button-secondary">{t("sign-out")}</button>
                            </ActionForm>
                        }.into_any(),
                        _ => view! {
                            <a class="button button-small button-secondary" href=href("/account/sign-in")>{t("sign-in")}</a>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A main section's link; `aria-current` marks the section being read
/// (the router sees paths without the language prefix).
#[component]
fn NavLink(path: &'static str, key: &'static str) -> impl IntoView {
    let location = use_location();
    let current = move || {
        let here = location.pathname.get();
        (here == path || here.starts_with(&format!("{path}/"))).then_some("page")
    };
    view! { <a href=href(path) aria-current=current>{t(key)}</a> }
}

/// The page in the other languages: a plain form post that remembers the
/// choice in a cookie and comes back to the same page in that language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    let here = move || {
        let query = location.search.get();
        let query = query.trim_start_matches('?');
        let path = location.pathname.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    let current = language();
    view! {
        <form class="language-switch" method="post" action="/preferences/language">
            <input type="hidden" name="path" value=here />
            {Language::all().filter(move |other| *other != current).map(|other| view! {
                <button type="submit" name="lang" value=other.tag() lang=other.tag()
                    class="button-link" title=other.text_with("language-switch", &[("language", other.own_name().into())])>
                    {other.own_name()}
                </button>
            }).collect_view()}
        </form>
    }
}
