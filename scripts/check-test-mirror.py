#!/usr/bin/python3
"""Checks that the tests mirror the source tree: every sim/<dir>/<name>.cpp
has tests/<dir>/test_<name>.cpp, and every strategy has its own test file.
Files still waiting for theirs are listed in tests/mirror-pending.txt; the
check fails for any other missing test file, and for a pending entry that now
has its test (so the list only shrinks). Run by ctest (test `test_mirror`).
"""
import os
import sys


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    pending_file = os.path.join(root, "tests", "mirror-pending.txt")
    pending = set()
    if os.path.exists(pending_file):
        with open(pending_file, encoding="utf-8") as f:
            pending = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    missing, done = [], []
    for dirpath, _, files in os.walk(os.path.join(root, "sim")):
        for name in sorted(files):
            if not name.endswith(".cpp"):
                continue
            rel_dir = os.path.relpath(dirpath, os.path.join(root, "sim"))
            test = os.path.join("tests", rel_dir, "test_" + name)
            exists = os.path.exists(os.path.join(root, test))
            if not exists and test not in pending:
                missing.append(f"sim/{rel_dir}/{name} has no test file {test}")
            if exists and test in pending:
                done.append(f"{test} exists: remove it from tests/mirror-pending.txt")
    problems = missing + done
    if problems:
        print("check-test-mirror: the tests do not mirror sim/:")
        for line in problems:
            print("  " + line)
        return 1
    print(f"check-test-mirror: every sim/ source file has its test file ({len(pending)} still pending)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
