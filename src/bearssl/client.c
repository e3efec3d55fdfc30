/*
 * Client side: ask for a ticket (or present one) in the ClientHello,
 * take extension 35 out of the ServerHello and the NewSessionTicket out
 * of the stream, since BearSSL's client rejects both, and keep the
 * transcript hash equal to what was on the wire.
 */
#include <string.h>

#include "internal.h"

tkt_status tkt_br_client_start(tkt_br_conn *c, br_ssl_client_context *cc,
	tkt_br_client_session *sess, const char *server_name,
	const tkt_br_io *io)
{
	int resume = 0;

	if (c == NULL || cc == NULL || io == NULL || io->read == NULL
		|| io->write == NULL
		|| (sess != NULL && sess->ticket_len > TKT_BR_TICKET_MAX))
	{
		return TKT_ERR_ARG;
	}
	tkt_br_conn_common_init(c, io);
	c->eng = &cc->eng;
	c->cc = cc;
	c->sess = sess;
	c->max_frag = 16384;
	br_ssl_engine_add_flags(&cc->eng, BR_OPT_NO_RENEGOTIATION);
	if (sess != NULL && sess->ticket_len > 0) {
		br_ssl_session_parameters p = sess->params;
		br_sha256_context h;

		/* The ID a server that accepts the ticket echoes back; the
		   SHA-256 of the ticket, as OpenSSL does. */
		br_sha256_init(&h);
		br_sha256_update(&h, sess->ticket, sess->ticket_len);
		br_sha256_out(&h, p.session_id);
		p.session_id_len = (sess->sid_len == 0 || sess->sid_len > 32)
			? 32u : sess->sid_len;
		memcpy(c->client_sid, p.session_id, p.session_id_len);
		c->client_sid_len = p.session_id_len;
		br_ssl_engine_set_session_parameters(&cc->eng, &p);
		memset(&p, 0, sizeof p);
		c->offered_sid = 1;
		c->res.ticket_presented = 1;
		resume = 1;
	} else {
		br_ssl_client_forget_session(cc);
	}
	c->res.ticket_offered = 1;
	if (!br_ssl_client_reset(cc, server_name, resume)) {
		c->res.br_err = br_ssl_engine_last_error(&cc->eng);
		return TKT_ERR_TLS;
	}
	return TKT_OK;
}

/* ------------------------------------------------------------- outgoing */

tkt_status tkt_br_client_on_out(tkt_br_conn *c, const uint8_t *rec, size_t len)
{
	const uint8_t *p = rec + 5;
	size_t plen = len - 5u, chlen, w;
	const uint8_t *data = NULL;
	size_t dlen = 0;
	tkt_bytes parts[2];
	tkt_status st;

	if (c->hello_state != 0 || rec[0] != 22) {
		return tkt_br_conn_write_raw(c, rec, len);
	}
	c->hello_state = 1;
	if (plen < 4 || p[0] != TKT_HS_CLIENT_HELLO
		|| (chlen = 4u + tkt_br_hs_len(p)) > plen)
	{
		c->hello_state = 2;
		c->res.ticket_offered = 0;
		return tkt_br_conn_write_raw(c, rec, len);
	}
	if (c->sess != NULL && c->sess->ticket_len > 0) {
		data = c->sess->ticket;
		dlen = c->sess->ticket_len;
	}
	if (tkt_hello_set_ext35(p, chlen, data, dlen, c->hello, sizeof c->hello,
		&w) != TKT_OK)
	{
		c->hello_state = 2;
		c->res.ticket_offered = 0;
		return tkt_br_conn_write_raw(c, rec, len);
	}
	c->hello_len = w;
	parts[0].ptr = c->hello;
	parts[0].len = w;
	parts[1].ptr = p + chlen;
	parts[1].len = plen - chlen;
	tkt_br_transcript_set(c->eng, parts, 2);
	st = tkt_br_conn_write_records(c, 22, rec + 1, c->hello, w, 16384);
	if (st == TKT_OK && plen > chlen) {
		st = tkt_br_conn_write_records(c, 22, rec + 1, p + chlen,
			plen - chlen, 16384);
	}
	return st;
}

