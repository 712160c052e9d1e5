#!/usr/bin/env bash
# tlx beside the tools people know, on the same synthetic timelines:
#   load:   `tlx check FILE`  vs  a bare serde_json typed parse (examples/parse-floor.rs)
#           vs  `jq '.events | length' FILE`  (wall time, peak RSS)
#   heap:   peak and retained heap of a load (examples/load-stats.rs)
#   search: per keystroke, in process: tlx's finder query (50 rows) vs nucleo-matcher
#           (examples/search-keystrokes.rs); and as whole processes over the same
#           names and aliases, one per line: examples/search-names.rs vs `fzf --filter`
#
# Usage: scripts/bench.sh [EVENTS...]        default: 1000 10000 100000 1000000
# Env:   RUNS (timed runs per command; default 20 up to 10k events, 5 at 100k,
#        3 at 1M, where jq gets 2)
#        QUERIES="k,ka,kat,ktb hzb,muhandis"  (comma-separated search queries)
# Inputs are cached in target/bench-data (actors = events / 10, seed 1); delete to rebuild.
# A missing tool (hyperfine, jq, fzf, /usr/bin/time) is reported and its column skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000 1000000)
IFS=, read -ra queries <<<"${QUERIES:-k,ka,kat,ktb hzb,muhandis}"
data=target/bench-data
mkdir -p "$data"

have() { command -v "$1" >/dev/null 2>&1; }
note() { printf '%s\n' "$*" >&2; }

echo "# tlx benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

have hyperfine || note "hyperfine not found (apt-get install hyperfine): timing with a shell loop, median of the runs"
[ -x /usr/bin/time ] || note "/usr/bin/time not found (apt-get install time): peak memory not measured"
have jq || note "jq not found (apt-get install jq): jq column skipped"
have fzf || note "fzf not found (apt-get install fzf): fzf column skipped"
have python3 || { note "python3 is needed to read hyperfine's results"; exit 2; }

cargo build --release --quiet --bin tlx --example gen-timeline --example parse-floor \
    --example search-names --example load-stats --example search-keystrokes
bin=target/release
tlx=$bin/tlx

# Median wall time in milliseconds of a shell command, over $2 runs. Exit codes
# are ignored: `fzf --filter` exits 1 when nothing matches.
wall_ms() {
    local cmd=$1 n=$2
    if have hyperfine; then
        local out
        out=$(mktemp)
        hyperfine --style none --ignore-failure --warmup $((n > 2 ? 1 : 0)) --runs "$n" \
            --export-json "$out" "$cmd" >/dev/null 2>&1 ||
            { rm -f "$out"; echo "failed"; return; }
        python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$out"
        rm -f "$out"
    else
        local times=() i start
        for ((i = 0; i < n; i++)); do
            start=$(date +%s%N)
            bash -c "$cmd" >/dev/null 2>&1 || true
            times+=($((($(date +%s%N) - start) / 1000)))
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f\n", a[int((NR+1)/2)]/1000}'
    fi
}

# Peak resident memory in MB of one run.
peak_mb() {
    [ -x /usr/bin/time ] || { echo "n/a"; return; }
    local out kb
    out=$(mktemp)
    /usr/bin/time -f '%M' -o "$out" bash -c "$1 >/dev/null 2>&1" || true
    kb=$(tail -1 "$out")
    rm -f "$out"
    awk -v kb="$kb" 'BEGIN {printf "%.0f\n", kb / 1024}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else printf "n/a" }'; }

for n in "${sizes[@]}"; do
    file=$data/timeline-$n.json names=$data/names-$n.txt
    if [ ! -s "$file" ] || [ ! -s "$names" ]; then
        note "generating $file"
        $bin/examples/gen-timeline --events "$n" --actors $((n / 10)) --out "$file" --names "$names"
    fi
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.1f", b / 1048576}')
    # Small inputs take many runs for a stable median; 1M takes seconds a run.
    if [ -n "${RUNS:-}" ]; then r=$RUNS
    elif [ "$n" -le 10000 ]; then r=20
    elif [ "$n" -le 100000 ]; then r=5
    else r=3; fi
    echo
    echo "## $n events, $((n / 10)) actors: $file ($mb MB), $(wc -l <"$names") names"
    if ! $tlx check "$file" >/dev/null 2>&1; then
        note "tlx check failed on $file:"
        $tlx check "$file" 2>&1 | head -5 >&2 || true
        continue
    fi
    t_tlx=$(wall_ms "$tlx check $file" "$r")
    t_floor=$(wall_ms "$bin/examples/parse-floor $file" "$r")
    printf '%-34s %10s ms %8s MB peak\n' "tlx check" "$t_tlx" "$(peak_mb "$tlx check $file")"
    printf '%-34s %10s ms %8s MB peak   tlx/floor %s\n' "serde typed parse (floor)" "$t_floor" \
        "$(peak_mb "$bin/examples/parse-floor $file")" "$(ratio "$t_tlx" "$t_floor")"
    if have jq; then
        rj=$r
        [ "$n" -ge 1000000 ] && [ -z "${RUNS:-}" ] && rj=2
        t_jq=$(wall_ms "jq '.events | length' $file" "$rj")
        printf '%-34s %10s ms %8s MB peak   jq/tlx %s\n' "jq '.events | length'" "$t_jq" \
            "$(peak_mb "jq '.events | length' $file")" "$(ratio "$t_jq" "$t_tlx")"
    fi
    # Heap counted by a wrapping allocator: peak while loading, kept after.
    echo "heap: $($bin/examples/load-stats "$file" | sed 's/^run 1: //')"
    # Per keystroke, in process: tlx as the finder asks (50 rows), and nucleo-matcher.
    $bin/examples/search-keystrokes "$file" --rounds 3 | sed -n 's/^\(tlx actors, top 50\|nucleo-matcher\)/search: \1/p'
    for q in "${queries[@]}"; do
        t_s=$(wall_ms "$bin/examples/search-names '$q' < $names" "$r")
        line=$(printf '%-34s %10s ms' "search-names '$q' (tlx)" "$t_s")
        if have fzf; then
            t_f=$(wall_ms "fzf --filter '$q' < $names" "$r")
            line="$line   fzf --filter: $t_f ms, tlx/fzf $(ratio "$t_s" "$t_f")"
        fi
        echo "$line"
    done
done
echo
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
