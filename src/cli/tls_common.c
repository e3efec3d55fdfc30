/*
 * Helpers of the TLS subcommands (tls_common.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <bearssl.h>

#include "cli.h"
#include "tls_common.h"

int cli_parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (s == NULL || *s < '0' || *s > '9') {
		return -1;
	}
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != 0 || v > max) {
		return -1;
	}
	*out = v;
	return 0;
}

const char *cli_tls_version_name(unsigned v)
{
	switch (v) {
	case BR_TLS10: return "TLSv1";
	case BR_TLS11: return "TLSv1.1";
	case BR_TLS12: return "TLSv1.2";
	default:       return "unknown";
	}
}

typedef struct suite_name {
	uint16_t id;
	const char *name;
} suite_name;

/* The ECDHE suites tkt server offers (tkt_br_default_suites). */
static const suite_name suite_names[] = {
	{ BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256" },
	{ BR_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE-RSA-AES128-GCM-SHA256" },
	{ BR_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ECDHE-ECDSA-AES256-GCM-SHA384" },
	{ BR_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE-RSA-AES256-GCM-SHA384" },
	{ BR_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-ECDSA-CHACHA20-POLY1305" },
	{ BR_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-RSA-CHACHA20-POLY1305" },
	{ BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "ECDHE-ECDSA-AES128-SHA256" },
	{ BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "ECDHE-RSA-AES128-SHA256" },
	{ BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, "ECDHE-ECDSA-AES256-SHA384" },
	{ BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, "ECDHE-RSA-AES256-SHA384" },
	{ BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "ECDHE-ECDSA-AES128-SHA" },
	{ BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "ECDHE-RSA-AES128-SHA" },
	{ BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "ECDHE-ECDSA-AES256-SHA" },
	{ BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "ECDHE-RSA-AES256-SHA" }
};

#define N_SUITES (sizeof suite_names / sizeof suite_names[0])

const char *cli_tls_suite_name(unsigned id)
{
	size_t i;

	for (i = 0; i < N_SUITES; i++) {
		if (suite_names[i].id == id) {
			return suite_names[i].name;
		}
	}
	return "unknown";
}

int cli_tls_suite_from_name(const char *name, uint16_t *id)
{
	size_t i;

	for (i = 0; i < N_SUITES; i++) {
		if (strcmp(suite_names[i].name, name) == 0) {
			*id = suite_names[i].id;
			return 0;
		}
	}
	return -1;
}

int cli_sock_read(void *ctx, uint8_t *buf, size_t len)
{
	int fd = *(const int *)ctx;

	for (;;) {
		ssize_t r = recv(fd, buf, len, 0);
		if (r >= 0) {
			return (int)r;
		}
		if (errno != EINTR) {
			return -1;
		}
	}
}

int cli_sock_write(void *ctx, const uint8_t *buf, size_t len)
{
	int fd = *(const int *)ctx;

	for (;;) {
		/* MSG_NOSIGNAL: a peer that hung up is an error, not SIGPIPE. */
		ssize_t w = send(fd, buf, len, MSG_NOSIGNAL);
		if (w > 0) {
			return (int)w;
		}
		if (w < 0 && errno == EINTR) {
			continue;
		}
		return -1;
	}
}

int cli_sock_timeouts(int fd, unsigned seconds)
{
	struct timeval tv;

	tv.tv_sec = (time_t)seconds;
	tv.tv_usec = 0;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0
		|| setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) != 0)
	{
		return -1;
	}
	return 0;
}

int cli_sock_connect(const char *hostport, char **host)
{
	const char *colon = strrchr(hostport, ':');
	struct addrinfo hints, *res = NULL, *ai;
	size_t hl;
	int fd = -1, one = 1;

	*host = NULL;
	if (colon == NULL || colon == hostport || colon[1] == 0) {
		cli_error("expected HOST:PORT, got '%s'", hostport);
		return -1;
	}
	hl = (size_t)(colon - hostport);
	*host = malloc(hl + 1u);
	if (*host == NULL) {
		cli_error("out of memory");
		return -1;
	}
	memcpy(*host, hostport, hl);
	(*host)[hl] = 0;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(*host, colon + 1, &hints, &res) != 0) {
		cli_error("cannot resolve '%s'", hostport);
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0) {
			continue;
		}
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0) {
			break;
		}
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		cli_error("cannot connect to %s", hostport);
		return -1;
	}
	/* Handshake flights are written record by record: no Nagle delay. */
	(void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

uint32_t cli_now(void)
{
	return (uint32_t)time(NULL);
}
