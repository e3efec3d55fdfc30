/*
 * Side-by-side timing; see harness.h for the method.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define MAX_RESULTS 128
#define MAX_ROUNDS 201

volatile uint32_t bench_sink;

static unsigned long failures;
static int rounds = 101;
static uint64_t batch_ns = 1000000u;
/* CPU time of this thread by default: time the scheduler gives to other
   processes (the build machines are shared) is not charged to whichever
   side happened to be running. BENCH_CLOCK=wall for wall-clock time. */
static clockid_t clock_id = CLOCK_THREAD_CPUTIME_ID;
static bench_result results[MAX_RESULTS];
static size_t n_results;

uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(clock_id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void bench_fail(const char *what, int got, int want)
{
	/* Report the first few only: a broken op fails every iteration. */
	if (failures < 5)
		fprintf(stderr, "bench: %s returned %d, expected %d\n", what,
			got, want);
	failures++;
}

unsigned long bench_failures(void)
{
	return failures;
}

void bench_config_from_env(void)
{
	const char *r = getenv("BENCH_ROUNDS");
	const char *b = getenv("BENCH_BATCH_US");
	const char *c = getenv("BENCH_CLOCK");

	if (c != NULL && strcmp(c, "wall") == 0)
		clock_id = CLOCK_MONOTONIC;

	if (r != NULL) {
		long v = strtol(r, NULL, 10);
		/* odd, so the median is one measured value */
		if (v >= 3 && v <= MAX_ROUNDS)
			rounds = (int)(v | 1);
	}
	if (b != NULL) {
		long v = strtol(b, NULL, 10);
		if (v >= 100 && v <= 1000000)
			batch_ns = (uint64_t)v * 1000u;
	}
}

/* Time one batch; ns per operation. */
static double time_batch(const bench_op *op, size_t iters)
{
	uint64_t t0 = bench_now_ns();
	uint64_t t1;

	op->run(op->ctx, iters);
	t1 = bench_now_ns();
	return (double)(t1 - t0) / (double)iters;
}

/* Smallest power-of-two batch that lasts at least batch_ns. */
static size_t calibrate(const bench_op *op)
{
	size_t iters = 1;

	op->run(op->ctx, 16);   /* warm caches, lazy binding, DRBG pools */
	for (;;) {
		uint64_t t0 = bench_now_ns();
		op->run(op->ctx, iters);
		if (bench_now_ns() - t0 >= batch_ns || iters >= ((size_t)1 << 30))
			return iters;
		iters *= 2;
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void summarize(double *v, int n, double *med, double *lo, double *hi)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	*med = v[n / 2];
	*lo = v[0];
	*hi = v[n - 1];
}

static int target_met(const bench_result *r)
{
	switch (r->target.kind) {
	case BENCH_RATIO_AT_MOST:
		return r->ratio <= r->target.value;
	case BENCH_NS_AT_MOST:
		return r->ns <= r->target.value;
	case BENCH_GBPS_AT_LEAST:
		return (double)r->bytes / r->ns >= r->target.value;
	case BENCH_NO_TARGET:
	default:
		return 1;
	}
}

const bench_result *bench_pair(const char *name, const bench_op *op,
	const bench_op *base, size_t bytes, bench_target target)
{
	double a[MAX_ROUNDS], b[MAX_ROUNDS], q[MAX_ROUNDS];
	size_t ia, ib;
	int i;
	bench_result *r;

	if (n_results == MAX_RESULTS) {
		fprintf(stderr, "bench: too many results\n");
		exit(2);
	}
	r = &results[n_results++];
	memset(r, 0, sizeof *r);
	snprintf(r->name, sizeof r->name, "%s", name);
	r->who = op->who;
	r->baseline = base->who;
	r->bytes = bytes;
	r->target = target;

	ia = calibrate(op);
	ib = calibrate(base);
	for (i = 0; i < rounds; i++) {
		if (i % 2 == 0) {
			a[i] = time_batch(op, ia);
			b[i] = time_batch(base, ib);
		} else {
			b[i] = time_batch(base, ib);
			a[i] = time_batch(op, ia);
		}
		q[i] = a[i] / b[i];
	}
	summarize(a, rounds, &r->ns, &r->ns_min, &r->ns_max);
	summarize(b, rounds, &r->bns, &r->bns_min, &r->bns_max);
	/* The ratio of the medians is the headline figure; the per-round
	   ratios only give its spread. */
	r->ratio = r->ns / r->bns;
	{
		double med;
		summarize(q, rounds, &med, &r->ratio_min, &r->ratio_max);
	}
	r->met = target_met(r);
	fprintf(stderr, "  %-44s %9.1f ns  %-15s %9.1f ns  x%.3f\n", r->name,
		r->ns, r->baseline, r->bns, r->ratio);
	return r;
}

static void target_text(const bench_result *r, char *out, size_t cap)
{
	switch (r->target.kind) {
	case BENCH_RATIO_AT_MOST:
		snprintf(out, cap, "ratio <= %.2f", r->target.value);
		break;
	case BENCH_NS_AT_MOST:
		snprintf(out, cap, "<= %.0f ns", r->target.value);
		break;
	case BENCH_GBPS_AT_LEAST:
		snprintf(out, cap, ">= %.1f GB/s", r->target.value);
		break;
	case BENCH_NO_TARGET:
	default:
		out[0] = '\0';
		break;
	}
}

int bench_all_targets_met(void)
{
	size_t i;

	for (i = 0; i < n_results; i++)
		if (results[i].target.kind != BENCH_NO_TARGET && !results[i].met)
			return 0;
	return 1;
}

void bench_report(const char *path, const char *machine)
{
	size_t i;
	FILE *f;
	char t[32];

	printf("\n%-40s %-6s %9s %-15s %9s %7s %15s %9s %-16s\n", "pair",
		"who", "ns/op", "baseline", "ns/op", "ratio", "ratio min-max",
		"GB/s", "target");
	for (i = 0; i < n_results; i++) {
		const bench_result *r = &results[i];
		char gb[16] = "";

		if (r->bytes != 0)
			snprintf(gb, sizeof gb, "%.2f", (double)r->bytes / r->ns);
		target_text(r, t, sizeof t);
		printf("%-40s %-6s %9.1f %-15s %9.1f %7.3f %7.3f-%-7.3f %9s %-16s%s\n",
			r->name, r->who, r->ns, r->baseline, r->bns, r->ratio,
			r->ratio_min, r->ratio_max, gb, t,
			r->target.kind == BENCH_NO_TARGET ? ""
				: (r->met ? " met" : " MISSED"));
	}
	printf("(median of %d alternating rounds of ~%llu us each, %s time; "
		"%s)\n", rounds, (unsigned long long)(batch_ns / 1000u),
		clock_id == CLOCK_MONOTONIC ? "wall" : "thread CPU", machine);

	f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		return;
	}
	fprintf(f, "[\n");
	for (i = 0; i < n_results; i++) {
		const bench_result *r = &results[i];

		target_text(r, t, sizeof t);
		fprintf(f, "  {\"name\": \"%s\", \"who\": \"%s\", "
			"\"ns_per_op\": %.2f, \"ns_min\": %.2f, \"ns_max\": %.2f, "
			"\"baseline\": \"%s\", \"baseline_ns_per_op\": %.2f, "
			"\"baseline_ns_min\": %.2f, \"baseline_ns_max\": %.2f, "
			"\"ratio\": %.4f, \"ratio_min\": %.4f, \"ratio_max\": %.4f",
			r->name, r->who, r->ns, r->ns_min, r->ns_max, r->baseline,
			r->bns, r->bns_min, r->bns_max, r->ratio, r->ratio_min,
			r->ratio_max);
		if (r->bytes != 0)
			fprintf(f, ", \"bytes\": %zu, \"gb_per_s\": %.3f, "
				"\"baseline_gb_per_s\": %.3f", r->bytes,
				(double)r->bytes / r->ns, (double)r->bytes / r->bns);
		if (r->target.kind != BENCH_NO_TARGET)
			fprintf(f, ", \"target\": \"%s\", \"met\": %s", t,
				r->met ? "true" : "false");
		fprintf(f, ", \"rounds\": %d, \"clock\": \"%s\", "
			"\"machine\": \"%s\"}%s\n", rounds,
			clock_id == CLOCK_MONOTONIC ? "wall" : "thread-cpu", machine,
			i + 1 < n_results ? "," : "");
	}
	fprintf(f, "]\n");
	fclose(f);
}
