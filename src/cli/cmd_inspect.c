/*
 * tkt inspect [--json] [--as KIND] [--suite SUITE] [--raw|--hex] [FILE|-]
 *
 * Decode one structure with tkt's codec and show it. Without --as the
 * input is a handshake message recognised by its type byte (1 ClientHello,
 * 2 ServerHello, 4 NewSessionTicket), header included. KIND names other
 * structures:
 *   client-hello, server-hello, nst   a whole handshake message of that type
 *   ext         SessionTicket extension_data (no 4-byte extension header)
 *   extensions  an extensions block with its 2-byte length
 *   nst-body    a NewSessionTicket body (no handshake header)
 *   ticket      a protected ticket; layout per --suite: rfc5077 (iv 16,
 *               mac 32, the default) or aes256-gcm (nonce 12, tag 16)
 *   state       a StatePlaintext
 *
 * Output: human-readable text, or with --json exactly one JSON object.
 * Output is built in memory and printed only once the whole input has
 * been decoded, so a malformed input (exit 2) leaves stdout empty and
 * gets exactly one line on stderr:
 *   tkt: inspect: STRUCTURE: offset N: REASON (STATUS_NAME)
 * where N counts bytes from the start of the (hex-decoded) input. Exit
 * status: 0 decoded, 1 I/O error, 2 malformed input or usage error.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef enum inspect_kind {
	KIND_AUTO,
	KIND_CLIENT_HELLO,
	KIND_SERVER_HELLO,
	KIND_NST,
	KIND_EXT,
	KIND_EXTS,
	KIND_NST_BODY,
	KIND_TICKET,
	KIND_STATE
} inspect_kind;

static const struct {
	const char *name;
	inspect_kind kind;
} kinds[] = {
	{ "client-hello", KIND_CLIENT_HELLO },
	{ "server-hello", KIND_SERVER_HELLO },
	{ "nst", KIND_NST },
	{ "ext", KIND_EXT },
	{ "extensions", KIND_EXTS },
	{ "nst-body", KIND_NST_BODY },
	{ "ticket", KIND_TICKET },
	{ "state", KIND_STATE },
};

typedef struct inspect {
	const uint8_t *base;     /* the whole input: offsets are relative to it */
	int json;
	cli_text *out;
	cli_json j;
	size_t iv_len, mac_len;  /* ticket layout */
	const char *suite;
	/* the failure, if any */
	const char *what;
	size_t at;
	tkt_status st;
	int saw_type;            /* for TKT_ERR_BAD_TYPE: the type byte seen */
	unsigned bad_type;
} inspect;

/* Record a failure of structure `what` at absolute offset `at`. */
static int fail(inspect *c, const char *what, size_t at, tkt_status st)
{
	c->what = what;
	c->at = at;
	c->st = st;
	return -1;
}

/* Absolute offset of a pointer into the input. */
static size_t off_of(const inspect *c, const uint8_t *p)
{
	return (size_t)(p - c->base);
}

static void usage(void)
{
	fprintf(stderr, "usage: tkt inspect [--json] [--as client-hello|server-hello|nst|ext|"
		"extensions|nst-body|ticket|state] [--suite rfc5077|aes256-gcm] "
		"[--raw|--hex] [FILE|-]\n");
}

static void help(void)
{
	printf("usage: tkt inspect [--json] [--as KIND] [--suite SUITE] [--raw|--hex] [FILE|-]\n"
		"\n"
		"Decode one structure with tkt's codec and show it (FILE or - for stdin).\n"
		"Without --as: a handshake message, header included, by its type byte\n"
		"(1 ClientHello, 2 ServerHello, 4 NewSessionTicket). KIND:\n"
		"  client-hello, server-hello, nst  a whole handshake message of that type\n"
		"  ext          SessionTicket extension_data (without the extension header)\n"
		"  extensions   an extensions block, with its 2-byte length\n"
		"  nst-body     a NewSessionTicket body (without the handshake header)\n"
		"  ticket       a protected ticket in the --suite layout\n"
		"  state        a StatePlaintext\n"
		"--suite rfc5077      ticket layout iv 16, mac 32 (the default)\n"
		"--suite aes256-gcm   ticket layout nonce 12, tag 16\n"
		"--json       one JSON object instead of text\n"
		"--raw/--hex  read the input as raw bytes / as hex text; by default hex\n"
		"             text is recognised: hex digit pairs, optionally separated\n"
		"             by whitespace or ':', words optionally prefixed with 0x\n"
		"Exit status: 0 decoded, 1 I/O error, 2 malformed input or usage error;\n"
		"on malformed input stdout stays empty and stderr gets one line:\n"
		"  tkt: inspect: STRUCTURE: offset N: REASON (STATUS)\n"
		"with N counted in bytes from the start of the (hex-decoded) input.\n");
}

