#!/usr/bin/env python3
"""Recounts the city totals of generated sample drops, independently of Jiceng and of the generator.

Its own reading of contract v1: UTF-8 (with or without BOM) or GB18030, header aliases, the date
forms of contract section 2, status / satisfaction / boolean synonyms, full-width digits and
thousands separators. It counts only what the whole city sees, so it needs no unit resolution.
The figures pinned by the end-to-end tests (SampleDataBinaryTests) and those of SampleData/README.md
were checked with it.

    python3 SampleData/recount.py SampleData/2022Q1 SampleData/2022Q2 SampleData/2022Q3 SampleData/2022Q4
"""
import csv
import datetime
import glob
import io
import os
import re
import sys
import unicodedata

MISSING = {"", "-", "—", "n/a", "na", "null"}
YES = {"是", "有", "√", "yes", "true", "y", "1"}
NO_PARTY_ORG = {"未建立", "未组建", "无", "none"}
STATUS = {
    "resolved": ["已解决", "已办结", "办结", "已回应解决", "resolved"],
    "in_progress": ["办理中", "正在办理", "跟踪办理", "正在跟踪办理", "in_progress"],
    "explained": ["已解释", "已答复", "暂无法办理", "已做好解释", "explained"],
    "open": ["未办理", "待办", "未受理", "open"],
}
SATISFACTION = {
    "satisfied": ["满意", "satisfied"],
    "basically_satisfied": ["基本满意", "basically_satisfied"],
    "dissatisfied": ["不满意", "dissatisfied"],
}


def fold(text):
    return unicodedata.normalize("NFKC", text).strip().lower()


def read(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    rows = [row for row in csv.reader(io.StringIO(text, newline="")) if any(cell.strip() for cell in row)]
    return rows[0], rows[1:]


def column(header, *names):
    folded = [fold(h) for h in header]
    for name in names:
        if fold(name) in folded:
            return folded.index(fold(name))
    raise KeyError(names)


def date(text):
    text = fold(text)
    match = (re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
             or re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
             or re.match(r"(\d{4})(\d{2})(\d{2})", text))
    return datetime.date(int(match[1]), int(match[2]), int(match[3]))


def number(text):
    text = fold(text).replace(",", "")
    return int(text) if text.isdigit() else 0


def canonical(table, text):
    for name, words in table.items():
        if fold(text) in (fold(w) for w in words):
            return name
    raise ValueError(text)


def recount(drop):
    year, quarter = int(drop.rstrip("/")[-6:-2]), int(drop.rstrip("/")[-1])
    in_period = lambda d: d.year == year and (d.month - 1) // 3 + 1 == quarter
    r = dict.fromkeys(["received", "resolved", "in_progress", "explained", "open", "ontime", "days",
                       "satisfied", "basically_satisfied", "dissatisfied"], 0)
    for path in sorted(glob.glob(os.path.join(drop, "requests*.csv"))):
        header, rows = read(path)
        received = column(header, "received_at", "受理时间", "登记时间")
        status = column(header, "status", "办理状态", "状态")
        closed = column(header, "closed_at", "办结时间", "办结日期")
        satisfaction = column(header, "satisfaction", "满意度", "回访满意度")
        for row in rows:
            day = date(row[received])
            if not in_period(day):
                continue
            r["received"] += 1
            s = canonical(STATUS, row[status])
            r[s] += 1
            if s == "resolved":
                days = (date(row[closed]) - day).days
                r["days"] += days
                r["ontime"] += days <= 15
            if fold(row[satisfaction]) not in MISSING:
                r[canonical(SATISFACTION, row[satisfaction])] += 1

    header, rows = read(os.path.join(drop, "grids.csv"))
    g = {
        "grids": len(rows),
        "branches": sum(fold(row[column(header, "has_party_branch", "是否建立网格党支部")]) in YES for row in rows),
    }
    for key, names in [("households", ("households", "户数")), ("residents", ("residents", "常住人口")),
                       ("building_party_groups", ("building_party_groups", "楼栋党小组数")),
                       ("party_member_households", ("party_member_households", "党员中心户数")),
                       ("grid_workers", ("grid_workers", "网格员数"))]:
        g[key] = sum(number(row[column(header, *names)]) for row in rows)

    header, rows = read(os.path.join(drop, "services.csv"))
    when = column(header, "date", "服务日期")
    services = sum(in_period(date(row[when])) for row in rows)

    header, rows = read(os.path.join(drop, "property_companies.csv"))
    org = column(header, "party_org_type", "党组织组建方式")
    instructor = column(header, "has_instructor", "是否选派党建指导员")
    organised = [fold(row[org]) not in NO_PARTY_ORG for row in rows]
    instructed = [fold(row[instructor]) in YES for row in rows]
    p = {
        "companies": len(rows), "party_orgs": sum(organised), "instructors": sum(instructed),
        "party_work": sum(a or b for a, b in zip(organised, instructed)),
        "estates": sum(number(row[column(header, "estates_managed", "在管小区数")]) for row in rows),
    }

    rated = r["satisfied"] + r["basically_satisfied"] + r["dissatisfied"]
    print(f"{os.path.basename(drop.rstrip('/'))}: requests {r}")
    print(f"  resolution_rate {r['resolved'] / r['received']:.6f}, ontime_rate {r['ontime'] / r['resolved']:.6f}, "
          f"mean_days_to_close {r['days'] / r['resolved']:.6f}, "
          f"satisfaction_rate {r['satisfied'] + r['basically_satisfied']}/{rated} = "
          f"{(r['satisfied'] + r['basically_satisfied']) / rated:.6f}")
    print(f"  grids {g}")
    print(f"  services {services}, per 1,000 residents {services * 1000 / g['residents']:.6f}; companies {p}")


if __name__ == "__main__":
    for folder in sys.argv[1:]:
        recount(folder)
