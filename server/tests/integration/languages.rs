//! Languages: a Chinese browser lands on the Chinese site, every public
//! page answers in both languages with the right `lang`, alternates and
//! title, the switch remembers the choice, and a refused form speaks the
//! language of its page.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{admin_session, roles, Backend, Page, TestApp, STRONG_PASSWORD};

on_both_databases!(
    a_chinese_browser_lands_on_the_chinese_site_and_a_choice_wins,
    every_public_page_answers_in_both_languages,
    the_switch_remembers_the_choice_and_keeps_the_page,
    a_refused_join_in_chinese_says_what_to_fix_in_chinese,
    a_join_from_the_chinese_page_is_answered_in_chinese,
    a_sig_shows_its_chinese_texts_on_chinese_pages_and_says_what_is_not_translated,
    a_guidance_page_can_have_a_chinese_version,
    later_mails_are_written_in_the_language_the_person_chose,
    dates_and_figures_follow_the_language,
    refusals_before_any_page_speak_the_pages_language,
);

const PAGES: [&str; 15] = [
    "/",
    "/sigs",
    "/sigs/storage",
    "/sigs/storage/roadmap",
    "/sigs/storage/meetings",
    "/sigs/storage/welcome",
    "/roadmap",
    "/meetings",
    "/join",
    "/channels",
    "/guidance",
    "/guidance/run-a-sig",
    "/account/sign-in",
    "/account/sign-up",
    "/account/forgot-password",
];

fn header(page: &Page, name: &str) -> String {
    page.headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

fn title(page: &Page) -> String {
    let start = page.body.find("<title>").expect("a title") + "<title>".len();
    let end = page.body[start..].find("</title>").expect("a title's end");
    page.body[start..start + end].to_owned()
}

/// The address a page gives for itself in `hreflang`.
fn alternate_of(page: &Page, hreflang: &str) -> Option<String> {
    let html = scraper::Html::parse_document(&page.body);
    let selector =
        scraper::Selector::parse(&format!("link[rel=alternate][hreflang=\"{hreflang}\"]"))
            .expect("a selector");
    let href = html
        .select(&selector)
        .next()?
        .value()
        .attr("href")?
        .to_owned();
    Some(href)
}

async fn a_chinese_browser_lands_on_the_chinese_site_and_a_choice_wins(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let chinese = [("accept-language", "zh-CN,zh;q=0.9,en;q=0.5")];
    let first = app.visit_with("/", &chinese).await;
    assert!(first.status.is_redirection(), "{}", first.status);
    assert_eq!(header(&first, "location"), "/zh-CN");
    let deeper = app.visit_with("/sigs?q=storage", &chinese).await;
    assert_eq!(header(&deeper, "location"), "/zh-CN/sigs?q=storage");

    let home = app.visit("/zh-CN").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("<html lang=\"zh-CN\""));
    assert!(home.body.contains("找到与你关心的方向相同的小组"));
    assert_eq!(header(&home, "content-language"), "zh-CN");

    // The directory, its filters (islands, given their words) and cards.
    let directory = app.visit("/zh-CN/sigs").await.body;
    for words in [
        "筛选兴趣小组",
        "在我的工作时间内开会",
        "共 19 个兴趣小组",
        "负责人",
        "路线图",
    ] {
        assert!(directory.contains(words), "{words}");
    }
    let sig_page = app.visit("/zh-CN/sigs/storage").await.body;
    for words in ["加入 Storage", "交流渠道", "使命", "全部会议与往期纪要"] {
        assert!(sig_page.contains(words), "{words}");
    }
    for key in ["finder-", "hours-", "card-"] {
        assert!(
            !directory.contains(&format!(">{key}")),
            "an untranslated {key}… key"
        );
    }

    // Someone who chose English keeps it, whatever the browser says.
    let chose_english = [("accept-language", "zh-CN"), ("cookie", "sigpost_lang=en")];
    let english = app.visit_with("/", &chose_english).await;
    assert_eq!(english.status, StatusCode::OK);
    assert!(english.body.contains("<html lang=\"en\""));
    // Other browsers, files and feeds are never sent anywhere.
    assert_eq!(
        app.visit_with("/", &[("accept-language", "fr")])
            .await
            .status,
        StatusCode::OK
    );
    let feed = app.visit_with("/sigs/storage/roadmap.atom", &chinese).await;
    assert_eq!(feed.status, StatusCode::OK);
}

