"""The request figures of every unit, computed by DuckDB (2 threads) on the same files with the same
normalisation as Jiceng (contract §2–§5): header aliases, status/satisfaction synonyms, every date
form of the sample drops (date-times to dates), units named by grid_id, unit_id or community name or
alias (+ street name or alias) resolved to unit ids through units.csv, first occurrence of a
request_id wins, the period filter by year, and the roll-up of each unit's subtree (a request
attached to a community counts for its street, district and city).

    python duckdb_requests.py DROP YEAR > answers.csv

Works on both sample shapes (messy and clean). Prints one CSV line per unit of units.csv:
unit_id and the nine figures of FIGURES; compare_requests.py checks them against Jiceng's
indicators.csv. Reading units.csv (a few thousand rows) is done in Python; every request row goes
through DuckDB.
"""
import csv
import glob
import os
import sys
import time

import duckdb

FIGURES = ["received", "resolved", "in_progress", "explained", "open", "ontime", "days_to_close_sum", "satisfied", "rated"]
ONTIME_LIMIT = 15

REQUEST_ALIASES = {
    "request_id": ["request_id", "诉求编号", "工单编号", "工单号"],
    "received_at": ["received_at", "受理时间", "受理日期", "登记时间"],
    "status": ["status", "办理状态", "状态"],
    "closed_at": ["closed_at", "办结时间", "办结日期"],
    "satisfaction": ["satisfaction", "满意度", "回访满意度"],
    "grid_id": ["grid_id", "网格编码", "网格编号"],
    "unit_id": ["unit_id", "单位编码"],
    "community": ["community", "社区", "所属社区", "社区名称"],
    "street": ["street", "街道", "所属街道", "街道名称", "乡镇"],
}
UNIT_ALIASES = {
    "unit_id": ["unit_id", "单位编码", "编码", "代码"],
    "name": ["name", "名称", "单位名称"],
    "level": ["level", "层级", "级别"],
    "parent_id": ["parent_id", "上级编码", "上级单位编码"],
    "aliases": ["aliases", "别名"],
}
STREET_LEVELS = {"street", "街道", "乡镇", "镇", "乡"}
COMMUNITY_LEVELS = {"community", "社区", "村"}
STATUS = {
    "resolved": ["resolved", "已解决", "已办结", "办结", "已回应解决"],
    "in_progress": ["in_progress", "办理中", "正在办理", "跟踪办理", "正在跟踪办理"],
    "explained": ["explained", "已解释", "已答复", "暂无法办理", "已做好解释"],
    "open": ["open", "未办理", "待办", "未受理"],
}
SATISFACTION = {
    "satisfied": ["satisfied", "满意"],
    "basically_satisfied": ["basically_satisfied", "基本满意"],
    "dissatisfied": ["dissatisfied", "不满意"],
}
MISSING = ["", "-", "—", "n/a", "na", "null"]


def fold(s):
    """Header matching (§2): trim, no BOM, full-width to half-width, case-insensitive."""
    out = []
    for ch in s.strip().lstrip("\ufeff"):
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        elif o == 0x3000:
            ch = " "
        out.append(ch.lower())
    return "".join(out).strip()


def columns(header, aliases):
    """Canonical name → header as written, for the columns of `aliases` the header has."""
    found = {}
    for name, names in aliases.items():
        folded = {fold(a) for a in names}
        for h in header:
            if fold(h) in folded:
                found[name] = h
                break
    return found


def read_units(drop):
    """Units (id, parent, level, names) from units*.csv, as Python lists (the file is small)."""
    units = []
    for path in sorted(glob.glob(os.path.join(drop, "units*.csv"))):
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        rows = list(csv.reader(text.splitlines()))
        cols = columns(rows[0], UNIT_ALIASES)
        at = {name: rows[0].index(h) for name, h in cols.items()}
        for row in rows[1:]:
            get = lambda n: row[at[n]].strip() if n in at and at[n] < len(row) else ""
            names = [get("name")] + [a.strip() for a in get("aliases").replace("；", ";").split(";") if a.strip()]
            units.append((get("unit_id"), get("parent_id"), get("level"), names))
    return units


def lookup_tables(units):
    """(unit, ancestor) pairs for the roll-up, and (community text, street text) → unit id for
    every name or alias of a community, with an empty street text or any name or alias of its
    street; pairs that name more than one community are left out (an unknown-unit error)."""
    parent = {u[0]: u[1] for u in units}
    pairs = []
    for unit_id, _, _, _ in units:
        current = unit_id
        while current:
            pairs.append((unit_id, current))
            current = parent.get(current, "")
    street_names = {u[0]: u[3] for u in units if u[2] in STREET_LEVELS}
    candidates = {}
    for unit_id, parent_id, level, names in units:
        if level not in COMMUNITY_LEVELS:
            continue
        for name in set(names):
            candidates.setdefault((name, ""), set()).add(unit_id)
            for street in set(street_names.get(parent_id, [])):
                candidates.setdefault((name, street), set()).add(unit_id)
    names = [(n, s, ids.pop()) for (n, s), ids in candidates.items() if len(ids) == 1]
    return pairs, names


def mapping(column, table):
    arms = " ".join(
        f"WHEN {column} IN ({', '.join(repr(v) for v in values)}) THEN '{name}'" for name, values in table.items()
    )
    return f"CASE {arms} ELSE NULL END"


