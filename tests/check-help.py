#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the user guide (help/): every page is a valid Mallard page, each
translation is complete for the current pages (no untranslated, fuzzy or
stale message), and the translated pages the build merged are valid too.

    check-help.py HELP_SOURCE_DIR [--schema MALLARD.rng] BUILT_PAGE…

With --schema (Debian: mallard-rng) the pages are validated against it;
without, they must still be well-formed XML.

The pages are listed once, in help/meson.build; a page in help/C that the
list leaves out would be neither installed nor shown, so it is an error.
Needs itstool, msgmerge, msgattrib, msgfmt and xmllint (tools/install-deps)."""
import glob
import os
import subprocess
import sys
import tempfile


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def main():
    help_dir, built = sys.argv[1], sys.argv[2:]
    schema = None
    if built[:1] == ['--schema']:
        schema, built = built[1], built[2:]
    problems = []
    pages = sorted(glob.glob(os.path.join(help_dir, 'C', '*.page')))
    languages = open(os.path.join(help_dir, 'LINGUAS'), encoding='utf-8').read().split()

    if not pages:
        problems.append(f'{help_dir}/C: no pages')

    # The English pages, and every page the build merged, are valid Mallard.
    for page in pages + built:
        result = run('xmllint', '--noout', *(['--relaxng', schema] if schema else []), page)
        if result.returncode != 0:
            problems.append(f'{page}: not a valid Mallard page:\n{result.stderr.strip()}')

    # Every page is in the build; every built page is of a known language.
    listed = {os.path.basename(b).split('-', 1)[1] for b in built}
    for page in pages:
        if os.path.basename(page) not in listed:
            problems.append(f'{page}: not listed in help/meson.build')
    for lang in languages:
        for page in pages:
            merged = [b for b in built if os.path.basename(b) == f'{lang}-{os.path.basename(page)}']
            if not merged:
                problems.append(f'{lang}: {os.path.basename(page)} was not merged by the build')
            for path in merged:
                with open(path, encoding='utf-8') as f:
                    if f'xml:lang="{lang}"' not in f.read():
                        problems.append(f'{path}: not marked as {lang}')

    # Each translation covers the pages as they are now.
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'daftar.pot')
        result = run('itstool', '-o', pot, *pages)
        if result.returncode != 0:
            problems.append(f'itstool could not extract the messages:\n{result.stderr.strip()}')
        for lang in languages:
            po = os.path.join(help_dir, lang, lang + '.po')
            merged = os.path.join(tmp, lang + '.po')
            result = run('msgfmt', '--check', '-o', os.devnull, po)
            if result.returncode != 0:
                problems.append(f'{po}: msgfmt --check fails:\n{result.stderr.strip()}')
            result = run('msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot)
            if result.returncode != 0:
                problems.append(f'{po}: msgmerge fails:\n{result.stderr.strip()}')
                continue
            for what, flag in (('untranslated', '--untranslated'), ('fuzzy', '--only-fuzzy'),
                               ('stale', '--only-obsolete')):
                result = run('msgattrib', flag, '--no-wrap', merged)
                ids = [line for line in result.stdout.splitlines()
                       if line.startswith(('msgid "', '#~ msgid "')) and line not in ('msgid ""', '#~ msgid ""')]
                for line in ids:
                    problems.append(f'{po}: {what}: {line}')

    for problem in problems:
        print(problem)
    print(f'{len(pages)} pages, {len(languages)} translation(s), {len(built)} merged pages: '
          f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
