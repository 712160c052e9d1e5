//! Writing a `Timeline`: each object in one call, its strings copied into the
//! arena (the small ones that repeat, once), its lists appended to the shared ones.

use std::hash::BuildHasher;

use foldhash::quality::RandomState;
use hashbrown::HashTable;

use super::lists::{Lists, TooManyItems, push_gently};
use super::text::{Text, TooMuchText};
use super::timeline::*;
use super::writer::{JoinedText, TextWriter, Written};
use super::*;

/// Strings longer than this are not interned: tags, roles, places and publishers
/// repeat, long prose does not, and hashing it would cost for nothing.
const INTERN_MAX_LEN: usize = 64;

/// A source's fields; its authors are given beside it.
#[derive(Clone, Copy, Debug)]
pub struct NewSource<'s> {
    pub id: &'s str,
    pub title: &'s str,
    pub publisher: &'s str,
    pub published: Option<Date>,
    pub url: Option<&'s str>,
    pub kind: Option<SourceKind>,
}

/// An actor's fields; its aliases and relations are given beside it.
#[derive(Clone, Copy, Debug)]
pub struct NewActor<'s> {
    pub id: &'s str,
    pub name: &'s str,
    pub kind: ActorKind,
    pub description: Option<&'s str>,
}

#[derive(Clone, Copy, Debug)]
pub struct NewRelation<'s> {
    pub kind: RelationKind,
    pub actor: ActorIx,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub quotes: &'s [QuoteIx],
}

/// An event's fields; its tags, actors and quotes are given beside it.
#[derive(Clone, Copy, Debug)]
pub struct NewEvent<'s> {
    pub id: &'s str,
    pub date: Date,
    pub end: Option<Date>,
    pub title: &'s str,
    pub summary: Option<&'s str>,
    pub place: Option<&'s str>,
    pub certainty: Option<Certainty>,
    pub note: Option<&'s str>,
}

#[derive(Clone, Copy, Debug)]
pub struct NewQuote<'s> {
    pub id: &'s str,
    pub source: SourceIx,
    pub text: &'s str,
    pub speaker: Option<ActorIx>,
    pub note: Option<&'s str>,
}

/// A dispute's fields; its claims are given beside it.
#[derive(Clone, Copy, Debug)]
pub struct NewDispute<'s> {
    pub id: &'s str,
    pub question: &'s str,
    pub event: Option<EventIx>,
}

/// Builds a `Timeline` object by object, each list in file order. References
/// (`ActorIx`, `QuoteIx`...) are taken as given: the loader checked them.
/// Optional strings that are empty read back as absent.
#[derive(Default)]
pub struct TimelineBuilder {
    /// All but the text, which `text` holds until `finish`.
    t: Timeline,
    text: TextWriter,
    /// The interned strings, found by their text in the writer.
    interned: HashTable<Written>,
    hasher: RandomState,
    /// Set once the text or a list outgrew its `u32` offsets; `finish` says so.
    full: bool,
    /// Parts built on other threads, appended by `finish` (see `append`).
    parts: Vec<TimelineBuilder>,
}

impl From<TooManyItems> for TooMuchText {
    fn from(_: TooManyItems) -> Self {
        TooMuchText
    }
}

