//! The embedded default gazetteers in a compact binary form, written at build time by `build.rs`
//! from `gazetteers/*.jsonl`: reading it costs a tenth of parsing the JSON (no escapes, no key
//! matching, no date parsing), which is most of what starting a process costs.
//!
//! Layout (integers are LEB128): `ATTG3`, the length of the strings and the strings (every
//! distinct string of the records once, UTF-8, checked once here), the number of files and their
//! labels (length and bytes), the number of records, the index of the record that starts the
//! second half and where it starts (from the first record), then per record: file (index), line,
//! column, id, kind (byte), name, aliases (count; text, case byte — 3 when the file gives none —,
//! form byte), attrs (count; key, value, sorted by key), roles (count; title, office byte, of,
//! start, end, actor), members (count; id), priority (zigzag), source. A date is 0 (none), 1 and
//! year, month, day, or 2 and text; a string is where it starts in the strings and its length; an
//! optional string is 0, or 1 and the string. The strings once, not each where it is used, make
//! the data 2.6 MB instead of 4.3 MB, and checking them as UTF-8 once saves a tenth of reading it.
//!
//! The records come in the order the gazetteer holds them (a later file's record with a known id
//! in the place of the earlier one), so reading appends them; the two halves are read at once on
//! two cores, each record's allocations (a dozen strings) being most of what reading costs.
//!
//! `tests/gazetteers.rs` checks that this decodes to exactly what the JSON Lines reader makes of
//! the same files.

use std::collections::BTreeMap;

use super::{Alias, AliasForm, CasePolicy, EntityKind, EntityRecord, Gazetteer, Office, Role};
use crate::date::Date;

/// The compact form of [`super::DEFAULT_FILES`].
static DEFAULTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteers.bin"));

/// The gazetteer of the default files; an error names what is broken (which only a build script
/// out of step with this reader can cause).
pub(super) fn default_gazetteer() -> Result<Gazetteer, String> {
    let mut r = Reader { bytes: DEFAULTS, at: 0, strings: "" };
    if r.take(5)? != b"ATTG3" {
        return Err("the compact gazetteers do not start with ATTG3".into());
    }
    let length = r.uint()?;
    r.strings = std::str::from_utf8(r.take(length)?).map_err(|e| e.to_string())?;
    let labels = (0..r.uint()?)
        .map(|_| {
            let n = r.uint()?;
            std::str::from_utf8(r.take(n)?).map_err(|e| e.to_string())
        })
        .collect::<Result<Vec<&str>, String>>()?;
    let (count, half, half_offset) = (r.uint()?, r.uint()?, r.uint()?);
    let records = Reader { bytes: &r.bytes[r.at..], at: 0, strings: r.strings };
    if half > count || half_offset > records.bytes.len() {
        return Err("the compact gazetteers' halves lie outside them".into());
    }
    let first = Reader { bytes: &records.bytes[..half_offset], ..records };
    let second = Reader { at: half_offset, ..records };
    let mut g = Appender { gazetteer: Gazetteer::new(), repeated: false };
    g.gazetteer.entities.reserve(count);
    g.gazetteer.places.reserve(count);
    g.gazetteer.by_id = super::index::IdIndex::with_capacity(count);
    let (first, later) = crate::threads::join(
        || first.read(half, &labels, |record, place| g.push(record, place)),
        || {
            let mut out = Vec::with_capacity(count - half);
            second.read(count - half, &labels, |record, place| out.push((record, place))).map(|()| out)
        },
    );
    first?;
    for (record, place) in later? {
        g.push(record, place);
    }
    if g.repeated {
        return Err("an id repeats in the compact gazetteers".into());
    }
    Ok(g.gazetteer)
}

/// A gazetteer the records are appended to, with whether an id came twice (the compact form's
/// ids are all distinct, and replaced records are in their place already).
struct Appender {
    gazetteer: Gazetteer,
    repeated: bool,
}

impl Appender {
    fn push(&mut self, record: EntityRecord, (label, line, column): Place<'_>) {
        let g = &mut self.gazetteer;
        g.entities.push(record);
        if !g.by_id.add(&g.entities, g.entities.len() - 1) {
            self.repeated = true;
        }
        g.places.push(label, line, column);
    }
}

/// Where a record was defined: its file's label, line and column.
type Place<'a> = (&'a str, usize, usize);

#[derive(Clone, Copy)]
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    strings: &'a str,
}

