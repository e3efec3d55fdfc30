/*
 * The record loop shared by both sides: tkt, not BearSSL, moves records
 * between the socket and the engine, so that it can see and rewrite the
 * plaintext handshake records on their way. Output is always drained
 * before input is fed, so the engine never holds a pending record while
 * it consumes input (the points where the transcript is fixed up rely
 * on that).
 */
#include <string.h>

#include "internal.h"

size_t tkt_br_hs_len(const uint8_t hdr[4])
{
	return (size_t)hdr[1] * 65536u + (size_t)hdr[2] * 256u + (size_t)hdr[3];
}

void tkt_br_conn_common_init(tkt_br_conn *c, const tkt_br_io *io)
{
	memset(c, 0, sizeof *c);
	c->io = *io;
	c->res.ticket_status = TKT_OK;
}

tkt_status tkt_br_conn_write_raw(tkt_br_conn *c, const uint8_t *buf, size_t len)
{
	while (len > 0) {
		int w = c->io.write(c->io.ctx, buf, len);
		if (w <= 0) {
			return TKT_ERR_IO;
		}
		buf += (size_t)w;
		len -= (size_t)w;
	}
	return TKT_OK;
}

/*
 * Frame plaintext as records of at most max_frag payload bytes each, one
 * transport write per record (a header written apart from its payload
 * costs a round trip with Nagle's algorithm).
 */
tkt_status tkt_br_conn_write_records(tkt_br_conn *c, uint8_t type,
	const uint8_t version[2], const uint8_t *payload, size_t len,
	size_t max_frag)
{
	if (max_frag > sizeof c->wbuf - 5u) {
		max_frag = sizeof c->wbuf - 5u;
	}
	while (len > 0) {
		size_t n = len < max_frag ? len : max_frag;
		tkt_status st;

		c->wbuf[0] = type;
		c->wbuf[1] = version[0];
		c->wbuf[2] = version[1];
		c->wbuf[3] = (uint8_t)(n / 256u);
		c->wbuf[4] = (uint8_t)(n % 256u);
		memcpy(c->wbuf + 5, payload, n);
		st = tkt_br_conn_write_raw(c, c->wbuf, 5u + n);
		if (st != TKT_OK) {
			return st;
		}
		payload += n;
		len -= n;
	}
	return TKT_OK;
}

/* Send every record the engine has ready, through the side's hook. */
tkt_status tkt_br_conn_drain(tkt_br_conn *c)
{
	for (;;) {
		size_t len;
		unsigned char *rec = br_ssl_engine_sendrec_buf(c->eng, &len);
		tkt_status st;

		if (rec == NULL) {
			return TKT_OK;
		}
		if (c->sc != NULL) {
			st = tkt_br_server_on_out(c, rec, len);
		} else {
			st = tkt_br_client_on_out(c, rec, len);
		}
		if (st != TKT_OK) {
			return st;
		}
		br_ssl_engine_sendrec_ack(c->eng, len);
	}
}

/* Give raw record bytes to the engine, draining output first. */
tkt_status tkt_br_conn_feed(tkt_br_conn *c, const uint8_t *data, size_t len)
{
	while (len > 0) {
		size_t cap, n;
		unsigned char *buf;
		tkt_status st = tkt_br_conn_drain(c);

		if (st != TKT_OK) {
			return st;
		}
		if (br_ssl_engine_current_state(c->eng) == BR_SSL_CLOSED) {
			return TKT_ERR_TLS;
		}
		buf = br_ssl_engine_recvrec_buf(c->eng, &cap);
		if (buf == NULL || cap == 0) {
			return TKT_ERR_TLS;
		}
		n = len < cap ? len : cap;
		memcpy(buf, data, n);
		br_ssl_engine_recvrec_ack(c->eng, n);
		data += n;
		len -= n;
	}
	return tkt_br_conn_drain(c);
}

/* One plaintext record of our own framing, split at 16384 bytes. */
tkt_status tkt_br_conn_feed_record(tkt_br_conn *c, uint8_t type,
	const uint8_t version[2], const uint8_t *payload, size_t len)
{
	while (len > 0) {
		uint8_t hdr[5];
		size_t n = len < 16384u ? len : 16384u;
		tkt_status st;

		hdr[0] = type;
		hdr[1] = version[0];
		hdr[2] = version[1];
		hdr[3] = (uint8_t)(n / 256u);
		hdr[4] = (uint8_t)(n % 256u);
		st = tkt_br_conn_feed(c, hdr, sizeof hdr);
		if (st == TKT_OK) {
			st = tkt_br_conn_feed(c, payload, n);
		}
		if (st != TKT_OK) {
			return st;
		}
		payload += n;
		len -= n;
	}
	return TKT_OK;
}

/*
 * Wait until the engine has consumed everything fed so far: it is ready
 * for a new record and has nothing to send. Only then may the transcript
 * be changed behind it.
 */
tkt_status tkt_br_conn_sync(tkt_br_conn *c)
{
	unsigned st;
	tkt_status s = tkt_br_conn_drain(c);

	if (s != TKT_OK) {
		return s;
	}
	st = br_ssl_engine_current_state(c->eng);
	if (st == BR_SSL_CLOSED || (st & BR_SSL_RECVREC) == 0) {
		return TKT_ERR_TLS;
	}
	return TKT_OK;
}

