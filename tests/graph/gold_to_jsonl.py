#!/usr/bin/env python3
"""Turns the gold annotations (../shared/gold/seeds.jsonl) into the JSON Lines
that `policykg extract` writes, so graph queries can be tested on real names
independently of extraction quality. Usage: gold_to_jsonl.py GOLD > OUT.jsonl"""
import json
import sys
from collections import OrderedDict


def main(path):
    docs = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            d = docs.setdefault(rec["doc"], {"entities": [], "relations": []})
            (d["relations"] if "rel" in rec else d["entities"]).append(rec)
    out = sys.stdout
    for doc, d in docs.items():
        out.write(json.dumps({"doc": doc, "kind": "document", "hash": "gold-" + doc}, ensure_ascii=False) + "\n")
        type_of = {}
        for e in d["entities"]:
            for n in [e["name"]] + e.get("also", []):
                type_of.setdefault(n, (e["type"], e["name"]))
            out.write(json.dumps({"doc": doc, "type": e["type"], "name": e["name"],
                                  "aliases": e.get("also", []), "mentions": []}, ensure_ascii=False) + "\n")
        for r in d["relations"]:
            if r["head"] not in type_of or r["tail"] not in type_of:
                continue
            ht, head = type_of[r["head"]]
            tt, tail = type_of[r["tail"]]
            out.write(json.dumps({"doc": doc, "rel": r["rel"], "head": head, "tail": tail,
                                  "head_type": ht, "tail_type": tt}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
