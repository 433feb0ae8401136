#!/usr/bin/env python3
"""Writes the GResource manifest of the in-app guide: every page in English
(C/<page>) and in each translation (<lang>-<page>, merged at build time),
under /io/github/daftar/Daftar/help/<lang>/<page>.

    gresource.py OUTPUT LANG… PAGE…   (a language has no dot, a page has)"""
import sys

output, args = sys.argv[1], sys.argv[2:]
languages = [a for a in args if '.' not in a]
pages = [a for a in args if '.' in a]
lines = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<gresources>',
         '  <gresource prefix="/io/github/daftar/Daftar/help">']
for page in pages:
    lines.append(f'    <file alias="C/{page}">C/{page}</file>')
for lang in languages:
    for page in pages:
        lines.append(f'    <file alias="{lang}/{page}">{lang}-{page}</file>')
lines += ['  </gresource>', '</gresources>', '']
with open(output, 'w', encoding='utf-8') as f:
    f.write('\n'.join(lines))
