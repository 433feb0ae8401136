#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/fa.po: complete for the current sources, and written the way the
project writes Persian.

    check-po.py SOURCE_ROOT          the po-complete test
    check-po.py --self-test SAMPLES  the po-rules test: every rule fires on
                                     its entry of SAMPLES/bad.po and none
                                     fires on SAMPLES/good.po

Completeness: it extracts a fresh template from po/POTFILES.in (as meson's
glib preset does), merges fa.po with it, and reports untranslated or fuzzy
entries, entries that fail msgfmt's checks (placeholders among them), and
source files with translatable strings that POTFILES.in does not list (their
strings would silently stay English).

Writing rules: see RULES below. They follow the review of the translation
(Arabic letters, ZWNJ, digits, punctuation, bidi, the judiciary's words) and
need nothing outside this repository; plain Python 3, stdlib only."""
import os
import re
import subprocess
import sys
import tempfile

# --------------------------------------------------------------------------
# A small PO reader: enough for fa.po and the samples.


class Entry:
    def __init__(self, line):
        self.line = line            # line of the entry's first keyword
        self.ctxt = None
        self.msgid = None
        self.plural = None
        self.strs = {}              # msgstr index (0 for a plain msgstr) → text
        self.flags = set()
        self.expect = []            # rules named by "#. expect: …" (samples)

    def label(self):
        text = self.msgid if len(self.msgid) <= 60 else self.msgid[:59] + '…'
        return f'[{self.ctxt}] {text}' if self.ctxt else text


_ESCAPES = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r'}


def unquote(s):
    body = s.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def read_po(path):
    entries, cur, field = [], None, None
    comments = []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    for n, line in enumerate(lines, 1):
        if line.startswith('#~') or not line.strip():
            continue
        if line.startswith('#'):
            comments.append(line)
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if m:
            kw = m.group(1)
            if kw == 'msgctxt' or (kw == 'msgid' and (cur is None or cur.msgid is not None)):
                cur = Entry(n)
                entries.append(cur)
                for c in comments:
                    if c.startswith('#,'):
                        cur.flags.update(x.strip() for x in c[2:].split(','))
                    e = re.match(r'#\.\s*expect:\s*(.*)', c)
                    if e:
                        cur.expect += e.group(1).split()
                comments = []
            field = ('str', int(m.group(2) or 0)) if kw.startswith('msgstr') else kw
            text = unquote(m.group(3))
            if kw == 'msgctxt':
                cur.ctxt = text
            elif kw == 'msgid':
                cur.msgid = text
            elif kw == 'msgid_plural':
                cur.plural = text
            else:
                cur.strs[field[1]] = text
        elif line.startswith('"') and cur is not None:
            text = unquote(line)
            if isinstance(field, tuple):
                cur.strs[field[1]] += text
            elif field == 'msgctxt':
                cur.ctxt += text
            elif field == 'msgid':
                cur.msgid += text
            elif field == 'msgid_plural':
                cur.plural += text
    return [e for e in entries if e.msgid]


# --------------------------------------------------------------------------
# What text is: Persian letters, and the Latin pieces the rules look past.

LETTER = '\u0621-\u063A\u0641-\u064A\u0654\u067E\u0686\u0698\u06A9\u06AF\u06CC'
ZWNJ = '\u200c'
WORD_END = f'(?![{LETTER}{ZWNJ}])'
WORD_START = f'(?<![{LETTER}{ZWNJ}])'
BIDI_MARKS = '\u200e\u200f\u061c\u2066\u2067\u2068\u2069'
PRINTF = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|z|j|t)?[diouxXeEfFgGcsp%]")
URL = re.compile(r'https?://[^\s«»"<>()،؛\u2069]*[^\s«»"<>()،؛\u2069.,;:?!]')
OPTION = re.compile(r'(?<![\w-])--?[A-Za-z][\w-]*')
FILENAME = re.compile(r'[\w\-\u0600-\u06FF\u200c%]+(?:/[\w\-.%]+)*\.(?:png|csv|json|db)\b')
METAVAR = re.compile(r'^[A-Z]{2,15}$')


def persian(s):
    return re.search(f'[{LETTER}]', s) is not None


def mask(s):
    """Blanks placeholders, URLs, options and file names, so that digit and
    punctuation rules do not look inside them."""
    for pattern in (URL, PRINTF, OPTION, FILENAME):
        s = pattern.sub(lambda m: '\x00' * len(m.group(0)), s)
    return s


def is_keywords(msgid):
    """A desktop file's Keywords list: ASCII ';' is its syntax."""
    return re.fullmatch(r'[^;\s]+(;[^;\s]+)*;', msgid) is not None


# --------------------------------------------------------------------------
# The rules. Each takes (entry, msgid, msgstr) for one translation and yields
# messages; RULES names them. They only judge text that holds Persian.

# ي ك ى ة and the Arabic-Indic digits look like Persian but are other code
# points: search, sorting and the Persian fonts' shapes all differ.
ARABIC = {'\u064A': 'ی', '\u0643': 'ک', '\u0649': 'ی', '\u0629': 'ه/ت', '\u06D5': 'ه', '\u06BE': 'ه'}


def rule_arabic_char(e, msgid, s):
    for ch, right in ARABIC.items():
        if ch in s:
            yield f'Arabic «{ch}» (U+{ord(ch):04X}); write «{right}»'
    if re.search('[\u0660-\u0669]', s):
        yield 'Arabic-Indic digits ٠-٩; write ۰-۹'


# Words that are one word with a half-space (ZWNJ) inside, written wrongly
# with a space or glued: «می شود», «ثبت نام» → «می‌شود», «ثبت‌نام».
COMPOUNDS = {
    'ثبت نام': 'ثبت‌نام', 'همگام سازی': 'همگام‌سازی', 'همگامسازی': 'همگام‌سازی', 'پیش فرض': 'پیش‌فرض',
    'پیشفرض': 'پیش‌فرض', 'پیش بینی': 'پیش‌بینی', 'صفحه کلید': 'صفحه‌کلید', 'صفحه گسترده': 'صفحه‌گسترده',
    'میان بر': 'میان‌بر', 'دست کم': 'دست‌کم', 'جست و جو': 'جست‌وجو', 'توسعه دهنده': 'توسعه‌دهنده',
    'نگه داری': 'نگه‌داری', 'به روز': 'به‌روز', 'مراجعه کننده': 'مراجعه‌کننده', 'نیمه تمام': 'نیمه‌تمام',
    'اندازه گیری': 'اندازه‌گیری',
}
# Plural bases that end in a joining letter, so that «ها» glued to them shows
# the missing ZWNJ («ابلاغها»); «دفترها» and «استانداردها» are right as they are.
PLURAL_BASES = ['ابلاغ', 'ابلاغیه', 'نوبت', 'شیفت', 'پرونده', 'باجه', 'دادخواست', 'شکوائیه', 'ثبت',
                'صفحه', 'ساعت', 'هفته', 'بازه', 'گزینه', 'نشانی', 'داده', 'تنظیم', 'پوشه', 'فایل',
                'رایانه', 'درخواست', 'لایحه', 'خدمت', 'مراجعه', 'نقطه', 'صبح', 'نویسه']


def rule_zwnj(e, msgid, s):
    t = re.sub(f'[{BIDI_MARKS}]', '', s)
    for m in re.finditer(f'{WORD_START}(ن?می) (?=[{LETTER}])', t):
        yield f'«{m.group(1)} …»: the verb prefix takes a ZWNJ, «{m.group(1)}‌…»'
    for m in re.finditer(f'([{LETTER}]+) (ها|های|هایی){WORD_END}', t):
        yield f'«{m.group(0)}»: the plural takes a ZWNJ, «{m.group(1)}‌{m.group(2)}»'
    for base in PLURAL_BASES:
        for m in re.finditer(f'{WORD_START}{base}(ها|های|هایی){WORD_END}', t):
            yield f'«{m.group(0)}»: the plural takes a ZWNJ, «{base}‌{m.group(1)}»'
    for m in re.finditer(f'([{LETTER}]+) (تر|ترین){WORD_END}', t):
        yield f'«{m.group(0)}»: the comparative takes a ZWNJ, «{m.group(1)}‌{m.group(2)}»'
    for m in re.finditer(f'([{LETTER}]+ه) (ای|اند){WORD_END}', t):
        yield f'«{m.group(0)}»: write «{m.group(1)}‌{m.group(2)}»'
    for wrong, right in COMPOUNDS.items():
        if re.search(f'{WORD_START}{wrong}{WORD_END}', t):
            yield f'«{wrong}»: write «{right}»'
    if re.search(f'{ZWNJ}{ZWNJ}|(^|[\\s.,:;،؛«»()]){ZWNJ}|{ZWNJ}($|[\\s.,:;،؛«»()])', t):
        yield 'a ZWNJ doubled or next to a space, punctuation or the edge'


# Figures are formatted in code with the digits preference; a Latin digit
# typed into the msgstr of a msgid without digits would ignore it.
def rule_latin_digits(e, msgid, s):
    if re.search('[0-9]', mask(s)) and not re.search('[0-9]', mask(msgid)):
        yield f'Latin digits that the msgid does not have: {re.findall("[0-9]+", mask(s))}'


# Persian has its own comma, semicolon and question mark. ASCII ones stay
# only between Latin words (“true, false”) and in Keywords lists.
def rule_ascii_punct(e, msgid, s):
    if is_keywords(msgid):
        if not s.endswith(';') or '؛' in s:
            yield 'a Keywords list is separated and ended by ASCII «;»'
        return
    t = mask(re.sub(f'[{BIDI_MARKS}]', '', s))
    for m in re.finditer('[,;?]', t):
        before = t[:m.start()].rstrip(' \x00')[-1:]
        after = t[m.end():].lstrip(' \x00')[:1]
        if re.match('[A-Za-z0-9)]', before) and re.match('[A-Za-z0-9(]', after):
            continue
        yield f'ASCII «{m.group(0)}» in Persian text; write «{ {",": "،", ";": "؛", "?": "؟"}[m.group(0)] }»'


# Persian text quotes with « », never with English quotes.
def rule_quotes(e, msgid, s):
    if re.search('[“”‘’"]', mask(s)):
        yield 'English quotes in Persian text; write « »'


# The file writes the ezafe after ه as «هٔ»; «ۀ» is the other encoding of it.
def rule_ezafe(e, msgid, s):
    if '\u06C0' in s:
        yield '«ۀ» (U+06C0); the file writes «هٔ» (ه + U+0654)'


# The judiciary's words. In this app «پرونده» is a court case, «نقض» is what
# a court does to a verdict, «مَراجع» are authorities and «دفتر» is also the
# office: each has one word that cannot be misread.
def rule_terms(e, msgid, s):
    low = msgid.lower()
    if re.search(f'{WORD_START}نقض', s):
        yield '«نقض»: a missed standard is «رعایت نشد» («نقض» reads as quashing a verdict)'
    if re.search(f'{WORD_START}مراجع{WORD_END}(?! قضایی)', s):
        yield 'bare «مراجع» reads as «مَراجع» (authorities); a client is «مراجعه‌کننده», clients «مراجعان»'
    if (re.search(r'\b(files?|spreadsheets?|folders?)\b', low) and 'پرونده' in s
            and not re.search(r'\b(cases?|filed|filings?)\b', low)):
        yield '«پرونده» is a court case here; a computer file is «فایل»'
    if 'رمز دسترسی' in s or ('token' in low and 'رمز' in s):
        yield 'the access token is «توکن دسترسی» everywhere («رمز» reads as a password)'
    if 'رویت' in s:
        yield 'write «رؤیت»'
    if 'جستجو' in s:
        yield 'write «جست‌وجو»'
    if re.search('دفترها', s):
        yield 'the plural of the offices is «دفاتر», as in «دفاتر خدمات الکترونیک قضایی»'
    if (re.search(r'\bDaftar\b', msgid) and msgid not in ('Daftar',) and 'دفتر' in s
            and '«دفتر»' not in s and 'برنامه' not in s):
        yield 'the app\'s name alone reads as "the office"; write «برنامهٔ «دفتر»», «دفتر» in guillemets or «برنامه»'


# Command lines stay Latin: metavariables keep their English names (FILE,
# DIR…), as the options and the other help lines show them, and an option
# inside Persian text is fenced by LRM or isolates so it does not print as
# «report--».
def rule_command_line(e, msgid, s, metavars=()):
    if METAVAR.match(msgid) and s != msgid:
        yield f'the metavariable {msgid} stays Latin in --help'
    for mv in metavars:
        pattern = f'(?<![A-Za-z]){mv}(?![A-Za-z])'
        if msgid != mv and re.search(pattern, msgid) and not re.search(pattern, s):
            yield f'the metavariable {mv} of the msgid is missing or translated'
    for m in re.finditer(r'(?<![\w\u200e\u2066\u2068-])--[A-Za-z][\w-]*', s):
        before = s[:m.start()].rstrip(' ')[-1:]
        if re.match('[A-Za-z]', before):
            continue  # inside a Latin run such as «daftar --demo»
        if s[m.end():m.end() + 1] not in ('\u200e', '\u2069'):
            yield f'«{m.group(0)}» in Persian text without LRM or an isolate around it'


# Pango takes the paragraph's direction from its first strong letter: a
# Persian message that starts with a Latin word, or with a path, address or
# file name, is laid out left to right.
def rule_bidi_start(e, msgid, s):
    t = s.lstrip(' «')
    if re.match('[A-Za-z]', t):
        yield 'starts with a Latin word; start with a Persian one'
    elif (re.match(r'%(\d+\$)?s', t)
          and re.search(r'\b(path|file|folder|address|URL|database|date|Saved|write)\b', msgid, re.I)):
        yield 'starts with a path, address or file name; start with a Persian word and isolate it (FSI…PDI)'


# The About window shows translator-credits under "Translated by".
def rule_credits(e, msgid, s):
    if msgid == 'translator-credits' and ('توسعه‌دهندگان' in s or s == msgid):
        yield 'translator-credits names the translators, not the developers'


RULES = {
    'arabic-char': rule_arabic_char,
    'zwnj': rule_zwnj,
    'latin-digits': rule_latin_digits,
    'ascii-punct': rule_ascii_punct,
    'quotes': rule_quotes,
    'ezafe': rule_ezafe,
    'term': rule_terms,
    'command-line': rule_command_line,
    'bidi-start': rule_bidi_start,
    'credits': rule_credits,
}


def rule_problems(entries):
    """[(entry, rule, message)] for every translation that breaks a rule."""
    metavars = [e.msgid for e in entries if METAVAR.match(e.msgid)]
    found = []
    for e in entries:
        for i, s in sorted(e.strs.items()):
            if not s:
                continue
            msgid = e.plural if i > 0 and e.plural else e.msgid
            for name, rule in RULES.items():
                if name != 'command-line' and not persian(s):
                    continue
                args = (metavars,) if name == 'command-line' else ()
                for message in rule(e, msgid, s, *args):
                    found.append((e, name, message))
    return found


def msgfmt_problems(path, entries):
    """Placeholders and the rest of msgfmt --check, by entry: [(entry, 'placeholder', message)]."""
    check = subprocess.run(['msgfmt', '--check', '-o', os.devnull, path], capture_output=True, text=True)
    found = []
    for line in check.stderr.splitlines():
        m = re.match(r'.*?:(\d+): (.*)', line)
        if m:
            n = int(m.group(1))
            owner = max((e for e in entries if e.line <= n), key=lambda e: e.line, default=None)
            if owner is not None:
                found.append((owner, 'placeholder', m.group(2)))
    return found


# --------------------------------------------------------------------------


def completeness_problems(source_root):
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
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', os.path.join(po_dir, 'fa.po'), pot,
                        '-o', merged], check=True)
        for kind in ('untranslated', 'only-fuzzy'):
            out = subprocess.run(['msgattrib', f'--{kind}', '--no-obsolete', merged],
                                 check=True, capture_output=True, text=True).stdout
            ids = [m for m in re.findall(r'^msgid "(.*)"$', out, re.M) if m]
            for msgid in ids:
                problems.append(f'{kind.replace("only-", "")} in po/fa.po: "{msgid}"')
        # Entries that the sources no longer have: they would linger untested.
        out = subprocess.run(['msgattrib', '--only-obsolete', merged],
                             check=True, capture_output=True, text=True).stdout
        for msgid in re.findall(r'^#~ msgid "(.*)"$', out, re.M):
            problems.append(f'stale in po/fa.po (no source has it): "{msgid}"')
        check = subprocess.run(['msgfmt', '--check', '-o', os.devnull, merged], capture_output=True, text=True)
        if check.returncode != 0:
            problems.append('msgfmt --check fails:\n' + check.stderr)
    return problems


