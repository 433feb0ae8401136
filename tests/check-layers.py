#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a layer reaches where it must not. Prints each offending line
as file:line: text.

- Views never touch storage: no file under src/gui or src/charts may name
  SQLite (sqlite3_*, <sqlite3.h>), the connection type DaftarDb or
  daftar_db_prepare. Views ask core's query functions, which run on the
  database thread (DaftarDbWorker, allowed here) and return plain structs.
- Core knows nothing of the demo: no file under src/core may include a
  header of src/demo or name its functions, types or macros (daftar_demo_*,
  DaftarDemo*, DAFTAR_DEMO_*). The demo builds on core, never the reverse.
- The demo is GLib-level like core: no file under src/demo may include a
  header of src/gui or src/charts, GTK or libadwaita.
- Plots and documents draw without a display: no plot file of src/charts
  (daftar-plot*, daftar-*-plot*, the series and scales they use) and no
  file under src/documents may include GTK, libadwaita or a widget header."""
import os
import re
import sys

source_root = sys.argv[1]


def headers_of(folder):
    path = os.path.join(source_root, folder)
    if not os.path.isdir(path):
        return []
    return sorted(name for name in os.listdir(path) if name.endswith('.h'))


def include_of(names, extra=()):
    """An #include of any of @names (by base name, whatever the folder
    written before it) or of the system headers in @extra."""
    local = '|'.join(re.escape(name) for name in names)
    system = '|'.join(extra)
    alternatives = [f'"(?:[^"]*/)?(?:{local})"'] if names else []
    if system:
        alternatives.append(f'<(?:{system})')
    if not alternatives:
        return r'(?!)'
    return r'^\s*#\s*include\s*(?:' + '|'.join(alternatives) + ')'


rules = [
    # DaftarDb as a whole word: DaftarDbWorker and DaftarDbJobFunc are the
    # way views ask core for figures.
    (('src/gui', 'src/charts'),
     re.compile(r'sqlite3_|<sqlite3\.h>|\bDaftarDb\b|\bdaftar_db_prepare'),
     'line(s) in the views touch the database; move them into a core query'),
    (('src/core',),
     re.compile(include_of(headers_of('src/demo')) + r'|daftar_demo_|DaftarDemo|DAFTAR_DEMO_'),
     'line(s) in core reach into the demo; the demo may call core, never the reverse'),
    (('src/demo',),
     re.compile(include_of(headers_of('src/gui') + headers_of('src/charts'),
                           (r'gtk/', r'gdk/', r'gsk/', r'adwaita\.h'))),
     'line(s) in the demo include a view or GTK header; the demo is GLib-level like core'),
    (('src/charts', 'src/documents'),
     re.compile(include_of([h for h in headers_of('src/charts') + headers_of('src/gui')
                            if 'plot' not in h and not h.startswith(('daftar-chart-series', 'daftar-chart-scale'))],
                           (r'gtk/', r'gdk/', r'gsk/', r'adwaita\.h'))),
     'line(s) in plots or documents include GTK or a widget header; they must draw without a display',
     re.compile(r'plot|^daftar-chart-(series|scale)\.|^daftar-(document|report-page)')),
]

failed = False
for tops, forbidden, message, *rest in rules:
    only = rest[0] if rest else None
    problems = []
    for top in tops:
        for dirpath, _, files in sorted(os.walk(os.path.join(source_root, top))):
            for name in sorted(files):
                if only is not None and not only.search(name):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    with open(path, encoding='utf-8') as f:
                        lines = f.readlines()
                except UnicodeDecodeError:
                    continue
                for number, line in enumerate(lines, 1):
                    if forbidden.search(line):
                        rel = os.path.relpath(path, source_root)
                        problems.append(f'{rel}:{number}: {line.strip()}')
    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} {message}')
        failed = True

if failed:
    sys.exit(1)
print('src/gui and src/charts never touch the database; src/core never reaches '
      'the demo; src/demo never reaches the views or GTK; plots and documents never reach GTK')
