#!/usr/bin/env bash
# check: gcc-only
# tests/capture/run.sh BUILD_DIR -- the live version of tests/inspect:
# capture fresh OpenSSL and GnuTLS TLS 1.2 handshakes with tickets on a
# loopback interface (scripts/capture.sh), then check that `tkt inspect`
# agrees with tshark's dissector on every captured message and refuses
# every truncation of it. Bounded: capture 60 s + checks 120 s at most (about 25 s + 10 s on a
# loaded 2-core machine).
# Closing line "live-capture: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/capture/run.sh BUILD_DIR}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

if ! timeout 60 bash scripts/capture.sh "$dir" openssl gnutls >"$dir/capture.log" 2>&1; then
	cat "$dir/capture.log"
	echo "FAIL scripts/capture.sh"
	echo "live-capture: 0 passed, 1 failed"
	exit 1
fi
cat "$dir/capture.log"
# The live run re-checks the messages only: the --as, hex and usage checks
# do not depend on the peers and run in tests/inspect, which also refuses
# every truncation of the stored captures; here a sample (1 in 8) of them.
timeout 120 python3 tests/inspect/check_inspect.py "$build/tkt" "$dir" live-capture --captures-only --sample 8
rc=$?
if [ $rc -eq 124 ]; then
	echo "FAIL timed out"
	echo "live-capture: 0 passed, 1 failed"
fi
exit $rc
