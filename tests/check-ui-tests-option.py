#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-ui-tests-option.py: -Dui_tests=false defines no test that opens a window, and keeps every other test.
"""A build configured with -Dui_tests=false (as the Flatpak build is) defines
no test that runs a program compiled against GTK: those open windows and need
a display, which the Flatpak build has not.

When this build has -Dui_tests=false, that is checked on it. Otherwise the
source tree is configured afresh into a scratch folder with -Dui_tests=false
(configuring only, nothing is compiled) and its tests compared with this
build's:

- no test there opens a window;
- every test here that opens none is still there;
- here, some do (so the first check could fail).

Usage: check-ui-tests-option.py MESON SOURCE_ROOT BUILD_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile


def introspect(meson, build_dir, what):
    out = subprocess.run(meson + ['introspect', build_dir, '--' + what],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def gtk_programs(meson, build_dir):
    """The file names of the executables compiled against GTK 4."""
    programs = set()
    for target in introspect(meson, build_dir, 'targets'):
        params = [p for s in target.get('target_sources', []) for p in s.get('parameters', [])]
        if any(p.rstrip('/').endswith('gtk-4.0') and p.startswith(('-I', '-isystem')) for p in params):
            programs.update(target['filename'])
    return programs


def window_tests(meson, build_dir):
    gtk = gtk_programs(meson, build_dir)
    return {t['name'] for t in introspect(meson, build_dir, 'tests') if t['cmd'] and t['cmd'][0] in gtk}


def main():
    meson, source_root, build_root = [sys.argv[1]], sys.argv[2], sys.argv[3]
    failures = []

    here = {t['name'] for t in introspect(meson, build_root, 'tests')}
    here_windows = window_tests(meson, build_root)
    ui_tests = [o['value'] for o in introspect(meson, build_root, 'buildoptions') if o['name'] == 'ui_tests']
    print(f'this build (ui_tests={ui_tests}): {len(here)} tests, {len(here_windows)} open windows')
    if ui_tests == [False]:
        for name in sorted(here_windows):
            print(f'FAILED: -Dui_tests=false still defines the window test {name!r}')
        return 1 if here_windows else 0

    if not here_windows:
        failures.append('this build (ui_tests=true) defines no window test: nothing to compare')

    with tempfile.TemporaryDirectory(prefix='daftar-no-ui-') as scratch:
        build_dir = os.path.join(scratch, 'build')
        setup = subprocess.run(meson + ['setup', build_dir, source_root, '-Dui_tests=false'],
                               capture_output=True, text=True)
        if setup.returncode != 0:
            print(setup.stdout + setup.stderr)
            print('FAILED: meson setup -Dui_tests=false')
            return 1
        there = {t['name'] for t in introspect(meson, build_dir, 'tests')}
        there_windows = window_tests(meson, build_dir)

    print(f'-Dui_tests=false: {len(there)} tests, {len(there_windows)} open windows')
    for name in sorted(there_windows):
        failures.append(f'-Dui_tests=false still defines the window test {name!r}')
    for name in sorted(here - here_windows - there):
        failures.append(f'-Dui_tests=false lost the test {name!r}, which opens no window')

    for message in failures:
        print('FAILED: ' + message)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
