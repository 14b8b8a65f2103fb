"""The request figures of every unit, computed by DuckDB (2 threads) on the same files with the same
normalisation as Jiceng (contract §2–§5), in one of two ways.

General path (any drop, e.g. the messy shape): header aliases, status/satisfaction synonyms, every
date form of the sample drops (date-times to dates), units named by grid_id, unit_id or community
name or alias (+ street name or alias) resolved to unit ids through units.csv, first occurrence of
a request_id wins, the period filter by year, and the roll-up of each unit's subtree (a request
attached to a community counts for its street, district and city).

Clean fast path (DuckDB at its best on the clean shape): taken when the drop has exactly one
requests*.csv whose header is exactly the canonical one (CLEAN_HEADER), or demanded with --clean
(an error if the drop is not of that shape). One query, no temporary table, no regular
expression: a typed read_csv (received_at and closed_at parsed straight to DATE with the format
'%Y-%m-%d %H:%M', so a date-time becomes its date while the file is read), the rows of the year
grouped by (community, street, status, satisfaction) with their count, on-time count and day sum,
then the few hundred groups joined to small tables: synonyms → status and satisfaction, community
(+ street) names or aliases → unit id, (unit, ancestor) pairs for the roll-up. The same answers
as the general path on a clean drop, but request_id is not checked for uniqueness (the issue's
definition of the DuckDB figure). With --dedup it is, first occurrence winning, by the cheapest
of the forms measured (Benchmarks/README.md): number the rows in file order, find the ids that
occur more than once with the number of their first row (GROUP BY request_id HAVING count(*) > 1),
and keep every row whose id is not among them or which is that first row (DEDUP).

    python duckdb_requests.py DROP YEAR [--clean [--dedup] | --general] > answers.csv

Prints one CSV line per unit of units.csv: unit_id and the nine figures of FIGURES;
compare_requests.py checks them against Jiceng's indicators.csv. Reading units.csv (a few
thousand rows) is done in Python; every request row goes through DuckDB.
"""
import csv
import glob
import os
import sys
import time

import duckdb

FIGURES = ["received", "resolved", "in_progress", "explained", "open", "ontime", "days_to_close_sum", "satisfied", "rated"]
ONTIME_LIMIT = 15

# The end of both queries: each unit's figures (table `attached`) summed over its ancestors
# (`ancestors`), then one row per unit of units.csv in file order (`unit_ids`).
ROLL_UP = f"""rolled AS (
          SELECT a.ancestor AS unit_id, {', '.join(f'sum(t.{f}) AS {f}' for f in FIGURES)}
          FROM attached t JOIN ancestors a ON a.unit_id = t.unit_id
          GROUP BY a.ancestor
        )
        SELECT u.unit_id, {', '.join(f'coalesce(r.{f}, 0)' for f in FIGURES)}
        FROM unit_ids u LEFT JOIN rolled r ON r.unit_id = u.unit_id
        ORDER BY u.position"""

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
CLEAN_HEADER = ["request_id", "received_at", "channel", "community", "street", "category", "status", "closed_at", "satisfaction"]


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


