//! The sigpost application: pages, components, shared models and server functions.
//! Server-only code (storage, markdown rendering, state) sits behind `ssr`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod clock;
pub mod components;
pub mod errors;
pub mod escape;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod jobs;
pub mod layouts;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod models;
#[cfg(feature = "ssr")]
pub mod permissions;
#[cfg(feature = "ssr")]
pub mod report_markdown;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod schedule;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;
pub mod theme;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::layouts::site_layout::SiteLayout;
use crate::routes::account::confirm::ConfirmEmailPage;
use crate::routes::account::invitation::InvitationPage;
use crate::routes::account::overview::AccountPage;
use crate::routes::account::password::{ForgotPasswordPage, ResetPasswordPage};
use crate::routes::account::sign_in::SignInPage;
use crate::routes::account::sign_up::SignUpPage;
use crate::routes::admin::guidance::EditGuidancePage;
use crate::routes::admin::import::{ImportPage, ImportPreviewPage};
use crate::routes::admin::overview::AdminPage;
use crate::routes::admin::people::AdminPeoplePage;
use crate::routes::admin::sig::ManageSigPage;
use crate::routes::channels::ChannelsPage;
use crate::routes::guidance::{GuidanceIndex, GuidancePage};
use crate::routes::health::HealthPage;
use crate::routes::home::HomePage;
use crate::routes::join::confirm::ConfirmJoinPage;
use crate::routes::join::JoinSigPage;
use crate::routes::leave::LeavePage;
use crate::routes::meetings::UpcomingMeetingsPage;
use crate::routes::my_leading::MyLeadingPage;
use crate::routes::my_sigs::MySigsPage;
use crate::routes::not_found::NotFound;
use crate::routes::roadmap::CommunityRoadmapPage;
use crate::routes::search::SearchPage;
use crate::routes::sigs::edit::SigEditPage;
use crate::routes::sigs::health::SigHealthView;
use crate::routes::sigs::meetings::changes::MeetingChangesPage;
use crate::routes::sigs::meetings::record::MeetingRecordPage;
use crate::routes::sigs::meetings::record_editor::RecordEditorPage;
use crate::routes::sigs::meetings::series_editor::SeriesEditorPage;
use crate::routes::sigs::meetings::SigMeetingsPage;
use crate::routes::sigs::members::MembersPage;
use crate::routes::sigs::page::SigPage;
use crate::routes::sigs::reports::{ReportEditorPage, ReportPage};
use crate::routes::sigs::roadmap::editor::RoadmapEditorPage;
use crate::routes::sigs::roadmap::item::RoadmapItemPage;
use crate::routes::sigs::roadmap::SigRoadmapPage;
use crate::routes::sigs::welcome::WelcomePage;
use crate::routes::sigs::SigDirectory;
use crate::routes::still_active::StillActivePage;
use crate::routes::unsubscribe::UnsubscribePage;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    security::set_content_security_policy(&options);
    #[cfg(feature = "ssr")]
    let theme = theme::requested();
    #[cfg(not(feature = "ssr"))]
    let theme = theme::Theme::System;
    view! {
        <!DOCTYPE html>
        <html lang=i18n::language().tag() data-theme=theme.as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <AutoReload options=options.clone() />
                <HydrationScripts options=options.clone() islands=true />
                <link rel="stylesheet" href=format!("/{}/{}.css", options.site_pkg_dir, options.output_name) />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every page of the site, in one place: URL → page. All pages are public;
/// what a visitor may change is checked in each server function.
/// Pages render whole on the server (`SsrMode::Async`) so they work without
/// JavaScript and can answer with the right status (404 for unknown slugs).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Titles end in the community's name, as the header shows it.
    #[cfg(feature = "ssr")]
    // No state while Leptos lists the routes at start-up: the default then.
    let site_name = use_context::<state::AppState>().map_or_else(
        || "sigpost".to_owned(),
        |state| state.site.site_name.clone(),
    );
    #[cfg(not(feature = "ssr"))]
    let site_name = "sigpost".to_owned();
    view! {
        // leptos_meta writes the title unescaped: escape it here, once for every page.
        <Title formatter=move |title: String| {
            format!("{} · {}", escape::element_text(&title), escape::element_text(&site_name))
        } />
        <Router>
            <SiteLayout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/sigs") view=SigDirectory ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug") view=SigPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/edit") view=SigEditPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/welcome") view=WelcomePage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/members") view=MembersPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/health") view=SigHealthView ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/reports/:year") view=ReportPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/reports/:year/edit") view=ReportEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/roadmap") view=SigRoadmapPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/roadmap/new") view=RoadmapEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/roadmap/:id") view=RoadmapItemPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/roadmap/:id/edit") view=RoadmapEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/meetings") view=SigMeetingsPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/meetings/new") view=RecordEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/meetings/series/new") view=SeriesEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/meetings/series/:id/edit") view=SeriesEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/meetings/series/:id/changes") view=MeetingChangesPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/meetings/:id") view=MeetingRecordPage ssr=SsrMode::Async />
                    <Route path=path!("/sigs/:slug/meetings/:id/edit") view=RecordEditorPage ssr=SsrMode::Async />
                    <Route path=path!("/roadmap") view=CommunityRoadmapPage ssr=SsrMode::Async />
                    <Route path=path!("/meetings") view=UpcomingMeetingsPage ssr=SsrMode::Async />
                    <Route path=path!("/join") view=JoinSigPage ssr=SsrMode::Async />
                    <Route path=path!("/join/confirm") view=ConfirmJoinPage ssr=SsrMode::Async />
                    <Route path=path!("/my/sigs") view=MySigsPage ssr=SsrMode::Async />
                    <Route path=path!("/my/leading") view=MyLeadingPage ssr=SsrMode::Async />
                    <Route path=path!("/leave") view=LeavePage ssr=SsrMode::Async />
                    <Route path=path!("/still-active") view=StillActivePage ssr=SsrMode::Async />
                    <Route path=path!("/unsubscribe") view=UnsubscribePage ssr=SsrMode::Async />
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/health") view=HealthPage ssr=SsrMode::Async />
                    <Route path=path!("/channels") view=ChannelsPage ssr=SsrMode::Async />
                    <Route path=path!("/guidance") view=GuidanceIndex ssr=SsrMode::Async />
                    <Route path=path!("/guidance/:slug") view=GuidancePage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/sign-up") view=SignUpPage ssr=SsrMode::Async />
                    <Route path=path!("/account/sign-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/account/confirm") view=ConfirmEmailPage ssr=SsrMode::Async />
                    <Route path=path!("/account/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/account/reset-password") view=ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/account/invitation") view=InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/people") view=AdminPeoplePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/sigs/:slug") view=ManageSigPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/guidance/:slug") view=EditGuidancePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/import/:id") view=ImportPreviewPage ssr=SsrMode::Async />
                </Routes>
            </SiteLayout>
        </Router>
    }
}
