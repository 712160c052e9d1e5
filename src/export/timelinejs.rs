//! A TimelineJS3 file (Knight Lab), so a tlx timeline can be published on the web.
//!
//! One slide per event: its dates at their own precision, the headline, and the
//! summary, then in a `tlx-details` block the place, tags, actors, quotes with
//! links to their sources, and the editor's note, all HTML-escaped. The certainty
//! is the slide's `group`, so TimelineJS draws one row per certainty.

use std::fmt::Write as _;
use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};
use serde::Serialize;

use super::human_span;
use crate::data::formats::html::is_web_address;
use crate::data::formats::timelinejs::{DETAILS_CLASS, year_to_timelinejs};
use crate::data::{Date, Event, EventIx, Indexed, Precision, Timeline};

pub fn write(data: &Indexed, events: &[EventIx], out: &mut dyn Write) -> io::Result<()> {
    let t = &data.timeline;
    let file = File {
        title: Slide {
            text: Text {
                headline: esc(t.title()).into_owned(),
                text: t.description().map(paragraphs).unwrap_or_default(),
            },
            ..Slide::default()
        },
        events: events.iter().map(|&e| slide(t, t.event(e))).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct File {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize, Default)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TimelineDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TimelineDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize, Default)]
struct Text {
    headline: String,
    text: String,
}

/// Only the parts the date has: TimelineJS then shows it at that precision.
#[derive(Serialize)]
struct TimelineDate {
    year: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
}

impl From<Date> for TimelineDate {
    fn from(d: Date) -> Self {
        let p = d.precision();
        TimelineDate {
            year: year_to_timelinejs(d.year),
            month: (p >= Precision::Month).then_some(d.month),
            day: (p == Precision::Day).then_some(d.day),
        }
    }
}

fn slide(t: &Timeline, e: Event<'_>) -> Slide {
    Slide {
        start_date: Some(e.date().into()),
        end_date: e.end().filter(|&end| end != e.date()).map(Into::into),
        display_date: Some(human_span(e)),
        text: Text {
            headline: esc(e.title()).into_owned(),
            text: slide_text(t, e),
        },
        group: e.certainty().map(|c| c.as_str()),
        unique_id: Some(e.id().to_string()),
    }
}

/// The summary, then the details block.
fn slide_text(t: &Timeline, e: Event<'_>) -> String {
    let mut html = e.summary().map(paragraphs).unwrap_or_default();
    let mut details = String::new();
    if let Some(place) = e.place() {
        let _ = write!(details, "<p><b>Place:</b> {}</p>", esc(place));
    }
    if e.tags().len() != 0 {
        let tags: Vec<_> = e.tags().map(|tag| esc(tag)).collect();
        let _ = write!(details, "<p><b>Tags:</b> {}</p>", tags.join(", "));
    }
    if e.actors().len() != 0 {
        let actors: Vec<String> = e
            .actors()
            .map(|p| {
                let name = esc(t.actor(p.actor).name());
                match &p.role {
                    Some(role) => format!("{name} ({})", esc(role)),
                    None => name.into_owned(),
                }
            })
            .collect();
        let _ = write!(details, "<p><b>Actors:</b> {}</p>", actors.join("; "));
    }
    for &q in e.quotes() {
        let quote = t.quote(q);
        let source = t.source(quote.source());
        let speaker = quote
            .speaker()
            .map(|a| format!(" — {}", esc(t.actor(a).name())))
            .unwrap_or_default();
        let cite = format!("{}, “{}”", esc(source.publisher()), esc(source.title()));
        let cite = match source.url().filter(|u| is_web_address(u)) {
            Some(url) => format!(
                "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{cite}</a>",
                attr(url)
            ),
            None => cite,
        };
        let _ = write!(
            details,
            "<blockquote>“{}”{speaker}<br><cite>{cite}</cite></blockquote>",
            esc(quote.text())
        );
        if let Some(note) = quote.note() {
            let _ = write!(
                details,
                "<p><i>Editor's note on the quote:</i> {}</p>",
                esc(note)
            );
        }
    }
    if let Some(note) = e.note() {
        let _ = write!(details, "<p><i>Editor's note:</i> {}</p>", esc(note));
    }
    if !details.is_empty() {
        let _ = write!(html, "<div class=\"{DETAILS_CLASS}\">{details}</div>");
    }
    html
}

/// Plain text to `<p>` paragraphs (blank lines separate them), escaped.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", esc(p)))
        .collect()
}
