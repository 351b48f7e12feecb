#!/usr/bin/env python3
"""Stands in for a check tool of a scope file (e.g. ./iaas/openstack_test.py): prints
`<testcase>: PASS` for every testcase id it is given, `FAIL` for those listed in
$FAKE_FAIL (comma-separated). Option values (`-c acme`) are not testcases."""
import os
import sys

fail = set(filter(None, os.environ.get('FAKE_FAIL', '').split(',')))
args = sys.argv[1:]
skip = False
for arg in args:
    if skip:
        skip = False
        continue
    if arg.startswith('-'):
        skip = len(arg) == 2
        continue
    print(f"{arg}: {'FAIL' if arg in fail else 'PASS'}")