async fn every_public_page_answers_in_both_languages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in PAGES {
        let english = app.visit(path).await;
        let chinese_path = if path == "/" {
            "/zh-CN".to_owned()
        } else {
            format!("/zh-CN{path}")
        };
        let chinese = app.visit(&chinese_path).await;
        for (page, tag) in [(&english, "en"), (&chinese, "zh-CN")] {
            assert_eq!(page.status, StatusCode::OK, "{tag} {path}");
            assert!(
                page.body.contains(&format!("<html lang=\"{tag}\"")),
                "{tag} {path}"
            );
            let here = format!("http://{}", app.addr);
            for (alternate, href) in [
                ("en", format!("{here}{path}")),
                ("zh-CN", format!("{here}{chinese_path}")),
                ("x-default", format!("{here}{path}")),
            ] {
                assert_eq!(
                    alternate_of(page, alternate).as_deref(),
                    Some(href.as_str()),
                    "{tag} {path}: {alternate}"
                );
            }
            assert!(
                !page.body.contains("Unknown localization key"),
                "{tag} {path}"
            );
        }
        // Pages named by their content (a SIG, its board, a guidance page
        // nobody translated) keep the name.
        if !path.starts_with("/sigs/") && !path.starts_with("/guidance/") {
            assert_ne!(
                title(&english),
                title(&chinese),
                "{path}: the title is translated"
            );
        }
        assert!(
            chinese.body.contains("href=\"/zh-CN/join\""),
            "{path}: links stay in Chinese"
        );
    }
}

async fn the_switch_remembers_the_choice_and_keeps_the_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let page = app.visit("/sigs/storage?tab=x").await;
    assert!(page.body.contains("action=\"/preferences/language\""));
    let switched = app
        .post(
            "/preferences/language",
            &[],
            "lang=zh-CN&path=%2Fsigs%2Fstorage%3Ftab%3Dx",
        )
        .await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert_eq!(header(&switched, "location"), "/zh-CN/sigs/storage?tab=x");
    assert!(header(&switched, "set-cookie").starts_with("sigpost_lang=zh-CN;"));
    let back = app
        .post("/preferences/language", &[], "lang=en&path=%2Fzh-CN%2Fsigs")
        .await;
    assert_eq!(header(&back, "location"), "/sigs");
    // Never elsewhere, never an unknown language.
    for body in [
        "lang=zh-CN&path=%2F%2Fevil.example",
        "lang=zh-CN&path=https%3A%2F%2Fevil.example",
        "lang=zh-CN",
    ] {
        let answer = app.post("/preferences/language", &[], body).await;
        assert_eq!(header(&answer, "location"), "/zh-CN", "{body}");
    }
    let unknown = app
        .post("/preferences/language", &[], "lang=xx&path=%2F")
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
}

async fn a_refused_join_in_chinese_says_what_to_fix_in_chinese(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let fields = [
        ("form[sigs][storage]", "on"),
        ("form[display_name]", "张伟"),
        ("form[email]", "not-an-address"),
        ("form[github_handle]", ""),
        ("form[interest]", "文档"),
        ("form[website]", ""),
    ];
    let refused = app
        .submit_from("/zh-CN/join", "join_sigs", &fields, None)
        .await;
    assert!(refused.status().is_redirection());
    let location = refused.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(location.starts_with("/zh-CN/join"), "{location}");
    let draft = refused
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|cookie| cookie.starts_with("sigpost_form="))
        .map(|cookie| cookie.split(';').next().unwrap_or("").to_owned())
        .unwrap_or_default();
    let back = app
        .visit_with(&location, &[("cookie", draft.as_str())])
        .await;
    assert!(
        back.body.contains("请修改下面标出的字段。"),
        "{}",
        back.body
    );
    assert!(
        back.body.contains("请填写有效的电子邮箱地址"),
        "{}",
        back.body
    );
    assert!(
        back.body.contains("value=\"张伟\""),
        "what was typed comes back"
    );

    // The same mistake on the English page, in English.
    let english = app
        .call(
            "join_sigs",
            &[
                ("form[sigs][storage]", "on"),
                ("form[display_name]", "Zhang Wei"),
                ("form[email]", "not-an-address"),
                ("form[github_handle]", ""),
                ("form[interest]", ""),
                ("form[website]", ""),
            ],
            None,
        )
        .await;
    assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(english
        .body
        .contains("Enter an e-mail address like name@example.org."));
}