/* Read exactly len bytes from the transport. */
static tkt_status read_full(tkt_br_conn *c, uint8_t *buf, size_t len)
{
	while (len > 0) {
		int r = c->io.read(c->io.ctx, buf, len);
		if (r <= 0) {
			return TKT_ERR_IO;
		}
		buf += (size_t)r;
		len -= (size_t)r;
	}
	return TKT_OK;
}

/* Read one record from the peer into c->rec and hand it to the side. */
static tkt_status read_record(tkt_br_conn *c)
{
	size_t plen;
	tkt_status st = read_full(c, c->rec, 5);

	if (st != TKT_OK) {
		return st;
	}
	plen = (size_t)c->rec[3] * 256u + c->rec[4];
	if (plen > sizeof c->rec - 5u) {
		/* Too long for any TLS record: let the engine reject it. */
		st = tkt_br_conn_feed(c, c->rec, 5);
		return st == TKT_OK ? TKT_ERR_TLS : st;
	}
	st = read_full(c, c->rec + 5, plen);
	if (st != TKT_OK) {
		return st;
	}
	c->rec_len = 5u + plen;
	if (c->sc != NULL) {
		return tkt_br_server_on_in(c, c->rec, c->rec_len);
	}
	return tkt_br_client_on_in(c, c->rec, c->rec_len);
}

static tkt_status engine_failed(tkt_br_conn *c)
{
	c->res.br_err = br_ssl_engine_last_error(c->eng);
	return TKT_ERR_TLS;
}

tkt_status tkt_br_handshake(tkt_br_conn *c)
{
	for (;;) {
		unsigned st;
		tkt_status s = tkt_br_conn_drain(c);

		if (s != TKT_OK) {
			if (s == TKT_ERR_TLS) {
				return engine_failed(c);
			}
			return s;
		}
		st = br_ssl_engine_current_state(c->eng);
		if (st == BR_SSL_CLOSED) {
			return engine_failed(c);
		}
		if ((st & BR_SSL_SENDAPP) != 0) {
			c->res.br_err = 0;
			if (c->cc != NULL) {
				return tkt_br_client_finish(c);
			}
			return TKT_OK;
		}
		if ((st & BR_SSL_RECVREC) == 0) {
			return engine_failed(c);
		}
		s = read_record(c);
		if (s != TKT_OK) {
			if (s == TKT_ERR_TLS || br_ssl_engine_current_state(c->eng)
				== BR_SSL_CLOSED)
			{
				engine_failed(c);
				return TKT_ERR_TLS;
			}
			return s;
		}
	}
}

void tkt_br_conn_wipe(tkt_br_conn *c)
{
	/* tkt_secure_zero's stores cannot be dropped as dead before a free()
	   or the end of the object's lifetime, and it runs at memset speed:
	   a volatile byte loop over the ~66 kB connection was a quarter of
	   the server's instructions per resumption (docs/bench.md). */
	tkt_secure_zero(c, sizeof *c);
}

const tkt_br_result *tkt_br_result_get(const tkt_br_conn *c)
{
	return &c->res;
}

tkt_status tkt_br_write_all(tkt_br_conn *c, const uint8_t *data, size_t len)
{
	while (len > 0) {
		size_t cap, n;
		unsigned char *buf;
		tkt_status s = tkt_br_conn_drain(c);

		if (s != TKT_OK) {
			return s;
		}
		buf = br_ssl_engine_sendapp_buf(c->eng, &cap);
		if (buf == NULL) {
			if (br_ssl_engine_current_state(c->eng) == BR_SSL_CLOSED) {
				return engine_failed(c);
			}
			/* Output blocked on input (cannot happen without
			   renegotiation): read a record. */
			s = read_record(c);
			if (s != TKT_OK) {
				return s;
			}
			continue;
		}
		n = len < cap ? len : cap;
		memcpy(buf, data, n);
		br_ssl_engine_sendapp_ack(c->eng, n);
		data += n;
		len -= n;
	}
	br_ssl_engine_flush(c->eng, 0);
	return tkt_br_conn_drain(c);
}

long tkt_br_read(tkt_br_conn *c, uint8_t *buf, size_t len)
{
	for (;;) {
		size_t avail;
		unsigned char *app;

		if (tkt_br_conn_drain(c) != TKT_OK) {
			return -1;
		}
		app = br_ssl_engine_recvapp_buf(c->eng, &avail);
		if (app != NULL) {
			size_t n = avail < len ? avail : len;
			memcpy(buf, app, n);
			br_ssl_engine_recvapp_ack(c->eng, n);
			return (long)n;
		}
		if (br_ssl_engine_current_state(c->eng) == BR_SSL_CLOSED) {
			return br_ssl_engine_last_error(c->eng) == BR_ERR_OK ? 0 : -1;
		}
		if (read_record(c) != TKT_OK) {
			return br_ssl_engine_current_state(c->eng) == BR_SSL_CLOSED
				&& br_ssl_engine_last_error(c->eng) == BR_ERR_OK ? 0 : -1;
		}
	}
}

void tkt_br_close(tkt_br_conn *c)
{
	unsigned i;

	br_ssl_engine_close(c->eng);
	/* Send our close_notify; wait a bounded number of records for the
	   peer's, as many peers simply hang up. */
	for (i = 0; i < 4; i++) {
		if (tkt_br_conn_drain(c) != TKT_OK) {
			return;
		}
		if (br_ssl_engine_current_state(c->eng) == BR_SSL_CLOSED) {
			return;
		}
		if (read_record(c) != TKT_OK) {
			return;
		}
	}
}
