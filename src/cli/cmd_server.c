/*
 * `tkt server`: a small TLS server on BearSSL with RFC 5077 session
 * tickets (tkt/bearssl.h). One connection at a time: handshake, a short
 * message, close_notify, one log line on stdout. Meant for interop tests
 * and demonstrations, not production traffic.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tkt/bearssl.h"
#include "tkt/seal.h"
#include "cli.h"
#include "pem.h"
#include "tls_common.h"

#define SERVER_MAX_KEYFILES 8
#define SERVER_LRU_BYTES    (64u * 1024u)   /* ~ 650 sessions */

static void server_usage(FILE *f)
{
	fprintf(f,
"usage: tkt server --cert CHAIN.pem --key KEY.pem --ticket-keys FILE\n"
"                  [--ticket-keys OLDER ...] [--port P] [--bind ADDR]\n"
"                  [--key-format F] [--suite S[,S...]] [--lifetime SECONDS]\n"
"                  [--renew always|auto|never] [--max-conns N]\n"
"                  [--tls-min V] [--tls-max V] [--alpn P[,P...]]\n"
"                  [--message TEXT] [--no-tickets] [--time-offset SECONDS]\n"
"TLS server with RFC 5077 session tickets on BearSSL. Binds 127.0.0.1 and\n"
"port 4433 by default (--port 0: any free port); prints\n"
"'listening on ADDR:PORT', then one line per connection. Answers each\n"
"connection with TEXT and closes it.\n"
"  --ticket-keys   key files; the first seals (per its format), the others\n"
"                  only open, and tickets they open are renewed\n"
"  --key-format    nginx apache openssl80 haproxy lighttpd tkt (default tkt)\n"
"  --suite         TLS cipher suites, OpenSSL names (default: every ECDHE\n"
"                  suite with AES-GCM, ChaCha20-Poly1305 or AES-CBC)\n"
"  --lifetime      maximum session age and lifetime hint (default 7200)\n"
"  --renew         new ticket on resumption: auto (when the key ring says\n"
"                  so; default), always, never\n"
"  --max-conns     exit after N connections (default: never)\n"
"  --tls-min/max   1.0, 1.1 or 1.2 (default 1.0 .. 1.2)\n"
"  --no-tickets    neither issue nor accept tickets (session IDs still work)\n"
"  --time-offset   add SECONDS to the clock (testing expiry)\n");
}

static int parse_version(const char *s, unsigned *v)
{
	if (strcmp(s, "1.0") == 0) {
		*v = BR_TLS10;
	} else if (strcmp(s, "1.1") == 0) {
		*v = BR_TLS11;
	} else if (strcmp(s, "1.2") == 0) {
		*v = BR_TLS12;
	} else {
		return -1;
	}
	return 0;
}

/* Split a comma-separated list in place: at most cap items. */
static size_t split_list(char *s, char **items, size_t cap)
{
	size_t n = 0;
	char *p = s;

	while (p != NULL && *p != 0 && n < cap) {
		char *c = strchr(p, ',');
		if (c != NULL) {
			*c = 0;
		}
		items[n++] = p;
		p = c != NULL ? c + 1 : NULL;
	}
	return p == NULL || *p == 0 ? n : cap + 1u;
}

static const char *status_name(int st)
{
	return tkt_status_name(st);
}

static void log_conn(unsigned long id, const tkt_br_conn *c, tkt_status hs,
	const br_ssl_server_context *sc)
{
	const tkt_br_result *r = tkt_br_result_get(c);
	br_ssl_session_parameters sp;
	const char *ticket;

	br_ssl_engine_get_session_parameters(&sc->eng, &sp);
	if (hs != TKT_OK) {
		printf("conn=%lu handshake=failed status=%s br_err=%d"
			" ticket_offered=%d ticket=%s\n", id, status_name((int)hs),
			r->br_err, r->ticket_offered,
			r->ticket_presented ? (r->ticket_accepted
				? "accepted" : "rejected") : "none");
		memset(&sp, 0, sizeof sp);
		return;
	}
	if (!r->ticket_offered) {
		ticket = "not-offered";
	} else if (!r->ticket_presented) {
		ticket = "asked";
	} else if (r->ticket_accepted) {
		ticket = "accepted";
	} else {
		ticket = "rejected";
	}
	printf("conn=%lu handshake=%s version=%s suite=%s ticket=%s",
		id, r->resumed ? "resumed" : "full",
		cli_tls_version_name(sp.version),
		cli_tls_suite_name(sp.cipher_suite), ticket);
	if (r->ticket_presented) {
		printf(" status=%s", status_name((int)r->ticket_status));
	}
	if (r->reason != NULL) {
		printf(" reason=\"%s\"", r->reason);
	}
	if (r->ticket_issued) {
		printf(" issued=%s ticket_len=%lu hint=%lu",
			r->renewed ? "renewed" : "new",
			(unsigned long)r->ticket_len,
			(unsigned long)r->lifetime_hint);
	} else if (r->seal_status != TKT_OK) {
		printf(" issued=empty seal_status=%s",
			status_name((int)r->seal_status));
	} else {
		printf(" issued=no");
	}
	printf("\n");
	memset(&sp, 0, sizeof sp);
}

