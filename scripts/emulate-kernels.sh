#!/usr/bin/env bash
# Runs our CUDA kernels on the CPU emulator (cuda/src/test/emulator, see its README.md): g++
# compiles the .cu files unchanged, every CUDA thread a std::thread.
#   scripts/emulate-kernels.sh               build (if stale) and run the dense.cu and images.cu
#                                            checks; prints a summary, exits non-zero on a failure
#   scripts/emulate-kernels.sh build-jacobi  build (if stale) the jacobi.cu emulator and print its
#                                            path (JacobiKernelEmulationTest runs it)
#   scripts/emulate-kernels.sh build-dense   build (if stale) the emulator of dense.cu's batched
#                                            kernels and print its path (BatchedKernelEmulationTest
#                                            runs it)
# Binaries go to cuda/target/emulator and are rebuilt only when a source is newer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
emu="$root/cuda/src/test/emulator"
cu="$root/cuda/src/main/cuda"
out="$root/cuda/target/emulator"
cxx="${CXX:-g++}"
flags=(-O2 -std=c++20 -pthread -ffp-contract=off -Wall -Wno-unknown-pragmas -I"$emu" -I"$cu")

if ! command -v "$cxx" >/dev/null; then
  echo "emulate-kernels: $cxx not found (set CXX to a C++20 compiler)" >&2
  exit 2
fi
mkdir -p "$out"

# stale BINARY SOURCE...: true when BINARY is missing or older than a source, emu.h or emulator_io.h.
stale() {
  local binary="$1"; shift
  [[ -e "$binary" ]] || return 0
  local s
  for s in "$emu/emu.h" "$emu/emulator_io.h" "$@"; do
    [[ "$s" -nt "$binary" ]] && return 0
  done
  return 1
}

# build BINARY SOURCE...: compiles each SOURCE in parallel, links, and moves the binary into place
# at once, so a concurrent user never runs a half-written one.
build() {
  local binary="$1"; shift
  local tmp
  tmp="$(mktemp -d "$out/build.XXXXXX")"
  local pids=() objects=() s
  for s in "$@"; do
    local o="$tmp/$(basename "$s" .cpp).o"
    objects+=("$o")
    "$cxx" "${flags[@]}" -c "$s" -o "$o" & pids+=($!)
  done
  local ok=1 p
  for p in "${pids[@]}"; do wait "$p" || ok=0; done
  if [[ $ok == 1 ]] && "$cxx" -pthread "${objects[@]}" -o "$tmp/binary"; then
    mv "$tmp/binary" "$binary"
    rm -rf "$tmp"
  else
    rm -rf "$tmp"
    echo "emulate-kernels: building $(basename "$binary") failed" >&2
    exit 2
  fi
}

case "${1:-checks}" in
  checks)
    checks="$out/kernel-checks"
    sources=("$emu/kernel_checks.cpp" "$emu/dense_kernels.cpp" "$emu/images_kernels.cpp")
    if stale "$checks" "${sources[@]}" "$cu/dense.cu" "$cu/images.cu"; then
      build "$checks" "${sources[@]}"
    fi
    start=$SECONDS
    status=0
    "$checks" || status=$?
    echo "emulate-kernels: dense.cu and images.cu checks $([[ $status == 0 ]] && echo passed || echo FAILED) in $((SECONDS - start)) s"
    exit "$status"
    ;;
  build-jacobi)
    jacobi="$out/jacobi-emulator"
    if stale "$jacobi" "$emu/jacobi_emulator.cpp" "$cu/jacobi.cu"; then
      build "$jacobi" "$emu/jacobi_emulator.cpp"
    fi
    echo "$jacobi"
    ;;
  build-dense)
    dense="$out/dense-emulator"
    if stale "$dense" "$emu/dense_emulator.cpp" "$cu/dense.cu"; then
      build "$dense" "$emu/dense_emulator.cpp"
    fi
    echo "$dense"
    ;;
  *)
    echo "usage: scripts/emulate-kernels.sh [checks | build-jacobi | build-dense]" >&2
    exit 2
    ;;
esac
