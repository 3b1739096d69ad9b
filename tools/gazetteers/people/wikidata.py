"""Stages 4 and 6 of people: Wikidata (CC0). Its heads of state and government give the Factbook
holders their press spelling and QID (`match_heads`); heads the Factbook lacks, foreign ministers and
heads of international organisations become records or roles of their own."""

import difflib
import re
from collections import defaultdict

from ..common import Rec, ascii_fold, slug
from ..curated import INTL_OFFICES, LABEL_HONORIFICS, QUEENS_REGNANT, SURNAME_STOP, WIKIDATA_HEAD_POSITIONS
from .aliases import add_article_surnames, add_nasab_short
from .names import dynasty_name, name_parts, nasab, skeleton


def wikidata_person(recs, name, qid, iso3=None):
    """The person record of a Wikidata office holder, by the slug of the name: the known one, or a
    new one (with its surname alias) added to recs. Returns (record, whether it is new)."""
    label = name
    first, _, rest = name.partition(" ")
    if first in LABEL_HONORIFICS and len(rest.split()) >= 2:
        name = rest
    rid = f"person:{slug(ascii_fold(name))}"
    r = recs.get(rid)
    if r is not None:
        return r, False
    # the same Wikidata item under another label ("Hassanal Bolkiah" the foreign minister,
    # "Hassanal Bolkiah I of Brunei" the Sultan): one record
    r = next((x for x in recs.values() if x.attrs.get("wikidata") == qid), None)
    if r is not None:
        r.add(name)
        r.add(label)
        return r, False
    r = Rec(rid, "person", name, f"Wikidata {qid}")
    r.add(label)
    add_nasab_short(r, name)
    if iso3:
        r.attrs["country"] = iso3
    r.attrs["wikidata"] = qid
    r.priority = 20
    parts = name_parts(name)
    # a ruling family's name ("Al Saud", "Al Nahyan") names none of its members alone
    if len(parts) >= 2 and parts[-1] not in SURNAME_STOP and len(parts[-1]) >= 3 and not dynasty_name(name):
        r.add(parts[-1], "surname")
    add_article_surnames(r, name)
    recs[rid] = r
    return r, True


def wikidata_position(pos, label):
    """(office, title) of a Wikidata position label ("Prime Minister of Thailand", "monarch of
    Belize", "Druk Gyalpo"), or (None, None) for members of collegial bodies and vague positions
    ("State Administration Council", "military leader"), which are not one holder of an office."""
    p = pos.lower()
    if re.match(r"(state administration council|military leader|revolucionario)", p):
        return None, None
    if p.startswith("governor-general"):
        return "other", "Governor-General"
    if p.startswith("member of"):
        return "head-of-government", "Member"
    for w, t in WIKIDATA_HEAD_POSITIONS:
        if p.startswith(w):
            return "head-of-state", t
    if p.startswith("monarch"):
        return "head-of-state", "Queen" if label in QUEENS_REGNANT else "King"
    if re.match(r"president of the (pontifical commission|governorate)", p):
        return "head-of-government", "President of the Governorate"
    if re.match(r"(prime minister|premier|chancellor|federal chancellor|taoiseach|minister of state|chairman of the council of ministers)", p):
        title = re.sub(r"\s+of\s+.*$", "", pos)
        return "head-of-government", title[:1].upper() + title[1:]
    if p.startswith("president"):
        return "head-of-state", "President"
    return "head-of-government", re.sub(r"\s+of\s+.*$", "", pos)


def country_by_name(by_iso3):
    """{country name or name alias (lower case): ISO alpha-3}, for Wikidata's country labels."""
    name_to_iso3 = {}
    for iso3, r in by_iso3.items():
        name_to_iso3[r.name.lower()] = iso3
        for t, c, f in r.aliases:
            if f in ("name",):
                name_to_iso3.setdefault(t.lower(), iso3)
    return name_to_iso3


