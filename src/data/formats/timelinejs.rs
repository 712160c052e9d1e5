//! Reading Knight Lab TimelineJS3 JSON files.
//!
//! A TimelineJS file is recognised by its shape (a top-level `events` list whose
//! slides have `start_date` objects, and no `format` key) and mapped onto the raw
//! shapes of our format, which then go through the same cleaning and validation as
//! any file. Everything that has no place in tlx is named in a warning with its
//! path; nothing is dropped silently.
//!
//! | TimelineJS | tlx |
//! |---|---|
//! | `title.text.headline` / `.text` | `title` / `description` |
//! | `start_date`, `end_date` (`year`, `month`, `day`) | `date`, `end` |
//! | `display_date` (slide or date) | kept in the event's `note` |
//! | `text.headline` / `text.text` | `title` / `summary` (HTML to text) |
//! | `group` | a tag |
//! | `media.url`, `.credit`, `.title` / `.caption` | a source / a quote of it |
//! | `unique_id` | `id`, made valid and unique |
//! | `eras` | a tag on every event in the era |

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::html;
use super::slug::{IdSet, slugify};
use crate::data::date::{Date, human_span};
use crate::data::diagnostic::{Diagnostic, quoted};
use crate::data::load::raw::{RawEvent, RawQuote, RawSource, RawTimeline, Str};
use crate::data::load::validate::FORMAT;

/// The class of the `<div>` in which `tlx export --format timelinejs` puts what is
/// not the summary (actors, quotes, notes), so that an import can tell them apart.
pub const DETAILS_CLASS: &str = "tlx-details";

/// TimelineJS shows year `-44` as "44 BCE"; tlx counts astronomically (`-43` is
/// 44 BCE, `0` is 1 BCE).
pub fn year_from_timelinejs(year: i64) -> i64 {
    if year < 0 { year + 1 } else { year }
}

/// The inverse of `year_from_timelinejs`.
pub fn year_to_timelinejs(year: i32) -> i64 {
    let year = i64::from(year);
    if year <= 0 { year - 1 } else { year }
}

/// The parsed file, if it is a TimelineJS file: no `format`, an `events` list, and
/// either a slide with a `start_date` object or a title slide (a file with no
/// events). Cheap for our own files: they are only parsed here if they contain
/// `"start_date"` or `"headline"`.
pub fn detect(text: &str) -> Option<Value> {
    if !text.contains("\"start_date\"") && !text.contains("\"headline\"") {
        return None;
    }
    let value: Value = serde_json::from_str(text).ok()?;
    let root = value.as_object()?;
    if root.contains_key("format") {
        return None;
    }
    let slides = root.get("events")?.as_array()?;
    let dated = slides
        .iter()
        .any(|slide| slide.get("start_date").is_some_and(Value::is_object));
    let title_slide = root.get("title").is_some_and(|t| t.get("text").is_some());
    (dated || (slides.is_empty() && title_slide)).then_some(value)
}

/// Maps a TimelineJS file onto our raw shapes, with a warning for everything left
/// out. Dates that cannot be read (a missing `start_date`, month 13) are errors:
/// TimelineJS itself refuses them.
pub fn import(file: &Value) -> Result<(RawTimeline<'static>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut im = Importer::default();
    let empty = Map::new();
    let root = file.as_object().unwrap_or(&empty);
    im.unknown_keys(root, "", &["title", "events", "eras", "scale"]);
    if let Some(scale) = root.get("scale")
        && scale.as_str() != Some("human")
    {
        im.warn(
            "scale",
            "only the \"human\" scale is read: years are calendar years",
        );
    }

    let (title, description) = im.title_slide(root.get("title"));
    let slides = root.get("events").and_then(Value::as_array);
    let mut events: Vec<Imported> = Vec::new();
    for (i, slide) in slides.into_iter().flatten().enumerate() {
        if let Some(event) = im.event(i, slide) {
            events.push(event);
        }
    }
    if let Some(eras) = root.get("eras") {
        im.eras(eras, &mut events);
    }

    if !im.errors.is_empty() {
        return Err(im.errors);
    }
    let raw = RawTimeline {
        format: FORMAT.into(),
        title: title.into(),
        description: description.map(Str::from).into(),
        sources: Some(im.sources.into()),
        actors: None,
        events: Some(events.into_iter().map(|e| e.raw).collect()),
        quotes: Some(im.quotes.into()),
        disputes: None,
    };
    Ok((raw, im.warnings))
}

