#!/usr/bin/env bash
# The bad-input campaign of issue 16, reproducible: runs `mbp` on bad inputs and faults as a new
# user would, and counts the outcomes per input class. An outcome is "clean" when mbp exits with
# the promised status (2 for bad input, 0 where the input must be accepted) and prints one error
# line free of Java class names and stack traces, leaving every input file as it was; anything
# else is "FAULT", listed with its command. The table it prints is the one in docs/RELIABILITY.md.
#
# usage: scripts/bad-input-campaign.sh [WORK_DIR]      (needs /usr/bin/python3 with numpy)
#        MBP_JAR=path/to/mbp.jar scripts/bad-input-campaign.sh   (a given build instead of ./mbp)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/mbp-campaign.XXXXXX")}"
mkdir -p "$work"
cd "$work"
if [ -n "${MBP_JAR:-}" ]; then
    jar="$(cd "$(dirname "$MBP_JAR")" && pwd)/$(basename "$MBP_JAR")"
    mapfile -t jvm < <(grep -v '^#' "$root/scripts/java-options" | grep .)
    mbp() { java "${jvm[@]}" -Dsun.stderr.encoding=UTF-8 -jar "$jar" "$@"; }
else
    mbp() { "$root/mbp" "$@"; }
fi

declare -A total clean
faults=()

# check CLASS EXPECTED_STATUS [PROTECTED_FILE...] -- mbp ARGS...
check() {
    local class="$1" expected="$2"
    shift 2
    local protected=()
    while [ "$1" != "--" ]; do protected+=("$1"); shift; done
    shift
    local sums_before sums_after
    sums_before="$( [ ${#protected[@]} -gt 0 ] && sha256sum "${protected[@]}" 2>/dev/null)"
    "$@" >out.txt 2>err.txt
    local status=$?
    sums_after="$( [ ${#protected[@]} -gt 0 ] && sha256sum "${protected[@]}" 2>/dev/null)"
    local errors
    errors="$(grep -v '^computing on\|^Try .* --help\|: resuming\|: taking over\|^grad: \|earlier mbp without checksums' err.txt | grep -c .)"
    total[$class]=$(( ${total[$class]:-0} + 1 ))
    if [ "$status" = "$expected" ] && [ "$sums_before" = "$sums_after" ] \
        && ! grep -q 'Exception\|java\.\|javax\.\|	at \|error: null' err.txt \
        && { [ "$expected" = 0 ] || [ "$errors" = 1 ]; }; then
        clean[$class]=$(( ${clean[$class]:-0} + 1 ))
    else
        faults+=("$class: exit $status (expected $expected): $* :: $(head -c 300 err.txt | tr '\n' ' ')")
    fi
}

/usr/bin/python3 - <<'EOF'
import numpy as np
rng = np.random.default_rng(0)
F = rng.standard_normal((20, 6)); np.save("F.npy", F)
G = rng.standard_normal((6, 6)); np.save("G.npy", G + G.T)
np.save("Fbig.npy", F * 1e300); np.save("Ftiny.npy", F * 1e-300); np.save("F30.npy", F * 1e30)
np.savetxt("F.csv", F, delimiter=",")
good = open("F.npy", "rb").read()
header = good[:128].decode("latin1")
for i, (old, new) in enumerate([("(20, 6)", "(-1, 6)"), ("(20, 6)", "(20, -6)"), ("(20, 6)", "(2147483647, 2147483647)"),
                                ("(20, 6)", "(20,)   "), ("'<f8'", "'<c8'"), ("'<f8'", "'<f99999999999'"),
                                ("(20, 6)", "(20, 6, 1)"), ("False", "Maybe"), ("'shape'", "'shap' ")]):
    open(f"edit{i}.npy", "wb").write(header.replace(old, new, 1).encode("latin1")[:128] + good[128:])
for n in (0, 5, 9, 11, 64, 127, 128, 129, 500, len(good) - 1):
    open(f"cut{n}.npy", "wb").write(good[:n])
for i, at in enumerate((0, 3, 6, 8, 9, 20, 60, 127, 130, 900)):
    b = bytearray(good); b[at] ^= 0x55; open(f"flip{i}.npy", "wb").write(bytes(b))
