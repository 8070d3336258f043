//! Charts drawn on the server as SVG with `plotters`, so they show without
//! JavaScript. The SVG carries stand-in colours (the `Ink`s below) that
//! the stylesheet repaints with the theme's colours by attribute selector,
//! so one drawing serves the light and the dark theme. No user text is
//! drawn: the labels are month names and numbers, and plotters escapes
//! text all the same.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::models::sig_health::{HealthCharts, MonthFigures};

const WIDTH: u32 = 480;
const HEIGHT: u32 = 220;
/// Axes and labels; the stylesheet paints them in the muted text colour.
const AXIS: RGBColor = RGBColor(0x10, 0x10, 0x10);
/// Horizontal grid lines; the border colour.
const GRID: RGBColor = RGBColor(0xE0, 0xE0, 0xE0);

/// The colours of a chart's series; `components::chart_legend` has a
/// swatch of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    First,
    Second,
    Third,
}

impl Ink {
    fn colour(self) -> RGBColor {
        match self {
            Ink::First => RGBColor(0x24, 0x50, 0xD8),
            Ink::Second => RGBColor(0x17, 0x80, 0x3E),
            Ink::Third => RGBColor(0xB4, 0x53, 0x09),
        }
    }
}

/// One series: a value per month.
pub struct Series {
    pub values: Vec<i64>,
    pub ink: Ink,
}

/// Bars side by side for each month, and perhaps a line over them. The
/// `<svg>` is an image named by the element `labelled_by`.
pub fn bar_chart(
    labelled_by: &str,
    months: &[String],
    bars: &[Series],
    line: Option<&Series>,
) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        if let Err(error) = draw(&root, months, bars, line).and_then(|()| root.present()) {
            tracing::error!(%error, "a chart could not be drawn");
        }
    }
    svg.replacen(
        "<svg ",
        &format!(r#"<svg role="img" aria-labelledby="{labelled_by}" "#),
        1,
    )
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    months: &[String],
    bars: &[Series],
    line: Option<&Series>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let count = months.len().max(1);
    let top = bars
        .iter()
        .chain(line)
        .flat_map(|series| series.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(4);
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .x_label_area_size(26)
        .y_label_area_size(34)
        .build_cartesian_2d(-0.5f64..(count as f64 - 0.5), 0f64..(top as f64 * 1.1))?;
    let month_label = |x: &f64| {
        let index = x.round();
        if (x - index).abs() > 0.01 || index < 0.0 {
            return String::new();
        }
        months.get(index as usize).cloned().unwrap_or_default()
    };
    // Counts are whole: a fractional tick is left blank.
    let whole = |y: &f64| {
        if y.fract().abs() < 0.001 {
            format!("{y:.0}")
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .x_labels(count)
        .y_labels(5)
        .x_label_formatter(&month_label)
        .y_label_formatter(&whole)
        .axis_style(AXIS)
        .bold_line_style(GRID)
        .label_style(("sans-serif", 13).into_font().color(&AXIS))
        .draw()?;
    let width = 0.8 / bars.len().max(1) as f64;
    for (place, series) in bars.iter().enumerate() {
        let left = -0.4 + place as f64 * width;
        chart.draw_series(series.values.iter().enumerate().map(|(month, value)| {
            let x = month as f64 + left;
            Rectangle::new(
                [(x, 0.0), (x + width * 0.85, *value as f64)],
                series.ink.colour().filled(),
            )
        }))?;
    }
    if let Some(line) = line {
        let points = || {
            line.values
                .iter()
                .enumerate()
                .map(|(month, value)| (month as f64, *value as f64))
        };
        chart.draw_series(LineSeries::new(points(), line.ink.colour().stroke_width(2)))?;
        chart
            .draw_series(points().map(|point| Circle::new(point, 3, line.ink.colour().filled())))?;
    }
    Ok(())
}

/// The three charts of a SIG's health page, named by their captions.
pub fn health_charts(months: &[MonthFigures], labels: &[String]) -> HealthCharts {
    let series = |pick: fn(&MonthFigures) -> i64, ink: Ink| Series {
        values: months.iter().map(pick).collect(),
        ink,
    };
    use Ink::{First, Second, Third};
    HealthCharts {
        meetings: bar_chart(
            "chart-meetings-caption",
            labels,
            &[
                series(|m| m.scheduled, First),
                series(|m| m.held, Second),
                series(|m| m.with_notes, Third),
            ],
            None,
        ),
        members: bar_chart(
            "chart-members-caption",
            labels,
            &[series(|m| m.joined, Second), series(|m| m.left, Third)],
            Some(&series(|m| m.members, First)),
        ),
        roadmap: bar_chart(
            "chart-roadmap-caption",
            labels,
            &[
                series(|m| m.done, Second),
                series(|m| m.overdue, Third),
                series(|m| m.dropped, First),
            ],
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_an_image_named_by_its_caption_and_escapes_its_labels() {
        let months = vec!["Jan".to_owned(), "<b>&".to_owned()];
        let svg = bar_chart(
            "caption-id",
            &months,
            &[Series {
                values: vec![1, 3],
                ink: Ink::First,
            }],
            None,
        );
        assert!(
            svg.starts_with(r#"<svg role="img" aria-labelledby="caption-id" "#),
            "{svg}"
        );
        assert!(svg.contains("Jan"));
        assert!(!svg.contains("<b>"), "labels are escaped: {svg}");
        assert!(svg.contains("#2450D8"), "bars carry their ink: {svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
