/*
 * `tkt client`: a TLS client on BearSSL that asks for, stores and
 * presents RFC 5077 session tickets (tkt/bearssl.h). Prints New or Reused
 * like `openssl s_client`, the ticket decoded, and the server's message.
 *
 * Session file (--sess-in / --sess-out), all integers big-endian:
 *   0   "TKTS"          magic
 *   4   version[2]      TLS version of the session
 *   6   suite[2]        cipher suite
 *   8   master[48]      master secret (the file is a secret: mode 0600)
 *   56  hint[4]         ticket_lifetime_hint
 *   60  sid_len[1]      session ID length offered with the ticket (0: 32)
 *   61  zero[3]
 *   64  ticket_len[2]
 *   66  ticket[ticket_len]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tkt/bearssl.h"
#include "tkt/seal.h"
#include "cli.h"
#include "pem.h"
#include "tls_common.h"

#define SESS_HDR 66u

static void client_usage(FILE *f)
{
	fprintf(f,
"usage: tkt client HOST:PORT [--sess-in F] [--sess-out F] [--server-name NAME]\n"
"                  [--ca CERTS.pem] [--send TEXT] [--tls1|--tls1_1|--tls1_2]\n"
"                  [--repeat N] [--sid-len N] [--quiet]\n"
"TLS client with RFC 5077 session tickets on BearSSL. Asks for a ticket\n"
"(or presents the one of --sess-in), prints 'New,' or 'Reused,' as\n"
"openssl s_client does, the ticket received (decoded when it has the\n"
"RFC 5077 layout) and the server's first message.\n"
"  --sess-in/out  session file to resume from / to save to (secret: 0600)\n"
"  --server-name  SNI and name checked in the certificate (default HOST)\n"
"  --ca           verify the server against these certificates; without\n"
"                 it the certificate is NOT verified (test use only)\n"
"  --send         send TEXT after the handshake\n"
"  --repeat N     N connections in a row, each resuming the session of the\n"
"                 one before; prints the first connection and a summary\n"
"  --sid-len N    offer an N-byte session ID (1..32) with a ticket\n"
"                 (emulates clients such as older Go, 16 bytes)\n"
"  --quiet        no warning about an unverified certificate\n"
"Exit status: 0 handshake done, 1 connection or TLS failure, 2 usage.\n");
}

/* ------------------------------------------------ certificate not checked */

/*
 * An X.509 "validator" that takes the end-entity key without checking
 * anything: for tests against throwaway certificates when no --ca is
 * given (the command says so on stderr).
 */
typedef struct noverify_ctx {
	const br_x509_class *vtable;
	br_x509_decoder_context dec;
	int depth;
	int have;
} noverify_ctx;

static void nv_start_chain(const br_x509_class **ctx, const char *server_name)
{
	noverify_ctx *n = (noverify_ctx *)(void *)ctx;

	(void)server_name;
	n->depth = 0;
	n->have = 0;
}

static void nv_start_cert(const br_x509_class **ctx, uint32_t length)
{
	noverify_ctx *n = (noverify_ctx *)(void *)ctx;

	(void)length;
	if (n->depth == 0) {
		br_x509_decoder_init(&n->dec, NULL, NULL);
	}
}

static void nv_append(const br_x509_class **ctx, const unsigned char *buf,
	size_t len)
{
	noverify_ctx *n = (noverify_ctx *)(void *)ctx;

	if (n->depth == 0) {
		br_x509_decoder_push(&n->dec, buf, len);
	}
}

static void nv_end_cert(const br_x509_class **ctx)
{
	noverify_ctx *n = (noverify_ctx *)(void *)ctx;

	if (n->depth == 0) {
		n->have = br_x509_decoder_last_error(&n->dec) == 0
			&& br_x509_decoder_get_pkey(&n->dec) != NULL;
	}
	n->depth++;
}

static unsigned nv_end_chain(const br_x509_class **ctx)
{
	const noverify_ctx *n = (const noverify_ctx *)(const void *)ctx;

	return n->have ? 0 : BR_ERR_X509_BAD_SERVER_NAME;
}

static const br_x509_pkey *nv_get_pkey(const br_x509_class *const *ctx,
	unsigned *usages)
{
	noverify_ctx *n = (noverify_ctx *)(void *)(uintptr_t)ctx;

	if (usages != NULL) {
		*usages = BR_KEYTYPE_KEYX | BR_KEYTYPE_SIGN;
	}
	return n->have ? br_x509_decoder_get_pkey(&n->dec) : NULL;
}

static const br_x509_class noverify_vtable = {
	sizeof(noverify_ctx), nv_start_chain, nv_start_cert, nv_append,
	nv_end_cert, nv_end_chain, nv_get_pkey
};

/* ---------------------------------------------------------- session file */

