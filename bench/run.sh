#!/usr/bin/env bash
# sealpack side by side with gpg (and age, where installed) on the same corpus, in one run.
#
#   bench/run.sh            1 GiB random file, 100,000 small text files, a mixed set (needs ~6 GiB of disk)
#   bench/run.sh --smoke    the same jobs on a tiny corpus, one run each (seconds; run by the test suite)
#   BENCH_RUNS=5 bench/run.sh   five runs of each step instead of three (--smoke: one)
#   BENCH_SETS="big" bench/run.sh   only the named sets (of: big small mixed)
#
# sealpack and its peer run in turn, A B A B ... (BENCH_RUNS times each), so that a machine whose speed
# drifts (others building on it) slows both alike. For each step: the median wall time, CPU time
# (user+sys, and the kernel's part of it) and peak RSS from /usr/bin/time; for each pair the median
# of the run-by-run ratios sealpack/peer, wall and CPU. The targets are read off this output, never
# asserted by timed unit tests.
# `uptime` is printed before and after: say how loaded the machine was when quoting. BENCH_DIR keeps
# the corpus between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SMOKE=0
[ "${1:-}" = "--smoke" ] && SMOKE=1

DIST=$(ls "$ROOT"/target/sealpack-*-dist.tar.gz 2>/dev/null | head -1 || true)
[ -n "$DIST" ] || { mvn -B -q package -DskipTests; DIST=$(ls "$ROOT"/target/sealpack-*-dist.tar.gz | head -1); }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/sealpack-bench.XXXXXX")}
mkdir -p "$WORK"
# sealpack as users run it: the distribution's launcher (fixed small heap, serial collector, and the
# class-data sharing archive it makes on its first run, here in the bench directory).
rm -rf "$WORK/dist" "$WORK/cache"; mkdir -p "$WORK/dist"
tar -xzf "$DIST" -C "$WORK/dist" --strip-components=1
export XDG_CACHE_HOME="$WORK/cache"
SEALPACK="$WORK/dist/bin/sealpack"
export GNUPGHOME="$WORK/gnupg"
rm -rf "$GNUPGHOME"; mkdir -m 700 "$GNUPGHOME"
KEYS="$ROOT/keys"
gpg --batch -q --pinentry-mode loopback --passphrase-file "$KEYS/signer.passphrase" --import "$KEYS/signer.key.asc" 2>/dev/null
gpg --batch -q --pinentry-mode loopback --passphrase-file "$KEYS/recipient.passphrase" --import "$KEYS/recipient.key.asc" 2>/dev/null
SIGNER=15C6E52324F018516E63CA8B0DC067D1877D13C3
RECIPIENT=C4921F2CC061CA5AEF9C5EA664E2E5A0E7EFC495
gpg --batch --export "$SIGNER" > "$WORK/sender.gpg"
GPG="gpg --batch -q --trust-model always --pinentry-mode loopback"
HAVE_AGE=0
if command -v age >/dev/null && command -v age-keygen >/dev/null; then
  HAVE_AGE=1
  [ -f "$WORK/age.key" ] || age-keygen -o "$WORK/age.key" 2>/dev/null
  AGE_RECIPIENT=$(grep -o 'age1[0-9a-z]*' "$WORK/age.key" | head -1)
fi

# --- corpus
if [ $SMOKE = 1 ]; then BIG_MIB=4; SMALL=300; MIXED_BIG=2; EXAMPLE_RUNS=1; else BIG_MIB=1024; SMALL=100000; MIXED_BIG=8; EXAMPLE_RUNS=3; fi
corpus() {
  local c="$WORK/corpus"
  mkdir -p "$c"
  if [ ! -f "$c/big/video.bin" ] || [ "$(stat -c %s "$c/big/video.bin")" != $((BIG_MIB * 1048576)) ]; then
    rm -rf "$c/big"; mkdir -p "$c/big"
    head -c $((BIG_MIB * 1048576)) /dev/urandom > "$c/big/video.bin"
  fi
  if [ ! -d "$c/small" ] || [ "$(find "$c/small" -type f | wc -l)" != "$SMALL" ]; then
    rm -rf "$c/small"; mkdir -p "$c/small"
    (cd "$c/small" && seq -f "%03g" 0 99 | xargs mkdir -p && \
      awk -v n="$SMALL" 'BEGIN { for (i = 0; i < n; i++) { f = sprintf("%03d/note-%06d.txt", i % 100, i);
        print "Witness note " i ": the events of 7 November 2018 at the ITK-3 prison, Khujand." > f; close(f) } }')
  fi
  if [ ! -d "$c/mixed" ]; then
    mkdir -p "$c/mixed/media" "$c/mixed/notes"
    for i in $(seq 1 "$MIXED_BIG"); do head -c $((i * BIG_MIB * 1048576 / 32 + 1)) /dev/urandom > "$c/mixed/media/clip-$i.bin"; done
    for i in $(seq 1 $((SMALL / 100))); do echo "note $i" > "$c/mixed/notes/n-$i.txt"; done
    cp "$ROOT/examples/statement.txt" "$c/mixed/"
  fi
}
corpus

