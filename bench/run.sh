#!/usr/bin/env bash
# Throughput benchmark of `factlint check` against the I/O floor (cat) and a
# regex floor (ripgrep with the union of the shipped checks' patterns), on one
# generated corpus with a warm page cache. See bench/README.md.
#
# Environment (all optional):
#   BENCH_SIZE_MB=200   size of the 1x corpus in MB (10^6 bytes of article text)
#   BENCH_SEED=1        generator seed
#   BENCH_RUNS=3        runs of cat and rg (best is reported)
#   BENCH_FACTLINT_RUNS=3  runs of each factlint measurement (best is reported, as for cat and rg)
#   BENCH_LARGE=1       also measure a 10x corpus (2 GB by default: disk and time)
#   BENCH_NO_INSTALL=1  never apt-get install missing tools (skip them instead)
#   BENCH_CORPUS=target/bench-corpus  where the 1x corpus goes (scaled ones get -0.1x etc.)
#   BENCH_RG=rg         the ripgrep binary to use (e.g. a newer one from `cargo install ripgrep`)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${BENCH_SIZE_MB:-200}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-3}
FL_RUNS=${BENCH_FACTLINT_RUNS:-3}
LARGE=${BENCH_LARGE:-0}
NO_INSTALL=${BENCH_NO_INSTALL:-0}
CORPUS=${BENCH_CORPUS:-target/bench-corpus}
case $CORPUS in
    target/bench-*) ;;
    *) echo "error: BENCH_CORPUS must be target/bench-*: it is deleted and regenerated" >&2; exit 2 ;;
esac
WORK=target/bench-out
FACTLINT=target/release/factlint
GEN=target/release/examples/gen-corpus
RG=${BENCH_RG:-rg}

log() { printf '==> %s\n' "$*" >&2; }
note() { printf 'note: %s\n' "$*" >&2; NOTES+=("$*"); }
NOTES=()

# --- tools -----------------------------------------------------------------