/* ------------------------------------------------------------- incoming */

static tkt_status on_server_hello(tkt_br_conn *c, const uint8_t version[2])
{
	tkt_server_hello sh;
	size_t at, w;
	tkt_bytes parts[2];
	tkt_status st;

	c->sh_seen = 1;
	if (tkt_server_hello_decode(c->msg + 4, c->msg_len - 4u, &sh, &at)
		!= TKT_OK)
	{
		/* Not ours to judge: the engine rejects it. */
		return tkt_br_conn_feed_record(c, 22, version, c->msg, c->msg_len);
	}
	c->resumed = c->offered_sid && sh.session_id.len == c->client_sid_len
		&& memcmp(sh.session_id.ptr, c->client_sid, c->client_sid_len) == 0;
	if (!sh.has_extensions || !sh.exts.has_ext35) {
		return tkt_br_conn_feed_record(c, 22, version, c->msg, c->msg_len);
	}
	if (sh.exts.ext35.len != 0) {
		/* A server's extension 35 is always empty (RFC 5077 3.2). */
		return TKT_ERR_NONCANONICAL;
	}
	c->nst_announced = 1;
	st = tkt_hello_remove_ext35(c->msg, c->msg_len, c->tmp, sizeof c->tmp, &w);
	if (st != TKT_OK) {
		return st;
	}
	st = tkt_br_conn_feed_record(c, 22, version, c->tmp, w);
	if (st == TKT_OK) {
		st = tkt_br_conn_sync(c);
	}
	if (st != TKT_OK) {
		return st;
	}
	/* The engine hashed the stripped ServerHello; the peer's Finished
	   covers the one it sent. */
	parts[0].ptr = c->hello;
	parts[0].len = c->hello_len;
	parts[1].ptr = c->msg;
	parts[1].len = c->msg_len;
	tkt_br_transcript_set(c->eng, parts, 2);
	return TKT_OK;
}

static tkt_status on_nst(tkt_br_conn *c)
{
	tkt_nst nst;
	size_t at;
	tkt_status st;

	c->nst_seen = 1;
	if (c->msg_overflow) {
		/* Too large to keep: no ticket, the handshake goes on. */
		return TKT_OK;
	}
	st = tkt_nst_decode_msg(c->msg, c->msg_len, &nst, &at);
	if (st != TKT_OK) {
		return st;
	}
	c->res.lifetime_hint = nst.lifetime_hint;
	c->res.ticket_len = nst.ticket.len;
	if (nst.ticket.len == 0) {
		c->got_empty_nst = 1;
		return TKT_OK;
	}
	if (nst.ticket.len > sizeof c->new_ticket) {
		/* Too large to keep, like an overflowing message. */
		return TKT_OK;
	}
	memcpy(c->new_ticket, nst.ticket.ptr, nst.ticket.len);
	c->new_ticket_len = nst.ticket.len;
	c->got_ticket = 1;
	return TKT_OK;
}

