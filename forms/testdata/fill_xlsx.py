"""Fill a blank sandboxbot workbook the way a third-party tool does.

Usage: /usr/bin/python3 fill_xlsx.py BLANK.xlsx VALUES.json OUT.xlsx

VALUES.json holds {"fields": {key: value}, "tables": {key: [[cell, ...], ...]}}.
A value {"date": "YYYY-MM-DD"} is written as a real date cell (an Excel
serial), other values as the JSON type they have (text, number, boolean).
Fields are found by their workbook-level defined names; table rows are written
from row 3 of the sheet named after the table, in the order of its header keys.
"""
import datetime
import json
import sys

import openpyxl


def cell_value(v):
    if isinstance(v, dict) and "date" in v:
        return datetime.date.fromisoformat(v["date"])
    return v


def main():
    blank, values, out = sys.argv[1:4]
    with open(values, encoding="utf-8") as f:
        data = json.load(f)
    wb = openpyxl.load_workbook(blank)
    names = {dn.name: dn for dn in wb.defined_names.definedName}
    for key, value in data.get("fields", {}).items():
        sheet, coord = next(iter(names[key].destinations))
        wb[sheet][coord.replace("$", "")] = cell_value(value)
    for key, rows in data.get("tables", {}).items():
        ws = wb[key]
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                ws.cell(row=3 + i, column=1 + j, value=cell_value(value))
    wb.save(out)


if __name__ == "__main__":
    main()
