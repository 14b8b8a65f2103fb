"""Compares Jiceng's indicators.csv with duckdb_requests.py's answers for every unit: the request
counts by status, and the numerators and denominators of resolution_rate, response_rate,
ontime_rate, mean_days_to_close and satisfaction_rate. Prints "same answers: yes (…)" or
"same answers: NO" with the first differences; exits 1 when they differ.

    python compare_requests.py OUT/indicators.csv answers.csv
"""
import csv
import sys


def jiceng_figures(path):
    """unit_id → {check name: text} from indicators.csv (value, numerator, denominator columns)."""
    units = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            figures = units.setdefault(row["unit_id"], {})
            indicator = row["indicator"]
            if indicator.startswith("requests_"):
                figures[indicator] = row["value"]
            elif indicator in ("resolution_rate", "response_rate", "ontime_rate", "mean_days_to_close", "satisfaction_rate"):
                figures[indicator + ".numerator"] = row["numerator"]
                figures[indicator + ".denominator"] = row["denominator"]
    return units


def expected_figures(row):
    """The same checks from one line of DuckDB's answers."""
    n = {k: int(v) for k, v in row.items() if k != "unit_id"}
    return {
        "requests_received": n["received"],
        "requests_resolved": n["resolved"],
        "requests_in_progress": n["in_progress"],
        "requests_explained": n["explained"],
        "requests_open": n["open"],
        "resolution_rate.numerator": n["resolved"],
        "resolution_rate.denominator": n["received"],
        "response_rate.numerator": n["resolved"] + n["in_progress"] + n["explained"],
        "response_rate.denominator": n["received"],
        "ontime_rate.numerator": n["ontime"],
        "ontime_rate.denominator": n["resolved"],
        "mean_days_to_close.numerator": n["days_to_close_sum"],
        "mean_days_to_close.denominator": n["resolved"],
        "satisfaction_rate.numerator": n["satisfied"],
        "satisfaction_rate.denominator": n["rated"],
    }


def main():
    mine = jiceng_figures(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8", newline="") as f:
        theirs = list(csv.DictReader(f))
    differences = []
    for row in theirs:
        got = mine.get(row["unit_id"])
        if got is None:
            differences.append(f"{row['unit_id']}: not in indicators.csv")
            continue
        for check, value in expected_figures(row).items():
            if got.get(check) != str(value):
                differences.append(f"{row['unit_id']} {check}: jiceng {got.get(check)!r}, duckdb {value}")
    extra = set(mine) - {row["unit_id"] for row in theirs}
    differences += [f"{unit}: not in DuckDB's answers" for unit in sorted(extra)]
    if differences or not theirs:
        print(f"same answers: NO ({len(differences)} differences over {len(theirs)} units)")
        for d in differences[:10]:
            print("  " + d)
        sys.exit(1)
    city = theirs[0]
    print(
        f"same answers: yes ({len(theirs)} units × 15 figures; city: {city['received']} received, "
        f"{city['resolved']} resolved, {city['ontime']} on time, day sum {city['days_to_close_sum']}, "
        f"{city['satisfied']} satisfied of {city['rated']} rated)"
    )


if __name__ == "__main__":
    main()
