/*
 * tkt-bench: the C half of `make bench` (bench/run.sh drives it).
 *
 *   tkt-bench [--only seal|codec] [--json PATH] [--machine TEXT]
 *       measure every pair, print the table, write the JSON array
 *   tkt-bench --cg-list
 *       the operations counted under callgrind, one "index name bytes" a line
 *   tkt-bench --lru-entry
 *       "STORE_BYTES SESSIONS BYTES_PER_SESSION" of BearSSL's session cache
 *   tkt-bench --cg INDEX ITERS
 *       run operation INDEX ITERS times inside bench_cg_region() (what
 *       callgrind --toggle-collect=bench_cg_region counts), after a warm-up
 *       outside it
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define MAX_CG_OPS 64

void bench_cg_region(const bench_op *op, size_t iters);

/* The only code callgrind counts: the operation itself, `iters` times. */
void bench_cg_region(const bench_op *op, size_t iters)
{
	op->run(op->ctx, iters);
}

/* Called through a volatile pointer: never inlined, so the toggle works. */
static void (*volatile cg_region)(const bench_op *, size_t) = bench_cg_region;

static size_t cg_ops(bench_named_op *ops)
{
	size_t n = bench_seal_cg_ops(ops, MAX_CG_OPS);

	return n + bench_codec_cg_ops(ops + n, MAX_CG_OPS - n);
}

static int usage(void)
{
	fprintf(stderr, "usage: tkt-bench [--only seal|codec] [--json PATH] "
		"[--machine TEXT] | --cg-list | --cg INDEX ITERS | --lru-entry\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *json = "bench.json";
	const char *only = NULL;
	const char *machine = "unknown machine";
	bench_named_op ops[MAX_CG_OPS];
	int i;

	if (bench_seal_setup() != 0 || bench_codec_setup() != 0) {
		fprintf(stderr, "tkt-bench: fixture setup failed\n");
		return 1;
	}
	if (argc == 2 && strcmp(argv[1], "--cg-list") == 0) {
		size_t k, n = cg_ops(ops);
		for (k = 0; k < n; k++)
			printf("%zu\t%s\t%zu\n", k, ops[k].name, ops[k].bytes);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "--lru-entry") == 0) {
		size_t store = 0, entries = 0;
		if (bench_lru_entry(&store, &entries) != 0)
			return 1;
		printf("%zu %zu %.1f\n", store, entries,
			(double)store / (double)entries);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "--cg") == 0) {
		size_t n = cg_ops(ops);
		size_t k = (size_t)strtoul(argv[2], NULL, 10);
		size_t iters = (size_t)strtoul(argv[3], NULL, 10);
		if (k >= n || iters == 0)
			return usage();
		ops[k].op.run(ops[k].op.ctx, 16);
		cg_region(&ops[k].op, iters);
		return bench_failures() == 0 ? 0 : 1;
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0 && i + 1 < argc)
			json = argv[++i];
		else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
			only = argv[++i];
		else if (strcmp(argv[i], "--machine") == 0 && i + 1 < argc)
			machine = argv[++i];
		else
			return usage();
	}
	bench_config_from_env();
	if (only == NULL || strcmp(only, "seal") == 0)
		bench_seal_run();
	if (only == NULL || strcmp(only, "codec") == 0)
		bench_codec_run();
	bench_report(json, machine);
	if (bench_failures() != 0) {
		fprintf(stderr, "tkt-bench: %lu operations gave an unexpected "
			"result: the figures are void\n", bench_failures());
		return 1;
	}
	return 0;
}
