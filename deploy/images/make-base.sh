#!/usr/bin/env bash
# Makes Hailway's base image from this machine's Temurin 25, for machines that reach no container registry (the
# default base, eclipse-temurin:25-jre, comes from one). What it holds:
#   /opt/java/openjdk   a runtime cut by jlink to the JDK modules the jars need (found with jdeps)
#   glibc, libgcc_s, CA certificates, tzdata, /etc/os-release and dpkg records of those packages (so that image
#   scanners know what is inside), a non-root user hailway (10001:10001), /tmp
# and nothing else: no shell, no package manager, no compiler.
#
#   deploy/images/make-base.sh [--tag IMAGE] [--engine podman|docker] [--save FILE] (--modules LIST | JAR_OR_DIR...)
#
# --modules takes a comma-separated module list (the image build passes the one it found); otherwise every jar
# under the given files and directories is analysed with jdeps. --save also writes the image as a docker-archive
# (what Jib's tar:// base wants). The module list is kept in the label dev.hailway.jre.modules.
set -euo pipefail

TAG=localhost/hailway/jre:25
ENGINE=podman
SAVE=""
MODULES=""
SOURCES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) TAG="$2"; shift 2 ;;
    --engine) ENGINE="$2"; shift 2 ;;
    --save) SAVE="$2"; shift 2 ;;
    --modules) MODULES="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "make-base.sh: unknown option $1" >&2; exit 64 ;;
    *) SOURCES+=("$1"); shift ;;
  esac
done

JDK="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if ! "$JDK/bin/java" -version 2>&1 | grep -q 'version "25'; then
  echo "make-base.sh: JAVA_HOME must be a JDK 25 (is: $JDK)" >&2; exit 1
fi
case "$(uname -m)" in
  x86_64) LIBDIR=/lib/x86_64-linux-gnu; LOADER=/lib64/ld-linux-x86-64.so.2 ;;
  aarch64) LIBDIR=/lib/aarch64-linux-gnu; LOADER=/lib/ld-linux-aarch64.so.1 ;;
  *) echo "make-base.sh: no recipe for $(uname -m)" >&2; exit 1 ;;
esac

