#!/usr/bin/env bash
# Fixed-seed outputs of a checkout, for a byte-for-byte comparison of two versions (a refactoring
# must not change a number). Runs, with the checkout's own ./mbp launcher:
#   - mbp report --scale quick (every study's results.csv, cells, charts.json, summary.json
#     without its "run" object, report.json's verdicts);
#   - mbp grad on each layer, on generated .csv inputs (the gradient file and the JSON line);
#   - one short training run of each §7 loop (checkpoint.bin: weights and optimiser state,
#     epochs.csv without its timing columns, the summary without its run object).
# Usage: scripts/same-outputs.sh CHECKOUT OUT
#        scripts/same-outputs.sh --compare OUT_A OUT_B   (lists every differing file; exit 1 if any)
set -euo pipefail

if [[ "${1:-}" == "--compare" ]]; then
    [[ $# -eq 3 ]] || { echo "usage: $0 --compare OUT_A OUT_B" >&2; exit 2; }
    if diff -r -q "$2" "$3"; then
        echo "same-outputs: $(find "$2" -type f | wc -l) files, identical byte for byte"
    else
        echo "same-outputs: the outputs differ (files above)" >&2
        exit 1
    fi
    exit 0
fi
[[ $# -eq 2 ]] || { echo "usage: $0 CHECKOUT OUT | --compare OUT_A OUT_B" >&2; exit 2; }
checkout="$(cd "$1" && pwd)"
mkdir -p "$2"
out="$(cd "$2" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/same-outputs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mbp() { "$checkout/mbp" "$@"; }
python3() { if [[ -x /usr/bin/python3 ]]; then /usr/bin/python3 "$@"; else command python3 "$@"; fi; }

# JSON without the fields that differ between runs (times, machine, versions, paths).
strip_json() {
    python3 - "$1" <<'PY'
import json, sys
VOLATILE = {"run", "seconds", "created", "elapsed_s", "time", "started", "finished", "machine", "java",
            "version", "commit", "date", "out", "path"}
def volatile(k):
    return (k in VOLATILE or k.endswith("_per_s") or k.endswith("seconds") or k.startswith("time")
            or k.startswith("ms_") or k.endswith("_ms"))
def clean(v):
    if isinstance(v, dict):
        v = {k: clean(x) for k, x in v.items() if not volatile(k)}
        table = v.get("table")
        if isinstance(table, dict) and isinstance(table.get("header"), list):
            keep = [i for i, h in enumerate(table["header"]) if "/s" not in h and "second" not in h]
            table["header"] = [table["header"][i] for i in keep]
            table["rows"] = [[r[i] for i in keep if i < len(r)] for r in table.get("rows", [])]
        return v
    if isinstance(v, list):
        return [clean(x) for x in v if not (isinstance(x, dict) and "time" in str(x.get("file", "")))]
    return v
with open(sys.argv[1], encoding="utf-8") as f:
    text = f.read()
try:
    data = json.loads(text)
    print(json.dumps(clean(data), indent=1, sort_keys=True, ensure_ascii=False))
except json.JSONDecodeError:
    lines = [clean(json.loads(line)) for line in text.splitlines()]
    lines.sort(key=lambda x: x.get("cell", -1) if isinstance(x, dict) else -1)
    for line in lines:
        print(json.dumps(line, sort_keys=True, ensure_ascii=False))
PY
}

# A CSV without the columns whose names say they are times or rates.
strip_csv() {
    python3 - "$1" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
keep = [i for i, c in enumerate(rows[0]) if not (c.endswith("_per_s") or "second" in c or c.startswith("time")
                                              or c.endswith("_ms") or c.startswith("ms_") or c.endswith("_s"))]
w = csv.writer(sys.stdout, lineterminator="\n")
for r in rows:
    w.writerow([r[i] for i in keep if i < len(r)])
PY
}

# A checkpoint: its JSON header without times, and the SHA-256 of its weights and velocities (the
# sections after the header's checksum).
strip_checkpoint() {
    python3 - "$1" <<'PY'
import hashlib, json, struct, sys
data = open(sys.argv[1], "rb").read()
length = struct.unpack(">i", data[8:12])[0]
header = json.loads(data[12:12 + length])
for row in header.get("history", []):
    for k in [k for k in row if k.endswith("_per_s") or k.startswith("ms_") or "second" in k]:
        del row[k]
print(data[:8].decode("ascii"))
print(json.dumps(header, sort_keys=True, ensure_ascii=False))
# MBPCKPT2 follows the header with its CRC32C, which covers the times too: the sections after it
body = 12 + length + (4 if data[:8] == b"MBPCKPT2" else 0)
print("weights and velocity sha256", hashlib.sha256(data[body:]).hexdigest())
PY
}

collect() { # source-folder destination-folder
    local from="$1" to="$2"
    mkdir -p "$to"
    (cd "$from" && find . -type f \( -name '*.csv' -o -name '*.json' -o -name '*.jsonl' -o -name '*.bin' \) | sort) |
        while read -r f; do
            mkdir -p "$to/$(dirname "$f")"
            case "$f" in
                *.bin) strip_checkpoint "$from/$f" > "$to/$f.txt" ;;
                *.csv) strip_csv "$from/$f" > "$to/$f" ;;
                *) strip_json "$from/$f" > "$to/$f" ;;
            esac
        done
}

echo "same-outputs: mbp report --scale quick" >&2
mbp report --scale quick --seed 20261128 --threads 2 --out "$work/report" > "$work/report.log" 2>&1 || true
collect "$work/report" "$out/report"

echo "same-outputs: mbp grad on each layer" >&2
python3 - "$work" <<'PY'
import random, sys
random.seed(7)
def write(name, rows, cols, f=lambda i, j: random.gauss(0, 1)):
    with open(f"{sys.argv[1]}/{name}.csv", "w") as out:
        for i in range(rows):
            out.write(",".join(repr(f(i, j)) for j in range(cols)) + "\n")
write("F", 12, 5)
write("Fpos", 12, 5, lambda i, j: abs(random.gauss(0, 1)) + 0.1)
write("G", 5, 5)
write("A", 7, 4)
write("Gp", 7, 7)
z = [[random.gauss(0, 1) for _ in range(4)] for _ in range(4)]
write("Z", 4, 4, lambda i, j: (sum(z[i][k] * z[j][k] for k in range(4)) + (4 if i == j else 0)))
write("Gz", 4, 4)
write("E", 12, 3, lambda i, j: 1.0 if i % 3 == j else 0.0)
PY
g() { # name args... (file names relative to the work folder, so that the JSON line is the same)
    local name="$1"; shift
    { (cd "$work" && mbp grad "$@" --device cpu --out "$name.csv") 2>&1 || echo "exit $?"; } > "$out/grad-$name.txt"
    [[ -f "$work/$name.csv" ]] && cp "$work/$name.csv" "$out/grad-$name.csv"
    return 0
}
mkdir -p "$out"
for form in paper stable; do
    g "o2p-svd-$form" o2p-svd --input F.csv --upstream G.csv --form "$form"
    g "o2p-eig-$form" o2p-eig --input F.csv --upstream G.csv --form "$form"
    g "eig-fn-$form" eig-fn --input Z.csv --upstream Gz.csv --fn sqrt --form "$form"
done
g o2p-svd-float o2p-svd --input F.csv --precision float
g ncuts-j1 ncuts-j1 --input Fpos.csv --target E.csv
g ncuts-j2 ncuts-j2 --input Fpos.csv --target E.csv
g projector projector --input A.csv --upstream Gp.csv
g bad-layer no-such-layer --input A.csv
g missing-input o2p-svd --input no-such-file.csv

echo "same-outputs: one short run of each training loop" >&2
mbp train deepncuts --scenes 12 --test-scenes 4 --size 32 --epochs 2 --batch 4 --fashion-fraction 0 \
    --threads 2 --device cpu --out "$work/deepncuts" > "$work/deepncuts.log" 2>&1 || true
collect "$work/deepncuts" "$out/deepncuts"
if [[ -d /usr/share/datasets/fashion-mnist ]]; then
    mbp train deepo2p --variant deepo2p-fc,gap --train-size 256 --test-size 64 --epochs 2 --threads 2 \
        --device cpu --out "$work/deepo2p" > "$work/deepo2p.log" 2>&1 || true
    collect "$work/deepo2p" "$out/deepo2p"
fi
echo "same-outputs: $(find "$out" -type f | wc -l) files in $out" >&2
