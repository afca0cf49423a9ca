#!/usr/bin/env bash
# Lists the classes that pack, inspect, verify and open load on the example with the demo keys (run by
# `mvn package`). The launcher turns this list into a class-data sharing archive for the local JVM on
# its first run (see src/main/dist/bin/sealpack): measured, it takes about a third off each command's
# start-up. The list is sorted so that two builds give the same file.
#
#   src/build/class-list.sh target/sealpack.jar target/sealpack.classlist
set -euo pipefail
jar=$(realpath "$1")
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/sealpack-classlist.XXXXXX")
trap 'rm -rf "$work"' EXIT
keys="$root/keys"
n=0
run() {
  n=$((n + 1))
  java -Xmx128m -XX:+UseSerialGC -XX:DumpLoadedClassList="$work/$n.lst" -jar "$jar" "$@" > /dev/null
}
export SEALPACK_HOME="$work/home"
run pack "$root/examples/statement.txt" --metadata "$root/examples/statement.metadata" \
  --signer "$keys/signer.key.asc" --passphrase-file "$keys/signer.passphrase" \
  --recipient "$keys/recipient.cert.asc" -o "$work/s.sealed"
run inspect "$work/s.sealed"
run verify "$work/s.sealed" --signer "$keys/signer.cert.asc"
run verify "$work/s.sealed" --signer "$keys/signer.cert.asc" --key "$keys/recipient.key.asc" \
  --passphrase-file "$keys/recipient.passphrase"
run open "$work/s.sealed" --signer "$keys/signer.cert.asc" --key "$keys/recipient.key.asc" \
  --passphrase-file "$keys/recipient.passphrase" -o "$work/opened"
LC_ALL=C sort -u "$work"/*.lst > "$out.tmp"
mv "$out.tmp" "$out"
