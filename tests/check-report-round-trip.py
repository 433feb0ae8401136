#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-report-round-trip.py: the CSV and the JSON of one `daftar --report` hold the same tables, rows and numbers.
"""Usage: check-report-round-trip.py REPORT.csv REPORT.json

Reads both with Python's own csv and json modules, as a script or a
spreadsheet would, and compares them cell by cell: numbers must be equal as
numbers (not merely close), an empty CSV cell is a JSON null, and a text
cell is the JSON string, or the string after the ' that keeps a spreadsheet
from running it as a formula. Prints how many numbers it compared."""

import csv
import json
import sys


def csv_tables(path):
    """The CSV's tables in order: (columns, rows), rows with their table name."""
    with open(path, newline='', encoding='utf-8-sig') as f:
        lines = list(csv.reader(f, strict=True))
    tables = []
    current = None
    for line in lines:
        if not line:
            current = None
            continue
        if current is None:
            if line[0] != 'table':
                sys.exit(f'a table does not start with its header: {line!r}')
            current = (line[1:], [])
            tables.append(current)
            continue
        current[1].append(line)
    return tables


def same_cell(where, text, value):
    """Whether the CSV cell @text holds the JSON @value; counts numbers."""
    if value is None:
        if text != '':
            sys.exit(f'{where}: CSV {text!r}, JSON null')
        return 0
    if isinstance(value, bool) or isinstance(value, str):
        if text != str(value) and text != "'" + str(value):
            sys.exit(f'{where}: CSV {text!r}, JSON {value!r}')
        return 0
    if isinstance(value, int):
        if int(text) != value:
            sys.exit(f'{where}: CSV {text!r}, JSON {value!r}')
        return 1
    if float(text) != value:
        sys.exit(f'{where}: CSV {text!r} is not the JSON number {value!r}')
    return 1


def main():
    csv_path, json_path = sys.argv[1:3]
    with open(json_path, encoding='utf-8') as f:
        report = json.load(f)
    json_tables = list(report['tables'].items())
    tables = csv_tables(csv_path)
    if len(tables) != len(json_tables):
        sys.exit(f'{len(tables)} tables in the CSV, {len(json_tables)} in the JSON')

    numbers = 0
    for (columns, rows), (name, table) in zip(tables, json_tables):
        if columns != table['columns']:
            sys.exit(f'{name}: CSV columns {columns!r}, JSON {table["columns"]!r}')
        if len(rows) != len(table['rows']):
            sys.exit(f'{name}: {len(rows)} rows in the CSV, {len(table["rows"])} in the JSON')
        for r, (line, values) in enumerate(zip(rows, table['rows'])):
            if line[0] != name or len(line) != len(values) + 1:
                sys.exit(f'{name} row {r}: CSV {line!r}, JSON {values!r}')
            for c, (text, value) in enumerate(zip(line[1:], values)):
                numbers += same_cell(f'{name} row {r} {columns[c]}', text, value)
    print(numbers)


if __name__ == '__main__':
    main()
