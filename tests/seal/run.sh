#!/usr/bin/env bash
# tests/seal/run.sh BUILD_DIR -- the seal layer end to end, through the
# `tkt` command and small test programs:
#   - known-answer vectors made without tkt (tests/vectors: openssl enc /
#     dgst -mac HMAC for the CBC suites, OpenSSL's libcrypto for GCM):
#     regenerated and compared, opened by tkt; tkt's own tickets opened by
#     that independent path
#   - key-file formats and their ordering traps, through `tkt keys` and
#     `tkt seal`/`tkt open`
#   - `tkt open` exit statuses, one line on stderr, nothing on stdout
#   - (non-sanitizer builds) the dudect-style constant-time test, rotation
#     concurrent with open() under ThreadSanitizer (with a negative
#     control), the allocation-free check and the stack reports (static
#     -fstack-usage of tkt's frames; measured with BearSSL's, stack.c)
#   - (sanitizer builds) a short libFuzzer run of tests/seal/fuzz_seal.c
#     (SEAL_FUZZ_SECONDS, default 5)
# Closing line: "seal: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
B=${1:-build/gcc}
TKT=$B/tkt
W=$B/seal-test
rm -rf "$W"
mkdir -p "$W"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAILED: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

WARN="-Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wcast-qual -Wconversion -Wsign-conversion"
CC=${CC:-gcc}
sanitized=0
nm "$B/libtkt.a" 2>/dev/null | grep -q '__asan_\|__tsan_' && sanitized=1

if [ ! -x "$TKT" ]; then
	echo "no $TKT"
	echo "seal: 0 passed, 1 failed"
	exit 1
fi

hex2bin() { xxd -r -p; }
bin2hex() { xxd -p | tr -d '\n'; }
keyfile() {  # suite name aes hmac -> native key file on stdout
	printf 'tkt-keys 1\nkey suite=%s name=%s aes=%s hmac=%s introduced=0 encrypt=forever decrypt=forever\n' "$@"
}
NOW=1700000100

# ---------------------------------------------------------------- vectors
if gcc -O2 -o "$W/gen_gcm" tests/vectors/gen_gcm.c -lcrypto 2>"$W/gen_gcm.err"; then
	ok
else
	bad "build tests/vectors/gen_gcm.c"; cat "$W/gen_gcm.err"
fi
bash tests/vectors/gen_kat.sh "$W/gen_gcm" >"$W/kat.txt" 2>"$W/kat.err"
check "vectors regenerate identically without tkt" cmp -s "$W/kat.txt" tests/vectors/seal_kat.txt

n=0
while read -r suite name aes hmac iv st ticket; do
	n=$((n + 1))
	keyfile "$suite" "$name" "$aes" "$hmac" >"$W/k$n.tkt"
	echo "$ticket" >"$W/t$n.hex"
	echo "$st" >"$W/s$n.hex"
	"$TKT" open --keys "$W/k$n.tkt" --now $NOW --json "$W/t$n.hex" >"$W/o$n.json" 2>"$W/o$n.err"
	rc=$?
	"$TKT" inspect --as state --json "$W/s$n.hex" >"$W/i$n.json" 2>/dev/null
	if [ $rc -eq 0 ] && python3 - "$W/o$n.json" "$W/i$n.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1])); i = json.load(open(sys.argv[2]))