async fn a_join_from_the_chinese_page_is_answered_in_chinese(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let referer = format!("http://{}/zh-CN/join", app.addr);
    let joined = app
        .client
        .post(format!("http://{}/api/join_sigs", app.addr))
        .header("referer", &referer)
        .form(&[
            ("form[sigs][storage]", "on"),
            ("form[display_name]", "张伟"),
            ("form[email]", "zhang.wei@example.org"),
            ("form[github_handle]", ""),
            ("form[interest]", ""),
            ("form[website]", ""),
        ])
        .send()
        .await
        .expect("an answer");
    assert_eq!(joined.status(), StatusCode::OK);
    app.joins_carried_out().await;
    let db = app.database.open().await;
    let (subject, body): (String, String) =
        sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = $1")
            .bind("zhang.wei@example.org")
            .fetch_one(&db.pool)
            .await
            .expect("a letter");
    assert!(subject.starts_with("加入"), "{subject}");
    assert!(body.starts_with("张伟，你好："), "{body}");
    assert!(body.contains("请确认你想加入 Storage："), "{body}");
    assert!(
        body.contains(&format!("http://{}/zh-CN/join/confirm?token=", app.addr)),
        "{body}"
    );
    assert!(body.contains("如需退出"), "{body}");
}

async fn a_sig_shows_its_chinese_texts_on_chinese_pages_and_says_what_is_not_translated(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let before = app.visit("/zh-CN/sigs/storage").await.body;
    assert!(before.contains("尚未翻译成简体中文"), "the note");
    assert!(!app.visit("/sigs/storage").await.body.contains("尚未翻译"));

    let edit = |description_zh: String| {
        vec![
            ("form[slug]", "storage".to_owned()),
            ("form[description]", "Storage for KubeSphere.".to_owned()),
            ("form[mission]", "We own **storage**.".to_owned()),
            ("form[translations][zh-CN][description]", description_zh),
            (
                "form[translations][zh-CN][mission]",
                "我们负责**存储**。".to_owned(),
            ),
        ]
    };
    let fields = edit("KubeSphere 的存储。".to_owned());
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = app.call("update_sig", &fields, Some(&roles.lead)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);

    let chinese = app.visit("/zh-CN/sigs/storage").await.body;
    assert!(
        chinese.contains("我们负责<strong>存储</strong>。"),
        "{chinese}"
    );
    assert!(chinese.contains("KubeSphere 的存储。"));
    assert!(!chinese.contains("尚未翻译"), "translated: no note");
    let english = app.visit("/sigs/storage").await.body;
    assert!(english.contains("We own <strong>storage</strong>."));
    assert!(!english.contains("我们负责"));
    assert!(app
        .visit("/zh-CN/sigs")
        .await
        .body
        .contains("KubeSphere 的存储。"));
    assert!(!app
        .visit("/sigs")
        .await
        .body
        .contains("KubeSphere 的存储。"));
    assert!(app
        .visit("/zh-CN/join")
        .await
        .body
        .contains("KubeSphere 的存储。"));
    let form = app
        .visit_as("/zh-CN/sigs/storage/edit", &roles.lead)
        .await
        .body;
    assert!(form.contains("name=\"form[translations][zh-CN][mission]\""));
    assert!(
        form.contains("我们负责**存储**。"),
        "the form holds the translation"
    );

    // Too long a translation is refused on its field, and nothing is saved.
    let fields = edit("长".repeat(301));
    let mut fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fields[1] = ("form[description]", "Changed meanwhile.");
    let refused = app.call("update_sig", &fields, Some(&roles.lead)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("translations.zh-CN.description"),
        "{}",
        refused.body
    );
    assert!(!app
        .visit("/sigs/storage")
        .await
        .body
        .contains("Changed meanwhile."));
    // A language the site does not offer is refused too.
    let refused = app
        .call(
            "update_sig",
            &[
                ("form[slug]", "storage"),
                ("form[translations][xx][mission]", "x"),
            ],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Emptied, the translation is gone and the note is back.
    let fields = edit(String::new());
    let mut fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fields[4] = ("form[translations][zh-CN][mission]", "");
    let cleared = app.call("update_sig", &fields, Some(&roles.lead)).await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.body);
    let chinese = app.visit("/zh-CN/sigs/storage").await.body;
    assert!(chinese.contains("We own <strong>storage</strong>."));
    assert!(chinese.contains("尚未翻译成简体中文"));
}