/* Everything a connection needs, allocated once (about 110 kB). */
typedef struct server_conn_mem {
	br_ssl_server_context sc;
	tkt_br_conn conn;
	unsigned char iobuf[BR_SSL_BUFSIZE_BIDI];
} server_conn_mem;

typedef struct server_opts {
	const char *cert, *key, *format, *bind_addr, *message;
	char *keyfiles[SERVER_MAX_KEYFILES];
	size_t nkeyfiles;
	unsigned long port, lifetime, max_conns;
	long time_offset;
	int renew, no_tickets;
	unsigned vmin, vmax;
	uint16_t suites[BR_MAX_CIPHER_SUITES];
	size_t nsuites;
	const char *alpn[16];
	size_t nalpn;
} server_opts;

static int parse_opts(int argc, char **argv, server_opts *o)
{
	int i;

	memset(o, 0, sizeof *o);
	o->bind_addr = "127.0.0.1";
	o->port = 4433;
	o->lifetime = 7200;
	o->renew = TKT_BR_RENEW_AUTO;
	o->vmin = BR_TLS10;
	o->vmax = BR_TLS12;
	o->message = "hello from tkt server";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			server_usage(stdout);
			return 1;
		}
		if (strcmp(a, "--no-tickets") == 0) {
			o->no_tickets = 1;
			continue;
		}
		if (v == NULL) {
			cli_error("server: %s needs a value (tkt server --help)", a);
			return -1;
		}
		i++;
		if (strcmp(a, "--cert") == 0) {
			o->cert = v;
		} else if (strcmp(a, "--key") == 0) {
			o->key = v;
		} else if (strcmp(a, "--ticket-keys") == 0) {
			if (o->nkeyfiles == SERVER_MAX_KEYFILES) {
				cli_error("server: at most %d --ticket-keys",
					SERVER_MAX_KEYFILES);
				return -1;
			}
			o->keyfiles[o->nkeyfiles++] = argv[i];
		} else if (strcmp(a, "--key-format") == 0) {
			o->format = v;
		} else if (strcmp(a, "--bind") == 0) {
			o->bind_addr = v;
		} else if (strcmp(a, "--message") == 0) {
			o->message = v;
		} else if (strcmp(a, "--port") == 0) {
			if (cli_parse_ulong(v, 65535, &o->port) != 0) {
				cli_error("server: bad --port '%s'", v);
				return -1;
			}
		} else if (strcmp(a, "--lifetime") == 0) {
			if (cli_parse_ulong(v, TKT_MAX_HINT, &o->lifetime) != 0
				|| o->lifetime == 0)
			{
				cli_error("server: --lifetime must be 1..%u",
					TKT_MAX_HINT);
				return -1;
			}
		} else if (strcmp(a, "--max-conns") == 0) {
			if (cli_parse_ulong(v, 100000000ul, &o->max_conns) != 0) {
				cli_error("server: bad --max-conns '%s'", v);
				return -1;
			}
		} else if (strcmp(a, "--time-offset") == 0) {
			unsigned long t;
			int neg = v[0] == '-';
			if (cli_parse_ulong(v + neg, 100000000ul, &t) != 0) {
				cli_error("server: bad --time-offset '%s'", v);
				return -1;
			}
			o->time_offset = neg ? -(long)t : (long)t;
		} else if (strcmp(a, "--renew") == 0) {
			if (strcmp(v, "auto") == 0) {
				o->renew = TKT_BR_RENEW_AUTO;
			} else if (strcmp(v, "always") == 0) {
				o->renew = TKT_BR_RENEW_ALWAYS;
			} else if (strcmp(v, "never") == 0) {
				o->renew = TKT_BR_RENEW_NEVER;
			} else {
				cli_error("server: --renew is always, auto or never");
				return -1;
			}
		} else if (strcmp(a, "--tls-min") == 0 || strcmp(a, "--tls-max") == 0) {
			if (parse_version(v, a[6] == 'i' ? &o->vmin : &o->vmax) != 0) {
				cli_error("server: %s is 1.0, 1.1 or 1.2", a);
				return -1;
			}
		} else if (strcmp(a, "--suite") == 0) {
			char *names[BR_MAX_CIPHER_SUITES];
			size_t n = split_list(argv[i], names, BR_MAX_CIPHER_SUITES), k;
			if (n == 0 || n > BR_MAX_CIPHER_SUITES) {
				cli_error("server: bad --suite list");
				return -1;
			}
			for (k = 0; k < n; k++) {
				if (cli_tls_suite_from_name(names[k], &o->suites[k]) != 0) {
					cli_error("server: unknown suite '%s'", names[k]);
					return -1;
				}
			}
			o->nsuites = n;
		} else if (strcmp(a, "--alpn") == 0) {
			char *names[16];
			size_t n = split_list(argv[i], names, 16), k;
			if (n == 0 || n > 16) {
				cli_error("server: bad --alpn list");
				return -1;
			}
			for (k = 0; k < n; k++) {
				o->alpn[k] = names[k];
			}
			o->nalpn = n;
		} else {
			cli_error("server: unknown option '%s' (tkt server --help)", a);
			return -1;
		}
	}
	if (o->cert == NULL || o->key == NULL
		|| (o->nkeyfiles == 0 && !o->no_tickets))
	{
		cli_error("server: --cert, --key and --ticket-keys are required"
			" (tkt server --help)");
		return -1;
	}
	if (o->vmin > o->vmax) {
		cli_error("server: --tls-min above --tls-max");
		return -1;
	}
	return 0;
}

