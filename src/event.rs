//! Events in the PLOVER ontology: the type, mode and CAMEO code every relation carries.
//!
//! PLOVER (v0.8) is the event ontology of POLECAT and the successor of CAMEO's twenty roots: sixteen
//! event types, each with optional modes (how it happened: a CONSULT by `phone` or as a `visit`)
//! and contexts. attache's relation kinds (`meet`, `accuse`, `attack`, …) are finer verb classes;
//! each maps to one PLOVER type and a CAMEO code in the kind table (`rules/kinds.toml`), which a
//! rule may refine with its own mode and code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A PLOVER v0.8 event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    /// Agree to, or express intent to, cooperate, meet, give aid, yield (CAMEO 03).
    Agree,
    /// Meet, visit, host, talk by phone, negotiate, mediate (CAMEO 04).
    Consult,
    /// Praise, endorse, defend verbally, recognise, apologise (CAMEO 05).
    Support,
    /// Yield: ease restrictions, release, comply, resign (CAMEO 08 in part).
    Concede,
    /// Cooperate materially: economic, military, judicial, intelligence (CAMEO 06).
    Cooperate,
    /// Provide aid: economic, military, humanitarian, asylum (CAMEO 07).
    Aid,
    /// Withdraw, de-escalate, disarm, cease fire (CAMEO 08 in part).
    Retreat,
    /// Ask, appeal, demand (CAMEO 02, 10).
    Request,
    /// Criticise, accuse, denounce, sue (CAMEO 11).
    Accuse,
    /// Reject, refuse, veto, defy (CAMEO 12).
    Reject,
    /// Threaten force, sanctions, an ultimatum (CAMEO 13).
    Threaten,
    /// Cut ties, expel, impose embargoes and sanctions (CAMEO 16).
    Sanction,
    /// Demonstrate, strike, riot, boycott (CAMEO 14).
    Protest,
    /// Put forces on alert, deploy, mobilise (CAMEO 15).
    Mobilize,
    /// Arrest, detain, seize, ban, deport, censor (CAMEO 17).
    Coerce,
    /// Attack, fight, bomb, kill, abduct (CAMEO 18, 19, 20).
    Assault,
}

impl EventType {
    /// Every type, in the manual's order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Sanction,
        EventType::Protest,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// The upper-case name (`CONSULT`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Sanction => "SANCTION",
            EventType::Protest => "PROTEST",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Whether the type is cooperative: PLOVER codes such an action stated for the future as
    /// AGREE (an intent), not as the action itself.
    pub fn is_cooperative(self) -> bool {
        matches!(
            self,
            EventType::Consult
                | EventType::Support
                | EventType::Concede
                | EventType::Cooperate
                | EventType::Aid
                | EventType::Retreat
        )
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name of an event type that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEventType(pub String);

impl fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
        write!(f, "expected a PLOVER event type ({}), found `{}`", known.join(", "), self.0)
    }
}

impl std::error::Error for UnknownEventType {}

impl FromStr for EventType {
    type Err = UnknownEventType;

    /// Parses a type name in any case (`ACCUSE`, `accuse`).
    fn from_str(s: &str) -> Result<EventType, UnknownEventType> {
        let upper = s.trim().to_ascii_uppercase();
        EventType::ALL.iter().copied().find(|t| t.as_str() == upper).ok_or_else(|| UnknownEventType(s.to_string()))
    }
}

/// The event a relation reports: `{"type": "CONSULT", "mode": "visit", "cameo": "042"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    /// The PLOVER event type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The PLOVER mode (`phone`, `visit`, `demo`, …), empty where none applies.
    #[serde(default)]
    pub mode: String,
    /// The most specific CAMEO code known (`042`), empty when none is.
    #[serde(default)]
    pub cameo: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_round_trip_through_their_names_and_json() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
            assert_eq!(t.as_str().to_lowercase().parse::<EventType>(), Ok(t));
            assert_eq!(serde_json::to_string(&t).ok(), Some(format!("\"{}\"", t.as_str())));
        }
        let err = "CONDEMN".parse::<EventType>().unwrap_err().to_string();
        assert!(err.contains("found `CONDEMN`") && err.contains("ACCUSE"), "{err}");
    }

    #[test]
    fn an_event_serialises_as_the_contract_says() {
        let e = Event { event_type: EventType::Consult, mode: "visit".into(), cameo: "042".into() };
        assert_eq!(
            serde_json::to_string(&e).ok().as_deref(),
            Some(r#"{"type":"CONSULT","mode":"visit","cameo":"042"}"#)
        );
    }
}
