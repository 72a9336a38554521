#!/usr/bin/env bash
# Paired benchmark of two release binaries of sisterdoc (say, the current
# main and a branch), run in the same session and interleaved round by round,
# so that the load of a shared machine hits both alike:
#
#   benches/paired.sh OLD_BIN NEW_BIN [ROUNDS]
#
# Measures CPU time (user + system, GNU time) and peak RSS of
#   1. `build --jobs 1 --format pdf` on N descriptors whose partner names and
#      signing dates all differ (so no paragraph repeats exactly): ms per PDF;
#   2. the same with `--format docx`: ms per DOCX;
#   3. a cold `render` of one descriptor (2 DOCX + 2 PDF), a new process each
#      time (ten in a row per sample).
# Prints the median of each figure for both binaries, the ratio new/old, and
# whether the new binary meets the goals of issue 13 (PDF <= 2.5 ms, DOCX
# <= 0.8 ms, cold render <= 18 ms CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
new=$2
rounds=${3:-5}
N=${N:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install -y time)"; exit 2; }

# N descriptors from the valid fixtures that ask for both documents, each
# with its own id, a Thai partner name made unique by a number in Thai
# digits, and its own signing date.
thai_digits() { echo "$1" | sed 'y/0123456789/๐๑๒๓๔๕๖๗๘๙/'; }
mkdir -p "$work/src"
fixtures=()
for f in fixtures/valid/*.yaml; do
  if grep -q '^documents: \[loi, mou\]' "$f"; then fixtures+=("$f"); fi
done
for i in $(seq 0 $((N - 1))); do
  f=${fixtures[$((i % ${#fixtures[@]}))]}
  id="$(basename "$f" .yaml)-$(printf %04d "$i")"
  day=$(printf %02d $((i % 28 + 1)))
  month=$(printf %02d $(((i / 28) % 12 + 1)))
  suffix=$(thai_digits "$i")
  sed -e "s/^id: .*/id: $id/" \
    -e "s/^\(  date: \)[0-9-]*/\12026-$month-$day/" \
    -e "/^partner:/,/^[a-z]/ s/^\(  name: {.*th: [^,}]*\)/\1$suffix/" \
    "$f" >"$work/src/$id.yaml"
done
one="$work/src/$(ls "$work/src" | head -1)"
npdf=$((2 * N))

cpu() { # prints "cpu_seconds peak_kb" of the command
  /usr/bin/time -f "%U %S %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
  awk '{ printf "%.4f %d\n", $1 + $2, $3 }' "$work/t"
}

: >"$work/results"
for r in $(seq 1 "$rounds"); do
  # Alternate which binary goes first.
  if [ $((r % 2)) = 1 ]; then order="old new"; else order="new old"; fi
  for who in $order; do
    bin=$old; [ "$who" = new ] && bin=$new
    # Every run writes into a folder of its own, and nothing is deleted
    # until the end: deleting the last run's 200 files right before the
    # next made ext4 scan past its recently deleted inodes for every file
    # created (perf: a quarter of a DOCX batch's CPU time was the kernel's
    # find_inode_bit / recently_deleted), which measured the file system's
    # state rather than sisterdoc.
    out="$work/out-$r-$who"
    read -r c m < <(cpu "$bin" build --jobs 1 --format pdf -o "$out/pdf" "$work/src")
    echo "$who pdf $c $m" >>"$work/results"
    read -r c m < <(cpu "$bin" build --jobs 1 --format docx -o "$out/docx" "$work/src")
    echo "$who docx $c $m" >>"$work/results"
    # Ten cold renders in a row, each a new process (GNU time's 10 ms
    # resolution would otherwise swamp a single one).
    read -r c m < <(cpu sh -c "for k in 1 2 3 4 5 6 7 8 9 10; do '$bin' render -o '$out/one-'\$k --format all '$one'; done")
    echo "$who render $(awk -v c="$c" 'BEGIN { printf "%.5f", c / 10 }') $m" >>"$work/results"
  done
done

echo "rounds: $rounds; descriptors: $N (LOI + MOU each, names and dates all different); load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
awk -v n="$npdf" '
  { k = $2 SUBSEP $1; cnt[k]++; v[k, cnt[k]] = $3; rss[k, cnt[k]] = $4 }
  function median(k, col,   i, j, t, a, c) {
    c = cnt[k]; for (i = 1; i <= c; i++) a[i] = (col == "rss") ? rss[k, i] : v[k, i]
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
  }
  END {
    split("pdf docx render", what, " ")
    for (w = 1; w <= 3; w++) {
      o = median(what[w] SUBSEP "old", "cpu"); nn = median(what[w] SUBSEP "new", "cpu")
      per = (what[w] == "render") ? 1 : n
      unit = (what[w] == "render") ? "ms CPU per render (2 DOCX + 2 PDF)" : "ms CPU per " toupper(what[w])
      goal = (what[w] == "pdf") ? 2.5 : (what[w] == "docx") ? 0.8 : 18
      printf "%-7s old %8.2f  new %8.2f  ratio %.2f   %s (goal %.1f: %s); median peak RSS old %.1f MB, new %.1f MB\n", what[w], 1000 * o / per, 1000 * nn / per, nn / o, unit, goal, (1000 * nn / per <= goal) ? "met" : "NOT met", median(what[w] SUBSEP "old", "rss") / 1024, median(what[w] SUBSEP "new", "rss") / 1024
    }
  }' "$work/results"
