#!/usr/bin/env bash
# Benchmark of `sisterdoc build` (a script, not a cargo bench: it times the
# release binary end to end, with /usr/bin/time -v for peak memory).
#
#   benches/build.sh            # 200 descriptors (from fixtures/valid), every format
#   N=1000 benches/build.sh     # more descriptors
#
# Goals (2-core machine, release): full build < 4 s, peak RSS < 300 MB,
# no-change rerun < 0.3 s. Prints the figures; exits 1 if a goal is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200}
target_dir=${CARGO_TARGET_DIR:-target}

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time for peak memory figures"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq time
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# N descriptors: the valid fixtures that ask for both documents (LOI and
# MOU), again and again, each with its own id: 2N documents per format.
mkdir -p "$work/src"
fixtures=()
for f in fixtures/valid/*.yaml; do
  if grep -q '^documents: \[loi, mou\]' "$f"; then fixtures+=("$f"); fi
done
i=0
while [ "$i" -lt "$N" ]; do
  f=${fixtures[$((i % ${#fixtures[@]}))]}
  stem=$(basename "$f" .yaml)
  id="$stem-$(printf %04d "$i")"
  mkdir -p "$work/src/$((i % 10))"
  sed "s/^id: .*/id: $id/" "$f" >"$work/src/$((i % 10))/$id.yaml"
  i=$((i + 1))
done

cargo build --release --quiet
# Copy the binary at once (a shared target folder may be rebuilt meanwhile).
cp "$target_dir/release/sisterdoc" "$work/sisterdoc"
bin="$work/sisterdoc"

formats=$("$bin" build --help | sed -n 's/.*possible values: all, \(.*\)\]/\1/p' | head -1)
echo "descriptors: $N (LOI + MOU each); formats: ${formats:-?}; cores: $(nproc)"

run() { # label, then the command; prints wall seconds and peak RSS
  local label=$1
  shift
  /usr/bin/time -v "$@" >"$work/stdout" 2>"$work/time" || true
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  echo "$label: ${wall} s wall, peak RSS $((rss / 1024)) MB; $(tail -1 "$work/stdout")"
  local var=${label//[^a-z]/_}
  eval "${var}_wall=$wall; ${var}_rss=$rss"
}

run "full build" "$bin" build "$work/src" -o "$work/out"
outputs=$(find "$work/out" -type f ! -name manifest.json | wc -l)
echo "outputs: $outputs files, $(du -sm "$work/out" | cut -f1) MB"
run "no-change rerun" "$bin" build "$work/src" -o "$work/out"
run "check" "$bin" build --check "$work/src" -o "$work/out"

ok=1
awk -v w="$full_build_wall" 'BEGIN { exit !(w < 4) }' || { echo "MISSED: full build >= 4 s"; ok=0; }
[ "$((full_build_rss / 1024))" -lt 300 ] || { echo "MISSED: peak RSS >= 300 MB"; ok=0; }
awk -v w="$no_change_rerun_wall" 'BEGIN { exit !(w < 0.3) }' || { echo "MISSED: no-change rerun >= 0.3 s"; ok=0; }
[ "$ok" = 1 ] && echo "all goals met"
[ "$ok" = 1 ]
