"""Person names: short forms and surname aliases, Wikidata office holders as records, and the keys
that cluster spellings of one person's name."""

import re

from .common import *  # noqa: F401,F403  (helpers and constants)
from .curated import *  # noqa: F401,F403  (the curated tables)
from .factbook_holders import *  # noqa: F401,F403  (titles, name particles)


NAME_SUFFIXES = {"Sr.", "Sr", "Jr.", "Jr", "II", "III", "IV", "Snr", "Jnr", "PhD", "KC", "QC", "GCMG", "KBE", "OBE"}


def add_article_surnames(r, name):
    """ "Bashar al-Assad", "Abd-al-Fattah al-Burhan": news names them "Assad", "al-Assad", "Burhan";
    the surname without its Arabic article is a surname-form alias, unless it is a ruling family's
    name or a common given name ("al-Sabah", "al-Khalifa")."""
    m = re.search(r"\b(?:al|el|as|ad|ar|ash|at|az|an)-([A-Z][a-z'’]{3,})$", name)
    if not m:
        return
    bare = m.group(1).rstrip("'’")
    if (bare.lower() in DYNASTIES or bare in SURNAME_STOP or bare in COMMON_GIVEN_NAMES or bare in COMMON_SURNAMES
            or len(bare) < 4):
        return
    r.add(bare, "surname")


# Honorifics some Wikidata labels begin with ("Prince Faisal bin Farhan Al Saud", "Sheikh Abdullah
# bin Zayed Al Nahyan", "Archbishop Paul Gallagher", "Dr. Narayan Khadka"): not part of the name; the
# label stays an alias.
LABEL_HONORIFICS = ("Prince", "Princess", "Sheikh", "Shaikh", "Archbishop", "Cardinal", "Dr.", "Dr")


def add_nasab_short(r, name):
    """ "Faisal bin Farhan Al Saud", "Tamim bin Hamad Al Thani": news writes the given and the
    father's names alone ("Faisal bin Farhan", "Tamim bin Hamad"), an alias."""
    m = re.match(r"^([A-Z][\w'-]+ (?:bin|bint|ibn) [A-Z][\w'-]+)(?: (?:bin|ibn) [A-Z][\w'-]+)* (?:Al|al|Al-|al-)[ -]?[A-Z][\w'-]+$", name)
    if m:
        r.add(m.group(1))


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
    heads = [("druk gyalpo", "King"), ("yang di-pertuan agong", "King"), ("o le ao o le malo", "Head of State"),
             ("pope", "Pope"), ("episcopal co-prince", "Co-prince"), ("french co-prince", "Co-prince"),
             ("supreme leader", "Supreme Leader"), ("chairman of the presidential council", "Chairman"),
             ("captain regent", "Captain Regent"), ("emperor", "Emperor"), ("emir", "Emir"), ("sultan", "Sultan"),
             ("grand duke", "Grand Duke"), ("prince", "Prince"), ("king", "King"), ("queen", "Queen")]
    for w, t in heads:
        if p.startswith(w):
            return "head-of-state", t
    if p.startswith("monarch"):
        return "head-of-state", "Queen" if label in ("Elizabeth II", "Margrethe II") else "King"
    if re.match(r"president of the (pontifical commission|governorate)", p):
        return "head-of-government", "President of the Governorate"
    if re.match(r"(prime minister|premier|chancellor|federal chancellor|taoiseach|minister of state|chairman of the council of ministers)", p):
        title = re.sub(r"\s+of\s+.*$", "", pos)
        return "head-of-government", title[:1].upper() + title[1:]
    if p.startswith("president"):
        return "head-of-state", "President"
    return "head-of-government", re.sub(r"\s+of\s+.*$", "", pos)


# Ruling families whose name every member bears (lower case, without "al-").
DYNASTIES = {"sabah", "thani", "nahyan", "nuhayyan", "nuhayan", "maktoum", "maktum", "saud", "khalifa", "said", "qasimi",
             "nuaimi", "sharqi", "mualla", "bolkiah"}


def nasab(n):
    """The skeletons of an Arabic name's words without "al", "bin", "ibn": the given name, the
    father's, ..., the family's. "Abd al-Aziz" / "Abdulaziz" and "Abd al-Rahman" / "Abdulrahman" are
    one word each."""
    words = [w for w in re.split(r"[-\s,]+", ascii_fold(n).lower()) if w and w not in ("al", "el", "bin", "ibn", "bint")]
    merged = []
    for w in words:
        if merged and merged[-1] in ("abd", "abdul", "abdel"):
            merged[-1] = "abd" + w
        else:
            merged.append(re.sub(r"^abd(ul|al|el|ur|ar|us|as)", "abd", w))
    return [skeleton(w) for w in merged if skeleton(w)]


