#!/usr/bin/env python3
"""Fails when a view reaches into storage: no file under src/gui or
src/charts may name SQLite (sqlite3_*, <sqlite3.h>), the connection type
DaftarDb or daftar_db_prepare. Views ask core's query functions, which run
on the database thread (DaftarDbWorker, allowed here) and return plain
structs. Prints each offending line as file:line: text."""
import os
import re
import sys

source_root = sys.argv[1]
# DaftarDb as a whole word: DaftarDbWorker and DaftarDbJobFunc are the way
# views ask core for figures.
forbidden = re.compile(r'sqlite3_|<sqlite3\.h>|\bDaftarDb\b|\bdaftar_db_prepare')
problems = []

for top in ('src/gui', 'src/charts'):
    for dirpath, _, files in sorted(os.walk(os.path.join(source_root, top))):
        for name in sorted(files):
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
    print(f'{len(problems)} line(s) in the views touch the database; move them into a core query')
    sys.exit(1)
print('src/gui and src/charts never touch the database')
