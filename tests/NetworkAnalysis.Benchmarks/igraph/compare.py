#!/usr/bin/python3
"""Times Debian's python3-igraph on an edge list written by `clustering igraph` (ClusteringIgraphComparison.cs).

Usage: /usr/bin/python3 compare.py EDGES.bin
File format (little-endian): int32 nodes, int32 edges, int32[edges] sources, int32[edges] targets, float64[edges] weights.
Prints one "key<TAB>value" line per figure (CPU seconds, time.process_time); the C# harness prints them beside its own.
"""
import array
import sys
import time

import igraph


def main(path):
    with open(path, "rb") as f:
        header = array.array("i")
        header.fromfile(f, 2)
        n, m = header
        src = array.array("i")
        src.fromfile(f, m)
        dst = array.array("i")
        dst.fromfile(f, m)
        w = array.array("d")
        w.fromfile(f, m)
    t = time.process_time()
    g = igraph.Graph(n=n, edges=list(zip(src, dst)), directed=False)
    g.es["weight"] = list(w)
    print(f"igraph_build_s\t{time.process_time() - t:.3f}")
    t = time.process_time()
    comps = g.connected_components()
    print(f"igraph_components_s\t{time.process_time() - t:.3f}")
    print(f"igraph_components\t{len(comps)}")
    for iterations in (2, -1):
        t = time.process_time()
        part = g.community_leiden(objective_function="modularity", weights="weight", resolution_parameter=1.0, n_iterations=iterations)
        elapsed = time.process_time() - t
        q = g.modularity(part.membership, weights="weight")
        print(f"igraph_leiden_{iterations}_s\t{elapsed:.3f}")
        print(f"igraph_leiden_{iterations}_modularity\t{q:.6f}")
        print(f"igraph_leiden_{iterations}_communities\t{len(part)}")
    print(f"igraph_version\t{igraph.__version__}")


if __name__ == "__main__":
    main(sys.argv[1])
