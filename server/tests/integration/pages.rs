//! Every page a visitor can open: its status and what it shows.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{main_content, Backend, TestApp};

on_both_databases!(
    home_page_shows_the_community_in_figures,
    home_page_shows_what_is_going_on,
    directory_lists_the_nineteen_seeded_sigs,
    directory_filters_by_query_without_javascript,
    sig_page_shows_leads_links_and_empty_states,
    unknown_sig_and_unknown_url_answer_404,
    channels_page_lists_general_and_local_channels,
    guidance_pages_render_markdown_from_the_seed,
    health_checks_answer,
    robots_and_sitemap_list_the_public_pages,
    the_theme_choice_is_remembered_without_javascript,
    titles_end_in_the_site_name_and_browsers_find_the_icon,
    the_admin_page_of_a_sig_names_it_and_offers_the_change_that_applies,
);

async fn the_admin_page_of_a_sig_names_it_and_offers_the_change_that_applies(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = crate::support::admin_session(&app).await;
    let page = app.visit_as("/admin/sigs/devops", &admin).await;
    assert!(
        page.body
            .contains("<title>Manage DevOps · Test Community</title>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Archive this group"));
    assert!(!page.body.contains("Make it active again"));
    // Imported leads have no sign-in and were sent nothing.
    assert!(page.body.contains("not invited yet"), "{}", page.body);
    assert!(!page.body.contains("invitation pending"));
    let archived = app
        .call(
            "set_sig_archived",
            &[("slug", "devops"), ("archived", "true")],
            Some(&admin),
        )
        .await;
    assert_eq!(archived.status, StatusCode::OK, "{}", archived.body);
    let page = app.visit_as("/admin/sigs/devops", &admin).await;
    assert!(page.body.contains("Make it active again"));
    assert!(!page.body.contains("Archive this group"));
}

async fn titles_end_in_the_site_name_and_browsers_find_the_icon(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.visit("/sigs/storage").await;
    assert!(
        page.body
            .contains("<title>Storage · Test Community</title>"),
        "{}",
        page.body
    );
    let icon = app.visit("/favicon.ico").await;
    assert_eq!(icon.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(icon.headers["location"], "/favicon.svg");
}

async fn home_page_shows_the_community_in_figures(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.visit("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page
        .body
        .contains("Find the group that works on what you care about"));
    assert!(
        page.body.contains("Test Community"),
        "the configured site name is shown"
    );
    assert!(page.body.contains("<strong>19</strong> SIGs"));
    assert!(page.body.contains("<strong>14</strong> leads"));
    assert!(page.body.contains("<strong>5</strong> community channels"));
    assert!(page.body.contains("href=\"/guidance/run-a-sig\""));
    assert!(
        page.body.contains("/pkg/sigpost.js"),
        "the page loads the hydration bundle"
    );
}

async fn home_page_shows_what_is_going_on(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let before = main_content(&app.visit("/").await.body);
    assert!(before.contains("No roadmap has changed yet."), "{before}");
    let lead = crate::support::roles(&app).await.lead;
    let item = crate::roadmap::Item::new("Volume snapshots <b>v2</b>", "planned");
    let id = crate::roadmap::create(&app, &lead, &item).await;
    let home = main_content(&app.visit("/").await.body);
    let section = |heading: &str| {
        let start = home
            .find(heading)
            .unwrap_or_else(|| panic!("{heading}: {home}"));
        home[start..start + home[start..].find("</section>").expect("section end")].to_owned()
    };
    let link = format!("href=\"/sigs/storage/roadmap/{id}\"");
    // Created without an owner: a recent change, and help wanted.
    for heading in ["Recent roadmap changes", "Help wanted"] {
        let listed = section(heading);
        assert!(listed.contains(&link), "{heading}: {listed}");
        assert!(
            listed.contains("Volume snapshots &lt;b&gt;v2&lt;/b&gt;"),
            "{listed}"
        );
    }
    assert_eq!(section("Newest SIGs").matches("<li>").count(), 3);
    assert!(home.contains("Next meetings"));
}

async fn directory_lists_the_nineteen_seeded_sigs(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.visit("/sigs").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(shown_cards(&page.body), 19);
    assert!(page.body.contains("19 SIGs"));
    for name in [
        "Advocacy and Outreach",
        "Edge Computing",
        "Multi-tenancy",
        "Virtualization",
    ] {
        assert!(page.body.contains(name), "{name} is listed");
    }
    assert!(page.body.contains("href=\"/sigs/edge\""));
    assert!(page.body.contains("Pengfei Zhou, Rick"));
}

async fn directory_filters_by_query_without_javascript(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.visit("/sigs?q=storage").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(shown_cards(&page.body), 1);
    assert_eq!(
        page.body.matches("class=\"card sig-card\"").count(),
        19,
        "the others stay in the page, hidden, for the filter to show again"
    );
    assert!(page.body.contains("Showing 1 of 19 SIGs"));
    assert!(
        page.body.contains("value=\"storage\""),
        "the filter keeps what was typed"
    );

    let by_lead = app.visit("/sigs?q=Jeff+Zhang").await;
    assert_eq!(shown_cards(&by_lead.body), 3);

    let nothing = app.visit("/sigs?q=%3Cscript%3Ezzz").await;
    assert_eq!(nothing.status, StatusCode::OK);
    assert!(nothing.body.contains("No SIG matches"));
    assert!(
        !nothing.body.contains("<script>zzz"),
        "the query is escaped"
    );
}

/// The directory's cards not hidden by its filter (hidden ones stay in the
/// page, so the browser can show them again as the filter changes).
fn shown_cards(body: &str) -> usize {
    body.matches("<li class=\"card sig-card\">").count()
}

async fn sig_page_shows_leads_links_and_empty_states(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.visit("/sigs/advocacy-and-outreach").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains("<h1>Advocacy and Outreach</h1>"));
    assert!(body.contains("We discuss advocacy, outreach"));
    assert!(body.contains("href=\"https://github.com/FeynmanZhou\""));
    assert!(body.contains("href=\"https://github.com/linuxSuRen\""));
    assert!(
        body.contains("href=\"https://kubesphere.slack.com/messages/sig-advocacy-and-outreach\"")
    );
    assert!(
        body.contains("docs.google.com/document/d/1rvkfFYIFOW-oJYz0V2cSmQXmUA1dKdcIAFmgc_hW54Y")
    );
    assert!(body.contains("No mailing list yet."));
    assert!(body.contains("No recordings are linked yet."));
    assert!(body.contains("The leads have not written a mission statement yet."));
    assert!(body.contains("<title>Advocacy and Outreach"));
    let canonical = format!(
        "<link href=\"http://{}/sigs/advocacy-and-outreach\" rel=\"canonical\">",
        app.addr
    );
    assert!(body.contains(&canonical), "canonical link");
    assert!(body.contains("<meta property=\"og:title\" content=\"Advocacy and Outreach\""));
    assert_eq!(
        body.matches("name=\"description\"").count(),
        1,
        "one description per page"
    );
}

