//! Per-object lists stored flat, compressed-sparse-row style.
//!
//! A `Vec` per event (tags, participants, quotes) costs 24 bytes and an
//! allocation even when short; here the lists of every object of one kind share
//! one `Vec` of items, and object `k`'s list is `items[offsets[k]..offsets[k + 1]]`,
//! four bytes per object. Lists are written in object order, one `close` per object.

/// The capacity to ask for when `len + extra` items do not fit in `capacity`:
/// an eighth more, not the double `Vec` would take. The arena and the lists of a
/// million events are hundreds of MB, built while the file and its parse are
/// still held: doubling (or reserving it all at once) could add hundreds of MB
/// unused at the peak of a load, where growing with the conversion adds at most
/// an eighth. Large blocks grow in place (the allocator remaps them), so
/// growing more often costs little.
pub(super) fn grown(len: usize, extra: usize, capacity: usize) -> Option<usize> {
    let needed = len + extra;
    (needed > capacity).then(|| needed.max(capacity + capacity / 8).max(64))
}

/// `v.push(item)`, growing as `grown` says.
pub(super) fn push_gently<T>(v: &mut Vec<T>, item: T) {
    if let Some(capacity) = grown(v.len(), 1, v.capacity()) {
        v.reserve_exact(capacity - v.len());
    }
    v.push(item);
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lists<T> {
    /// Starts with 0; one more entry per closed list.
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            offsets: vec![0],
            items: Vec::new(),
        }
    }
}

/// More items than `u32` offsets reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooManyItems;

impl<T> Lists<T> {
    /// Where list `k`'s items lie in `items()`.
    pub fn range(&self, k: usize) -> std::ops::Range<usize> {
        self.offsets[k] as usize..self.offsets[k + 1] as usize
    }

    pub fn get(&self, k: usize) -> &[T] {
        &self.items[self.range(k)]
    }

    /// Every item of every list, in order.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// Adds an item to the list being written.
    pub fn push(&mut self, item: T) {
        push_gently(&mut self.items, item);
    }

    /// Ends the list being written: the items pushed since the last `close`.
    pub fn close(&mut self) -> Result<(), TooManyItems> {
        let end = u32::try_from(self.items.len()).map_err(|_| TooManyItems)?;
        push_gently(&mut self.offsets, end);
        Ok(())
    }

    /// Moves `other`'s lists after these, each item passed through `map`.
    pub fn append(&mut self, other: Lists<T>, map: impl Fn(T) -> T) -> Result<(), TooManyItems> {
        let by = self.items.len();
        u32::try_from(by + other.items.len()).map_err(|_| TooManyItems)?;
        self.items.reserve_exact(other.items.len());
        self.items.extend(other.items.into_iter().map(map));
        self.offsets.reserve_exact(other.offsets.len() - 1);
        self.offsets
            .extend(other.offsets[1..].iter().map(|&o| o + by as u32));
        Ok(())
    }

    pub fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.items.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_order_and_appended() {
        let mut a = Lists::default();
        a.push(1);
        a.push(2);
        a.close().unwrap();
        a.close().unwrap();
        let mut b = Lists::default();
        b.push(3);
        b.close().unwrap();
        a.append(b, |x| x * 10).unwrap();
        assert_eq!(a.offsets.len(), 4);
        assert_eq!(a.get(0), [1, 2]);
        assert!(a.get(1).is_empty());
        assert_eq!(a.get(2), [30]);
        assert_eq!(a.range(2), 2..3);
    }

    #[test]
    fn growth_is_by_an_eighth() {
        assert_eq!(grown(10, 1, 20), None);
        assert_eq!(grown(20, 1, 20), Some(64));
        assert_eq!(grown(800, 1, 800), Some(900));
        assert_eq!(grown(800, 500, 800), Some(1300));
    }
}
