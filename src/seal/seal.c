/*
 * tkt_seal(): StatePlaintext -> protected ticket, written in place in the
 * caller's buffer (no second copy of the plaintext anywhere).
 */
#include <string.h>

#include "internal.h"

static tkt_status seal_fail(uint8_t *out, size_t n, tkt_status st)
{
	tkt_secure_zero(out, n);
	return st;
}

tkt_status tkt_seal(const tkt_ring *r, tkt_drbg *rng, const tkt_state *st,
	uint64_t now, uint32_t session_lifetime, uint8_t *out, size_t cap,
	size_t *written, uint32_t *hint)
{
	const tkt_ring_key *k;
	tkt_suite suite;
	size_t slen, tlen, iv_len, mac_len, hdr, n, w = 0, at = 0;
	tkt_ticket tv;
	tkt_status s;
	long ki;
	uint64_t remaining;

	*written = 0;
	*hint = 0;
	ki = tkt_ring_encrypting(r, now);
	if (ki < 0)
		return TKT_ERR_KEY;
	k = &r->slots[(size_t)ki];
	suite = k->key.suite;
	slen = tkt_state_size(st);
#if defined(TKT_NO_CERT_IDENTITY) || defined(TKT_NO_STATE_EXTENSIONS)
	/* Tell a value this build cannot encode from an invalid one: the
	   encoder refuses before it looks at the buffer. */
	if (slen == 0 && tkt_state_encode(st, out, 0, &w) == TKT_ERR_UNSUPPORTED)
		return TKT_ERR_UNSUPPORTED;
#endif
	if (slen == 0)
		return TKT_ERR_ARG;
	tlen = tkt_suite_ticket_len(suite, slen);
	if (tlen == 0 || tlen > r->max_ticket)
		return TKT_ERR_RANGE;
	if (cap < tlen) {
		*written = tlen;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	iv_len = tkt_suite_iv_len(suite);
	mac_len = tkt_suite_mac_len(suite);
	hdr = TKT_KEY_NAME_LEN + iv_len + 2u;
	n = tlen - hdr - mac_len;

	memcpy(out, k->key.name, TKT_KEY_NAME_LEN);
	s = tkt_drbg_generate(rng, out + TKT_KEY_NAME_LEN, iv_len);
	if (s != TKT_OK)
		return seal_fail(out, tlen, TKT_ERR_RNG);
	out[hdr - 2u] = (uint8_t)(n / 256u);
	out[hdr - 1u] = (uint8_t)(n % 256u);
	s = tkt_state_encode(st, out + hdr, n, &w);
	if (s != TKT_OK || w != slen)
		return seal_fail(out, tlen, s != TKT_OK ? s : TKT_ERR_ARG);
#ifndef TKT_NO_GCM
	if (suite == TKT_SUITE_AES256_GCM) {
		tkt_gcm_seal(k, out, n);
	} else
#endif
	{
		/* PKCS#7: n - slen bytes (1..16), each holding that count. */
		memset(out + hdr + slen, (int)(n - slen), n - slen);
		tkt_cbc_seal(k, out, n);
	}
	/* The layout must be the codec's: decode what was just written. */
	if (tkt_ticket_decode(out, tlen, iv_len, mac_len, &tv, &at) != TKT_OK)
		return seal_fail(out, tlen, TKT_ERR_ARG);

	remaining = k->decrypt_end - now;
	if (remaining > session_lifetime)
		remaining = session_lifetime;
	if (remaining > TKT_MAX_HINT)
		remaining = TKT_MAX_HINT;
	*hint = (uint32_t)remaining;
	*written = tlen;
	return TKT_OK;
}
