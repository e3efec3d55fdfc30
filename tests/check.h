/*
 * tests/check.h -- the tiny assertion kit of tkt's unit tests.
 *
 * Each test program includes this once, uses CHECK*() in any function,
 * and ends main() with `return check_summary("name");`, which prints the
 * closing line "name: N passed, M failed" that scripts/check.sh adds up.
 * A failed check prints its file, line and expression and the test goes on,
 * so one run shows every failure.
 */
#ifndef TKT_TESTS_CHECK_H
#define TKT_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static unsigned long check_passed, check_failed;

static void check_record(int ok, const char *file, int line, const char *what)
{
	if (ok) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
	}
}

#define CHECK(cond) check_record((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* Integer equality, printing both sides on failure. */
#define CHECK_EQ(a, b) do { \
	unsigned long long check_a_ = (unsigned long long)(a); \
	unsigned long long check_b_ = (unsigned long long)(b); \
	check_record(check_a_ == check_b_, __FILE__, __LINE__, #a " == " #b); \
	if (check_a_ != check_b_) \
		fprintf(stderr, "    left %llu, right %llu\n", check_a_, check_b_); \
} while (0)

/* Byte-range equality. */
#define CHECK_MEM(a, alen, b, blen) check_record( \
	(size_t)(alen) == (size_t)(blen) && \
	((size_t)(alen) == 0 || memcmp((a), (b), (size_t)(alen)) == 0), \
	__FILE__, __LINE__, "bytes " #a " == " #b)

static int check_summary(const char *name)
{
	printf("%s: %lu passed, %lu failed\n", name, check_passed, check_failed);
	return check_failed == 0 ? 0 : 1;
}

#endif
