//! Actor codes: `attrs.actor` on every entity, CAMEO style (a country plus a sector), as event
//! data codes actors.
//!
//! | entity | code |
//! |---|---|
//! | country | its code (`MLI`), or the gazetteer's `actor` |
//! | place | its country's code (news uses cities for their country's people) |
//! | person in office on the document's date | the role's `actor` when the gazetteer gives one, else the owner's: a country's office `USAGOV`, an organisation's its code (`IGOUNO`) |
//! | person out of office with an `actor` in the gazetteer | that code (a PETRARCH dictionary's undated code) |
//! | person out of office who held one | country + `ELI` (former officials, as PETRARCH codes them) |
//! | person with no office | country alone, `---` when unknown |
//! | organisation | the gazetteer's `actor`, else `IGO` for one with member states, else its country and sector for a state body (`RUSGOV` for the Kremlin), else `---` |
//! | group | set where the group is found (`groups.rs`) |
//! | document, event | `---`: not actors |
//!
//! A pass over a finished [`Resolution`]; it only adds the attribute.

use crate::date::Date;
use crate::gazetteer::{EntityKind, Gazetteer};

use super::{Resolution, Resolver};

/// The code of "no country known", as CAMEO writes it.
const UNKNOWN: &str = "---";

/// Sets `attrs.actor` on every entity of `resolution` that has none.
pub(crate) fn code_actors(resolver: &Resolver, gazetteer: &Gazetteer, date: Date, resolution: &mut Resolution) {
    for e in 0..resolution.entities.len() {
        // a person's office on the date wins over the code the gazetteer gives the person
        let entity = &resolution.entities[e];
        if entity.attrs.contains_key("actor") && (entity.kind != EntityKind::Person || entity.gazetteer.is_none()) {
            continue;
        }
        let code = actor_code(resolver, gazetteer, date, resolution, e);
        resolution.entities[e].attrs.insert("actor".into(), code);
    }
}

fn actor_code(resolver: &Resolver, gazetteer: &Gazetteer, date: Date, resolution: &Resolution, e: usize) -> String {
    let entity = &resolution.entities[e];
    let record = entity.gazetteer.and_then(|g| gazetteer.entities().get(g));
    let country = entity.attrs.get("country").cloned();
    match entity.kind {
        EntityKind::Country => {
            entity.attrs.get("iso3").cloned().unwrap_or_else(|| entity.id.trim_start_matches("country:").to_string())
        }
        EntityKind::Place => country.unwrap_or_else(|| UNKNOWN.into()),
        EntityKind::Organization => match record {
            Some(r) if !r.members.is_empty() => "IGO".into(),
            // a state's body ("the Kremlin", "the Pentagon", "the Knesset"): the country and the
            // record's sector, government unless it says otherwise
            _ => match &country {
                Some(c) => format!("{c}{}", entity.attrs.get("sector").map_or("GOV", String::as_str)),
                None => UNKNOWN.into(),
            },
        },
        EntityKind::Person => {
            let held = entity.gazetteer.and_then(|g| resolver.role_on(gazetteer, g, date));
            if let Some((role, owner)) = held {
                if let Some(code) = &role.actor {
                    return code.clone();
                }
                let owner = &gazetteer.entities()[owner];
                return match owner.kind {
                    EntityKind::Country => {
                        let iso3 = owner.attrs.get("iso3").cloned();
                        format!("{}GOV", iso3.unwrap_or_else(|| owner.id.trim_start_matches("country:").to_string()))
                    }
                    _ => owner.attrs.get("actor").cloned().unwrap_or_else(|| "IGO".into()),
                };
            }
            if let Some(code) = entity.attrs.get("actor") {
                return code.clone();
            }
            let held_before = record.is_some_and(|r| r.roles.iter().any(|role| role.end.is_some_and(|end| end < date)));
            let base = country.unwrap_or_else(|| UNKNOWN.into());
            if held_before {
                format!("{base}ELI")
            } else if entity.gazetteer.is_none() && entity.attrs.contains_key("role") {
                // introduced by an office title ("Kenyan Interior Minister ...")
                format!("{base}GOV")
            } else {
                base
            }
        }
        EntityKind::Group => entity.attrs.get("actor").cloned().unwrap_or_else(|| UNKNOWN.into()),
        EntityKind::Document | EntityKind::Event | EntityKind::Money => UNKNOWN.into(),
    }
}
