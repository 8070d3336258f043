//! The legend beside a server-drawn chart: one swatch per series, in the
//! colours the stylesheet gives the chart's inks (see `charts`).

use leptos::prelude::*;

/// A series' name and the class of its swatch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    pub label: String,
    pub swatch: &'static str,
}

impl LegendEntry {
    pub fn first(label: String) -> Self {
        LegendEntry {
            label,
            swatch: "swatch swatch-first",
        }
    }

    pub fn second(label: String) -> Self {
        LegendEntry {
            label,
            swatch: "swatch swatch-second",
        }
    }

    pub fn third(label: String) -> Self {
        LegendEntry {
            label,
            swatch: "swatch swatch-third",
        }
    }
}

#[component]
pub fn Legend(entries: Vec<LegendEntry>) -> impl IntoView {
    view! {
        <ul class="chart-legend">
            {entries.into_iter().map(|entry| view! {
                <li><span class=entry.swatch aria-hidden="true"></span>{entry.label}</li>
            }).collect_view()}
        </ul>
    }
}
