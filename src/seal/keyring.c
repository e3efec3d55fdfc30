/*
 * The key ring: fixed slots owned by the caller. Writers (add, remove,
 * expire, clear) need exclusive access; readers (seal, open) only read,
 * so readers never race each other (tkt/seal.h states the contract).
 */
#include <string.h>

#include "internal.h"

tkt_status tkt_ring_init(tkt_ring *r, tkt_ring_key *slots, size_t cap)
{
	if (r == NULL || slots == NULL || cap == 0)
		return TKT_ERR_ARG;
	tkt_secure_zero(slots, cap * sizeof *slots);
	memset(r, 0, sizeof *r);
	r->slots = slots;
	r->cap = cap;
	r->max_ticket = 65535u;
	return TKT_OK;
}

tkt_status tkt_ring_set_max_ticket(tkt_ring *r, size_t max_ticket)
{
	if (max_ticket == 0 || max_ticket > 65535u)
		return TKT_ERR_ARG;
	r->max_ticket = max_ticket;
	return TKT_OK;
}

void tkt_rk_schedule(tkt_ring_key *s)
{
	const tkt_key *k = &s->key;
	const br_block_cbcenc_class *enc = br_aes_x86ni_cbcenc_get_vtable();
	const br_block_cbcdec_class *dec = br_aes_x86ni_cbcdec_get_vtable();
#ifndef TKT_NO_GCM
	const br_block_ctr_class *ctr = br_aes_x86ni_ctr_get_vtable();
	br_ghash gh = br_ghash_pclmul_get();
	static const uint8_t zero_iv[12] = { 0 };
#endif

	/* The x86ni getters return NULL without AES-NI: fall back to the
	   constant-time bitsliced code. */
	if (enc == NULL)
		enc = &br_aes_ct64_cbcenc_vtable;
	if (dec == NULL)
		dec = &br_aes_ct64_cbcdec_vtable;
#ifndef TKT_NO_GCM
	if (ctr == NULL)
		ctr = &br_aes_ct64_ctr_vtable;
	if (gh == 0)
		gh = &br_ghash_ctmul64;
#endif

	s->encrypt_end = tkt_add_sat(k->introduced, k->encrypt_for);
	s->decrypt_end = tkt_add_sat(s->encrypt_end, k->decrypt_for);
#ifndef TKT_NO_GCM
	/* No GCM key gets here in a build without GCM: tkt_key_check
	   refuses it before tkt_ring_add schedules. */
	if (k->suite == TKT_SUITE_AES256_GCM) {
		ctr->init(&s->ctr.vtable, k->aes, k->aes_len);
		/* H = E(K, 0^128): CTR with a zero IV and counter 0 encrypts
		   exactly the all-zero block, XORed into zeros. */
		memset(s->gcm_h, 0, sizeof s->gcm_h);
		(void)ctr->run(&s->ctr.vtable, zero_iv, 0, s->gcm_h,
			sizeof s->gcm_h);
		s->ghash = gh;
	} else
#endif
	{
		enc->init(&s->cbcenc.vtable, k->aes, k->aes_len);
		dec->init(&s->cbcdec.vtable, k->aes, k->aes_len);
		br_hmac_key_init(&s->hmac, &br_sha256_vtable, k->hmac,
			k->hmac_len);
	}
}

/* 1 if secret a[0..alen) equals b[0..blen). */
static int same_secret(const uint8_t *a, size_t alen, const uint8_t *b,
	size_t blen)
{
	return alen != 0 && alen == blen && tkt_ct_eq(a, b, alen) != 0;
}

static tkt_status refuse(tkt_ring *r, tkt_status st)
{
	r->refused.by_status[st]++;
	return st;
}

tkt_status tkt_ring_add(tkt_ring *r, const tkt_key *k)
{
	size_t i, free_slot = r->cap;
	tkt_status st = tkt_key_check(k);

	if (st != TKT_OK)
		return refuse(r, st);
	for (i = 0; i < r->cap; i++) {
		const tkt_key *o = &r->slots[i].key;
		if (!r->slots[i].used) {
			if (free_slot == r->cap)
				free_slot = i;
			continue;
		}
		if (memcmp(o->name, k->name, TKT_KEY_NAME_LEN) == 0)
			return refuse(r, TKT_ERR_KEY);
		/* Any secret shared with another key, in either role. */
		if (same_secret(o->aes, o->aes_len, k->aes, k->aes_len) ||
		    same_secret(o->hmac, o->hmac_len, k->hmac, k->hmac_len) ||
		    same_secret(o->aes, o->aes_len, k->hmac, k->hmac_len) ||
		    same_secret(o->hmac, o->hmac_len, k->aes, k->aes_len))
			return refuse(r, TKT_ERR_KEY);
	}
	if (free_slot == r->cap)
		return refuse(r, TKT_ERR_FULL);
	{
		tkt_ring_key *s = &r->slots[free_slot];
		tkt_secure_zero(s, sizeof *s);
		s->key = *k;
		tkt_rk_schedule(s);
		s->used = 1;
	}
	return TKT_OK;
}

static void erase_slot(tkt_ring_key *s)
{
	tkt_secure_zero(s, sizeof *s);
}

tkt_status tkt_ring_remove(tkt_ring *r, const uint8_t name[TKT_KEY_NAME_LEN])
{
	size_t i;

	for (i = 0; i < r->cap; i++) {
		if (r->slots[i].used &&
		    memcmp(r->slots[i].key.name, name, TKT_KEY_NAME_LEN) == 0) {
			erase_slot(&r->slots[i]);
			return TKT_OK;
		}
	}
	return TKT_ERR_NOT_OURS;
}

size_t tkt_ring_expire(tkt_ring *r, uint64_t now)
{
	size_t i, n = 0;

	for (i = 0; i < r->cap; i++) {
		if (r->slots[i].used && r->slots[i].decrypt_end <= now) {
			erase_slot(&r->slots[i]);
			n++;
		}
	}
	return n;
}

void tkt_ring_clear(tkt_ring *r)
{
	tkt_secure_zero(r->slots, r->cap * sizeof *r->slots);
}

size_t tkt_ring_count(const tkt_ring *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->cap; i++)
		n += r->slots[i].used ? 1u : 0u;
	return n;
}

tkt_status tkt_ring_info(const tkt_ring *r, size_t idx, tkt_key_info *out)
{
	size_t i, n = 0;

	for (i = 0; i < r->cap; i++) {
		const tkt_ring_key *s = &r->slots[i];
		if (!s->used)
			continue;
		if (n++ != idx)
			continue;
		memset(out, 0, sizeof *out);
		out->suite = s->key.suite;
		memcpy(out->name, s->key.name, TKT_KEY_NAME_LEN);
		out->hmac_len = s->key.hmac_len;
		out->introduced = s->key.introduced;
		out->encrypt_end = s->encrypt_end;
		out->decrypt_end = s->decrypt_end;
		tkt_key_fingerprint(&s->key, out->fingerprint);
		return TKT_OK;
	}
	return TKT_ERR_ARG;
}

long tkt_ring_encrypting(const tkt_ring *r, uint64_t now)
{
	size_t i;
	long best = -1;

	for (i = 0; i < r->cap; i++) {
		const tkt_ring_key *s = &r->slots[i];
		if (!s->used || now < s->key.introduced || now >= s->encrypt_end)
			continue;
		if (best < 0 ||
		    s->key.introduced > r->slots[(size_t)best].key.introduced)
			best = (long)i;
	}
	return best;
}
