#!/usr/bin/env bash
# The GPU machine's one call (issue 6), finishing in well under 5 minutes. It builds nothing: it
# runs the jlink runtime and jars of target/device-kit (made here by scripts/device-kit.sh and
# carried along), so the GPU machine needs no Java or Maven. Steps:
#   1. PyTorch's batched eigh/svd times on the same GPU (scripts/peer_eigh_torch.py);
#   2. mbp device-check (org.mbp.devicecheck.DeviceCheck): every kernel against the CPU backend,
#      the Jacobi kernels against their Java reference, batched EIG/SVD times, a DeepO2P-FC epoch
#      on GPU and CPU; it prints the table last and writes device-check.{md,json}.
# Arguments go to mbp device-check, e.g. --cpu-images 256 (see mbp device-check --help).
# Results go to $OUT (the run tool's output folder) or target/device-check.
# From a session with a GPU:  scripts/device-kit.sh, then run: scripts/device-check.sh
#   with carry ["target/device-kit"]; record the table in docs/BENCHMARKS.md.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kit="$root/target/device-kit"
out="${OUT:-$root/target/device-check}"
mkdir -p "$out/tmp"
if [[ ! -x "$kit/java/bin/java" ]]; then
  echo "device-check: no $kit/java/bin/java: run scripts/device-kit.sh and carry target/device-kit" >&2
  exit 2
fi
{ nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 || true; } | tee "$out/gpu.txt"
python="$(command -v python3 || echo /usr/bin/python3)"
torch_json="$out/torch.json"
if ! timeout 60 "$python" "$root/scripts/peer_eigh_torch.py" > "$torch_json" 2> "$out/torch.log"; then
  echo "device-check: the PyTorch peer failed (see torch.log); timing mbp alone" >&2
  tail -3 "$out/torch.log" >&2
fi
# JCuda unpacks its native library into java.io.tmpdir: a writable folder that allows exec.
timeout 220 "$kit/java/bin/java" -Xmx8g --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir="$out/tmp" -cp "$kit/lib/*" \
  org.mbp.cli.Mbp device-check --out "$out" --torch "$torch_json" "$@"