static int listen_on(const server_opts *o)
{
	struct sockaddr_in sa;
	socklen_t sl = sizeof sa;
	int fd, one = 1;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->bind_addr, &sa.sin_addr) != 1) {
		cli_error("server: --bind needs an IPv4 address, got '%s'",
			o->bind_addr);
		return -1;
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0) {
		cli_error("server: socket: %s", strerror(errno));
		return -1;
	}
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)(void *)&sa, sizeof sa) != 0
		|| listen(fd, 16) != 0
		|| getsockname(fd, (struct sockaddr *)(void *)&sa, &sl) != 0)
	{
		cli_error("server: cannot listen on %s:%lu: %s", o->bind_addr,
			o->port, strerror(errno));
		close(fd);
		return -1;
	}
	printf("listening on %s:%u\n", o->bind_addr, (unsigned)ntohs(sa.sin_port));
	fflush(stdout);
	return fd;
}

/* Set up the BearSSL server context for the certificate and key. */
static void init_engine(server_conn_mem *m, const cli_pem_chain *chain,
	const cli_pem_key *key)
{
	if (key->type == BR_KEYTYPE_RSA) {
		br_ssl_server_init_full_rsa(&m->sc, chain->certs, chain->n,
			br_skey_decoder_get_rsa(&key->dec));
	} else {
		/* The issuer key type only matters for static ECDH suites,
		   which tkt server does not offer. */
		br_ssl_server_init_full_ec(&m->sc, chain->certs, chain->n,
			BR_KEYTYPE_EC, br_skey_decoder_get_ec(&key->dec));
	}
	br_ssl_engine_set_buffer(&m->sc.eng, m->iobuf, sizeof m->iobuf, 1);
}

static void serve_one(int cfd, unsigned long id, server_conn_mem *m,
	const cli_pem_chain *chain, const cli_pem_key *key,
	const tkt_br_server_config *cfg, const server_opts *o)
{
	tkt_br_io io;
	tkt_status st;
	int one = 1;
	int64_t now = (int64_t)cli_now() + o->time_offset;

	(void)cli_sock_timeouts(cfd, 10);
	(void)setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	io.read = cli_sock_read;
	io.write = cli_sock_write;
	io.ctx = &cfd;
	init_engine(m, chain, key);
	st = tkt_br_server_start(&m->conn, &m->sc, cfg, &io,
		(uint32_t)(now < 0 ? 0 : now));
	if (st == TKT_OK) {
		st = tkt_br_handshake(&m->conn);
	}
	log_conn(id, &m->conn, st, &m->sc);
	fflush(stdout);
	if (st == TKT_OK) {
		size_t ml = strlen(o->message);
		uint8_t nl = '\n';
		if (tkt_br_write_all(&m->conn, (const uint8_t *)o->message, ml)
			== TKT_OK)
		{
			(void)tkt_br_write_all(&m->conn, &nl, 1);
		}
		tkt_br_close(&m->conn);
	}
	/* The connection context and engine hold the master secret. */
	tkt_br_conn_wipe(&m->conn);
	tkt_secure_zero(&m->sc, sizeof m->sc);
	tkt_secure_zero(m->iobuf, sizeof m->iobuf);
}

