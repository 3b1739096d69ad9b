//! Relation kinds and the events they code: the kind table (`rules/kinds.toml` and any
//! `[kinds.<name>]` tables of rule files) read through the CAMEO → PLOVER table
//! (`rules/cameo-plover.tsv`).

use std::collections::HashMap;

use once_cell::sync::Lazy;
use serde::Deserialize;

use crate::document::RelationKind;
use crate::error::{Error, Location, Result};
use crate::event::{Event, EventType};

/// The index of a kind in a rule set's kind table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct KindId(u16);

impl KindId {
    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// The kind table every rule set starts from, embedded at compile time.
pub const DEFAULT_KINDS: (&str, &str) = ("rules/kinds.toml", include_str!("../../rules/kinds.toml"));
/// The CAMEO → PLOVER table, embedded at compile time.
const CAMEO_PLOVER: (&str, &str) = ("rules/cameo-plover.tsv", include_str!("../../rules/cameo-plover.tsv"));

/// CAMEO code → (PLOVER type, mode).
type CameoTable = HashMap<String, (EventType, String)>;

static CAMEO: Lazy<std::result::Result<CameoTable, String>> =
    Lazy::new(|| parse_cameo(CAMEO_PLOVER.0, CAMEO_PLOVER.1).map_err(|e| e.to_string()));

static DEFAULT_TABLE: Lazy<std::result::Result<KindTable, String>> = Lazy::new(|| {
    let mut table = KindTable::default();
    let (label, text) = DEFAULT_KINDS;
    let file = super::syntax::read_embedded(label, text).map_err(|e| e.to_string())?;
    let lines = crate::error::LineIndex::new(label, text);
    for (name, value) in &file.kinds {
        table.declare_value(&lines, name, value).map_err(|e| e.to_string())?;
    }
    Ok(table)
});

fn parse_cameo(label: &str, text: &str) -> Result<CameoTable> {
    let mut out = HashMap::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let at = |column: usize| Location::new(label, number + 1, column);
        let (Some(code), Some(kind)) = (fields.first(), fields.get(1)) else {
            return Err(Error::Rules { location: at(1), message: "expected `cameo<TAB>type<TAB>mode`".into() });
        };
        let event: EventType = kind.parse().map_err(|e: crate::event::UnknownEventType| Error::Rules {
            location: at(code.len() + 2),
            message: e.to_string(),
        })?;
        out.insert(code.to_string(), (event, fields.get(2).copied().unwrap_or("").to_string()));
    }
    Ok(out)
}

/// The PLOVER type and mode of a CAMEO code, from the embedded table.
pub(crate) fn cameo_event(code: &str) -> Option<(EventType, &'static str)> {
    match &*CAMEO {
        Ok(table) => table.get(code).map(|(t, m)| (*t, m.as_str())),
        Err(_) => None,
    }
}

/// One relation kind: the event it codes, and whether it has a direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindDef {
    /// Its name (`meet`, `accuse`).
    pub name: RelationKind,
    /// The event it codes in the present and past.
    pub event: Event,
    /// The event it codes when stated for the future ("will meet" is an AGREE).
    pub future: Option<Event>,
    /// Whether subject and object can be swapped without changing the meaning.
    pub symmetric: bool,
    /// Kinds this one is the more specific reading of: where a relation of this kind and one of
    /// those share their subject and evidence in a sentence, they are one event, and only this
    /// one is kept ("sent peacekeepers to Haiti" is aid, not also a deployment).
    pub supersedes: Vec<RelationKind>,
    /// Where it is declared.
    pub location: Location,
}

/// A kind as a rule file declares it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct KindSpec {
    /// The PLOVER type; taken from `cameo` when absent.
    event: Option<String>,
    mode: Option<String>,
    #[serde(default)]
    cameo: String,
    future: Option<String>,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    supersedes: Vec<String>,
    /// Whether this declaration replaces an earlier one of the same name.
    #[serde(default)]
    replace: bool,
}

/// The kinds a rule set knows, by name.
#[derive(Debug, Clone, Default)]
pub(crate) struct KindTable {
    kinds: Vec<KindDef>,
    by_name: HashMap<RelationKind, KindId>,
}

