/*
 * examples/client_ticket.c -- the client side of RFC 5077 with tkt's
 * codec alone (no BearSSL, no heap): ask for a ticket, keep the one the
 * server sends in its NewSessionTicket, and present it in the next
 * ClientHello.
 *
 * Build (from the top of the tree; the codec needs nothing else):
 *   cc -std=c99 -Iinclude examples/client_ticket.c src/codec/\*.c
 *
 * tests/examples/run.sh builds and runs this file and checks that
 * README.md quotes the two functions between the README markers exactly.
 */
#include <stdio.h>
#include <string.h>

#include "tkt/codec.h"

/* README: client example begin */
/* What a client keeps between connections to one server. */
typedef struct stored_ticket {
	uint8_t ticket[2048];
	size_t len;                  /* 0: none yet */
	uint32_t lifetime_hint;
} stored_ticket;

/*
 * Turn the ClientHello `hello` (whole message, as the TLS stack built it)
 * into `out`: with the stored ticket in extension 35, or with an empty
 * extension 35 (asking for a ticket) when there is none.
 */
static tkt_status offer_ticket(const stored_ticket *t, const uint8_t *hello,
	size_t hello_len, uint8_t *out, size_t cap, size_t *out_len)
{
	return tkt_hello_set_ext35(hello, hello_len, t->ticket, t->len, out, cap,
		out_len);
}

/*
 * Take in the server's NewSessionTicket message (type 4, whole message).
 * An empty ticket keeps the one stored (a server that declined to renew,
 * RFC 5077 section 3.3); a ticket too large for the store is dropped.
 */
static tkt_status keep_ticket(stored_ticket *t, const uint8_t *msg, size_t len)
{
	tkt_nst nst;
	size_t at;
	tkt_status st = tkt_nst_decode_msg(msg, len, &nst, &at);

	if (st != TKT_OK)
		return st;                /* malformed: abort the handshake */
	if (nst.ticket.len == 0)
		return TKT_OK;
	if (nst.ticket.len > sizeof t->ticket)
		return TKT_ERR_RANGE;
	memcpy(t->ticket, nst.ticket.ptr, nst.ticket.len);
	t->len = nst.ticket.len;
	t->lifetime_hint = nst.lifetime_hint;
	return TKT_OK;
}
/* README: client example end */

/* ---- the rest plays the TLS stack and the server ---- */

static int fail(const char *what, tkt_status st)
{
	fprintf(stderr, "client_ticket: %s: %s (%s)\n", what, tkt_strerror((int)st),
		tkt_status_name((int)st));
	return 1;
}

/* The SessionTicket extension of a whole ClientHello message. */
static tkt_status ext35_of(const uint8_t *msg, size_t len, int *present,
	tkt_ext35 *ext)
{
	tkt_hs hs;
	tkt_client_hello ch;
	size_t at;
	tkt_status st = tkt_hs_decode(msg, len, &hs, &at);

	if (st == TKT_OK)
		st = tkt_client_hello_decode(hs.body.ptr, hs.body.len, &ch, &at);
	if (st != TKT_OK)
		return st;
	*present = ch.has_extensions && ch.exts.has_ext35;
	if (!*present)
		return TKT_OK;
	return tkt_ext35_decode(ch.exts.ext35.ptr, ch.exts.ext35.len, 0, ext, &at);
}

int main(void)
{
	/* The ClientHello a TLS 1.2 stack built, without extensions. */
	static const uint8_t random[TKT_RANDOM_LEN] = { 9, 8, 7 };
	static const uint8_t suites[] = { 0xc0, 0x2b, 0xc0, 0x2f };
	static const uint8_t null_compression[] = { 0 };
	static const uint8_t server_ticket[] = { 0xa1, 0xa2, 0xa3, 0xa4, 0xa5 };
	stored_ticket store;
	tkt_client_hello ch;
	tkt_nst nst;
	tkt_ext35 ext;
	uint8_t hello[256], offered[512], nst_msg[64], empty_nst[16];
	size_t body_len, hdr_len, hello_len, offered_len, nst_len, empty_len;
	int present;
	tkt_status st;

	memset(&store, 0, sizeof store);
	memset(&ch, 0, sizeof ch);
	ch.version = 0x0303;
	ch.random = random;
	ch.cipher_suites.ptr = suites;
	ch.cipher_suites.len = sizeof suites;
	ch.compression.ptr = null_compression;
	ch.compression.len = 1;
	st = tkt_client_hello_encode(&ch, hello + 4, sizeof hello - 4, &body_len);
	if (st == TKT_OK)
		st = tkt_hs_encode_header(TKT_HS_CLIENT_HELLO, body_len, hello, 4, &hdr_len);
	if (st != TKT_OK)
		return fail("build hello", st);
	hello_len = 4 + body_len;

	/* First connection: no ticket yet, ask for one (00 23 00 00). */
	st = offer_ticket(&store, hello, hello_len, offered, sizeof offered, &offered_len);
	if (st == TKT_OK)
		st = ext35_of(offered, offered_len, &present, &ext);
	if (st != TKT_OK || !present || ext.form != TKT_EXT35_EMPTY)
		return fail("first hello must carry an empty extension 35", st);
	printf("first ClientHello: %zu bytes, empty SessionTicket extension\n", offered_len);

	/* The server's NewSessionTicket: hint 7200 s and a 5-byte ticket. */
	nst.lifetime_hint = 7200;
	nst.ticket.ptr = server_ticket;
	nst.ticket.len = sizeof server_ticket;
	if ((st = tkt_nst_encode_msg(&nst, nst_msg, sizeof nst_msg, &nst_len)) != TKT_OK)
		return fail("server NewSessionTicket", st);
	if ((st = keep_ticket(&store, nst_msg, nst_len)) != TKT_OK)
		return fail("keep ticket", st);

	/* An empty NewSessionTicket later keeps the stored ticket. */
	nst.lifetime_hint = 0;
	nst.ticket.ptr = NULL;
	nst.ticket.len = 0;
	if ((st = tkt_nst_encode_msg(&nst, empty_nst, sizeof empty_nst, &empty_len)) != TKT_OK
		|| (st = keep_ticket(&store, empty_nst, empty_len)) != TKT_OK)
		return fail("empty NewSessionTicket", st);
	if (store.len != sizeof server_ticket)
		return fail("empty NewSessionTicket dropped the ticket", TKT_ERR_ARG);
	/* A truncated one is refused. */
	if (keep_ticket(&store, nst_msg, nst_len - 1) != TKT_ERR_TRUNCATED)
		return fail("truncated NewSessionTicket accepted", TKT_ERR_ARG);

	/* Next connection: the ticket goes back in extension 35. */
	st = offer_ticket(&store, hello, hello_len, offered, sizeof offered, &offered_len);
	if (st == TKT_OK)
		st = ext35_of(offered, offered_len, &present, &ext);
	if (st != TKT_OK || !present || ext.form != TKT_EXT35_TICKET
		|| ext.ticket.len != sizeof server_ticket
		|| memcmp(ext.ticket.ptr, server_ticket, sizeof server_ticket) != 0)
		return fail("second hello must carry the ticket", st);
	printf("second ClientHello: %zu bytes, ticket of %zu bytes (hint %lu s)\n",
		offered_len, ext.ticket.len, (unsigned long)store.lifetime_hint);
	return 0;
}
