#!/usr/bin/env bash
# Compiles every CUDA kernel file cuda/src/main/cuda/*.cu to PTX.
#   scripts/build-ptx.sh            regenerate the committed PTX (cuda/src/main/resources/org/mbp/cuda/ptx)
#   scripts/build-ptx.sh DIR        write the PTX to DIR instead (the Maven build does this when nvcc exists)
# Each PTX file starts with "// mbp-source-sha256 HASH NAME.cu": PtxFreshnessTest checks it against the
# .cu source on every machine, and recompiles and compares the whole file where nvcc exists.
# PTX ISA of nvcc 13 (.version 9.0, target compute_75) loads on a CUDA 13 driver (r580+).
set -euo pipefail
shopt -s nullglob
root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/cuda/src/main/cuda"
out="${1:-$root/cuda/src/main/resources/org/mbp/cuda/ptx}"
nvcc="${NVCC:-$(command -v nvcc || echo /usr/local/bin/nvcc)}"
if [[ ! -x "$nvcc" ]]; then
  echo "build-ptx: nvcc not found (set NVCC or install the CUDA toolkit); the committed PTX is used" >&2
  exit 1
fi
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for cu in "$src"/*.cu; do
  name="$(basename "$cu" .cu)"
  "$nvcc" -ptx -arch=compute_75 -O3 -o "$tmp/$name.ptx" "$cu"
  hash="$(sha256sum "$cu" | cut -d' ' -f1)"
  { echo "// mbp-source-sha256 $hash $name.cu"; cat "$tmp/$name.ptx"; } > "$tmp/$name.ptx.tagged"
  mv "$tmp/$name.ptx.tagged" "$out/$name.ptx"
done
