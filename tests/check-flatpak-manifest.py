#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the Flatpak manifest against what the project promises: the app id,
# the GNOME runtime, the exact sandbox permissions, a checksummed font module
# and an app module whose meson options exist.
#
# Usage: check-flatpak-manifest.py MANIFEST MESON_OPTIONS APP_ID
#            [--install-deps PATH] [--flatpak-builder PATH]
#
# With --install-deps, the Vazirmatn module must take the npm registry's
# archive of the version tools/install-deps installs, pinned by the same
# sha256, so the Flatpak and a Debian machine draw Persian in the same font.
#
# With --flatpak-builder, the manifest is first loaded by `flatpak-builder
# --show-manifest` (so flatpak-builder itself must accept it) and its output is
# what gets checked; without it the file is read as plain JSON.

import argparse
import json
import re
import subprocess
import sys

ALLOWED_FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]
SHA256_RE = re.compile(r'^[0-9a-f]{64}$')
VAZIRMATN_URL = 'https://registry.npmjs.org/vazirmatn/-/vazirmatn-{version}.tgz'


def install_deps_pins(path):
    """The Vazirmatn version and sha256 that tools/install-deps pins."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    version = re.search(r'^vazirmatn_version=(\S+)$', text, re.M)
    sha256 = re.search(r'^vazirmatn_sha256=(\S+)$', text, re.M)
    if not version or not sha256:
        raise ValueError(f'{path} pins no vazirmatn_version and vazirmatn_sha256')
    return version.group(1), sha256.group(1)


def meson_option_names(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    return set(re.findall(r"""\boption\s*\(\s*['"]([A-Za-z0-9_-]+)['"]""", text))


def load_manifest(path, flatpak_builder):
    if flatpak_builder:
        proc = subprocess.run([flatpak_builder, '--show-manifest', path],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit('flatpak-builder --show-manifest failed:\n' + proc.stderr)
        return json.loads(proc.stdout)
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def check(manifest, option_names, app_id, font_pins=None):
    errors = []

    def expect(cond, message):
        if not cond:
            errors.append(message)

    if not isinstance(manifest, dict):
        return ['the manifest is not a JSON object']

    manifest_id = manifest.get('app-id', manifest.get('id'))
    expect(manifest_id == app_id, f'app-id is {manifest_id!r}, expected {app_id!r}')
    expect(manifest.get('runtime') == 'org.gnome.Platform',
           f"runtime is {manifest.get('runtime')!r}, expected 'org.gnome.Platform'")
    expect(manifest.get('sdk') == 'org.gnome.Sdk',
           f"sdk is {manifest.get('sdk')!r}, expected 'org.gnome.Sdk'")
    version = manifest.get('runtime-version')
    expect(isinstance(version, str) and re.fullmatch(r'[0-9]+', version or '') is not None,
           f'runtime-version is {version!r}, expected a stable GNOME version such as "51"')
    expect(manifest.get('command') == 'daftar',
           f"command is {manifest.get('command')!r}, expected 'daftar'")

    finish_args = manifest.get('finish-args', [])
    if not isinstance(finish_args, list):
        errors.append('finish-args is not a list')
        finish_args = []
    extra = [a for a in finish_args if a not in ALLOWED_FINISH_ARGS]
    missing = [a for a in ALLOWED_FINISH_ARGS if a not in finish_args]
    dupes = sorted({a for a in finish_args if finish_args.count(a) > 1})
    expect(not extra, f'finish-args not allowed: {extra}')
    expect(not missing, f'finish-args missing: {missing}')
    expect(not dupes, f'finish-args repeated: {dupes}')

    modules = manifest.get('modules', [])
    if not isinstance(modules, list) or not modules:
        return errors + ['modules is empty or not a list']
    modules = [m for m in modules if isinstance(m, dict)]

    def sources(module):
        s = module.get('sources', [])
        return [x for x in s if isinstance(x, dict)] if isinstance(s, list) else []

    fonts = [m for m in modules if any('/app/share/fonts' in c
                                       for c in m.get('build-commands', []) if isinstance(c, str))]
    expect(bool(fonts), 'no module installs fonts into /app/share/fonts')
    for m in fonts:
        remote = [s for s in sources(m) if s.get('type') in ('archive', 'file') and 'url' in s]
        expect(bool(remote), f"font module {m.get('name')!r} has no downloaded source")
        for s in remote:
            expect(s.get('url', '').startswith('https://'),
                   f"font source {s.get('url')!r} is not https")
            expect(SHA256_RE.match(str(s.get('sha256', ''))) is not None,
                   f"font source {s.get('url')!r} has no valid sha256")

    if font_pins is not None:
        version, sha256 = font_pins
        url = VAZIRMATN_URL.format(version=version)
        vazirmatn = [m for m in fonts if m.get('name') == 'vazirmatn']
        expect(len(vazirmatn) == 1, 'no font module named vazirmatn')
        for m in vazirmatn:
            remote = [s for s in sources(m) if s.get('url')]
            expect([s.get('url') for s in remote] == [url],
                   f'the vazirmatn module does not take {url}, the archive tools/install-deps installs')
            for s in remote:
                expect(s.get('sha256') == sha256,
                       f"the vazirmatn archive's sha256 {s.get('sha256')!r} is not {sha256!r} "
                       'as tools/install-deps pins it')

    app = modules[-1]
    expect(app.get('name') == 'daftar',
           f"the last module is {app.get('name')!r}, expected the app module 'daftar'")
    expect(app.get('buildsystem') == 'meson',
           f"app module buildsystem is {app.get('buildsystem')!r}, expected 'meson'")
    expect(app.get('run-tests') is True, 'app module does not set "run-tests": true')
    expect(any(s.get('type') == 'dir' for s in sources(app)),
           'app module is not built from the source directory (type "dir")')
    for opt in app.get('config-opts', []):
        m = re.match(r'^-D([^=]+)=', str(opt))
        if m:
            expect(m.group(1) in option_names,
                   f'config-opts {opt!r}: no option {m.group(1)!r} in meson_options.txt')
    return errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('manifest')
    parser.add_argument('meson_options')
    parser.add_argument('app_id')
    parser.add_argument('--flatpak-builder')
    parser.add_argument('--install-deps')
    args = parser.parse_args()

    try:
        manifest = load_manifest(args.manifest, args.flatpak_builder)
        font_pins = install_deps_pins(args.install_deps) if args.install_deps else None
    except (OSError, ValueError) as e:
        print(f'manifest cannot be read: {e}')
        return 1
    errors = check(manifest, meson_option_names(args.meson_options), args.app_id, font_pins)
    for e in errors:
        print(f'{args.manifest}: {e}')
    print('manifest ok' if not errors else f'{len(errors)} problem(s) found')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