int cmd_server(int argc, char **argv)
{
	server_opts o;
	cli_pem_chain chain;
	cli_pem_key key;
	tkt_ring ring;
	tkt_ring_key *slots = NULL;
	tkt_drbg rng;
	tkt_policy pol;
	tkt_br_ring_ticketer tk;
	tkt_br_server_config cfg;
	br_ssl_session_cache_lru lru;
	unsigned char *lru_store = NULL;
	server_conn_mem *m = NULL;
	unsigned long served = 0;
	int rc, lfd;

	rc = parse_opts(argc, argv, &o);
	if (rc != 0) {
		return rc > 0 ? CLI_EXIT_OK : CLI_EXIT_BAD;
	}
	if (!tkt_br_selftest()) {
		cli_error("server: the linked BearSSL does not match the 0.6 layout"
			" tkt was built for; refusing to run");
		return CLI_EXIT_BAD;
	}
	if (cli_pem_load_chain(o.cert, &chain) != 0) {
		return CLI_EXIT_BAD;
	}
	if (cli_pem_load_key(o.key, &key) != 0) {
		cli_pem_chain_free(&chain);
		return CLI_EXIT_BAD;
	}
	memset(&cfg, 0, sizeof cfg);
	if (!o.no_tickets) {
		if (cli_ring_load(o.keyfiles, o.nkeyfiles, o.format, NULL, &ring,
			&slots) != 0)
		{
			rc = CLI_EXIT_BAD;
			goto out;
		}
		(void)tkt_ring_set_max_ticket(&ring, TKT_BR_TICKET_MAX);
		if (tkt_drbg_init(&rng) != TKT_OK) {
			cli_error("server: no random generator");
			rc = CLI_EXIT_IO;
			goto out;
		}
		memset(&pol, 0, sizeof pol);
		pol.lifetime = (uint32_t)o.lifetime;
		pol.max_skew = TKT_BR_MAX_SKEW;
		tkt_br_ring_ticketer_init(&tk, &ring, &rng, &pol,
			(uint32_t)o.lifetime);
		cfg.ticketer = &tk.vtable;
	}
	cfg.lifetime = (uint32_t)o.lifetime;
	cfg.renew = o.renew;
	cfg.version_min = o.vmin;
	cfg.version_max = o.vmax;
	if (o.nsuites > 0) {
		cfg.suites = o.suites;
		cfg.suites_num = o.nsuites;
	}
	cfg.alpn = o.nalpn > 0 ? o.alpn : NULL;
	cfg.alpn_num = o.nalpn;
	lru_store = malloc(SERVER_LRU_BYTES);
	m = malloc(sizeof *m);
	if (lru_store == NULL || m == NULL) {
		cli_error("out of memory");
		rc = CLI_EXIT_IO;
		goto out;
	}
	/* Plain session-ID resumption beside tickets. */
	br_ssl_session_cache_lru_init(&lru, lru_store, SERVER_LRU_BYTES);
	cfg.cache = &lru.vtable;

	lfd = listen_on(&o);
	if (lfd < 0) {
		rc = CLI_EXIT_IO;
		goto out;
	}
	rc = CLI_EXIT_OK;
	while (o.max_conns == 0 || served < o.max_conns) {
		int cfd = accept(lfd, NULL, NULL);
		if (cfd < 0) {
			if (errno == EINTR || errno == ECONNABORTED) {
				continue;
			}
			cli_error("server: accept: %s", strerror(errno));
			rc = CLI_EXIT_IO;
			break;
		}
		served++;
		serve_one(cfd, served, m, &chain, &key, &cfg, &o);
		close(cfd);
	}
	close(lfd);
out:
	if (m != NULL) {
		tkt_secure_zero(m, sizeof *m);
		free(m);
	}
	if (lru_store != NULL) {
		/* Cached sessions hold master secrets. */
		tkt_secure_zero(lru_store, SERVER_LRU_BYTES);
		free(lru_store);
	}
	if (!o.no_tickets) {
		tkt_drbg_clear(&rng);
	}
	cli_ring_free(&ring, slots);
	cli_pem_key_free(&key);
	cli_pem_chain_free(&chain);
	return rc;
}