static const char *ext_name(unsigned type)
{
	switch (type) {
	case 0:     return "server_name";
	case 1:     return "max_fragment_length";
	case 5:     return "status_request";
	case 10:    return "supported_groups";
	case 11:    return "ec_point_formats";
	case 13:    return "signature_algorithms";
	case 15:    return "heartbeat";
	case 16:    return "application_layer_protocol_negotiation";
	case 18:    return "signed_certificate_timestamp";
	case 21:    return "padding";
	case 22:    return "encrypt_then_mac";
	case 23:    return "extended_master_secret";
	case 28:    return "record_size_limit";
	case 35:    return "session_ticket";
	case 41:    return "pre_shared_key";
	case 43:    return "supported_versions";
	case 45:    return "psk_key_exchange_modes";
	case 51:    return "key_share";
	case 13172: return "next_protocol_negotiation";
	case 65281: return "renegotiation_info";
	default:    return "unknown";
	}
}

static const char *form_name(tkt_ext35_form f)
{
	switch (f) {
	case TKT_EXT35_EMPTY:         return "empty";
	case TKT_EXT35_TICKET:        return "ticket";
	case TKT_EXT35_RFC4507_EMPTY: return "rfc4507_empty";
	default:                      return "unknown";
	}
}

/* Human output: "label: " then N bytes of hex, wrapped at 32 bytes a line. */
static void text_bytes(cli_text *t, const char *indent, const char *label,
	const uint8_t *p, size_t n)
{
	size_t i;

	cli_text_printf(t, "%s%-22s", indent, label);
	if (n == 0) {
		cli_text_printf(t, "(empty)\n");
		return;
	}
	cli_text_printf(t, "%zu bytes\n", n);
	for (i = 0; i < n; i += 32) {
		cli_text_printf(t, "%s  ", indent);
		cli_text_hex(t, p + i, n - i < 32 ? n - i : 32);
		cli_text_put(t, "\n", 1);
	}
}

/* ------------------------------------------------------------------ ticket */

/*
 * The ticket parsed with the selected layout. `mandatory`: a failure is
 * the command's failure (--as ticket); otherwise (inside a
 * NewSessionTicket, where any opaque ticket is valid) it is only shown.
 */
static int show_ticket(inspect *c, const char *key, const uint8_t *p,
	size_t n, int mandatory)
{
	tkt_ticket tk;
	size_t at;
	tkt_status st = tkt_ticket_decode(p, n, c->iv_len, c->mac_len, &tk, &at);

	if (st != TKT_OK) {
		if (mandatory)
			return fail(c, "ticket", (n > 0 ? off_of(c, p) : 0) + at, st);
		if (c->json) {
			cli_json_null(&c->j, key);
		} else {
			cli_text_printf(c->out, "  ticket_layout:        not a %s ticket "
				"(%s at ticket offset %zu)\n", c->suite, tkt_strerror((int)st), at);
		}
		return 0;
	}
	if (c->json) {
		if (key != NULL)
			cli_json_obj_begin(&c->j, key);
		cli_json_str(&c->j, "layout", c->suite);
		cli_json_hex(&c->j, "key_name", tk.key_name, TKT_KEY_NAME_LEN);
		cli_json_hex(&c->j, "iv", tk.iv.ptr, tk.iv.len);
		cli_json_uint(&c->j, "encrypted_state_length", tk.encrypted_state.len);
		cli_json_hex(&c->j, "encrypted_state", tk.encrypted_state.ptr,
			tk.encrypted_state.len);
		cli_json_hex(&c->j, "mac", tk.mac.ptr, tk.mac.len);
		if (key != NULL)
			cli_json_obj_end(&c->j);
	} else {
		const char *ind = mandatory ? "  " : "    ";
		if (!mandatory)
			cli_text_printf(c->out, "  ticket_layout:        parses as a %s ticket\n",
				c->suite);
		text_bytes(c->out, ind, "key_name:", tk.key_name, TKT_KEY_NAME_LEN);
		text_bytes(c->out, ind, "iv:", tk.iv.ptr, tk.iv.len);
		text_bytes(c->out, ind, "encrypted_state:", tk.encrypted_state.ptr,
			tk.encrypted_state.len);
		text_bytes(c->out, ind, "mac:", tk.mac.ptr, tk.mac.len);
	}
	return 0;
}

