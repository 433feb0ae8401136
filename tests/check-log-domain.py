#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a C file of src/ or bench/ that logs has no G_LOG_DOMAIN of
its own, and prints each such file.

Logging means g_debug/g_info/g_message/g_warning/g_critical/g_log, and also
g_return_*_if_fail/g_return_*_if_reached/g_warn_if_*, whose criticals name
the domain too. The define must come before the first #include, or GLib's
headers have already given the file the empty domain. Tests and tools get
their domain from meson (c_args), so they are not checked here."""
import os
import re
import sys

LOGS = re.compile(r'\bg_(debug|info|message|warning|critical|log|log_structured'
                  r'|return_if_fail|return_val_if_fail|return_if_reached'
                  r'|return_val_if_reached|warn_if_fail|warn_if_reached)\s*\(')
DEFINE = re.compile(r'^\s*#\s*define\s+G_LOG_DOMAIN\b')
INCLUDE = re.compile(r'^\s*#\s*include\b')


def problem_of(text):
    if not LOGS.search(text):
        return None
    if not any(DEFINE.match(line) for line in text.splitlines()):
        return 'logs, but has no #define G_LOG_DOMAIN'
    for line in text.splitlines():
        if DEFINE.match(line):
            return None
        if INCLUDE.match(line):
            return 'logs, but includes a header before its #define G_LOG_DOMAIN'
    return None


def main():
    root = sys.argv[1]
    problems = []
    checked = 0
    for top in ('src', 'bench'):
        for dirpath, _, files in sorted(os.walk(os.path.join(root, top))):
            for name in sorted(files):
                if not name.endswith('.c'):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8') as f:
                    problem = problem_of(f.read())
                checked += 1
                if problem:
                    problems.append(f'{os.path.relpath(path, root)}: {problem}')
    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} of {checked} C files log without a domain of their own')
        sys.exit(1)
    print(f'every C file of src/ and bench/ that logs names its G_LOG_DOMAIN ({checked} files checked)')


if __name__ == '__main__':
    main()
