/*
 * fuzz/fuzz_exts.c -- extensions block: tkt_exts_decode, tkt_exts_next,
 * tkt_exts_set_ext35(_size), tkt_exts_remove_ext35(_size). Input: the
 * block with its 2-byte length.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The iterator yields every extension of the list, in order, no copy. */
static void exts_iter_check(const tkt_exts *x)
{
	size_t cursor = 0, pos = 0, seen = 0;
	tkt_ext e;

	while (tkt_exts_next(x, &cursor, &e) == 1) {
		const uint8_t *h = x->list.ptr + pos;
		size_t dlen;

		FZ_CHECK(seen < x->count && pos + 4u <= x->list.len);
		if (seen >= x->count || pos + 4u > x->list.len)
			return;
		dlen = h[2] * 256u + h[3];
		FZ_CHECK(e.type == h[0] * 256u + h[1]);
		FZ_CHECK(e.data.len == dlen);
		FZ_CHECK(dlen == 0u || e.data.ptr == h + 4);
		pos += 4u + dlen;
		seen++;
	}
	FZ_CHECK(seen == x->count && pos == x->list.len);
}

/*
 * tkt_exts_next() checks any cursor, so a stale or forged one cannot make
 * it read outside the list: from every offset (and past the end) it either
 * stops or yields an extension entirely inside the list.
 */
static void exts_forged_cursors(const tkt_exts *x)
{
	size_t c, cursor;
	tkt_ext e;

	for (c = 0; c <= x->list.len + 1u && c < 4096u; c++) {
		cursor = c;
		if (tkt_exts_next(x, &cursor, &e) != 1)
			continue;
		FZ_CHECK(cursor > c && cursor <= x->list.len);
		FZ_CHECK(e.data.len == 0u || (e.data.ptr >= x->list.ptr + c + 4u &&
			e.data.ptr + e.data.len == x->list.ptr + cursor));
	}
	cursor = (size_t)-1;
	FZ_CHECK(tkt_exts_next(x, &cursor, &e) == 0);
}

/*
 * The block the set/remove functions must produce, built by hand:
 * the list with ext 35 (if any) replaced by `d` at its place, appended
 * when absent (set), or dropped (!set).
 */
static uint8_t *exts_expected(const tkt_exts *x, int set,
	const uint8_t *d, size_t dlen, size_t *n)
{
	size_t old35 = x->has_ext35 ? 4u + x->ext35.len : 0u;
	size_t new35 = set ? 4u + dlen : 0u;
	size_t list = x->list.len - old35 + new35;
	size_t head = x->has_ext35 ? x->ext35_off : x->list.len;
	uint8_t *b = fz_alloc(2u + list);
	size_t k = 2;

	b[0] = (uint8_t)((list / 256u) % 256u);
	b[1] = (uint8_t)(list % 256u);
	if (head > 0u)
		memcpy(b + k, x->list.ptr, head);
	k += head;
	if (set) {
		b[k] = 0;
		b[k + 1u] = 35;
		b[k + 2u] = (uint8_t)((dlen / 256u) % 256u);
		b[k + 3u] = (uint8_t)(dlen % 256u);
		if (dlen > 0u)
			memcpy(b + k + 4u, d, dlen);
		k += 4u + dlen;
	}
	if (x->list.len > head + old35)
		memcpy(b + k, x->list.ptr + head + old35,
			x->list.len - head - old35);
	*n = 2u + list;
	return b;
}

/* One output function against its expected bytes (or TKT_ERR_ARG). */
static void exts_check_rewrite(const tkt_exts *x, int set,
	const uint8_t *d, size_t dlen)
{
	size_t old35 = x->has_ext35 ? 4u + x->ext35.len : 0u;
	size_t new35 = set ? 4u + dlen : 0u;
	size_t n, sz, written = (size_t)-1;
	uint8_t *want, *out;
	tkt_status st;

	if (x->list.len - old35 + new35 > 65535u) {
		FZ_CHECK(set);
		FZ_CHECK(tkt_exts_set_ext35_size(x, dlen) == 0u);
		out = fz_alloc(70000u);
		st = tkt_exts_set_ext35(x, d, dlen, out, 70000u, &written);
		FZ_CHECK(st == TKT_ERR_ARG && written == 0u);
		FZ_CHECK(fz_untouched(out, 70000u));
		free(out);
		return;
	}
	want = exts_expected(x, set, d, dlen, &n);
	sz = set ? tkt_exts_set_ext35_size(x, dlen) :
		tkt_exts_remove_ext35_size(x);
	FZ_CHECK(sz == n);
	out = fz_alloc(n);
	st = set ? tkt_exts_set_ext35(x, d, dlen, out, n, &written) :
		tkt_exts_remove_ext35(x, out, n, &written);
	FZ_CHECK(st == TKT_OK && written == n);
	FZ_CHECK(st != TKT_OK || memcmp(out, want, n) == 0);
	free(out);
	out = fz_alloc(n - 1u);
	written = (size_t)-1;
	st = set ? tkt_exts_set_ext35(x, d, dlen, out, n - 1u, &written) :
		tkt_exts_remove_ext35(x, out, n - 1u, &written);
	FZ_CHECK(st == TKT_ERR_BUFFER_TOO_SMALL && written == n);
	FZ_CHECK(fz_untouched(out, n - 1u));
	free(out);
	free(want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tkt_exts v;
	sm_exts_view m;
	size_t at = (size_t)-1;
	int accept;
	tkt_status st;

	memset(&v, FZ_CANARY, sizeof v);
	st = tkt_exts_decode(data, size, &v, &at);
	accept = sm_exts(data, size, &m);
	FZ_CHECK((st == TKT_OK) == (accept == 1));
	FZ_CHECK(at <= size);
	if (st != TKT_OK) {
		FZ_CHECK(fz_is_decode_error(st));
		FZ_CHECK(fz_untouched(&v, sizeof v));
		return 0;
	}
	FZ_CHECK(at == size);
	FZ_CHECK(fz_points_at(v.list, data, m.list.off, m.list.len));
	FZ_CHECK(v.count == m.count);
	FZ_CHECK((v.has_ext35 != 0) == (m.has35 != 0));
	if (m.has35) {
		FZ_CHECK(v.ext35_index == m.idx35 && v.ext35_off == m.off35);
		FZ_CHECK(fz_points_at(v.ext35, data, m.data35.off,
			m.data35.len));
	}
	exts_iter_check(&v);
	exts_forged_cursors(&v);
	/* Decode then encode: setting ext 35 to its own data, or removing
	   it from a block that has none, gives back the input. */
	if (v.has_ext35)
		exts_check_rewrite(&v, 1, v.ext35.len ? v.ext35.ptr : data,
			v.ext35.len);
	exts_check_rewrite(&v, 0, NULL, 0);
	/* Replacing with other data (a slice of the input) and with a
	   ticket too long for the block. */
	exts_check_rewrite(&v, 1, data, size / 2u);
	if (size > 0u) {
		uint8_t *big = fz_alloc(65536u);
		size_t written = (size_t)-1;

		exts_check_rewrite(&v, 1, big, 65535u);
		/* Data longer than any extension can carry. */
		FZ_CHECK(tkt_exts_set_ext35_size(&v, 65536u) == 0u);
		FZ_CHECK(tkt_exts_set_ext35(&v, big, 65536u, big, 0, &written) ==
			TKT_ERR_ARG && written == 0u);
		free(big);
	}
	return 0;
}
