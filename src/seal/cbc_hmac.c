/*
 * The two RFC 5077 section 4 suites: AES-CBC (128 or 256) with PKCS#7
 * padding, then HMAC-SHA-256 over key_name || iv || length ||
 * encrypted_state (encrypt-then-MAC, so the padding is only examined
 * after the MAC has authenticated the ciphertext).
 */
#include <string.h>

#include "internal.h"

/* key_name[16] iv[16] length[2] */
#define CBC_HDR 34u

void tkt_cbc_seal(const tkt_ring_key *k, uint8_t *t, size_t n)
{
	uint8_t iv[16];
	br_hmac_context hc;

	/* run() overwrites its IV argument with the last ciphertext block. */
	memcpy(iv, t + 16, sizeof iv);
	k->cbcenc.vtable->run(&k->cbcenc.vtable, iv, t + CBC_HDR, n);
	br_hmac_init(&hc, &k->hmac, 0);
	br_hmac_update(&hc, t, CBC_HDR + n);
	(void)br_hmac_out(&hc, t + CBC_HDR + n);
	tkt_secure_zero(&hc, sizeof hc);
}

uint32_t tkt_cbc_mac_ok(const tkt_ring_key *k, const tkt_ticket *tv)
{
	br_hmac_context hc;
	uint8_t mac[32];
	uint32_t ok;

	br_hmac_init(&hc, &k->hmac, 0);
	br_hmac_update(&hc, tv->mac_input.ptr, tv->mac_input.len);
	(void)br_hmac_out(&hc, mac);
	ok = tkt_ct_eq(mac, tv->mac.ptr, sizeof mac);
	tkt_secure_zero(&hc, sizeof hc);
	tkt_secure_zero(mac, sizeof mac);
	return ok;
}

void tkt_cbc_decrypt(const tkt_ring_key *k, const tkt_ticket *tv,
	uint8_t *buf)
{
	uint8_t iv[16];

	memcpy(iv, tv->iv.ptr, sizeof iv);
	memcpy(buf, tv->encrypted_state.ptr, tv->encrypted_state.len);
	k->cbcdec.vtable->run(&k->cbcdec.vtable, iv, buf,
		tv->encrypted_state.len);
}
