/*
 * Status names and reasons (tkt/status.h). Part of the codec so that a
 * vendored codec alone can report its errors.
 */
#include "tkt/status.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/*@ assigns \nothing;
    ensures \valid_read(\result);
*/
const char *tkt_strerror(int status)
{
	switch (status) {
	case TKT_OK:                   return "success";
	case TKT_ERR_TRUNCATED:        return "truncated input";
	case TKT_ERR_BAD_LENGTH:       return "length field inconsistent with its container";
	case TKT_ERR_TRAILING:         return "trailing bytes after the structure";
	case TKT_ERR_RANGE:            return "value out of range";
	case TKT_ERR_NONCANONICAL:     return "non-canonical encoding";
	case TKT_ERR_DUPLICATE:        return "duplicate extension";
	case TKT_ERR_ORDER:            return "state extensions out of order";
	case TKT_ERR_LEGACY:           return "RFC 4507 legacy encoding";
	case TKT_ERR_BAD_TYPE:         return "unexpected handshake message type";
	case TKT_ERR_UNKNOWN_EXT:      return "unknown state extension";
	case TKT_ERR_BUFFER_TOO_SMALL: return "output buffer too small";
	case TKT_ERR_ARG:              return "invalid argument";
	case TKT_OK_RENEW:             return "success, ticket should be renewed";
	case TKT_EMPTY:                return "empty ticket";
	case TKT_ERR_NOT_OURS:         return "unknown ticket key name";
	case TKT_ERR_BAD_MAC:          return "ticket authentication failed";
	case TKT_ERR_MALFORMED:        return "malformed ticket plaintext";
	case TKT_ERR_EXPIRED:          return "ticket expired";
	case TKT_ERR_POLICY:           return "ticket refused by policy";
	case TKT_ERR_KEY:              return "unusable key";
	case TKT_ERR_RNG:              return "no randomness available";
	case TKT_ERR_FULL:             return "container full";
	case TKT_ERR_IO:               return "input/output error";
	case TKT_ERR_SYNTAX:           return "syntax error";
	case TKT_ERR_TLS:              return "TLS engine error";
	case TKT_ERR_UNSUPPORTED:      return "left out of this build";
	default:                       return "unknown status";
	}
}

/*@ assigns \nothing;
    ensures \valid_read(\result);
*/
const char *tkt_status_name(int status)
{
	switch (status) {
	case TKT_OK:                   return "TKT_OK";
	case TKT_ERR_TRUNCATED:        return "TKT_ERR_TRUNCATED";
	case TKT_ERR_BAD_LENGTH:       return "TKT_ERR_BAD_LENGTH";
	case TKT_ERR_TRAILING:         return "TKT_ERR_TRAILING";
	case TKT_ERR_RANGE:            return "TKT_ERR_RANGE";
	case TKT_ERR_NONCANONICAL:     return "TKT_ERR_NONCANONICAL";
	case TKT_ERR_DUPLICATE:        return "TKT_ERR_DUPLICATE";
	case TKT_ERR_ORDER:            return "TKT_ERR_ORDER";
	case TKT_ERR_LEGACY:           return "TKT_ERR_LEGACY";
	case TKT_ERR_BAD_TYPE:         return "TKT_ERR_BAD_TYPE";
	case TKT_ERR_UNKNOWN_EXT:      return "TKT_ERR_UNKNOWN_EXT";
	case TKT_ERR_BUFFER_TOO_SMALL: return "TKT_ERR_BUFFER_TOO_SMALL";
	case TKT_ERR_ARG:              return "TKT_ERR_ARG";
	case TKT_OK_RENEW:             return "TKT_OK_RENEW";
	case TKT_EMPTY:                return "TKT_EMPTY";
	case TKT_ERR_NOT_OURS:         return "TKT_ERR_NOT_OURS";
	case TKT_ERR_BAD_MAC:          return "TKT_ERR_BAD_MAC";
	case TKT_ERR_MALFORMED:        return "TKT_ERR_MALFORMED";
	case TKT_ERR_EXPIRED:          return "TKT_ERR_EXPIRED";
	case TKT_ERR_POLICY:           return "TKT_ERR_POLICY";
	case TKT_ERR_KEY:              return "TKT_ERR_KEY";
	case TKT_ERR_RNG:              return "TKT_ERR_RNG";
	case TKT_ERR_FULL:             return "TKT_ERR_FULL";
	case TKT_ERR_IO:               return "TKT_ERR_IO";
	case TKT_ERR_SYNTAX:           return "TKT_ERR_SYNTAX";
	case TKT_ERR_TLS:              return "TKT_ERR_TLS";
	case TKT_ERR_UNSUPPORTED:      return "TKT_ERR_UNSUPPORTED";
	default:                       return "TKT_UNKNOWN";
	}
}
