#!/usr/bin/env python3
"""Load script for the workbench: search latency (p50/p95/p99) and graph time-to-usable, against loopback only.

Starts `netan serve` on 127.0.0.1 over a case (or uses --url of one already running), sends a bounded number of
search requests (bounded in count and in time), then optionally runs the Playwright graph benchmark for the
cluster whose graph is closest to --graph-nodes nodes. Usage (see docs/workbench.md):

    python3 tests/NetworkAnalysis.Web.Tests/Load/workbench_load.py --case big.case [--queries 600] [--max-seconds 180] [--browser]
"""
import argparse, json, os, random, re, sqlite3, statistics, subprocess, sys, time, urllib.parse, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]


def queries(case, n, seed):
    """A deterministic mix: phones reformatted, e-mails, poster handles, ad IDs, words of ad text, and misses."""
    rnd = random.Random(seed)
    db = sqlite3.connect(f"file:{case}?mode=ro", uri=True)
    def sample(sql, k):
        rows = [r[0] for r in db.execute(sql)]
        return rnd.sample(rows, min(k, len(rows))) if rows else []
    phones = sample("SELECT value FROM entities WHERE type='phone' LIMIT 20000", n)
    emails = sample("SELECT value FROM entities WHERE type='email' LIMIT 20000", n)
    posters = sample("SELECT value FROM entities WHERE type='poster' LIMIT 20000", n)
    ads = sample("SELECT ad_id FROM ads WHERE id % 97 = 0 LIMIT 20000", n)
    texts = sample("SELECT text FROM ads WHERE id % 101 = 0 LIMIT 5000", n)
    db.close()
    words = [w for t in texts for w in re.findall(r"[A-Za-z]{5,}", t)]
    def phone_format(p):
        d = p[-10:]
        return rnd.choice([f"({d[:3]}) {d[3:6]}-{d[6:]}", f"{d[:3]}.{d[3:6]}.{d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}", p])
    kinds = [("phone", lambda: phone_format(rnd.choice(phones)) if phones else None),
             ("email", lambda: rnd.choice(emails) if emails else None),
             ("handle", lambda: rnd.choice(posters) if posters else None),
             ("ad_id", lambda: rnd.choice(ads) if ads else None),
             ("words", lambda: " ".join(rnd.sample(words, 2)) if len(words) > 2 else None),
             ("miss", lambda: f"zz{rnd.randrange(10**6)}qq")]
    out, i = [], 0
    while len(out) < n and i < n * len(kinds) * 2:  # a kind the case has none of (e.g. no handles) is skipped, not retried forever
        kind, make = kinds[i % len(kinds)]
        i += 1
        q = make()
        if q:
            out.append((kind, q))
    return out


def get(url, timeout=30):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", required=True)
    ap.add_argument("--url", help="a running workbench (default: start netan serve on 127.0.0.1)")
    ap.add_argument("--port", type=int, default=5097)
    ap.add_argument("--queries", type=int, default=600)
    ap.add_argument("--max-seconds", type=float, default=180)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--graph-nodes", type=int, default=2000)
    ap.add_argument("--browser", action="store_true", help="also run the Playwright graph benchmark (needs /usr/bin/chromium; build the tests first)")
    ap.add_argument("--rounds", type=int, default=3, help="graph benchmark rounds (each: server layout, then browser layout)")
    a = ap.parse_args()
    server = None
    url = a.url
    if not url:
        url = f"http://127.0.0.1:{a.port}"
        # The server writes to a file, never to an undrained pipe (a full pipe would stall it).
        log_path = os.path.join("/tmp", f"workbench-load-{a.port}.log")
        log = open(log_path, "w")
        server = subprocess.Popen([os.path.join(ROOT, "netan"), "serve", "--case", a.case, "--port", str(a.port), "--quiet"],
                                  stdout=log, stderr=subprocess.STDOUT, text=True)
        started = time.monotonic()
        while "Workbench for" not in open(log_path).read():
            if time.monotonic() - started > 900 or server.poll() is not None:
                raise SystemExit("server did not start; see " + log_path)
            time.sleep(0.5)
        print(f"server: {url} (start-up incl. index build {time.monotonic() - started:.1f} s; log {log_path})")
    assert urllib.parse.urlparse(url).hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
    try:
        info = json.loads(get(url + "/api/info"))
        print(f"case: {info['counts']['ads']:,} ads, {info['counts']['entities']:,} entities, {info['counts']['clusters']:,} clusters")
        qs = queries(a.case, a.queries, a.seed)
        for _, q in qs[:20]:  # warm-up, not counted
            get(url + "/api/search?q=" + urllib.parse.quote(q))
        lat, by_kind, deadline = [], {}, time.monotonic() + a.max_seconds
        for kind, q in qs:
            if time.monotonic() > deadline:
                print("stopped at the time bound")
                break
            t = time.perf_counter()
            get(url + "/api/search?q=" + urllib.parse.quote(q))
            ms = (time.perf_counter() - t) * 1000
            lat.append(ms)
            by_kind.setdefault(kind, []).append(ms)
        print(f"search: n={len(lat)} p50={pct(lat, 50):.1f} ms p95={pct(lat, 95):.1f} ms p99={pct(lat, 99):.1f} ms max={max(lat):.1f} ms")
        for kind, v in sorted(by_kind.items()):
            print(f"  {kind:7s} n={len(v):4d} p50={pct(v, 50):6.1f} ms p95={pct(v, 95):6.1f} ms")
        db = sqlite3.connect(f"file:{a.case}?mode=ro", uri=True)
        # ads + entities of a cluster = nodes of its full graph. Take the largest cluster and load as many of its ads
        # as give about --graph-nodes nodes (bisection over maxAds, a few API calls).
        rows = db.execute("SELECT id, size FROM clusters ORDER BY size DESC, id LIMIT 1").fetchall()
        db.close()
        if rows:
            cid, size = rows[0]
            def nodes_for(k):
                g = json.loads(get(url + f"/api/clusters/{urllib.parse.quote(cid)}/graph?maxAds={k}", timeout=300))
                return len(g["ads"]) + len(g["entities"]), len(g["edges"])
            lo, hi = 1, min(size, a.graph_nodes)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if nodes_for(mid)[0] <= a.graph_nodes:
                    lo = mid
                else:
                    hi = mid - 1
            t = time.perf_counter()
            nodes, edges = nodes_for(lo)
            print(f"graph API: cluster {cid} ({size} ads) first {lo} ads = {nodes} nodes, {edges} edges: {(time.perf_counter() - t) * 1000:.0f} ms")
            if a.browser:
                # Server positions (the default) and, for comparison, the browser laying the graph out itself; alternated.
                for layout in ["server", "client"] * a.rounds:
                    env = dict(os.environ, NETAN_BENCH_URL=url, NETAN_BENCH_CLUSTER=cid, NETAN_BENCH_MAXADS=str(lo), NETAN_BENCH_RUNS="1",
                               NETAN_BENCH_LAYOUT=layout)
                    out = subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "tests/NetworkAnalysis.Benchmarks"),
                                          "--", "workbench-graph"],
                                         env=env, capture_output=True, text=True, timeout=900)
                    for line in out.stdout.splitlines():
                        if "BENCH" in line:
                            print(line.strip())
                    if out.returncode != 0:
                        print(out.stdout[-3000:], out.stderr[-2000:])
    finally:
        if server:
            server.send_signal(2)  # Ctrl+C
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    sys.exit(main())
