/*
 * Base64 (RFC 4648, standard alphabet, padded) for haproxy key files.
 * Strict: only canonical encodings decode (unused bits zero, exact
 * padding), so one file has one meaning. Key bytes pass through here,
 * so lookups are arithmetic, not table indexing by secret.
 */
#include "internal.h"

#ifndef TKT_NO_KEYFILES

/* Character of a 6-bit value, branch-free in the value. */
static char b64_char(uint32_t v)
{
	uint32_t c = v + 65u;                         /* A-Z */
	c += ((25u - v) >> 31) * (97u - 65u - 26u);   /* a-z: v >= 26 */
	c -= ((51u - v) >> 31) * (97u + 26u - 48u);   /* 0-9: v >= 52 */
	c -= ((61u - v) >> 31) * (48u + 10u - 43u);   /* '+': v == 62 */
	c += ((62u - v) >> 31) * 3u;                  /* '/': v == 63 (44 + 3) */
	return (char)c;
}

/* All ones if lo <= c <= hi, else zero; no branch on c (c < 256). */
static uint32_t in_range(uint32_t c, uint32_t lo, uint32_t hi)
{
	/* (c - lo) and (hi - c) both have bit 31 clear iff c is inside */
	return (((c - lo) | (hi - c)) >> 31) - 1u;
}

/* Value of a character, or 0xFFFFFFFF if not in the alphabet. Every
   range is tested for every character and the result selected with
   masks: decoding a key line branches on no key bit. */
static uint32_t b64_val(uint32_t c)
{
	uint32_t v = 0, hit = 0, m;

	m = in_range(c, 'A', 'Z');
	v |= m & (c - 'A');
	hit |= m;
	m = in_range(c, 'a', 'z');
	v |= m & (c - 'a' + 26u);
	hit |= m;
	m = in_range(c, '0', '9');
	v |= m & (c - '0' + 52u);
	hit |= m;
	m = in_range(c, '+', '+');
	v |= m & 62u;
	hit |= m;
	m = in_range(c, '/', '/');
	v |= m & 63u;
	hit |= m;
	return v | ~hit;
}

size_t tkt_b64_encoded_len(size_t n)
{
	return (n + 2u) / 3u * 4u;
}

void tkt_b64_encode(const uint8_t *in, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i + 3u <= n; i += 3u) {
		uint32_t w = in[i] * 65536u + in[i + 1] * 256u + in[i + 2];
		out[o++] = b64_char(w / 262144u);
		out[o++] = b64_char(w / 4096u % 64u);
		out[o++] = b64_char(w / 64u % 64u);
		out[o++] = b64_char(w % 64u);
	}
	if (n - i == 1u) {
		uint32_t w = in[i] * 65536u;
		out[o++] = b64_char(w / 262144u);
		out[o++] = b64_char(w / 4096u % 64u);
		out[o++] = '=';
		out[o++] = '=';
	} else if (n - i == 2u) {
		uint32_t w = in[i] * 65536u + in[i + 1] * 256u;
		out[o++] = b64_char(w / 262144u);
		out[o++] = b64_char(w / 4096u % 64u);
		out[o++] = b64_char(w / 64u % 64u);
		out[o++] = '=';
	}
}

size_t tkt_b64_decode(const char *s, size_t n, uint8_t *out, size_t cap)
{
	size_t i, o = 0;

	if (n % 4u != 0)
		return (size_t)-1;
	for (i = 0; i < n; i += 4u) {
		uint32_t v[4], w;
		size_t j, pad = 0, bytes;
		for (j = 0; j < 4; j++) {
			uint32_t c = (uint8_t)s[i + j];
			if (c == '=' && i + 4u == n && j >= 2) {
				v[j] = 0;
				pad++;
				continue;
			}
			if (pad != 0)
				return (size_t)-1;   /* data after '=' */
			v[j] = b64_val(c);
			if (v[j] > 63u)
				return (size_t)-1;
		}
		w = v[0] * 262144u + v[1] * 4096u + v[2] * 64u + v[3];
		bytes = 3u - pad;
		/* canonical: the bits the padding drops must be zero */
		if ((pad == 1 && w % 256u != 0) || (pad == 2 && w % 65536u != 0))
			return (size_t)-1;
		if (cap - o < bytes)
			return (size_t)-1;
		out[o++] = (uint8_t)(w / 65536u);
		if (bytes > 1)
			out[o++] = (uint8_t)(w / 256u % 256u);
		if (bytes > 2)
			out[o++] = (uint8_t)(w % 256u);
	}
	return o;
}

#else
/* Left out by TKT_NO_KEYFILES (tkt/config.h); ISO C wants a declaration
   in every translation unit. */
typedef int tkt_base64_left_out;
#endif