impl TimelineBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    #[cfg(test)]
    fn with_text_limit(limit: u32) -> Self {
        TimelineBuilder {
            text: TextWriter::with_limit(limit),
            ..Self::default()
        }
    }

    /// The timeline, sized to its content; `Err` if it outgrew `u32` offsets.
    pub fn finish(self) -> Result<Timeline, TooMuchText> {
        let (mut t, text) = self.finish_apart()?;
        t.set_text(text.into_arena());
        Ok(t)
    }

    /// `finish` in two parts: the timeline without its text (every `Text` in
    /// it reads from an empty arena until `Timeline::set_text`), and the text.
    pub fn finish_apart(self) -> Result<(Timeline, JoinedText), TooMuchText> {
        self.finish_apart_into(Vec::new())
    }

    /// `finish_apart`, joining a large text into `spare` if it is long enough
    /// (the loader's file, no longer needed): its pages are already mapped.
    pub fn finish_apart_into(
        mut self,
        spare: Vec<u8>,
    ) -> Result<(Timeline, JoinedText), TooMuchText> {
        // The parts in the order they are appended: each before its own parts.
        let mut parts = Vec::new();
        flatten(std::mem::take(&mut self.parts), &mut parts);
        // Their texts first (no copy), so that the text can be joined while
        // their records are appended, shifted.
        let mut shifts = Vec::with_capacity(parts.len());
        for part in &mut parts {
            if part.full {
                return Err(TooMuchText);
            }
            shifts.push(self.text.append(std::mem::take(&mut part.text))?);
        }
        if self.full {
            return Err(TooMuchText);
        }
        let text = std::mem::take(&mut self.text);
        let t = &mut self.t;
        let (text, records) = text.finish(spare, || {
            for (part, by) in parts.into_iter().zip(shifts) {
                t.append(part.t, by)?;
            }
            t.sources.shrink_to_fit();
            t.source_authors.shrink_to_fit();
            t.actors.shrink_to_fit();
            t.actor_aliases.shrink_to_fit();
            t.actor_relations.shrink_to_fit();
            t.relation_quotes.shrink_to_fit();
            t.events.shrink_to_fit();
            t.event_tags.shrink_to_fit();
            t.event_actors.shrink_to_fit();
            t.event_quotes.shrink_to_fit();
            t.quotes.shrink_to_fit();
            t.disputes.shrink_to_fit();
            t.dispute_claims.shrink_to_fit();
            t.claim_quotes.shrink_to_fit();
            Ok::<(), TooMuchText>(())
        });
        records?;
        Ok((self.t, text))
    }

    fn text(&mut self, s: &str) -> Text {
        match self.text.push(s) {
            Ok(w) => w.text,
            Err(TooMuchText) => {
                self.full = true;
                Text::EMPTY
            }
        }
    }

    fn optional(&mut self, s: Option<&str>) -> Text {
        s.map_or(Text::EMPTY, |s| self.text(s))
    }

    /// A small string that repeats: stored once, every use gets the same `Text`.
    fn interned(&mut self, s: &str) -> Text {
        if s.len() > INTERN_MAX_LEN {
            return self.text(s);
        }
        let hash = self.hasher.hash_one(s);
        let text = &self.text;
        if let Some(w) = self.interned.find(hash, |&w| text.get(w) == s) {
            return w.text;
        }
        let Ok(w) = self.text.push(s) else {
            self.full = true;
            return Text::EMPTY;
        };
        if !w.text.is_empty() {
            let (text, hasher) = (&self.text, &self.hasher);
            self.interned
                .insert_unique(hash, w, |&w| hasher.hash_one(text.get(w)));
        }
        w.text
    }

    fn close<T>(full: &mut bool, list: &mut Lists<T>) {
        if list.close().is_err() {
            *full = true;
        }
    }

    pub fn title(&mut self, title: &str) {
        self.t.title = self.text(title);
    }

    pub fn description(&mut self, description: Option<&str>) {
        self.t.description = self.optional(description);
    }

    pub fn source<'s>(
        &mut self,
        s: NewSource<'s>,
        authors: impl IntoIterator<Item = &'s str>,
    ) -> SourceIx {
        let record = SourceRecord {
            id: self.text(s.id),
            title: self.text(s.title),
            publisher: self.interned(s.publisher),
            url: self.optional(s.url),
            published: s.published,
            kind: s.kind,
        };
        for author in authors {
            let a = self.interned(author);
            self.t.source_authors.push(a);
        }
        Self::close(&mut self.full, &mut self.t.source_authors);
        push_gently(&mut self.t.sources, record);
        SourceIx(self.t.sources.len() as u32 - 1)
    }

    pub fn actor<'s>(
        &mut self,
        a: NewActor<'s>,
        aliases: impl IntoIterator<Item = &'s str>,
        relations: impl IntoIterator<Item = NewRelation<'s>>,
    ) -> ActorIx {
        let record = ActorRecord {
            id: self.text(a.id),
            name: self.text(a.name),
            description: self.optional(a.description),
            kind: a.kind,
        };
        for alias in aliases {
            let a = self.text(alias);
            self.t.actor_aliases.push(a);
        }
        Self::close(&mut self.full, &mut self.t.actor_aliases);
        for r in relations {
            self.t.actor_relations.push(RelationRecord {
                actor: r.actor,
                kind: r.kind,
                from: r.from,
                to: r.to,
            });
            for &q in r.quotes {
                self.t.relation_quotes.push(q);
            }
            Self::close(&mut self.full, &mut self.t.relation_quotes);
        }
        Self::close(&mut self.full, &mut self.t.actor_relations);
        push_gently(&mut self.t.actors, record);
        ActorIx(self.t.actors.len() as u32 - 1)
    }

    pub fn event<'s>(
        &mut self,
        e: NewEvent<'s>,
        tags: impl IntoIterator<Item = &'s str>,
        actors: impl IntoIterator<Item = (ActorIx, Option<&'s str>)>,
        quotes: impl IntoIterator<Item = QuoteIx>,
    ) -> EventIx {
        let record = EventRecord {
            id: self.text(e.id),
            title: self.text(e.title),
            summary: self.optional(e.summary),
            place: e.place.map_or(Text::EMPTY, |p| self.interned(p)),
            note: self.optional(e.note),
            date: e.date,
            end: e.end,
            certainty: e.certainty,
        };
        for tag in tags {
            let t = self.interned(tag);
            self.t.event_tags.push(t);
        }
        Self::close(&mut self.full, &mut self.t.event_tags);
        for (actor, role) in actors {
            let role = role.map_or(Text::EMPTY, |r| self.interned(r));
            self.t.event_actors.push(ParticipantRecord { actor, role });
        }
        Self::close(&mut self.full, &mut self.t.event_actors);
        for q in quotes {
            self.t.event_quotes.push(q);
        }
        Self::close(&mut self.full, &mut self.t.event_quotes);
        push_gently(&mut self.t.events, record);
        EventIx(self.t.events.len() as u32 - 1)
    }

    pub fn quote(&mut self, q: NewQuote<'_>) -> QuoteIx {
        let record = QuoteRecord {
            id: self.text(q.id),
            text: self.text(q.text),
            note: self.optional(q.note),
            source: q.source,
            speaker: q.speaker,
        };
        push_gently(&mut self.t.quotes, record);
        QuoteIx(self.t.quotes.len() as u32 - 1)
    }

    pub fn dispute<'s>(
        &mut self,
        d: NewDispute<'s>,
        claims: impl IntoIterator<Item = (&'s str, &'s [QuoteIx])>,
    ) -> DisputeIx {
        let record = DisputeRecord {
            id: self.text(d.id),
            question: self.text(d.question),
            event: d.event,
        };
        for (claim, quotes) in claims {
            let claim = self.text(claim);
            self.t.dispute_claims.push(ClaimRecord { claim });
            for &q in quotes {
                self.t.claim_quotes.push(q);
            }
            Self::close(&mut self.full, &mut self.t.claim_quotes);
        }
        Self::close(&mut self.full, &mut self.t.dispute_claims);
        push_gently(&mut self.t.disputes, record);
        DisputeIx(self.t.disputes.len() as u32 - 1)
    }

    /// Puts `other`'s objects after these ones, kind by kind (its title is
    /// ignored): for a timeline converted in parts on several threads. The copy
    /// is left to `finish`, so that a loader can free the file's text first and
    /// the peak never holds the text and two copies of a part. Strings interned
    /// by both parts are then held twice, once per part.
    pub fn append(&mut self, other: TimelineBuilder) {
        self.parts.push(other);
    }
}

