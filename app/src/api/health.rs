//! `/health`: every active SIG's freshness, sorted as asked.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::health::HealthTable;

/// The table sorted by the column named `sort` (the light when unknown),
/// reversed when `order` is `desc`.
#[server]
pub async fn load_health(sort: String, order: String) -> Result<HealthTable, AppError> {
    let state = crate::state::app_state()?;
    let mut rows = crate::store::health::all(&state.db).await?;
    let sorted_by = crate::models::health::HealthColumn::parse(&sort);
    let reversed = order == "desc";
    sorted_by.sort(&mut rows, reversed);
    Ok(HealthTable {
        rows,
        sorted_by,
        reversed,
    })
}
