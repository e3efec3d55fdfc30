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
