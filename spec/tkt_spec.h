/*
 * spec/tkt_spec.h -- the machine-readable specification of tkt's formats.
 *
 * ACSL logic only: no C declarations, nothing executable. The codec's
 * contracts (src/codec/*.c) and the proof harnesses (proofs/) refer to the
 * functions and predicates defined here; spec/formats.md is the same
 * specification for humans. Included by the codec only under __FRAMAC__.
 *
 * One file per structure under spec/logic/, in dependency order.
 */
#ifndef TKT_SPEC_H
#define TKT_SPEC_H

#include <stdint.h>
#include <stddef.h>

#include "logic/bytes.h"
#include "logic/hs.h"
#include "logic/ext35.h"
#include "logic/exts.h"
#include "logic/hello.h"
#include "logic/hello_rewrite.h"
#include "logic/nst.h"
#include "logic/ticket.h"
#include "logic/state.h"

#endif
