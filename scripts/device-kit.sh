#!/usr/bin/env bash
# Builds what scripts/device-check.sh runs on a GPU machine, which has no Java and builds nothing:
#   target/device-kit/java   a jlink runtime from Temurin 25 (needs only glibc 2.17)
#   target/device-kit/lib    mbp-cli and its runtime dependencies (the mbp modules, picocli), without
#                            the chart/PDF libraries, without OpenBLAS (12 MB more than the 64 MiB carry allows; the
#                            CPU side then multiplies in EJML, and the CPU epoch row names its backend)
#                            and with only the JCuda driver-API native library
# Carry it with the working tree (the run tool's carry: ["target/device-kit"]); it stays under 64 MiB.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jdk="${DEVICE_KIT_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
kit="$root/target/device-kit"
if [[ ! -x "$jdk/bin/jlink" ]]; then
  echo "device-kit: no jlink at $jdk (set DEVICE_KIT_JDK to a JDK 17+)" >&2
  exit 1
fi
rm -rf "$kit"
mkdir -p "$kit/lib"
deps="$(mktemp -d)"
trap 'rm -rf "$deps"' EXIT
# One reactor, so that the mbp modules resolve to the jars it has just packaged.
mvn -B -q -o -pl experiments/cli -am package dependency:copy-dependencies -DskipTests -DincludeScope=runtime \
  -Dmaven.javadoc.skip -Dmaven.source.skip \
  -DoutputDirectory="$deps"
for jar in "$deps"/*.jar; do
  case "$(basename "$jar")" in
    jfreechart-*|pdfbox-*|fontbox-*|graphics2d-*|commons-logging-*|openblas-*|javacpp-*) ;;
    jcuda-natives-*)
      (cd "$deps" && mkdir -p natives && cd natives && unzip -q "$jar" 'lib/libJCudaDriver-*' \
        && zip -q -r "$kit/lib/$(basename "$jar")" lib) ;;
    *) cp "$jar" "$kit/lib/" ;;
  esac
done
for jar in experiments/cli/target/mbp-cli-*.jar; do
  case "$jar" in *-sources.jar|*-javadoc.jar) ;; *) cp "$jar" "$kit/lib/" ;; esac
done
"$jdk/bin/jlink" --add-modules java.base,java.logging,jdk.unsupported --strip-debug --no-man-pages \
  --no-header-files --compress zip-9 --output "$kit/java"
du -sh "$kit" | sed 's/^/device-kit: /'
