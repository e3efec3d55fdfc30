/*
 * examples/server_resume.c -- the server side of RFC 5077 with tkt:
 * ClientHello bytes in, ticket found in extension 35 and opened, session
 * state out.
 *
 * Build (from the top of the tree, after `make`):
 *   cc -std=c99 -Iinclude examples/server_resume.c build/libtkt.a -lbearssl
 *
 * A real server gets the ClientHello from the network and its keys from a
 * key file (tkt_keyfile_parse); to stay self-contained, main() below makes
 * a key, seals a session into a ticket and builds the ClientHello a
 * returning client would send. tests/examples/run.sh builds and runs this
 * file, and checks that README.md quotes resume_from_client_hello()
 * exactly as it is here.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tkt/codec.h"
#include "tkt/seal.h"

/* README: server example begin */
/*
 * Find the ticket in a whole ClientHello handshake message (4-byte header
 * and body) and open it with the keys of `ring`. On TKT_OK (or
 * TKT_OK_RENEW: resume, then issue a new ticket) `*state` describes the
 * session to resume; its pointers, master secret included, point into
 * `buf`, which the caller erases when done. TKT_EMPTY means there is no
 * ticket to open (a full handshake follows); any other status is a
 * refusal, also answered with a full handshake.
 */
static tkt_status resume_from_client_hello(const tkt_ring *ring, uint64_t now,
	const uint8_t *msg, size_t len, uint8_t *buf, size_t cap,
	tkt_state *state)
{
	static const uint16_t tls12_only[] = { 0x0303 };
	tkt_policy policy = { 0 };
	tkt_hs hs;
	tkt_client_hello hello;
	tkt_ext35 ext;
	size_t at;   /* where decoding stopped, for logs */
	tkt_status st;

	st = tkt_hs_decode(msg, len, &hs, &at);
	if (st != TKT_OK)
		return st;
	if (hs.type != TKT_HS_CLIENT_HELLO)
		return TKT_ERR_BAD_TYPE;
	st = tkt_client_hello_decode(hs.body.ptr, hs.body.len, &hello, &at);
	if (st != TKT_OK)
		return st;
	if (!hello.has_extensions || !hello.exts.has_ext35)
		return TKT_EMPTY;               /* the client does not do tickets */
	st = tkt_ext35_decode(hello.exts.ext35.ptr, hello.exts.ext35.len,
		TKT_EXT35_ALLOW_RFC4507_EMPTY, &ext, &at);
	if (st != TKT_OK)
		return st;
	if (ext.form != TKT_EXT35_TICKET)
		return TKT_EMPTY;               /* it asks for a ticket: issue one */

	policy.lifetime = 12 * 3600;        /* sessions live 12 hours */
	policy.max_skew = 60;
	policy.versions = tls12_only;
	policy.n_versions = 1;
	return tkt_open(ring, &policy, now, ext.ticket.ptr, ext.ticket.len,
		buf, cap, state, NULL, NULL);
}
/* README: server example end */

/* ---- the rest makes the inputs a real server would receive ---- */

static int fail(const char *what, tkt_status st)
{
	fprintf(stderr, "server_resume: %s: %s (%s)\n", what, tkt_strerror((int)st),
		tkt_status_name((int)st));
	return 1;
}

/* A minimal TLS 1.2 ClientHello without extensions, header included. */
static tkt_status plain_client_hello(uint8_t *out, size_t cap, size_t *len)
{
	static const uint8_t random[TKT_RANDOM_LEN] = { 1, 2, 3, 4 };
	static const uint8_t suites[] = { 0xc0, 0x2f, 0xc0, 0x2b };
	static const uint8_t null_compression[] = { 0 };
	tkt_client_hello ch;
	size_t body_len, hdr_len;
	tkt_status st;

	memset(&ch, 0, sizeof ch);
	ch.version = 0x0303;
	ch.random = random;
	ch.cipher_suites.ptr = suites;
	ch.cipher_suites.len = sizeof suites;
	ch.compression.ptr = null_compression;
	ch.compression.len = 1;
	if (cap < TKT_HS_HEADER_LEN)
		return TKT_ERR_BUFFER_TOO_SMALL;
	st = tkt_client_hello_encode(&ch, out + TKT_HS_HEADER_LEN,
		cap - TKT_HS_HEADER_LEN, &body_len);
	if (st != TKT_OK)
		return st;
	st = tkt_hs_encode_header(TKT_HS_CLIENT_HELLO, body_len, out, cap, &hdr_len);
	*len = hdr_len + body_len;
	return st;
}