WORK="$(mktemp -d "${TMPDIR:-/tmp}/hailway-base.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if [ -z "$MODULES" ]; then
  if [ ${#SOURCES[@]} -eq 0 ]; then echo "make-base.sh: give --modules or the jars to analyse" >&2; exit 64; fi
  # Modular jars name modules that jdeps then insists on resolving; plain classes do not, so analyse those.
  mkdir -p "$WORK/classes"
  find "${SOURCES[@]}" -name '*.jar' -print0 | sort -zu | while IFS= read -r -d '' jar; do
    unzip -qo "$jar" '*.class' -x 'module-info.class' '*/module-info.class' 'META-INF/*' -d "$WORK/classes" 2>/dev/null || true
  done
  MODULES="$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps -q "$WORK/classes")"
  rm -rf "$WORK/classes"
fi
# Found by no static analysis: jar: file systems (jdk.zipfs) and the elliptic-curve and PKCS#11 providers that TLS
# and JWT libraries look up by name.
MODULES="$(echo "$MODULES,jdk.zipfs,jdk.crypto.ec" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)"
echo "make-base.sh: JDK modules $MODULES"

ROOT="$WORK/rootfs"
mkdir -p "$ROOT/opt/java" "$ROOT/etc/ssl/certs" "$ROOT/usr/share" "$ROOT/tmp" "$ROOT/home/hailway" \
  "$ROOT/var/lib/dpkg/status.d" "$ROOT$LIBDIR" "$(dirname "$ROOT$LOADER")"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --output "$ROOT/opt/java/openjdk"
# Left out: what a headless server never loads (the desktop's windowing, fonts, colour management, images and
# sound), and the JDK's default CDS archives, for which every service image has its own AOT cache (the Kafka and
# PostgreSQL images dump an archive of their own).
for lib in libawt_xawt.so libjawt.so libsplashscreen.so libjsound.so libfontmanager.so libfreetype.so liblcms.so \
  libmlib_image.so libjavajpeg.so; do
  rm -f "$ROOT/opt/java/openjdk/lib/$lib"
done
rm -f "$ROOT/opt/java/openjdk/lib/server/classes.jsa" "$ROOT/opt/java/openjdk/lib/server/classes_nocoops.jsa"

# The C libraries the runtime links against, and the loader; X11 and sound libraries are for desktop programs.
for lib in libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libgcc_s.so.1; do
  cp -L "$LIBDIR/$lib" "$ROOT$LIBDIR/$lib"
done
cp -L "$LOADER" "$ROOT$LOADER"
missing="$(find "$ROOT/opt/java/openjdk" -name '*.so' -print0 | xargs -0 ldd 2>/dev/null | awk '/=>/ {print $1}' | sort -u \
  | while read -r lib; do
      [ -e "$ROOT$LIBDIR/$lib" ] || [ -n "$(find "$ROOT/opt/java/openjdk" -name "$lib" -print -quit)" ] || echo "$lib"
    done)"
if [ -n "$missing" ]; then echo "make-base.sh: the runtime needs libraries not copied: $missing" >&2; exit 1; fi

cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/"
cp -a /usr/share/zoneinfo "$ROOT/usr/share/"
ln -s /usr/share/zoneinfo/Etc/UTC "$ROOT/etc/localtime"
echo "Etc/UTC" > "$ROOT/etc/timezone"
cp -L /etc/os-release "$ROOT/etc/os-release"
for pkg in libc6 libgcc-s1 tzdata ca-certificates; do
  dpkg-query -s "$pkg" > "$ROOT/var/lib/dpkg/status.d/$pkg"
done
cat > "$ROOT/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
hailway:x:10001:10001:hailway:/home/hailway:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat > "$ROOT/etc/group" <<'EOF'
root:x:0:
hailway:x:10001:
nogroup:x:65534:
EOF
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$ROOT/etc/nsswitch.conf"
# Mount points for what the engine provides: without them it creates them in the container's own layer, which a
# read-only container should never have.
touch "$ROOT/etc/hosts" "$ROOT/etc/resolv.conf" "$ROOT/etc/hostname"
ln -s /proc/mounts "$ROOT/etc/mtab"
chmod 1777 "$ROOT/tmp"
chown 10001:10001 "$ROOT/home/hailway"

# Same files, same bytes: a reproducible layer, so a rebuilt base leaves the images above it unchanged.
tar --sort=name --mtime=@0 --numeric-owner --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -C "$ROOT" -cf "$WORK/rootfs.tar" .
JAVA_VERSION="$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
"$ENGINE" import \
  --change "ENV JAVA_HOME=/opt/java/openjdk" \
  --change "ENV PATH=/opt/java/openjdk/bin:/usr/bin:/bin" \
  --change "ENV LANG=C.UTF-8" \
  --change "ENV TZ=Etc/UTC" \
  --change "USER 10001:10001" \
  --change "WORKDIR /home/hailway" \
  --change "LABEL org.opencontainers.image.title=hailway-jre" \
  --change "LABEL org.opencontainers.image.description=Temurin $JAVA_VERSION cut by jlink, glibc, CA certificates, tzdata" \
  --change "LABEL org.opencontainers.image.version=$JAVA_VERSION" \
  --change "LABEL dev.hailway.jre.modules=$MODULES" \
  --change "LABEL dev.hailway.jre.recipe=$(sha256sum "$0" | cut -c1-16)" \
  "$WORK/rootfs.tar" "$TAG" >/dev/null
echo "make-base.sh: $TAG ($(du -sh "$WORK/rootfs.tar" | cut -f1) uncompressed)"
if [ -n "$SAVE" ]; then
  "$ENGINE" save --format docker-archive -o "$SAVE" "$TAG"
  echo "make-base.sh: saved as docker-archive $SAVE"
fi
