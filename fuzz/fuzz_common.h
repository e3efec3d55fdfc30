/*
 * fuzz/fuzz_common.h -- what every tkt harness shares: the oracle macro,
 * exact-size output buffers and the "nothing written on failure" canaries.
 *
 * Harnesses are plain C99 with the project's warnings, so that the same
 * source builds for libFuzzer, AFL++ (through its libFuzzer driver),
 * OSS-Fuzz and the plain replay driver (fuzz/replay_main.c). FZ_FAIL can
 * be predefined by a file that includes a harness, to count failures
 * instead of aborting.
 *
 * Output buffers are heap blocks of exactly the capacity handed to the
 * encoder: a write one byte past `cap` lands in ASan's redzone instead of
 * in slack that a stack array would silently absorb.
 */
#ifndef TKT_FUZZ_COMMON_H
#define TKT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tkt/codec.h"
#include "tkt/status.h"
#include "spec_mirror.h"

/*
 * An oracle failure must stop the fuzzer with a crash report (abort is
 * what libFuzzer and AFL++ both treat as a crash); the regression test
 * overrides this to record the failure and carry on.
 */
#ifndef FZ_FAIL
#define FZ_FAIL(what) fz_fail(__FILE__, __LINE__, (what))
static inline void fz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: oracle failed: %s\n", file, line, what);
	abort();
}
#endif

#define FZ_CHECK(cond) do { if (!(cond)) FZ_FAIL(#cond); } while (0)

/* Byte used to detect writes: encoders must leave these bytes alone. */
#define FZ_CANARY 0xA5u

/*
 * A heap block of exactly n bytes (at least one, so that malloc(0) never
 * yields NULL), filled with the canary.
 */
static inline uint8_t *fz_alloc(size_t n)
{
	uint8_t *p = (uint8_t *)malloc(n == 0u ? 1u : n);

	if (p == NULL)
		abort();
	memset(p, FZ_CANARY, n == 0u ? 1u : n);
	return p;
}

/* 1 if the n bytes at p all still hold the canary. */
static inline int fz_untouched(const void *p, size_t n)
{
	const uint8_t *b = (const uint8_t *)p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (b[i] != FZ_CANARY)
			return 0;
	}
	return 1;
}

/* Content equality of two byte ranges (pointers may differ). */
static inline int fz_same(tkt_bytes a, tkt_bytes b)
{
	if (a.len != b.len)
		return 0;
	return a.len == 0u || memcmp(a.ptr, b.ptr, a.len) == 0;
}

/* The range [off, off + len) of buf as a tkt_bytes. */
static inline tkt_bytes fz_range(const uint8_t *buf, size_t off, size_t len)
{
	tkt_bytes r;

	r.ptr = len == 0u ? NULL : buf + off;
	r.len = len;
	return r;
}

/* 1 if the view points exactly at buf[off .. off + len). */
static inline int fz_points_at(tkt_bytes v, const uint8_t *buf, size_t off,
	size_t len)
{
	if (v.len != len)
		return 0;
	return len == 0u || v.ptr == buf + off;
}

/*
 * Every status an entry point returns has a message and a symbolic name
 * (a status added to the enum but not to strerror.c would print as
 * "unknown status" in a server's log).
 */
static inline void fz_check_status_named(tkt_status st)
{
	FZ_CHECK(strcmp(tkt_strerror((int)st), tkt_strerror(-1)) != 0);
	FZ_CHECK(strcmp(tkt_status_name((int)st), tkt_status_name(-1)) != 0);
	FZ_CHECK(strncmp(tkt_status_name((int)st), "TKT_", 4) == 0);
}

/*
 * The encoder contract, checked on an encoder given a valid value whose
 * canonical encoding is expected to be `want` (want_len bytes):
 *   - cap = exact size: TKT_OK, written = want_len, the bytes are `want`;
 *   - cap = want_len - 1: TKT_ERR_BUFFER_TOO_SMALL, written = want_len,
 *     output untouched.
 * `enc` calls the encoder under test on (out, cap, written).
 */
typedef tkt_status (*fz_encoder)(const void *v, uint8_t *out, size_t cap,
	size_t *written);