open("bad0.csv", "w").write("1,2\n3\n")
open("bad1.csv", "w").write("1,x\n3,4\n")
open("bad2.csv", "w").write("")
open("bad3.csv", "w").write("1,2\n3,nan\n")
open("bad4.csv", "w").write("1;2\n3;4\n")
EOF

F=F.npy
# 1. matrix files given to mbp grad
for f in edit*.npy cut*.npy flip*.npy; do
    expected=2
    # byte 127 is the header's padding (the same matrix reads back), 130 and 900 are data bytes
    # (a valid file with another value): these must be accepted
    case "$f" in flip7.npy | flip8.npy | flip9.npy) expected=0 ;; esac
    check ".npy header edits, truncations, byte flips" "$expected" "$f" -- mbp grad o2p-svd --input "$f" --out g.npy
done
for f in bad*.csv; do
    check "CSV files" 2 "$f" -- mbp grad o2p-svd --input "$f" --out g.npy
done
check "CSV files" 0 F.csv -- mbp grad o2p-svd --input F.csv --out g.csv
check "missing or unreadable files" 2 -- mbp grad o2p-svd --input nothing.npy --out g.npy
mkdir -p folder.npy
check "missing or unreadable files" 2 -- mbp grad o2p-svd --input folder.npy --out g.npy
check "missing or unreadable files" 2 F.npy -- mbp grad o2p-svd --input F.npy --out folder.npy

# 2. data that must not be lost
ln -sf F.npy link.npy; ln -f G.npy hard.npy
check "--out naming an input" 2 F.npy G.npy -- mbp grad o2p-svd --input F.npy --upstream G.npy --out F.npy
check "--out naming an input" 2 F.npy G.npy -- mbp grad o2p-svd --input F.npy --upstream G.npy --out ./F.npy
check "--out naming an input" 2 F.npy G.npy -- mbp grad o2p-svd --input F.npy --upstream G.npy --out link.npy
check "--out naming an input" 2 F.npy G.npy -- mbp grad o2p-svd --input F.npy --upstream G.npy --out hard.npy
check "--out naming an input" 2 F.npy G.npy -- mbp grad o2p-svd --input F.npy --upstream G.npy --out G.npy

GAP=(--size 4 --gaps 1e-2,1e-4,1e-6 --samples 1 --threads 2)
mbp study gap --out s0 "${GAP[@]}" --shard 0/2 >/dev/null 2>&1
mbp study gap --out s1 "${GAP[@]}" --shard 1/2 >/dev/null 2>&1
mbp study gap --out other "${GAP[@]}" --seed 7 >/dev/null 2>&1
check "merge and study over results" 2 other/gap/results.csv -- mbp merge --out other s0 s1
check "merge and study over results" 2 s0/gap/cells.jsonl -- mbp merge --out s0 s0 s1
check "merge and study over results" 2 s0/gap/cells.jsonl -- mbp merge --out s1/../s0 --fresh s0 s1
check "merge and study over results" 0 -- mbp merge --out merged s0 s1
check "merge and study over results" 2 other/gap/results.csv -- mbp study gap --out other "${GAP[@]}"
sleep 60 & holder=$!
mkdir -p held; printf 'pid %s\nhost %s\n' "$holder" "$(hostname)" > held/.mbp.lock
check "two runs on one --out (lock)" 2 -- mbp study gap --out held "${GAP[@]}"
check "two runs on one --out (lock)" 2 -- mbp report --out held --studies gap "${GAP[@]}"
check "two runs on one --out (lock)" 2 -- mbp merge --out held s0 s1
kill "$holder"; wait "$holder" 2>/dev/null
check "two runs on one --out (lock)" 0 -- mbp study gap --out held "${GAP[@]}"
printf 'pid 1\nhost elsewhere.example\n' > held/.mbp.lock
check "two runs on one --out (lock)" 2 -- mbp study gap --out held --fresh "${GAP[@]}"
printf 'garbage' > held/.mbp.lock
check "two runs on one --out (lock)" 2 -- mbp study gap --out held --fresh "${GAP[@]}"

