//! What the index is built from: every public thing a visitor can find,
//! read from the tables its pages show. Never e-mail addresses, pending
//! members or calendar tokens: people are found only as a SIG's leads,
//! by name and GitHub handle.

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use crate::markdown::plain_summary;
use crate::models::search::SearchKind;

/// Enough of any text that a search should see.
const TEXT_MAX_CHARS: usize = 20_000;

/// One thing to index.
pub struct Document {
    pub kind: SearchKind,
    pub path: String,
    pub context: String,
    pub title: String,
    pub body: String,
}

fn text_of(markdown: &str) -> String {
    plain_summary(markdown, TEXT_MAX_CHARS)
}

/// Adds a line to a body, if it has something to say.
fn push_line(body: &mut String, line: &str) {
    let line = line.trim();
    if !line.is_empty() {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(line);
    }
}

pub async fn gather(conn: &mut AnyConnection) -> Result<Vec<Document>, sqlx::Error> {
    let mut documents = sigs(conn).await?;
    documents.extend(roadmap_items(conn).await?);
    documents.extend(meetings(conn).await?);
    documents.extend(guidance(conn).await?);
    documents.extend(leads(conn).await?);
    Ok(documents)
}

/// Active SIGs: name, description, mission, subprojects and teams, with
/// their translations.
async fn sigs(conn: &mut AnyConnection) -> Result<Vec<Document>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT id, slug, name, description, mission FROM sigs WHERE status = 'active' ORDER BY position, name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut bodies: BTreeMap<i64, String> = rows
        .iter()
        .map(|(id, _, _, description, mission)| {
            let mut body = String::new();
            push_line(&mut body, description);
            push_line(&mut body, &text_of(mission));
            (*id, body)
        })
        .collect();
    let parts: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT sig_id, description, mission FROM sig_translations \
         UNION ALL SELECT sig_id, name, description FROM subprojects \
         UNION ALL SELECT sig_id, name, description FROM sig_teams",
    )
    .fetch_all(&mut *conn)
    .await?;
    for (sig_id, first, second) in parts {
        if let Some(body) = bodies.get_mut(&sig_id) {
            push_line(body, &first);
            push_line(body, &text_of(&second));
        }
    }
    Ok(rows
        .into_iter()
        .map(|(id, slug, name, _, _)| Document {
            kind: SearchKind::Sig,
            path: format!("/sigs/{slug}"),
            context: String::new(),
            title: name,
            body: bodies.remove(&id).unwrap_or_default(),
        })
        .collect())
}

async fn roadmap_items(conn: &mut AnyConnection) -> Result<Vec<Document>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
        "SELECT r.id, r.title, r.description, r.exit_criterion, s.slug, s.name \
         FROM roadmap_items r JOIN sigs s ON s.id = r.sig_id \
         WHERE s.status = 'active' ORDER BY r.target_month DESC, r.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, description, exit_criterion, slug, sig)| {
            let mut body = text_of(&description);
            push_line(&mut body, &exit_criterion);
            Document {
                kind: SearchKind::RoadmapItem,
                path: format!("/sigs/{slug}/roadmap/{id}"),
                context: sig,
                title,
                body,
            }
        })
        .collect())
}

async fn meetings(conn: &mut AnyConnection) -> Result<Vec<Document>, sqlx::Error> {
    let rows: Vec<(i64, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT m.id, m.held_on, m.title, m.agenda, m.notes, s.slug, s.name \
         FROM meetings m JOIN sigs s ON s.id = m.sig_id \
         WHERE s.status = 'active' ORDER BY m.held_on DESC, m.id DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, held_on, title, agenda, notes, slug, sig)| {
            let mut body = text_of(&agenda);
            push_line(&mut body, &text_of(&notes));
            Document {
                kind: SearchKind::Meeting,
                path: format!("/sigs/{slug}/meetings/{id}"),
                context: format!("{sig} · {held_on}"),
                title,
                body,
            }
        })
        .collect())
}

/// Guidance pages, with their translations.
async fn guidance(conn: &mut AnyConnection) -> Result<Vec<Document>, sqlx::Error> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT slug, title, body_markdown FROM pages ORDER BY position, slug")
            .fetch_all(&mut *conn)
            .await?;
    let translations: Vec<(String, String, String)> =
        sqlx::query_as("SELECT slug, title, body_markdown FROM page_translations")
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, title, markdown)| {
            let mut body = text_of(&markdown);
            for (_, other_title, other_markdown) in translations.iter().filter(|t| t.0 == slug) {
                push_line(&mut body, other_title);
                push_line(&mut body, &text_of(other_markdown));
            }
            Document {
                kind: SearchKind::Guidance,
                path: format!("/guidance/{slug}"),
                context: String::new(),
                title,
                body,
            }
        })
        .collect())
}

/// The leads of active SIGs, as their SIG pages show them: name, GitHub
/// handle and the SIGs they lead (so "storage" finds who works on it).
async fn leads(conn: &mut AnyConnection) -> Result<Vec<Document>, sqlx::Error> {
    let rows: Vec<(i64, String, Option<String>, String, String)> = sqlx::query_as(
        "SELECT p.id, p.display_name, p.github_handle, s.slug, s.name \
         FROM leaderships l JOIN people p ON p.id = l.person_id JOIN sigs s ON s.id = l.sig_id \
         WHERE s.status = 'active' ORDER BY p.display_name, p.id, s.position, s.name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut documents: Vec<(i64, Document)> = Vec::new();
    for (person_id, name, handle, slug, sig) in rows {
        match documents.last_mut() {
            Some((last, document)) if *last == person_id => {
                document.context.push_str(", ");
                document.context.push_str(&sig);
            }
            _ => documents.push((
                person_id,
                Document {
                    kind: SearchKind::Person,
                    path: format!("/sigs/{slug}#leads-heading"),
                    body: handle
                        .map(|handle| format!("@{handle}"))
                        .unwrap_or_default(),
                    context: sig,
                    title: name,
                },
            )),
        }
    }
    Ok(documents
        .into_iter()
        .map(|(_, document)| document)
        .collect())
}
