#!/usr/bin/env bash
# Benchmark (not a test): jiceng run/validate on a generated drop of N requests, wall time and peak
# RSS by /usr/bin/time, linearity against N/10, and DuckDB on the same files when Python is there.
#
#   bash Benchmarks/benchmark.sh [N]        # default N = 10000000 (about 1.3 GB)
#
# Drops and the DuckDB venv live in Benchmarks/data/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000000}"
SMALL=$(( N / 10 ))
DATA=Benchmarks/data
mkdir -p "$DATA"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
swift build -c release --product jiceng >/dev/null
J=.build/release/jiceng
for n in "$N" "$SMALL"; do
  [ -f "$DATA/drop-$n/.complete" ] || { rm -rf "$DATA/drop-$n"; $J sample --requests "$n" --out "$DATA/drop-$n" 2>/dev/null; touch "$DATA/drop-$n/.complete"; }
done
size=$(du -sb --exclude=.complete "$DATA/drop-$N" | cut -f1)

measure() {  # label, command… → prints "label wall_s rss_mb"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" >/dev/null 2>"$DATA/stderr.txt" || true
  read -r wall rss < "$DATA/time.txt"
  printf '%-28s wall %7.2f s   peak RSS %6.1f MB\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
  echo "$wall"
}

echo "drop: $N requests, $(( size / 1000000 )) MB; machine: $(nproc) cores"
run_big=$(measure "jiceng run ($N)" $J run --data "$DATA/drop-$N" --period 2022 --out "$DATA/out-$N" | tee /dev/stderr | tail -1)
run_small=$(measure "jiceng run ($SMALL)" $J run --data "$DATA/drop-$SMALL" --period 2022 --out "$DATA/out-$SMALL" | tee /dev/stderr | tail -1)
validate_big=$(measure "jiceng validate ($N)" $J validate --data "$DATA/drop-$N" --period 2022 --format json | tee /dev/stderr | tail -1)
echo "linearity: run($N) / (10 × run($SMALL)) = $(echo "$run_big / (10 * $run_small)" | bc -l | cut -c1-5)  (target ≤ 1.10)"
echo "validate / run = $(echo "$validate_big / $run_big" | bc -l | cut -c1-5)  (target ≤ 1.00)"

if command -v python3 >/dev/null; then
  [ -x "$DATA/venv/bin/python" ] || { python3 -m venv "$DATA/venv" && "$DATA/venv/bin/pip" install -q duckdb; }
  duck=$(measure "duckdb (same indicators)" "$DATA/venv/bin/python" Benchmarks/duckdb_requests.py "$DATA/drop-$N" 2022 | tee /dev/stderr | tail -1)
  "$DATA/venv/bin/python" Benchmarks/duckdb_requests.py "$DATA/drop-$N" 2022 2>/dev/null > "$DATA/duckdb.txt"
  echo "jiceng / duckdb wall time = $(echo "$run_big / $duck" | bc -l | cut -c1-5)  (target ≤ 1.50)"
  # Same answers: the city's request figures.
  city=$(awk -F, 'NR>1 && $4=="city"' "$DATA/out-$N/indicators.csv")
  get() { echo "$city" | awk -F, -v i="$1" -v c="$2" '$5==i {print $c}'; }
  mine="requests_received=$(get requests_received 6) requests_resolved=$(get requests_resolved 6) requests_in_progress=$(get requests_in_progress 6) requests_explained=$(get requests_explained 6) requests_open=$(get requests_open 6) ontime_numerator=$(get ontime_rate 7) days_to_close_sum=$(get mean_days_to_close 7) satisfied=$(get satisfaction_rate 7) rated=$(get satisfaction_rate 8)"
  theirs=$(cat "$DATA/duckdb.txt")
  if [ "$mine" = "$theirs" ]; then echo "same answers: yes ($mine)"; else echo "same answers: NO"; echo " jiceng: $mine"; echo " duckdb: $theirs"; fi
fi
