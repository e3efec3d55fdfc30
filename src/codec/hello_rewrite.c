/*
 * Rewriting extension 35 inside a whole hello message (tkt/codec.h). The
 * BearSSL integration adds an empty ext 35 to ServerHellos and strips it
 * from ClientHellos and ServerHellos on the fly; every byte other than the
 * handshake length, the block length and extension 35 itself is kept.
 */
#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/*
 * Decode a hello message: its type (1 or 2), the offset of the extensions
 * block within the message (where the block would start if absent) and a
 * view of the block (an empty list if absent).
 */
static tkt_status hello_locate(const uint8_t *msg, size_t len, size_t *ext_off,
	tkt_exts *exts, int *has)
{
	tkt_hs hs;
	size_t at = 0;
	tkt_status st;

	st = tkt_hs_decode(msg, len, &hs, &at);
	if (st != TKT_OK)
		return st;
	if (hs.type == TKT_HS_CLIENT_HELLO) {
		tkt_client_hello ch;

		st = tkt_client_hello_decode(hs.body.ptr, hs.body.len, &ch, &at);
		if (st != TKT_OK)
			return st;
		*ext_off = TKT_HS_HEADER_LEN + 35u + ch.session_id.len + 2u
			+ ch.cipher_suites.len + 1u + ch.compression.len;
		*exts = ch.exts;
		*has = ch.has_extensions;
		return TKT_OK;
	}
	if (hs.type == TKT_HS_SERVER_HELLO) {
		tkt_server_hello sh;

		st = tkt_server_hello_decode(hs.body.ptr, hs.body.len, &sh, &at);
		if (st != TKT_OK)
			return st;
		*ext_off = TKT_HS_HEADER_LEN + 35u + sh.session_id.len + 3u;
		*exts = sh.exts;
		*has = sh.has_extensions;
		return TKT_OK;
	}
	return TKT_ERR_BAD_TYPE;
}

static void copy_prefix(uint8_t *out, const uint8_t *msg, size_t n,
	size_t body_len)
{
	size_t i;

	out[0] = msg[0];
	out[1] = (uint8_t)(body_len / 65536u);
	out[2] = (uint8_t)(body_len / 256u % 256u);
	out[3] = (uint8_t)(body_len % 256u);
	for (i = TKT_HS_HEADER_LEN; i < n; i++)
		out[i] = msg[i];
}

tkt_status tkt_hello_set_ext35(const uint8_t *msg, size_t len,
	const uint8_t *data, size_t data_len, uint8_t *out, size_t cap,
	size_t *written)
{
	tkt_exts exts;
	size_t ext_off = 0, block, need, w = 0;
	int has = 0;
	tkt_status st;

	*written = 0;
	if (data_len > 0u && data == NULL)
		return TKT_ERR_ARG;
	st = hello_locate(msg, len, &ext_off, &exts, &has);
	if (st != TKT_OK)
		return st;
	block = tkt_exts_set_ext35_size(&exts, data_len);
	if (block == 0u)
		return TKT_ERR_ARG;
	need = ext_off + block;
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	st = tkt_exts_set_ext35(&exts, data, data_len, out + ext_off,
		cap - ext_off, &w);
	if (st != TKT_OK)
		return st;
	copy_prefix(out, msg, ext_off, need - TKT_HS_HEADER_LEN);
	*written = need;
	return TKT_OK;
}

tkt_status tkt_hello_remove_ext35(const uint8_t *msg, size_t len,
	uint8_t *out, size_t cap, size_t *written)
{
	tkt_exts exts;
	size_t ext_off = 0, need, w = 0;
	int has = 0;
	tkt_status st;

	*written = 0;
	st = hello_locate(msg, len, &ext_off, &exts, &has);
	if (st != TKT_OK)
		return st;
	need = has ? ext_off + tkt_exts_remove_ext35_size(&exts) : ext_off;
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	if (has) {
		st = tkt_exts_remove_ext35(&exts, out + ext_off, cap - ext_off,
			&w);
		if (st != TKT_OK)
			return st;
	}
	copy_prefix(out, msg, ext_off, need - TKT_HS_HEADER_LEN);
	*written = need;
	return TKT_OK;
}
