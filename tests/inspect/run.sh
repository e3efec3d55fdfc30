#!/usr/bin/env bash
# tests/inspect/run.sh BUILD_DIR -- `tkt inspect` against tshark's verdicts
# on the captured handshakes in corpus/captures (offline: no peer, no
# network, no tshark needed), every truncation of every message, the --as
# structures, malformed and hex input, usage errors. The checks are in
# check_inspect.py beside this file. Closing line "inspect: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/inspect/run.sh BUILD_DIR}
# A sanitizer build starts ~10 times slower: it checks a sample of the
# truncations (see check_inspect.py); the plain build checks every one.
sample=()
if nm "$build/tkt" 2>/dev/null | grep -q '__asan_init'; then
	sample=(--sample 12)
fi
exec python3 tests/inspect/check_inspect.py "$build/tkt" corpus/captures inspect "${sample[@]}"