cp s0/gap/cells.jsonl good-cells.jsonl
for i in 1 2 3 4 5 6; do
    mkdir -p "cells$i/gap"
    case $i in
        1) sed '2s/"cell"/"cel"/' good-cells.jsonl ;;
        2) sed '2s/{/[/' good-cells.jsonl ;;
        3) sed '1s/"seed":[0-9]*/"seed":"x"/' good-cells.jsonl ;;
        4) sed '2s/"cell":[0-9]*/"cell":99/' good-cells.jsonl ;;
        5) head -c 20 good-cells.jsonl; echo ;;
        6) sed '2s/.*/{"cell":0,"seconds":1,"rows":[1]}/' good-cells.jsonl ;;
    esac > "cells$i/gap/cells.jsonl"
    check "damaged cells.jsonl" 2 "cells$i/gap/cells.jsonl" -- mbp study gap --out "cells$i" --resume "${GAP[@]}" --shard 0/2
done

TRAIN=(train deepncuts --scenes 4 --test-scenes 2 --size 16 --epochs 1 --batch 2 --fashion-fraction 0 --threads 2)
mbp "${TRAIN[@]}" --out run >/dev/null 2>&1
ckpt=run/deepncuts-j2/checkpoint.bin
cp "$ckpt" good.bin
size=$(stat -c %s good.bin)
for at in 10 40 200 $((size / 2)) $((size - 30)) $((size - 2)); do
    /usr/bin/python3 -c "import sys; b=bytearray(open('good.bin','rb').read()); b[$at]^=0x04; b[$at+1]^=0x40; open('$ckpt','wb').write(b)"
    check "damaged checkpoint.bin" 2 "$ckpt" -- mbp "${TRAIN[@]}" --epochs 2 --out run --resume
done
head -c $((size - 7)) good.bin > "$ckpt"
check "damaged checkpoint.bin" 2 "$ckpt" -- mbp "${TRAIN[@]}" --epochs 2 --out run --resume

# 3. crashes and late validation
for command in "study gap --out t1" "gradcheck --out t2.json" "train deepo2p --out t3" "report --out t4"; do
    # shellcheck disable=SC2086
    check "--threads out of range" 2 -- mbp $command --threads 32768
done
check "--threads out of range" 2 -- mbp study gap --out t1 --threads 0
for variants in deepo2p,deepo2p-fc gap deepo2p; do
    check "--dropout out of range" 2 -- mbp train deepo2p --variant "$variants" --dropout 1.5 --out t5
done
check "--dropout out of range" 2 -- mbp train deepo2p --dropout -0.1 --out t5

# 4. messages: scale of the input
check "overflow and underflow" 2 Fbig.npy -- mbp grad o2p-svd --input Fbig.npy --out g.npy
check "overflow and underflow" 2 Fbig.npy -- mbp grad o2p-eig --input Fbig.npy --out g.npy
check "overflow and underflow" 2 Fbig.npy -- mbp grad projector --input Fbig.npy --precision float --out g.npy
check "overflow and underflow" 2 F30.npy -- mbp grad o2p-svd --input F30.npy --precision float --out g.npy
check "overflow and underflow" 2 Ftiny.npy -- mbp grad o2p-svd --input Ftiny.npy --out g.npy
check "overflow and underflow" 2 Ftiny.npy -- mbp grad o2p-eig --input Ftiny.npy --out g.npy
check "overflow and underflow" 0 Ftiny.npy -- mbp grad o2p-svd --input Ftiny.npy --form stable --out g.npy

# segeval files
/usr/bin/python3 -c "open('garbage.png','wb').write(b'\x89PNG\r\n\x1a\nnot really')"
check "segeval files" 2 -- mbp segeval --pred nothing.png --gt nothing.seg
check "segeval files" 2 garbage.png -- mbp segeval --pred garbage.png --gt garbage.png
mkdir -p dir.seg
check "segeval files" 2 -- mbp segeval --pred garbage.png --gt dir.seg

printf '\n| input class | cases | clean | faults |\n|---|---:|---:|---:|\n'
all=0; ok=0
for class in $(printf '%s\n' "${!total[@]}" | sort | tr ' ' '\a'); do
    class="${class//$'\a'/ }"
    printf '| %s | %d | %d | %d |\n' "$class" "${total[$class]}" "${clean[$class]:-0}" \
        $(( ${total[$class]} - ${clean[$class]:-0} ))
    all=$(( all + ${total[$class]} )); ok=$(( ok + ${clean[$class]:-0} ))
done
printf '| **all** | %d | %d | %d |\n' "$all" "$ok" $(( all - ok ))
for f in "${faults[@]}"; do echo "FAULT $f"; done
[ "$ok" = "$all" ]
