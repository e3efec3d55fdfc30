/*
 * Private helpers of the seal layer (src/seal). Not installed.
 */
#ifndef TKT_SEAL_INTERNAL_H
#define TKT_SEAL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "tkt/seal.h"

/* 1 if a[0..n) == b[0..n), 0 otherwise; time depends on n only. */
uint32_t tkt_ct_eq(const uint8_t *a, const uint8_t *b, size_t n);

/* 1 if p[0..n) is all zero; time depends on n only. */
uint32_t tkt_ct_is_zero(const uint8_t *p, size_t n);

/*
 * PKCS#7 check of the last block of p[0..n) (n a positive multiple of
 * 16): returns the padding length 1..16 if valid, else 0. Time depends
 * on n only, not on the padding byte or the data.
 */
size_t tkt_ct_pkcs7(const uint8_t *p, size_t n);

/* a + b, saturated at UINT64_MAX. */
uint64_t tkt_add_sat(uint64_t a, uint64_t b);

/* Compute the schedules of slot `s` from s->key (already checked). */
void tkt_rk_schedule(tkt_ring_key *s);

/*
 * CBC+HMAC suites. Seal: t[0..tlen) is a ticket whose key_name, iv and
 * length field are set and whose encrypted_state area holds the padded
 * plaintext (n bytes at offset 34); encrypts it in place and writes the
 * MAC at the end. Open: HMAC check over mac_input.
 */
void tkt_cbc_seal(const tkt_ring_key *k, uint8_t *t, size_t n);
uint32_t tkt_cbc_mac_ok(const tkt_ring_key *k, const tkt_ticket *tv);
void tkt_cbc_decrypt(const tkt_ring_key *k, const tkt_ticket *tv, uint8_t *buf);

#ifndef TKT_NO_GCM
/* AES-256-GCM suite: same shape with a 12-byte nonce (offset 28, data at
   offset 30) and a 16-byte tag. */
void tkt_gcm_seal(const tkt_ring_key *k, uint8_t *t, size_t n);
uint32_t tkt_gcm_tag_ok(const tkt_ring_key *k, const tkt_ticket *tv);
void tkt_gcm_decrypt(const tkt_ring_key *k, const tkt_ticket *tv, uint8_t *buf);
#endif

#ifndef TKT_NO_KEYFILES
/* Base64 (RFC 4648, padded) for the haproxy format. */
size_t tkt_b64_encoded_len(size_t n);
void tkt_b64_encode(const uint8_t *in, size_t n, char *out);
/* Decode s[0..n) (n multiple of 4, canonical padding) into out (cap);
   returns the decoded length or (size_t)-1. */
size_t tkt_b64_decode(const char *s, size_t n, uint8_t *out, size_t cap);
#endif

#endif
