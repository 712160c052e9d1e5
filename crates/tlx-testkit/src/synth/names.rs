//! Actor names and their variant spellings, the way transliteration produces them:
//! al-/Al-/el-, q/k/gh, dh/d/z, ou/u, ee/i, Hezbollah/Hizballah, and abbreviations.

use super::rng::Rng;
use super::words::*;

/// One actor's display name, kind and aliases (no duplicates, never the name itself).
pub struct ActorName {
    pub name: String,
    pub kind: &'static str,
    pub aliases: Vec<String>,
}

/// A person, organisation, state ... chosen with rough real-world proportions.
pub fn actor(rng: &mut Rng) -> ActorName {
    let roll = rng.below(100);
    let (name, kind) = match roll {
        0..=54 => (person(rng), "person"),
        55..=74 => (organisation(rng, true), "militia"),
        75..=82 => (format!("{} Party", organisation(rng, false)), "party"),
        83..=87 => (format!("{} Movement", organisation(rng, false)), "movement"),
        88..=90 => (
            format!("{} Alliance", rng.pick(ORG_CORE).trim_start_matches("al-")),
            "alliance",
        ),
        91..=93 => (
            format!("{} of {}", rng.pick(GOV_BODY), rng.pick(STATES)),
            "government",
        ),
        94..=95 => (
            format!("{} {}", rng.pick(MEDIA), rng.pick(MEDIA_FORM)),
            "media",
        ),
        96..=97 => (
            format!("{} {}", rng.pick(CITIES), rng.pick(THINK_TANK_FORM)),
            "think-tank",
        ),
        98 => (
            format!("{} in {}", rng.pick(INTL_ORG), rng.pick(STATES)),
            "international-organization",
        ),
        _ => (rng.pick(STATES).to_string(), "state"),
    };
    let aliases = aliases(rng, &name, kind);
    ActorName {
        name,
        kind,
        aliases,
    }
}

fn person(rng: &mut Rng) -> String {
    let given = rng.pick(GIVEN);
    let family = rng.pick(FAMILY);
    match rng.below(10) {
        0..=4 => format!("{given} {family}"),
        5..=7 => format!("{given} {} {family}", rng.pick(GIVEN)),
        8 => format!("Abu {} {family}", rng.pick(GIVEN)),
        _ => format!("{given} bin {} {family}", rng.pick(GIVEN)),
    }
}

/// `Kataib Hezbollah`, with a qualifier that sets branches apart when `qualified`.
fn organisation(rng: &mut Rng, qualified: bool) -> String {
    let head = rng.pick(ORG_HEAD);
    let core = rng.pick(ORG_CORE);
    let qualifier = if qualified {
        rng.pick(ORG_QUALIFIER)
    } else {
        ""
    };
    if qualifier.is_empty() {
        format!("{head} {core}")
    } else {
        format!("{head} {core} {qualifier}")
    }
}

/// Spelling rules: (from, to). Each alias applies one or two that match.
const RULES: &[(&str, &str)] = &[
    ("al-", "Al-"),
    ("al-", "el-"),
    ("al-", ""),
    ("Q", "K"),
    ("q", "k"),
    ("Q", "Gh"),
    ("dh", "d"),
    ("dh", "z"),
    ("ou", "u"),
    ("u", "ou"),
    ("ee", "i"),
    ("i", "ee"),
    ("Hezbollah", "Hizballah"),
    ("Hezbollah", "Hizbullah"),
    ("Kataib", "Kata'ib"),
    ("Asaib", "Asa'ib"),
    ("Muhammad", "Mohammed"),
    ("Muhammad", "Mohammad"),
    ("Hussein", "Husayn"),
    ("Hussein", "Hossein"),
    ("Abdul ", "Abd al-"),
    ("Jafar", "Ja'far"),
    ("Esmail", "Ismail"),
    ("Soleimani", "Suleimani"),
    ("Mustafa", "Moustafa"),
    ("Muqtada", "Muqtadā"),
    ("Ali", "ʿAli"),
    ("Ahl", "Ahel"),
];

/// Words of names that are English, not transliterated, and keep their spelling.
const ENGLISH: &[&str] = &[
    "Brigade",
    "Battalion",
    "in",
    "of",
    "Northern",
    "Command",
    "Southern",
    "Front",
    "Youth",
    "Wing",
    "Political",
    "Bureau",
    "Media",
    "Office",
    "Special",
    "Groups",
    "Reform",
    "Faction",
    "Party",
    "Movement",
    "Alliance",
    "bin",
    "Abu",
];

/// Variant spellings: rules apply to transliterated words only; government bodies,
/// media and other English names only get the article variants.
fn aliases(rng: &mut Rng, name: &str, kind: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |alias: String, out: &mut Vec<String>| {
        let alias = alias.split_whitespace().collect::<Vec<_>>().join(" ");
        if !alias.is_empty() && alias != name && !out.contains(&alias) {
            out.push(alias);
        }
    };
    let transliterated = matches!(
        kind,
        "person" | "militia" | "party" | "movement" | "alliance"
    );
    let words: Vec<&str> = name.split(' ').collect();
    // (word position, rule) pairs that can apply.
    let applicable: Vec<(usize, (&str, &str))> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| !ENGLISH.contains(w))
        .flat_map(|(k, w)| {
            RULES
                .iter()
                .filter(move |(from, _)| {
                    w.contains(from) && (transliterated || from.starts_with("al-"))
                })
                .map(move |&rule| (k, rule))
        })
        .collect();
    let spellings = rng.below(4) as usize;
    for _ in 0..spellings.min(applicable.len()) {
        let mut variant: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        for _ in 0..if rng.chance(30) { 2 } else { 1 } {
            let (k, (from, to)) = rng.pick(&applicable);
            variant[k] = variant[k].replacen(from, to, 1);
        }
        push(variant.join(" "), &mut out);
    }
    match kind {
        "person" => {
            // The family name alone is how sources often refer to a person.
            if rng.chance(30)
                && let Some(last) = words.last()
            {
                push(last.to_string(), &mut out);
            }
            if rng.chance(15) {
                push(format!("Abu {}", rng.pick(GIVEN)), &mut out);
            }
        }
        "state" => {}
        _ => {
            if rng.chance(60) {
                push(abbreviation(name), &mut out);
            }
        }
    }
    out
}

/// Initials of the significant words: "Kataib Hezbollah" -> "KH", "Asaib Ahl al-Haq" -> "AAH".
pub fn abbreviation(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "al" | "of" | "in" | "the" | "bin" | ""))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