# Date part of every date form of the sample drops (§2, §9): an ISO date or date-time by a plain
# cast, then 2022/4/26, 2022.4.26, 2022年4月26日 (with or without a time) and 20220426[hhmmss].
DATE = """
coalesce(
  TRY_CAST(left({c}, 10) AS DATE),
  CASE
    WHEN regexp_matches({c}, '^[0-9]{{8}}') THEN try_strptime(substr({c}, 1, 8), '%Y%m%d')::DATE
    ELSE make_date(
      TRY_CAST(regexp_extract({c}, '^([0-9]{{4}})[-/.年]([0-9]{{1,2}})[-/.月]([0-9]{{1,2}})', 1) AS INTEGER),
      TRY_CAST(regexp_extract({c}, '^([0-9]{{4}})[-/.年]([0-9]{{1,2}})[-/.月]([0-9]{{1,2}})', 2) AS INTEGER),
      TRY_CAST(regexp_extract({c}, '^([0-9]{{4}})[-/.年]([0-9]{{1,2}})[-/.月]([0-9]{{1,2}})', 3) AS INTEGER))
  END)
"""


def main():
    drop, year = sys.argv[1], int(sys.argv[2])
    con = duckdb.connect()
    con.execute("SET threads = 2")
    units = read_units(drop)
    pairs, names = lookup_tables(units)
    con.execute("CREATE TEMP TABLE unit_ids (unit_id VARCHAR, position INTEGER)")
    con.executemany("INSERT INTO unit_ids VALUES (?, ?)", [(u[0], i) for i, u in enumerate(units)])
    con.execute("CREATE TEMP TABLE ancestors (unit_id VARCHAR, ancestor VARCHAR)")
    con.executemany("INSERT INTO ancestors VALUES (?, ?)", pairs)
    con.execute("CREATE TEMP TABLE community_names (community VARCHAR, street VARCHAR, unit_id VARCHAR)")
    con.executemany("INSERT INTO community_names VALUES (?, ?, ?)", names)

    missing = ", ".join(repr(m) for m in MISSING)
    selects = []
    for i, path in enumerate(sorted(glob.glob(os.path.join(drop, "requests*.csv")))):
        with open(path, encoding="utf-8-sig") as f:
            header = next(csv.reader([f.readline()]))
        cols = columns(header, REQUEST_ALIASES)

        def q(n):
            if n not in cols:
                return "NULL"
            cell = f'trim(CAST("{cols[n].lstrip(chr(0xFEFF))}" AS VARCHAR))'
            return f"CASE WHEN lower({cell}) IN ({missing}) THEN NULL ELSE {cell} END"

        selects.append(
            f"SELECT {i} AS file, row_number() OVER () AS rn, {q('request_id')} AS request_id, "
            f"{q('received_at')} AS received_at, {q('status')} AS status, {q('closed_at')} AS closed_at, "
            f"{q('satisfaction')} AS satisfaction, {q('grid_id')} AS grid_id, {q('unit_id')} AS unit_id, "
            f"{q('community')} AS community, {q('street')} AS street "
            f"FROM read_csv('{path}', header=true, all_varchar=true, quote='\"', escape='\"')"
        )
    started = time.time()
    con.execute("CREATE TEMP TABLE raw AS " + " UNION ALL ".join(selects))
    rows = con.execute(f"""
        WITH norm AS (
          SELECT r.file, r.rn, r.request_id,
                 coalesce(r.grid_id, r.unit_id, n.unit_id) AS unit_id,
                 {DATE.format(c='r.received_at')} AS received,
                 {DATE.format(c='r.closed_at')} AS closed,
                 {mapping('r.status', STATUS)} AS st,
                 {mapping('r.satisfaction', SATISFACTION)} AS sat
          FROM raw r
          LEFT JOIN community_names n
            ON r.grid_id IS NULL AND r.unit_id IS NULL
           AND n.community = r.community AND n.street = coalesce(r.street, '')
        ),
        firsts AS (
          SELECT * FROM (
            SELECT *, row_number() OVER (PARTITION BY request_id ORDER BY file, rn) AS occurrence FROM norm
          ) WHERE occurrence = 1
        ),
        attached AS (
          SELECT unit_id,
                 count(*) AS received,
                 count(*) FILTER (WHERE st = 'resolved') AS resolved,
                 count(*) FILTER (WHERE st = 'in_progress') AS in_progress,
                 count(*) FILTER (WHERE st = 'explained') AS explained,
                 count(*) FILTER (WHERE st = 'open') AS open,
                 count(*) FILTER (WHERE st = 'resolved' AND closed - received <= {ONTIME_LIMIT}) AS ontime,
                 coalesce(sum(closed - received) FILTER (WHERE st = 'resolved'), 0) AS days_to_close_sum,
                 count(*) FILTER (WHERE sat IN ('satisfied', 'basically_satisfied')) AS satisfied,
                 count(*) FILTER (WHERE sat IS NOT NULL) AS rated
          FROM firsts WHERE year(received) = {year}
          GROUP BY unit_id
        ),
        rolled AS (
          SELECT a.ancestor AS unit_id, {', '.join(f'sum(t.{f}) AS {f}' for f in FIGURES)}
          FROM attached t JOIN ancestors a ON a.unit_id = t.unit_id
          GROUP BY a.ancestor
        )
        SELECT u.unit_id, {', '.join(f'coalesce(r.{f}, 0)' for f in FIGURES)}
        FROM unit_ids u LEFT JOIN rolled r ON r.unit_id = u.unit_id
        ORDER BY u.position
    """).fetchall()
    elapsed = time.time() - started
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["unit_id"] + FIGURES)
    for row in rows:
        out.writerow([row[0]] + [int(v) for v in row[1:]])
    print(f"duckdb_query_seconds={elapsed:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
