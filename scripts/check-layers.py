#!/usr/bin/python3
"""Checks that the folders of sim/ form layers without cycles
(docs/architecture.md, "Layers").

Every `#include "sim/<folder>/..."` in sim/ is an edge between folders. The
check fails when
  - the folder graph has a cycle: it prints each cycle and the includes that
    close it;
  - a folder includes a folder that is not below it in LAYERS (an upward or
    sideways include, which is how a cycle starts);
  - the library includes a screen or command-line library (SFML, CLI11)
    outside sim/cli/, pybind11, or anything from viz/ or python/; or the
    viewer or the Python module includes sim/cli/.
Run by ctest (test `layers`) and on its own: scripts/check-layers.py [ROOT].
"""
import os
import re
import sys
from collections import defaultdict

# Bottom to top. A folder may include folders of lower levels only; folders
# that share a level (processes, strategies) never include each other.
LAYERS = [
    ["core"],
    ["params"],
    ["scenario"],
    ["world"],
    ["model"],
    ["synthesis"],
    ["processes", "strategies"],
    ["simulation"],
    ["io"],
    ["experiments"],
    ["cli"],
]
LEVEL = {folder: level for level, folders in enumerate(LAYERS) for folder in folders}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')


def includes(root):
    """(folder, file, line number, included folder) for every sim/ include in sim/."""
    edges = []
    foreign = []
    sim = os.path.join(root, "sim")
    for dirpath, _, files in os.walk(sim):
        for name in sorted(files):
            if not name.endswith((".hpp", ".cpp", ".def", ".inc", ".h")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            folder = rel.split(os.sep)[1] if rel.count(os.sep) >= 2 else ""
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    if target.startswith("sim/") and target.count("/") >= 2:
                        edges.append((folder, rel, number, target.split("/")[1]))
                    elif target.startswith(("viz/", "SFML/", "python/", "pybind11/")) or (
                            target.startswith("CLI/") and folder != "cli"):
                        foreign.append(f"{rel}:{number}: includes {target} "
                                       "(the library knows no screen, command line or Python)")
    # The viewer and the Python module are front ends beside the CLI: they
    # may use the library, not the CLI.
    for front_end, what in (("viz", "the viewer"), ("python", "the Python module")):
        for dirpath, _, files in os.walk(os.path.join(root, front_end)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                if not name.endswith((".hpp", ".cpp", ".def", ".h")):
                    continue
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if m and m.group(1).startswith("sim/cli/"):
                            foreign.append(f"{os.path.relpath(path, root)}:{number}: {what} includes {m.group(1)} "
                                           "(front ends share the library, not each other)")
    return edges, foreign


def cycles(graph):
    """Strongly connected components with more than one folder (Tarjan)."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    edges, problems = includes(root)
    graph = defaultdict(set)
    for folder, _, _, target in edges:
        if folder != target:
            graph[folder].add(target)
            graph.setdefault(target, set())
    for component in cycles(graph):
        members = set(component)
        problems.append("include cycle between sim/ folders: " + " <-> ".join(component) + "; closed by:")
        inside = [e for e in edges if e[0] in members and e[3] in members and e[0] != e[3]]
        # The includes that point up (or sideways) in the layer table close
        # the cycle; without a table entry every include inside is listed.
        closing = [e for e in inside if e[0] in LEVEL and e[3] in LEVEL and LEVEL[e[3]] >= LEVEL[e[0]]] or inside
        for folder, rel, number, target in closing:
            problems.append(f"    {rel}:{number}: includes sim/{target}/")
    for folder, rel, number, target in edges:
        if folder == target:
            continue
        if folder not in LEVEL or target not in LEVEL:
            unknown = folder if folder not in LEVEL else target
            problems.append(f"{rel}:{number}: sim/{unknown}/ is not in the layer table "
                            "(scripts/check-layers.py LAYERS, docs/architecture.md)")
        elif LEVEL[target] >= LEVEL[folder]:
            problems.append(f"{rel}:{number}: sim/{folder}/ includes sim/{target}/, which is not below it "
                            "(docs/architecture.md, Layers)")
    if problems:
        print("check-layers: the folders of sim/ do not form layers:")
        for line in dict.fromkeys(problems):
            print("  " + line)
        return 1
    print(f"check-layers: {len(LEVEL)} folders in {len(LAYERS)} layers, {len(edges)} includes, no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