async fn a_guidance_page_can_have_a_chinese_version(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_session(&app).await;
    let original = app.visit("/guidance/run-a-sig").await;
    assert!(app
        .visit("/zh-CN/guidance/run-a-sig")
        .await
        .body
        .contains("尚未翻译成简体中文"));
    let saved = app
        .call(
            "update_guidance",
            &[
                ("form[slug]", "run-a-sig"),
                ("form[title]", "How to run a SIG"),
                ("form[markdown]", "Meet in the open."),
                ("form[translations][zh-CN][title]", "如何运营兴趣小组"),
                ("form[translations][zh-CN][markdown]", "公开开会。"),
            ],
            Some(&admin),
        )
        .await;
    assert!(saved.status.is_success(), "{} {}", saved.status, saved.body);
    let chinese = app.visit("/zh-CN/guidance/run-a-sig").await;
    assert!(
        chinese.body.contains("<title>如何运营兴趣小组"),
        "{}",
        chinese.body
    );
    assert!(chinese.body.contains("公开开会。"));
    assert!(!chinese.body.contains("尚未翻译"));
    assert!(app
        .visit("/zh-CN/guidance")
        .await
        .body
        .contains("如何运营兴趣小组"));
    let english = app.visit("/guidance/run-a-sig").await;
    assert_eq!(english.status, original.status);
    assert!(english.body.contains("Meet in the open."));
    assert!(!english.body.contains("公开开会"));
}

/// The last mail queued for `email`: (subject, body).
async fn last_mail(app: &TestApp, email: &str) -> (String, String) {
    let db = app.database.open().await;
    sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = $1 ORDER BY id DESC")
        .bind(email)
        .fetch_one(&db.pool)
        .await
        .expect("a letter")
}

