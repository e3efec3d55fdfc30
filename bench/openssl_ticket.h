/*
 * bench/openssl_ticket.h -- the two OpenSSL 3 contenders of issue 7.
 *
 * openssl-libssl  What libssl 3.0 does for every ticket it issues or opens
 *                 (ssl/t1_lib.c tls_decrypt_ticket, ssl/statem/
 *                 statem_srvr.c construct_stateless_ticket): fetch the
 *                 HMAC and AES-CBC implementations, create fresh MAC and
 *                 cipher contexts, set both keys, MAC, decrypt into a
 *                 malloc'd buffer, free everything. libssl's layout:
 *                 name16 || iv16 || ciphertext || mac32 (no length field).
 *                 Not included (so the contender is, if anything, faster
 *                 than real libssl): the SSL_HMAC wrapper allocation and
 *                 the ASN.1 session encoding and decoding
 *                 (i2d/d2i_SSL_SESSION), which tkt's figures do include
 *                 as StatePlaintext encode/decode.
 * limit           The fastest OpenSSL does the same construction on this
 *                 machine: contexts keyed once and re-initialised per
 *                 ticket (HMAC pads precomputed, AES schedules kept),
 *                 output straight into the caller's buffer, AES-NI,
 *                 SHA-NI, VAES/PCLMUL as OpenSSL picks them; IVs from a
 *                 1 KiB RAND_bytes pool, like tkt's. Same byte
 *                 layout as tkt's suite, so it opens tkt's own tickets.
 */
#ifndef BENCH_OPENSSL_TICKET_H
#define BENCH_OPENSSL_TICKET_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

/* Results, shared by both contenders. */
#define OSSL_TICKET_OK 0
#define OSSL_TICKET_NOT_OURS 1
#define OSSL_TICKET_BAD_MAC 2
#define OSSL_TICKET_ERROR 3

typedef struct ossl_ticket_keys {
	uint8_t name[16];
	uint8_t aes[32];
	size_t aes_len;        /* 16: AES-128-CBC, 32: AES-256-CBC / -GCM */
	uint8_t hmac[32];      /* HMAC-SHA-256 key */
} ossl_ticket_keys;

/* ---- openssl-libssl: fresh contexts per ticket, AES-CBC + HMAC ---- */

/* Ticket length for a state of n bytes. */
size_t ossl_libssl_ticket_len(size_t n);

int ossl_libssl_seal(const ossl_ticket_keys *k, const uint8_t *state,
	size_t n, uint8_t *out, size_t cap, size_t *written);

/* If `check_out` is not NULL the plaintext is copied there (setup-time
   verification only; libssl hands it to d2i_SSL_SESSION). */
int ossl_libssl_open(const ossl_ticket_keys *k, const uint8_t *t,
	size_t len, uint8_t *check_out, size_t *check_len);

/* ---- limit: pre-keyed contexts, tkt's layout ---- */

typedef struct ossl_limit {
	int gcm;
	uint8_t name[16];
	EVP_CIPHER_CTX *enc;
	EVP_CIPHER_CTX *dec;
	EVP_MAC_CTX *hmac;     /* CBC only */
	/* IVs are drawn from RAND_bytes 1 KiB at a time, as tkt's generator
	   does (one RAND_bytes per ticket costs more than the sealing). */
	size_t iv_left;
	uint8_t iv_pool[1024];
} ossl_limit;

/* gcm = 0: AES-CBC (key length from k) + HMAC-SHA-256, tkt's rfc5077
   layout; gcm = 1: AES-256-GCM, tkt's aes256-gcm layout. 0 on success. */
int ossl_limit_init(ossl_limit *l, const ossl_ticket_keys *k, int gcm);
void ossl_limit_free(ossl_limit *l);

int ossl_limit_seal(ossl_limit *l, const uint8_t *state, size_t n,
	uint8_t *out, size_t cap, size_t *written);

/* Plaintext into buf[0..cap); *n its length. */
int ossl_limit_open(ossl_limit *l, const uint8_t *t, size_t len,
	uint8_t *buf, size_t cap, size_t *n);

#endif
