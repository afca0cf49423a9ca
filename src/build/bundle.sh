#!/usr/bin/env bash
# Makes the self-contained bundle and the Debian package for this platform (run by `mvn package`,
# after the jar, man pages, completion and class list are made):
#   target/sealpack-VERSION-linux-x64.tar.gz  sealpack-VERSION/{bin/sealpack, lib/, runtime/, share/}
#   target/sealpack_VERSION_amd64.deb         /usr/bin/sealpack -> /usr/lib/sealpack/bin/sealpack,
#                                             /usr/lib/sealpack/{lib,runtime}, man pages, completion
# The runtime is made by jlink with the modules jdeps finds in the jar, plus the two the JDK loads
# as services, which jdeps cannot see: jdk.crypto.ec (the JDK's elliptic-curve provider, which the
# tests use too) and jdk.charsets (file names in a legacy locale encoding, KOI8-R say). Nothing else
# from the JDK: no compiler, no jshell, no man pages or headers; debug symbols stripped.
#
#   src/build/bundle.sh VERSION TARGET_DIR
set -euo pipefail
version=$1
target=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
case "$(uname -m)" in
  x86_64) platform=linux-x64; arch=amd64 ;;
  aarch64) platform=linux-aarch64; arch=arm64 ;;
  *) echo "bundle: no bundle for $(uname -m); the jar and the -dist archive are made" >&2; exit 0 ;;
esac
jdk_bin=$(dirname "$(readlink -f "$(command -v jlink)")")
work="$target/bundle"
rm -rf "$work"
mkdir -p "$work"
name="sealpack-$version"
image="$work/$name"

modules=$("$jdk_bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$target/sealpack.jar")
modules="$modules,jdk.crypto.ec,jdk.charsets"
echo "bundle: runtime modules $modules"
mkdir -p "$image/bin" "$image/lib" "$image/share/man/man1" "$image/share/bash-completion/completions" \
  "$image/share/doc/sealpack"
# The runtime: uncompressed modules (the bundle's tar.gz compresses them better than jlink's zip: 26 MB
# against 32, and the JVM reads them without inflating). No class-data archive of the JDK's own: the
# launcher makes one of the classes sealpack loads, JDK classes included, on its first run.
"$jdk_bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=0 \
  --output "$image/runtime"
install -m 0755 "$root/src/main/dist/bin/sealpack" "$image/bin/sealpack"
install -m 0644 "$target/sealpack.jar" "$target/sealpack.classlist" "$image/lib/"
install -m 0644 "$target"/man/*.1 "$image/share/man/man1/"
install -m 0644 "$target/sealpack_completion" "$image/share/bash-completion/completions/sealpack"
install -m 0644 "$root/README.md" "$root/docs/GUIDE.md" "$root/docs/FORMAT.md" "$image/share/doc/sealpack/"
[ -f "$target/bom.json" ] && install -m 0644 "$target/bom.json" "$image/share/doc/sealpack/sbom.cyclonedx.json"
tar --owner=0 --group=0 --numeric-owner --sort=name --mtime=@0 -C "$work" -czf "$target/$name-$platform.tar.gz" "$name"

# The Debian package: the same tree under /usr/lib/sealpack, the launcher linked into /usr/bin (it finds
# its installation through the link), man pages gzipped where man looks, completion where bash looks.
deb="$work/deb"
mkdir -p "$deb/DEBIAN" "$deb/usr/bin" "$deb/usr/lib/sealpack" "$deb/usr/share/man/man1" \
  "$deb/usr/share/bash-completion/completions" "$deb/usr/share/doc/sealpack"
cp -a "$image/bin" "$image/lib" "$image/runtime" "$deb/usr/lib/sealpack/"
ln -s ../lib/sealpack/bin/sealpack "$deb/usr/bin/sealpack"
for page in "$image"/share/man/man1/*.1; do
  gzip -9n < "$page" > "$deb/usr/share/man/man1/$(basename "$page").gz"
done
cp "$image/share/bash-completion/completions/sealpack" "$deb/usr/share/bash-completion/completions/sealpack"
cp "$image"/share/doc/sealpack/* "$deb/usr/share/doc/sealpack/"
chmod -R u=rwX,go=rX "$deb"
size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
cat > "$deb/DEBIAN/control" <<CONTROL
Package: sealpack
Version: $version
Architecture: $arch
Maintainer: sealpack maintainers <sealpack@example.org>
Installed-Size: $size
Section: utils
Priority: optional
Homepage: https://github.com/sealpack/sealpack
Description: seal statements into signed, encrypted, self-verifying archives
 sealpack seals a statement, its metadata and its checksums into one signed,
 encrypted file (a BagIt bag in a POSIX tar in OpenPGP) that trusted recipients
 verify and open offline. It brings its own Java runtime (in /usr/lib/sealpack).
CONTROL
find "$deb" -exec touch -h -d @0 {} +
dpkg-deb --root-owner-group -Zgzip -z9 --build "$deb" "$target/sealpack_${version}_$arch.deb" > /dev/null
rm -rf "$work"
ls -l "$target/$name-$platform.tar.gz" "$target/sealpack_${version}_$arch.deb" | awk '{print "bundle: " $5 " bytes " $9}'
