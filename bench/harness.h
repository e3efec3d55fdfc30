/*
 * bench/harness.h -- side-by-side timing of a contender against a baseline.
 *
 * Method (the only one tkt's published numbers come from):
 *   - Each operation is a function that runs `iters` times the thing being
 *     measured and checks every result against the expected status, so a
 *     contender that silently fails (and is therefore fast) is caught.
 *   - Each side gets its own batch size, calibrated to last about
 *     BENCH_BATCH_US microseconds.
 *   - Rounds alternate the order (A B, B A, ...) so that drift, frequency
 *     changes and neighbours' load hit both sides alike.
 *   - Time is this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so that
 *     time the shared machine gives to other processes is not counted;
 *     BENCH_CLOCK=wall measures wall-clock time instead.
 *   - The figure is the median over rounds of ns per operation; min and
 *     max are reported too, and the ratio's own min/max come from the
 *     per-round ratios of adjacent batches.
 */
#ifndef BENCH_HARNESS_H
#define BENCH_HARNESS_H

#include <stddef.h>
#include <stdint.h>

/* One measurable operation: run it `iters` times. */
typedef struct bench_op {
	const char *who;                     /* "tkt", "openssl-libssl", ... */
	void (*run)(void *ctx, size_t iters);
	void *ctx;
} bench_op;

/* What a pair must achieve to meet its target (issue 7). */
typedef enum bench_target_kind {
	BENCH_NO_TARGET = 0,
	BENCH_RATIO_AT_MOST,   /* median ratio <= value */
	BENCH_NS_AT_MOST,      /* median ns per op <= value */
	BENCH_GBPS_AT_LEAST    /* bytes / median ns >= value */
} bench_target_kind;

typedef struct bench_target {
	bench_target_kind kind;
	double value;
} bench_target;

typedef struct bench_result {
	char name[96];
	const char *who;
	const char *baseline;
	size_t bytes;            /* bytes per op, for GB/s (0: not reported) */
	double ns, ns_min, ns_max;
	double bns, bns_min, bns_max;
	double ratio, ratio_min, ratio_max;
	bench_target target;
	int met;                 /* meaningful only with a target */
} bench_result;

/* Nanoseconds of this thread's CPU time (or wall time, BENCH_CLOCK=wall). */
uint64_t bench_now_ns(void);

/* Called by operations when a result is not the expected one. */
void bench_fail(const char *what, int got, int want);
/* Number of bench_fail() calls so far. */
unsigned long bench_failures(void);

/* A sink the compiler cannot remove. */
extern volatile uint32_t bench_sink;

/* Configure rounds and batch length (from BENCH_ROUNDS, BENCH_BATCH_US). */
void bench_config_from_env(void);

/* Measure `op` against `base`, append the result to the run's list. */
const bench_result *bench_pair(const char *name, const bench_op *op,
	const bench_op *base, size_t bytes, bench_target target);

/* Print the table (stdout) and write the JSON array to `path`. */
void bench_report(const char *path, const char *machine);

/* 1 if every pair with a target met it. */
int bench_all_targets_met(void);

#endif