static int sess_load(const char *path, tkt_br_client_session *s)
{
	uint8_t buf[SESS_HDR + TKT_BR_TICKET_MAX + 1];
	size_t n = 0, tl;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		cli_error("client: cannot open %s: %s", path, strerror(errno));
		return CLI_EXIT_IO;
	}
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	tl = n >= SESS_HDR ? (size_t)buf[64] * 256u + buf[65] : 0;
	if (n < SESS_HDR || memcmp(buf, "TKTS", 4) != 0 || tl == 0
		|| tl > TKT_BR_TICKET_MAX || n != SESS_HDR + tl)
	{
		cli_error("client: %s is not a tkt client session file", path);
		tkt_secure_zero(buf, sizeof buf);
		return CLI_EXIT_BAD;
	}
	memset(s, 0, sizeof *s);
	s->params.version = (uint16_t)(buf[4] * 256u + buf[5]);
	s->params.cipher_suite = (uint16_t)(buf[6] * 256u + buf[7]);
	memcpy(s->params.master_secret, buf + 8, 48);
	s->lifetime_hint = (uint32_t)buf[56] << 24 | (uint32_t)buf[57] << 16
		| (uint32_t)buf[58] << 8 | buf[59];
	s->sid_len = buf[60];
	s->ticket_len = tl;
	memcpy(s->ticket, buf + SESS_HDR, tl);
	tkt_secure_zero(buf, sizeof buf);
	return CLI_EXIT_OK;
}

static int sess_save(const char *path, const tkt_br_client_session *s)
{
	uint8_t buf[SESS_HDR + TKT_BR_TICKET_MAX];
	size_t n = SESS_HDR + s->ticket_len;
	int fd, ok;

	if (s->ticket_len == 0) {
		cli_error("client: no ticket to save in %s", path);
		return CLI_EXIT_IO;
	}
	memset(buf, 0, SESS_HDR);
	memcpy(buf, "TKTS", 4);
	buf[4] = (uint8_t)(s->params.version / 256u);
	buf[5] = (uint8_t)(s->params.version % 256u);
	buf[6] = (uint8_t)(s->params.cipher_suite / 256u);
	buf[7] = (uint8_t)(s->params.cipher_suite % 256u);
	memcpy(buf + 8, s->params.master_secret, 48);
	buf[56] = (uint8_t)(s->lifetime_hint >> 24);
	buf[57] = (uint8_t)(s->lifetime_hint >> 16);
	buf[58] = (uint8_t)(s->lifetime_hint >> 8);
	buf[59] = (uint8_t)s->lifetime_hint;
	buf[60] = s->sid_len;
	buf[64] = (uint8_t)(s->ticket_len / 256u);
	buf[65] = (uint8_t)(s->ticket_len % 256u);
	memcpy(buf + SESS_HDR, s->ticket, s->ticket_len);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ok = fd >= 0 && write(fd, buf, n) == (ssize_t)n;
	if (fd >= 0 && close(fd) != 0) {
		ok = 0;
	}
	tkt_secure_zero(buf, sizeof buf);
	if (!ok) {
		cli_error("client: cannot write %s", path);
		return CLI_EXIT_IO;
	}
	return CLI_EXIT_OK;
}

/* ---------------------------------------------------------------- output */

/* The ticket, decoded if it has a length field: RFC 5077 section 4 /
   tkt's CBC suites (iv 16, mac 32), tkt's GCM suite (12, 16), GnuTLS
   (16, 20). OpenSSL's and most others' layouts are opaque here. */
static void show_ticket(const uint8_t *t, size_t len)
{
	static const struct { size_t iv, mac; const char *what; } lay[] = {
		{ 16, 32, "RFC 5077 section 4 layout (iv 16, mac 32)" },
		{ 12, 16, "tkt aes256-gcm layout (nonce 12, tag 16)" },
		{ 16, 20, "GnuTLS layout (iv 16, mac 20)" }
	};
	size_t i, at, k;

	for (i = 0; i < sizeof lay / sizeof lay[0]; i++) {
		tkt_ticket tk;
		if (tkt_ticket_decode(t, len, lay[i].iv, lay[i].mac, &tk, &at)
			== TKT_OK)
		{
			printf("  layout: %s\n  key_name: ", lay[i].what);
			for (k = 0; k < TKT_KEY_NAME_LEN; k++) {
				printf("%02x", tk.key_name[k]);
			}
			printf("\n  iv: ");
			for (k = 0; k < tk.iv.len; k++) {
				printf("%02x", tk.iv.ptr[k]);
			}
			printf("\n  encrypted_state: %lu bytes\n  mac: ",
				(unsigned long)tk.encrypted_state.len);
			for (k = 0; k < tk.mac.len; k++) {
				printf("%02x", tk.mac.ptr[k]);
			}
			printf("\n");
			return;
		}
	}
	printf("  layout: opaque (no RFC 5077 length field)\n  bytes: ");
	for (k = 0; k < len; k++) {
		printf("%02x", t[k]);
	}
	printf("\n");
}

