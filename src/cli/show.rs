//! `tlx show ID`: one item in full, with its links in both directions.

use std::fmt::Write;

use super::{Failure, Kind, lookup};
use crate::data::{ActorIx, DisputeIx, EventIx, Indexed, ItemRef, QuoteIx, SourceIx};

/// Shows whatever has this id.
pub fn show(data: &Indexed, id: &str) -> Result<String, Failure> {
    let mut out = String::new();
    match lookup(data, id, Kind::Any)? {
        ItemRef::Event(e) => event(data, e, &mut out),
        ItemRef::Actor(a) => actor(data, a, &mut out),
        ItemRef::Quote(q) => quote(data, q, &mut out),
        ItemRef::Source(s) => source(data, s, &mut out),
        ItemRef::Dispute(d) => dispute(data, d, &mut out),
    }
    Ok(out)
}

/// `label:` padded so the values line up, for fields that are present.
fn field(out: &mut String, label: &str, value: Option<&str>) {
    if let Some(value) = value {
        let mut lines = value.lines();
        let _ = writeln!(
            out,
            "{:<12} {}",
            format!("{label}:"),
            lines.next().unwrap_or("")
        );
        for line in lines {
            let _ = writeln!(out, "{:<12} {line}", "");
        }
    }
}

/// A section heading; empty sections are left out (their loops print nothing).
fn heading(out: &mut String, title: &str, count: usize) {
    if count > 0 {
        let _ = writeln!(out, "\n{title} ({count}):");
    }
}

/// One line naming a quote: id, source, speaker, text.
fn quote_line(data: &Indexed, q: QuoteIx) -> String {
    let t = &data.timeline;
    let quote = t.quote(q);
    let speaker = match quote.speaker() {
        Some(a) => format!(" ({})", t.actor(a).name()),
        None => String::new(),
    };
    format!(
        "  {}  [{}]{speaker} \u{201c}{}\u{201d}",
        quote.id(),
        t.source(quote.source()).id(),
        quote.text().replace('\n', " ")
    )
}

fn event_line(data: &Indexed, e: EventIx) -> String {
    let event = data.timeline.event(e);
    format!(
        "  {:<10}  {}  {}",
        event.date().to_string(),
        event.id(),
        event.title()
    )
}

fn actor_line(data: &Indexed, a: ActorIx) -> String {
    let actor = data.timeline.actor(a);
    format!("{} ({})", actor.id(), actor.name())
}

fn event(data: &Indexed, e: EventIx, out: &mut String) {
    let t = &data.timeline;
    let event = t.event(e);
    let _ = writeln!(out, "event {}", event.id());
    let date = match event.end() {
        Some(end) => format!("{} to {end}", event.date()),
        None => event.date().to_string(),
    };
    field(out, "date", Some(&date));
    field(out, "title", Some(event.title()));
    field(out, "place", event.place());
    field(out, "certainty", event.certainty().map(|c| c.as_str()));
    let tags = event.tags().collect::<Vec<_>>().join(", ");
    field(out, "tags", (!tags.is_empty()).then_some(tags.as_str()));
    field(out, "summary", event.summary());
    field(out, "note", event.note());
    heading(out, "actors", event.actors().len());
    for p in event.actors() {
        let role = p.role.map(|r| format!(": {r}")).unwrap_or_default();
        let _ = writeln!(out, "  {}{role}", actor_line(data, p.actor));
    }
    heading(out, "quotes", event.quotes().len());
    for &q in event.quotes() {
        let _ = writeln!(out, "{}", quote_line(data, q));
    }
    let disputes = data.index.disputes_of_event(e);
    heading(out, "disputes", disputes.len());
    for &d in disputes {
        let dispute = t.dispute(d);
        let _ = writeln!(out, "  {}  {}", dispute.id(), dispute.question());
    }
}

