//! Roadmaps: leads keep their SIG's board; nobody else may; concurrent
//! saves never overwrite each other; bad input changes nothing.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::support::{assert_refused_on, count, main_content, roles, Backend, Page, TestApp};

pub(crate) fn this_month() -> app::models::roadmap::Month {
    app::clock::Clock::default().this_month()
}

on_both_databases!(
    a_lead_keeps_the_board_current,
    only_the_sigs_leads_and_admins_change_its_roadmap,
    concurrent_saves_of_one_item_let_exactly_one_win_each_round,
    bad_input_is_refused_on_its_field_and_nothing_is_written,
    visitors_see_boards_feeds_and_exports,
);

/// The fields of the item form.
pub(crate) struct Item<'a> {
    sig: &'a str,
    id: i64,
    version: i64,
    title: &'a str,
    status: &'a str,
    pub(crate) month: String,
    description: &'a str,
    link: &'a str,
}

impl<'a> Item<'a> {
    pub(crate) fn new(title: &'a str, status: &'a str) -> Self {
        Item {
            sig: "storage",
            id: 0,
            version: 0,
            title,
            status,
            month: this_month().key(),
            description: "",
            link: "",
        }
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("form[sig]", self.sig.to_owned()),
            ("form[id]", self.id.to_string()),
            ("form[version]", self.version.to_string()),
            ("form[title]", self.title.to_owned()),
            ("form[description]", self.description.to_owned()),
            ("form[status]", self.status.to_owned()),
            ("form[target_month]", self.month.clone()),
            ("form[owner]", String::new()),
            ("form[link_url]", self.link.to_owned()),
            ("form[exit_criterion]", String::new()),
        ]
    }
}

async fn save(app: &TestApp, session: Option<&str>, item: &Item<'_>) -> Page {
    let fields = item.fields();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.call("save_roadmap_item", &fields, session).await
}

/// Creates an item as `session` and returns its id.
pub(crate) async fn create(app: &TestApp, session: &str, item: &Item<'_>) -> i64 {
    let page = save(app, Some(session), item).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.body.trim().parse().expect("the new item's id")
}

async fn move_to(
    app: &TestApp,
    session: Option<&str>,
    id: i64,
    version: i64,
    status: &str,
) -> Page {
    let (id, version) = (id.to_string(), version.to_string());
    let fields = [
        ("sig", "storage"),
        ("id", id.as_str()),
        ("version", version.as_str()),
        ("status", status),
    ];
    app.call("change_roadmap_status", &fields, session).await
}

async fn reorder(app: &TestApp, session: Option<&str>, id: i64, direction: &str) -> Page {
    let id = id.to_string();
    let fields = [
        ("sig", "storage"),
        ("id", id.as_str()),
        ("direction", direction),
    ];
    app.call("reorder_roadmap_item", &fields, session).await
}

async fn delete(
    app: &TestApp,
    session: Option<&str>,
    id: i64,
    version: i64,
    confirm: bool,
) -> Page {
    let (id, version) = (id.to_string(), version.to_string());
    let mut fields = vec![
        ("sig", "storage"),
        ("id", id.as_str()),
        ("version", version.as_str()),
    ];
    if confirm {
        fields.push(("confirm", "yes"));
    }
    app.call("delete_roadmap_item", &fields, session).await
}

/// The titles in one column of the board, in order.
pub(crate) fn column(board: &str, status: &str) -> String {
    let start = board
        .find(&format!("id=\"column-{status}\""))
        .unwrap_or_else(|| panic!("no {status} column"));
    let rest = &board[start..];
    let end = rest[1..].find("id=\"column-").map_or(rest.len(), |i| i + 1);
    rest[..end].to_owned()
}

