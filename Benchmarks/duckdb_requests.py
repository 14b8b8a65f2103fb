"""The request indicators of the city, computed by DuckDB on the same files with the same
normalisation as Jiceng (contract v1 §2–§5): header aliases, status/satisfaction synonyms, every
date form, the period filter, and first-occurrence uniqueness of request_id. Prints one line of
figures that benchmark.sh compares with Jiceng's indicators.csv.

Unit references are not resolved: on a valid sample drop every row resolves to a unit of the
city, so the city's figures need no resolution. That leaves DuckDB slightly less work than Jiceng.
"""
import glob
import os
import sys
import time

import duckdb

ALIASES = {
    "request_id": ["request_id", "诉求编号", "工单编号", "工单号"],
    "received_at": ["received_at", "受理时间", "受理日期", "登记时间"],
    "status": ["status", "办理状态", "状态"],
    "closed_at": ["closed_at", "办结时间", "办结日期"],
    "satisfaction": ["satisfaction", "满意度", "回访满意度"],
}
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


def fold(s):
    out = []
    for ch in s.strip().lstrip("\ufeff"):
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        out.append(ch.lower())
    return "".join(out).strip()


def case(column, table):
    arms = " ".join(
        f"WHEN {column} IN ({', '.join(repr(v) for v in values)}) THEN '{name}'" for name, values in table.items()
    )
    return f"CASE {arms} ELSE NULL END"


# Every date form of §2 (date part only): 2022-04-26, 2022/4/26, 2022.4.26, 2022年4月26日, 20220426.
DATE = """
CASE
  WHEN regexp_matches({c}, '^[0-9]{{8}}') THEN try_strptime(substr({c}, 1, 8), '%Y%m%d')::DATE
  ELSE make_date(
    TRY_CAST(regexp_extract({c}, '^([0-9]{{4}})[-/.年]([0-9]{{1,2}})[-/.月]([0-9]{{1,2}})', 1) AS INTEGER),
    TRY_CAST(regexp_extract({c}, '^([0-9]{{4}})[-/.年]([0-9]{{1,2}})[-/.月]([0-9]{{1,2}})', 2) AS INTEGER),
    TRY_CAST(regexp_extract({c}, '^([0-9]{{4}})[-/.年]([0-9]{{1,2}})[-/.月]([0-9]{{1,2}})', 3) AS INTEGER))
END
"""


def main():
    drop, year = sys.argv[1], int(sys.argv[2])
    files = sorted(glob.glob(os.path.join(drop, "requests*.csv")))
    con = duckdb.connect()
    selects = []
    for i, path in enumerate(files):
        with open(path, encoding="utf-8-sig") as f:
            header = f.readline().rstrip("\r\n").split(",")
        cols = {}
        for name, aliases in ALIASES.items():
            folded = {fold(a) for a in aliases}
            for h in header:
                if fold(h) in folded:
                    cols[name] = h.lstrip("\ufeff")
                    break
        q = lambda n: f'trim(CAST("{cols[n]}" AS VARCHAR))' if n in cols else "NULL"
        selects.append(
            f"SELECT {i} AS file, row_number() OVER () AS rn, {q('request_id')} AS request_id, "
            f"{q('received_at')} AS received_at, {q('status')} AS status, {q('closed_at')} AS closed_at, "
            f"{q('satisfaction')} AS satisfaction "
            f"FROM read_csv('{path}', header=true, all_varchar=true, quote='\"', escape='\"')"
        )
    started = time.time()
    con.execute("CREATE TEMP TABLE raw AS " + " UNION ALL ".join(selects))
    row = con.execute(f"""
        WITH norm AS (
          SELECT file, rn, request_id,
                 {DATE.format(c='received_at')} AS received,
                 {DATE.format(c="nullif(closed_at, '')")} AS closed,
                 {case('status', STATUS)} AS st,
                 {case('satisfaction', SATISFACTION)} AS sat
          FROM raw
        ),
        firsts AS (
          SELECT * FROM (
            SELECT *, row_number() OVER (PARTITION BY request_id ORDER BY file, rn) AS occurrence FROM norm
          ) WHERE occurrence = 1
        ),
        inperiod AS (SELECT * FROM firsts WHERE year(received) = {year})
        SELECT count(*),
               count(*) FILTER (WHERE st = 'resolved'),
               count(*) FILTER (WHERE st = 'in_progress'),
               count(*) FILTER (WHERE st = 'explained'),
               count(*) FILTER (WHERE st = 'open'),
               count(*) FILTER (WHERE st = 'resolved' AND closed - received <= 15),
               sum(closed - received) FILTER (WHERE st = 'resolved'),
               count(*) FILTER (WHERE sat IN ('satisfied', 'basically_satisfied')),
               count(*) FILTER (WHERE sat IS NOT NULL)
        FROM inperiod
    """).fetchone()
    elapsed = time.time() - started
    names = ["requests_received", "requests_resolved", "requests_in_progress", "requests_explained", "requests_open",
             "ontime_numerator", "days_to_close_sum", "satisfied", "rated"]
    print(" ".join(f"{n}={v}" for n, v in zip(names, row)))
    print(f"duckdb_query_seconds={elapsed:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