fn actor(data: &Indexed, a: ActorIx, out: &mut String) {
    let t = &data.timeline;
    let actor = t.actor(a);
    let _ = writeln!(out, "actor {}", actor.id());
    field(out, "name", Some(actor.name()));
    field(out, "kind", Some(actor.kind().as_str()));
    let aliases = actor.aliases().collect::<Vec<_>>().join(", ");
    field(
        out,
        "aliases",
        (!aliases.is_empty()).then_some(aliases.as_str()),
    );
    field(out, "description", actor.description());

    let incoming = data.index.relations_to(a);
    heading(out, "relations", actor.relations().len() + incoming.len());
    let span = |from: Option<crate::data::Date>, to: Option<crate::data::Date>| match (from, to) {
        (None, None) => String::new(),
        (Some(f), None) => format!(", from {f}"),
        (None, Some(t)) => format!(", until {t}"),
        (Some(f), Some(t)) => format!(", {f} to {t}"),
    };
    let cites = |quotes: &[QuoteIx]| {
        if quotes.is_empty() {
            String::new()
        } else {
            let ids: Vec<&str> = quotes.iter().map(|&q| t.quote(q).id()).collect();
            format!(" [{}]", ids.join(", "))
        }
    };
    for r in actor.relations() {
        let _ = writeln!(
            out,
            "  {} {}{}{}",
            r.kind().label(),
            actor_line(data, r.actor()),
            span(r.from(), r.to()),
            cites(r.quotes())
        );
    }
    for &r in incoming {
        let rel = data.relation(r);
        let _ = writeln!(
            out,
            "  {} {}{}{}",
            rel.kind().inverse_label(),
            actor_line(data, r.subject),
            span(rel.from(), rel.to()),
            cites(rel.quotes())
        );
    }

    let events = data.index.events_of_actor(a);
    heading(out, "events", events.len());
    for &ae in events {
        let role = data.role(ae).map(|r| format!(" ({r})")).unwrap_or_default();
        let _ = writeln!(out, "{}{role}", event_line(data, ae.event));
    }
    let spoken = data.index.quotes_by_speaker(a);
    heading(out, "quotes spoken", spoken.len());
    for &q in spoken {
        let _ = writeln!(out, "{}", quote_line(data, q));
    }
}

fn quote(data: &Indexed, q: QuoteIx, out: &mut String) {
    let t = &data.timeline;
    let quote = t.quote(q);
    let _ = writeln!(out, "quote {}", quote.id());
    let source = t.source(quote.source());
    let source_text = format!(
        "{} ({}, {})",
        source.id(),
        source.publisher(),
        source.title()
    );
    field(out, "source", Some(&source_text));
    let speaker = quote.speaker().map(|a| actor_line(data, a));
    field(out, "speaker", speaker.as_deref());
    field(out, "text", Some(quote.text()));
    field(out, "note", quote.note());

    let events = data.index.events_of_quote(q);
    heading(out, "cited by events", events.len());
    for &e in events {
        let _ = writeln!(out, "{}", event_line(data, e));
    }
    // Relations citing the quote are few; a scan is fine for one command.
    let mut relations = Vec::new();
    for (i, actor) in t.actors().enumerate() {
        for r in actor.relations().filter(|r| r.quotes().contains(&q)) {
            relations.push(format!(
                "  {} {} {}",
                actor_line(data, ActorIx(i as u32)),
                r.kind().label(),
                actor_line(data, r.actor())
            ));
        }
    }
    heading(out, "cited by relations", relations.len());
    for line in relations {
        let _ = writeln!(out, "{line}");
    }
    let disputes = data.index.disputes_of_quote(q);
    heading(out, "cited in disputes", disputes.len());
    for &d in disputes {
        let dispute = t.dispute(d);
        let _ = writeln!(out, "  {}  {}", dispute.id(), dispute.question());
    }
}

fn source(data: &Indexed, s: SourceIx, out: &mut String) {
    let t = &data.timeline;
    let source = t.source(s);
    let _ = writeln!(out, "source {}", source.id());
    field(out, "title", Some(source.title()));
    field(out, "publisher", Some(source.publisher()));
    let authors = source.authors().collect::<Vec<_>>().join(", ");
    field(
        out,
        "authors",
        (!authors.is_empty()).then_some(authors.as_str()),
    );
    let published = source.published().map(|d| d.to_string());
    field(out, "published", published.as_deref());
    field(out, "url", source.url());
    field(out, "kind", source.kind().map(|k| k.as_str()));
    let quotes = data.index.quotes_of_source(s);
    heading(out, "quotes, in document order", quotes.len());
    for &q in quotes {
        let _ = writeln!(out, "{}", quote_line(data, q));
    }
}

fn dispute(data: &Indexed, d: DisputeIx, out: &mut String) {
    let t = &data.timeline;
    let dispute = t.dispute(d);
    let _ = writeln!(out, "dispute {}", dispute.id());
    field(out, "question", Some(dispute.question()));
    let event = dispute.event().map(|e| {
        let event = t.event(e);
        format!("{} ({}, {})", event.id(), event.date(), event.title())
    });
    field(out, "event", event.as_deref());
    heading(out, "claims", dispute.claims().len());
    for claim in dispute.claims() {
        let _ = writeln!(out, "  {}", claim.claim());
        for &q in claim.quotes() {
            let _ = writeln!(out, "  {}", quote_line(data, q));
        }
    }
}
