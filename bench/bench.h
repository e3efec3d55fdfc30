/*
 * bench/bench.h -- the benchmark groups of `make bench` (issue 7).
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "harness.h"

/* Set up fixtures; 0 on success (every contender was checked to give the
   expected result on its fixture). */
int bench_seal_setup(void);
int bench_codec_setup(void);

/* The encoded StatePlaintext fixtures of bench_seal.c (idx 0, 1, 2 for
   64, 160 and 1200 bytes), valid after bench_seal_setup(). */
const uint8_t *bench_state_bytes(size_t idx, size_t *len);

/* Measure every pair of the group. */
void bench_seal_run(void);
void bench_codec_run(void);

/* BearSSL's session-ID LRU: how many sessions a store of *store_len bytes
   keeps (bench/lru_entry.c). 0 on success. */
int bench_lru_entry(size_t *store_len, size_t *entries);

/* Operations exposed for callgrind instruction counts: name and op. */
typedef struct bench_named_op {
	const char *name;
	bench_op op;
	size_t bytes;
} bench_named_op;

/* Fill `out` with up to `cap` operations; returns how many. */
size_t bench_seal_cg_ops(bench_named_op *out, size_t cap);
size_t bench_codec_cg_ops(bench_named_op *out, size_t cap);

#endif
