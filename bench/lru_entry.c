/*
 * Server memory per remembered client with BearSSL's session-ID cache,
 * measured rather than quoted: fill a br_ssl_session_cache_lru of a given
 * size (the 64 KiB `tkt server` gives it) with far more sessions than it
 * can hold, count how many it still answers for, divide. With tickets the
 * server remembers nothing per client, so the figure there is 0.
 */
#include <stdio.h>
#include <string.h>

#include <bearssl.h>

#include "bench.h"

#define LRU_STORE (64u * 1024u)
#define LRU_SESSIONS 4000u

int bench_lru_entry(size_t *store_len, size_t *entries)
{
	static unsigned char store[LRU_STORE];
	static br_ssl_server_context sc;
	br_ssl_session_cache_lru lru;
	const br_ssl_session_cache_class **cache = &lru.vtable;
	br_ssl_session_parameters p;
	unsigned char seed[32];
	size_t i, hits = 0;

	/* The LRU draws its index key from the server's DRBG on its first
	   save: give it one, seeded with a constant (nothing secret here). */
	memset(&sc, 0, sizeof sc);
	memset(seed, 0x42, sizeof seed);
	br_hmac_drbg_init(&sc.eng.rng, &br_sha256_vtable, seed, sizeof seed);
	br_ssl_session_cache_lru_init(&lru, store, sizeof store);
	for (i = 0; i < LRU_SESSIONS; i++) {
		memset(&p, 0, sizeof p);
		p.session_id[0] = (unsigned char)(i >> 8);
		p.session_id[1] = (unsigned char)i;
		p.session_id_len = 32;
		p.version = BR_TLS12;
		p.cipher_suite = BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
		memset(p.master_secret, (int)(i & 0xFF), sizeof p.master_secret);
		(*cache)->save(cache, &sc, &p);
	}
	for (i = 0; i < LRU_SESSIONS; i++) {
		memset(&p, 0, sizeof p);
		p.session_id[0] = (unsigned char)(i >> 8);
		p.session_id[1] = (unsigned char)i;
		p.session_id_len = 32;
		if ((*cache)->load(cache, &sc, &p))
			hits++;
	}
	*store_len = sizeof store;
	*entries = hits;
	return hits == 0 || hits == LRU_SESSIONS ? -1 : 0;
}
