#!/usr/bin/env bash
# `policykg extract` over a mix of good and bad inputs: every bad input gets
# exactly one stderr line naming it (with the byte offset when it cannot be
# decoded), the good ones are still extracted, the exit code is 2 (partial),
# and a 50 MB single-line file is read in bounded time.
set -uo pipefail

BIN=${POLICYKG_BIN:?POLICYKG_BIN must name the policykg binary}
SRC=${POLICYKG_SOURCE_DIR:?POLICYKG_SOURCE_DIR must name the source tree}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Good inputs: two samples in other encodings, a directory's good file, and a
# 50 MB single line of valid text.
cp "$SRC/data/sample/work_report_nanhai_gbk.txt" "$TMP/good_gbk.txt"
cp "$SRC/data/sample/reply_npc_jingyang_utf16le.txt" "$TMP/good_utf16.txt"
mkdir -p "$TMP/dir"
cp "$SRC/data/sample/plan_notice_fucheng.txt" "$TMP/dir/good_in_dir.txt"
python3 - "$TMP/huge_line.txt" <<'PY'
import sys
parts = ["区科技局会同区财政局推进“科创走廊”计划,", "支持某某大学与市政府共建先进材料研究院,",
         "在高新技术产业开发区建设中试基地。", "印发《关于加快科技创新的若干措施》;",
         "某某智能装备有限公司牵头组建创新联合体!", "2025年新增高新技术企业120家,增长12.5%。"]
unit = "".join(parts).encode("utf-8")
target = 50 * 1024 * 1024
with open(sys.argv[1], "wb") as f:
    f.write(unit * (target // len(unit) + 1))
PY

# Bad inputs.
: > "$TMP/empty.txt"
printf ' \n\t\r\n' > "$TMP/blank.txt"
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' > "$TMP/report.pdf"
printf 'text\x00\x01\x02\x03\x00\x00\x00binary\x00\x00\x00' > "$TMP/nul.bin"
# Valid UTF-8 for 22 bytes (科技局工作总结 + newline), then a stray 0xFF.
printf '科技局工作总结\n\xff更多文字\n' > "$TMP/undecodable.txt"
printf 'PK\x03\x04\x14\x00\x06\x00' > "$TMP/dir/bad_in_dir.docx"
MISSING="$TMP/missing.txt"

start=$(date +%s)
timeout 120 "$BIN" extract "$TMP/good_gbk.txt" "$MISSING" "$TMP/empty.txt" "$TMP/blank.txt" \
  "$TMP/report.pdf" "$TMP/good_utf16.txt" "$TMP/nul.bin" "$TMP/undecodable.txt" "$TMP/dir" \
  "$TMP/huge_line.txt" > "$TMP/out.jsonl" 2> "$TMP/err.txt"
rc=$?
elapsed=$(( $(date +%s) - start ))
echo "extract finished with exit code $rc in ${elapsed}s"

[ "$rc" -ne 124 ] || fail "extract did not finish within 120 s"
[ "$rc" -eq 2 ] || fail "exit code $rc, expected 2 (partial)"

# Each bad input: exactly one line naming it.
for bad in "$MISSING" "$TMP/empty.txt" "$TMP/blank.txt" "$TMP/report.pdf" "$TMP/nul.bin" \
           "$TMP/undecodable.txt" "$TMP/dir/bad_in_dir.docx"; do
  n=$(grep -c -F "$bad:" "$TMP/err.txt")
  [ "$n" -eq 1 ] || fail "$n stderr lines name $bad, expected 1"
done
grep -F "$TMP/undecodable.txt:" "$TMP/err.txt" | grep -q "byte 22" ||
  fail "undecodable.txt: the message does not name byte 22"
grep -F "$TMP/report.pdf:" "$TMP/err.txt" | grep -qi "pdf" || fail "report.pdf: not called a PDF"
grep -F "$TMP/empty.txt:" "$TMP/err.txt" | grep -q "empty" || fail "empty.txt: not called empty"
# Nothing else on stderr but the per-file lines and the summary.
lines=$(wc -l < "$TMP/err.txt")
[ "$lines" -eq 8 ] || fail "$lines stderr lines, expected 7 files + 1 summary"
grep -q "7 of 11 files failed" "$TMP/err.txt" || fail "summary line missing or wrong"

# Good inputs: one document record each, with the encoding found.
for good in good_gbk.txt:GB18030 good_utf16.txt:UTF-16LE good_in_dir.txt:UTF-8 huge_line.txt:UTF-8; do
  name=${good%%:*}
  enc=${good##*:}
  grep -F "\"doc\":\"$name\"" "$TMP/out.jsonl" | grep -F '"kind":"document"' |
    grep -q -F "\"encoding\":\"$enc\"" || fail "$name: no document record with encoding $enc"
done
for bad in missing.txt empty.txt blank.txt report.pdf nul.bin undecodable.txt bad_in_dir.docx; do
  if grep -q -F "\"doc\":\"$bad\"" "$TMP/out.jsonl"; then fail "$bad: has output records"; fi
done

if [ "$failures" -ne 0 ]; then
  echo "--- stderr:"
  cat "$TMP/err.txt"
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
