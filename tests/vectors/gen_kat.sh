#!/usr/bin/env bash
# Known-answer vectors for tkt's three ticket suites, made WITHOUT tkt:
# the CBC suites with the openssl command (enc for AES-CBC with PKCS#7
# padding, dgst -mac HMAC for the MAC), aes256-gcm with gen_gcm (OpenSSL's
# libcrypto). Usage: gen_kat.sh GEN_GCM_BINARY > seal_kat.txt
#
# Output, one vector per line (all hex):
#   suite name aes hmac iv state ticket
set -euo pipefail
gcm=${1:?usage: gen_kat.sh path/to/gen_gcm}

# StatePlaintexts (spec/formats.md): TLS 1.2, master secret 00..2f,
# timestamp 1700000000 (0x6553f100).
ms=$(printf '%02x' $(seq 0 47))
states=(
	# anonymous, no state extensions (58 bytes: one full CBC pad block)
	"0303c02f00${ms}006553f100"
	# PSK identity "alice", then server_name, ALPN "h2", extended MS
	"0303c03000${ms}020005616c6963656553f1000019""0000000b6578616d706c652e636f6d""00100002683200170000"
)

hex2bin() { xxd -r -p; }
bin2hex() { xxd -p | tr -d '\n'; }

len16() { printf '%04x' $(( $1 )); }

cbc_vector() {  # suite cipher name aes hmac iv state
	local suite=$1 cipher=$2 name=$3 aes=$4 hmac=$5 iv=$6 st=$7 ct n mac
	ct=$(printf '%s' "$st" | hex2bin | openssl enc "-$cipher" -K "$aes" -iv "$iv" | bin2hex)
	n=$(( ${#ct} / 2 ))
	mac=$(printf '%s' "$name$iv$(len16 $n)$ct" | hex2bin \
		| openssl dgst -sha256 -mac HMAC -macopt "hexkey:$hmac" -binary | bin2hex)
	echo "$suite $name $aes $hmac $iv $st $name$iv$(len16 $n)$ct$mac"
}

gcm_vector() {  # name aes nonce state
	local name=$1 aes=$2 nonce=$3 st=$4 n out
	n=$(( ${#st} / 2 ))
	out=$("$gcm" seal "$aes" "$nonce" "$name$nonce$(len16 $n)" "$st")
	echo "aes256-gcm $name $aes - $nonce $st $name$nonce$(len16 $n)$out"
}

i=0
for st in "${states[@]}"; do
	i=$((i + 1))
	name=$(printf '746b742d6b61742d6e616d652d%06x' $i)          # "tkt-kat-name-" + i
	aes16=$(printf '%02x' $(seq $((16 + i)) $((31 + i))))
	aes32=$(printf '%02x' $(seq $((32 + i)) $((63 + i))))
	hmac32=$(printf '%02x' $(seq $((128 + i)) $((159 + i))))
	hmac16=$(printf '%02x' $(seq $((192 + i)) $((207 + i))))
	iv=$(printf '%02x' $(seq $((64 + i)) $((79 + i))))
	nonce=$(printf '%02x' $(seq $((96 + i)) $((107 + i))))
	cbc_vector rfc5077 aes-128-cbc "$name" "$aes16" "$hmac32" "$iv" "$st"
	cbc_vector rfc5077 aes-128-cbc "$name" "$aes16" "$hmac16" "$iv" "$st"
	cbc_vector rfc5077-aes256 aes-256-cbc "$name" "$aes32" "$hmac32" "$iv" "$st"
	gcm_vector "$name" "$aes32" "$nonce" "$st"
done