def general(drop, year):
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
        {ROLL_UP}
    """).fetchall()
    print(f"duckdb_query_seconds={time.time() - started:.2f} (general path)", file=sys.stderr)
    return rows


def clean_requests(drop):
    """The one requests*.csv of a clean drop (UTF-8, exactly CLEAN_HEADER), else None."""
    paths = sorted(glob.glob(os.path.join(drop, "requests*.csv")))
    if len(paths) != 1:
        return None
    with open(paths[0], "rb") as f:
        first = f.readline()
    try:
        header = first.decode("utf-8").rstrip("\r\n").split(",")
    except UnicodeDecodeError:
        return None
    return paths[0] if header == CLEAN_HEADER else None


def literal(v):
    return str(v) if isinstance(v, int) else "'" + v.replace("'", "''") + "'"


def table(con, name, columns, rows):
    """A small table from Python rows, by one VALUES list (far quicker than executemany)."""
    values = ", ".join("(" + ", ".join(literal(v) for v in row) + ")" for row in rows)
    con.execute(f"CREATE TABLE {name} AS SELECT * FROM (VALUES {values}) t({', '.join(columns)})")


# First occurrence of a request_id wins: an anti-join against the repeated ids (DuckDB materialises
# `numbered`, which is read twice). Cheaper in CPU than QUALIFY row_number() OVER (PARTITION BY
# request_id ORDER BY rn) = 1, arg_min per id, or count(DISTINCT) as a pre-check; not in memory.
DEDUP = """(
          WITH numbered AS (SELECT *, row_number() OVER () AS rn FROM {source}),
          repeated AS (SELECT request_id, min(rn) AS first FROM numbered GROUP BY request_id HAVING count(*) > 1)
          SELECT numbered.* FROM numbered LEFT JOIN repeated USING (request_id)
          WHERE repeated.first IS NULL OR numbered.rn = repeated.first)"""


def clean(drop, year, path, dedup):
    con = duckdb.connect()
    con.execute("SET threads = 2")
    units = read_units(drop)
    pairs, names = lookup_tables(units)
    table(con, "unit_ids", ["unit_id", "position"], [(u[0], i) for i, u in enumerate(units)])
    table(con, "ancestors", ["unit_id", "ancestor"], pairs)
    table(con, "community_names", ["community", "street", "unit_id"], names)
    table(con, "status_map", ["status", "st"], [(v, k) for k, vs in STATUS.items() for v in vs])
    table(con, "satisfaction_map", ["satisfaction", "sat"], [(v, k) for k, vs in SATISFACTION.items() for v in vs])
    types = {c: "DATE" if c in ("received_at", "closed_at") else "VARCHAR" for c in CLEAN_HEADER}
    source = f"read_csv({literal(path)}, header = true, columns = {types!r}, dateformat = '%Y-%m-%d %H:%M')"
    if dedup:
        source = DEDUP.format(source=source)
    started = time.time()
    rows = con.execute(f"""
        WITH grouped AS (
          SELECT community, coalesce(street, '') AS street, status, satisfaction, count(*) AS n,
                 count(*) FILTER (WHERE closed_at - received_at <= {ONTIME_LIMIT}) AS ontime,
                 sum(closed_at - received_at) AS days
          FROM {source}
          WHERE received_at BETWEEN DATE '{year}-01-01' AND DATE '{year}-12-31'
          GROUP BY ALL
        ),
        attached AS (
          SELECT n.unit_id,
                 sum(g.n) AS received,
                 coalesce(sum(g.n) FILTER (WHERE s.st = 'resolved'), 0) AS resolved,
                 coalesce(sum(g.n) FILTER (WHERE s.st = 'in_progress'), 0) AS in_progress,
                 coalesce(sum(g.n) FILTER (WHERE s.st = 'explained'), 0) AS explained,
                 coalesce(sum(g.n) FILTER (WHERE s.st = 'open'), 0) AS open,
                 coalesce(sum(g.ontime) FILTER (WHERE s.st = 'resolved'), 0) AS ontime,
                 coalesce(sum(g.days) FILTER (WHERE s.st = 'resolved'), 0) AS days_to_close_sum,
                 coalesce(sum(g.n) FILTER (WHERE a.sat IN ('satisfied', 'basically_satisfied')), 0) AS satisfied,
                 coalesce(sum(g.n) FILTER (WHERE a.sat IS NOT NULL), 0) AS rated
          FROM grouped g
          JOIN community_names n ON n.community = g.community AND n.street = g.street
          LEFT JOIN status_map s ON s.status = g.status
          LEFT JOIN satisfaction_map a ON a.satisfaction = g.satisfaction
          GROUP BY n.unit_id
        ),
        {ROLL_UP}
    """).fetchall()
    label = "clean fast path, first occurrence of a request_id" if dedup else "clean fast path, no request_id check"
    print(f"duckdb_query_seconds={time.time() - started:.2f} ({label})", file=sys.stderr)
    return rows


def main():
    args = sys.argv[1:]
    flags = {a for a in args if a.startswith("--")}
    positional = [a for a in args if not a.startswith("--")]
    if (len(positional) != 2 or flags - {"--clean", "--dedup", "--general"}
            or {"--clean", "--general"} <= flags or {"--dedup", "--general"} <= flags):
        sys.exit("usage: duckdb_requests.py DROP YEAR [--clean [--dedup] | --general]")
    drop, year = positional[0], int(positional[1])
    path = None if "--general" in flags else clean_requests(drop)
    if "--clean" in flags and path is None:
        sys.exit(f"--clean: {drop} has not exactly one UTF-8 requests*.csv headed {','.join(CLEAN_HEADER)}")
    if "--dedup" in flags and path is None:
        sys.exit("--dedup: only for the clean fast path (the general path always keeps the first occurrence)")
    rows = clean(drop, year, path, "--dedup" in flags) if path else general(drop, year)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["unit_id"] + FIGURES)
    for row in rows:
        out.writerow([row[0]] + [int(v) for v in row[1:]])


if __name__ == "__main__":
    main()