# --- measuring
# A step is a shell command line (run by bash -c, so pipelines are timed whole); its clean-up runs
# before each run, untimed. Every run is one line of $RAW: name, wall, cpu (user+sys), peak RSS (MB),
# and the kernel's part of the cpu (sys): on this VM, memory the kernel hands out fresh after heavy file
# I/O can cost seconds of it (measured: the v6 steps, whose key's Argon2 touches 80 MB more, took
# up to 2-3 s of sys in a full run against 0.6-0.8 s alone), which wall and cpu alone do not show.
RAW="$WORK/runs.tsv"
RESULTS="$WORK/results.tsv"
RATIOS="$WORK/ratios.tsv"
: > "$RAW"; : > "$RESULTS"; : > "$RATIOS"
RUNS=${BENCH_RUNS:-3}
[ $SMOKE = 1 ] && RUNS=${BENCH_RUNS:-1}
export SEALPACK GNUPGHOME XDG_CACHE_HOME
once() { # name clean command-line
  local name=$1 clean=$2 cmd=$3 t="$WORK/time.out" wall user sys rss
  [ -z "$clean" ] || bash -c "$clean"
  # Dirty pages of the previous step are written out first, so that no step pays for another's
  # writes (measured: the kernel's write-back otherwise moved single runs by up to 1.5 s here).
  sync
  if ! "$TIME" -f "%e %U %S %M" -o "$t" bash -c "$cmd" > /dev/null 2> "$WORK/last.err"; then
    echo "  $name FAILED: $(tail -2 "$WORK/last.err" | tr '\n' ' ')"; return 1
  fi
  read -r wall user sys rss < <(tail -1 "$t")
  printf '%s\t%s\t%s\t%d\t%s\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$sys" >> "$RAW"
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() { # name: medians of its runs
  local name=$1 wall cpu rss sys
  wall=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$RAW" | median)
  cpu=$(awk -F'\t' -v n="$name" '$1 == n { print $3 }' "$RAW" | median)
  rss=$(awk -F'\t' -v n="$name" '$1 == n { print $4 }' "$RAW" | median)
  sys=$(awk -F'\t' -v n="$name" '$1 == n { print $5 }' "$RAW" | median)
  [ -n "$wall" ] || return 0
  printf '%s\t%s\t%s\t%s\n' "$name" "$wall" "$cpu" "$rss" >> "$RESULTS"
  printf '  %-34s wall %7.2f s   cpu %7.2f s (sys %5.2f)   peak RSS %5.0f MB   (median of %d)\n' "$name" "$wall" \
    "$cpu" "$sys" "$rss" "$(awk -F'\t' -v n="$name" '$1 == n' "$RAW" | wc -l)"
}
measure() { # name clean command-line: one tool alone
  local i
  for i in $(seq "$RUNS"); do once "$1" "$2" "$3" || return 1; done
  report "$1"
}
pair() { # label nameA cleanA cmdA nameB cleanB cmdB: A B A B ..., then the medians and the ratios
  local label=$1 i n0 wa wb ca cb
  for i in $(seq "$RUNS"); do
    once "$2" "$3" "$4" || return 1
    once "$5" "$6" "$7" || return 1
  done
  report "$2"; report "$5"
  # Run-by-run ratios: the i-th run of A against the i-th of B.
  paste <(awk -F'\t' -v n="$2" '$1 == n { print $2, $3 }' "$RAW" | tail -n "$RUNS") \
        <(awk -F'\t' -v n="$5" '$1 == n { print $2, $3 }' "$RAW" | tail -n "$RUNS") > "$WORK/pair.tmp"
  wa=$(awk '$3 > 0 { print $1 / $3 }' "$WORK/pair.tmp" | median)
  ca=$(awk '$4 > 0 { print $2 / $4 }' "$WORK/pair.tmp" | median)
  printf '%s\t%s\t%s\n' "$label" "$wa" "$ca" >> "$RATIOS"
}

# Warm steps: the same command run several times in one JVM (bench/Warm.java, against the
# distribution's jar with the launcher's JVM options), the median of the later runs. Cold (through the
# launcher) minus warm is what the JVM's start and warm-up cost that run: class loading and
# initialisation, the interpreter, the JIT's compilations. Java 17 keeps only the class-data archive
# from one run to the next, so that part is paid at every start.
JAVA_DEFAULTS=$(sed -n '/^defaults="/,/"$/p' "$SEALPACK" | sed 's/^defaults="//; s/"$//' | tr '\n' ' ')
WARM_RUNS=${BENCH_WARM_RUNS:-6}
[ $SMOKE = 1 ] && WARM_RUNS=2
warm() { # name clean sealpack-arguments
  local name=$1 out="$WORK/warm.out" wall cpu
  sync
  if ! bash -c "set -f; java $JAVA_DEFAULTS -cp $(printf %q "$WORK/dist/lib/sealpack.jar") $(printf %q "$ROOT/bench/Warm.java") \
      $WARM_RUNS $(printf %q "$2") $3" > "$out" 2> "$WORK/last.err"; then
    echo "  $name FAILED: $(tail -2 "$WORK/last.err" "$out" | tr '\n' ' ')"; return 1
  fi
  read -r _ _ wall _ cpu < <(grep '^warm:' "$out")
  printf '%s\t%s\t%s\t\n' "$name" "$wall" "$cpu" >> "$RESULTS"
  printf '  %-34s wall %7.2f s   cpu %7.2f s   (in one JVM: median of runs %d-%d of %d)\n' "$name" "$wall" "$cpu" \
    $((WARM_RUNS / 2 + 1)) "$WARM_RUNS" "$WARM_RUNS"
}

echo "== machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')"
# --- the example statement: start-up dominates (target: each command <= 0.3 s)
echo "== example (the statement in examples/, $(stat -c %s "$ROOT/examples/statement.txt") bytes)"
RUNS=1 measure "first run (makes the class-data archive)" "" "\"\$SEALPACK\" --version"
ex="$WORK/out-example"; rm -rf "$ex"; mkdir -p "$ex"
KEYS_Q=$(printf %q "$KEYS"); EX_Q=$(printf %q "$ex"); ROOT_Q=$(printf %q "$ROOT")
for i in $(seq "$EXAMPLE_RUNS"); do
  once "example sealpack pack #$i" "rm -f $EX_Q/s.sealed" "\"\$SEALPACK\" pack $ROOT_Q/examples/statement.txt --metadata $ROOT_Q/examples/statement.metadata \
    --signer $KEYS_Q/signer.key.asc --passphrase-file $KEYS_Q/signer.passphrase --recipient $KEYS_Q/recipient.cert.asc -o $EX_Q/s.sealed" && report "example sealpack pack #$i"
  once "example sealpack verify #$i" "" "\"\$SEALPACK\" verify $EX_Q/s.sealed --signer $KEYS_Q/signer.cert.asc" && report "example sealpack verify #$i"
  once "example sealpack open #$i" "rm -rf $EX_Q/opened" "\"\$SEALPACK\" open $EX_Q/s.sealed --signer $KEYS_Q/signer.cert.asc \
    --key $KEYS_Q/recipient.key.asc --passphrase-file $KEYS_Q/recipient.passphrase -o $EX_Q/opened" && report "example sealpack open #$i"
done
measure "example gpgv (outer)" "" "gpgv --keyring $(printf %q "$WORK/sender.gpg") $EX_Q/s.sealed"

for set in ${BENCH_SETS:-big small mixed}; do
  src="$WORK/corpus/$set"
  out="$WORK/out-$set"
  rm -rf "$out"; mkdir -p "$out"
  echo "== $set ($(du -sh "$src" | cut -f1), $(find "$src" -type f | wc -l) files)"
  # The corpus in page cache before the first step: otherwise whichever tool runs first pays for the
  # disk reads (measured: sealpack's pack of the 100,000 files, run first, 2.5 s warm, 7.4 s cold).
  tar -C "$WORK/corpus" -c "$set" > /dev/null
  S=$(printf %q "$src"); O=$(printf %q "$out"); C=$(printf %q "$WORK/corpus")
  SIGN="--signer $KEYS_Q/signer.key.asc --passphrase-file $KEYS_Q/signer.passphrase --recipient $KEYS_Q/recipient.cert.asc"
  OPEN="--signer $KEYS_Q/signer.cert.asc --key $KEYS_Q/recipient.key.asc --passphrase-file $KEYS_Q/recipient.passphrase"
  GPGSE="set -o pipefail; tar -C $C -c $set | $GPG --passphrase-file $KEYS_Q/signer.passphrase -u $SIGNER -r $RECIPIENT"
  pair "$set: pack / tar|gpg -se -z0" "$set sealpack pack" "rm -f $O/s.sealed" "\"\$SEALPACK\" pack $S $SIGN -o $O/s.sealed" \
    "$set gpg -se -z0 (tar|)" "rm -f $O/g0.gpg" "$GPGSE -z 0 -se -o $O/g0.gpg"
  # The smoke run keeps to one pair per job (the suite runs it under a time bound on a busy machine).
  if [ $SMOKE = 0 ] && { [ "$set" != big ] || [ "${BENCH_GPG_DEFAULT:-1}" = 1 ]; }; then
    pair "$set: pack / tar|gpg -se (default)" "$set sealpack pack" "rm -f $O/s.sealed" "\"\$SEALPACK\" pack $S $SIGN -o $O/s.sealed" \
      "$set gpg -se default (tar|)" "rm -f $O/gd.gpg" "$GPGSE -se -o $O/gd.gpg"
  fi
  warm "$set sealpack pack (warm)" "rm -f $O/warm.sealed" "pack $S $SIGN -o $O/warm.sealed"
  rm -f "$out/warm.sealed"
  # age, where installed, is a second peer: measured alone (its ratio is of medians, not run by run).
  [ $HAVE_AGE = 1 ] && measure "$set age (tar|)" "rm -f $O/a.age" "set -o pipefail; tar -C $C -c $set | age -r $AGE_RECIPIENT -o $O/a.age"
  pair "$set: verify / gpgv" "$set sealpack verify" "" "\"\$SEALPACK\" verify $O/s.sealed --signer $KEYS_Q/signer.cert.asc" \
    "$set gpgv (outer)" "" "gpgv --keyring $(printf %q "$WORK/sender.gpg") $O/s.sealed"
  warm "$set sealpack verify (warm)" "" "verify $O/s.sealed --signer $KEYS_Q/signer.cert.asc"
  GPGD="set -o pipefail; $GPG --passphrase-file $KEYS_Q/recipient.passphrase -d $O/g0.gpg | tar -x -C $O/gpg-opened"
  if [ $SMOKE = 1 ]; then
    measure "$set sealpack verify --key" "" "\"\$SEALPACK\" verify $O/s.sealed $OPEN"
  else
    pair "$set: verify --key / gpg -d|tar -x" "$set sealpack verify --key" "" "\"\$SEALPACK\" verify $O/s.sealed $OPEN" \
      "$set gpg -d (|tar -x)" "rm -rf $O/gpg-opened; mkdir -p $O/gpg-opened" "$GPGD"
  fi
  pair "$set: open / gpg -d|tar -x" "$set sealpack open" "rm -rf $O/opened" "\"\$SEALPACK\" open $O/s.sealed $OPEN -o $O/opened" \
    "$set gpg -d (|tar -x)" "rm -rf $O/gpg-opened; mkdir -p $O/gpg-opened" "$GPGD"
  # The RFC 9580 profile (v6 keys: SEIPD v2, AES-256 in OCB), against v4 in the same run (test keys).
  if [ $SMOKE = 0 ] && [ "$set" = big ]; then
    V6=$(printf %q "$ROOT/src/test/resources/keys")
    SIGN6="--signer $V6/v6-signer.key.asc --passphrase-file $V6/v6-signer.passphrase --recipient $V6/v6-recipient.cert.asc"
    OPEN6="--signer $V6/v6-signer.cert.asc --key $V6/v6-recipient.key.asc --passphrase-file $V6/v6-recipient.passphrase"
    pair "$set: v6 pack / v4 pack" "$set sealpack pack v6" "rm -f $O/s6.sealed" "\"\$SEALPACK\" pack $S $SIGN6 -o $O/s6.sealed" \
      "$set sealpack pack" "rm -f $O/s.sealed" "\"\$SEALPACK\" pack $S $SIGN -o $O/s.sealed"
    pair "$set: v6 open / v4 open" "$set sealpack open v6" "rm -rf $O/opened6" "\"\$SEALPACK\" open $O/s6.sealed $OPEN6 -o $O/opened6" \
      "$set sealpack open" "rm -rf $O/opened" "\"\$SEALPACK\" open $O/s.sealed $OPEN -o $O/opened"
    rm -rf "$out/opened6" "$out/s6.sealed"
  fi
  [ $HAVE_AGE = 1 ] && measure "$set age -d (|tar -x)" "rm -rf $O/age-opened; mkdir -p $O/age-opened" \
    "set -o pipefail; age -d -i $(printf %q "$WORK/age.key") $O/a.age | tar -x -C $O/age-opened"
  rm -rf "$out/opened" "$out/gpg-opened" "$out/age-opened"
done

# --- ratios
echo "== ratios (sealpack / peer, median of the run-by-run ratios, $RUNS pairs run in turn; below 1.00 is faster)"
awk -F'\t' '{ printf "  %-44s wall %6s   cpu %6s\n", $1, ($2 == "" ? "-" : sprintf("%.2f", $2)), ($3 == "" ? "-" : sprintf("%.2f", $3)) }' "$RATIOS"
ratio() { # label a b: of medians (a peer measured alone)
  local a b
  a=$(awk -F'\t' -v n="$2" '$1 == n { print $2 }' "$RESULTS"); b=$(awk -F'\t' -v n="$3" '$1 == n { print $2 }' "$RESULTS")
  [ -n "$a" ] && [ -n "$b" ] && awk -v a="$a" -v b="$b" -v l="$1" 'BEGIN { if (b > 0) printf "  %-44s wall %6.2f   (medians, not in turn)\n", l, a / b }'
  return 0
}
if [ $HAVE_AGE = 1 ]; then
  for set in ${BENCH_SETS:-big small mixed}; do
    ratio "$set: pack / tar|age" "$set sealpack pack" "$set age (tar|)"
    ratio "$set: open / age -d|tar -x" "$set sealpack open" "$set age -d (|tar -x)"
  done
fi
for step in pack verify open; do
  awk -F'\t' -v s="example sealpack $step" 'index($1, s) == 1 { if (m == "" || $2 < m) m = $2; if ($2 > x) x = $2 }
    END { if (m != "") printf "  example: %-37s %6.2f-%.2f s  (target <= 0.30 s)\n", s, m, x }' "$RESULTS"
done
echo "== warm (in one JVM; cold minus warm is the JVM's start and warm-up)"
for set in ${BENCH_SETS:-big small mixed}; do
  ratio "$set: pack warm / tar|gpg -se -z0" "$set sealpack pack (warm)" "$set gpg -se -z0 (tar|)"
  ratio "$set: verify warm / gpgv" "$set sealpack verify (warm)" "$set gpgv (outer)"
done
echo "== peak RSS of sealpack (MB): $(awk -F'\t' '$1 ~ /sealpack/ { if ($4 > m) m = $4 } END { print m }' "$RAW")"
echo "== machine after: $(uptime | sed 's/.*load/load/')"
gpgconf --kill gpg-agent 2>/dev/null || true
[ -n "${BENCH_DIR:-}" ] || rm -rf "$WORK"
echo "bench: done"