# Installs a Debian package when a command is missing; returns 1 if it stays missing.
ensure() {
    local cmd=$1 pkg=$2
    command -v "$cmd" > /dev/null 2>&1 && return 0
    [[ $NO_INSTALL == 1 ]] && return 1
    if [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null 2>&1; then
        log "installing $pkg"
        apt-get install -y -qq "$pkg" > "$WORK/apt-$pkg.log" 2>&1 \
            || { apt-get update -qq > /dev/null 2>&1 && apt-get install -y -qq "$pkg" >> "$WORK/apt-$pkg.log" 2>&1; } \
            || true
    fi
    command -v "$cmd" > /dev/null 2>&1
}

mkdir -p "$WORK"
[[ -x /usr/bin/time ]] || ensure /usr/bin/time time \
    || { echo "error: /usr/bin/time (package time) is required" >&2; exit 2; }
HAVE_RG=1
ensure "$RG" ripgrep || { HAVE_RG=0; note "ripgrep not available: rg column skipped"; }
HAVE_HYPERFINE=1
ensure hyperfine hyperfine || HAVE_HYPERFINE=0
command -v python3 > /dev/null || { HAVE_RG=0; note "python3 missing: cannot extract patterns, rg skipped"; }

# --- build and corpora -----------------------------------------------------

log "cargo build --release"
cargo build --release --quiet --bin factlint --example gen-corpus

# Hash of what determines the corpus: generator source and seed articles.
GEN_HASH=$(cat examples/gen-corpus.rs corpus/*.txt | sha256sum | cut -c1-16)

# corpus DIR SIZE_MB: generates DIR unless its stamp says it has these params.
corpus() {
    local dir=$1 size=$2 stamp="$1.stamp"
    local want="size_mb=$size seed=$SEED gen=$GEN_HASH"
    if [[ -d $dir && -f $stamp && $(cat "$stamp") == "$want" ]]; then
        log "corpus $dir cached ($want)"
        return
    fi
    log "generating $dir ($want)"
    rm -rf -- "$dir" "$stamp"
    "$GEN" --size-mb "$size" --seed "$SEED" --out "$dir" >&2
    echo "$want" > "$stamp"
}

# Bytes of the article files (what factlint lints; the manifest is not counted).
article_bytes() {
    find "$1" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s += $1} END {print s}'
}
article_count() {
    find "$1" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l
}

corpus "$CORPUS" "$SIZE_MB"
SCALES=(0.1 0.5)
if [[ $LARGE == 1 ]]; then SCALES+=(10); fi
for s in "${SCALES[@]}"; do
    corpus "$CORPUS-${s}x" "$(awk -v m="$SIZE_MB" -v s="$s" 'BEGIN {print m * s}')"
done

# --- measurement helpers ---------------------------------------------------

# measure NAME CMD...: runs CMD under /usr/bin/time -v; sets SECS (wall clock),
# CPU (user + system seconds, all threads) and RSS_KB (peak resident set).
# Exit codes 0 and 1 are success (factlint and rg exit 1 on findings / no match).
measure() {
    local name=$1
    shift
    local t0 t1 rc
    t0=$(date +%s.%N)
    set +e
    /usr/bin/time -v -o "$WORK/$name.time" "$@"
    rc=$?
    set -e
    t1=$(date +%s.%N)
    if ((rc > 1)); then
        echo "error: $name exited with $rc: $*" >&2
        exit 2
    fi
    SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
    RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.time")
    CPU=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$WORK/$name.time")
}

# best NAME RUNS CMD...: the fastest of RUNS runs; sets BEST (wall), BEST_CPU
# (least CPU seconds) and BEST_RSS_KB (largest peak RSS).
best() {
    local name=$1 runs=$2 i
    shift 2
    BEST= BEST_CPU= BEST_RSS_KB=0
    for ((i = 1; i <= runs; i++)); do
        measure "$name" "$@"
        log "$name run $i: ${SECS}s wall, ${CPU}s CPU, peak RSS ${RSS_KB} KB"
        if [[ -z $BEST ]] || awk -v a="$SECS" -v b="$BEST" 'BEGIN {exit !(a < b)}'; then BEST=$SECS; fi
        if [[ -z $BEST_CPU ]] || awk -v a="$CPU" -v b="$BEST_CPU" 'BEGIN {exit !(a < b)}'; then BEST_CPU=$CPU; fi
        if ((RSS_KB > BEST_RSS_KB)); then BEST_RSS_KB=$RSS_KB; fi
    done
}

# MB/s and ratios; "-" when the time is too small to divide by (cat's CPU time).
mbps() { awk -v b="$1" -v s="$2" 'BEGIN {if (s < 0.005) print "-"; else printf "%.1f", b / 1e6 / s}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b < 0.005) print "-"; else printf "%.1f", a / b}'; }

cat_all() {
    find "$1" -type f \( -name '*.txt' -o -name '*.md' \) -print0 | xargs -0 cat > /dev/null
}
export -f cat_all

# Runs factlint with every shipped check; output to a file, not /dev/null.
factlint_check() {
    local out=$1
    shift
    "$FACTLINT" check --checks checks --color never "$@" > "$out"
}
export -f factlint_check
export FACTLINT

# --- the 1x corpus: cat, rg, factlint on the same files --------------------

BYTES=$(article_bytes "$CORPUS")
FILES=$(article_count "$CORPUS")
log "1x corpus: $FILES articles, $BYTES bytes"
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
log "warm-up read (untimed)"
cat_all "$CORPUS"

best cat "$RUNS" bash -c 'cat_all "$0"' "$CORPUS"
CAT_S=$BEST CAT_CPU=$BEST_CPU
CAT_RSS=$BEST_RSS_KB

RG_S=
if [[ $HAVE_RG == 1 ]]; then
    # Union of the checks' `pattern`, `patterns` and `when` regexes. Named groups
    # become plain groups (names repeat across checks) and the CRLF flag `R` is
    # dropped (ripgrep 13 does not know it; the generated corpus uses LF).
    python3 - checks/*.toml > "$WORK/rg-patterns.txt" <<'PY'
import re, sys, tomllib
seen = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        for check in tomllib.load(f).get("check", []):
            for key in ("pattern", "patterns", "when"):
                value = check.get(key, [])
                for p in [value] if isinstance(value, str) else value:
                    p = re.sub(r"\(\?P?<[A-Za-z_]\w*>", "(?:", p)
                    p = re.sub(r"\(\?([a-zA-Z]*)R([a-zA-Z]*)", r"(?\1\2", p)
                    if p not in seen:
                        seen.append(p)
print("\n".join(seen))
PY
    log "rg with $(wc -l < "$WORK/rg-patterns.txt") patterns"
    export RG
    best rg "$RUNS" bash -c '"$RG" --no-heading --line-number --color never -g "*.txt" -g "*.md" -f "$1" "$0" > "$2"' \
        "$CORPUS" "$WORK/rg-patterns.txt" "$WORK/rg.out"
    RG_S=$BEST RG_CPU=$BEST_CPU
    RG_RSS=$BEST_RSS_KB
    RG_VERSION=$("$RG" --version | sed -n 1p)
    RG_LINES=$(wc -l < "$WORK/rg.out")
fi

best factlint-human "$FL_RUNS" bash -c 'factlint_check "$1" "$0"' "$CORPUS" "$WORK/factlint-human.out"
FL_S=$BEST FL_CPU=$BEST_CPU
FL_RSS=$BEST_RSS_KB
FL_SUMMARY=$(tail -n 1 "$WORK/factlint-human.out")
case $FL_SUMMARY in
    *" in $FILES files"*) ;;
    *) echo "error: factlint did not lint all $FILES files: $FL_SUMMARY" >&2; exit 2 ;;
esac

# The same run without rustc-style snippets: what rendering them costs.
best factlint-concise "$FL_RUNS" bash -c 'factlint_check "$1" --format concise "$0"' "$CORPUS" "$WORK/factlint-concise.out"
CONCISE_S=$BEST CONCISE_CPU=$BEST_CPU
CONCISE_RSS=$BEST_RSS_KB

SARIF_S=
# Not `| grep -q`: grep exits at the first match, and factlint writing the rest
# of the help into a closed pipe fails the pipeline under pipefail.
if "$FACTLINT" check --help | grep sarif > /dev/null; then
    best factlint-sarif "$FL_RUNS" bash -c 'factlint_check "$1" --format sarif "$0"' "$CORPUS" "$WORK/factlint-sarif.out"
    SARIF_S=$BEST SARIF_CPU=$BEST_CPU
    SARIF_RSS=$BEST_RSS_KB
else
    note "factlint check has no --format sarif in this build: sarif row skipped"
fi

# --- start-up: one article -------------------------------------------------

ONE=$(find corpus -name '*.txt' | sort | sed -n 1p)
ONE_MS=
if [[ $HAVE_HYPERFINE == 1 ]]; then
    hyperfine --style none --warmup 3 --runs 10 -i --export-json "$WORK/one.json" \
        "$FACTLINT check --checks checks --color never $ONE" > "$WORK/one.hyperfine" 2>&1
    ONE_MS=$(python3 -c 'import json,sys; print("%.1f" % (1000 * json.load(open(sys.argv[1]))["results"][0]["min"]))' "$WORK/one.json")
    ONE_HOW="hyperfine, min of 10; compared with the reference corpus, its facts cached"
    hyperfine --style none --warmup 3 --runs 10 -i --export-json "$WORK/one-alone.json" \
        "$FACTLINT check --checks checks --color never --no-reference $ONE" > "$WORK/one-alone.hyperfine" 2>&1
    ONE_ALONE_MS=$(python3 -c 'import json,sys; print("%.1f" % (1000 * json.load(open(sys.argv[1]))["results"][0]["min"]))' "$WORK/one-alone.json")
else
    for _ in 1 2 3; do factlint_check "$WORK/one.out" "$ONE" || true; done
    for _ in $(seq 10); do
        measure one bash -c 'factlint_check "$0" "$1"' "$WORK/one.out" "$ONE"
        if [[ -z $ONE_MS ]] || awk -v a="$SECS" -v b="$ONE_MS" 'BEGIN {exit !(a * 1000 < b)}'; then
            ONE_MS=$(awk -v s="$SECS" 'BEGIN {printf "%.1f", s * 1000}')
        fi
    done
    ONE_HOW="date loop, min of 10 (includes /usr/bin/time)"
fi

# --- growth: 0.1x, 0.5x (1x above), optional 10x ---------------------------

declare -A G_BYTES G_FILES G_S G_CPU G_RSS
G_BYTES[1]=$BYTES G_FILES[1]=$FILES G_S[1]=$FL_S G_CPU[1]=$FL_CPU G_RSS[1]=$FL_RSS
for s in "${SCALES[@]}"; do
    dir="$CORPUS-${s}x"
    G_BYTES[$s]=$(article_bytes "$dir")
    G_FILES[$s]=$(article_count "$dir")
    cat_all "$dir"
    best "factlint-${s}x" "$FL_RUNS" bash -c 'factlint_check "$1" "$0"' "$dir" "$WORK/factlint-${s}x.out"
    G_S[$s]=$BEST G_CPU[$s]=$BEST_CPU G_RSS[$s]=$BEST_RSS_KB
done

# --- report ----------------------------------------------------------------

MB=$(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b / 1e6}')
{
    echo
    echo "factlint benchmark  $(date -u +%Y-%m-%dT%H:%MZ)  commit $(git rev-parse --short HEAD)"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
    echo "load:    $LOAD_BEFORE (1/5/15-min load average before the timed runs)"
    echo "corpus:  $CORPUS, $FILES articles, $MB MB, seed $SEED; warm page cache; best of $RUNS (cat, rg) / $FL_RUNS (factlint)"
    echo
    row() { printf '%-24s %9s %9s %9s %9s %10s %9s %9s\n' "$@"; }
    row tool "wall s" "MB/s" "CPU s" "CPU MB/s" "peak RSS" "fl/tool" "fl/tool"
    row "" "" "" "" "" "" "(wall)" "(CPU)"
    # row_for LABEL WALL CPU RSS_KB
    row_for() {
        row "$1" "$2" "$(mbps "$BYTES" "$2")" "$3" "$(mbps "$BYTES" "$3")" "$(($4 / 1024)) MB" \
            "$(ratio "$FL_S" "$2")" "$(ratio "$FL_CPU" "$3")"
    }
    row_for "cat (I/O floor)" "$CAT_S" "$CAT_CPU" "$CAT_RSS"
    if [[ -n $RG_S ]]; then row_for "rg (check patterns)" "$RG_S" "$RG_CPU" "$RG_RSS"; fi
    row_for "factlint check (human)" "$FL_S" "$FL_CPU" "$FL_RSS"
    row_for "factlint check (concise)" "$CONCISE_S" "$CONCISE_CPU" "$CONCISE_RSS"
    if [[ -n $SARIF_S ]]; then row_for "factlint check (sarif)" "$SARIF_S" "$SARIF_CPU" "$SARIF_RSS"; fi
    echo
    echo "factlint result: $FL_SUMMARY"
    if [[ -n $RG_S ]]; then echo "rg: $RG_VERSION, $RG_LINES matching lines"; fi
    echo "one article ($ONE, $(wc -c < "$ONE") bytes): $ONE_MS ms ($ONE_HOW)"
    if [[ -n ${ONE_ALONE_MS:-} ]]; then echo "one article, --no-reference: $ONE_ALONE_MS ms (hyperfine, min of 10)"; fi
    echo
    printf '%-6s %8s %8s %8s %7s %8s %9s %10s %10s\n' scale articles MB "wall s" "MB/s" "CPU s" "CPU MB/s" "peak RSS" "CPU s/1x"
    for s in $(printf '%s\n' "${SCALES[@]}" 1 | sort -g); do
        printf '%-6s %8s %8s %8s %7s %8s %9s %10s %10s\n' "${s}x" "${G_FILES[$s]}" \
            "$(awk -v b="${G_BYTES[$s]}" 'BEGIN {printf "%.1f", b / 1e6}')" "${G_S[$s]}" \
            "$(mbps "${G_BYTES[$s]}" "${G_S[$s]}")" "${G_CPU[$s]}" "$(mbps "${G_BYTES[$s]}" "${G_CPU[$s]}")" \
            "$((G_RSS[$s] / 1024)) MB" \
            "$(awk -v t="${G_CPU[$s]}" -v b="${G_BYTES[$s]}" -v B="$BYTES" 'BEGIN {printf "%.2f", t * B / b}')"
    done
    if ((${#NOTES[@]})); then
        echo
        printf 'note: %s\n' "${NOTES[@]}"
    fi
} | tee "$WORK/report.txt"
