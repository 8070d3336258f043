//! Board moves: a dragged card lands where it was dropped, in its column or
//! another; a stale drag to another column is refused and writes nothing;
//! a move refused without JavaScript comes back naming the item.

use reqwest::StatusCode;

use crate::on_both_databases;
use crate::roadmap::{column, create, Item};
use crate::support::{count, main_content, roles, Backend, Page, TestApp};

on_both_databases!(
    a_dragged_card_lands_where_it_was_dropped,
    a_stale_drag_to_another_column_is_refused_and_writes_nothing,
    a_move_refused_without_javascript_names_the_item,
);

async fn drop_card(
    app: &TestApp,
    session: Option<&str>,
    id: i64,
    version: i64,
    status: &str,
    before: Option<i64>,
) -> Page {
    let (id, version) = (id.to_string(), version.to_string());
    let before = before.map(|before| before.to_string());
    let mut fields = vec![
        ("sig", "storage"),
        ("id", id.as_str()),
        ("version", version.as_str()),
        ("status", status),
    ];
    if let Some(before) = &before {
        fields.push(("before", before.as_str()));
    }
    app.call("place_roadmap_item", &fields, session).await
}

/// The order of `titles` as they stand in a column of the board.
async fn order_in(app: &TestApp, status: &str, titles: &[&str]) -> Vec<String> {
    let board = main_content(&app.visit("/sigs/storage/roadmap").await.body);
    let column = column(&board, status);
    let mut found: Vec<(usize, String)> = titles
        .iter()
        .filter_map(|title| {
            column
                .find(&format!(">{title}<"))
                .map(|at| (at, title.to_string()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, title)| title).collect()
}

async fn a_dragged_card_lands_where_it_was_dropped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let lead = roles.lead.as_str();
    let a = create(&app, lead, &Item::new("Alpha", "planned")).await;
    let b = create(&app, lead, &Item::new("Bravo", "planned")).await;
    let c = create(&app, lead, &Item::new("Charlie", "planned")).await;
    let d = create(&app, lead, &Item::new("Delta", "in_progress")).await;

    // Within its column: Charlie before Alpha; then Alpha to the end.
    assert_eq!(
        drop_card(&app, Some(lead), c, 1, "planned", Some(a))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        order_in(&app, "planned", &["Alpha", "Bravo", "Charlie"]).await,
        ["Charlie", "Alpha", "Bravo"]
    );
    assert_eq!(
        drop_card(&app, Some(lead), a, 1, "planned", None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        order_in(&app, "planned", &["Alpha", "Bravo", "Charlie"]).await,
        ["Charlie", "Bravo", "Alpha"]
    );

    // To another column, before its first card: a change of the item.
    assert_eq!(
        drop_card(&app, Some(lead), b, 1, "in_progress", Some(d))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        order_in(&app, "in_progress", &["Bravo", "Delta"]).await,
        ["Bravo", "Delta"]
    );
    assert_eq!(
        order_in(&app, "planned", &["Alpha", "Bravo", "Charlie"]).await,
        ["Charlie", "Alpha"]
    );
    let item = main_content(&app.visit(&format!("/sigs/storage/roadmap/{b}")).await.body);
    assert!(item.contains("Status Planned → In progress"), "{item}");
    let history = main_content(&app.visit(&format!("/sigs/storage/roadmap/{c}")).await.body);
    assert!(history.contains("Moved to place 1 in Planned"), "{history}");

    // Dropped before a card of another column: it lands last.
    assert_eq!(
        drop_card(&app, Some(lead), a, 1, "in_progress", Some(c))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        order_in(&app, "in_progress", &["Alpha", "Bravo", "Delta"]).await,
        ["Bravo", "Delta", "Alpha"]
    );

    // Dropped where it stands: nothing is written.
    let db = app.database.open().await;
    let changes = count(&db, "roadmap_changes").await;
    assert_eq!(
        drop_card(&app, Some(lead), d, 1, "in_progress", Some(a))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(count(&db, "roadmap_changes").await, changes);
}

async fn a_stale_drag_to_another_column_is_refused_and_writes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let lead = roles.lead.as_str();
    let a = create(&app, lead, &Item::new("Alpha", "planned")).await;
    let b = create(&app, lead, &Item::new("Bravo", "planned")).await;
    // Someone moved Alpha meanwhile (version 2 now).
    assert_eq!(
        drop_card(&app, Some(lead), a, 1, "done", None).await.status,
        StatusCode::OK
    );
    let db = app.database.open().await;
    let before = count(&db, "roadmap_changes").await;

    let stale = drop_card(&app, Some(lead), a, 1, "in_progress", None).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(count(&db, "roadmap_changes").await, before);
    // A new place in its own column needs no version: the order is shared.
    assert_eq!(
        drop_card(&app, Some(lead), b, 7, "planned", None)
            .await
            .status,
        StatusCode::OK
    );

    // Only the SIG's editors drag; an unknown column is refused on its field.
    for (session, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(roles.member.as_str()), StatusCode::FORBIDDEN),
        (Some(roles.emeritus.as_str()), StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            drop_card(&app, session, b, 1, "done", None).await.status,
            status
        );
    }
    let unknown = drop_card(&app, Some(lead), b, 1, "someday", None).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("status"), "{}", unknown.body);
    let nothing = app
        .call(
            "place_roadmap_item",
            &[
                ("sig", "storage"),
                ("id", "x"),
                ("version", "1"),
                ("status", "done"),
            ],
            Some(lead),
        )
        .await;
    assert_eq!(nothing.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        order_in(&app, "planned", &["Alpha", "Bravo"]).await,
        ["Bravo"]
    );
}

async fn a_move_refused_without_javascript_names_the_item(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let roles = roles(&app).await;
    let lead = roles.lead.as_str();
    let id = create(&app, lead, &Item::new("Volume <snapshots>", "planned")).await;
    assert_eq!(
        drop_card(&app, Some(lead), id, 1, "done", None)
            .await
            .status,
        StatusCode::OK
    );

    // The board's Move form, sent by a browser without JavaScript from a stale board.
    let id = id.to_string();
    let fields = [
        ("sig", "storage"),
        ("id", id.as_str()),
        ("version", "1"),
        ("status", "in_progress"),
    ];
    let refused = app
        .submit_from(
            "/sigs/storage/roadmap",
            "change_roadmap_status",
            &fields,
            Some(lead),
        )
        .await;
    assert!(refused.status().is_redirection());
    let location = refused.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let back = app.visit_as(&location, lead).await;
    let page = main_content(&back.body);
    assert!(
        page.contains("“Volume &lt;snapshots&gt;” was not moved: someone changed it meanwhile"),
        "{page}"
    );
    assert!(
        page.contains("id=\"error-summary\""),
        "the message takes the focus"
    );
}