def main_check(source_root):
    path = os.path.join(source_root, 'po', 'fa.po')
    problems = completeness_problems(source_root)
    entries = read_po(path)
    for e, rule, message in rule_problems(entries):
        problems.append(f'po/fa.po:{e.line}: [{rule}] "{e.label()}": {message}')
    for p in problems:
        print(p)
    print(f'{len(problems)} problem(s) with the Persian translation')
    return 1 if problems else 0


def self_test(samples):
    """Each entry of bad.po names, in a "#. expect: RULE…" comment, exactly the
    rules that must fire on it; good.po holds traps that must pass."""
    failures = []
    fired_rules = set()
    for name in ('bad.po', 'good.po'):
        path = os.path.join(samples, name)
        entries = read_po(path)
        found = rule_problems(entries) + msgfmt_problems(path, entries)
        for e in entries:
            got = sorted({rule for owner, rule, _ in found if owner is e})
            want = sorted(set(e.expect))
            fired_rules.update(got)
            if got != want:
                detail = '; '.join(m for owner, _, m in found if owner is e)
                failures.append(f'{name}:{e.line}: "{e.label()}": expected {want or "no rule"}, got {got or "none"}'
                                + (f' ({detail})' if detail else ''))
    for rule in list(RULES) + ['placeholder']:
        if rule not in fired_rules:
            failures.append(f'rule {rule} never fired on {samples}/bad.po')
    for f in failures:
        print(f)
    print(f'{len(RULES) + 1} rules, {len(failures)} failure(s) on the samples')
    return 1 if failures else 0


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--self-test':
        sys.exit(self_test(sys.argv[2]))
    if len(sys.argv) != 2:
        sys.exit('usage: check-po.py SOURCE_ROOT | --self-test SAMPLES_DIR')
    sys.exit(main_check(sys.argv[1]))
