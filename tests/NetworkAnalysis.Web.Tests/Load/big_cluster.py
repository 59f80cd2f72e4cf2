#!/usr/bin/env python3
"""Writes a JSON Lines corpus holding one large connected cluster (fictional identifiers only), for the graph benchmark.

Generated corpora no longer have a cluster large enough for a 2,000-node graph, so this builds one: N ads chained by
shared e-mails (3 ads each, example.com) and phones (5 ads each, NANP 555-0100..0199 across area codes), plus a few
hub phones shared by every 40th ad. Deterministic.

    python3 tests/NetworkAnalysis.Web.Tests/Load/big_cluster.py --ads 1600 --out big-cluster.jsonl
"""
import argparse, json, random

AREAS = ["702", "415", "212", "305", "312", "617", "206", "503", "404", "713"]
CITIES = ["Reno", "Elko", "Las Vegas", "Sparks", "Carson City", "Henderson"]


def phone(i):
    return f"{AREAS[(i // 100) % len(AREAS)]}-555-01{i % 100:02d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ads", type=int, default=1600)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    words = "sweet new in town available tonight call text ask discreet friendly visit".split()
    with open(a.out, "w", encoding="utf-8") as f:
        for i in range(a.ads):
            text = " ".join(rnd.choice(words) for _ in range(8))
            ids = [f"p{i // 3}@example.com", phone(i // 5)]
            if i % 40 == 0:
                ids.append(phone(900 + (i // 40) % 5))
            body = f"{text}. call {ids[1]} or mail {ids[0]}" + (f" or {ids[2]}" if len(ids) > 2 else "")
            f.write(json.dumps({"id": f"bc{i:05d}", "site": "example.com", "title": text[:30], "body": body,
                                "city": CITIES[i % len(CITIES)], "posted_at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00Z"}) + "\n")


if __name__ == "__main__":
    main()