async fn a_lead_keeps_the_board_current(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let lead = roles.lead.as_str();
    let first = create(&app, lead, &Item::new("Volume snapshots", "planned")).await;
    let second = create(&app, lead, &Item::new("CSI migration", "planned")).await;

    let board = main_content(&app.visit_as("/sigs/storage/roadmap", lead).await.body);
    let planned = column(&board, "planned");
    assert!(planned.find("Volume snapshots") < planned.find("CSI migration"));
    assert!(
        board.contains("Add an item"),
        "a lead sees the editing controls"
    );

    assert_eq!(
        move_to(&app, Some(lead), first, 1, "in_progress")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        reorder(&app, Some(lead), second, "up").await.status,
        StatusCode::OK
    );
    let mut edited = Item::new("Volume snapshots, GA", "in_progress");
    (edited.id, edited.version) = (first, 2);
    edited.description = "Ship **snapshots**.";
    edited.link = "https://github.com/kubesphere/kubesphere/issues/1";
    assert_eq!(save(&app, Some(lead), &edited).await.status, StatusCode::OK);

    let board = main_content(&app.visit("/sigs/storage/roadmap").await.body);
    assert!(column(&board, "in_progress").contains("Volume snapshots, GA"));
    assert!(column(&board, "planned").contains("CSI migration"));
    assert!(
        !board.contains("Add an item"),
        "visitors get a read-only board"
    );

    let item = app.visit(&format!("/sigs/storage/roadmap/{first}")).await;
    assert_eq!(item.status, StatusCode::OK);
    let item = main_content(&item.body);
    assert!(item.contains("<strong>snapshots</strong>"));
    for change in [
        "Created as Planned",
        "Status Planned → In progress",
        "Title “Volume snapshots” → “Volume snapshots, GA”; Link changed; Description edited",
    ] {
        assert!(item.contains(change), "history shows {change}: {item}");
    }

    // Deleting asks for confirmation, then removes the item but keeps its history.
    let unconfirmed = delete(&app, Some(lead), second, 1, false).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.body.contains("confirm"));
    assert_eq!(
        delete(&app, Some(lead), second, 1, true).await.status,
        StatusCode::OK
    );
    let db = app.database.open().await;
    assert_eq!(count(&db, "roadmap_items").await, 1);
    assert_eq!(
        app.visit(&format!("/sigs/storage/roadmap/{second}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let feed = app.visit("/sigs/storage/roadmap.atom").await.body;
    assert!(feed.contains("CSI migration (deleted)"), "{feed}");
}

async fn only_the_sigs_leads_and_admins_change_its_roadmap(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let id = create(&app, &roles.lead, &Item::new("Owned by storage", "planned")).await;
    let db = app.database.open().await;
    let before = (
        count(&db, "roadmap_items").await,
        count(&db, "roadmap_changes").await,
    );

    let refusals = [
        (None, StatusCode::UNAUTHORIZED),
        (Some(roles.member.as_str()), StatusCode::FORBIDDEN),
        (Some(roles.emeritus.as_str()), StatusCode::FORBIDDEN),
    ];
    for (session, status) in refusals {
        assert_eq!(
            save(&app, session, &Item::new("Sneaky", "planned"))
                .await
                .status,
            status
        );
        let mut edit = Item::new("Sneaky edit", "planned");
        (edit.id, edit.version) = (id, 1);
        assert_eq!(save(&app, session, &edit).await.status, status);
        assert_eq!(move_to(&app, session, id, 1, "done").await.status, status);
        assert_eq!(reorder(&app, session, id, "up").await.status, status);
        assert_eq!(delete(&app, session, id, 1, true).await.status, status);
    }
    // A lead of storage is nobody on another SIG's board.
    let mut elsewhere = Item::new("Not my SIG", "planned");
    elsewhere.sig = "network";
    assert_eq!(
        save(&app, Some(&roles.lead), &elsewhere).await.status,
        StatusCode::FORBIDDEN
    );
    // An item id of storage cannot be reached through another SIG's address.
    let mut wrong_sig = Item::new("Through network", "planned");
    (wrong_sig.sig, wrong_sig.id, wrong_sig.version) = ("network", id, 1);
    assert_eq!(
        save(&app, Some(&roles.admin), &wrong_sig).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        (
            count(&db, "roadmap_items").await,
            count(&db, "roadmap_changes").await
        ),
        before,
        "refused calls wrote nothing"
    );

    // Admins may change any SIG's board.
    assert_eq!(
        move_to(&app, Some(&roles.admin), id, 1, "done")
            .await
            .status,
        StatusCode::OK
    );
}

async fn concurrent_saves_of_one_item_let_exactly_one_win_each_round(backend: Backend) {
    const WRITERS: usize = 16;
    const ROUNDS: i64 = 3;
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let lead = roles.lead.as_str();
    let id = create(&app, lead, &Item::new("Contended", "planned")).await;
    let mut winners = Vec::new();
    let app = &app;
    for round in 0..ROUNDS {
        let titles: Vec<String> = (0..WRITERS)
            .map(|n| format!("Round {round} by writer {n}"))
            .collect();
        let saves = titles.iter().map(|title| {
            let mut item = Item::new(title, "planned");
            (item.id, item.version) = (id, round + 1);
            async move { save(app, Some(lead), &item).await }
        });
        let pages = futures::future::join_all(saves).await;
        let won: Vec<usize> = (0..WRITERS)
            .filter(|&n| pages[n].status == StatusCode::OK)
            .collect();
        assert_eq!(won.len(), 1, "round {round}: exactly one save wins");
        for page in pages.iter().filter(|page| page.status != StatusCode::OK) {
            assert_eq!(page.status, StatusCode::CONFLICT, "{}", page.body);
            assert!(
                page.body.contains("Conflict"),
                "the loser is shown the current values"
            );
        }
        winners.push(titles[won[0]].clone());
    }
    let db = app.database.open().await;
    let versions: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM roadmap_changes WHERE item_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&db.pool)
            .await
            .expect("history");
    assert_eq!(
        versions,
        (1..=ROUNDS + 1).collect::<Vec<_>>(),
        "one history entry per winning save"
    );
    let (title, version): (String, i64) =
        sqlx::query_as("SELECT title, version FROM roadmap_items WHERE id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await
            .expect("item");
    assert_eq!(version, ROUNDS + 1);
    assert_eq!(
        Some(&title),
        winners.last(),
        "the last winner's save is what is stored"
    );
}

async fn bad_input_is_refused_on_its_field_and_nothing_is_written(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let lead = roles.lead.as_str();
    let id = create(&app, lead, &Item::new("Existing", "planned")).await;
    let db = app.database.open().await;
    let before = (
        count(&db, "roadmap_items").await,
        count(&db, "roadmap_changes").await,
    );
    let long_title = "x".repeat(121);
    let long_description = "x".repeat(10_001);
    let far = this_month().plus(13).key();
    let valid = || Item::new("Fine", "planned");
    let cases: Vec<(&str, Item)> = vec![
        (
            "title",
            Item {
                title: "   ",
                ..valid()
            },
        ),
        (
            "title",
            Item {
                title: &long_title,
                ..valid()
            },
        ),
        (
            "status",
            Item {
                status: "someday",
                ..valid()
            },
        ),
        (
            "target_month",
            Item {
                month: "2026-13".into(),
                ..valid()
            },
        ),
        (
            "target_month",
            Item {
                month: far,
                ..valid()
            },
        ),
        (
            "link_url",
            Item {
                link: "javascript:alert(1)",
                ..valid()
            },
        ),
        (
            "description",
            Item {
                description: &long_description,
                ..valid()
            },
        ),
        (
            "title",
            Item {
                id,
                version: 1,
                title: "",
                ..valid()
            },
        ),
    ];
    for (field, item) in cases {
        let page = save(&app, Some(lead), &item).await;
        assert_refused_on(&page, field);
    }
    // An owner who is not one of the SIG's people.
    let mut fields = valid().fields();
    fields[7].1 = "999999".into();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let page = app.call("save_roadmap_item", &fields, Some(lead)).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert!(page.body.contains("owner"));
    // Not a number where one belongs, an unknown status to move to, a body over the limit.
    let page = app
        .call(
            "change_roadmap_status",
            &[
                ("sig", "storage"),
                ("id", "x"),
                ("version", "1"),
                ("status", "done"),
            ],
            Some(lead),
        )
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert_eq!(
        move_to(&app, Some(lead), id, 1, "someday").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let huge = "x".repeat(70 * 1024);
    let page = save(
        &app,
        Some(lead),
        &Item {
            description: &huge,
            ..valid()
        },
    )
    .await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        (
            count(&db, "roadmap_items").await,
            count(&db, "roadmap_changes").await
        ),
        before,
        "refused input wrote nothing"
    );
}

async fn visitors_see_boards_feeds_and_exports(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let lead = roles.lead.as_str();
    let last_month = this_month().plus(-1).key();
    let late = Item {
        month: last_month,
        description: "Steps:\n\n- write the *driver*\n- test it\n  - on ARM\n\nThen <b>ship</b>.",
        ..Item::new("Late <b>work</b>", "in_progress")
    };
    create(&app, lead, &late).await;
    let hostile = Item {
        description:
            "<script>alert(1)</script><img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))",
        ..Item::new("Hostile text", "proposed")
    };
    let hostile_id = create(&app, lead, &hostile).await;

    let board = app.visit("/sigs/storage/roadmap").await;
    assert_eq!(board.status, StatusCode::OK);
    let board = main_content(&board.body);
    assert!(
        board.contains("Overdue"),
        "a passed target month is flagged"
    );
    assert!(
        board.contains("Late &lt;b&gt;work&lt;/b&gt;"),
        "titles are escaped"
    );
    assert!(
        board.contains("Steps: • write the driver • test it • on ARM Then"),
        "list items on a card keep their bullets: {board}"
    );
    assert!(!board.contains("Possibly out of date"));

    // A board untouched for 90 days is flagged.
    let db = app.database.open().await;
    sqlx::query("UPDATE roadmap_changes SET changed_at = changed_at - 100 * 86400")
        .execute(&db.pool)
        .await
        .expect("age the history");
    // Written beside the server, as another program would: shown within a second.
    let board = app
        .visit_until("/sigs/storage/roadmap", |page| {
            page.body.contains("Possibly out of date")
        })
        .await;
    let board = main_content(&board.body);
    assert!(board.contains("Possibly out of date"), "{board}");

    let item = main_content(
        &app.visit(&format!("/sigs/storage/roadmap/{hostile_id}"))
            .await
            .body,
    );
    for inert in ["<script", "onerror", "href=\"javascript:"] {
        assert!(!item.contains(inert), "{inert} reached the page: {item}");
    }

    // The community board filters by the address, without JavaScript.
    let all = main_content(&app.visit("/roadmap").await.body);
    assert!(all.contains("Hostile text") && all.contains("Late &lt;b&gt;work"));
    let filtered = main_content(&app.visit("/roadmap?sig=storage&status=proposed").await.body);
    assert!(filtered.contains("Hostile text") && !filtered.contains("Late &lt;b&gt;"));
    assert!(filtered.contains("Showing 1 of 2 items"));
    let other = main_content(&app.visit("/roadmap?sig=network").await.body);
    assert!(other.contains("No item matches"));
    let odd = app
        .visit("/roadmap?status=%ff%fe&month=nonsense&owner=-1")
        .await;
    assert_eq!(odd.status, StatusCode::OK, "odd filters mean any");

    let feed = app.visit("/roadmap.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.headers["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("application/atom+xml"));
    assert!(feed.body.contains("<feed") && feed.body.contains("Hostile text (created)"));
    let export = app.visit("/sigs/storage/roadmap.md").await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.body.contains("## In progress"), "{}", export.body);
    assert!(
        export.body.contains("Late \\<b\\>work\\</b\\>"),
        "{}",
        export.body
    );
    assert!(export.body.contains("**overdue**"));
    assert!(
        export.body.contains(
            "\n  Steps:\n  - write the driver\n  - test it\n    - on ARM\n\n  Then ship.\n"
        ),
        "a description's lists stay lists, nested under their item: {}",
        export.body
    );

    let empty = main_content(&app.visit("/sigs/network/roadmap").await.body);
    assert!(empty.contains("has not published a roadmap yet") && !empty.contains("id=\"column-"));

    for missing in [
        "/sigs/nope/roadmap",
        "/sigs/nope/roadmap.md",
        "/sigs/nope/roadmap.atom",
        "/sigs/storage/roadmap/999999",
        "/sigs/storage/roadmap/abc",
    ] {
        assert_eq!(
            app.visit(missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}
