//! A gazetteer's index by id and its records' places, kept without a copy of each id or file
//! label: the embedded defaults' 23,000 records would otherwise cost two allocations each when a
//! process starts (a sixth of reading them), for an index that only looks ids up and places that
//! only errors show.

use once_cell::sync::OnceCell;

use super::EntityRecord;
use crate::error::Location;
use crate::str_index::StrIndex;

/// The index of each record by its id, keyed by the id's hash (see [`StrIndex`]).
#[derive(Debug, Clone, Default)]
pub(super) struct IdIndex(StrIndex);

impl IdIndex {
    pub(super) fn with_capacity(n: usize) -> IdIndex {
        IdIndex(StrIndex::with_capacity(n))
    }

    /// The index of the record with `id` among `records` (which this indexes).
    pub(super) fn get(&self, records: &[EntityRecord], id: &str) -> Option<usize> {
        self.0.get(id, |i| records[i].id.as_str())
    }

    /// Indexes `records[i]`, whose id is not known yet: false (and nothing changes) if it is.
    pub(super) fn add(&mut self, records: &[EntityRecord], i: usize) -> bool {
        self.0.insert(&records[i].id, i, |k| records[k].id.as_str()).is_ok()
    }
}

/// Where each record was defined: its file's label (the same label once for a run of records
/// from one file), line and column; made into [`Location`]s the first time one is asked for.
#[derive(Debug, Clone, Default)]
pub(super) struct Places {
    labels: Vec<String>,
    // (index into `labels`, line, column) per record
    places: Vec<(usize, usize, usize)>,
    locations: OnceCell<Vec<Location>>,
}

impl Places {
    pub(super) fn reserve(&mut self, n: usize) {
        self.places.reserve(n);
    }

    /// The label's index in `labels`: the last one's if it is the same label.
    fn label(&mut self, label: &str) -> usize {
        if self.labels.last().map(String::as_str) != Some(label) {
            self.labels.push(label.to_string());
        }
        self.labels.len() - 1
    }

    /// Appends the place of the next record.
    pub(super) fn push(&mut self, label: &str, line: usize, column: usize) {
        let file = self.label(label);
        self.places.push((file, line, column));
        self.locations.take();
    }

    /// Sets the place of record `i` (one that replaces an earlier record).
    pub(super) fn set(&mut self, i: usize, label: &str, line: usize, column: usize) {
        let file = self.label(label);
        self.places[i] = (file, line, column);
        self.locations.take();
    }

    /// The place of record `i`.
    pub(super) fn get(&self, i: usize) -> Option<&Location> {
        let locations = self.locations.get_or_init(|| {
            let label = |file: usize| self.labels.get(file).map_or("", String::as_str);
            self.places.iter().map(|&(file, line, column)| Location::new(label(file), line, column)).collect()
        });
        locations.get(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityKind;

    fn record(id: &str) -> EntityRecord {
        EntityRecord::new(id, EntityKind::Place, id)
    }

    #[test]
    fn an_id_whose_hash_is_taken_is_found_by_name() {
        let records = vec![record("place:a"), record("place:b")];
        let mut index = IdIndex::default();
        assert!(index.add(&records, 0));
        // as if `place:b` hashed like `place:a`
        index.0.collide("place:b", 0);
        assert!(index.add(&records, 1));
        assert!(!index.add(&records, 1), "a known id is not added twice");
        assert_eq!(index.get(&records, "place:a"), Some(0));
        assert_eq!(index.get(&records, "place:b"), Some(1));
        assert_eq!(index.get(&records, "place:c"), None);
    }

    #[test]
    fn places_share_labels_and_follow_changes() {
        let mut places = Places::default();
        places.push("a.jsonl", 1, 1);
        places.push("a.jsonl", 2, 1);
        assert_eq!(places.get(1), Some(&Location::new("a.jsonl", 2, 1)));
        places.push("b.jsonl", 1, 3);
        places.set(0, "c.jsonl", 4, 1);
        assert_eq!(places.labels.len(), 3);
        assert_eq!(places.get(0), Some(&Location::new("c.jsonl", 4, 1)));
        assert_eq!(places.get(2), Some(&Location::new("b.jsonl", 1, 3)));
        assert_eq!(places.get(3), None);
    }
}
