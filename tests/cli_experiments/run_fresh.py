#!/usr/bin/python3
"""run_fresh.py DIR COMMAND...: removes DIR, then runs COMMAND (so that a test
starts from nothing) and exits with its status, passing its output through."""
import shutil
import subprocess
import sys

shutil.rmtree(sys.argv[1], ignore_errors=True)
sys.exit(subprocess.run(sys.argv[2:]).returncode)
