#!/usr/bin/env bash
# Write a Why3 configuration with z3, cvc4 and cvc5 to $1 (absolute paths
# differ per clone, so it is generated, not committed).
set -euo pipefail
conf=$1
here=$(cd "$(dirname "$0")" && pwd)
rm -f "$conf"
why3 config detect -C "$conf" >/dev/null 2>&1
# Why3 resolves a driver's imports next to the driver: point the import at
# Why3's own drivers directory.
datadir=$(why3 --print-datadir)
drv="$(dirname "$conf")/cvc5.drv"
sed "s|import \"|import \"$datadir/drivers/|" "$here/cvc5.drv" >"$drv"
z3drv="$(dirname "$conf")/z3.drv"
sed "s|import \"|import \"$datadir/drivers/|" "$here/z3.drv" >"$z3drv"
# z3: replace the detected entry (driver z3_471, which reads z3 4.8's
# "timeout" answer as an unknown error) by the same command with
# proofs/why3/z3.drv. Only the plain z3 entry: no counterexample or noBV
# alternatives, so "-wp-prover z3" names exactly this one.
z3v=$(z3 -version 2>/dev/null | sed -n 's/.*Z3 version \([0-9.]*\).*/\1/p' | head -n1)
if [ -n "$z3v" ]; then
	awk 'BEGIN { RS = ""; ORS = "\n\n" } !/^\[partial_prover\]\nname = "Z3"/' "$conf" >"$conf.tmp"
	mv "$conf.tmp" "$conf"
	cat >>"$conf" <<CONF

[prover]
command = "$(command -v z3) -smt2 -T:%t sat.random_seed=42 nlsat.randomize=false smt.random_seed=42 -st %f"
command_steps = "$(command -v z3) -smt2 sat.random_seed=42 nlsat.randomize=false smt.random_seed=42 -st rlimit=%S %f"
driver = "$z3drv"
name = "Z3"
shortcut = "z3"
version = "$z3v"
CONF
fi
v=$(cvc5 --version 2>/dev/null | sed -n 's/.*cvc5 version \([0-9.]*\).*/\1/p' | head -n1)
cat >>"$conf" <<CONF

[prover]
command = "cvc5 --tlimit-per=%t000 --lang=smt2 %f"
command_steps = "cvc5 --rlimit-per=%S --lang=smt2 %f"
driver = "$drv"
name = "CVC5"
shortcut = "cvc5"
version = "${v:-1.0.3}"
CONF