/* -------------------------------------------------------------- extensions */

/*
 * The members describing a decoded extensions block (or its absence):
 * extensions in wire order, then the SessionTicket extension.
 */
static int show_exts(inspect *c, int present, const tkt_exts *x)
{
	tkt_ext35 e;
	size_t cursor = 0, at, k = 0;
	tkt_ext ext;
	tkt_status st;

	if (present && x->has_ext35) {
		st = tkt_ext35_decode(x->ext35.ptr, x->ext35.len,
			TKT_EXT35_ALLOW_RFC4507_EMPTY, &e, &at);
		if (st != TKT_OK) {
			/* ext35_off is the offset of its 4-byte header in the list. */
			return fail(c, "SessionTicket extension",
				off_of(c, x->list.ptr) + x->ext35_off + 4 + at, st);
		}
	}
	if (c->json) {
		cli_json_bool(&c->j, "has_extensions", present);
		cli_json_arr_begin(&c->j, "extensions");
		while (present && tkt_exts_next(x, &cursor, &ext)) {
			cli_json_obj_begin_flat(&c->j, NULL);
			cli_json_uint(&c->j, "type", ext.type);
			cli_json_uint(&c->j, "length", ext.data.len);
			cli_json_obj_end(&c->j);
		}
		cli_json_arr_end(&c->j);
		if (present && x->has_ext35) {
			cli_json_obj_begin(&c->j, "session_ticket");
			cli_json_hex(&c->j, "ticket", e.ticket.ptr, e.ticket.len);
			cli_json_obj_end(&c->j);
			cli_json_str(&c->j, "session_ticket_form", form_name(e.form));
		} else {
			cli_json_null(&c->j, "session_ticket");
			cli_json_null(&c->j, "session_ticket_form");
		}
		return 0;
	}
	if (!present) {
		cli_text_printf(c->out, "  extensions:           none (no extensions block)\n");
	} else {
		cli_text_printf(c->out, "  extensions:           %zu\n", x->count);
		while (tkt_exts_next(x, &cursor, &ext)) {
			cli_text_printf(c->out, "    [%zu] type %5u %-24s %zu bytes\n", k++,
				(unsigned)ext.type, ext_name(ext.type), ext.data.len);
		}
	}
	if (!present || !x->has_ext35) {
		cli_text_printf(c->out, "  session_ticket:       absent\n");
	} else if (e.form == TKT_EXT35_TICKET) {
		text_bytes(c->out, "  ", "session_ticket:", e.ticket.ptr, e.ticket.len);
	} else {
		cli_text_printf(c->out, "  session_ticket:       empty (%s)\n",
			e.form == TKT_EXT35_EMPTY ? "RFC 5077 form 00 23 00 00"
				: "RFC 4507 form 00 23 00 02 00 00");
	}
	return 0;
}

/* ------------------------------------------------------------------ hellos */

static void header(inspect *c, const char *msg, const char *title, size_t body_len)
{
	if (c->json) {
		cli_json_str(&c->j, "msg", msg);
		cli_json_uint(&c->j, "length", body_len);
	} else {
		cli_text_printf(c->out, "%s (body %zu bytes)\n", title, body_len);
	}
}

static void version_line(inspect *c, const char *key, unsigned v)
{
	if (c->json)
		cli_json_hex16(&c->j, key, v);
	else
		cli_text_printf(c->out, "  %s:%*s0x%04x\n", key, (int)(21 - strlen(key)), "", v);
}

static void random_and_sid(inspect *c, const uint8_t *random, tkt_bytes sid)
{
	if (c->json) {
		cli_json_hex(&c->j, "random", random, TKT_RANDOM_LEN);
		cli_json_hex(&c->j, "session_id", sid.ptr, sid.len);
	} else {
		text_bytes(c->out, "  ", "random:", random, TKT_RANDOM_LEN);
		text_bytes(c->out, "  ", "session_id:", sid.ptr, sid.len);
	}
}

