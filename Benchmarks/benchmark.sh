#!/usr/bin/env bash
# Benchmark (not a test): jiceng run/validate on a generated drop of N requests, wall time and peak
# RSS by /usr/bin/time, linearity against N/10, and DuckDB on the same files when Python is there.
#
#   bash Benchmarks/benchmark.sh [N]        # default N = 10000000 (about 1.3 GB)
#   REPEAT=5 bash Benchmarks/benchmark.sh   # runs of each command (default 3); the median counts
#
# Each command runs REPEAT times (the short runs three times as often), interleaved with the others
# so that a burst of load from a neighbour on a shared machine hits all of them alike; the median
# wall time and the highest peak RSS are reported. Linearity is given twice: as measured, and after
# taking off the fixed cost of a run (start-up, the small datasets, reports), measured on a drop of
# 1,000 requests. Drops and the DuckDB venv live in Benchmarks/data/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000000}"
SMALL=$(( N / 10 ))
REPEAT="${REPEAT:-3}"
DATA=Benchmarks/data
mkdir -p "$DATA"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc >/dev/null; }
swift build -c release --product jiceng >/dev/null
J=.build/release/jiceng

# One timed run: appends "wall rss_kb" to the file $1; the command follows.
timed() {
  local into=$1; shift
  /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" >/dev/null 2>"$DATA/stderr.txt" || true
  cat "$DATA/time.txt" >> "$into"
}
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
report() {  # label, file → prints the line, sets $WALL to the median wall time and $FASTEST
  local label=$1 file=$2
  WALL=$(cut -d' ' -f1 "$file" | median)
  FASTEST=$(cut -d' ' -f1 "$file" | sort -n | head -1)
  local rss runs
  rss=$(cut -d' ' -f2 "$file" | sort -n | tail -1)
  runs=$(cut -d' ' -f1 "$file" | tr '\n' ' ')
  printf '%-30s median wall %7.2f s   peak RSS %6.1f MB   (runs: %s)\n' "$label" "$WALL" "$(echo "$rss / 1024" | bc -l)" "$runs"
}

TINY=1000
for n in "$N" "$SMALL" "$TINY"; do
  if [ ! -f "$DATA/drop-$n/.complete" ]; then
    rm -rf "$DATA/drop-$n"
    : > "$DATA/t-sample-$n"
    timed "$DATA/t-sample-$n" $J sample --requests "$n" --out "$DATA/drop-$n"
    touch "$DATA/drop-$n/.complete"
    report "jiceng sample ($n)" "$DATA/t-sample-$n"
  fi
done
size=$(du -sb --exclude=.complete "$DATA/drop-$N" | cut -f1)
echo "drop: $N requests, $(( size / 1000000 )) MB; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $REPEAT runs each"

have_duck=no
if command -v python3 >/dev/null; then
  [ -x "$DATA/venv/bin/python" ] || { python3 -m venv "$DATA/venv" && "$DATA/venv/bin/pip" install -q duckdb; }
  have_duck=yes
fi

for f in run-big run-small run-tiny validate-big duck; do : > "$DATA/t-$f"; done
for ((i = 1; i <= REPEAT; i++)); do
  timed "$DATA/t-run-big" $J run --data "$DATA/drop-$N" --period 2022 --out "$DATA/out-$N"
  for k in 1 2 3; do
    timed "$DATA/t-run-small" $J run --data "$DATA/drop-$SMALL" --period 2022 --out "$DATA/out-$SMALL"
    timed "$DATA/t-run-tiny" $J run --data "$DATA/drop-$TINY" --period 2022 --out "$DATA/out-$TINY"
  done
  timed "$DATA/t-validate-big" $J validate --data "$DATA/drop-$N" --period 2022 --format json
  [ $have_duck = yes ] && timed "$DATA/t-duck" "$DATA/venv/bin/python" Benchmarks/duckdb_requests.py "$DATA/drop-$N" 2022
done
report "jiceng run ($N)" "$DATA/t-run-big"; run_big=$WALL; fast_big=$FASTEST
report "jiceng run ($SMALL)" "$DATA/t-run-small"; run_small=$WALL; fast_small=$FASTEST
report "jiceng run ($TINY: fixed cost)" "$DATA/t-run-tiny"; run_tiny=$WALL; fast_tiny=$FASTEST
report "jiceng validate ($N)" "$DATA/t-validate-big"; validate_big=$WALL
echo "linearity: run($N) / (10 × run($SMALL)) = $(echo "$run_big / (10 * $run_small)" | bc -l | cut -c1-5)"
echo "linearity without the fixed cost: (run($N) - run($TINY)) / (10 × (run($SMALL) - run($TINY))) = $(echo "($run_big - $run_tiny) / (10 * ($run_small - $run_tiny))" | bc -l | cut -c1-5) from medians, $(echo "($fast_big - $fast_tiny) / (10 * ($fast_small - $fast_tiny))" | bc -l | cut -c1-5) from the fastest runs  (target 0.90–1.10)"
echo "validate / run = $(echo "$validate_big / $run_big" | bc -l | cut -c1-5)  (target ≤ 1.00)"

if [ $have_duck = yes ]; then
  report "duckdb (same indicators)" "$DATA/t-duck"; duck=$WALL
  "$DATA/venv/bin/python" Benchmarks/duckdb_requests.py "$DATA/drop-$N" 2022 2>/dev/null > "$DATA/duckdb.txt"
  echo "jiceng run / duckdb wall time = $(echo "$run_big / $duck" | bc -l | cut -c1-5)  (target ≤ 1.50)"
  # Same answers: the city's request figures.
  city=$(awk -F, 'NR>1 && $4=="city"' "$DATA/out-$N/indicators.csv")
  get() { echo "$city" | awk -F, -v i="$1" -v c="$2" '$5==i {print $c}'; }
  mine="requests_received=$(get requests_received 6) requests_resolved=$(get requests_resolved 6) requests_in_progress=$(get requests_in_progress 6) requests_explained=$(get requests_explained 6) requests_open=$(get requests_open 6) ontime_numerator=$(get ontime_rate 7) days_to_close_sum=$(get mean_days_to_close 7) satisfied=$(get satisfaction_rate 7) rated=$(get satisfaction_rate 8)"
  theirs=$(cat "$DATA/duckdb.txt")
  if [ "$mine" = "$theirs" ]; then echo "same answers: yes ($mine)"; else echo "same answers: NO"; echo " jiceng: $mine"; echo " duckdb: $theirs"; fi
fi