static void show_conn(const tkt_br_conn *c, const br_ssl_client_context *cc,
	const tkt_br_client_session *s)
{
	const tkt_br_result *r = tkt_br_result_get(c);
	br_ssl_session_parameters sp;

	br_ssl_engine_get_session_parameters(&cc->eng, &sp);
	printf("%s, %s, Cipher is %s\n", r->resumed ? "Reused" : "New",
		cli_tls_version_name(sp.version),
		cli_tls_suite_name(sp.cipher_suite));
	memset(&sp, 0, sizeof sp);
	printf("Ticket-Presented: %s\n", r->ticket_presented ? "yes" : "no");
	if (r->ticket_issued) {
		printf("New-Ticket: yes\n");
	} else if (r->ticket_len == 0 && c->got_empty_nst) {
		printf("New-Ticket: empty (old ticket kept)\n");
	} else {
		printf("New-Ticket: no\n");
	}
	if (r->ticket_issued && s->ticket_len > 0) {
		printf("Ticket: %lu bytes, lifetime hint %lu s\n",
			(unsigned long)s->ticket_len, (unsigned long)s->lifetime_hint);
		show_ticket(s->ticket, s->ticket_len);
	}
}

/* --------------------------------------------------------------- command */

typedef struct client_mem {
	br_ssl_client_context cc;
	br_x509_minimal_context xc;
	noverify_ctx nv;
	tkt_br_conn conn;
	tkt_br_client_session sess;
	unsigned char iobuf[BR_SSL_BUFSIZE_BIDI];
} client_mem;

typedef struct client_opts {
	const char *target, *sess_in, *sess_out, *server_name, *ca, *send;
	unsigned vmin, vmax;
	unsigned long repeat, sid_len;
	int quiet;
} client_opts;

static int parse_opts(int argc, char **argv, client_opts *o)
{
	int i;

	memset(o, 0, sizeof *o);
	o->vmin = BR_TLS10;
	o->vmax = BR_TLS12;
	o->repeat = 1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			client_usage(stdout);
			return 1;
		} else if (strcmp(a, "--tls1") == 0) {
			o->vmin = o->vmax = BR_TLS10;
		} else if (strcmp(a, "--tls1_1") == 0) {
			o->vmin = o->vmax = BR_TLS11;
		} else if (strcmp(a, "--tls1_2") == 0) {
			o->vmin = o->vmax = BR_TLS12;
		} else if (strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
		} else if (a[0] != '-') {
			if (o->target != NULL) {
				cli_error("client: one HOST:PORT only");
				return -1;
			}
			o->target = a;
		} else if (v == NULL) {
			cli_error("client: %s needs a value (tkt client --help)", a);
			return -1;
		} else {
			i++;
			if (strcmp(a, "--sess-in") == 0) {
				o->sess_in = v;
			} else if (strcmp(a, "--sess-out") == 0) {
				o->sess_out = v;
			} else if (strcmp(a, "--server-name") == 0) {
				o->server_name = v;
			} else if (strcmp(a, "--ca") == 0) {
				o->ca = v;
			} else if (strcmp(a, "--send") == 0) {
				o->send = v;
			} else if (strcmp(a, "--repeat") == 0) {
				if (cli_parse_ulong(v, 1000000ul, &o->repeat) != 0
					|| o->repeat == 0)
				{
					cli_error("client: --repeat is 1..1000000");
					return -1;
				}
			} else if (strcmp(a, "--sid-len") == 0) {
				if (cli_parse_ulong(v, 32, &o->sid_len) != 0
					|| o->sid_len == 0)
				{
					cli_error("client: --sid-len is 1..32");
					return -1;
				}
			} else {
				cli_error("client: unknown option '%s'"
					" (tkt client --help)", a);
				return -1;
			}
		}
	}
	if (o->target == NULL) {
		cli_error("client: HOST:PORT is required (tkt client --help)");
		return -1;
	}
	return 0;
}