static int client_hello(inspect *c, const uint8_t *body, size_t len, size_t body_off)
{
	tkt_client_hello h;
	size_t at, i;
	tkt_status st = tkt_client_hello_decode(body, len, &h, &at);

	if (st != TKT_OK)
		return fail(c, "ClientHello", body_off + at, st);
	header(c, "client_hello", "ClientHello", len);
	version_line(c, "version", h.version);
	random_and_sid(c, h.random, h.session_id);
	if (c->json) {
		cli_json_arr_begin_flat(&c->j, "cipher_suites");
		for (i = 0; i + 1 < h.cipher_suites.len; i += 2)
			cli_json_hex16(&c->j, NULL, h.cipher_suites.ptr[i] * 256u
				+ h.cipher_suites.ptr[i + 1]);
		cli_json_arr_end(&c->j);
		cli_json_arr_begin_flat(&c->j, "compression_methods");
		for (i = 0; i < h.compression.len; i++)
			cli_json_uint(&c->j, NULL, h.compression.ptr[i]);
		cli_json_arr_end(&c->j);
	} else {
		cli_text_printf(c->out, "  cipher_suites:        %zu", h.cipher_suites.len / 2);
		for (i = 0; i + 1 < h.cipher_suites.len; i += 2) {
			cli_text_printf(c->out, "%s0x%04x", (i % 16) == 0 ? "\n    " : " ",
				h.cipher_suites.ptr[i] * 256u + h.cipher_suites.ptr[i + 1]);
		}
		cli_text_printf(c->out, "\n  compression_methods: ");
		for (i = 0; i < h.compression.len; i++)
			cli_text_printf(c->out, " %u", (unsigned)h.compression.ptr[i]);
		cli_text_put(c->out, "\n", 1);
	}
	return show_exts(c, h.has_extensions, &h.exts);
}

static int server_hello(inspect *c, const uint8_t *body, size_t len, size_t body_off)
{
	tkt_server_hello h;
	size_t at;
	tkt_status st = tkt_server_hello_decode(body, len, &h, &at);

	if (st != TKT_OK)
		return fail(c, "ServerHello", body_off + at, st);
	header(c, "server_hello", "ServerHello", len);
	version_line(c, "version", h.version);
	random_and_sid(c, h.random, h.session_id);
	if (c->json) {
		cli_json_hex16(&c->j, "cipher_suite", h.cipher_suite);
		cli_json_uint(&c->j, "compression_method", h.compression);
	} else {
		cli_text_printf(c->out, "  cipher_suite:         0x%04x\n", (unsigned)h.cipher_suite);
		cli_text_printf(c->out, "  compression_method:   %u\n", (unsigned)h.compression);
	}
	return show_exts(c, h.has_extensions, &h.exts);
}

/* --------------------------------------------------------- NewSessionTicket */

static int nst_body(inspect *c, const uint8_t *body, size_t len, size_t body_off,
	int with_header)
{
	tkt_nst n;
	size_t at;
	tkt_status st = tkt_nst_decode(body, len, &n, &at);

	if (st != TKT_OK)
		return fail(c, with_header ? "NewSessionTicket" : "NewSessionTicket body",
			body_off + at, st);
	if (with_header) {
		header(c, "new_session_ticket", "NewSessionTicket", len);
	} else if (c->json) {
		cli_json_str(&c->j, "structure", "new_session_ticket_body");
	} else {
		cli_text_printf(c->out, "NewSessionTicket body (%zu bytes)\n", len);
	}
	if (c->json) {
		cli_json_uint(&c->j, "lifetime_hint", n.lifetime_hint);
		cli_json_hex(&c->j, "ticket", n.ticket.ptr, n.ticket.len);
	} else {
		cli_text_printf(c->out, "  lifetime_hint:        %lu s%s\n",
			(unsigned long)n.lifetime_hint,
			n.lifetime_hint == 0 ? " (unspecified)" : "");
		text_bytes(c->out, "  ", "ticket:", n.ticket.ptr, n.ticket.len);
	}
	/* Peers use their own layouts: not parsing as RFC 5077 is no error. */
	if (n.ticket.len == 0) {
		if (c->json)
			cli_json_null(&c->j, "ticket_layout");
		else
			cli_text_printf(c->out, "  ticket_layout:        none (empty ticket: "
				"the client keeps its old one)\n");
		return 0;
	}
	return show_ticket(c, "ticket_layout", n.ticket.ptr, n.ticket.len, 0);
}

/* -------------------------------------------------------------- messages */

