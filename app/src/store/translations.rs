//! Texts the community writes in languages other than the site's default:
//! a SIG's description and mission, and guidance pages. The default's
//! texts stay in `sigs` and `pages`; an empty translation is no
//! translation, so readers get the default's text instead.

use std::collections::{BTreeMap, HashMap};

use super::write::WriteTransaction;
use super::Database;
use crate::i18n::Language;
use crate::models::sig_edit::{GuidanceText, SigTexts};

/// The translated descriptions of every SIG in `language`, by slug
/// (empty ones left out).
#[tracing::instrument(skip(db), err)]
async fn sig_descriptions(
    db: &Database,
    language: Language,
) -> Result<HashMap<String, String>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT s.slug, t.description FROM sig_translations t JOIN sigs s ON s.id = t.sig_id \
         WHERE t.language = $1 AND t.description <> ''",
    )
    .bind(language.tag())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Puts each SIG's description in `language` where its leads wrote one:
/// `sigs` gives (slug, description) of each SIG a page lists.
pub async fn translate_descriptions<'a>(
    db: &Database,
    language: Language,
    sigs: impl IntoIterator<Item = (&'a str, &'a mut String)>,
) -> Result<(), sqlx::Error> {
    if language.is_default() {
        return Ok(());
    }
    let mut translated = sig_descriptions(db, language).await?;
    for (slug, description) in sigs {
        if let Some(text) = translated.remove(slug) {
            *description = text;
        }
    }
    Ok(())
}

/// One SIG's texts in `language`, as written (either may be empty).
#[tracing::instrument(skip(db), err)]
pub async fn sig_texts(
    db: &Database,
    slug: &str,
    language: Language,
) -> Result<SigTexts, sqlx::Error> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT t.description, t.mission FROM sig_translations t JOIN sigs s ON s.id = t.sig_id \
         WHERE s.slug = $1 AND t.language = $2",
    )
    .bind(slug)
    .bind(language.tag())
    .fetch_optional(&db.pool)
    .await?;
    let (description, mission) = row.unwrap_or_default();
    Ok(SigTexts {
        description,
        mission,
    })
}

/// A SIG's texts in every language but the default, by tag.
pub async fn all_sig_texts(
    db: &Database,
    slug: &str,
) -> Result<BTreeMap<String, SigTexts>, sqlx::Error> {
    let mut texts = BTreeMap::new();
    for language in Language::all().filter(|language| !language.is_default()) {
        texts.insert(
            language.tag().to_owned(),
            sig_texts(db, slug, language).await?,
        );
    }
    Ok(texts)
}

/// Saves a SIG's translated texts in the edit's transaction; both empty
/// removes the translation.
pub(super) async fn save_sig_texts(
    tx: &mut WriteTransaction,
    sig_id: i64,
    texts: &BTreeMap<String, SigTexts>,
) -> Result<(), sqlx::Error> {
    for (tag, text) in texts {
        let Some(language) = Language::parse(tag).filter(|language| !language.is_default()) else {
            continue;
        };
        let (description, mission) = (text.description.trim(), text.mission.trim_end());
        if description.is_empty() && mission.trim().is_empty() {
            sqlx::query("DELETE FROM sig_translations WHERE sig_id = $1 AND language = $2")
                .bind(sig_id)
                .bind(language.tag())
                .execute(&mut **tx)
                .await?;
            continue;
        }
        sqlx::query(
            "INSERT INTO sig_translations (sig_id, language, description, mission, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sig_id, language) DO UPDATE SET \
             description = excluded.description, mission = excluded.mission, \
             updated_at = excluded.updated_at",
        )
        .bind(sig_id)
        .bind(language.tag())
        .bind(description)
        .bind(mission)
        .bind(tx.now())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Every guidance page's title and text in `language`, by slug.
#[tracing::instrument(skip(db), err)]
pub async fn page_texts(
    db: &Database,
    language: Language,
) -> Result<HashMap<String, GuidanceText>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT slug, title, body_markdown FROM page_translations WHERE language = $1",
    )
    .bind(language.tag())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, title, markdown)| (slug, GuidanceText { title, markdown }))
        .collect())
}

/// One guidance page's title and text in `language` (empty when untranslated).
#[tracing::instrument(skip(db), err)]
pub async fn page_text(
    db: &Database,
    slug: &str,
    language: Language,
) -> Result<GuidanceText, sqlx::Error> {
    let row: Option<(String, String)> = sqlx::query_as(
        "SELECT title, body_markdown FROM page_translations WHERE slug = $1 AND language = $2",
    )
    .bind(slug)
    .bind(language.tag())
    .fetch_optional(&db.pool)
    .await?;
    let (title, markdown) = row.unwrap_or_default();
    Ok(GuidanceText { title, markdown })
}

/// A guidance page's texts in every language but the default, by tag.
pub async fn all_page_texts(
    db: &Database,
    slug: &str,
) -> Result<BTreeMap<String, GuidanceText>, sqlx::Error> {
    let mut texts = BTreeMap::new();
    for language in Language::all().filter(|language| !language.is_default()) {
        texts.insert(
            language.tag().to_owned(),
            page_text(db, slug, language).await?,
        );
    }
    Ok(texts)
}

/// Saves a guidance page's translations in the edit's transaction; an
/// empty title and text removes one.
pub(super) async fn save_page_texts(
    tx: &mut WriteTransaction,
    slug: &str,
    texts: &BTreeMap<String, GuidanceText>,
) -> Result<(), sqlx::Error> {
    for (tag, text) in texts {
        let Some(language) = Language::parse(tag).filter(|language| !language.is_default()) else {
            continue;
        };
        if text.title.trim().is_empty() && text.markdown.trim().is_empty() {
            sqlx::query("DELETE FROM page_translations WHERE slug = $1 AND language = $2")
                .bind(slug)
                .bind(language.tag())
                .execute(&mut **tx)
                .await?;
            continue;
        }
        sqlx::query(
            "INSERT INTO page_translations (slug, language, title, body_markdown, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug, language) DO UPDATE SET \
             title = excluded.title, body_markdown = excluded.body_markdown, \
             updated_at = excluded.updated_at",
        )
        .bind(slug)
        .bind(language.tag())
        .bind(text.title.trim())
        .bind(&text.markdown)
        .bind(tx.now())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
