use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::account::{load_current_user, SignOut};
use crate::components::page_script::PageScript;
use crate::components::site_name::SiteName;

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
        <a class="skip-link" href="#main">"Skip to content"</a>
        <PageScript />
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span><Suspense fallback=|| "sigpost">{move || site.get()}</Suspense></span>
                </a>
                // Narrow screens: one row with a menu button (a native
                // disclosure, so it opens without JavaScript too). Wide
                // screens show its content in the row, without the button.
                <details class="site-menu">
                    <summary class="button button-small button-secondary">"Menu"</summary>
                    <div class="site-menu-panel">
                        <MainNav />
                        <AccountMenu user sign_out />
                    </div>
                </details>
            </div>
        </header>
        <main id="main" tabindex="-1" class="container page">{children()}</main>
        <footer class="site-footer">
            <div class="container footer-inner">
                <p>
                    <span><Suspense fallback=|| "sigpost">{move || site.get()}</Suspense></span>
                    " community portal · powered by sigpost"
                </p>
                <form class="theme-switch" method="post" action="/preferences/theme">
                    <span class="theme-label" id="theme-label">"Theme"</span>
                    <div role="group" aria-labelledby="theme-label">
                        <button type="submit" name="theme" value="system" class="chip">"System"</button>
                        <button type="submit" name="theme" value="light" class="chip">"Light"</button>
                        <button type="submit" name="theme" value="dark" class="chip">"Dark"</button>
                    </div>
                </form>
                <nav aria-label="Footer">
                    <ul class="footer-links">
                        <li><a href="/sigs">"All SIGs"</a></li>
                        <li><a href="/roadmap">"Community roadmap"</a></li>
                        <li><a href="/meetings">"Meetings calendar"</a></li>
                        <li><a href="/channels">"Chat channels"</a></li>
                        <li><a href="/guidance">"How SIGs work"</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}

/// The site's sections.
#[component]
fn MainNav() -> impl IntoView {
    view! {
        <nav aria-label="Main">
            <ul class="nav-list">
                <li><A href="/sigs">"SIGs"</A></li>
                <li><A href="/roadmap">"Roadmap"</A></li>
                <li><A href="/meetings">"Meetings"</A></li>
                <li><A href="/join">"Join"</A></li>
                <li><A href="/channels">"Channels"</A></li>
                <li><A href="/guidance">"How we work"</A></li>
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
                            {user.is_admin.then(|| view! { <a href="/admin">"Admin"</a> })}
                            <a href="/my/sigs">"My SIGs"</a>
                            <span class="account-name">{user.display_name}</span>
                            <ActionForm action=sign_out attr:class="inline-form">
                                <button type="submit" class="button button-small button-secondary">"Sign out"</button>
                            </ActionForm>
                        }.into_any(),
                        _ => view! {
                            <a class="button button-small button-secondary" href="/account/sign-in">"Sign in"</a>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
