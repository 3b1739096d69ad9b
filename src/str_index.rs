//! An index of strings kept elsewhere (a gazetteer's record ids, a buffer of names) by a hash of
//! each, holding no copy of them: the embedded defaults' tens of thousands of ids and names would
//! otherwise cost an allocation each when a process starts. A look-up checks the string it finds
//! against the key; a string whose hash another holds already (two among 2^64, which no default
//! does) is kept by name in `collided`.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};

#[derive(Debug, Clone, Default)]
pub(crate) struct StrIndex {
    by_hash: FxHashMap<u64, usize>,
    collided: FxHashMap<Box<str>, usize>,
}

fn hash(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl StrIndex {
    pub(crate) fn with_capacity(n: usize) -> StrIndex {
        StrIndex { by_hash: FxHashMap::with_capacity_and_hasher(n, FxBuildHasher), collided: FxHashMap::default() }
    }

    /// The index of `key`, where `key_of(i)` is the string indexed at `i`.
    pub(crate) fn get<'s>(&self, key: &str, key_of: impl Fn(usize) -> &'s str) -> Option<usize> {
        match self.by_hash.get(&hash(key)) {
            Some(&i) if key_of(i) == key => Some(i),
            _ if self.collided.is_empty() => None,
            _ => self.collided.get(key).copied(),
        }
    }

    /// Indexes `key` at `new`, where `key_of(i)` is the string indexed at `i`; if `key` is
    /// known already, nothing changes and the error is its index.
    pub(crate) fn insert<'s>(&mut self, key: &str, new: usize, key_of: impl Fn(usize) -> &'s str) -> Result<(), usize> {
        match self.by_hash.entry(hash(key)) {
            Entry::Vacant(slot) => {
                slot.insert(new);
                Ok(())
            }
            Entry::Occupied(slot) if key_of(*slot.get()) == key => Err(*slot.get()),
            Entry::Occupied(_) => match self.collided.entry(key.into()) {
                Entry::Vacant(slot) => {
                    slot.insert(new);
                    Ok(())
                }
                Entry::Occupied(slot) => Err(*slot.get()),
            },
        }
    }

    /// Makes `key`'s hash point at index `at`, as if `key` hashed like the string there.
    #[cfg(test)]
    pub(crate) fn collide(&mut self, key: &str, at: usize) {
        self.by_hash.insert(hash(key), at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_whose_hash_is_taken_is_kept_by_name() {
        let keys = ["iran", "chad"];
        let key_of = |i: usize| keys[i];
        let mut index = StrIndex::default();
        assert_eq!(index.insert("iran", 0, key_of), Ok(()));
        index.collide("chad", 0);
        assert_eq!(index.insert("chad", 1, key_of), Ok(()));
        assert_eq!(index.insert("chad", 1, key_of), Err(1));
        assert_eq!(index.insert("iran", 1, key_of), Err(0));
        assert_eq!(
            (index.get("iran", key_of), index.get("chad", key_of), index.get("us", key_of)),
            (Some(0), Some(1), None)
        );
    }
}
