//! Ids to positions without copying the ids.
//!
//! A timeline of a million events has over two million ids, and every reference
//! is resolved through them. This table holds only small values (a `u32` position,
//! an `ItemRef`) and a control byte per slot; the id strings stay where they are
//! (in the file's text while validating, in the model afterwards) and are reached
//! through a `key_of` closure, one string comparison per successful lookup. The
//! hash is foldhash's "quality" variant with a per-process random seed, so a
//! crafted file cannot make lookups degrade into collisions.

use std::hash::BuildHasher;

use foldhash::quality::RandomState;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

pub struct IdMap<V> {
    table: HashTable<V>,
    hasher: RandomState,
}

impl<V: Copy> IdMap<V> {
    pub fn with_capacity(capacity: usize) -> Self {
        IdMap {
            table: HashTable::with_capacity(capacity),
            hasher: RandomState::default(),
        }
    }

    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    /// Adds `value` under `id` unless the id is already there; then it returns the
    /// value that has it and leaves the table as it was.
    pub fn insert<'k>(&mut self, id: &str, value: V, key_of: impl Fn(V) -> &'k str) -> Option<V> {
        let hash = self.hash(id);
        let hasher = &self.hasher;
        match self
            .table
            .entry(hash, |&v| key_of(v) == id, |&v| hasher.hash_one(key_of(v)))
        {
            Entry::Occupied(first) => Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(value);
                None
            }
        }
    }

    pub fn get<'k>(&self, id: &str, key_of: impl Fn(V) -> &'k str) -> Option<V> {
        self.table
            .find(self.hash(id), |&v| key_of(v) == id)
            .copied()
    }
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap {
            table: HashTable::new(),
            hasher: RandomState::default(),
        }
    }
}

impl<V> Clone for IdMap<V>
where
    V: Clone,
{
    fn clone(&self) -> Self {
        IdMap {
            table: self.table.clone(),
            hasher: self.hasher.clone(),
        }
    }
}

impl<V> std::fmt::Debug for IdMap<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdMap({} ids)", self.table.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_and_reports_duplicates() {
        let ids = ["kataib-hezbollah", "quds-force", "kataib-hezbollah", "pmf"];
        let key = |i: u32| ids[i as usize];
        let mut map = IdMap::with_capacity(2); // grows, rehashing through `key`
        let dups: Vec<Option<u32>> = (0..ids.len() as u32)
            .map(|i| map.insert(ids[i as usize], i, key))
            .collect();
        assert_eq!(dups, [None, None, Some(0), None]);
        assert_eq!(map.get("quds-force", key), Some(1));
        assert_eq!(map.get("pmf", key), Some(3));
        assert_eq!(map.get("kataib-hezbolah", key), None);
    }
}
