#!/usr/bin/env bash
# Install the Debian 12 packages tkt builds, proves, fuzzes and interoperates
# with. Idempotent: only missing packages are installed, so a second run
# does nothing and needs no network.
set -euo pipefail

packages=(
	make gcc clang llvm-14 libclang-rt-14-dev   # build, sanitizers, libFuzzer, llvm-cov
	libbearssl-dev libssl-dev                   # crypto and the OpenSSL baseline
	libcmocka-dev
	frama-c-base why3 z3 cvc4 cvc5              # proofs
	ocaml ocaml-findlib                         # proofs/wp_poll.ml, loaded into WP
	afl++                                       # second fuzzing engine
	openssl gnutls-bin tshark                   # interop peers, independent decoder
	python3 xxd procps iproute2                 # test scripts
	gcc-multilib                                # the 32-bit standalone-codec build
	doxygen                                     # make docs
	gcc-arm-none-eabi libnewlib-arm-none-eabi   # make size: Cortex-M figures
	valgrind                                    # make bench: callgrind instruction counts
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
		|| missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all ${#packages[@]} packages present"
	exit 0
fi

echo "deps: installing ${missing[*]}"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; the default answer is fine.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