def match_heads(rows, people, name_to_iso3):
    """Each Wikidata head of state or government that is a Factbook holder of that country joins the
    holder's entry in `people` (its "wd" list); returns the others as [(iso3, row)]."""
    by_country = defaultdict(list)
    for key, per in people.items():
        by_country[per["iso3"]].append((key, per))
    wd_unmatched = []
    for row in sorted(rows, key=lambda r: (r["country"], r["officeholderLabel"], r["start_year"])):
        iso3 = name_to_iso3.get(row["country"].lower())
        if not iso3 or not row["officeholderLabel"] or re.fullmatch(r"Q\d+", row["officeholderLabel"]):
            continue
        label = row["officeholderLabel"]
        best = best_holder(label, by_country[iso3])
        if best is not None and label_confirms(label, best):
            best.setdefault("wd", []).append(row)
        else:
            wd_unmatched.append((iso3, row))
    return wd_unmatched


def best_holder(label, candidates):
    """The Factbook holder (of `candidates`, [(key, person)] of one country) whose surname and given
    names are closest to a Wikidata label's, or None."""
    lab = [skeleton(t) for t in label.split()]
    best, score = None, (0.0,)
    for key, per in candidates:
        sur = skeleton(per["p"]["surname"])
        given_toks = [skeleton(t) for t in per["p"]["given"] + per["p"]["trailing"] if skeleton(t)]
        given = {t[:1] for t in given_toks}
        if not lab or (given and not given & {lab[0][:1], lab[-1][:1]}) or (not given and lab[0] != sur):
            continue
        surs = {sur} | {skeleton(x) for x in re.split(r"[-\s]", per["p"]["surname"]) if len(skeleton(x)) >= 3}
        # the label's surname token, and the rest as its given name: the given names must agree
        # too, so "Chen Shui-bian" is not taken for "Sean CHEN", nor "Li Keqiang" for "LI Qiang"
        spans = [(i, i + 1) for i in range(len(lab))] + [(1, len(lab)), (0, len(lab))]
        for (i, j), sv in [(sp, sv) for sp in spans for sv in surs]:
            t = "".join(lab[i:j])
            rest = "".join(lab[:i] + lab[j:])
            gs = difflib.SequenceMatcher(None, "".join(given_toks), rest).ratio() if given_toks else 0.0
            if given_toks and rest and not {x[:1] for x in lab[:i] + lab[j:]} & given:
                continue
            if (i == 0 and j < len(lab) and given_toks and not per["p"]["caps_first"]
                    and not any(x and (x.startswith(given_toks[0]) or given_toks[0].startswith(x)) for x in lab[j:])):
                continue  # a family-name-first label for a given-name-first holder: the given name must be there
            sc = difflib.SequenceMatcher(None, sv, t).ratio()
            if sv[:1] != t[:1]:  # "Rösti" is not "BERSET"
                continue
            if sc >= 0.8 and (sc + 0.5 * gs, per["eds"][-1]) > score:
                best, score = per, (sc + 0.5 * gs, per["eds"][-1])
    return best


def label_confirms(label, best):
    """The checks a label must pass beyond its surname and given names to name the holder `best`."""
    # the label's first word must be in one of the holder's Factbook names, loosely: "Mohammed
    # bin Rashid Al Maktoum" is not "MAKTUM bin Rashid al-Maktum" (his brother), "Mohammad Sabah
    # Al-Salem Al-Sabah" not "Nasir al-Muhammad al-Ahmad al-SABAH"
    words = {skeleton(w) for n in best["names"] for w in re.split(r"[-\s]", n) if skeleton(w)}
    first = skeleton(re.split(r"[-\s,]", label)[0])
    if len(first) >= 3 and not any(difflib.SequenceMatcher(None, first, x).ratio() >= 0.6 for x in words):
        return False
    # a ruling family's name is shared by every holder ("Sabah Al-Khalid Al-SABAH", Prime
    # Minister 2019-2022, is not Amir "SABAH al-Ahmad al-Jabir al-Sabah"): the given name and
    # the father's name, in order, must both agree
    if dynasty_name(label):
        lab2 = nasab(label)
        lab2 = lab2[:2]
        if not any(len(nasab(n)) >= 2 and len(lab2) >= 2 and all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
                                                                 for a, b in zip(lab2, nasab(n)))
                   for n in best["names"]):
            return False
    return True