static const char *msg_title(unsigned type)
{
	switch (type) {
	case TKT_HS_CLIENT_HELLO:       return "ClientHello";
	case TKT_HS_SERVER_HELLO:       return "ServerHello";
	case TKT_HS_NEW_SESSION_TICKET: return "NewSessionTicket";
	default:                        return "handshake message";
	}
}

static int message(inspect *c, const uint8_t *buf, size_t len, unsigned want)
{
	tkt_hs hs;
	size_t at;
	tkt_status st;
	unsigned type;

	if (len == 0)
		return fail(c, want ? msg_title(want) : "handshake message", 0, TKT_ERR_TRUNCATED);
	type = buf[0];
	if ((want != 0 && type != want) || (want == 0 && type != TKT_HS_CLIENT_HELLO
		&& type != TKT_HS_SERVER_HELLO && type != TKT_HS_NEW_SESSION_TICKET)) {
		c->saw_type = 1;
		c->bad_type = type;
		return fail(c, want ? msg_title(want) : "handshake message", 0, TKT_ERR_BAD_TYPE);
	}
	st = tkt_hs_decode(buf, len, &hs, &at);
	if (st != TKT_OK)
		return fail(c, msg_title(type), at, st);
	switch (type) {
	case TKT_HS_CLIENT_HELLO:
		return client_hello(c, hs.body.ptr, hs.body.len, TKT_HS_HEADER_LEN);
	case TKT_HS_SERVER_HELLO:
		return server_hello(c, hs.body.ptr, hs.body.len, TKT_HS_HEADER_LEN);
	default:
		return nst_body(c, hs.body.ptr, hs.body.len, TKT_HS_HEADER_LEN, 1);
	}
}

/* ------------------------------------------------------------ other kinds */

static int ext35(inspect *c, const uint8_t *buf, size_t len)
{
	tkt_ext35 e;
	size_t at;
	tkt_status st = tkt_ext35_decode(buf, len, TKT_EXT35_ALLOW_RFC4507_EMPTY, &e, &at);

	if (st != TKT_OK)
		return fail(c, "SessionTicket extension", at, st);
	if (c->json) {
		cli_json_str(&c->j, "structure", "session_ticket_extension");
		cli_json_str(&c->j, "form", form_name(e.form));
		cli_json_hex(&c->j, "ticket", e.ticket.ptr, e.ticket.len);
	} else {
		cli_text_printf(c->out, "SessionTicket extension data (%zu bytes)\n", len);
		cli_text_printf(c->out, "  form:                 %s\n", form_name(e.form));
		text_bytes(c->out, "  ", "ticket:", e.ticket.ptr, e.ticket.len);
	}
	return 0;
}

static int exts_block(inspect *c, const uint8_t *buf, size_t len)
{
	tkt_exts x;
	size_t at;
	tkt_status st = tkt_exts_decode(buf, len, &x, &at);

	if (st != TKT_OK)
		return fail(c, "extensions", at, st);
	if (c->json)
		cli_json_str(&c->j, "structure", "extensions");
	else
		cli_text_printf(c->out, "Extensions block (%zu bytes)\n", len);
	return show_exts(c, 1, &x);
}

static int ticket(inspect *c, const uint8_t *buf, size_t len)
{
	if (c->json)
		cli_json_str(&c->j, "structure", "ticket");
	else
		cli_text_printf(c->out, "Ticket, %s layout (%zu bytes)\n", c->suite, len);
	return show_ticket(c, NULL, buf, len, 1);
}

static int state(inspect *c, const uint8_t *buf, size_t len)
{
	tkt_state s;
	size_t at;
	tkt_status st = tkt_state_decode(buf, len, &s, &at);

	if (st != TKT_OK)
		return fail(c, "StatePlaintext", at, st);
	if (c->json) {
		cli_json_str(&c->j, "structure", "state");
		cli_show_state_json_members(&c->j, &s);
	} else {
		cli_text_printf(c->out, "StatePlaintext (%zu bytes)\n", len);
		cli_show_state_text(c->out, &s, "  ");
	}
	return 0;
}

static int dispatch(inspect *c, inspect_kind kind, const uint8_t *buf, size_t len)
{
	switch (kind) {
	case KIND_AUTO:         return message(c, buf, len, 0);
	case KIND_CLIENT_HELLO: return message(c, buf, len, TKT_HS_CLIENT_HELLO);
	case KIND_SERVER_HELLO: return message(c, buf, len, TKT_HS_SERVER_HELLO);
	case KIND_NST:          return message(c, buf, len, TKT_HS_NEW_SESSION_TICKET);
	case KIND_EXT:          return ext35(c, buf, len);
	case KIND_EXTS:         return exts_block(c, buf, len);
	case KIND_NST_BODY:     return nst_body(c, buf, len, 0, 0);
	case KIND_TICKET:       return ticket(c, buf, len);
	default:                return state(c, buf, len);
	}
}