async fn later_mails_are_written_in_the_language_the_person_chose(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;

    // Signed up in Chinese: confirmed in Chinese, and a reset asked for
    // from an English page is still written in Chinese.
    let fields = [
        ("form[display_name]", "李娜"),
        ("form[email]", "li.na@example.org"),
        ("form[github_handle]", ""),
        ("form[password]", STRONG_PASSWORD),
    ];
    let signed_up = app
        .submit_from("/zh-CN/account/sign-up", "sign_up", &fields, None)
        .await;
    assert!(
        signed_up.status().is_redirection(),
        "{}",
        signed_up.status()
    );
    let (subject, body) = last_mail(&app, "li.na@example.org").await;
    assert!(subject.contains("确认"), "{subject}");
    assert!(body.contains("/zh-CN/account/confirm?token="), "{body}");
    let reset = app
        .call("forgot_password", &[("email", "li.na@example.org")], None)
        .await;
    assert!(reset.status.is_success() || reset.status.is_redirection());
    let (subject, body) = last_mail(&app, "li.na@example.org").await;
    assert!(subject.starts_with("为"), "{subject}");
    assert!(
        body.contains("/zh-CN/account/reset-password?token="),
        "{body}"
    );

    // Joined in Chinese: the leads' later decision reaches them in Chinese,
    // though the lead decides on an English page.
    let policy = app
        .call(
            "update_sig",
            &[("form[slug]", "storage"), ("form[join_policy]", "approval")],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(policy.status, StatusCode::OK, "{}", policy.body);
    let fields = [
        ("form[sigs][storage]", "on"),
        ("form[display_name]", "王芳"),
        ("form[email]", "wang.fang@example.org"),
        ("form[github_handle]", ""),
        ("form[interest]", ""),
        ("form[website]", ""),
    ];
    app.submit_from("/zh-CN/join", "join_sigs", &fields, None)
        .await;
    let token = app
        .link_token("wang.fang@example.org", "/zh-CN/join/confirm")
        .await;
    let confirmed = app.call("confirm_join", &[("token", &token)], None).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.body);
    // The lead (who joined nothing in Chinese) is told in English.
    let (subject, _) = last_mail(&app, "lead@example.org").await;
    assert_eq!(subject, "王芳 asks to join Storage");
    let db = app.database.open().await;
    let membership: i64 = sqlx::query_scalar(
        "SELECT m.id FROM memberships m JOIN people p ON p.id = m.person_id \
         WHERE p.email_key = 'wang.fang@example.org'",
    )
    .fetch_one(&db.pool)
    .await
    .expect("a membership");
    let decided = app
        .call(
            "decide_join_request",
            &[
                ("form[sig]", "storage"),
                ("form[membership_id]", &membership.to_string()),
                ("form[decision]", "accept"),
                ("form[message]", "Welcome!"),
            ],
            Some(&roles.lead),
        )
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.body);
    let (subject, body) = last_mail(&app, "wang.fang@example.org").await;
    assert_eq!(subject, "你加入 Storage 的申请：已通过");
    assert!(body.starts_with("王芳，你好："), "{body}");
    assert!(body.contains("/zh-CN/sigs/storage/welcome"), "{body}");
    assert!(body.contains("他们的留言：\n\nWelcome!"), "{body}");
}

async fn dates_and_figures_follow_the_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // The demo storage meeting: every two weeks on Thursday, Asia/Shanghai.
    let english = app.visit("/sigs/storage/meetings").await.body;
    let chinese = app.visit("/zh-CN/sigs/storage/meetings").await.body;
    assert!(
        english.contains("Every two weeks on Thursday, 15:00–16:00 Asia/Shanghai"),
        "{english}"
    );
    assert!(
        chinese.contains("每两周的星期四 15:00–16:00（Asia/Shanghai）"),
        "{chinese}"
    );
    assert!(chinese.contains("星期四"), "a weekday in Chinese");
    assert!(
        chinese.contains("年") && chinese.contains("月"),
        "a date in Chinese"
    );
    let board = app.visit("/zh-CN/sigs/storage/roadmap").await.body;
    assert!(
        board.contains("年") && board.contains("月"),
        "months in Chinese"
    );
    assert!(app.visit("/zh-CN").await.body.contains("个兴趣小组"));
}

async fn refusals_before_any_page_speak_the_pages_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let from = |page: &str| format!("http://{}{page}", app.addr);
    let refused = app
        .client
        .post(format!("http://{}/api/join_sigs", app.addr))
        .header("referer", from("/zh-CN/join"))
        .body("form[display_name]=a%00b")
        .header("content-type", "application/x-www-form-urlencoded")
        .send()
        .await
        .expect("an answer");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.expect("a body").contains("控制字符"));
    let unknown = app
        .post(
            "/preferences/language",
            &[("referer", &from("/zh-CN/sigs"))],
            "lang=xx",
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert_eq!(unknown.body, "请选择列出的语言之一。");
    let english = app.post("/preferences/language", &[], "lang=xx").await;
    assert_eq!(english.body, "Choose one of the listed languages.");
}
