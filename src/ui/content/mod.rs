//! What the texts that wrap say, as styled lines for a width: the detail, the
//! help, and the list items of varying height. Apart from the panes that draw
//! them, and from `App`, so that `geometry` can measure them for `update`.

pub mod detail;
pub mod help;
pub mod items;
