//! HTML fragments (TimelineJS slide text) to plain text: tags removed, entities
//! decoded, block elements turned into paragraph breaks, white space folded.

/// Elements that end a paragraph: their tags become a break, not a space.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "hr",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
];

/// Elements whose content is code or styling, never text.
const HIDDEN: &[&str] = &["script", "style"];

/// The text of an HTML fragment: paragraphs separated by a blank line, each on
/// one line. `&lt;b&gt;` stays the text `<b>`: entities are decoded after the tags
/// are gone.
pub fn to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    // Line breaks in the source are white space; only block tags break paragraphs.
    let text = |raw: &mut String, part: &str| {
        raw.extend(part.chars().map(|c| match c {
            '\n' | '\r' => ' ',
            c => c,
        }))
    };
    while let Some(open) = rest.find('<') {
        text(&mut raw, &rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        // As in HTML, `<` opens a tag only before a letter or `/`: `a < b` is text.
        let opens_tag = rest[1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        if !opens_tag {
            raw.push('<');
            rest = &rest[1..];
            continue;
        }
        // With no `>` left, nothing after can be a tag: the rest is text. (Stopping
        // here also keeps a hostile `<a<a<a...` linear.)
        let Some(close) = rest.find('>') else {
            break;
        };
        let name = tag_name(&rest[1..close]);
        rest = &rest[close + 1..];
        if HIDDEN.contains(&name.as_str()) && !rest.is_empty() {
            // Skip to the closing tag, if there is one.
            let closing = format!("</{name}");
            rest = find_ignore_case(rest, &closing).map_or("", |at| {
                rest[at..].find('>').map_or("", |e| &rest[at + e + 1..])
            });
        }
        // Inline tags vanish (`in<i>line</i>` reads "inline").
        if BLOCKS.contains(&name.as_str()) {
            raw.push('\n');
        }
    }
    text(&mut raw, rest);

    let decoded = html_escape::decode_html_entities(&raw);
    decoded
        .split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Whether `url` is an `http` or `https` address: the only kind tlx takes from a
/// TimelineJS file or turns into a link, so that a `javascript:` URL in a hostile
/// file never becomes something a reader can click.
pub fn is_web_address(url: &str) -> bool {
    let scheme = url.trim_start().split_once("://").map(|(s, _)| s);
    scheme.is_some_and(|s| s.eq_ignore_ascii_case("https") || s.eq_ignore_ascii_case("http"))
}

/// `p` from `p class="x"`, `/p` or `br/`, lowercased.
fn tag_name(inside: &str) -> String {
    inside
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::{is_web_address, to_text};

    #[test]
    fn strips_tags_and_decodes_entities() {
        assert_eq!(
            to_text("<p>Caf&eacute; &amp; <b>bar</b>&#8217;s &#x2014; &nbsp;x</p>"),
            "Café & bar’s — x"
        );
        assert_eq!(to_text("&lt;b&gt; is a tag"), "<b> is a tag");
        assert_eq!(to_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(to_text("x <b and no end"), "x <b and no end");
    }

    #[test]
    fn blocks_become_paragraphs() {
        assert_eq!(
            to_text("<p>One\n  line.</p><p>Two.</p>Three<br/>Four"),
            "One line.\n\nTwo.\n\nThree\n\nFour"
        );
        assert_eq!(to_text("in<i>line</i>"), "inline");
    }

    #[test]
    fn knows_a_web_address() {
        assert!(is_web_address("https://example.org/a"));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("javascript://%0Aalert(1)"));
        assert!(!is_web_address("example.org"));
    }

    #[test]
    fn drops_comments_scripts_and_styles() {
        assert_eq!(
            to_text("a<!-- hidden -->b<script>alert(1)</script>c<STYLE>p{}</STYLE>d"),
            "abcd"
        );
    }
}
