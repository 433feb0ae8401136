#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file does not begin with its SPDX line, and prints
each such file.

The files are the tracked ones (`git ls-files`) when the source tree is a git
checkout, else every file under it. Covered: C, headers and CSS under
/* */ on line 1; SQL under -- on line 1; meson.build, meson_options.txt,
Python and shell scripts under # on line 1, or line 2 after a shebang; the
.ui and .gresource.xml files of src/ under <!-- --> right after the XML
declaration. Not covered: data/ (the desktop file, metainfo and schema say
their licence through their own fields and the build validates them), help/,
po/ and tests/po-samples (translations, whose headers gettext writes)."""
import os
import subprocess
import sys

LICENCE = 'SPDX-License-Identifier: GPL-3.0-or-later'
C_LINE = f'/* {LICENCE} */'
HASH_LINE = f'# {LICENCE}'
SQL_LINE = f'-- {LICENCE}'
XML_LINE = f'<!-- {LICENCE} -->'

SKIPPED_TOPS = ('data/', 'help/', 'po/', 'tests/po-samples/', 'subprojects/')
SCRIPT_TOPS = ('tools/', '.ci/', 'tests/', 'bench/')


def tracked_files(root):
    if os.path.exists(os.path.join(root, '.git')):
        result = subprocess.run(['git', '-C', root, 'ls-files', '-z'],
                                capture_output=True, check=False)
        if result.returncode == 0:
            return sorted(name for name in result.stdout.decode().split('\0') if name)
    names = []
    for dirpath, dirnames, files in os.walk(root):
        # A build directory inside the source tree is not source.
        dirnames[:] = [d for d in dirnames
                       if d != '.git'
                       and not os.path.isdir(os.path.join(dirpath, d, 'meson-private'))]
        for name in files:
            names.append(os.path.relpath(os.path.join(dirpath, name), root))
    return sorted(names)


def first_lines(path, count=2):
    try:
        with open(path, encoding='utf-8') as f:
            return [f.readline().rstrip('\n') for _ in range(count)]
    except (UnicodeDecodeError, OSError):
        return None


def expected_line(name, lines):
    """The SPDX line @name must carry and the line numbers it may sit on,
    or None when the file is not covered."""
    base = os.path.basename(name)
    if name.startswith(SKIPPED_TOPS):
        if base == 'meson.build':
            return HASH_LINE, (0,)
        return None
    if base.endswith(('.c', '.h', '.css')):
        return C_LINE, (0,)
    if base.endswith('.sql'):
        return SQL_LINE, (0,)
    if base in ('meson.build', 'meson_options.txt'):
        return HASH_LINE, (0,)
    if name.startswith('src/') and base.endswith(('.ui', '.gresource.xml')):
        return XML_LINE, (1,) if lines[0].startswith('<?xml') else (0,)
    if base.endswith(('.py', '.sh')) or (name.startswith(SCRIPT_TOPS)
                                          and '.' not in base
                                          and lines[0].startswith('#!')):
        return HASH_LINE, (1,) if lines[0].startswith('#!') else (0,)
    return None


def main():
    root = sys.argv[1]
    missing = []
    checked = 0
    for name in tracked_files(root):
        path = os.path.join(root, name)
        if not os.path.isfile(path):
            continue
        lines = first_lines(path)
        if lines is None:
            continue
        rule = expected_line(name, lines)
        if rule is None:
            continue
        checked += 1
        line, positions = rule
        if not any(lines[i] == line for i in positions):
            where = ' or '.join(str(i + 1) for i in positions)
            missing.append(f'{name}: line {where} is not "{line}"')
    for problem in missing:
        print(problem)
    if missing:
        print(f'{len(missing)} of {checked} source files lack their SPDX line')
        sys.exit(1)
    print(f'all {checked} source files begin with their SPDX line')


if __name__ == '__main__':
    main()
