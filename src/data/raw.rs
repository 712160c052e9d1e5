//! The JSON shapes of the timeline format, exactly as a file writes them.
//!
//! Every field is optional here, even the required ones, so that serde never stops
//! at the first missing field: `validate` reports each one with its path. Types are
//! still checked by serde (a number where a string belongs is a parse error with
//! its path, line and column). Dates, ids and enums stay strings until validation.
//!
//! Objects must be JSON objects: serde's derive would also take an array of the
//! field values in order, which the format does not allow and which would make for
//! baffling messages, so each type reads through `deserialize_map` only.

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

type Text = Option<Box<str>>;
type List<T> = Option<Vec<T>>;

/// Defines a raw object type that deserializes from a JSON object only.
macro_rules! object {
    ($(#[$doc:meta])* $name:ident, $expecting:literal {
        $($(#[$attr:meta])* $field:ident: $ty:ty,)+
    }) => {
        $(#[$doc])*
        #[derive(Debug, Default)]
        pub struct $name {
            $(pub $field: $ty,)+
        }

        const _: () = {
            #[derive(serde::Deserialize)]
            #[serde(expecting = $expecting)]
            struct Fields {
                $($(#[$attr])* $field: $ty,)+
            }

            struct ObjectOnly;

            impl<'de> Visitor<'de> for ObjectOnly {
                type Value = Fields;

                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str($expecting)
                }

                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Fields, A::Error> {
                    Fields::deserialize(MapAccessDeserializer::new(map))
                }
            }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    let fields = d.deserialize_map(ObjectOnly)?;
                    Ok($name { $($field: fields.$field,)+ })
                }
            }
        };
    };
}

object!(RawTimeline, "a timeline object" {
    format: Text,
    title: Text,
    description: Text,
    sources: List<RawSource>,
    actors: List<RawActor>,
    events: List<RawEvent>,
    quotes: List<RawQuote>,
    disputes: List<RawDispute>,
});

object!(RawSource, "a source object" {
    id: Text,
    title: Text,
    publisher: Text,
    authors: List<Box<str>>,
    published: Text,
    url: Text,
    kind: Text,
});

object!(RawActor, "an actor object" {
    id: Text,
    name: Text,
    kind: Text,
    aliases: List<Box<str>>,
    description: Text,
    relations: List<RawRelation>,
});

object!(RawRelation, "a relation object" {
    #[serde(rename = "type")]
    kind: Text,
    actor: Text,
    from: Text,
    to: Text,
    quotes: List<Box<str>>,
});

object!(RawEvent, "an event object" {
    id: Text,
    date: Text,
    end: Text,
    title: Text,
    summary: Text,
    place: Text,
    tags: List<Box<str>>,
    actors: List<RawParticipant>,
    quotes: List<Box<str>>,
    certainty: Text,
    note: Text,
});

object!(RawParticipant, "an object with the actor's id and role" {
    id: Text,
    role: Text,
});

object!(RawQuote, "a quote object" {
    id: Text,
    source: Text,
    text: Text,
    speaker: Text,
    note: Text,
});

object!(RawDispute, "a dispute object" {
    id: Text,
    question: Text,
    event: Text,
    claims: List<RawClaim>,
});

object!(RawClaim, "a claim object" {
    claim: Text,
    quotes: List<Box<str>>,
});