sys.exit(0 if o.pop("status") == "ok" and o == i else 1)
PY
	then ok; else bad "KAT $n ($suite) opened by tkt (rc $rc)"; fi
	# a vector with one flipped MAC/tag byte: BAD_MAC
	last=${ticket: -2}
	flipped=${ticket:0:${#ticket}-2}$(printf '%02x' $(( 0x$last ^ 1 )))
	echo "$flipped" >"$W/f$n.hex"
	"$TKT" open --keys "$W/k$n.tkt" --now $NOW "$W/f$n.hex" >/dev/null 2>&1
	check "KAT $n with a flipped tag byte gives 4" [ $? -eq 4 ]

	# tkt seals; the independent path opens
	"$TKT" seal --keys "$W/k$n.tkt" --now 1700000000 "$W/s$n.hex" >"$W/ts$n.hex" 2>"$W/ts$n.err"
	rc=$?
	t=$(tr -d '\n' <"$W/ts$n.hex")
	if [ "$suite" = aes256-gcm ]; then
		nonce=${t:32:24}; len=$((16#${t:56:4})); ct=${t:60:$((2 * len))}
		tag=${t:$((60 + 2 * len))}
		pt=$("$W/gen_gcm" open "$aes" "$nonce" "${t:0:60}" "$ct" "$tag")
		ok_ind=$?
		check "KAT $n: tkt's ticket has the layout" [ $rc -eq 0 -a ${#tag} -eq 32 -a "${t:0:32}" = "$name" ]
	else
		ivx=${t:32:32}; len=$((16#${t:64:4})); ct=${t:68:$((2 * len))}
		mac=${t:$((68 + 2 * len))}
		want=$(printf '%s' "${t:0:$((68 + 2 * len))}" | hex2bin \
			| openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hmac" -binary | bin2hex)
		cipher=aes-128-cbc; [ ${#aes} -eq 64 ] && cipher=aes-256-cbc
		pt=$(printf '%s' "$ct" | hex2bin | openssl enc -d "-$cipher" -K "$aes" -iv "$ivx" 2>/dev/null | bin2hex)
		ok_ind=$?
		check "KAT $n: tkt's MAC verified by openssl dgst" [ $rc -eq 0 -a "$mac" = "$want" -a "${t:0:32}" = "$name" ]
	fi
	check "KAT $n: tkt's ticket decrypted by OpenSSL to the state" [ $ok_ind -eq 0 -a "$pt" = "$st" ]
done <tests/vectors/seal_kat.txt
check "8 vectors present" [ $n -eq 8 ]

# ------------------------------------------------------------ key files
S="$W/s1.hex"
# 48 bytes: name 01..10, then 11..20, then 21..30
printf '%s' "$(printf '%02x' $(seq 1 48))" | hex2bin >"$W/k48.bin"
"$TKT" keys show --format nginx "$W/k48.bin" >"$W/show_nginx" 2>&1
"$TKT" keys show --format apache "$W/k48.bin" >"$W/show_apache" 2>&1
fp_n=$(sed -n 's/.*fingerprint=//p' "$W/show_nginx")
fp_a=$(sed -n 's/.*fingerprint=//p' "$W/show_apache")
check "48-byte file: nginx and apache read different keys" [ -n "$fp_n" -a -n "$fp_a" -a "$fp_n" != "$fp_a" ]
check "48-byte file: keys show names the key and no secret" \
	bash -c "grep -q 'name=0102030405060708090a0b0c0d0e0f10 suite=rfc5077 hmac=128' '$W/show_nginx' && ! grep -q '1112131415161718' '$W/show_nginx' && ! grep -q '2122232425262728' '$W/show_nginx'"
"$TKT" seal --keys "$W/k48.bin" --key-format nginx --now 1700000000 "$S" >"$W/t48.hex"
check "seal with an nginx 48-byte file" [ $? -eq 0 ]
"$TKT" open --keys "$W/k48.bin" --key-format nginx --now $NOW "$W/t48.hex" >/dev/null 2>&1
check "open it as nginx: 0" [ $? -eq 0 ]
"$TKT" open --keys "$W/k48.bin" --key-format apache --now $NOW "$W/t48.hex" >/dev/null 2>&1
check "open it reading the file as apache: 4 (the ordering trap)" [ $? -eq 4 ]
"$TKT" keys convert --from nginx --to apache -o "$W/k48.apache" "$W/k48.bin" 2>/dev/null
check "convert nginx -> apache swaps the halves" \
	[ "$(bin2hex <"$W/k48.apache")" = "$(printf '%02x' $(seq 1 16) $(seq 33 48) $(seq 17 32))" ]
"$TKT" open --keys "$W/k48.apache" --key-format apache --now $NOW "$W/t48.hex" >/dev/null 2>&1
check "the converted apache file opens the nginx ticket" [ $? -eq 0 ]
"$TKT" keys show "$W/k48.bin" >/dev/null 2>"$W/noformat.err"
check "a 48-byte file without --format is refused (never guessed)" [ $? -eq 2 -a "$(wc -l <"$W/noformat.err")" -eq 1 ]

# 80 bytes: nginx and openssl80 agree
printf '%s' "$(printf '%02x' $(seq 101 180))" | hex2bin >"$W/k80.bin"
"$TKT" seal --keys "$W/k80.bin" --key-format openssl80 --now 1700000000 "$S" >"$W/t80.hex"
"$TKT" open --keys "$W/k80.bin" --key-format nginx --now $NOW "$W/t80.hex" >/dev/null 2>&1
check "80-byte file: openssl80 ticket opens as nginx" [ $? -eq 0 ]
"$TKT" seal --keys "$W/k80.bin" --key-format nginx --suite aes256-gcm --now 1700000000 "$S" >"$W/t80g.hex"
"$TKT" open --keys "$W/k80.bin" --key-format nginx --suite aes256-gcm --now $NOW "$W/t80g.hex" >/dev/null 2>&1
check "80-byte file relabelled aes256-gcm seals and opens" [ $? -eq 0 -a $(( $(tr -d '\n' <"$W/t80g.hex" | wc -c) / 2 )) -eq $((16 + 12 + 2 + 58 + 16)) ]

# several nginx files: the first encrypts, the others decrypt (OK_RENEW)
printf '%s' "$(printf '%02x' $(seq 51 98))" | hex2bin >"$W/k48b.bin"
"$TKT" seal --keys "$W/k48.bin" --keys "$W/k48b.bin" --key-format nginx --now 1700000000 "$S" >"$W/tm.hex"
check "nginx: the first file encrypts" [ "$(cut -c1-32 "$W/tm.hex")" = "0102030405060708090a0b0c0d0e0f10" ]
"$TKT" open --keys "$W/k48b.bin" --keys "$W/k48.bin" --key-format nginx --now $NOW --json "$W/tm.hex" >"$W/tm.json" 2>&1
check "nginx: a later file opens with ok_renew" bash -c "[ $? -eq 0 ] && grep -q '\"status\": \"ok_renew\"' '$W/tm.json'"

# haproxy: the last 3 lines are kept, the second-to-last encrypts
: >"$W/hap.txt"
for i in 1 2 3 4; do
	printf '%s' "$(printf '%02x' $(seq $((i * 50)) $((i * 50 + 47))))" | hex2bin | base64 -w0 >>"$W/hap.txt"
	echo >>"$W/hap.txt"
done
"$TKT" seal --keys "$W/hap.txt" --key-format haproxy --now 1700000000 "$S" >"$W/th.hex"
check "haproxy: the second-to-last line encrypts" [ "$(cut -c1-32 "$W/th.hex")" = "$(printf '%02x' $(seq 150 165))" ]
"$TKT" keys show --format haproxy "$W/hap.txt" >"$W/hap.show"
check "haproxy: 3 keys kept of 4 lines" [ "$(wc -l <"$W/hap.show")" -eq 3 ]
printf '%s' "$(printf '%02x' $(seq 150 197))" | hex2bin >"$W/hapline3.bin"
"$TKT" open --keys "$W/hapline3.bin" --key-format nginx --now $NOW "$W/th.hex" >/dev/null 2>&1
check "haproxy line order is name|aes|hmac (= nginx 48)" [ $? -eq 0 ]

# lighttpd: host-endian header, then OpenSSL's 80-byte order
python3 -c "
import struct, sys
sys.stdout.buffer.write(struct.pack('=iii', 0, 1700000000, 1700003600) + bytes(range(1, 81)))" >"$W/stek.bin"
"$TKT" seal --keys "$W/stek.bin" --key-format lighttpd --now 1700000000 "$S" >"$W/tl.hex"
check "lighttpd: seals inside its window with the key at offset 12" [ $? -eq 0 -a "$(cut -c1-32 "$W/tl.hex")" = "0102030405060708090a0b0c0d0e0f10" ]
"$TKT" open --keys "$W/stek.bin" --key-format lighttpd --now 1700000100 "$W/tl.hex" >/dev/null 2>&1
check "lighttpd: opens before expire_ts" [ $? -eq 0 ]
"$TKT" open --keys "$W/stek.bin" --key-format lighttpd --now 1700003600 "$W/tl.hex" >/dev/null 2>&1
check "lighttpd: not ours at expire_ts" [ $? -eq 3 ]
"$TKT" seal --keys "$W/stek.bin" --key-format lighttpd --now 1699999999 "$S" >/dev/null 2>&1
check "lighttpd: no ticket before active_ts" [ $? -eq 2 ]
python3 -c "
import struct, sys
sys.stdout.buffer.write(struct.pack('>iii', 0, 1700000000, 1700003600) + bytes(range(1, 81)))" >"$W/stek_be.bin"
"$TKT" seal --keys "$W/stek_be.bin" --key-format lighttpd --now 1700000000 "$S" >/dev/null 2>&1
check "lighttpd: a big-endian header is not read as host order" [ $? -ne 0 ]

# all-zero keys are refused (CVE-2020-13777)
printf '%s' "0102030405060708090a0b0c0d0e0f10$(printf '0%.0s' $(seq 64))" | hex2bin >"$W/kzero.bin"
"$TKT" seal --keys "$W/kzero.bin" --key-format nginx --now 1700000000 "$S" >"$W/kzero.out" 2>"$W/kzero.err"
check "a zero key file is refused with one line" [ $? -eq 2 -a ! -s "$W/kzero.out" -a "$(wc -l <"$W/kzero.err")" -eq 1 ]

# keys gen / show / rotate
for s in rfc5077 rfc5077-aes256 aes256-gcm; do
	"$TKT" keys gen --suite $s --now 1700000000 --encrypt 7200 --decrypt 46800 -o "$W/g-$s.tkt"
	check "keys gen --suite $s" [ $? -eq 0 -a "$(stat -c %a "$W/g-$s.tkt")" = 600 ]
	secret=$(sed -n 's/.* aes=\([0-9a-f]*\) .*/\1/p' "$W/g-$s.tkt")
	"$TKT" keys show "$W/g-$s.tkt" >"$W/g-$s.show"
	check "keys show $s: windows, no secret" bash -c "grep -q 'suite=$s .*introduced=1700000000 encrypt_until=1700007200 decrypt_until=1700054000 fingerprint=' '$W/g-$s.show' && ! grep -q '${secret:0:16}' '$W/g-$s.show'"
	"$TKT" seal --keys "$W/g-$s.tkt" --now 1700000000 "$S" >"$W/g-$s.hex"
	"$TKT" open --keys "$W/g-$s.tkt" --now 1700007200 "$W/g-$s.hex" --json >"$W/g-$s.json" 2>/dev/null
	check "generated $s key: decrypt-only after 2 h gives ok_renew" grep -q '"status": "ok_renew"' "$W/g-$s.json"
done
for f in nginx apache haproxy; do
	"$TKT" keys gen --suite rfc5077 --format $f -o "$W/g.$f" 2>/dev/null
	"$TKT" keys show --format $f "$W/g.$f" >/dev/null 2>&1
	check "keys gen --format $f reads back" [ $? -eq 0 ]
done
"$TKT" keys gen --suite rfc5077-aes256 --format openssl80 -o "$W/g.o80" && [ "$(stat -c %s "$W/g.o80")" -eq 80 ]
check "keys gen --format openssl80: 80 bytes" [ $? -eq 0 ]
"$TKT" keys rotate --suite aes256-gcm --now 1700003600 --encrypt 7200 --decrypt 46800 -o "$W/rot.tkt" "$W/g-aes256-gcm.tkt"
"$TKT" keys show "$W/rot.tkt" >"$W/rot.show"
check "keys rotate: old key stops encrypting now, keeps its decrypt end; new key added" \
	bash -c "[ \$(wc -l <'$W/rot.show') -eq 2 ] && grep -q 'encrypt_until=1700003600 decrypt_until=1700054000' '$W/rot.show' && grep -q 'introduced=1700003600 encrypt_until=1700010800' '$W/rot.show'"
"$TKT" open --keys "$W/rot.tkt" --now 1700003700 "$W/g-aes256-gcm.hex" --json >"$W/rot.json" 2>/dev/null
check "after rotation the old ticket renews" grep -q '"status": "ok_renew"' "$W/rot.json"
"$TKT" keys rotate --suite aes256-gcm --now 1700055000 -o "$W/rot2.tkt" "$W/rot.tkt"
check "keys rotate drops expired keys" [ "$("$TKT" keys show "$W/rot2.tkt" | wc -l)" -eq 2 ]

# ------------------------------------------------------- open exit codes
K="$W/k1.tkt"
T="$W/t1.hex"
expect() {  # what want_rc args...
	local what=$1 want=$2; shift 2
	"$TKT" "$@" >"$W/x.out" 2>"$W/x.err"
	local rc=$?
	if [ $rc -eq "$want" ] && { [ "$want" -eq 0 ] || { [ ! -s "$W/x.out" ] && [ "$(wc -l <"$W/x.err")" -eq 1 ]; }; }; then
		ok
	else
		bad "$what: exit $rc (want $want), $(wc -l <"$W/x.err") stderr lines"
	fi
}
: >"$W/empty"
expect "OK" 0 open --keys "$K" --now $NOW "$T"
expect "EMPTY" 7 open --keys "$K" --now $NOW "$W/empty"
expect "NOT_OURS" 3 open --keys "$W/k48.bin" --key-format nginx --now $NOW "$T"
expect "BAD_MAC" 4 open --keys "$K" --now $NOW "$W/f1.hex"
printf '%s' "$(tr -d '\n' <"$T" | cut -c1-200)" >"$W/short.hex"
expect "MALFORMED (truncated)" 5 open --keys "$K" --now $NOW "$W/short.hex"
echo "$(tr -d '\n' <"$T")00" >"$W/trail.hex"
expect "MALFORMED (one trailing byte)" 5 open --keys "$K" --now $NOW "$W/trail.hex"
expect "EXPIRED" 6 open --keys "$K" --now $((1700000000 + 3600)) --lifetime 3600 "$T"
expect "not EXPIRED a second earlier" 0 open --keys "$K" --now $((1700000000 + 3599)) --lifetime 3600 "$T"
expect "usage: no keys" 2 open "$T"
expect "usage: unknown format" 2 open --keys "$K" --key-format nginxx "$T"
expect "usage: unknown suite" 2 open --keys "$K" --suite aes128 "$T"
expect "I/O: missing ticket file" 2 open --keys "$K" "$W/nonexistent"
expect "I/O: missing key file" 2 open --keys "$W/nonexistent" "$T"
expect "seal: malformed state" 2 seal --keys "$K" "$W/short.hex"
echo '{"version": "0x0303"}' >"$W/bad.json"
expect "seal: incomplete JSON state" 2 seal --keys "$K" "$W/bad.json"
# open --json output seals back to the same state
"$TKT" seal --keys "$K" --now 1700000000 "$W/o5.json" >"$W/rt.hex" 2>/dev/null
"$TKT" open --keys "$K" --now $NOW --json "$W/rt.hex" >"$W/rt.json" 2>/dev/null
check "open --json | seal | open --json round trip" python3 -c "
import json, sys
a = json.load(open('$W/o5.json')); b = json.load(open('$W/rt.json'))
sys.exit(0 if a == b and a.get('server_name') == 'example.com' else 1)"
# the same with a certificate identity and escapes in a name
echo "0302002f00000306090c0f1215181b1e2124272a2d303336393c3f4245484b4e5154575a5d606366696c6f7275787b7e8184878a8d0100000c0000054142434445000001226553f100000a001000066122625c6301" >"$W/cert.hex"
"$TKT" seal --keys "$K" --now 1700000000 "$W/cert.hex" >"$W/c1.hex" 2>/dev/null
"$TKT" open --keys "$K" --now $NOW --json "$W/c1.hex" >"$W/c1.json" 2>/dev/null
"$TKT" seal --keys "$K" --now 1700000000 "$W/c1.json" >"$W/c2.hex" 2>/dev/null
"$TKT" open --keys "$K" --now $NOW --json "$W/c2.hex" >"$W/c2.json" 2>/dev/null
check "certificates and escaped ALPN survive open --json | seal" python3 -c "
import json, sys
a = json.load(open('$W/c1.json')); b = json.load(open('$W/c2.json'))
sys.exit(0 if a == b and a['certificates'] == ['4142434445', '22'] and a['alpn'] == 'a\"b\\\\c\\u0001' else 1)"
# every ticket length 0..96 through the command (CVE-2016-6302)
bad_len=0
for len in $(seq 0 96); do
	if [ $len -eq 0 ]; then : >"$W/l.hex"; else tr -d '\n' <"$T" | cut -c1-$((2 * len)) >"$W/l.hex"; fi
	"$TKT" open --keys "$K" --now $NOW "$W/l.hex" >/dev/null 2>&1
	rc=$?
	if [ $len -eq 0 ]; then [ $rc -eq 7 ] || bad_len=$((bad_len + 1))
	else [ $rc -eq 5 ] || [ $rc -eq 3 ] || bad_len=$((bad_len + 1)); fi
done
check "tkt open on every length 0..96" [ $bad_len -eq 0 ]

# ------------------------------------------- timing, threads, stack, nm
if [ $sanitized -eq 0 ]; then
	if $CC -std=c99 $WARN -O2 -D_DEFAULT_SOURCE -Iinclude -Isrc -o "$W/dudect" \
		tests/seal/dudect.c "$B/libtkt.a" -lbearssl -lm 2>"$W/dudect.err"; then
		"$W/dudect" 100000 | tee "$W/dudect.out" | grep -v '^dudect:'
		p=$(sed -n 's/^dudect: \([0-9]*\) passed, \([0-9]*\) failed/\1/p' "$W/dudect.out")
		f=$(sed -n 's/^dudect: \([0-9]*\) passed, \([0-9]*\) failed/\2/p' "$W/dudect.out")
		pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
	else
		bad "build dudect"; cat "$W/dudect.err"
	fi

	# one TSan binary: the test, and `control` for the negative control
	if clang -std=c99 $WARN -O1 -g -fsanitize=thread -D_DEFAULT_SOURCE -Iinclude -Isrc \
		-o "$W/tsan" tests/seal/tsan_rotate.c src/seal/*.c src/codec/*.c -lbearssl -lpthread 2>"$W/tsan.err"; then
		"$W/tsan" >"$W/tsan.out" 2>&1
		rc=$?
		head -1 "$W/tsan.out"
		check "rotation concurrent with seal/open: no TSan report" [ $rc -eq 0 ] && grep -q 'tsan-rotate: 1 passed, 0 failed' "$W/tsan.out"
		# TSan does not see every race on every run: the control went
		# unreported in one loaded make check (2026-12-02) and in 1 of 33
		# reruns after it. Up to 3 runs, and one of them must report.
		for try in 1 2 3; do
			"$W/tsan" control >"$W/tsan-control.out" 2>&1
			grep -q 'WARNING: ThreadSanitizer: data race' "$W/tsan-control.out" && break
		done
		check "TSan control: a write under the read lock is reported (run $try of at most 3)" grep -q 'WARNING: ThreadSanitizer: data race' "$W/tsan-control.out"
	else
		bad "build tsan test"; cat "$W/tsan.err"
	fi

	# stack: -fstack-usage of the seal layer and the codec it calls;
	# BearSSL's own frames (SHA-256/AES compression, small) are not seen.
	mkdir -p "$W/su"
	for f in src/seal/open.c src/seal/seal.c src/seal/cbc_hmac.c src/seal/gcm.c \
		src/seal/drbg.c src/seal/keyring.c src/seal/ct.c src/codec/ticket.c src/codec/state.c; do
		gcc -std=c99 -O2 -D_DEFAULT_SOURCE -Iinclude -fstack-usage -c "$f" \
			-o "$W/su/$(basename "$f" .c).o" 2>/dev/null
	done
	mv ./*.su "$W/su/" 2>/dev/null
	su() { cat "$W"/su/*.su | awk -v f="$1" -F'\t' '{split($1, a, ":"); if (a[4] == f) print $2}' | head -1; }
	sz() { local v; v=$(su "$1"); echo "${v:-0}"; }
	mx() { local m=0 v; for x in "$@"; do v=$(sz "$x"); [ "$v" -gt "$m" ] && m=$v; done; echo $m; }
	open_total=$(( $(sz tkt_open) + $(sz open_inner) + $(mx tkt_cbc_mac_ok tkt_cbc_decrypt tkt_gcm_decrypt tkt_state_decode tkt_ticket_decode) + 0 ))
	gcm_path=$(( $(sz tkt_open) + $(sz open_inner) + $(sz tkt_gcm_tag_ok) + $(sz gcm_tag) ))
	[ $gcm_path -gt $open_total ] && open_total=$gcm_path
	seal_total=$(( $(sz tkt_seal) + $(mx tkt_cbc_seal tkt_state_encode tkt_ticket_decode tkt_drbg_generate tkt_ring_encrypting) ))
	gseal=$(( $(sz tkt_seal) + $(sz tkt_gcm_seal) + $(sz gcm_tag) ))
	[ $gseal -gt $seal_total ] && seal_total=$gseal
	echo "stack (static, tkt frames along the deepest call chain): open() $open_total bytes, seal() $seal_total bytes"
	check "stack of open() and seal() under 4 KiB" [ "$open_total" -gt 0 -a "$open_total" -lt 4096 -a "$seal_total" -gt 0 -a "$seal_total" -lt 4096 ]
	# "dynamic,bounded" (gcc's note for a bounded adjustment) is counted
	# in the sizes above; plain "dynamic" would be a VLA or alloca
	check "no unbounded frame (VLA, alloca) on those paths" bash -c "! grep -qP '\tdynamic\$' '$W'/su/*.su"
	# measured, BearSSL's frames included, fast and portable AES code
	if $CC -std=c99 $WARN -O2 -D_DEFAULT_SOURCE -Iinclude -o "$W/stack" tests/seal/stack.c \
		"$B/libtkt.a" -lbearssl -lpthread 2>"$W/stack.err"; then
		"$W/stack" >"$W/stack.out" 2>&1
		check "measured stack of seal() and open() under 8 KiB" [ $? -eq 0 ]
		grep 'measured maximum' "$W/stack.out"
	else
		bad "build tests/seal/stack.c"; cat "$W/stack.err"
	fi

	# allocation-free: no seal object references an allocator
	alloc=$(nm -u "$B"/obj/src/seal/*.o 2>/dev/null | grep -E ' (malloc|calloc|realloc|free|aligned_alloc|posix_memalign|strdup|alloca)$')
	check "seal objects reference no allocator" [ -z "$alloc" -a -n "$(ls "$B"/obj/src/seal/*.o 2>/dev/null)" ]
else
	echo "sanitizer build: dudect, TSan, stack and nm checks run with the plain build only"
	# libFuzzer smoke run of tests/seal/fuzz_seal.c (key-file parsers with
	# a write-back oracle, open() on planted key names, the JSON state
	# reader), seeded with this run's files; the plain build does the
	# timing work instead, so each pass stays short. The seal layer and
	# the JSON reader get coverage instrumentation; the codec comes from
	# the sanitizer build's libtkt.a (its own fuzzers are in fuzz/).
	if clang -std=c99 $WARN -O1 -g -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
		-Iinclude -Isrc -Isrc/cli -o "$W/fuzz_seal" tests/seal/fuzz_seal.c src/seal/*.c \
		src/cli/json_parse.c "$B/libtkt.a" -lbearssl 2>"$W/fuzz.err"; then
		mkdir -p "$W/fz"
		seed() { { printf "\\$(printf '%03o' "$1")"; cat "$2"; } >"$W/fz/$3"; }
		seed 0 "$W/k48.bin" nginx48; seed 0 "$W/k80.bin" nginx80
		seed 1 "$W/k48.apache" apache48; seed 2 "$W/g.o80" openssl80
		seed 3 "$W/hap.txt" haproxy; seed 4 "$W/stek.bin" lighttpd
		seed 5 "$W/rot.tkt" tkt
		for i in 1 2 3 4; do hex2bin <"$W/t$i.hex" >"$W/t$i.bin"; seed 6 "$W/t$i.bin" ticket$i; done
		seed 7 "$W/o5.json" json; seed 7 "$W/c1.json" json_cert
		"$W/fuzz_seal" -max_total_time=${SEAL_FUZZ_SECONDS:-5} -max_len=4096 \
			-print_final_stats=1 "$W/fz" >"$W/fuzz.out" 2>&1
		check "fuzz_seal smoke run: no crash, no oracle failure" [ $? -eq 0 ]
		grep -E '^stat::number_of_executed_units' "$W/fuzz.out" | sed 's/^/fuzz_seal: /'
	else
		bad "build tests/seal/fuzz_seal.c"; cat "$W/fuzz.err"
	fi
fi

echo "seal: $pass passed, $fail failed"
[ $fail -eq 0 ]