impl KindTable {
    /// The built-in kinds (`rules/kinds.toml`).
    pub(crate) fn defaults() -> KindTable {
        match &*DEFAULT_TABLE {
            Ok(table) => table.clone(),
            // the embedded table is checked by the tests: an error here is a build defect
            Err(e) => panic!("the embedded kind table is invalid: {e}"),
        }
    }

    pub(crate) fn id(&self, name: &str) -> Option<KindId> {
        self.by_name.get(name).copied()
    }

    pub(crate) fn get(&self, id: KindId) -> &KindDef {
        &self.kinds[id.index()]
    }

    /// Whether every kind is a built-in one, as built in.
    pub(crate) fn is_default(&self) -> bool {
        self.kinds.iter().all(|k| k.location.file == DEFAULT_KINDS.0)
    }

    /// Every kind, in order of declaration.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &KindDef> {
        self.kinds.iter()
    }

    /// The names, for messages.
    pub(crate) fn names(&self) -> String {
        let names: Vec<&str> = self.kinds.iter().map(|k| k.name.as_str()).collect();
        names.join(", ")
    }

    /// Declares the kind `name` from a `[kinds.<name>]` table of a rule file (`value`; `lines`
    /// of the file, to say where: a file declares many kinds).
    pub(crate) fn declare_value(
        &mut self,
        lines: &crate::error::LineIndex<'_>,
        name: &str,
        value: &toml::Spanned<toml::Value>,
    ) -> Result<()> {
        let location = lines.location(value.span().start);
        let fail = |message: String| Error::Rules { location: location.clone(), message };
        let spec: KindSpec = value
            .get_ref()
            .clone()
            .try_into()
            .map_err(|e: toml::de::Error| fail(format!("in kind `{name}`: {}", e.message().trim())))?;
        if name.is_empty()
            || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            return Err(fail(format!(
                "expected a kind name of lower-case letters, digits, `_` or `-`, found `{name}`"
            )));
        }
        let from_code = |code: &str| -> Result<Option<(EventType, &'static str)>> {
            if code.is_empty() {
                return Ok(None);
            }
            cameo_event(code).map(Some).ok_or_else(|| {
                fail(format!("in kind `{name}`: `{code}` is not a CAMEO code of rules/cameo-plover.tsv"))
            })
        };
        // a kind that names its type may carry a code the table lacks (CAMEO's 01 and 02 roots)
        let coded = if spec.event.is_some() { cameo_event(&spec.cameo) } else { from_code(&spec.cameo)? };
        let event_type = match (&spec.event, coded) {
            (Some(t), _) => t.parse::<EventType>().map_err(|e| fail(format!("in kind `{name}`: {e}")))?,
            (None, Some((t, _))) => t,
            (None, None) => {
                return Err(fail(format!(
                    "expected `event` (a PLOVER type) or `cameo` in kind `{name}`, found neither"
                )))
            }
        };
        let mode = spec.mode.clone().unwrap_or_else(|| match coded {
            Some((t, m)) if t == event_type => m.to_string(),
            _ => String::new(),
        });
        let event = Event { event_type, mode, cameo: spec.cameo.clone() };
        let future = match &spec.future {
            None => None,
            Some(code) => {
                from_code(code)?.map(|(t, m)| Event { event_type: t, mode: m.to_string(), cameo: code.clone() })
            }
        };
        let def = KindDef {
            name: RelationKind::new(name),
            event,
            future,
            symmetric: spec.symmetric,
            supersedes: spec.supersedes.iter().map(|k| RelationKind::new(k)).collect(),
            location: location.clone(),
        };
        match self.by_name.get(name) {
            Some(&id) => {
                let old = &self.kinds[id.index()];
                let same = old.event == def.event
                    && old.future == def.future
                    && old.symmetric == def.symmetric
                    && old.supersedes == def.supersedes;
                if !same && !spec.replace {
                    return Err(Error::Rules {
                        location: def.location,
                        message: format!(
                            "kind `{name}` is already declared at {} with another event; write `replace = true` to replace it",
                            old.location
                        ),
                    });
                }
                if !same {
                    self.kinds[id.index()] = def;
                }
            }
            None => {
                let id = u16::try_from(self.kinds.len())
                    .map(KindId)
                    .map_err(|_| fail("expected at most 65,535 relation kinds".into()))?;
                self.by_name.insert(def.name.clone(), id);
                self.kinds.push(def);
            }
        }
        Ok(())
    }

    /// Adds the kinds of `other` that this table lacks, and replaces those `other` redeclared;
    /// returns, per kind of `other`, its id here.
    pub(crate) fn merge(&mut self, other: &KindTable) -> Result<Vec<KindId>> {
        let mut ids = Vec::with_capacity(other.kinds.len());
        for def in &other.kinds {
            let id = match self.by_name.get(&def.name) {
                Some(&id) => {
                    // the other table started from the defaults too: a kind it changed was
                    // replaced there on purpose (or is a new declaration checked there)
                    if self.kinds[id.index()] != *def && def.location.file != DEFAULT_KINDS.0 {
                        self.kinds[id.index()] = def.clone();
                    }
                    id
                }
                None => {
                    let id = u16::try_from(self.kinds.len()).map(KindId).map_err(|_| Error::Rules {
                        location: def.location.clone(),
                        message: "expected at most 65,535 relation kinds".into(),
                    })?;
                    self.by_name.insert(def.name.clone(), id);
                    self.kinds.push(def.clone());
                    id
                }
            };
            ids.push(id);
        }
        Ok(ids)
    }

    /// The event of a relation of kind `id` found by a rule that may refine its code and mode,
    /// stated for the future or not.
    pub(crate) fn event(&self, id: KindId, rule_cameo: Option<&str>, rule_mode: Option<&str>, future: bool) -> Event {
        let def = self.get(id);
        if future {
            if let Some(event) = &def.future {
                return event.clone();
            }
        }
        let mut event = def.event.clone();
        if let Some(code) = rule_cameo {
            if let Some((t, m)) = cameo_event(code) {
                event = Event { event_type: t, mode: m.to_string(), cameo: code.to_string() };
            }
        }
        if let Some(mode) = rule_mode {
            event.mode = mode.to_string();
        }
        event
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_tables_load() {
        assert!(CAMEO.is_ok(), "{:?}", CAMEO.as_ref().err());
        assert!(DEFAULT_TABLE.is_ok(), "{:?}", DEFAULT_TABLE.as_ref().err());
        let table = KindTable::defaults();
        assert!(table.iter().count() >= 60);
        let meet = table.get(table.id("meet").unwrap());
        assert_eq!(meet.event, Event { event_type: EventType::Consult, mode: String::new(), cameo: "040".into() });
        assert!(meet.symmetric);
        let visit = table.get(table.id("visit").unwrap());
        assert_eq!((visit.event.event_type, visit.event.mode.as_str()), (EventType::Consult, "visit"));
    }

    #[test]
    fn every_event_type_has_a_kind() {
        let table = KindTable::defaults();
        for t in EventType::ALL {
            assert!(table.iter().any(|k| k.event.event_type == t), "no kind codes {t}");
        }
    }

    #[test]
    fn future_cooperation_is_an_intent_and_future_retreat_a_concession() {
        let table = KindTable::defaults();
        let meet = table.id("meet").unwrap();
        assert_eq!(table.event(meet, None, None, true).event_type, EventType::Agree);
        let withdraw = table.id("withdraw").unwrap();
        assert_eq!(table.event(withdraw, None, None, true).event_type, EventType::Concede);
        // a conflictual action stated for the future is a threat of it (the PLOVER manual: a single
        // category, THREATEN, rather than ASSAULT + future or hypothetical)
        let attack = table.id("attack").unwrap();
        assert_eq!(table.event(attack, None, None, true).event_type, EventType::Threaten);
        assert_eq!(table.event(attack, None, None, false).event_type, EventType::Assault);
        let sanction = table.id("sanction").unwrap();
        assert_eq!(table.event(sanction, None, None, true).event_type, EventType::Threaten);
    }

    #[test]
    fn a_rule_code_refines_the_kind() {
        let table = KindTable::defaults();
        let accuse = table.id("accuse").unwrap();
        let e = table.event(accuse, Some("1121"), None, false);
        assert_eq!((e.event_type, e.mode.as_str(), e.cameo.as_str()), (EventType::Accuse, "allege", "1121"));
    }
}
