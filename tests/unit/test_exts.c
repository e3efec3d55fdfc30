/*
 * Extensions block: tkt_exts_decode, tkt_exts_next and the two ext 35
 * rewriters (set: replace or append; remove).
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "tkt/codec.h"
#include "check.h"

#define CANARY 0xA5u
#define BIG (2u + 65535u + 16u)

static uint8_t blk[BIG], out[BIG + 70000u], out2[BIG + 70000u];

static void put16(uint8_t *p, size_t v)
{
	p[0] = (uint8_t)(v / 256u % 256u);
	p[1] = (uint8_t)(v % 256u);
}

/* Append one extension to the list under construction at b + *n. */
static void add_ext(uint8_t *b, size_t *n, size_t type, size_t dlen,
	uint8_t fill)
{
	put16(b + *n, type);
	put16(b + *n + 2u, dlen);
	memset(b + *n + 4u, fill, dlen);
	*n += 4u + dlen;
}

/* A block of the extensions types[i] with dlens[i] bytes each. */
static size_t build(uint8_t *b, const size_t *types, const size_t *dlens,
	size_t count)
{
	size_t n = 2, i;

	for (i = 0; i < count; i++)
		add_ext(b, &n, types[i], dlens[i], (uint8_t)(0x10u + i));
	put16(b, n - 2u);
	return n;
}

static void expect_fail(const uint8_t *b, size_t len, tkt_status want,
	size_t want_at)
{
	tkt_exts x, x0;
	size_t at = 99999;

	memset(&x, CANARY, sizeof x);
	x0 = x;
	CHECK_EQ(tkt_exts_decode(b, len, &x, &at), want);
	CHECK_EQ(at, want_at);
	CHECK(memcmp(&x, &x0, sizeof x) == 0);
}

static void test_basic(void)
{
	static const size_t types[] = { 0, 35, 23, 16 };
	static const size_t dlens[] = { 9, 5, 0, 3 };
	size_t n = build(blk, types, dlens, 4), at = 0, cur = 0, i = 0, k;
	tkt_exts x;
	tkt_ext e;

	CHECK_EQ(tkt_exts_decode(blk, n, &x, &at), TKT_OK);
	CHECK_EQ(at, n);
	CHECK(x.list.ptr == blk + 2 && x.list.len == n - 2u);
	CHECK_EQ(x.count, 4);
	CHECK(x.has_ext35 == 1);
	CHECK_EQ(x.ext35_index, 1);
	CHECK_EQ(x.ext35_off, 13);
	CHECK(x.ext35.ptr == blk + 2 + 13 + 4 && x.ext35.len == 5);
	while (tkt_exts_next(&x, &cur, &e)) {
		CHECK(i < 4u);
		if (i >= 4u)
			break;
		CHECK_EQ(e.type, types[i]);
		CHECK_EQ(e.data.len, dlens[i]);
		i++;
	}
	CHECK_EQ(i, 4);
	CHECK_EQ(cur, n - 2u);
	/* A cursor out of range ends the iteration, never overruns. */
	cur = n;
	CHECK_EQ(tkt_exts_next(&x, &cur, &e), 0);
	cur = (size_t)-1;
	CHECK_EQ(tkt_exts_next(&x, &cur, &e), 0);

	/* Every truncation: the block length then disagrees. */
	for (k = 0; k < n; k++) {
		tkt_exts y;

		CHECK_EQ(tkt_exts_decode(blk, k, &y, &at), TKT_ERR_TRUNCATED);
		CHECK_EQ(at, 0);
	}
	/* The block length one off: truncated, or the list is cut short. */
	put16(blk, n - 1u);
	expect_fail(blk, n, TKT_ERR_TRUNCATED, 0);
	put16(blk, n - 3u);
	expect_fail(blk, n, TKT_ERR_TRAILING, n - 1u);
	/* Each extension length one off. */
	put16(blk, n - 2u);
	for (k = 0; k < 4u; k++) {
		size_t off = 2, j;

		for (j = 0; j < k; j++)
			off += 4u + dlens[j];
		put16(blk + off + 2u, dlens[k] + 1u);
		CHECK(tkt_exts_decode(blk, n, &x, &at) != TKT_OK);
		if (dlens[k] > 0u) {
			put16(blk + off + 2u, dlens[k] - 1u);
			CHECK(tkt_exts_decode(blk, n, &x, &at) != TKT_OK);
		}
		put16(blk + off + 2u, dlens[k]);
	}
	CHECK_EQ(tkt_exts_decode(blk, n, &x, &at), TKT_OK);
	/* One byte more: trailing. */
	blk[n] = 0;
	expect_fail(blk, n + 1u, TKT_ERR_TRAILING, n);
}