/// An event on its way in, with its dates kept for the eras.
struct Imported {
    raw: RawEvent<'static>,
    start: Date,
    end: Option<Date>,
}

#[derive(Default)]
struct Importer {
    warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
    event_ids: IdSet,
    source_ids: IdSet,
    quote_ids: IdSet,
    sources: Vec<RawSource<'static>>,
    /// Source id by (url, credit), so media from one place share one source.
    source_keys: HashMap<(Option<String>, Option<String>), String>,
    quotes: Vec<RawQuote<'static>>,
}

const NOT_IMPORTED: &str = "not imported: tlx has no place for it";

impl Importer {
    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Diagnostic::new(path, message));
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(Diagnostic::new(path, message));
    }

    /// Warns about every key of `object` that is not in `known`.
    fn unknown_keys(&mut self, object: &Map<String, Value>, path: &str, known: &[&str]) {
        for (key, value) in object {
            if !known.contains(&key.as_str()) && !is_blank(value) {
                self.warn(join(path, key), NOT_IMPORTED);
            }
        }
    }

    /// The text of a string field (HTML to text when `html`); a number is taken as
    /// its digits, anything else is a warning.
    fn text(&mut self, value: Option<&Value>, path: &str, html: bool) -> Option<String> {
        let text = match value? {
            Value::String(s) if html => html::to_text(s),
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            Value::Null => return None,
            _ => {
                self.warn(path, "expected text: not imported");
                return None;
            }
        };
        (!text.is_empty()).then_some(text)
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            Value::Null => None,
            _ => {
                self.warn(path, "expected an object: not imported");
                None
            }
        }
    }

    /// `text.headline` and `text.text` of a slide.
    fn headline_and_text(
        &mut self,
        slide: &Map<String, Value>,
        path: &str,
    ) -> (Option<String>, Option<String>) {
        let path = join(path, "text");
        let Some(text) = slide.get("text").and_then(|t| self.object(t, &path)) else {
            return (None, None);
        };
        self.unknown_keys(text, &path, &["headline", "text"]);
        (
            self.text(text.get("headline"), &join(&path, "headline"), true),
            text.get("text")
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| self.text(text.get("text"), &join(&path, "text"), false)),
        )
    }

    /// The title slide: the timeline's title and description.
    fn title_slide(&mut self, slide: Option<&Value>) -> (String, Option<String>) {
        let slide = slide.and_then(|s| self.object(s, "title"));
        let (headline, text) = match slide {
            Some(slide) => {
                self.unknown_keys(slide, "title", &["text"]);
                self.headline_and_text(slide, "title")
            }
            None => (None, None),
        };
        let title = headline.unwrap_or_else(|| {
            self.warn(
                "title",
                "no title slide with a headline: the timeline is called \"Untitled timeline\"",
            );
            "Untitled timeline".into()
        });
        let description = text.map(|t| html::to_text(&t)).filter(|t| !t.is_empty());
        (title, description)
    }

    fn event(&mut self, i: usize, slide: &Value) -> Option<Imported> {
        let path = format!("events[{i}]");
        let Some(slide) = slide.as_object() else {
            self.error(path, "expected a slide object");
            return None;
        };
        self.unknown_keys(
            slide,
            &path,
            &[
                "start_date",
                "end_date",
                "display_date",
                "text",
                "media",
                "group",
                "unique_id",
            ],
        );
        let start_path = join(&path, "start_date");
        let Some(start_value) = slide.get("start_date").filter(|v| !v.is_null()) else {
            self.error(
                start_path,
                "missing: TimelineJS needs a start date on every event slide",
            );
            return None;
        };
        let start = self.date(start_value, &start_path);
        let end_path = join(&path, "end_date");
        let mut end = slide
            .get("end_date")
            .filter(|v| !is_blank(v))
            .and_then(|v| self.date(v, &end_path));
        let (start, start_shown) = start?;
        if let Some((e, _)) = end
            && e.last_day() < start.first_day()
        {
            self.warn(
                &end_path,
                format!(
                    "{} is before the start date: not imported",
                    quoted(&e.to_string())
                ),
            );
            end = None;
        }
        let (end, end_shown) = end.unzip();
        let mut note = Vec::new();

        // The dates as TimelineJS would have shown them, when that says more than ours.
        let ours = human_span(start, end);
        let shown = self
            .text(
                slide.get("display_date"),
                &join(&path, "display_date"),
                true,
            )
            .or_else(|| match (start_shown, end_shown.flatten()) {
                (Some(s), Some(e)) => Some(format!("{s} – {e}")),
                (s, e) => s.or(e),
            });
        if let Some(shown) = shown.filter(|s| *s != ours) {
            note.push(format!("TimelineJS display date: {shown}"));
        }

        let (headline, text) = self.headline_and_text(slide, &path);
        let (summary, details) = split_details(text.as_deref().unwrap_or_default());
        if let Some(details) = details {
            note.push(details);
        }
        let title = headline.unwrap_or_else(|| {
            self.warn(
                join(&path, "text.headline"),
                "missing: the event is titled \"Untitled event\"",
            );
            "Untitled event".into()
        });

        let id = self.event_id(slide, &path, start, &title);
        let tags: Vec<Box<str>> = self
            .text(slide.get("group"), &join(&path, "group"), true)
            .map(Into::into)
            .into_iter()
            .collect();
        let quotes = match slide.get("media") {
            Some(media) => self.media(media, &join(&path, "media"), &id, &mut note),
            None => Vec::new(),
        };

        Some(Imported {
            raw: RawEvent {
                id: id.into(),
                date: start.to_string().into(),
                end: end.map(|e| Str::from(e.to_string())).into(),
                title: title.into(),
                summary: summary.map(Str::from).into(),
                tags: Some(tags.into_iter().map(Into::into).collect()),
                quotes: Some(quotes.into_iter().map(Into::into).collect()),
                note: (!note.is_empty())
                    .then(|| Str::from(note.join("\n\n")))
                    .into(),
                ..RawEvent::default()
            },
            start,
            end,
        })
    }

    /// `unique_id` made valid and unique; without one, the date and headline.
    fn event_id(
        &mut self,
        slide: &Map<String, Value>,
        path: &str,
        start: Date,
        title: &str,
    ) -> String {
        let path = join(path, "unique_id");
        match self.text(slide.get("unique_id"), &path, false) {
            Some(wanted) => {
                let id = self.event_ids.claim(&wanted, "event");
                if id != wanted {
                    let why = if slugify(&wanted) == wanted {
                        "is the id of an earlier slide"
                    } else {
                        "is not a valid tlx id"
                    };
                    self.warn(
                        path,
                        format!("{} {why}: imported as {}", quoted(&wanted), quoted(&id)),
                    );
                }
                id
            }
            None => self.event_ids.claim(&format!("{start}-{title}"), "event"),
        }
    }

    /// A TimelineJS date object: year (required), month and day, at that precision.
    /// Returns the date and its `display_date`.
    fn date(&mut self, value: &Value, path: &str) -> Option<(Date, Option<String>)> {
        let Some(date) = value.as_object() else {
            self.error(
                path,
                "expected a date object such as {\"year\": 2021, \"month\": 11}",
            );
            return None;
        };
        self.unknown_keys(
            date,
            path,
            &[
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "millisecond",
                "display_date",
            ],
        );
        for part in ["hour", "minute", "second", "millisecond"] {
            if date.get(part).is_some_and(|v| !is_blank(v)) {
                self.warn(
                    join(path, part),
                    "the time of day is not imported: tlx dates are years, months or days",
                );
            }
        }
        let year = self.whole(date, path, "year");
        let month = self.whole(date, path, "month");
        let day = self.whole(date, path, "day");
        let shown = self.text(date.get("display_date"), &join(path, "display_date"), true);
        let year = match year {
            Ok(Some(y)) => y,
            Ok(None) => {
                self.error(join(path, "year"), "missing: a date needs at least a year");
                return None;
            }
            Err(()) => return None,
        };
        let (Ok(month), Ok(day)) = (month, day) else {
            return None;
        };
        if year == 0 {
            self.warn(join(path, "year"), "there is no year 0: read as 1 BCE");
        }
        let astronomical = year_from_timelinejs(year);
        if !(-9999..=9999).contains(&astronomical) {
            self.error(
                join(path, "year"),
                format!("{year} is beyond what tlx can hold (9999 BCE to 9999)"),
            );
            return None;
        }
        let text = match (month, day) {
            (None, None) => format!("{:04}", astronomical.abs()),
            (Some(m), None) => format!("{:04}-{m:02}", astronomical.abs()),
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", astronomical.abs()),
            (None, Some(_)) => {
                self.error(join(path, "day"), "a day needs a month");
                return None;
            }
        };
        let sign = if astronomical < 0 { "-" } else { "" };
        match Date::parse(&format!("{sign}{text}")) {
            Ok(date) => Some((date, shown)),
            Err(e) => {
                self.error(path, e.0);
                None
            }
        }
    }

    /// A whole number given as a number or a string; blank is `None`.
    fn whole(
        &mut self,
        date: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Result<Option<i64>, ()> {
        let number = match date.get(key) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) if s.trim().is_empty() => return Ok(None),
            Some(Value::String(s)) => s.trim().parse().ok(),
            Some(_) => None,
        };
        match number {
            Some(n) if key == "year" || (1..=31).contains(&n) => Ok(Some(n)),
            _ => {
                self.error(join(path, key), format!("{} is not a {key}", date[key]));
                Err(())
            }
        }
    }

    /// `media` to a source (by url and credit) and a quote (its caption). Returns
    /// the quote ids for the event.
    fn media(
        &mut self,
        media: &Value,
        path: &str,
        event_id: &str,
        note: &mut Vec<String>,
    ) -> Vec<String> {
        let Some(media) = self.object(media, path) else {
            return Vec::new();
        };
        self.unknown_keys(media, path, &["url", "credit", "caption", "title"]);
        let url = self
            .text(media.get("url"), &join(path, "url"), false)
            .and_then(|url| {
                if html::is_web_address(&url) {
                    Some(url)
                } else {
                    self.warn(
                        join(path, "url"),
                        "not a web address (embedded code?): not imported",
                    );
                    None
                }
            });
        let credit = self.text(media.get("credit"), &join(path, "credit"), true);
        let caption = self.text(media.get("caption"), &join(path, "caption"), true);
        let title = self.text(media.get("title"), &join(path, "title"), true);

        if url.is_none() && credit.is_none() {
            if let Some(caption) = caption {
                note.push(format!("Media caption: {caption}"));
            }
            if title.is_some() {
                self.warn(
                    join(path, "title"),
                    "a media title without url or credit is not imported",
                );
            }
            return Vec::new();
        }
        let source = self.source(url, credit, title);
        match caption {
            Some(text) => {
                let id = self.quote_ids.claim(&format!("{event_id}-media"), "media");
                self.quotes.push(RawQuote {
                    id: id.clone().into(),
                    source: source.into(),
                    text: text.into(),
                    ..RawQuote::default()
                });
                vec![id]
            }
            None => Vec::new(),
        }
    }

    /// The id of the source for this url and credit, made on first use.
    fn source(
        &mut self,
        url: Option<String>,
        credit: Option<String>,
        title: Option<String>,
    ) -> String {
        let key = (url.clone(), credit.clone());
        if let Some(id) = self.source_keys.get(&key) {
            return id.clone();
        }
        let publisher = credit
            .clone()
            .or_else(|| url.as_deref().map(host))
            .unwrap_or_default();
        let id = self.source_ids.claim(&publisher, "source");
        self.sources.push(RawSource {
            id: id.clone().into(),
            title: title.or(credit).or(url.clone()).map(Str::from).into(),
            publisher: publisher.into(),
            url: url.map(Str::from).into(),
            ..RawSource::default()
        });
        self.source_keys.insert(key, id.clone());
        id
    }

    /// Each era becomes a tag (its headline) on every event that overlaps it.
    fn eras(&mut self, eras: &Value, events: &mut [Imported]) {
        let Some(eras) = eras.as_array() else {
            self.warn("eras", "expected a list: not imported");
            return;
        };
        for (i, era) in eras.iter().enumerate() {
            let path = format!("eras[{i}]");
            let Some(era) = self.object(era, &path) else {
                continue;
            };
            self.unknown_keys(era, &path, &["start_date", "end_date", "text"]);
            let (headline, text) = self.headline_and_text(era, &path);
            if text.is_some_and(|t| !html::to_text(&t).is_empty()) {
                self.warn(
                    join(&path, "text.text"),
                    "an era's text is not imported (its headline becomes a tag)",
                );
            }
            let start = era
                .get("start_date")
                .and_then(|d| self.date(d, &join(&path, "start_date")));
            let end = era
                .get("end_date")
                .and_then(|d| self.date(d, &join(&path, "end_date")));
            let (Some(headline), Some((start, _)), Some((end, _))) = (headline, start, end) else {
                self.warn(
                    path,
                    "an era needs a headline, a start_date and an end_date: not imported",
                );
                continue;
            };
            let tag: Str<'static> = headline.into();
            for e in events.iter_mut() {
                let last = e.end.unwrap_or(e.start).max(e.start).last_day();
                let tags = e.raw.tags.get_or_insert_default();
                if last >= start.first_day()
                    && e.start.first_day() <= end.last_day()
                    && !tags.contains(&tag)
                {
                    tags.push(tag.clone());
                }
            }
        }
    }
}

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The host of a web address: `www.example.org` from `https://www.example.org/a`.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_string()
}