int cmd_inspect(int argc, char **argv)
{
	inspect c;
	cli_text out;
	cli_input in;
	cli_input_mode mode = CLI_INPUT_AUTO;
	inspect_kind kind = KIND_AUTO;
	const char *path = NULL;
	int i, json = 0, opts_done = 0, rc;
	size_t k;

	memset(&c, 0, sizeof c);
	c.iv_len = TKT_RFC5077_IV_LEN;
	c.mac_len = TKT_RFC5077_MAC_LEN;
	c.suite = "rfc5077";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!opts_done && strcmp(a, "--") == 0) {
			opts_done = 1;
		} else if (!opts_done && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
			help();
			return CLI_EXIT_OK;
		} else if (!opts_done && strcmp(a, "--json") == 0) {
			json = 1;
		} else if (!opts_done && strcmp(a, "--raw") == 0) {
			mode = CLI_INPUT_RAW;
		} else if (!opts_done && strcmp(a, "--hex") == 0) {
			mode = CLI_INPUT_HEX;
		} else if (!opts_done && strcmp(a, "--as") == 0) {
			if (++i == argc) {
				usage();
				return CLI_EXIT_BAD;
			}
			for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
				if (strcmp(argv[i], kinds[k].name) == 0)
					break;
			}
			if (k == sizeof kinds / sizeof kinds[0]) {
				cli_error("inspect: unknown kind '%s'", argv[i]);
				usage();
				return CLI_EXIT_BAD;
			}
			kind = kinds[k].kind;
		} else if (!opts_done && strcmp(a, "--suite") == 0) {
			if (++i == argc) {
				usage();
				return CLI_EXIT_BAD;
			}
			if (strcmp(argv[i], "rfc5077") == 0) {
				c.iv_len = TKT_RFC5077_IV_LEN;
				c.mac_len = TKT_RFC5077_MAC_LEN;
				c.suite = "rfc5077";
			} else if (strcmp(argv[i], "aes256-gcm") == 0) {
				c.iv_len = 12;
				c.mac_len = 16;
				c.suite = "aes256-gcm";
			} else {
				cli_error("inspect: unknown suite '%s'", argv[i]);
				usage();
				return CLI_EXIT_BAD;
			}
		} else if (!opts_done && a[0] == '-' && a[1] != '\0') {
			cli_error("inspect: unknown option '%s'", a);
			usage();
			return CLI_EXIT_BAD;
		} else if (path == NULL) {
			path = a;
		} else {
			cli_error("inspect: more than one input");
			usage();
			return CLI_EXIT_BAD;
		}
	}

	rc = cli_read_input(path, mode, &in);
	if (rc != CLI_EXIT_OK)
		return rc;

	cli_text_init(&out);
	c.base = in.data;
	c.json = json;
	c.out = &out;
	cli_json_init(&c.j, &out);
	if (json)
		cli_json_obj_begin(&c.j, NULL);
	if (dispatch(&c, kind, in.data, in.len) != 0) {
		if (c.st == TKT_ERR_BAD_TYPE && c.saw_type)
			cli_error("inspect: %s: offset %zu: %s (%s): type %u%s", c.what, c.at,
				tkt_strerror((int)c.st), tkt_status_name((int)c.st), c.bad_type,
				kind == KIND_AUTO ? ", use --as for other structures" : "");
		else
			cli_error("inspect: %s: offset %zu: %s (%s)", c.what, c.at,
				tkt_strerror((int)c.st), tkt_status_name((int)c.st));
		cli_text_free(&out);
		cli_input_free(&in);
		return CLI_EXIT_BAD;
	}
	if (json) {
		cli_json_obj_end(&c.j);
		if (cli_json_finish(&c.j) != 0) {
			/* A bug in this file, not in the input. */
			cli_error("inspect: internal error: malformed JSON output");
			cli_text_free(&out);
			cli_input_free(&in);
			return CLI_EXIT_IO;
		}
	}
	rc = cli_text_flush(&out);
	cli_input_free(&in);
	return rc;
}
