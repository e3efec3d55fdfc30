/*
 * tkt_open(): the checks run from the cheapest to the most expensive,
 * and nothing secret decides a branch before the MAC has authenticated
 * the ticket (key_name lookup and MAC compare are constant time).
 */
#include <string.h>

#include "internal.h"

/* Shortest StatePlaintext: version, suite, compression, master secret,
   anonymous identity, timestamp. */
#define STATE_MIN_LEN (2u + 2u + 1u + 48u + 1u + 4u)

/* Mask of all ones if a < b, else zero (public values, no branch). */
static size_t lt_mask(uint64_t a, uint64_t b)
{
	return (size_t)0 - (size_t)(a < b);
}

static int in_list(const uint16_t *list, size_t n, uint16_t v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == v)
			return 1;
	return 0;
}

static tkt_status open_inner(const tkt_ring *r, const tkt_policy *pol,
	uint64_t now, const uint8_t *ticket, size_t len, uint8_t *buf,
	size_t cap, tkt_state *out, tkt_open_info *info)
{
	size_t i, min_len = SIZE_MAX, idx = 0, found = 0, n, plen, at = 0;
	const tkt_ring_key *k;
	tkt_ticket tv;
	tkt_state sv;
	uint64_t life, end, remaining;
	int decrypt_only;

	/* 1. Length bounds, from the suites present in the ring. */
	if (len == 0)
		return TKT_EMPTY;
	for (i = 0; i < r->cap; i++) {
		size_t m;
		if (!r->slots[i].used)
			continue;
		m = tkt_suite_ticket_len(r->slots[i].key.suite, STATE_MIN_LEN);
		if (m < min_len)
			min_len = m;
	}
	if (min_len == SIZE_MAX)
		return TKT_ERR_NOT_OURS;
	if (len < min_len || len > r->max_ticket)
		return TKT_ERR_MALFORMED;

	/* 2. key_name, the first 16 bytes of every suite's layout: every
	   slot is compared, the match is selected with masks. */
	for (i = 0; i < r->cap; i++) {
		const tkt_ring_key *s = &r->slots[i];
		size_t hit = (size_t)0 - (size_t)tkt_ct_eq(s->key.name, ticket,
			TKT_KEY_NAME_LEN);
		hit &= (size_t)0 - (size_t)(s->used != 0);
		hit &= ~lt_mask(now, s->key.introduced);
		hit &= lt_mask(now, s->decrypt_end);
		/* Names are unique in a ring: at most one hit. */
		idx |= i & hit;
		found |= hit;
	}
	if (found == 0)
		return TKT_ERR_NOT_OURS;
	k = &r->slots[idx];

	/* 3. The suite's layout, through the codec. */
	if (tkt_ticket_decode(ticket, len, tkt_suite_iv_len(k->key.suite),
		tkt_suite_mac_len(k->key.suite), &tv, &at) != TKT_OK)
		return TKT_ERR_MALFORMED;
	n = tv.encrypted_state.len;
#ifdef TKT_NO_GCM
	if (n == 0 || n % 16u != 0)
#else
	if (k->key.suite != TKT_SUITE_AES256_GCM && (n == 0 || n % 16u != 0))
#endif
		return TKT_ERR_MALFORMED;
	if (n < STATE_MIN_LEN)
		return TKT_ERR_MALFORMED;
	if (cap < n)
		return TKT_ERR_BUFFER_TOO_SMALL;

	/* 4. Authenticity, 5. decryption, 6. padding. */
#ifndef TKT_NO_GCM
	if (k->key.suite == TKT_SUITE_AES256_GCM) {
		if (!tkt_gcm_tag_ok(k, &tv))
			return TKT_ERR_BAD_MAC;
		tkt_gcm_decrypt(k, &tv, buf);
		plen = n;
	} else
#endif
	{
		size_t pad;
		if (!tkt_cbc_mac_ok(k, &tv))
			return TKT_ERR_BAD_MAC;
		tkt_cbc_decrypt(k, &tv, buf);
		pad = tkt_ct_pkcs7(buf, n);
		if (pad == 0) {
			tkt_secure_zero(buf, n);
			return TKT_ERR_MALFORMED;
		}
		plen = n - pad;
	}

	/* 7. Strict StatePlaintext. */
	{
		/* A build without a part of the format (tkt/config.h) says
		   so: authentic and well framed is not malformed. */
		tkt_status ds = tkt_state_decode(buf, plen, &sv, &at);
		if (ds != TKT_OK) {
			tkt_secure_zero(buf, n);
			return ds == TKT_ERR_UNSUPPORTED ? ds : TKT_ERR_MALFORMED;
		}
	}

	/* 8. Time, then policy. */
	life = pol != NULL && pol->lifetime != 0 ? pol->lifetime : TKT_MAX_HINT;
	end = (uint64_t)sv.timestamp + life;
	if ((uint64_t)sv.timestamp > tkt_add_sat(now,
		pol != NULL ? pol->max_skew : 0u) || now >= end) {
		tkt_secure_zero(buf, n);
		return TKT_ERR_EXPIRED;
	}
	if (pol != NULL &&
	    ((pol->versions != NULL &&
	      !in_list(pol->versions, pol->n_versions, sv.version)) ||
	     (pol->suites != NULL &&
	      !in_list(pol->suites, pol->n_suites, sv.cipher_suite)))) {
		tkt_secure_zero(buf, n);
		return TKT_ERR_POLICY;
	}
	remaining = end - now;
	decrypt_only = now >= k->encrypt_end;

	*out = sv;
	if (info != NULL) {
		info->suite = k->key.suite;
		memcpy(info->key_name, k->key.name, TKT_KEY_NAME_LEN);
		info->decrypt_only = decrypt_only;
		info->remaining = remaining > UINT32_MAX ? UINT32_MAX
			: (uint32_t)remaining;
	}
	/* renew before the ticket or its key runs out, not after */
	if (decrypt_only || (pol != NULL &&
	    (remaining < (uint64_t)pol->renew_within ||
	     k->decrypt_end - now < (uint64_t)pol->renew_within)))
		return TKT_OK_RENEW;
	return TKT_OK;
}

tkt_status tkt_open(const tkt_ring *r, const tkt_policy *policy,
	uint64_t now, const uint8_t *ticket, size_t len, uint8_t *buf,
	size_t cap, tkt_state *out, tkt_open_info *info, tkt_seal_stats *stats)
{
	tkt_status st = open_inner(r, policy, now, ticket, len, buf, cap, out,
		info);

	if (stats != NULL && (unsigned)st < (unsigned)TKT_STATUS_COUNT)
		stats->by_status[st]++;
	return st;
}