/// A slide text as summary and, for files tlx wrote, the details after the
/// `tlx-details` marker (as text for the note).
fn split_details(text: &str) -> (Option<String>, Option<String>) {
    let marker = format!("<div class=\"{DETAILS_CLASS}\">");
    let (summary, details) = match text.find(&marker) {
        Some(at) => (&text[..at], Some(&text[at..])),
        None => (text, None),
    };
    let nonempty = |t: String| (!t.is_empty()).then_some(t);
    (
        nonempty(html::to_text(summary)),
        details.and_then(|d| nonempty(html::to_text(d))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_years_before_the_common_era_like_timelinejs() {
        assert_eq!(year_from_timelinejs(-44), -43);
        assert_eq!(year_from_timelinejs(2021), 2021);
        for year in [-500, -1, 1, 2021] {
            assert_eq!(year_to_timelinejs(year_from_timelinejs(year) as i32), year);
        }
        assert_eq!(
            Date::year(year_from_timelinejs(-44) as i32).human(),
            "44 BCE"
        );
    }

    #[test]
    fn recognises_timelinejs_and_not_our_format() {
        assert!(detect(r#"{"events": [{"start_date": {"year": 2000}}]}"#).is_some());
        assert!(
            detect(r#"{"format": "tlx/1", "events": [{"start_date": {"year": 2000}}]}"#).is_none()
        );
        assert!(detect(r#"{"format": "tlx/1", "title": "t", "events": []}"#).is_none());
        assert!(detect(r#"{"events": [{"start_date": "2000"}]}"#).is_none());
        assert!(detect(r#"{"title": {"text": {"headline": "t"}}, "events": []}"#).is_some());
    }

    #[test]
    fn finds_the_host() {
        assert_eq!(host("https://www.example.org/a/b?c"), "www.example.org");
        assert_eq!(host("http://example.org"), "example.org");
    }
}