impl<'a> Reader<'a> {
    /// Reads `count` records, to the end of the bytes, each with its place to `out`.
    fn read(
        mut self,
        count: usize,
        labels: &[&'a str],
        mut out: impl FnMut(EntityRecord, Place<'a>),
    ) -> Result<(), String> {
        for _ in 0..count {
            let label = *labels.get(self.uint()?).ok_or("bad file index")?;
            let (line, column) = (self.uint()?, self.uint()?);
            let record = self.record().map_err(|e| format!("{label}:{line}: {e}"))?;
            out(record, (label, line, column));
        }
        if self.at != self.bytes.len() {
            return Err("the compact gazetteers' records do not end where they should".into());
        }
        Ok(())
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or("truncated")?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("truncated")?;
        self.at += 1;
        Ok(b)
    }

    #[inline]
    fn uint(&mut self) -> Result<usize, String> {
        // most integers (lengths, counts, lines) take one byte
        match self.bytes.get(self.at) {
            Some(&b) if b < 0x80 => {
                self.at += 1;
                Ok(usize::from(b))
            }
            _ => self.long_uint(),
        }
    }

    fn long_uint(&mut self) -> Result<usize, String> {
        crate::leb128::read(self.bytes, &mut self.at).map_err(String::from)
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let (start, n) = (self.uint()?, self.uint()?);
        start.checked_add(n).and_then(|end| self.strings.get(start..end)).ok_or_else(|| "bad string".into())
    }

    fn string(&mut self) -> Result<String, String> {
        self.str().map(str::to_string)
    }

    fn optional(&mut self) -> Result<Option<String>, String> {
        match self.byte()? {
            0 => Ok(None),
            _ => self.string().map(Some),
        }
    }

    fn date(&mut self) -> Result<Option<Date>, String> {
        match self.byte()? {
            0 => Ok(None),
            1 => {
                let (y, m, d) = (self.uint()?, self.uint()?, self.uint()?);
                let date = (|| Date::new(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?))();
                date.map(Some).ok_or_else(|| format!("invalid date {y}-{m}-{d}"))
            }
            _ => self.str()?.parse().map(Some).map_err(|e: crate::error::Error| e.to_string()),
        }
    }

    /// A count of items that follow, each at least a byte: never more than the bytes left, so
    /// that a broken count cannot reserve much memory.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.uint()?;
        if n > self.bytes.len() - self.at {
            return Err("a count larger than what follows".into());
        }
        Ok(n)
    }

    fn record(&mut self) -> Result<EntityRecord, String> {
        let id = self.string()?;
        let kind = *EntityKind::ALL.get(usize::from(self.byte()?)).ok_or("bad kind")?;
        let name = self.string()?;
        let n = self.count()?;
        let mut aliases = Vec::with_capacity(n);
        for _ in 0..n {
            let text = self.string()?;
            let case = match self.byte()? {
                0 => CasePolicy::Exact,
                1 => CasePolicy::Capitalized,
                2 => CasePolicy::Insensitive,
                _ => CasePolicy::default_for(&text),
            };
            let form = match self.byte()? {
                0 => AliasForm::Name,
                1 => AliasForm::Short,
                2 => AliasForm::Surname,
                3 => AliasForm::Abbreviation,
                4 => AliasForm::Adjective,
                _ => AliasForm::Former,
            };
            aliases.push(Alias { text, case, form });
        }
        // one insert each: sorted by key, and few, they land at the end of one node
        let mut attrs = BTreeMap::new();
        for _ in 0..self.count()? {
            let (key, value) = (self.string()?, self.string()?);
            attrs.insert(key, value);
        }
        let n = self.count()?;
        let mut roles = Vec::with_capacity(n);
        for _ in 0..n {
            let title = self.string()?;
            let office = match self.byte()? {
                0 => Office::HeadOfState,
                1 => Office::HeadOfGovernment,
                2 => Office::ForeignMinister,
                3 => Office::HeadOfOrganization,
                _ => Office::Other,
            };
            let of = self.string()?;
            let (start, end) = (self.date()?, self.date()?);
            roles.push(Role { title, office, of, start, end, actor: self.optional()? });
        }
        let n = self.count()?;
        let mut members = Vec::with_capacity(n);
        for _ in 0..n {
            members.push(self.string()?);
        }
        let zigzag = self.uint()? as u64;
        let priority = i32::try_from(((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64)).map_err(|e| e.to_string())?;
        let source = self.optional()?;
        Ok(EntityRecord { id, kind, name, aliases, attrs, roles, members, priority, source })
    }
}
