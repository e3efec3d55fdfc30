/*
 * A decoded StatePlaintext, as text and as JSON (cli.h). Shared by
 * `tkt inspect --as state` and `tkt open`.
 */
#include <stdio.h>
#include <time.h>

#include "cli.h"

static const char *identity_name(uint8_t id)
{
	switch (id) {
	case TKT_IDENTITY_ANONYMOUS:   return "anonymous";
	case TKT_IDENTITY_CERTIFICATE: return "certificate";
	case TKT_IDENTITY_PSK:         return "psk";
	default:                       return NULL;
	}
}

static const char *version_name(uint16_t v)
{
	switch (v) {
	case 0x0300: return "SSL 3.0";
	case 0x0301: return "TLS 1.0";
	case 0x0302: return "TLS 1.1";
	case 0x0303: return "TLS 1.2";
	default:     return "unknown";
	}
}

/* Printable ASCII as is, anything else as \xNN, so one line stays one line. */
static void put_quoted(cli_text *t, tkt_bytes b)
{
	size_t i;

	cli_text_put(t, "\"", 1);
	for (i = 0; i < b.len; i++) {
		const uint8_t c = b.ptr[i];
		if (c >= 0x20u && c < 0x7fu && c != '"' && c != '\\')
			cli_text_put(t, (const char *)&b.ptr[i], 1);
		else
			cli_text_printf(t, "\\x%02x", (unsigned)c);
	}
	cli_text_put(t, "\"", 1);
}

void cli_show_state_text(cli_text *t, const tkt_state *s, const char *indent)
{
	const char *id = identity_name(s->identity);
	char when[32];
	time_t tt = (time_t)s->timestamp;
	struct tm tm;

	cli_text_printf(t, "%sprotocol_version:       0x%04x (%s)\n", indent,
		(unsigned)s->version, version_name(s->version));
	cli_text_printf(t, "%scipher_suite:           0x%04x\n", indent,
		(unsigned)s->cipher_suite);
	cli_text_printf(t, "%scompression_method:     %u\n", indent,
		(unsigned)s->compression);
	cli_text_printf(t, "%smaster_secret:          ", indent);
	cli_text_hex(t, s->master_secret, TKT_MASTER_SECRET_LEN);
	cli_text_put(t, "\n", 1);
	if (id != NULL)
		cli_text_printf(t, "%sclient_identity:        %s\n", indent, id);
	else
		cli_text_printf(t, "%sclient_identity:        %u\n", indent,
			(unsigned)s->identity);
	if (s->identity == TKT_IDENTITY_CERTIFICATE) {
		size_t cursor = 0, k = 0;
		tkt_bytes cert;
		while (tkt_state_next_cert(s, &cursor, &cert)) {
			cli_text_printf(t, "%s  certificate[%zu]:       %zu bytes ",
				indent, k++, cert.len);
			cli_text_hex(t, cert.ptr, cert.len);
			cli_text_put(t, "\n", 1);
		}
	} else if (s->identity == TKT_IDENTITY_PSK) {
		cli_text_printf(t, "%s  psk_identity:         %zu bytes ", indent,
			s->psk_identity.len);
		cli_text_hex(t, s->psk_identity.ptr, s->psk_identity.len);
		cli_text_put(t, "\n", 1);
	}
	if (gmtime_r(&tt, &tm) != NULL
		&& strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
		cli_text_printf(t, "%stimestamp:              %lu (%s)\n", indent,
			(unsigned long)s->timestamp, when);
	else
		cli_text_printf(t, "%stimestamp:              %lu\n", indent,
			(unsigned long)s->timestamp);
	cli_text_printf(t, "%sextended_master_secret: %s\n", indent,
		s->extended_ms ? "yes" : "no");
	cli_text_printf(t, "%sserver_name:            ", indent);
	if (s->server_name.len > 0)
		put_quoted(t, s->server_name);
	else
		cli_text_printf(t, "(absent)");
	cli_text_printf(t, "\n%salpn:                   ", indent);
	if (s->alpn.len > 0)
		put_quoted(t, s->alpn);
	else
		cli_text_printf(t, "(absent)");
	cli_text_put(t, "\n", 1);
}

void cli_show_state_json(cli_json *j, const char *key, const tkt_state *s)
{
	cli_json_obj_begin(j, key);
	cli_show_state_json_members(j, s);
	cli_json_obj_end(j);
}

void cli_show_state_json_members(cli_json *j, const tkt_state *s)
{
	const char *id = identity_name(s->identity);

	cli_json_hex16(j, "version", s->version);
	cli_json_hex16(j, "cipher_suite", s->cipher_suite);
	cli_json_uint(j, "compression", s->compression);
	cli_json_hex(j, "master_secret", s->master_secret, TKT_MASTER_SECRET_LEN);
	if (id != NULL)
		cli_json_str(j, "identity", id);
	else
		cli_json_uint(j, "identity", s->identity);
	if (s->identity == TKT_IDENTITY_CERTIFICATE) {
		size_t cursor = 0;
		tkt_bytes cert;
		cli_json_arr_begin(j, "certificates");
		while (tkt_state_next_cert(s, &cursor, &cert))
			cli_json_hex(j, NULL, cert.ptr, cert.len);
		cli_json_arr_end(j);
	} else if (s->identity == TKT_IDENTITY_PSK) {
		cli_json_hex(j, "psk_identity", s->psk_identity.ptr,
			s->psk_identity.len);
	}
	cli_json_uint(j, "timestamp", s->timestamp);
	cli_json_bool(j, "extended_master_secret", s->extended_ms);
	if (s->server_name.len > 0)
		cli_json_strn(j, "server_name", s->server_name.ptr, s->server_name.len);
	else
		cli_json_null(j, "server_name");
	if (s->alpn.len > 0)
		cli_json_strn(j, "alpn", s->alpn.ptr, s->alpn.len);
	else
		cli_json_null(j, "alpn");
}