static tkt_status hs_stream(tkt_br_conn *c, const uint8_t version[2],
	const uint8_t *p, size_t n)
{
	tkt_status st;

	while (n > 0) {
		size_t k;

		if (c->hs_hdr_have < 4) {
			k = 4u - c->hs_hdr_have;
			if (k > n) {
				k = n;
			}
			memcpy(c->hs_hdr + c->hs_hdr_have, p, k);
			c->hs_hdr_have += k;
			p += k;
			n -= k;
			if (c->hs_hdr_have < 4) {
				return TKT_OK;
			}
			c->hs_type = c->hs_hdr[0];
			c->hs_left = tkt_br_hs_len(c->hs_hdr);
			c->msg_overflow = 0;
			if (c->hs_type == TKT_HS_SERVER_HELLO && !c->sh_seen) {
				if (c->hs_left > sizeof c->msg - 4u) {
					return TKT_ERR_FULL;
				}
				memcpy(c->msg, c->hs_hdr, 4);
				c->msg_len = 4;
			} else if (c->hs_type == TKT_HS_NEW_SESSION_TICKET) {
				if (!c->nst_announced || c->nst_seen) {
					return TKT_ERR_BAD_TYPE;
				}
				/* Everything before it must be in the
				   transcript first. */
				st = tkt_br_conn_sync(c);
				if (st != TKT_OK) {
					return st;
				}
				tkt_br_transcript_append(c->eng, c->hs_hdr, 4);
				memcpy(c->msg, c->hs_hdr, 4);
				c->msg_len = 4;
				c->msg_overflow = c->hs_left > sizeof c->msg - 4u;
			} else {
				c->hs_type = 0xFF;   /* passed through */
				st = tkt_br_conn_feed_record(c, 22, version,
					c->hs_hdr, 4);
				if (st != TKT_OK) {
					return st;
				}
			}
		} else {
			k = c->hs_left < n ? c->hs_left : n;
			if (c->hs_type == TKT_HS_SERVER_HELLO) {
				memcpy(c->msg + c->msg_len, p, k);
				c->msg_len += k;
			} else if (c->hs_type == TKT_HS_NEW_SESSION_TICKET) {
				tkt_br_transcript_append(c->eng, p, k);
				if (!c->msg_overflow) {
					memcpy(c->msg + c->msg_len, p, k);
					c->msg_len += k;
				}
			} else {
				st = tkt_br_conn_feed_record(c, 22, version, p, k);
				if (st != TKT_OK) {
					return st;
				}
			}
			c->hs_left -= k;
			p += k;
			n -= k;
		}
		if (c->hs_hdr_have == 4 && c->hs_left == 0) {
			c->hs_hdr_have = 0;
			if (c->hs_type == TKT_HS_SERVER_HELLO) {
				st = on_server_hello(c, version);
			} else if (c->hs_type == TKT_HS_NEW_SESSION_TICKET) {
				st = on_nst(c);
			} else {
				st = TKT_OK;
			}
			if (st != TKT_OK) {
				return st;
			}
		}
	}
	return TKT_OK;
}

tkt_status tkt_br_client_on_in(tkt_br_conn *c, const uint8_t *rec, size_t len)
{
	if (c->ccs_seen || c->hello_state != 1) {
		return tkt_br_conn_feed(c, rec, len);
	}
	if (rec[0] == 20) {
		c->ccs_seen = 1;
		if (c->nst_announced && !c->nst_seen) {
			return TKT_ERR_BAD_TYPE;
		}
		return tkt_br_conn_feed(c, rec, len);
	}
	if (rec[0] == 22) {
		return hs_stream(c, rec + 1, rec + 5, len - 5u);
	}
	return tkt_br_conn_feed(c, rec, len);
}

tkt_status tkt_br_client_finish(tkt_br_conn *c)
{
	tkt_br_client_session *s = c->sess;

	c->res.resumed = c->resumed;
	c->res.ticket_accepted = c->resumed && c->offered_sid;
	c->res.ticket_issued = c->got_ticket;
	c->res.renewed = c->got_ticket && c->resumed;
	if (c->nst_announced && !c->nst_seen) {
		return TKT_ERR_BAD_TYPE;
	}
	if (s == NULL) {
		return TKT_OK;
	}
	br_ssl_engine_get_session_parameters(c->eng, &s->params);
	if (c->got_ticket) {
		memcpy(s->ticket, c->new_ticket, c->new_ticket_len);
		s->ticket_len = c->new_ticket_len;
		s->lifetime_hint = c->res.lifetime_hint;
	} else if (!c->resumed) {
		/* A full handshake: the old ticket (if any) was refused and
		   no usable new one came (an empty NewSessionTicket on a
		   resumption keeps the old one, RFC 5077 3.3). */
		s->ticket_len = 0;
		s->lifetime_hint = 0;
	}
	return TKT_OK;
}
