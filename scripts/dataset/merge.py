#!/usr/bin/env python3
"""Build assets/timeline.json from the five per-source fragments and a table of edits.

usage: python3 merge.py [OUTPUT]      (default: <repo>/assets/timeline.json)

Two steps, both re-runnable:

1. UNION (mechanical). Sources come from ../shared/seeds/sources.json in that file's
   order (keys id, title, publisher, authors, published, url, kind; `authors` omitted
   when empty). Quotes: each source's quotes in the fragment's (document) order,
   sources in sources.json order. Actors are unioned by id (aliases unioned and
   deduplicated case-sensitively, the name never repeated as an alias; relations
   unioned by (type, actor), the quotes of duplicate relations merged). Events are
   unioned by id after the renames of the edits table (actors unioned by id keeping
   the most specific role, quotes and tags unioned).

2. EDITS (by hand, in merge_edits.json next to this script): event renames and
   drops, per-event final title/summary/place/date/end/note/certainty, actors and
   roles, quotes; actor name/kind/description, alias additions and removals,
   relation changes; verbatim quotes added to a source's set (the source's quote
   ids are then renumbered in document order and every reference follows); the
   disputes; the final order of events.

Certainty is derived unless an edit sets it: `disputed` if a dispute concerns the
event, else `confirmed` when quotes from two or more sources support it, else
`reported`. Fragments live next to this script (work-dataset/) or in fragments/
(scripts/dataset/ in the repository).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def find_repo_root(start):
    d = start
    while d != os.path.dirname(d):
        if os.path.exists(os.path.join(d, "Cargo.toml")):
            return d
        d = os.path.dirname(d)
    sys.exit("merge.py: cannot find the repository root (no Cargo.toml above %s)" % start)


REPO = find_repo_root(HERE)
SEEDS = os.path.join(REPO, "..", "shared", "seeds")
FRAGMENTS = os.path.join(HERE, "fragments") if os.path.isdir(os.path.join(HERE, "fragments")) else HERE
EDITS = os.path.join(HERE, "merge_edits.json")

TAGS = set("""attack drones assassination militias elections protests politics government security
arrest iran united-states reaction condemnation investigation diplomacy background casualties
rockets isis sectarianism economy sanctions""".split())
KINDS = set("""person militia party alliance movement government state international-organization
media think-tank other""".split())
RELATIONS = set("""leads member-of backed-by allied-with opposes political-wing-of part-of
successor-of holds-office""".split())
CERTAINTIES = ("confirmed", "reported", "alleged", "disputed")
# Roles that say little; any other role is taken as more specific.
GENERIC_ROLES = ["participant", "subject", "affected", "reported", "commented"]


def die(msg):
    sys.exit("merge.py: " + msg)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# In a fragment "the article" or "the source" meant that fragment's source; in the
# merged timeline it must say which.
ATTRIBUTION = {
    "american-defense-news": [("the op-ed", "Crespo's op-ed"), ("The op-ed", "Crespo's op-ed"),
                              ("the source", "the op-ed"), ("in the text", "in the op-ed")],
    "atlantic-council": [("the source", "the Atlantic Council piece"), ("The source", "The Atlantic Council piece"),
                         ("this source", "the Atlantic Council piece"), ("This source", "The Atlantic Council piece")],
    "rasanah": [("the article", "Rasanah's article"), ("The article", "Rasanah's article")],
    "arab-news": [("the article", "the Arab News article"), ("The article", "The Arab News article"),
                  ("the source", "Arab News")],
    "inside-arabia": [("according to the source", "according to Inside Arabia"),
                      ("the source", "Inside Arabia"), ("The source", "Inside Arabia"),
                      ("this source", "Inside Arabia"), ("This source", "Inside Arabia")],
}


SOURCE_NAMES = {"american-defense-news": "American Defense News", "atlantic-council": "the Atlantic Council",
                "rasanah": "Rasanah", "arab-news": "Arab News", "inside-arabia": "Inside Arabia"}


def attribute(text, sid):
    if not text:
        return text
    for old, new in ATTRIBUTION.get(sid, []):
        text = re.sub(r"\b" + re.escape(old) + r"\b", new, text)
    return text


def uniq(seq):
    out = []
    for x in seq:
        if x not in out:
            out.append(x)
    return out


def more_specific(old, new):
    """The more specific of two roles: a non-generic role beats a generic one; ties keep the old."""
    if old is None:
        return new
    if new is None:
        return old
    rank = lambda r: GENERIC_ROLES.index(r) if r in GENERIC_ROLES else len(GENERIC_ROLES)
    return new if rank(new) > rank(old) else old


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "assets", "timeline.json")
    index = load_json(os.path.join(SEEDS, "sources.json"))
    order = list(index)
    edits = load_json(EDITS)

    fragments = {}
    for sid in order:
        path = os.path.join(FRAGMENTS, sid + ".json")
        fragments[sid] = load_json(path)

    # ---------------------------------------------------------------- sources
    sources = []
    for sid, meta in index.items():
        s = {"id": sid}
        for key in ("title", "publisher", "authors", "published", "url", "kind"):
            if key == "authors" and not meta.get("authors"):
                continue
            if key in meta:
                s[key] = meta[key]
        sources.append(s)

    # ---------------------------------------------------------------- quotes
    # Each source's quotes in fragment order, with the added quotes inserted after the
    # quote named in "after"; then renumbered <source>-NN in that order.
    added = {}
    for q in edits.get("quote_additions", []):
        added.setdefault(q["after"], []).append(q)
    qmap = {}  # fragment quote id or added key -> final id
    quotes = []
    for sid in order:
        seq = []
        for q in fragments[sid]["quotes"]:
            if q["source"] != sid:
                die(f"fragment {sid}: quote {q['id']} has source {q['source']}")
            seq.append((q["id"], dict(q)))
            pending = list(added.get(q["id"], []))
            while pending:  # an added quote may itself be followed by added quotes
                a = pending.pop(0)
                if a["source"] != sid:
                    die(f"added quote {a['key']} is from {a['source']} but placed after {a['after']}")
                nq = {"id": a["key"], "source": sid, "text": a["text"]}
                for k in ("speaker", "note"):
                    if a.get(k):
                        nq[k] = a[k]
                seq.append((a["key"], nq))
                pending = list(added.get(a["key"], [])) + pending
        for n, (old, q) in enumerate(seq, 1):
            new = f"{sid}-{n:02d}"
            qmap[old] = new
            q["id"] = new
            quotes.append(q)
    for a in edits.get("quote_additions", []):
        if a["key"] not in qmap:
            die(f"added quote {a['key']}: 'after' {a['after']} is not a fragment quote")
    qnotes = edits.get("quote_notes", {})
    by_final = {q["id"]: q for q in quotes}
    for old, note in qnotes.items():
        q = by_final[qmap[old]]
        if note:
            q["note"] = note
        else:
            q.pop("note", None)

    def mq(old):
        if old not in qmap:
            die(f"unknown quote reference {old!r}")
        return qmap[old]

    # ---------------------------------------------------------------- actors
    actor_renames = edits.get("actor_renames", {})
    ma = lambda a: actor_renames.get(a, a)
    actors = {}
    actor_sources = {}
    for sid in order:
        for a in fragments[sid]["actors"]:
            aid = ma(a["id"])
            cur = actors.get(aid)
            actor_sources.setdefault(aid, []).append(sid)
            if cur is None:
                cur = {"id": aid, "name": a["name"], "kind": a["kind"], "aliases": [],
                       "description": a.get("description"), "relations": []}
                actors[aid] = cur
            cur["aliases"] = uniq(cur["aliases"] + list(a.get("aliases") or []))
            for r in a.get("relations") or []:
                key = (r["type"], ma(r["actor"]))
                match = [x for x in cur["relations"] if (x["type"], x["actor"]) == key]
                if match:
                    x = match[0]
                    x["quotes"] = uniq(x["quotes"] + [mq(q) for q in r.get("quotes", [])])
                    for k in ("from", "to"):
                        if not x.get(k) and r.get(k):
                            x[k] = r[k]
                else:
                    nr = {"type": r["type"], "actor": key[1]}
                    for k in ("from", "to"):
                        if r.get(k):
                            nr[k] = r[k]
                    nr["quotes"] = [mq(q) for q in r.get("quotes", [])]
                    cur["relations"].append(nr)
    for aid in edits.get("actor_drop", []):
        actors.pop(aid, None)
    for aid, ed in edits.get("actors", {}).items():
        if aid not in actors:
            if not ed.get("new"):
                die(f"edit for unknown actor {aid}")
            actors[aid] = {"id": aid, "name": ed["name"], "kind": ed["kind"], "aliases": [],
                           "description": None, "relations": []}
        a = actors[aid]
        for k in ("name", "kind", "description"):
            if k in ed:
                a[k] = ed[k]
        a["aliases"] = uniq([x for x in a["aliases"] if x not in ed.get("aliases_remove", [])]
                            + ed.get("aliases_add", []))
        for t, other in ed.get("relations_remove", []):
            a["relations"] = [r for r in a["relations"] if (r["type"], r["actor"]) != (t, other)]
        for r in ed.get("relations_add", []):
            key = (r["type"], r["actor"])
            match = [x for x in a["relations"] if (x["type"], x["actor"]) == key]
            if match:
                x = match[0]
                x["quotes"] = uniq(x["quotes"] + [mq(q) for q in r.get("quotes", [])])
                for k in ("from", "to"):
                    if r.get(k):
                        x[k] = r[k]
            else:
                nr = {"type": r["type"], "actor": r["actor"]}
                for k in ("from", "to"):
                    if r.get(k):
                        nr[k] = r[k]
                nr["quotes"] = [mq(q) for q in r.get("quotes", [])]
                a["relations"].append(nr)
    for a in actors.values():
        a["aliases"] = [x for x in a["aliases"] if x != a["name"]]
        if len(actor_sources.get(a["id"], [])) > 1 and a["id"] not in edits.get("actors", {}):
            print(f"note: actor {a['id']} comes from {actor_sources[a['id']]} and keeps the first description")

    # ---------------------------------------------------------------- events
    renames = edits.get("event_renames", {})
    drops = set(edits.get("event_drop", []))
    events = {}
    origin = {}
    for sid in order:
        for e in fragments[sid]["events"]:
            if e["id"] in drops:
                continue
            eid = renames.get(e["id"], e["id"])
            origin.setdefault(eid, []).append((sid, e["id"]))
            cur = events.get(eid)
            if cur is None:
                cur = {"id": eid, "date": e["date"], "end": e.get("end"), "title": e["title"],
                       "summary": e.get("summary"), "place": e.get("place"), "tags": [],
                       "actors": [], "quotes": [], "certainty": e.get("certainty"),
                       "note": e.get("note")}
                events[eid] = cur
            cur["tags"] = uniq(cur["tags"] + list(e.get("tags") or []))
            for p in e.get("actors") or []:
                aid = ma(p["id"])
                match = [x for x in cur["actors"] if x["id"] == aid]
                if match:
                    match[0]["role"] = more_specific(match[0].get("role"), p.get("role"))
                else:
                    cur["actors"].append({"id": aid, "role": p.get("role")})
            cur["quotes"] = uniq(cur["quotes"] + [mq(q) for q in e.get("quotes") or []])
    ev_edits = edits.get("events", {})
    for eid, ed in ev_edits.items():
        if eid not in events:
            if not ed.get("new"):
                die(f"edit for unknown event {eid}")
            events[eid] = {"id": eid, "date": None, "end": None, "title": None, "summary": None,
                           "place": None, "tags": [], "actors": [], "quotes": [],
                           "certainty": None, "note": None}
        e = events[eid]
        for k in ("date", "end", "title", "summary", "place", "note"):
            if k in ed:
                e[k] = ed[k]
        if "tags" in ed:
            e["tags"] = list(ed["tags"])
        e["tags"] = uniq([t for t in e["tags"] if t not in ed.get("tags_remove", [])]
                         + ed.get("tags_add", []))
        for aid in ed.get("actors_remove", []):
            if not any(p["id"] == aid for p in e["actors"]):
                die(f"event {eid}: cannot remove actor {aid}: not there")
            e["actors"] = [p for p in e["actors"] if p["id"] != aid]
        for aid, role in ed.get("roles", {}).items():
            match = [p for p in e["actors"] if p["id"] == aid]
            if match:
                match[0]["role"] = role
            else:
                e["actors"].append({"id": aid, "role": role})
        for q in ed.get("quotes_remove", []):
            if mq(q) not in e["quotes"]:
                die(f"event {eid}: cannot remove quote {q}: not there")
            e["quotes"] = [x for x in e["quotes"] if x != mq(q)]
        e["quotes"] = uniq(e["quotes"] + [mq(q) for q in ed.get("quotes_add", [])])
        if "certainty" in ed:
            e["_certainty_fixed"] = ed["certainty"]
        # A merged event must get its words from the edits, not from one fragment.
        if len(origin.get(eid, [])) > 1:
            for k in ("title", "summary"):
                if k not in ed:
                    die(f"event {eid} merges {origin[eid]} but the edits give no final {k}")
    for eid, ors in origin.items():
        if len(ors) > 1 and eid not in ev_edits:
            die(f"event {eid} merges {ors} but has no edit (title, summary, note)")
    for eid, e in events.items():
        if eid in ev_edits and "note" not in ev_edits[eid] and len(origin.get(eid, [])) > 1:
            die(f"event {eid}: merged event needs an explicit note (null for none)")

    for eid, e in events.items():
        if not eid.startswith(e["date"] + "-"):
            die(f"event {eid}: id does not start with its date {e['date']}; set the date in the edits")
    # Words that meant "my source" inside one fragment name that source once merged.
    for eid, e in events.items():
        srcs = {sid for sid, _ in origin.get(eid, [])}
        if len(srcs) == 1:
            for k in ("title", "summary", "note"):
                e[k] = attribute(e[k], next(iter(srcs)))
    for aid, a in actors.items():
        srcs = set(actor_sources.get(aid, []))
        if len(srcs) == 1:
            a["description"] = attribute(a["description"], next(iter(srcs)))

    # Fragment notes name sources by id ("rasanah calls him ..."); write their names.
    def names(text):
        if not text:
            return text
        for sid, name in SOURCE_NAMES.items():
            text = re.sub(r"(?<![\w-])" + re.escape(sid) + r"(?![\w-])", name, text)
        return text
    for e in events.values():
        for k in ("summary", "note"):
            e[k] = names(e[k])
    for a in actors.values():
        a["description"] = names(a["description"])
    for q in quotes:
        if q.get("note"):
            q["note"] = names(q["note"])

    # Quotes inside an event: in source order, then document order.
    qpos = {q["id"]: i for i, q in enumerate(quotes)}
    for e in events.values():
        e["quotes"] = sorted(e["quotes"], key=lambda q: qpos[q])

    # ---------------------------------------------------------------- disputes
    disputes = []
    for d in edits.get("disputes", []):
        nd = {"id": d["id"], "question": d["question"], "event": d["event"], "claims": []}
        if d["event"] not in events:
            die(f"dispute {d['id']}: unknown event {d['event']}")
        for c in d["claims"]:
            nd["claims"].append({"claim": c["claim"], "quotes": [mq(q) for q in c["quotes"]]})
        disputes.append(nd)
    disputed_events = {d["event"] for d in disputes} | set(edits.get("also_disputed", []))

    for e in events.values():
        srcs = {q.rsplit("-", 1)[0] for q in e["quotes"]}
        fixed = e.pop("_certainty_fixed", None)
        if e["id"] in disputed_events:
            e["certainty"] = "disputed"
        elif fixed:
            e["certainty"] = fixed
        else:
            e["certainty"] = "confirmed" if len(srcs) >= 2 else "reported"

    # ---------------------------------------------------------------- order
    wanted = edits.get("event_order", [])
    missing = [x for x in events if x not in wanted]
    extra = [x for x in wanted if x not in events]
    if missing or extra:
        die(f"event_order: missing {missing}, unknown {extra}")
    if len(set(wanted)) != len(wanted):
        die("event_order has duplicates")
    # The format's order: by date, a date of lower precision before a more precise
    # one inside the same period ("2021" < "2021-01" < "2021-01-01"); equal dates keep
    # the order of event_order, which is the tie-break the app shows.
    def fmt_key(d):
        parts = [int(p) for p in d.split("-")]
        return tuple(x for p in parts for x in (1, p))
    ordered = sorted((events[x] for x in wanted), key=lambda e: fmt_key(e["date"]))

    # ---------------------------------------------------------------- output
    def clean_event(e):
        out = {"id": e["id"], "date": e["date"]}
        if e.get("end"):
            out["end"] = e["end"]
        out["title"] = e["title"]
        out["summary"] = e["summary"]
        if e.get("place"):
            out["place"] = e["place"]
        out["tags"] = e["tags"]
        out["actors"] = [{"id": p["id"], "role": p["role"]} if p.get("role") else {"id": p["id"]}
                         for p in e["actors"]]
        out["quotes"] = e["quotes"]
        out["certainty"] = e["certainty"]
        if e.get("note"):
            out["note"] = e["note"]
        return out

    def clean_actor(a):
        out = {"id": a["id"], "name": a["name"], "kind": a["kind"]}
        if a["aliases"]:
            out["aliases"] = a["aliases"]
        if a.get("description"):
            out["description"] = a["description"]
        if a["relations"]:
            out["relations"] = [{k: r[k] for k in ("type", "actor", "from", "to", "quotes")
                                 if r.get(k)} for r in a["relations"]]
        return out

    actor_order = edits.get("actor_order_first", [])
    alist = [actors[x] for x in actor_order if x in actors] + \
            [a for x, a in actors.items() if x not in actor_order]

    timeline = {
        "format": "tlx/1",
        "title": edits["title"],
        "description": edits["description"],
        "sources": sources,
        "actors": [clean_actor(a) for a in alist],
        "events": [clean_event(e) for e in ordered],
        "quotes": quotes,
        "disputes": disputes,
    }
    problems = sanity(timeline)
    for p in problems:
        print("PROBLEM " + p)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(timeline, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {out_path}: {len(timeline['events'])} events, {len(timeline['actors'])} actors, "
          f"{len(quotes)} quotes, {len(disputes)} disputes; {len(problems)} problem(s)")
    return 1 if problems else 0


def sanity(t):
    """The structural rules the merge must keep (the checkers repeat most of them)."""
    p = []
    ids = {k: [x["id"] for x in t[k]] for k in ("actors", "events", "quotes", "disputes")}
    for k, v in ids.items():
        if len(set(v)) != len(v):
            p.append(f"duplicate ids in {k}")
    actors = set(ids["actors"])
    quotes = set(ids["quotes"])
    used_a, used_q = set(), set()
    names = {}
    for a in t["actors"]:
        if a["kind"] not in KINDS:
            p.append(f"actor {a['id']}: kind {a['kind']}")
        for s in [a["name"]] + a.get("aliases", []):
            names.setdefault(s, []).append(a["id"])
        for r in a.get("relations", []):
            if r["type"] not in RELATIONS:
                p.append(f"actor {a['id']}: relation type {r['type']}")
            if r["actor"] not in actors:
                p.append(f"actor {a['id']}: relation to unknown {r['actor']}")
            used_a |= {a["id"], r["actor"]}
            used_q |= set(r.get("quotes", []))
    for s, owners in names.items():
        if len(set(owners)) > 1:
            p.append(f"name/alias {s!r} shared by {owners}")
    for e in t["events"]:
        if not e["id"].startswith(e["date"]):
            p.append(f"event {e['id']}: id does not start with date {e['date']}")
        if e.get("end") and [int(x) for x in e["end"].split("-")] < [int(x) for x in e["date"].split("-")][:len(e["end"].split("-"))]:
            p.append(f"event {e['id']}: end before date")
        if not e["quotes"]:
            p.append(f"event {e['id']}: no quote")
        if e["certainty"] not in CERTAINTIES:
            p.append(f"event {e['id']}: certainty {e['certainty']}")
        for tag in e["tags"]:
            if tag not in TAGS:
                p.append(f"event {e['id']}: tag {tag!r} not in the vocabulary")
        for a in e["actors"]:
            if a["id"] not in actors:
                p.append(f"event {e['id']}: unknown actor {a['id']}")
            used_a.add(a["id"])
        for q in e["quotes"]:
            if q not in quotes:
                p.append(f"event {e['id']}: unknown quote {q}")
            used_q.add(q)
        y = int(e["date"][:4])
        if y < 2003 or e["date"] > "2021-11" and not e["date"].startswith("2021-11"):
            p.append(f"event {e['id']}: date {e['date']} outside 2003 to 2021-11")
    for d in t["disputes"]:
        for c in d["claims"]:
            if not c["quotes"]:
                p.append(f"dispute {d['id']}: a claim cites no quote")
            used_q |= set(c["quotes"])
        ev = [e for e in t["events"] if e["id"] == d["event"]]
        if ev and ev[0]["certainty"] != "disputed":
            p.append(f"dispute {d['id']}: event {d['event']} is not marked disputed")
    for q in t["quotes"]:
        if q.get("speaker") and q["speaker"] not in actors:
            p.append(f"quote {q['id']}: unknown speaker {q['speaker']}")
    for a in actors - used_a:
        p.append(f"actor {a} is in no event or relation")
    for q in quotes - used_q:
        p.append(f"quote {q} is used by no event, relation or dispute")
    return p


if __name__ == "__main__":
    sys.exit(main())