int main(void)
{
	static const uint8_t master_secret[TKT_MASTER_SECRET_LEN] = { 0x42 };
	const uint64_t now = (uint64_t)time(NULL);
	tkt_drbg rng;
	tkt_key key;
	tkt_ring_key slots[2];
	tkt_ring ring;
	tkt_state session, resumed;
	uint8_t ticket[512], plain[512], hello[1024], state_buf[512];
	size_t ticket_len, plain_len, hello_len;
	uint32_t hint;
	tkt_status st;

	/* Keys: one fresh AES-256-GCM key in a two-slot ring. */
	if ((st = tkt_drbg_init(&rng)) != TKT_OK)
		return fail("drbg", st);
	if ((st = tkt_key_generate(&key, TKT_SUITE_AES256_GCM, now, &rng)) != TKT_OK)
		return fail("key", st);
	if ((st = tkt_ring_init(&ring, slots, 2)) != TKT_OK
		|| (st = tkt_ring_add(&ring, &key)) != TKT_OK)
		return fail("ring", st);
	tkt_key_clear(&key);

	/* The ticket issued at the end of an earlier full handshake. */
	memset(&session, 0, sizeof session);
	session.version = 0x0303;
	session.cipher_suite = 0xc02f;
	session.master_secret = master_secret;
	session.identity = TKT_IDENTITY_ANONYMOUS;
	session.timestamp = (uint32_t)now;
	session.extended_ms = 1;
	st = tkt_seal(&ring, &rng, &session, now, 12 * 3600, ticket, sizeof ticket,
		&ticket_len, &hint);
	if (st != TKT_OK)
		return fail("seal", st);

	/* The returning client's ClientHello: the ticket in extension 35. */
	if ((st = plain_client_hello(plain, sizeof plain, &plain_len)) != TKT_OK)
		return fail("client hello", st);
	st = tkt_hello_set_ext35(plain, plain_len, ticket, ticket_len, hello,
		sizeof hello, &hello_len);
	if (st != TKT_OK)
		return fail("add ticket", st);

	/* The server side. */
	st = resume_from_client_hello(&ring, now + 5, hello, hello_len, state_buf,
		sizeof state_buf, &resumed);
	if (st != TKT_OK && st != TKT_OK_RENEW)
		return fail("resume", st);
	if (resumed.cipher_suite != session.cipher_suite
		|| memcmp(resumed.master_secret, master_secret, TKT_MASTER_SECRET_LEN) != 0
		|| resumed.extended_ms != 1 || resumed.timestamp != session.timestamp)
		return fail("resumed session differs", TKT_ERR_MALFORMED);
	printf("resumed: version 0x%04x, suite 0x%04x, extended master secret %s, "
		"ticket %zu bytes, lifetime hint %lu s\n", resumed.version,
		resumed.cipher_suite, resumed.extended_ms ? "yes" : "no", ticket_len,
		(unsigned long)hint);

	/* A tampered ticket is refused, and the server falls back. */
	hello[hello_len - 1] ^= 1;
	st = resume_from_client_hello(&ring, now + 5, hello, hello_len, state_buf,
		sizeof state_buf, &resumed);
	if (st != TKT_ERR_BAD_MAC)
		return fail("tampered ticket not refused as BAD_MAC", st);
	printf("tampered ticket: %s\n", tkt_status_name((int)st));
	/* ... and one that does not reach extension 35 is a codec error. */
	st = resume_from_client_hello(&ring, now, hello, 40, state_buf,
		sizeof state_buf, &resumed);
	if (st != TKT_ERR_TRUNCATED)
		return fail("truncated hello not refused", st);
	printf("truncated hello: %s\n", tkt_status_name((int)st));

	tkt_secure_zero(state_buf, sizeof state_buf);
	tkt_ring_clear(&ring);
	tkt_drbg_clear(&rng);
	return 0;
}