async fn unknown_sig_and_unknown_url_answer_404(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/sigs/no-such-sig",
        "/no/such/page",
        "/guidance/no-such-page",
    ] {
        let page = app.visit(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("We could not find that page"), "{path}");
    }
}

async fn channels_page_lists_general_and_local_channels(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.visit("/channels").await;
    assert_eq!(page.status, StatusCode::OK);
    let general = page.body.find("General channels").expect("general section");
    let local = page.body.find("Local communities").expect("local section");
    let users = page.body.find("#kubesphere-users").expect("users channel");
    let china = page.body.find("#community-china").expect("Chinese channel");
    assert!(general < users && users < local && local < china);
    assert!(page.body.contains("Turkish"));
}

async fn guidance_pages_render_markdown_from_the_seed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let index = app.visit("/guidance").await;
    assert_eq!(index.status, StatusCode::OK);
    for title in [
        "Why Special Interest Groups",
        "Run a SIG",
        "Be Open",
        "Make Decisions",
    ] {
        assert!(index.body.contains(title), "{title} listed");
    }
    let run = app.visit("/guidance/run-a-sig").await;
    assert_eq!(run.status, StatusCode::OK);
    assert!(run.body.contains("<strong>Roadmap</strong>"));
    let open = app.visit("/guidance/be-open").await;
    assert!(
        open.body.contains("the SIG’s folder"),
        "the mis-encoded apostrophe is repaired"
    );
    assert!(!open.body.contains("â€"));
}

async fn health_checks_answer(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert_eq!(app.visit("/healthz").await.status, StatusCode::OK);
    assert_eq!(app.visit("/readyz").await.status, StatusCode::OK);
    // A database behind this build's migrations is not ready.
    let db = app.database.open().await;
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&db.pool)
    .await
    .expect("forget the newest migration");
    let behind = app.visit("/readyz").await;
    assert_eq!(behind.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(behind.body.contains("migrations"), "{}", behind.body);
    assert_eq!(app.visit("/healthz").await.status, StatusCode::OK);
}

async fn robots_and_sitemap_list_the_public_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let robots = app.visit("/robots.txt").await;
    assert_eq!(robots.status, StatusCode::OK);
    for private in [
        "/admin",
        "/account/",
        "/my/",
        "/leave",
        "/join/confirm",
        "/zh-CN/my/",
        "/search",
        "/zh-CN/search",
    ] {
        assert!(
            robots.body.contains(&format!("Disallow: {private}\n")),
            "{private}"
        );
    }
    assert!(robots
        .body
        .contains(&format!("Sitemap: http://{}/sitemap.xml", app.addr)));
    let sitemap = app.visit("/sitemap.xml").await;
    assert_eq!(sitemap.status, StatusCode::OK);
    // Seven site pages, each SIG's page and roadmap board, four guidance
    // pages, in both languages; never a search page.
    assert_eq!(sitemap.body.matches("<loc>").count(), 2 * (7 + 2 * 19 + 4));
    assert!(!sitemap.body.contains("/search"));
    for path in [
        "/sigs/storage",
        "/sigs/storage/roadmap",
        "/roadmap",
        "/health",
        "/zh-CN/sigs/storage",
    ] {
        assert!(sitemap
            .body
            .contains(&format!("<loc>http://{}{path}</loc>", app.addr)));
    }
}

async fn the_theme_choice_is_remembered_without_javascript(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert!(app
        .visit("/sigs")
        .await
        .body
        .contains("data-theme=\"system\""));
    let host = app.addr.to_string();
    let referer = format!("http://{host}/sigs/storage");
    let chosen = app
        .post(
            "/preferences/theme",
            &[("referer", referer.as_str())],
            "theme=dark",
        )
        .await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert_eq!(chosen.headers["location"], "/sigs/storage");
    let cookie = chosen.headers["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(cookie.starts_with("sigpost_theme=dark"));
    let page = app
        .visit_with("/sigs", &[("cookie", "sigpost_theme=dark")])
        .await;
    assert!(page.body.contains("data-theme=\"dark\""));
    let bad = app
        .post("/preferences/theme", &[], "theme=%3Cscript%3E")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let elsewhere = app
        .post(
            "/preferences/theme",
            &[("referer", "https://evil.example/x")],
            "theme=light",
        )
        .await;
    assert_eq!(
        elsewhere.headers["location"], "/",
        "never redirects off the site"
    );
}