static inline void fz_check_encoder(fz_encoder enc, const void *v,
	const uint8_t *want, size_t want_len)
{
	uint8_t *out = fz_alloc(want_len);
	size_t written = (size_t)-1;
	tkt_status st;

	st = enc(v, out, want_len, &written);
	fz_check_status_named(st);
	FZ_CHECK(st == TKT_OK);
	if (st == TKT_OK) {
		FZ_CHECK(written == want_len);
		FZ_CHECK(written != want_len || want_len == 0u ||
			memcmp(out, want, want_len) == 0);
	}
	free(out);
	if (want_len > 0u) {
		out = fz_alloc(want_len - 1u);
		written = (size_t)-1;
		st = enc(v, out, want_len - 1u, &written);
		fz_check_status_named(st);
		FZ_CHECK(st == TKT_ERR_BUFFER_TOO_SMALL);
		FZ_CHECK(written == want_len);
		FZ_CHECK(fz_untouched(out, want_len - 1u));
		free(out);
	}
}

/*
 * An encoder given an invalid value: it must fail with TKT_ERR_ARG,
 * report 0 written and leave a generous output buffer untouched.
 */
static inline void fz_check_encoder_rejects(fz_encoder enc, const void *v,
	size_t cap)
{
	uint8_t *out = fz_alloc(cap);
	size_t written = (size_t)-1;
	tkt_status st = enc(v, out, cap, &written);

	fz_check_status_named(st);
	FZ_CHECK(st == TKT_ERR_ARG);
	FZ_CHECK(written == 0u);
	FZ_CHECK(fz_untouched(out, cap));
	free(out);
}

/* A little-endian-agnostic reader of fuzz input for building values. */
typedef struct fz_input {
	const uint8_t *p;
	size_t n;
} fz_input;

static inline uint32_t fz_take_u8(fz_input *in)
{
	uint32_t v = 0;

	if (in->n > 0u) {
		v = in->p[0];
		in->p++;
		in->n--;
	}
	return v;
}

static inline uint32_t fz_take_u16(fz_input *in)
{
	uint32_t hi = fz_take_u8(in);

	return hi * 256u + fz_take_u8(in);
}

static inline uint32_t fz_take_u32(fz_input *in)
{
	uint32_t hi = fz_take_u16(in);

	return hi * 65536u + fz_take_u16(in);
}

/* Up to n bytes of input as a range (fewer if the input runs out). */
static inline tkt_bytes fz_take_bytes(fz_input *in, size_t n)
{
	tkt_bytes r;

	if (n > in->n)
		n = in->n;
	r.ptr = n == 0u ? NULL : in->p;
	r.len = n;
	in->p += n;
	in->n -= n;
	return r;
}

/* A decoder's failure must be one of the codec's malformed-input codes. */
static inline int fz_is_decode_error(tkt_status st)
{
	fz_check_status_named(st);
	return st >= TKT_ERR_TRUNCATED && st <= TKT_ERR_UNKNOWN_EXT;
}

/*
 * 1 if two extension lists (contents, without the block length) hold the
 * same extensions in the same order once every type-35 extension is
 * ignored. Walks raw bytes, independently of tkt_exts_next(); both lists
 * are assumed well formed (checked by the caller with the mirror).
 */
static inline int fz_same_but_ext35(const uint8_t *a, size_t alen,
	const uint8_t *b, size_t blen)
{
	size_t i = 0, j = 0;

	for (;;) {
		size_t ai, bj;

		while (i + 4u <= alen && a[i] * 256u + a[i + 1u] == 35u)
			i += 4u + (a[i + 2u] * 256u + a[i + 3u]);
		while (j + 4u <= blen && b[j] * 256u + b[j + 1u] == 35u)
			j += 4u + (b[j + 2u] * 256u + b[j + 3u]);
		if (i >= alen || j >= blen)
			return i >= alen && j >= blen;
		ai = 4u + (a[i + 2u] * 256u + a[i + 3u]);
		bj = 4u + (b[j + 2u] * 256u + b[j + 3u]);
		if (ai != bj || memcmp(a + i, b + j, ai) != 0)
			return 0;
		i += ai;
		j += bj;
	}
}

#endif