/// `parts` and, after each, its own parts: the order `finish` appends them in.
fn flatten(parts: Vec<TimelineBuilder>, into: &mut Vec<TimelineBuilder>) {
    for mut part in parts {
        let inner = std::mem::take(&mut part.parts);
        into.push(part);
        flatten(inner, into);
    }
}

impl Timeline {
    /// Appends `o`'s records, their texts `shifted` by `by` (where `o`'s text now
    /// starts).
    fn append(&mut self, o: Timeline, by: u32) -> Result<(), TooMuchText> {
        let s = |t: Text| t.shifted(by);
        let t = self;
        t.sources
            .extend(o.sources.into_iter().map(|r| SourceRecord {
                id: s(r.id),
                title: s(r.title),
                publisher: s(r.publisher),
                url: s(r.url),
                ..r
            }));
        t.source_authors.append(o.source_authors, s)?;
        t.actors.extend(o.actors.into_iter().map(|r| ActorRecord {
            id: s(r.id),
            name: s(r.name),
            description: s(r.description),
            ..r
        }));
        t.actor_aliases.append(o.actor_aliases, s)?;
        t.actor_relations.append(o.actor_relations, |r| r)?;
        t.relation_quotes.append(o.relation_quotes, |q| q)?;
        t.events.reserve_exact(o.events.len());
        t.events.extend(o.events.into_iter().map(|r| EventRecord {
            id: s(r.id),
            title: s(r.title),
            summary: s(r.summary),
            place: s(r.place),
            note: s(r.note),
            ..r
        }));
        t.event_tags.append(o.event_tags, s)?;
        t.event_actors
            .append(o.event_actors, |p| ParticipantRecord {
                role: s(p.role),
                ..p
            })?;
        t.event_quotes.append(o.event_quotes, |q| q)?;
        t.quotes.reserve_exact(o.quotes.len());
        t.quotes.extend(o.quotes.into_iter().map(|r| QuoteRecord {
            id: s(r.id),
            text: s(r.text),
            note: s(r.note),
            ..r
        }));
        t.disputes
            .extend(o.disputes.into_iter().map(|r| DisputeRecord {
                id: s(r.id),
                question: s(r.question),
                ..r
            }));
        t.dispute_claims
            .append(o.dispute_claims, |c| ClaimRecord { claim: s(c.claim) })?;
        t.claim_quotes.append(o.claim_quotes, |q| q)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32) -> Date {
        Date {
            year,
            month: 0,
            day: 0,
        }
    }

