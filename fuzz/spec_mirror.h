/*
 * fuzz/spec_mirror.h -- an executable mirror of the acceptance predicates
 * of tkt's wire formats (spec/logic/, include/tkt/codec.h), used by the
 * harnesses as an oracle: the decoder must accept exactly the inputs the
 * mirror accepts and report the same fields.
 *
 * Written from the specification alone, without reading src/codec, in a
 * deliberately different style (a bounds-checked reader with a sticky
 * failure flag instead of explicit offset arithmetic), so that one shared
 * misreading of the format is unlikely. Simplicity beats speed here.
 *
 * Every function returns 1 if the `n` bytes at `b` are a well-formed,
 * canonical encoding of the structure, else 0. The output parameters are
 * meaningful only on 1; spans are offsets into `b`.
 */
#ifndef TKT_FUZZ_SPEC_MIRROR_H
#define TKT_FUZZ_SPEC_MIRROR_H

#include <stddef.h>
#include <stdint.h>

typedef struct sm_span {
	size_t off;
	size_t len;
} sm_span;

/* Handshake message: msg_type, uint24 length, exactly that many bytes. */
int sm_hs(const uint8_t *b, size_t n, unsigned *type, sm_span *body);

/* SessionTicket extension body, at most 65535 bytes (extension_data<>).
 * form: 0 empty, 1 ticket, 2 RFC 4507 empty (tkt_ext35_form's values). */
int sm_ext35(const uint8_t *b, size_t n, uint32_t flags, int *form,
	sm_span *ticket);
int sm_ext35_rfc4507(const uint8_t *b, size_t n, int *form, sm_span *ticket);

typedef struct sm_exts {
	sm_span list;      /* after the 2-byte length */
	size_t count;
	int has35;
	size_t idx35;      /* position among the extensions */
	size_t off35;      /* header offset relative to list.off */
	sm_span data35;    /* absolute in b */
} sm_exts_view;

/* Extensions block with its uint16 length; one ext 35 at most. */
int sm_exts(const uint8_t *b, size_t n, sm_exts_view *x);

typedef struct sm_hello {
	unsigned version;
	size_t random_off;
	sm_span session_id;
	sm_span suites;        /* ClientHello */
	sm_span compression;   /* ClientHello */
	unsigned suite;        /* ServerHello */
	unsigned comp;         /* ServerHello */
	int has_exts;
	size_t exts_off;       /* where the block (its length) starts */
	sm_exts_view exts;          /* offsets relative to exts_off */
} sm_hello;

int sm_client_hello(const uint8_t *b, size_t n, sm_hello *h);
int sm_server_hello(const uint8_t *b, size_t n, sm_hello *h);

/* NewSessionTicket body, and the whole message (header type 4). */
int sm_nst(const uint8_t *b, size_t n, uint32_t *hint, sm_span *ticket);
int sm_nst_msg(const uint8_t *b, size_t n, uint32_t *hint, sm_span *ticket);

/* Protected ticket, key_name[16] iv[iv_len] state<0..2^16-1> mac[mac_len],
 * at most 65535 bytes in all; iv_len 1..32 and mac_len 1..64. */
int sm_ticket(const uint8_t *b, size_t n, size_t iv_len, size_t mac_len,
	sm_span *iv, sm_span *state, sm_span *mac);

typedef struct sm_state {
	unsigned version;
	unsigned suite;
	unsigned comp;
	size_t ms_off;
	unsigned identity;
	sm_span certs;         /* certificate_list contents */
	size_t cert_count;
	sm_span psk;
	uint32_t timestamp;
	int has_block;
	int ems;
	sm_span server_name;   /* len 0 = absent */
	sm_span alpn;          /* len 0 = absent */
} sm_state_view;

int sm_state(const uint8_t *b, size_t n, sm_state_view *s);

/* A certificate_list's contents: non-empty uint24-prefixed entries filling
 * the n bytes exactly. *count receives the number of entries. */
int sm_certs(const uint8_t *b, size_t n, size_t *count);

#endif