/* One connection; 0 on a completed handshake, else CLI_EXIT_IO. */
static int one_conn(client_mem *m, const client_opts *o, const char *name,
	const cli_pem_anchors *ta, int show, int *reused)
{
	tkt_br_io io;
	tkt_status st;
	char *host = NULL;
	int fd = cli_sock_connect(o->target, &host);

	free(host);
	if (fd < 0) {
		return CLI_EXIT_IO;
	}
	(void)cli_sock_timeouts(fd, 10);
	io.read = cli_sock_read;
	io.write = cli_sock_write;
	io.ctx = &fd;
	br_ssl_client_init_full(&m->cc, &m->xc, ta->ta, ta->n);
	if (o->ca == NULL) {
		m->nv.vtable = &noverify_vtable;
		br_ssl_engine_set_x509(&m->cc.eng, &m->nv.vtable);
	}
	br_ssl_engine_set_versions(&m->cc.eng, o->vmin, o->vmax);
	br_ssl_engine_set_buffer(&m->cc.eng, m->iobuf, sizeof m->iobuf, 1);
	if (o->sid_len > 0) {
		m->sess.sid_len = (uint8_t)o->sid_len;
	}
	st = tkt_br_client_start(&m->conn, &m->cc, &m->sess, name, &io);
	if (st == TKT_OK) {
		st = tkt_br_handshake(&m->conn);
	}
	if (st != TKT_OK) {
		cli_error("client: handshake failed: %s (BearSSL error %d)",
			tkt_strerror((int)st), m->conn.res.br_err);
		tkt_br_conn_wipe(&m->conn);
		close(fd);
		return CLI_EXIT_IO;
	}
	*reused = m->conn.res.resumed;
	if (show) {
		show_conn(&m->conn, &m->cc, &m->sess);
	}
	if (o->send != NULL) {
		(void)tkt_br_write_all(&m->conn, (const uint8_t *)o->send,
			strlen(o->send));
	}
	if (show) {
		/* What the server sends until it closes (bounded): tkt
		   server's one line, or the session report of
		   `openssl s_server -www` / `gnutls-serv --http`. */
		static uint8_t buf[65536];
		size_t have = 0;
		long n;

		while (have < sizeof buf
			&& (n = tkt_br_read(&m->conn, buf + have,
				sizeof buf - have)) > 0)
		{
			have += (size_t)n;
		}
		while (have > 0 && (buf[have - 1] == '\n' || buf[have - 1] == '\r')) {
			have--;
		}
		if (have > 0) {
			printf("Message: %.*s\n", (int)have, (const char *)buf);
		}
	}
	tkt_br_close(&m->conn);
	tkt_br_conn_wipe(&m->conn);
	close(fd);
	return CLI_EXIT_OK;
}

int cmd_client(int argc, char **argv)
{
	client_opts o;
	client_mem *m;
	cli_pem_anchors ta;
	char *host = NULL;
	const char *name;
	unsigned long i, reused = 0, tickets = 0;
	int rc;

	rc = parse_opts(argc, argv, &o);
	if (rc != 0) {
		return rc > 0 ? CLI_EXIT_OK : CLI_EXIT_BAD;
	}
	if (!tkt_br_selftest()) {
		cli_error("client: the linked BearSSL does not match the 0.6 layout"
			" tkt was built for; refusing to run");
		return CLI_EXIT_BAD;
	}
	ta.ta = NULL;
	ta.n = 0;
	if (o.ca != NULL && cli_pem_load_anchors(o.ca, &ta) != 0) {
		return CLI_EXIT_BAD;
	}
	if (o.ca == NULL && !o.quiet) {
		fprintf(stderr, "tkt: client: no --ca: the server certificate is"
			" NOT verified\n");
	}
	m = calloc(1, sizeof *m);
	if (m == NULL) {
		cli_error("out of memory");
		cli_pem_anchors_free(&ta);
		return CLI_EXIT_IO;
	}
	if (o.sess_in != NULL) {
		rc = sess_load(o.sess_in, &m->sess);
		if (rc != CLI_EXIT_OK) {
			goto out;
		}
	}
	name = o.server_name;
	if (name == NULL) {
		const char *colon = strrchr(o.target, ':');
		size_t hl = colon != NULL ? (size_t)(colon - o.target) : 0;
		host = malloc(hl + 1u);
		if (host == NULL) {
			rc = CLI_EXIT_IO;
			goto out;
		}
		memcpy(host, o.target, hl);
		host[hl] = 0;
		name = host;
	}
	for (i = 0; i < o.repeat; i++) {
		int r = 0;
		rc = one_conn(m, &o, name, &ta, i == 0, &r);
		if (rc != CLI_EXIT_OK) {
			if (o.repeat > 1) {
				printf("repeat: failed at connection %lu\n", i + 1u);
			}
			goto out;
		}
		reused += (unsigned long)r;
		tickets += m->sess.ticket_len > 0;
	}
	if (o.repeat > 1) {
		printf("repeat: %lu connections, %lu reused, %lu full\n",
			o.repeat, reused, o.repeat - reused);
	}
	if (o.sess_out != NULL) {
		rc = sess_save(o.sess_out, &m->sess);
	}
	(void)tickets;
out:
	fflush(stdout);
	free(host);
	tkt_secure_zero(m, sizeof *m);
	free(m);
	cli_pem_anchors_free(&ta);
	return rc;
}
