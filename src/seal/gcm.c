/*
 * AES-256-GCM with a 96-bit nonce, built from BearSSL's CTR and GHASH
 * primitives so that H is computed once per key (at tkt_ring_add) and
 * the tag is checked before a single byte is decrypted.
 *   J0 = nonce || 00000001; keystream from counter 2; tag =
 *   GHASH_H(A, C) xor E(K, J0), A = key_name || nonce || length (30 bytes).
 */
#include <string.h>

#include "internal.h"

#ifndef TKT_NO_GCM

/* key_name[16] nonce[12] length[2] */
#define GCM_HDR 30u

/* y = GHASH_H(aad[0..alen), c[0..clen)) xor E(K, J0). */
static void gcm_tag(const tkt_ring_key *k, const uint8_t *aad, size_t alen,
	const uint8_t *c, size_t clen, const uint8_t *nonce, uint8_t y[16])
{
	uint8_t lens[16];
	uint64_t abits = (uint64_t)alen * 8u;
	uint64_t cbits = (uint64_t)clen * 8u;
	int i;

	memset(y, 0, 16);
	/* BearSSL's GHASH pads a partial last block with zeros, as GCM
	   pads A and C. */
	k->ghash(y, k->gcm_h, aad, alen);
	k->ghash(y, k->gcm_h, c, clen);
	for (i = 7; i >= 0; i--) {
		lens[i] = (uint8_t)(abits % 256u);
		lens[8 + i] = (uint8_t)(cbits % 256u);
		abits /= 256u;
		cbits /= 256u;
	}
	k->ghash(y, k->gcm_h, lens, sizeof lens);
	(void)k->ctr.vtable->run(&k->ctr.vtable, nonce, 1, y, 16);
}

void tkt_gcm_seal(const tkt_ring_key *k, uint8_t *t, size_t n)
{
	(void)k->ctr.vtable->run(&k->ctr.vtable, t + 16, 2, t + GCM_HDR, n);
	gcm_tag(k, t, GCM_HDR, t + GCM_HDR, n, t + 16, t + GCM_HDR + n);
}

uint32_t tkt_gcm_tag_ok(const tkt_ring_key *k, const tkt_ticket *tv)
{
	uint8_t y[16];
	uint32_t ok;
	/* The associated data is mac_input without the ciphertext. */
	size_t alen = tv->mac_input.len - tv->encrypted_state.len;

	gcm_tag(k, tv->mac_input.ptr, alen, tv->encrypted_state.ptr,
		tv->encrypted_state.len, tv->iv.ptr, y);
	ok = tkt_ct_eq(y, tv->mac.ptr, sizeof y);
	tkt_secure_zero(y, sizeof y);
	return ok;
}

void tkt_gcm_decrypt(const tkt_ring_key *k, const tkt_ticket *tv,
	uint8_t *buf)
{
	memcpy(buf, tv->encrypted_state.ptr, tv->encrypted_state.len);
	(void)k->ctr.vtable->run(&k->ctr.vtable, tv->iv.ptr, 2, buf,
		tv->encrypted_state.len);
}

#else
/* Left out by TKT_NO_GCM (tkt/config.h); ISO C wants a declaration
   in every translation unit. */
typedef int tkt_gcm_left_out;
#endif