    fn event<'s>(id: &'s str, title: &'s str) -> NewEvent<'s> {
        NewEvent {
            id,
            date: date(2020),
            end: None,
            title,
            summary: Some("a summary"),
            place: Some("Baghdad"),
            certainty: None,
            note: None,
        }
    }

    fn sample(b: &mut TimelineBuilder, first: &str) {
        b.title("t");
        let a = b.actor(
            NewActor {
                id: "kh",
                name: "Kataib Hezbollah",
                kind: ActorKind::Militia,
                description: None,
            },
            ["KH"],
            [],
        );
        b.event(
            event(first, "One"),
            ["drone", "attack"],
            [(a, Some("perpetrator")), (a, None)],
            [QuoteIx(0)],
        );
        b.event(
            event("e2", "Two"),
            ["attack"],
            [(a, Some("perpetrator"))],
            [],
        );
    }

    #[test]
    fn round_trip_through_the_views() {
        let mut b = TimelineBuilder::new();
        sample(&mut b, "e1");
        let t = b.finish().unwrap();
        assert_eq!(t.title(), "t");
        assert_eq!(t.description(), None);
        let e = t.event(EventIx(0));
        assert_eq!(
            (e.id(), e.title(), e.summary()),
            ("e1", "One", Some("a summary"))
        );
        assert_eq!(e.tags().collect::<Vec<_>>(), ["drone", "attack"]);
        let roles: Vec<_> = e.actors().map(|p| (p.actor, p.role)).collect();
        assert_eq!(
            roles,
            [(ActorIx(0), Some("perpetrator")), (ActorIx(0), None)]
        );
        assert_eq!(e.quotes(), [QuoteIx(0)]);
        assert_eq!(e.note(), None);
        assert_eq!(t.actor(ActorIx(0)).aliases().collect::<Vec<_>>(), ["KH"]);
        assert_eq!(t.event(EventIx(1)).tags().collect::<Vec<_>>(), ["attack"]);
        assert_eq!(t.events().len(), 2);
    }

    #[test]
    fn interning_keeps_one_copy() {
        let mut b = TimelineBuilder::new();
        sample(&mut b, "e1");
        let t = b.finish().unwrap();
        let tags = t.event_tags.items();
        // "attack" twice, one place in the arena.
        assert_eq!(tags[1], tags[2]);
        assert_eq!(t.text(tags[1]), "attack");
        let roles = t.event_actors.items();
        assert_eq!(roles[0].role, roles[2].role);
        assert_eq!(t.events[0].place, t.events[1].place);
        // Titles are not interned, and "t" was written once as the title.
        assert_ne!(t.events[0].title, t.events[1].title);
    }

    #[test]
    fn equality_is_by_content_not_offsets() {
        let mut a = TimelineBuilder::new();
        sample(&mut a, "e1");
        let a = a.finish().unwrap();
        // The same content at other offsets: a description written first.
        let mut b = TimelineBuilder::new();
        b.description(Some("pushed first, then cleared"));
        b.t.description = Text::EMPTY;
        sample(&mut b, "e1");
        let b = b.finish().unwrap();
        assert_ne!(a.events[0].title, b.events[0].title);
        assert_eq!(a, b);
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        let mut c = TimelineBuilder::new();
        sample(&mut c, "e9");
        assert_ne!(a, c.finish().unwrap());
        assert!(format!("{a:?}").contains("title: \"One\""));
    }

    #[test]
    fn appended_parts_equal_one_build() {
        let mut whole = TimelineBuilder::new();
        sample(&mut whole, "e1");
        whole.quote(NewQuote {
            id: "q",
            source: SourceIx(0),
            text: "said",
            speaker: None,
            note: Some("n"),
        });
        let mut first = TimelineBuilder::new();
        sample(&mut first, "e1");
        let mut second = TimelineBuilder::new();
        second.quote(NewQuote {
            id: "q",
            source: SourceIx(0),
            text: "said",
            speaker: None,
            note: Some("n"),
        });
        first.append(second);
        assert_eq!(whole.finish().unwrap(), first.finish().unwrap());
    }

    #[test]
    fn too_much_text_is_an_error() {
        let mut b = TimelineBuilder::with_text_limit(20);
        sample(&mut b, "e1");
        assert_eq!(b.finish().unwrap_err(), TooMuchText);
        let mut b = TimelineBuilder::with_text_limit(1000);
        sample(&mut b, "e1");
        assert!(b.finish().is_ok());
    }
}
