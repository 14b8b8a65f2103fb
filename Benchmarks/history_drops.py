#!/usr/bin/env python3
"""Quarterly drops for the history benchmark (not a test): a city of about UNITS units
(1 city, 10 districts, 100 streets, 1,000 communities, the rest grids), with one grid row per
grid, property companies, services and requests dated inside the quarter.

    python3 Benchmarks/history_drops.py OUT YEAR QUARTER [UNITS] [REQUESTS]

Same arguments, same files (the seed is the quarter)."""
import os
import random
import sys

out, year, quarter = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
units = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
requests = int(sys.argv[5]) if len(sys.argv) > 5 else 50000
rng = random.Random(year * 10 + quarter)
os.makedirs(out, exist_ok=True)

districts = [f"D{i:02d}" for i in range(10)]
streets = [f"S{i:03d}" for i in range(100)]
communities = [f"K{i:04d}" for i in range(1000)]
grids = [f"G{i:05d}" for i in range(units - 1 - len(districts) - len(streets) - len(communities))]
with open(f"{out}/units.csv", "w") as f:
    f.write("unit_id,name,level,parent_id\nC,某市,市,\n")
    for i, d in enumerate(districts):
        f.write(f"{d},第{i}区,区,C\n")
    for i, s in enumerate(streets):
        f.write(f"{s},第{i}街道,街道,{districts[i % 10]}\n")
    for i, k in enumerate(communities):
        f.write(f"{k},第{i}社区,社区,{streets[i % 100]}\n")
    for i, g in enumerate(grids):
        f.write(f"{g},第{i}网格,网格,{communities[i % 1000]}\n")

with open(f"{out}/grids.csv", "w") as f:
    f.write("grid_id,households,residents,party_members,has_party_branch,grid_workers\n")
    for g in grids:
        h = rng.randint(100, 400)
        f.write(f"{g},{h},{h * 3 + quarter},{rng.randint(5, 40)},{'是' if rng.random() < 0.9 else '否'},{rng.randint(1, 4)}\n")

with open(f"{out}/property_companies.csv", "w") as f:
    f.write("company_id,company_name,unit_id,estates_managed,party_org_type,has_instructor\n")
    for i in range(2000):
        f.write(f"P{i:05d},物业{i},{communities[i % 1000]},{rng.randint(1, 5)},{rng.choice(['单独组建', '联合组建', '未建立'])},{rng.choice(['是', '否'])}\n")

first_month = (quarter - 1) * 3 + 1
def day():
    return f"{year}-{first_month + rng.randint(0, 2):02d}-{rng.randint(1, 28):02d}"

with open(f"{out}/services.csv", "w") as f:
    f.write("service_id,date,unit_id,provider_type,category\n")
    for i in range(requests // 2):
        f.write(f"V{i},{day()},{rng.choice(grids)},志愿者,关爱老人\n")

with open(f"{out}/requests.csv", "w") as f:
    f.write("request_id,received_at,channel,unit_id,status,closed_at,satisfaction\n")
    for i in range(requests):
        d = day()
        status = rng.choice(["已办结", "已办结", "已办结", "办理中", "已解释", "未办理"])
        closed = d if status in ("已办结", "已解释") else ""
        f.write(f"R{i},{d},热线,{rng.choice(grids + communities)},{status},{closed},{rng.choice(['满意', '基本满意', '不满意', ''])}\n")
