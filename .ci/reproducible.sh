#!/usr/bin/env bash
# Two builds of the same commit give the same jar bytes: rebuild HEAD in a fresh clone and compare
# with target/sealpack.jar from the build that just ran the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/sealpack.jar ] || { echo "reproducible: build first" >&2; exit 2; }
other=$(mktemp -d "${TMPDIR:-/tmp}/sealpack-rebuild.XXXXXX")
trap 'rm -rf "$other"' EXIT
git clone -q . "$other/src"
(cd "$other/src" && mvn -B -q -o package -DskipTests -Dassembly.skipAssembly=true -Dcyclonedx.skip=true)
first=$(sha256sum target/sealpack.jar | cut -d' ' -f1)
second=$(sha256sum "$other/src/target/sealpack.jar" | cut -d' ' -f1)
echo "reproducible build: $first (this build) / $second (second build of $(git rev-parse --short HEAD))"
[ "$first" = "$second" ] || { echo "reproducible build: the two jars differ" >&2; exit 1; }
