#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-devenv.py: `meson devenv -C BUILD daftar` in a Persian session shows what an installed copy shows.
"""Runs the build tree's daftar through `meson devenv`, from an environment
that knows nothing of the build tree (no DAFTAR_LOCALEDIR, GSETTINGS_SCHEMA_DIR
or XDG_DATA_DIRS), as a developer's shell would be, and checks that:

- its --help is in Persian: the catalogue built in BUILD/po is found (the
  expected text comes from that catalogue, so a retranslation keeps this
  test true);
- its settings schema is found, so Preferences are there;
- its icon is found, and the system's data folders are still searched.

Usage: check-devenv.py MESON BUILD_ROOT APP_ID
"""
import gettext
import os
import subprocess
import sys
import tempfile

# What daftar --help prints from Daftar's own catalogue (src/gui/daftar-application.c).
SUMMARY = ('Dashboards of cases, shift loads and notice read rates for an '
           'Electronic Judicial Services Office.')
OPTION = 'Open a generated demo office'

failures = []


def check(ok, message):
    print(('ok: ' if ok else 'FAILED: ') + message)
    if not ok:
        failures.append(message)


def devenv(meson, build_root, env, cwd, *command):
    return subprocess.run(meson + ['devenv', '-C', build_root, *command],
                          env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def main():
    meson, build_root, app_id = [sys.argv[1]], os.path.abspath(sys.argv[2]), sys.argv[3]
    catalogue = gettext.translation('daftar', os.path.join(build_root, 'po'), ['fa'])
    summary_fa = catalogue.gettext(SUMMARY)
    option_fa = catalogue.gettext(OPTION)
    check(summary_fa != SUMMARY and option_fa != OPTION,
          'the built catalogue translates the --help texts')

    with tempfile.TemporaryDirectory(prefix='daftar-devenv-') as home:
        env = {k: v for k, v in os.environ.items()
               if k not in ('DAFTAR_LOCALEDIR', 'GSETTINGS_SCHEMA_DIR', 'XDG_DATA_DIRS',
                            'LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'MESON_DEVENV')}
        env.update(LANG='fa_IR.UTF-8', GSETTINGS_BACKEND='memory',
                   XDG_DATA_HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)

        run = devenv(meson, build_root, env, home, 'daftar', '--help')
        print(run.stdout + run.stderr)
        check(run.returncode == 0, f'daftar --help exits 0 (got {run.returncode}: {run.stderr.strip()})')
        check(summary_fa in run.stdout, 'the summary of daftar --help is in Persian')
        check(option_fa in run.stdout, 'the description of --demo is in Persian')
        check(SUMMARY not in run.stdout, 'no English summary is left')

        run = devenv(meson, build_root, env, home, 'gsettings', 'list-keys', app_id)
        keys = run.stdout.split()
        check(run.returncode == 0 and 'language' in keys,
              f'the settings schema {app_id} is found (got: {run.stderr.strip()})')

        run = devenv(meson, build_root, env, home, 'sh', '-c', 'printf %s "$XDG_DATA_DIRS"')
        dirs = run.stdout.split(':')
        icon = os.path.join('icons', 'hicolor', 'scalable', 'apps', app_id + '.svg')
        check(any(os.path.isfile(os.path.join(d, icon)) for d in dirs if d),
              f'{icon} is on XDG_DATA_DIRS ({run.stdout})')
        check('/usr/share' in dirs, 'the system data folder stays on XDG_DATA_DIRS')

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
