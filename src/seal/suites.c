/*
 * Suite names and layout sizes. Every size here is derived from the
 * ticket layout of spec/formats.md.
 */
#include <string.h>

#include "internal.h"

const char *tkt_suite_name(tkt_suite s)
{
	switch (s) {
	case TKT_SUITE_RFC5077:        return "rfc5077";
	case TKT_SUITE_RFC5077_AES256: return "rfc5077-aes256";
	case TKT_SUITE_AES256_GCM:     return "aes256-gcm";
	case TKT_SUITE_NONE:
	default:                       return "none";
	}
}

tkt_status tkt_suite_from_name(const char *name, tkt_suite *s)
{
#ifdef TKT_NO_GCM
	/* Known but left out: say so rather than "unknown name". */
	if (name != NULL && strcmp(name, "aes256-gcm") == 0)
		return TKT_ERR_UNSUPPORTED;
#endif
	static const tkt_suite all[3] = {
		TKT_SUITE_RFC5077, TKT_SUITE_RFC5077_AES256, TKT_SUITE_AES256_GCM
	};
	size_t i;

	if (name == NULL)
		return TKT_ERR_ARG;
	for (i = 0; i < 3; i++) {
		if (strcmp(name, tkt_suite_name(all[i])) == 0) {
			*s = all[i];
			return TKT_OK;
		}
	}
	return TKT_ERR_ARG;
}

size_t tkt_suite_iv_len(tkt_suite s)
{
	switch (s) {
	case TKT_SUITE_RFC5077:
	case TKT_SUITE_RFC5077_AES256: return 16;
#ifndef TKT_NO_GCM
	case TKT_SUITE_AES256_GCM:     return 12;
#endif
	case TKT_SUITE_NONE:
	default:                       return 0;
	}
}

size_t tkt_suite_mac_len(tkt_suite s)
{
	switch (s) {
	case TKT_SUITE_RFC5077:
	case TKT_SUITE_RFC5077_AES256: return 32;
#ifndef TKT_NO_GCM
	case TKT_SUITE_AES256_GCM:     return 16;
#endif
	case TKT_SUITE_NONE:
	default:                       return 0;
	}
}

size_t tkt_suite_aes_len(tkt_suite s)
{
	switch (s) {
	case TKT_SUITE_RFC5077:        return 16;
	case TKT_SUITE_RFC5077_AES256: return 32;
#ifndef TKT_NO_GCM
	case TKT_SUITE_AES256_GCM:     return 32;
#endif
	case TKT_SUITE_NONE:
	default:                       return 0;
	}
}

size_t tkt_suite_ticket_len(tkt_suite s, size_t state_len)
{
	size_t iv = tkt_suite_iv_len(s);
	size_t body;

	if (iv == 0 || state_len > 65535u)
		return 0;
	/* CBC: PKCS#7 always adds 1..16 bytes, up to a multiple of 16. */
	body = s == TKT_SUITE_AES256_GCM ? state_len
		: state_len + (16u - state_len % 16u);
	body += TKT_KEY_NAME_LEN + iv + 2u + tkt_suite_mac_len(s);
	return body > 65535u ? 0 : body;
}
