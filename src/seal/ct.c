/*
 * Constant-time helpers and secure erasure. Secret-dependent values
 * never reach a branch or an index here: every loop runs over its whole
 * length and results are built with masks.
 */
#include <string.h>

#include "internal.h"

uint32_t tkt_ct_eq(const uint8_t *a, const uint8_t *b, size_t n)
{
	uint64_t d64 = 0;
	uint32_t d;
	size_t i = 0;

	/*
	 * Eight bytes per step (memcpy compiles to one unaligned load): key
	 * names are compared against every key of the ring on each open, and
	 * a byte loop was most of the cost of rejecting an unknown name.
	 */
	for (; n - i >= 8u; i += 8u) {
		uint64_t x, y;

		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		d64 |= x ^ y;
	}
	for (; i < n; i++)
		d64 |= (uint64_t)(a[i] ^ b[i]);
	/* Fold to 32 bits, then: (d - 1) has bit 32 set iff d == 0. */
	d = (uint32_t)(d64 | (d64 >> 32));
	return (uint32_t)((((uint64_t)d - 1u) >> 32) & 1u);
}

uint32_t tkt_ct_is_zero(const uint8_t *p, size_t n)
{
	uint32_t d = 0;
	size_t i;

	for (i = 0; i < n; i++)
		d |= p[i];
	return ((d - 1u) >> 31) & 1u;
}

/* 1 iff x != 0, without a branch. */
static uint32_t nonzero32(uint32_t x)
{
	return (x | (0u - x)) >> 31;
}

size_t tkt_ct_pkcs7(const uint8_t *p, size_t n)
{
	const uint8_t *last = p + n - 16;
	uint32_t pad = last[15];
	uint32_t bad;
	uint32_t i;

	/* pad must be 1..16, i.e. (pad - 1) mod 2^32 below 16. */
	bad = nonzero32((pad - 1u) & 0xFFFFFFF0u);
	for (i = 0; i < 16; i++) {
		/* byte 15 - i is padding iff i < pad (pad <= 255, no wrap) */
		uint32_t in_pad = (i - pad) >> 31;
		bad |= in_pad & nonzero32((uint32_t)last[15 - i] ^ pad);
	}
	/* valid: mask all ones; invalid: zero. */
	return (size_t)(pad & (bad - 1u));
}

uint64_t tkt_add_sat(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/*
 * A call through a volatile function pointer: the compiler cannot prove
 * the callee is memset, so it cannot drop a store to a dying buffer.
 */
static void *(*const volatile tkt_memset_v)(void *, int, size_t) = memset;

void tkt_secure_zero(void *p, size_t len)
{
	if (len != 0)
		(void)tkt_memset_v(p, 0, len);
}