def dynasty_name(name):
    """Whether `name` ends with a ruling family's name ("... Al-Sabah", "... Al Thani")."""
    last = re.split(r"[-\s]+", ascii_fold(name).lower().strip())[-1]
    return last in DYNASTIES


def name_parts(name):
    """A name's words without a trailing generational suffix or honorific: its last word is the surname."""
    parts = name.replace(",", " ").split()
    while len(parts) > 2 and parts[-1] in NAME_SUFFIXES:
        parts.pop()
    return parts


def surname_key(text):
    """The skeleton, or for one-consonant surnames the folded spelling: "BA" and "BOYE" share the skeleton "b"."""
    sk = skeleton(text)
    return sk if len(sk) >= 2 else re.sub(r"[^a-z]", "", ascii_fold(text).lower())


def person_key(iso3, p):
    sur = surname_key(p["surname"])
    if p["caps_first"]:
        given = re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    else:
        g = [t for t in p["given"] if not re.fullmatch(r"[A-Z]\.?", t)]
        given = skeleton(g[0] if g else "")[:1]
    return (iso3, sur, given)


GIVEN_NOISE = {"muhammad", "mohammad", "mohammed", "mohamed", "mian", "sheikh", "shaykh", "hajji", "haji", "dr", "gen"}


def given_words(p):
    """Given names without initials and honorific or devotional words ("Mian", "Sheikh", "Muhammad")."""
    return [t for t in p["given"] if not re.fullmatch(r"[A-Z]\.?", t) and ascii_fold(t).lower().strip(".") not in GIVEN_NOISE]


def given_skeleton(p):
    if p["caps_first"] and dynasty_name(p["name"]) and len(nasab(p["name"])) >= 3:
        return nasab(p["name"])[1]  # "ABDALLAH bin Khalifa" / "ABDALLAH bin Nasir bin Khalifa Al Thani": the father's name
    if p["caps_first"]:  # romanised Chinese/Korean given names are stable and short: compare them whole
        return re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    g = given_words(p)
    return skeleton("".join(g))


def given_fold(p):
    """The given names folded but with their vowels, to tell apart names whose skeletons are close."""
    if p["caps_first"] and dynasty_name(p["name"]) and len(nasab(p["name"])) >= 3:
        return nasab(p["name"])[1]
    if p["caps_first"]:
        return re.sub(r"[^a-z]", "", ascii_fold("".join(p["trailing"])).lower())
    g = given_words(p)
    return re.sub(r"[^a-z]", "", ascii_fold("".join(g)).lower())


# Different people whose given names no spelling rule tells apart from a respelling (cousins who
# followed each other as President of the Marshall Islands: Factbook 1996-1997 editions).
DISTINCT_GIVEN = [("amata", "imata")]


def cluster_same(a, b, caps_first):
    """Two given names (skeleton, folded) of one surname name the same person: equal, one a prefix of
    the other (an edition that dropped a given name), or a close respelling ("Kazymzhomart" /
    "Kasym-Zhomart", "Reuven" / "Reuben"). Family-name-first names compare whole given names ("LI
    Qiang" / "LI Keqiang", "KIM Jong Il" / "KIM Jong Un"). Names close only in their consonants are
    different ("Modibo" / "Mande" SIDIBE)."""
    import difflib
    (sa, fa), (sb, fb) = a, b
    if caps_first:
        # long patronymic-style given names respelled ("ISAIAS Afworki" / "ISSAIAS Afeworke") agree
        return fa == fb or (min(len(fa), len(fb)) >= 7 and fa[:1] == fb[:1]
                            and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.8)
    if (fa, fb) in DISTINCT_GIVEN or (fb, fa) in DISTINCT_GIVEN:
        return False
    if sa == sb or sa.startswith(sb) or sb.startswith(sa) or sorted(fa) == sorted(fb):  # or reordered
        return True
    # close respellings start alike: "Georgios Andreas" (George Papandreou) is not his father "Andreas"
    return (sa[:1] == sb[:1] and difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.6
            and difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.6)