static void test_edges(void)
{
	tkt_exts x;
	size_t at = 0, n;
	static const size_t t2[] = { 35, 35 };
	static const size_t d2[] = { 0, 4 };

	/* The empty block. */
	CHECK_EQ(tkt_exts_decode((const uint8_t *)"\0\0", 2, &x, &at), TKT_OK);
	CHECK(x.count == 0 && x.has_ext35 == 0 && x.list.len == 0);
	expect_fail(NULL, 0, TKT_ERR_TRUNCATED, 0);
	expect_fail((const uint8_t *)"\0", 1, TKT_ERR_TRUNCATED, 0);
	/* Fewer than 4 bytes left for an extension header. */
	expect_fail((const uint8_t *)"\0\3\0\1\0", 5, TKT_ERR_BAD_LENGTH, 2);
	/* Data running past the block. */
	expect_fail((const uint8_t *)"\0\5\0\1\0\2\0", 7, TKT_ERR_BAD_LENGTH, 4);
	/* A second SessionTicket extension, at its offset. */
	n = build(blk, t2, d2, 2);
	expect_fail(blk, n, TKT_ERR_DUPLICATE, 6);
	/* Other duplicate types are left to the caller. */
	{
		static const size_t t3[] = { 7, 7 };

		n = build(blk, t3, d2, 2);
		CHECK_EQ(tkt_exts_decode(blk, n, &x, &at), TKT_OK);
		CHECK_EQ(x.count, 2);
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/*
 * The largest block: 65535 bytes of list holding 16383 extensions (16382
 * empty, the last with 3 bytes, ext 35 last). Decoding must be linear:
 * it is compared with one 65535-byte extension, which the decoder crosses
 * in a single step. A quadratic walk would be thousands of times slower;
 * the bound leaves room for a loaded machine and sanitizers.
 */
static void test_largest(void)
{
	size_t n = 2, i, at = 0, reps;
	tkt_exts x;
	double t_many, t_one;
	uint8_t *one = out2;

	for (i = 0; i < 16382u; i++)
		add_ext(blk, &n, 1000u + i, 0, 0);
	add_ext(blk, &n, 35, 3, 0x77);
	put16(blk, n - 2u);
	CHECK_EQ(n, 2u + 65535u);
	CHECK_EQ(tkt_exts_decode(blk, n, &x, &at), TKT_OK);
	CHECK_EQ(x.count, 16383);
	CHECK_EQ(x.ext35_index, 16382);
	CHECK_EQ(x.ext35_off, 65528);
	CHECK_EQ(x.ext35.len, 3);
	/* One more byte in the list cannot be framed. */
	put16(blk, 65535u);
	blk[n] = 0;
	CHECK_EQ(tkt_exts_decode(blk, n + 1u, &x, &at), TKT_ERR_TRAILING);
	CHECK_EQ(tkt_exts_decode(blk, n, &x, &at), TKT_OK);

	put16(one, 65535u);
	put16(one + 2, 35);
	put16(one + 4, 65531u);
	memset(one + 6, 0x55, 65531u);
	/* Time many decodes of each, alternating, and keep the best. */
	t_many = t_one = 1e9;
	for (reps = 0; reps < 20u; reps++) {
		double t0 = now();

		CHECK_EQ(tkt_exts_decode(blk, n, &x, &at), TKT_OK);
		t0 = now() - t0;
		if (t0 < t_many)
			t_many = t0;
		t0 = now();
		for (i = 0; i < 1000u; i++)
			CHECK_EQ(tkt_exts_decode(one, n, &x, &at), TKT_OK);
		t0 = (now() - t0) / 1000.0;
		if (t0 < t_one)
			t_one = t0;
	}
	/* 16383 steps against 1: linear means about 16383 x, quadratic 1e8 x. */
	CHECK(t_many < t_one * 16383.0 * 50.0);
}

static void test_set_remove(void)
{
	static const size_t types[] = { 11, 35, 23 };
	static const size_t dlens[] = { 4, 6, 0 };
	static const uint8_t data[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	size_t n = build(blk, types, dlens, 3), at = 0, w = 0, need, cap;
	tkt_exts x, y;

	CHECK_EQ(tkt_exts_decode(blk, n, &x, &at), TKT_OK);
	/* Replace: same position, new data. */
	need = tkt_exts_set_ext35_size(&x, sizeof data);
	CHECK_EQ(need, n - 6u + 9u);
	for (cap = 0; cap < need; cap++) {
		memset(out, CANARY, need);
		CHECK_EQ(tkt_exts_set_ext35(&x, data, sizeof data, out, cap, &w),
			TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK(out[0] == CANARY && out[need - 1u] == CANARY);
	}
	CHECK_EQ(tkt_exts_set_ext35(&x, data, sizeof data, out, need, &w),
		TKT_OK);
	CHECK_EQ(w, need);
	CHECK_EQ(tkt_exts_decode(out, w, &y, &at), TKT_OK);
	CHECK_EQ(y.count, 3);
	CHECK_EQ(y.ext35_index, 1);
	CHECK_MEM(y.ext35.ptr, y.ext35.len, data, sizeof data);
	CHECK_MEM(out + 2, 8, blk + 2, 8);
	CHECK_MEM(out + w - 4u, 4, blk + n - 4u, 4);
	/* Setting the same data again gives back the same bytes. */
	CHECK_EQ(tkt_exts_set_ext35(&x, x.ext35.ptr, x.ext35.len, out2, BIG,
		&w), TKT_OK);
	CHECK_MEM(out2, w, blk, n);

	/* Remove: the others stay, in order. */
	need = tkt_exts_remove_ext35_size(&x);
	CHECK_EQ(need, n - 10u);
	for (cap = 0; cap < need; cap++) {
		memset(out, CANARY, need);
		CHECK_EQ(tkt_exts_remove_ext35(&x, out, cap, &w),
			TKT_ERR_BUFFER_TOO_SMALL);
		CHECK_EQ(w, need);
		CHECK(out[0] == CANARY);
	}
	CHECK_EQ(tkt_exts_remove_ext35(&x, out, need, &w), TKT_OK);
	CHECK_EQ(tkt_exts_decode(out, w, &y, &at), TKT_OK);
	CHECK(y.count == 2 && y.has_ext35 == 0);
	/* Removing from a block without ext 35 copies it. */
	CHECK_EQ(tkt_exts_remove_ext35(&y, out2, BIG, &w), TKT_OK);
	CHECK_MEM(out2, w, out, y.list.len + 2u);
	/* Append to a block without ext 35: it goes last. */
	CHECK_EQ(tkt_exts_set_ext35(&y, NULL, 0, out2, BIG, &w), TKT_OK);
	CHECK_EQ(w, 2u + y.list.len + 4u);
	CHECK_EQ(tkt_exts_decode(out2, w, &x, &at), TKT_OK);
	CHECK(x.has_ext35 == 1 && x.ext35_index == 2 && x.ext35.len == 0);

	/* Results past 65535 bytes of list are refused, nothing written. */
	CHECK_EQ(tkt_exts_set_ext35_size(&y, 65536u), 0);
	CHECK_EQ(tkt_exts_set_ext35_size(&y, 65535u - y.list.len - 4u),
		2u + 65535u);
	CHECK_EQ(tkt_exts_set_ext35_size(&y, 65535u - y.list.len - 3u), 0);
	w = 7;
	out2[0] = CANARY;
	CHECK_EQ(tkt_exts_set_ext35(&y, out, 65535u - y.list.len - 3u, out2,
		BIG, &w), TKT_ERR_ARG);
	CHECK_EQ(w, 0);
	CHECK(out2[0] == CANARY);
}

int main(void)
{
	test_basic();
	test_edges();
	test_set_remove();
	test_largest();
	return check_summary("test_exts");
}
