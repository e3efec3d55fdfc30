/*
 * Private: one parser and writer per text or header-carrying key-file
 * format, dispatched from keyfile.c. Same contracts as
 * tkt_keyfile_parse()/tkt_keyfile_write(), except that the parsers may
 * leave partial results on failure (the dispatcher erases them).
 */
#ifndef TKT_SEAL_KEYFILE_H
#define TKT_SEAL_KEYFILE_H

#include "tkt/seal.h"

/* Key from a byte layout: name at 0, AES and HMAC keys at the given
   offsets; windows "forever". */
void tkt_kf_from_layout(tkt_key *k, const uint8_t *b, tkt_suite suite,
	size_t aes_off, size_t aes_len, size_t hmac_off, size_t hmac_len);
void tkt_kf_to_layout(const tkt_key *k, uint8_t *b, size_t aes_off,
	size_t hmac_off);

tkt_status tkt_kf_haproxy_parse(const uint8_t *buf, size_t len,
	tkt_key *keys, size_t cap, size_t *count);
tkt_status tkt_kf_haproxy_write(const tkt_key *keys, size_t n, uint8_t *out,
	size_t cap, size_t *written);
tkt_status tkt_kf_lighttpd_parse(const uint8_t *buf, size_t len,
	tkt_key *keys, size_t cap, size_t *count);
tkt_status tkt_kf_lighttpd_write(const tkt_key *keys, size_t n, uint8_t *out,
	size_t cap, size_t *written);
tkt_status tkt_kf_tkt_parse(const uint8_t *buf, size_t len,
	tkt_key *keys, size_t cap, size_t *count);
tkt_status tkt_kf_tkt_write(const tkt_key *keys, size_t n, uint8_t *out,
	size_t cap, size_t *written);

#endif
