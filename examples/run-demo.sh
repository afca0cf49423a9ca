#!/usr/bin/env bash
# The main job on the example, with the DEMO keys: pack the statement, verify it as a custodian (no
# secret), verify it fully as the recipient, and open it. Needs target/sealpack.jar (mvn package), or
# the sealpack command to run given as arguments:
#   examples/run-demo.sh                       # the jar built by mvn package
#   examples/run-demo.sh /usr/bin/sealpack     # an installed sealpack (the .deb), or any launcher
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  command=("$@")
  echo "== running: ${command[*]}"
else
  jar=target/sealpack.jar
  [ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
  command=(java -Xmx128m -XX:+UseSerialGC -jar "$jar")
fi
sealpack() { "${command[@]}" "$@"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/sealpack-demo.XXXXXX")
echo "== working in $work (the sealed file stays there; the decrypted copy is removed at the end)"
# The decrypted statement is removed when the demo ends, however it ends: plaintext is not left lying
# in a temporary directory. (Only what this script made: the directory mktemp just created.)
trap 'rm -rf "$work/opened" && echo "== removed the decrypted copy $work/opened"' EXIT

echo; echo "== pack: the statement and its metadata, signed by the demo signer, sealed to the demo recipient"
sealpack pack examples/statement.txt --metadata examples/statement.metadata \
  --signer keys/signer.key.asc --passphrase-file keys/signer.passphrase \
  --recipient keys/recipient.cert.asc -o "$work/nat-itk3-statement.sealed"

echo; echo "== inspect: what anyone can see with no key"
sealpack inspect "$work/nat-itk3-statement.sealed"

echo; echo "== verify as a custodian: the outer signature, no secret key"
sealpack verify "$work/nat-itk3-statement.sealed" --signer keys/signer.cert.asc

echo; echo "== verify as the recipient: everything, extracting nothing"
sealpack verify "$work/nat-itk3-statement.sealed" --signer keys/signer.cert.asc \
  --key keys/recipient.key.asc --passphrase-file keys/recipient.passphrase

echo; echo "== open: decrypt, verify everything, then place the bag"
sealpack open "$work/nat-itk3-statement.sealed" --signer keys/signer.cert.asc \
  --key keys/recipient.key.asc --passphrase-file keys/recipient.passphrase -o "$work/opened"

echo; echo "== the opened bag, checked again with sha512sum"
(cd "$work/opened" && sha512sum -c manifest-sha512.txt && sha512sum -c tagmanifest-sha512.txt)
cmp "$work/opened/data/statement.txt" examples/statement.txt && echo "payload identical to examples/statement.txt"
