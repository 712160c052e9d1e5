//! Other timeline formats, imported into the raw shapes tlx JSON parses into:
//! TimelineJS (`timelinejs`), with its HTML (`html`) and the ids it makes up
//! (`slug`).

pub(crate) mod html;
mod slug;
pub(crate) mod timelinejs;
