#!/usr/bin/env python3
"""Fails when po/fa.po is not complete for the current sources: it extracts a
fresh template from po/POTFILES.in (as meson's glib preset does), merges
fa.po with it, and reports untranslated or fuzzy entries, entries that fail
msgfmt's checks, and source files with translatable strings that
POTFILES.in does not list (their strings would silently stay English)."""
import os
import re
import subprocess
import sys
import tempfile

source_root = sys.argv[1]
po_dir = os.path.join(source_root, 'po')
problems = []

with open(os.path.join(po_dir, 'POTFILES.in'), encoding='utf-8') as f:
    listed = [l.strip() for l in f if l.strip() and not l.startswith('#')]
for path in listed:
    if not os.path.exists(os.path.join(source_root, path)):
        problems.append(f'POTFILES.in names a missing file: {path}')

# Every source with a translatable string must be listed.
marker = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(|translatable="yes"')
for top in ('src', 'data'):
    for dirpath, _, files in os.walk(os.path.join(source_root, top)):
        for name in files:
            if not name.endswith(('.c', '.ui')):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, source_root)
            with open(full, encoding='utf-8') as f:
                if marker.search(f.read()) and rel not in listed:
                    problems.append(f'{rel} has translatable strings but is not in po/POTFILES.in')

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'daftar.pot')
    merged = os.path.join(tmp, 'fa.po')
    subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--package-name=daftar',
                    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                    '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
                    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
                    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
                    '--flag=g_set_error:4:c-format', '--flag=g_printerr:1:c-format',
                    '-D', source_root, '-f', os.path.join(po_dir, 'POTFILES.in'), '-o', pot],
                   check=True)
    subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', os.path.join(po_dir, 'fa.po'), pot, '-o', merged],
                   check=True)
    for kind in ('untranslated', 'only-fuzzy'):
        out = subprocess.run(['msgattrib', f'--{kind}', '--no-obsolete', merged],
                             check=True, capture_output=True, text=True).stdout
        ids = [m for m in re.findall(r'^msgid "(.*)"$', out, re.M) if m]
        for msgid in ids:
            problems.append(f'{kind.replace("only-", "")} in po/fa.po: "{msgid}"')
    check = subprocess.run(['msgfmt', '--check', '-o', os.devnull, merged], capture_output=True, text=True)
    if check.returncode != 0:
        problems.append('msgfmt --check fails:\n' + check.stderr)

for p in problems:
    print(p)
print(f'{len(problems)} problem(s) with the Persian translation')
sys.exit(1 if problems else 0)
