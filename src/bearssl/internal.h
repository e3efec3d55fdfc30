/*
 * Private to src/bearssl: the transcript-hash accessors (engine_mhash.c,
 * the one file that touches a non-public engine field) and the record
 * loop shared by the server and client sides (conn.c).
 */
#ifndef TKT_BEARSSL_INTERNAL_H
#define TKT_BEARSSL_INTERNAL_H

#include "tkt/bearssl.h"

/* Make the engine's transcript hash the hash of the n parts, in order. */
void tkt_br_transcript_set(br_ssl_engine_context *eng, const tkt_bytes *parts,
	size_t n);
/* Append bytes to the engine's transcript hash. */
void tkt_br_transcript_append(br_ssl_engine_context *eng, const uint8_t *data,
	size_t len);

/* conn.c */
tkt_status tkt_br_conn_write_raw(tkt_br_conn *c, const uint8_t *buf, size_t len);
tkt_status tkt_br_conn_write_records(tkt_br_conn *c, uint8_t type,
	const uint8_t version[2], const uint8_t *payload, size_t len,
	size_t max_frag);
tkt_status tkt_br_conn_feed(tkt_br_conn *c, const uint8_t *data, size_t len);
tkt_status tkt_br_conn_feed_record(tkt_br_conn *c, uint8_t type,
	const uint8_t version[2], const uint8_t *payload, size_t len);
tkt_status tkt_br_conn_drain(tkt_br_conn *c);
tkt_status tkt_br_conn_sync(tkt_br_conn *c);
void tkt_br_conn_common_init(tkt_br_conn *c, const tkt_br_io *io);
size_t tkt_br_hs_len(const uint8_t hdr[4]);

/* server.c / client.c: record hooks */
tkt_status tkt_br_server_on_out(tkt_br_conn *c, const uint8_t *rec, size_t len);
tkt_status tkt_br_server_on_in(tkt_br_conn *c, const uint8_t *rec, size_t len);
tkt_status tkt_br_client_on_out(tkt_br_conn *c, const uint8_t *rec, size_t len);
tkt_status tkt_br_client_on_in(tkt_br_conn *c, const uint8_t *rec, size_t len);
tkt_status tkt_br_client_finish(tkt_br_conn *c);

#endif