def add_unmatched_heads(recs, wd_unmatched, places):
    """Wikidata heads not in the Factbook: year precision. A label that is a name or alias of a
    Factbook holder of that country ("Paetongtarn Shinawatra", the Factbook's "also spelled") is
    that holder. `places` as `holders.title_places` gives them."""
    by_alias = {}
    for r in recs.values():
        for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")]:
            by_alias.setdefault((r.attrs.get("country"), ascii_fold(t).lower()), r)
    # a one-word label ("Vajiralongkorn") is the holder whose one-word alias it is
    for r in recs.values():
        for t in [a[0] for a in r.aliases if a[2] == "surname" and " " not in a[0]]:
            by_alias.setdefault((r.attrs.get("country"), ascii_fold(t).lower()), r)
    for iso3, row in wd_unmatched:
        name = row["officeholderLabel"]
        office, title = wikidata_position(row["positionLabel"], name)
        if not office:
            continue
        known = by_alias.get((iso3, ascii_fold(name).lower()))
        # a monarch's label names the realm ("Harald V of Norway", "Hassanal Bolkiah I of Brunei"):
        # the Factbook's "King HARALD V"
        m = re.match(r"^(.*?)(?:\s+I)?\s+of\s+(?:the\s+)?(.+)$", name)
        if known is None and m and m.group(2).lower() in places:
            known = by_alias.get((iso3, ascii_fold(m.group(1)).lower()))
        # "Salman bin Abdulaziz Al Saud" is the Factbook's "SALMAN bin Abd al-Aziz Al Saud": same
        # given, father's and family names
        if known is None and len(nasab(name)) >= 3:
            ln = nasab(name)
            same = [r for r in recs.values() if r.attrs.get("country") == iso3 and len(nasab(r.name)) >= 3
                    and nasab(r.name)[:2] == ln[:2] and nasab(r.name)[-1] == ln[-1]]
            if len(same) == 1:
                known = same[0]
        if known is not None and f"person:{slug(ascii_fold(name))}" not in recs:
            r = known
            r.add(name)
            r.attrs.setdefault("wikidata", row["officeholder"])
            r.src(f"Wikidata {row['officeholder']}")
        else:
            r, _ = wikidata_person(recs, name, row["officeholder"], iso3)
        ro = {"title": title, "office": office, "of": f"country:{iso3}", "start": f"{row['start_year']}-01-01"}
        if row["end_year"]:
            ro["end"] = f"{row['end_year']}-12-31"
        if not any(x["office"] == office and x["of"] == ro["of"] for x in r.roles):
            r.roles.append(ro)


def add_foreign_ministers(rows, recs, name_to_iso3):
    """Foreign ministers (Wikidata, 2022-12-10 snapshot): a role of a known person or a new one."""
    for row in sorted(rows, key=lambda r: (r["countryLabel"], r["name"])):
        iso3 = name_to_iso3.get(row["countryLabel"].lower())
        name = row["name"]
        if not iso3 or not name or re.fullmatch(r"Q\d+", name):
            continue
        r, new = wikidata_person(recs, name, row["person"], iso3)
        if not new:
            r.src(f"Wikidata {row['person']}")
        ro = {"title": "Foreign Minister", "office": "foreign-minister", "of": f"country:{iso3}"}
        if row["start"]:
            ro["start"] = row["start"][:10]
        r.roles.append(ro)


def add_intl_officeholders(rows, recs, orgs):
    """Heads of the international organisations of INTL_OFFICES that `orgs` has."""
    org_ids = {o.id for o in orgs}
    for row in sorted(rows, key=lambda r: (r["position"], r["start"], r["person"])):
        off = INTL_OFFICES.get(row["position"])
        if not off or f"organization:{off[0]}" not in org_ids:
            continue
        name = row["person"]
        r, new = wikidata_person(recs, name, row["personID"])
        if not new:
            r.src(f"Wikidata {row['personID']}")
        ro = {"title": off[1], "office": "head-of-organization", "of": f"organization:{off[0]}"}
        if row["start"]:
            ro["start"] = row["start"][:10]
        if row["end"]:
            ro["end"] = row["end"][:10]
        r.roles.append(ro)
