/*
 * StatePlaintext (RFC 5077 section 4) with tkt's state-extension block:
 * tkt_state_decode, tkt_state_size, tkt_state_encode (tkt/codec.h).
 * The format, its canonical rules and the error of each rejection are in
 * spec/formats.md ("StatePlaintext"); the logic is spec/logic/state.h.
 *
 * The decoder is one pass with an offset cursor. Bounds are compared as
 * `remaining < needed` (never `off + needed > len`) so that no sum can
 * wrap whatever len is.
 */
#include <stddef.h>
#include <stdint.h>

#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/* Fixed-size prefix: version 2, suite 2, compression 1, master_secret 48. */
#define ST_ID_OFF   53u   /* client_authentication_type */
#define ST_BODY_OFF 54u   /* identity body */

#ifndef TKT_NO_CERT_IDENTITY
/*
 * Shared by the decoder (certificate_list inside the buffer) and by the
 * encoder's validation (the caller's cert_list), so that both accept
 * exactly the same lists. *bad receives the offset of the first entry
 * that is cut short or empty.
 */
/*@ requires \valid_read(p + (0 .. n - 1));
    requires \valid(bad);
    requires \separated(bad, p + (0 .. n - 1));
    assigns *bad;
    ensures \result == TKT_OK || \result == TKT_ERR_BAD_LENGTH;
    ensures \result == TKT_OK <==> certs_wf((uint8_t *)p, 0, n);
    ensures *bad <= n;
*/
static tkt_status certs_check(const uint8_t *p, size_t n, size_t *bad)
{
	size_t i = 0;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant certs_wf((uint8_t *)p, 0, n) <==>
	                   certs_wf((uint8_t *)p, i, n);
	    loop assigns i;
	    loop variant n - i;
	*/
	while (i != n) {
		size_t c;

		if (n - i < 3u) {
			*bad = i;
			return TKT_ERR_BAD_LENGTH;
		}
		c = ((size_t)p[i] * 256u + p[i + 1u]) * 256u + p[i + 2u];
		/*@ assert c == be24((uint8_t *)p + i); */
		if (c == 0u || c > n - i - 3u) {
			*bad = i;
			return TKT_ERR_BAD_LENGTH;
		}
		i += 3u + c;
	}
	*bad = n;
	return TKT_OK;
}
#endif

#ifndef TKT_NO_STATE_EXTENSIONS
/*
 * One StateExtension header at buf[pos .. end) where end is the end of the
 * block: the type must be at least `min` (one more than the previous
 * type), known, with a body of its allowed length, entirely inside.
 * Ordering is judged before the type is looked up, so that a repeated or
 * misplaced unknown type reports the ordering fault.
 */
/*@ requires pos <= end;
    requires \valid_read(buf + (pos .. end - 1));
    requires \valid(type) && \valid(dlen);
    requires \separated(type, dlen, buf + (pos .. end - 1));
    requires min <= 65536;
    assigns *type, *dlen;
    ensures \result == TKT_OK <==>
      (pos + 4 <= end && be16((uint8_t *)buf + pos) >= min &&
       sext_known(be16((uint8_t *)buf + pos), be16((uint8_t *)buf + pos + 2)) &&
       pos + 4 + be16((uint8_t *)buf + pos + 2) <= end);
    ensures \result == TKT_OK ==>
      *type == be16((uint8_t *)buf + pos) &&
      *dlen == be16((uint8_t *)buf + pos + 2);
    ensures \result == TKT_OK || \result == TKT_ERR_BAD_LENGTH ||
            \result == TKT_ERR_DUPLICATE || \result == TKT_ERR_ORDER ||
            \result == TKT_ERR_UNKNOWN_EXT;
*/
static tkt_status sext_header(const uint8_t *buf, size_t pos, size_t end,
	uint32_t min, uint16_t *type, size_t *dlen)
{
	uint32_t t;
	size_t l;

	if (end - pos < 4u)
		return TKT_ERR_BAD_LENGTH;
	t = buf[pos] * 256u + buf[pos + 1u];
	l = (size_t)buf[pos + 2u] * 256u + buf[pos + 3u];
	if (t < min)
		return t + 1u == min ? TKT_ERR_DUPLICATE : TKT_ERR_ORDER;
	if (t == TKT_STATE_EXT_SERVER_NAME || t == TKT_STATE_EXT_ALPN) {
		if (l == 0u || l > TKT_STATE_NAME_MAX)
			return TKT_ERR_BAD_LENGTH;
	} else if (t == TKT_STATE_EXT_EXTENDED_MS) {
		if (l != 0u)
			return TKT_ERR_BAD_LENGTH;
	} else {
		return TKT_ERR_UNKNOWN_EXT;
	}
	if (l > end - pos - 4u)
		return TKT_ERR_BAD_LENGTH;
	*type = (uint16_t)t;
	*dlen = l;
	return TKT_OK;
}
#endif

/*
 * The ClientIdentity at buf[53 ..]: sets the identity fields of *v and
 * *t, the offset of the timestamp that follows it.
 */
/*@ requires 54 <= len;
    requires \valid_read(buf + (0 .. len - 1));
    requires \valid(v) && \valid(t) && \valid(at);
    requires \separated(v, t, at, buf + (0 .. len - 1));
    assigns v->identity, v->cert_list, v->psk_identity, *t, *at;
    ensures \result == TKT_OK <==> identity_wf((uint8_t *)buf, len);
    ensures \result == TKT_OK || \result == TKT_ERR_TRUNCATED ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_RANGE;
    ensures \result != TKT_OK ==> *at <= len;
    ensures \result == TKT_OK ==>
      *t == state_ts_off((uint8_t *)buf) && *t <= len &&
      v->identity == buf[53] &&
      v->cert_list.len == state_cert_len((uint8_t *)buf) &&
      v->psk_identity.len == state_psk_len((uint8_t *)buf) &&
      (v->identity == TKT_IDENTITY_CERTIFICATE ==>
         v->cert_list.ptr == buf + 57) &&
      (v->identity == TKT_IDENTITY_PSK ==>
         v->psk_identity.ptr == buf + 56);
*/
static tkt_status state_identity(const uint8_t *buf, size_t len,
	tkt_state *v, size_t *t, size_t *at)
{
	const uint8_t id = buf[ST_ID_OFF];
#ifndef TKT_NO_CERT_IDENTITY
	size_t n, bad;
	tkt_status st;
#else
	size_t n;
#endif

	v->identity = id;
	v->cert_list.ptr = NULL;
	v->cert_list.len = 0;
	v->psk_identity.ptr = NULL;
	v->psk_identity.len = 0;
	if (id == TKT_IDENTITY_ANONYMOUS) {
		*t = ST_BODY_OFF;
		return TKT_OK;
	}
	if (id == TKT_IDENTITY_CERTIFICATE) {
#ifdef TKT_NO_CERT_IDENTITY
		/* Refused whatever its body: judging the body is the code left
		   out. */
		*at = ST_ID_OFF;
		return TKT_ERR_UNSUPPORTED;
#else
		if (len - ST_BODY_OFF < 3u) {
			*at = ST_BODY_OFF;
			return TKT_ERR_TRUNCATED;
		}
		n = ((size_t)buf[54] * 256u + buf[55]) * 256u + buf[56];
		if (n > len - 57u) {
			*at = ST_BODY_OFF;
			return TKT_ERR_TRUNCATED;
		}
		st = certs_check(buf + 57, n, &bad);
		if (st != TKT_OK) {
			*at = 57u + bad;
			return st;
		}
		v->cert_list.ptr = buf + 57;
		v->cert_list.len = n;
		*t = 57u + n;
		return TKT_OK;
#endif
	}
	if (id == TKT_IDENTITY_PSK) {
		if (len - ST_BODY_OFF < 2u) {
			*at = ST_BODY_OFF;
			return TKT_ERR_TRUNCATED;
		}
		n = (size_t)buf[54] * 256u + buf[55];
		if (n > len - 56u) {
			*at = ST_BODY_OFF;
			return TKT_ERR_TRUNCATED;
		}
		v->psk_identity.ptr = buf + 56;
		v->psk_identity.len = n;
		*t = 56u + n;
		return TKT_OK;
	}
	*at = ST_ID_OFF;
	return TKT_ERR_RANGE;
}

/*
 * What follows the timestamp ending at t + 4: nothing, or the block of
 * state extensions filling the rest of the buffer. Sets the extension
 * fields of *v.
 */
/*@ requires t + 4 <= len;
    requires \valid_read(buf + (0 .. len - 1));
    requires \valid(v) && \valid(at);
    requires \separated(v, at, buf + (0 .. len - 1));
    assigns v->extended_ms, v->server_name, v->alpn, *at;
    ensures \result == TKT_OK <==> state_tail_wf((uint8_t *)buf, t, len);
    ensures \result != TKT_OK ==> *at <= len;
    ensures \result == TKT_OK || \result == TKT_ERR_TRUNCATED ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_NONCANONICAL || \result == TKT_ERR_DUPLICATE ||
            \result == TKT_ERR_ORDER || \result == TKT_ERR_UNKNOWN_EXT;
    ensures \result == TKT_OK ==>
      (v->extended_ms == 0 || v->extended_ms == 1) &&
      v->server_name.len <= TKT_STATE_NAME_MAX &&
      v->alpn.len <= TKT_STATE_NAME_MAX &&
      len == t + 4 + (sext_name_sz(v->server_name.len) +
        sext_name_sz(v->alpn.len) + sext_ems_sz(v->extended_ms) == 0 ? 0 :
        2 + sext_name_sz(v->server_name.len) + sext_name_sz(v->alpn.len) +
        sext_ems_sz(v->extended_ms));
    ensures \result == TKT_OK && len != t + 4 ==>
      be16((uint8_t *)buf + t + 4) == sext_name_sz(v->server_name.len) +
        sext_name_sz(v->alpn.len) + sext_ems_sz(v->extended_ms);
    ensures \result == TKT_OK && v->server_name.len != 0 ==>
      be16((uint8_t *)buf + t + 6) == TKT_STATE_EXT_SERVER_NAME &&
      be16((uint8_t *)buf + t + 8) == v->server_name.len &&
      v->server_name.ptr == buf + t + 10;
    ensures \result == TKT_OK && v->alpn.len != 0 ==>
      be16((uint8_t *)buf + t + 6 + sext_name_sz(v->server_name.len))
        == TKT_STATE_EXT_ALPN &&
      be16((uint8_t *)buf + t + 8 + sext_name_sz(v->server_name.len))
        == v->alpn.len &&
      v->alpn.ptr == buf + t + 10 + sext_name_sz(v->server_name.len);
    ensures \result == TKT_OK && v->extended_ms != 0 ==>
      be16((uint8_t *)buf + t + 6 + sext_name_sz(v->server_name.len) +
           sext_name_sz(v->alpn.len)) == TKT_STATE_EXT_EXTENDED_MS &&
      be16((uint8_t *)buf + t + 8 + sext_name_sz(v->server_name.len) +
           sext_name_sz(v->alpn.len)) == 0;
*/
static tkt_status state_exts(const uint8_t *buf, size_t t, size_t len,
	tkt_state *v, size_t *at)
{
#ifndef TKT_NO_STATE_EXTENSIONS
	size_t pos, blen;
	uint32_t min;
	tkt_status st;
#else
	size_t blen;
#endif

	v->extended_ms = 0;
	v->server_name.ptr = NULL;
	v->server_name.len = 0;
	v->alpn.ptr = NULL;
	v->alpn.len = 0;
	if (len - t == 4u)
		return TKT_OK;
	if (len - t < 6u) {
		*at = t + 4u;
		return TKT_ERR_TRUNCATED;
	}
	blen = (size_t)buf[t + 4u] * 256u + buf[t + 5u];
	/* An empty block would be a second encoding of "no block". */
	if (blen == 0u) {
		*at = t + 4u;
		return TKT_ERR_NONCANONICAL;
	}
	if (blen > len - t - 6u) {
		*at = t + 4u;
		return TKT_ERR_TRUNCATED;
	}
	if (blen < len - t - 6u) {
		*at = t + 6u + blen;
		return TKT_ERR_TRAILING;
	}
#ifdef TKT_NO_STATE_EXTENSIONS
	/* The framing above keeps truncation and trailing bytes reported as
	   such; the contents are what was left out. */
	*at = t + 4u;
	return TKT_ERR_UNSUPPORTED;
#else
	pos = t + 6u;
	min = 0;
	/* At most three rounds: the known types are three and must strictly
	   increase, so a fourth entry always fails. */
	/*@ loop invariant t + 6 <= pos <= len;
	    loop invariant min <= 24;
	    loop invariant sexts_wf((uint8_t *)buf, t + 6, len, 0) <==>
	                   sexts_wf((uint8_t *)buf, pos, len, min);
	    loop invariant 0 <= v->extended_ms <= 1;
	    loop invariant v->server_name.len <= TKT_STATE_NAME_MAX;
	    loop invariant v->alpn.len <= TKT_STATE_NAME_MAX;
	    loop invariant pos == t + 6 + sext_name_sz(v->server_name.len) +
	        sext_name_sz(v->alpn.len) + sext_ems_sz(v->extended_ms);
	    loop invariant min == (v->extended_ms != 0 ? 24 :
	        v->alpn.len != 0 ? 17 : v->server_name.len != 0 ? 1 : 0);
	    loop invariant v->server_name.len != 0 ==>
	        be16((uint8_t *)buf + t + 6) == TKT_STATE_EXT_SERVER_NAME &&
	        be16((uint8_t *)buf + t + 8) == v->server_name.len &&
	        v->server_name.ptr == buf + t + 10;
	    loop invariant v->alpn.len != 0 ==>
	        be16((uint8_t *)buf + t + 6 + sext_name_sz(v->server_name.len))
	          == TKT_STATE_EXT_ALPN &&
	        be16((uint8_t *)buf + t + 8 + sext_name_sz(v->server_name.len))
	          == v->alpn.len &&
	        v->alpn.ptr == buf + t + 10 + sext_name_sz(v->server_name.len);
	    loop invariant v->extended_ms != 0 ==>
	        be16((uint8_t *)buf + t + 6 + sext_name_sz(v->server_name.len) +
	             sext_name_sz(v->alpn.len)) == TKT_STATE_EXT_EXTENDED_MS &&
	        be16((uint8_t *)buf + t + 8 + sext_name_sz(v->server_name.len) +
	             sext_name_sz(v->alpn.len)) == 0;
	    loop assigns pos, min, st, v->extended_ms, v->server_name, v->alpn;
	    loop variant len - pos;
	*/
	while (pos != len) {
		uint16_t type = 0;
		size_t dlen = 0;

		st = sext_header(buf, pos, len, min, &type, &dlen);
		if (st != TKT_OK) {
			*at = pos;
			return st;
		}
		if (type == TKT_STATE_EXT_SERVER_NAME) {
			v->server_name.ptr = buf + pos + 4u;
			v->server_name.len = dlen;
		} else if (type == TKT_STATE_EXT_ALPN) {
			v->alpn.ptr = buf + pos + 4u;
			v->alpn.len = dlen;
		} else {
			v->extended_ms = 1;
		}
		min = (uint32_t)type + 1u;
		pos += 4u + dlen;
	}
	return TKT_OK;
#endif
}

/*
 * The big-endian 32-bit field at p, in a function of its own: the provers
 * relate (p + o)[i] to be32(p + o) in this small context, and time out
 * on it among the decoder's hypotheses.
 */
/*@ requires \valid_read(p + (0 .. 3));
    assigns \nothing;
    ensures \result == be32((uint8_t *)p);
*/
static uint32_t get32(const uint8_t *p)
{
	return (((uint32_t)p[0] * 256u + p[1]) * 256u + p[2]) * 256u + p[3];
}

/*@ requires \valid_read(buf + (0 .. len - 1));
    requires \valid(out) && \valid(at);
    requires \separated(out, at, buf + (0 .. len - 1));
    assigns *out, *at;
    ensures *at <= len;
    behavior accepted:
      assumes state_wf((uint8_t *)buf, len);
      ensures \result == TKT_OK;
      ensures *at == len;
      ensures state_val_ok{Pre}(*out);
      // state_enc{Pre}(buf, len, *out), over the fields of *out
      // (spec/logic/state.h says why).
      ensures len == sv_size(*out);
      ensures enc_front{Pre}((uint8_t *)buf, out->version,
              out->cipher_suite, out->compression,
              (uint8_t *)out->master_secret, out->identity,
              (uint8_t *)out->cert_list.ptr, out->cert_list.len,
              (uint8_t *)out->psk_identity.ptr, out->psk_identity.len,
              out->timestamp);
      ensures enc_tail{Pre}((uint8_t *)buf, 54 + id_body_sz(out->identity,
              out->cert_list.len, out->psk_identity.len),
              (uint8_t *)out->server_name.ptr, out->server_name.len,
              (uint8_t *)out->alpn.ptr, out->alpn.len, out->extended_ms);
      ensures out->master_secret == buf + 5;
      ensures out->identity == TKT_IDENTITY_CERTIFICATE ==>
              out->cert_list.ptr == buf + 57;
      ensures out->identity == TKT_IDENTITY_PSK ==>
              out->psk_identity.ptr == buf + 56;
      ensures out->server_name.len != 0 ==>
              out->server_name.ptr == buf + sv_ts_off(*out) + 10;
      ensures out->alpn.len != 0 ==>
              out->alpn.ptr == buf + sv_alpn_off(*out) + 4;
    behavior rejected:
      assumes !state_wf((uint8_t *)buf, len);
      assigns *at;
      ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_BAD_LENGTH ||
              \result == TKT_ERR_TRAILING || \result == TKT_ERR_RANGE ||
              \result == TKT_ERR_NONCANONICAL || \result == TKT_ERR_DUPLICATE ||
              \result == TKT_ERR_ORDER || \result == TKT_ERR_UNKNOWN_EXT;
    complete behaviors;
    disjoint behaviors;
*/
tkt_status tkt_state_decode(const uint8_t *buf, size_t len, tkt_state *out,
	size_t *at)
{
	tkt_state v;
	size_t t = 0;
	tkt_status st;

	if (len < ST_BODY_OFF) {
		/* Report the field the input ends in. */
		*at = len < 2u ? 0u : len < 4u ? 2u : len < 5u ? 4u :
			len < ST_ID_OFF ? 5u : ST_ID_OFF;
		return TKT_ERR_TRUNCATED;
	}
	st = state_identity(buf, len, &v, &t, at);
	if (st != TKT_OK)
		return st;
	if (len - t < 4u) {
		*at = t;
		return TKT_ERR_TRUNCATED;
	}
	v.timestamp = get32(buf + t);
	st = state_exts(buf, t, len, &v, at);
	if (st != TKT_OK)
		return st;
	/* Accepted: said here, in a small context, for the rejected
	   behavior's goal on this path (it timed out at the end). */
	//@ assert wf: state_wf((uint8_t *)buf, len);
	/* Before the stores to *out, which the asserts below then describe
	   without a store to *at in between. */
	*at = len;
	/* Field by field rather than `*out = v`: the same bytes, but a
	   struct copy of an address-taken local is opaque to WP. */
	out->version = (uint16_t)(buf[0] * 256u + buf[1]);
	out->cipher_suite = (uint16_t)(buf[2] * 256u + buf[3]);
	out->compression = buf[4];
	out->master_secret = buf + 5;
	out->identity = v.identity;
	out->cert_list.ptr = v.cert_list.ptr;
	out->cert_list.len = v.cert_list.len;
	out->psk_identity.ptr = v.psk_identity.ptr;
	out->psk_identity.len = v.psk_identity.len;
	out->timestamp = v.timestamp;
	out->extended_ms = v.extended_ms;
	out->server_name.ptr = v.server_name.ptr;
	out->server_name.len = v.server_name.len;
	out->alpn.ptr = v.alpn.ptr;
	out->alpn.len = v.alpn.len;
	/* The encoding, part by part, first: before the asserts below load
	   *out as a record, which makes even these simple goals time out.
	   Offsets by t and the lengths, fields by the values just stored. */
	/*@ assert e_fixed: enc_fixed{Pre}((uint8_t *)buf, out->version,
	      out->cipher_suite, out->compression,
	      (uint8_t *)out->master_secret, out->identity); */
	/*@ assert e_id: enc_id{Pre}((uint8_t *)buf, out->identity,
	      (uint8_t *)out->cert_list.ptr, out->cert_list.len,
	      (uint8_t *)out->psk_identity.ptr, out->psk_identity.len); */
	/*@ assert layout_t: t == 54 + id_body_sz(out->identity,
	      out->cert_list.len, out->psk_identity.len); */
	/*@ assert e_ts: enc_ts{Pre}((uint8_t *)buf, t, out->timestamp); */
	/*@ assert e_front: enc_front{Pre}((uint8_t *)buf, out->version,
	      out->cipher_suite, out->compression,
	      (uint8_t *)out->master_secret, out->identity,
	      (uint8_t *)out->cert_list.ptr, out->cert_list.len,
	      (uint8_t *)out->psk_identity.ptr, out->psk_identity.len,
	      out->timestamp); */
	/*@ assert e_len: enc_len{Pre}((uint8_t *)buf, t,
	      sx_sz(out->server_name.len, out->alpn.len, out->extended_ms)); */
	/*@ assert e_sn: enc_name{Pre}((uint8_t *)buf, t + 6,
	      TKT_STATE_EXT_SERVER_NAME, (uint8_t *)out->server_name.ptr,
	      out->server_name.len); */
	/*@ assert e_alpn: enc_name{Pre}((uint8_t *)buf,
	      t + 6 + sext_name_sz(out->server_name.len), TKT_STATE_EXT_ALPN,
	      (uint8_t *)out->alpn.ptr, out->alpn.len); */
	/*@ assert e_ems: enc_ems{Pre}((uint8_t *)buf,
	      t + 6 + sext_name_sz(out->server_name.len) +
	      sext_name_sz(out->alpn.len), out->extended_ms); */
	/*@ assert e_block: enc_tail{Pre}((uint8_t *)buf, t,
	      (uint8_t *)out->server_name.ptr, out->server_name.len,
	      (uint8_t *)out->alpn.ptr, out->alpn.len, out->extended_ms); */
	/* Stepping stones for the accepted ensures: the provers do not find
	   on their own that the layout of *out is the one t was read with,
	   nor put state_val_ok together from the fields. */
	/*@ assert layout_id: out->identity == \at(buf[53], Pre) &&
	      out->cert_list.len == state_cert_len{Pre}((uint8_t *)buf) &&
	      out->psk_identity.len == state_psk_len{Pre}((uint8_t *)buf); */
	//@ assert layout_ts: sv_ts_off(*out) == t;
	//@ assert layout_alpn: sv_alpn_off(*out) == t + 6 + sext_name_sz(v.server_name.len);
	//@ assert val_shape: state_val_shape(*out);
	//@ assert val_certs: certs_wf{Pre}((uint8_t *)out->cert_list.ptr, 0, out->cert_list.len);
	return TKT_OK;
}

#if defined(TKT_NO_CERT_IDENTITY) || defined(TKT_NO_STATE_EXTENSIONS)
/* 1 if v needs a part of the format that this build left out. */
/*@ requires \valid_read(v);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
*/
static int state_left_out(const tkt_state *v)
{
#ifdef TKT_NO_CERT_IDENTITY
	if (v->identity == TKT_IDENTITY_CERTIFICATE)
		return 1;
#endif
#ifdef TKT_NO_STATE_EXTENSIONS
	if (v->extended_ms != 0 || v->server_name.len != 0u ||
	    v->alpn.len != 0u)
		return 1;
#endif
	return 0;
}
#endif

/*
 * Validation shared by tkt_state_size and tkt_state_encode: 1 if v is
 * encodable (state_val_ok), else 0.
 */
/*@ requires \valid_read(v);
    requires \valid_read(v->cert_list.ptr + (0 .. v->cert_list.len - 1));
    assigns \nothing;
    ensures \result == 1 <==> state_val_ok(*v);
    ensures \result == 0 || \result == 1;
*/
static int state_valid(const tkt_state *v)
{
#ifndef TKT_NO_CERT_IDENTITY
	size_t bad;
#endif

	if (v->identity != TKT_IDENTITY_ANONYMOUS &&
	    v->identity != TKT_IDENTITY_CERTIFICATE &&
	    v->identity != TKT_IDENTITY_PSK)
		return 0;
	if (v->identity != TKT_IDENTITY_CERTIFICATE && v->cert_list.len != 0u)
		return 0;
	if (v->identity != TKT_IDENTITY_PSK && v->psk_identity.len != 0u)
		return 0;
	if (v->cert_list.len > 0xFFFFFFu || v->psk_identity.len > 0xFFFFu)
		return 0;
	if (v->extended_ms != 0 && v->extended_ms != 1)
		return 0;
	if (v->server_name.len > TKT_STATE_NAME_MAX ||
	    v->alpn.len > TKT_STATE_NAME_MAX)
		return 0;
#ifndef TKT_NO_CERT_IDENTITY
	if (certs_check(v->cert_list.ptr, v->cert_list.len, &bad) != TKT_OK)
		return 0;
#endif
#if defined(TKT_NO_CERT_IDENTITY) || defined(TKT_NO_STATE_EXTENSIONS)
	if (state_left_out(v))
		return 0;
#endif
	return 1;
}

/* Encoded size of a value that state_valid accepted. */
/*@ requires \valid_read(v);
    requires state_val_shape(*v);
    assigns \nothing;
    ensures \result == sv_size(*v);
*/
static size_t state_len(const tkt_state *v)
{
	size_t n = ST_BODY_OFF + 4u;
#ifndef TKT_NO_STATE_EXTENSIONS
	size_t x = 0;
#endif

#ifndef TKT_NO_CERT_IDENTITY
	if (v->identity == TKT_IDENTITY_CERTIFICATE)
		n += 3u + v->cert_list.len;
	else if (v->identity == TKT_IDENTITY_PSK)
		n += 2u + v->psk_identity.len;
#else
	if (v->identity == TKT_IDENTITY_PSK)
		n += 2u + v->psk_identity.len;
#endif
#ifndef TKT_NO_STATE_EXTENSIONS
	if (v->server_name.len != 0u)
		x += 4u + v->server_name.len;
	if (v->alpn.len != 0u)
		x += 4u + v->alpn.len;
	if (v->extended_ms != 0)
		x += 4u;
	if (x != 0u)
		n += 2u + x;
#endif
	return n;
}

/*@ requires \valid_read(v);
    requires \valid_read(v->cert_list.ptr + (0 .. v->cert_list.len - 1));
    assigns \nothing;
    behavior encodable:
      assumes state_val_ok(*v);
      ensures \result == sv_size(*v);
    behavior not_encodable:
      assumes !state_val_ok(*v);
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
size_t tkt_state_size(const tkt_state *v)
{
	if (!state_valid(v))
		return 0;
	return state_len(v);
}

/*
 * The encoder's writers take the whole output buffer and an offset, and
 * state what they write by output index (bytes_at: out[k] against the
 * source at the call's Pre state). Their assigns clauses are their frame.
 * See proofs/README.md (sixth session) for why this form: the provers
 * cannot re-index out + pos + i as out + k on their own.
 */

/* out[pos .. pos + n) = src[0 .. n). */
/*@ requires pos + n <= SIZE_MAX;
    requires \valid(out + (pos .. pos + n - 1));
    requires \valid_read(src + (0 .. n - 1));
    requires \separated(out + (pos .. pos + n - 1), src + (0 .. n - 1));
    assigns out[pos .. pos + n - 1];
    ensures bytes_at{Post, Pre}(out, pos, (uint8_t *)src, n);
*/
static void put_bytes(uint8_t *out, size_t pos, const uint8_t *src, size_t n)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant bytes_at{Here, Pre}(out, pos, (uint8_t *)src, i);
	    loop assigns i, out[pos .. pos + n - 1];
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++)
		out[pos + i] = src[i];
}

/*@ requires pos + 2 <= SIZE_MAX;
    requires \valid(out + (pos .. pos + 1));
    requires x <= 65535;
    assigns out[pos .. pos + 1];
    ensures out[pos] == x / 256 && out[pos + 1] == x % 256;
    ensures be16(out + pos) == x;
*/
static void put16(uint8_t *out, size_t pos, size_t x)
{
	out[pos] = (uint8_t)(x / 256u);
	out[pos + 1u] = (uint8_t)(x % 256u);
}

/*@ requires pos + 4 <= SIZE_MAX;
    requires \valid(out + (pos .. pos + 3));
    requires x <= 4294967295;
    assigns out[pos .. pos + 3];
    ensures be32(out + pos) == x;
*/
static void put32(uint8_t *out, size_t pos, size_t x)
{
	put16(out, pos, x / 65536u);
	put16(out, pos + 2u, x % 65536u);
	/*@ assert hi: out[pos] == x / 65536 / 256 &&
	      out[pos + 1] == x / 65536 % 256; */
	/*@ assert hi16: out[pos] * 256 + out[pos + 1] == x / 65536; */
	/*@ assert lo16: out[pos + 2] * 256 + out[pos + 3] == x % 65536; */
}

#ifndef TKT_NO_STATE_EXTENSIONS
/*@ requires 1 <= n <= TKT_STATE_NAME_MAX;
    requires pos + 4 + n <= SIZE_MAX;
    requires \valid(out + (pos .. pos + 3 + n));
    requires \valid_read(p + (0 .. n - 1));
    requires \separated(out + (pos .. pos + 3 + n), p + (0 .. n - 1));
    requires type <= 65535;
    assigns out[pos .. pos + 3 + n];
    ensures be16(out + pos) == type;
    ensures be16(out + pos + 2) == n;
    ensures bytes_at{Post, Pre}(out, pos + 4, (uint8_t *)p, n);
*/
static void put_name(uint8_t *out, size_t pos, uint32_t type,
	const uint8_t *p, size_t n)
{
	put_bytes(out, pos + 4u, p, n);
	put16(out, pos, type);
	/*@ assert n1: bytes_at{Here, Pre}(out, pos + 4, (uint8_t *)p, n); */
	put16(out, pos + 2u, n);
	/*@ assert n2: be16(out + pos) == type; */
	/*@ assert n3: bytes_at{Here, Pre}(out, pos + 4, (uint8_t *)p, n); */
}
#endif

/* The 54 fixed bytes: version, suite, compression, master_secret, type. */
/*@ requires \valid(out + (0 .. 53));
    requires \valid_read(ms + (0 .. 47));
    requires \separated(out + (0 .. 53), ms + (0 .. 47));
    assigns out[0 .. 53];
    ensures be16(out) == ver;
    ensures be16(out + 2) == suite;
    ensures out[4] == comp;
    ensures bytes_at{Post, Pre}(out, 5, (uint8_t *)ms, 48);
    ensures out[53] == id;
*/
static void put_fixed(uint8_t *out, uint16_t ver, uint16_t suite,
	uint8_t comp, const uint8_t *ms, uint8_t id)
{
	put_bytes(out, 5, ms, TKT_MASTER_SECRET_LEN);
	put16(out, 0, ver);
	/*@ assert x1: bytes_at{Here, Pre}(out, 5, (uint8_t *)ms, 48); */
	put16(out, 2, suite);
	/*@ assert x2: be16(out) == ver; */
	/*@ assert x3: bytes_at{Here, Pre}(out, 5, (uint8_t *)ms, 48); */
	out[4] = comp;
	out[ST_ID_OFF] = id;
}

/* The identity body (type id), from offset 54 up to the timestamp. */
/*@ requires identity_known(id);
    requires id != TKT_IDENTITY_CERTIFICATE ==> cl == 0;
    requires id != TKT_IDENTITY_PSK ==> pl == 0;
    requires cl <= 16777215 && pl <= 65535;
    requires \valid(out + (54 .. 54 + id_body_sz(id, cl, pl) - 1));
    requires \valid_read(cert + (0 .. cl - 1));
    requires \valid_read(psk + (0 .. pl - 1));
    requires \separated(out + (54 .. 54 + id_body_sz(id, cl, pl) - 1),
                        cert + (0 .. cl - 1));
    requires \separated(out + (54 .. 54 + id_body_sz(id, cl, pl) - 1),
                        psk + (0 .. pl - 1));
    assigns out[54 .. 54 + id_body_sz(id, cl, pl) - 1];
    ensures \result == 54 + id_body_sz(id, cl, pl);
    ensures id == TKT_IDENTITY_CERTIFICATE ==> be24(out + 54) == cl;
    ensures id == TKT_IDENTITY_CERTIFICATE ==>
      bytes_at{Post, Pre}(out, 57, (uint8_t *)cert, cl);
    ensures id == TKT_IDENTITY_PSK ==> be16(out + 54) == pl;
    ensures id == TKT_IDENTITY_PSK ==>
      bytes_at{Post, Pre}(out, 56, (uint8_t *)psk, pl);
*/
static size_t put_identity(uint8_t *out, uint8_t id, const uint8_t *cert,
	size_t cl, const uint8_t *psk, size_t pl)
{
#ifndef TKT_NO_CERT_IDENTITY
	if (id == TKT_IDENTITY_CERTIFICATE) {
		put_bytes(out, 57, cert, cl);
		out[54] = (uint8_t)(cl / 65536u);
		/*@ assert c1: bytes_at{Here, Pre}(out, 57, (uint8_t *)cert, cl); */
		put16(out, 55, cl % 65536u);
		/*@ assert c2: out[54] == cl / 65536; */
		/*@ assert c3: bytes_at{Here, Pre}(out, 57, (uint8_t *)cert, cl); */
		return 57u + cl;
	}
#else
	(void)cert;
	(void)cl;
#endif
	if (id == TKT_IDENTITY_PSK) {
		put_bytes(out, 56, psk, pl);
		put16(out, 54, pl);
		/*@ assert p1: bytes_at{Here, Pre}(out, 56, (uint8_t *)psk, pl); */
		return 56u + pl;
	}
	return ST_BODY_OFF;
}

#ifndef TKT_NO_STATE_EXTENSIONS
/*
 * The block of state extensions after the timestamp at t, if any:
 * server_name (snl bytes at sn), alpn (al bytes at ap), extended_ms (ems).
 */
/*@ requires snl <= TKT_STATE_NAME_MAX && al <= TKT_STATE_NAME_MAX;
    requires ems == 0 || ems == 1;
    requires t <= SIZE_MAX - 1024;
    requires \valid(out + (t + 4 .. t + 4 + sx_block(snl, al, ems) - 1));
    requires \valid_read(sn + (0 .. snl - 1));
    requires \valid_read(ap + (0 .. al - 1));
    requires \separated(out + (t + 4 .. t + 4 + sx_block(snl, al, ems) - 1),
                        sn + (0 .. snl - 1));
    requires \separated(out + (t + 4 .. t + 4 + sx_block(snl, al, ems) - 1),
                        ap + (0 .. al - 1));
    assigns out[t + 4 .. t + 4 + sx_block(snl, al, ems) - 1];
    ensures sx_sz(snl, al, ems) != 0 ==>
      be16(out + t + 4) == sx_sz(snl, al, ems);
    ensures snl != 0 ==> be16(out + t + 6) == TKT_STATE_EXT_SERVER_NAME;
    ensures snl != 0 ==> be16(out + t + 8) == snl;
    ensures snl != 0 ==> bytes_at{Post, Pre}(out, t + 10, (uint8_t *)sn, snl);
    ensures al != 0 ==>
      be16(out + (t + 6 + sext_name_sz(snl))) == TKT_STATE_EXT_ALPN;
    ensures al != 0 ==> be16(out + (t + 6 + sext_name_sz(snl)) + 2) == al;
    ensures al != 0 ==>
      bytes_at{Post, Pre}(out, t + 6 + sext_name_sz(snl) + 4, (uint8_t *)ap, al);
    ensures ems != 0 ==>
      be16(out + (t + 6 + sext_name_sz(snl) + sext_name_sz(al))) ==
        TKT_STATE_EXT_EXTENDED_MS;
    ensures ems != 0 ==>
      be16(out + (t + 6 + sext_name_sz(snl) + sext_name_sz(al)) + 2) == 0;
*/
static void put_exts(uint8_t *out, size_t t, const uint8_t *sn, size_t snl,
	const uint8_t *ap, size_t al, int ems)
{
	size_t x = t + 6u;

	if (snl != 0u) {
		put_name(out, x, TKT_STATE_EXT_SERVER_NAME, sn, snl);
		x += 4u + snl;
	}
	/*@ assert e1_x: x == t + 6 + sext_name_sz(snl); */
	/*@ assert e1_ap: same_bytes{Here, Pre}((uint8_t *)ap, (uint8_t *)ap, al); */
	if (al != 0u) {
		put_name(out, x, TKT_STATE_EXT_ALPN, ap, al);
		x += 4u + al;
	}
	/*@ assert e2_x: x == t + 6 + sext_name_sz(snl) + sext_name_sz(al); */
	/*@ assert e2_sn1: snl != 0 ==> be16(out + t + 6) == TKT_STATE_EXT_SERVER_NAME; */
	/*@ assert e2_sn2: snl != 0 ==> be16(out + t + 8) == snl; */
	/*@ assert e2_sn3: snl != 0 ==>
	      bytes_at{Here, Pre}(out, t + 10, (uint8_t *)sn, snl); */
	if (ems != 0) {
		put16(out, x, TKT_STATE_EXT_EXTENDED_MS);
		put16(out, x + 2u, 0);
		x += 4u;
	}
	/*@ assert e3_x: x == t + 6 + sx_sz(snl, al, ems); */
	/*@ assert e3_sn1: snl != 0 ==> be16(out + t + 6) == TKT_STATE_EXT_SERVER_NAME; */
	/*@ assert e3_sn2: snl != 0 ==> be16(out + t + 8) == snl; */
	/*@ assert e3_sn3: snl != 0 ==>
	      bytes_at{Here, Pre}(out, t + 10, (uint8_t *)sn, snl); */
	/*@ assert e3_ap1: al != 0 ==>
	      be16(out + (t + 6 + sext_name_sz(snl))) == TKT_STATE_EXT_ALPN; */
	/*@ assert e3_ap2: al != 0 ==>
	      be16(out + (t + 6 + sext_name_sz(snl)) + 2) == al; */
	/*@ assert e3_ap3: al != 0 ==>
	      bytes_at{Here, Pre}(out, t + 6 + sext_name_sz(snl) + 4, (uint8_t *)ap, al); */
	/*@ assert e3_em1: ems != 0 ==>
	      be16(out + (t + 6 + sext_name_sz(snl) + sext_name_sz(al))) ==
	        TKT_STATE_EXT_EXTENDED_MS; */
	/*@ assert e3_em2: ems != 0 ==>
	      be16(out + (t + 6 + sext_name_sz(snl) + sext_name_sz(al)) + 2) == 0; */
	if (x != t + 6u)
		put16(out, t + 4u, x - t - 6u);
}
#endif

/*
 * Every field of the StatePlaintext, from the value's fields (read by the
 * caller before any write): the chain of writes is proved here, in a
 * context without the tkt_state record or its validity.
 */
/*@ requires identity_known(id);
    requires id != TKT_IDENTITY_CERTIFICATE ==> cl == 0;
    requires id != TKT_IDENTITY_PSK ==> pl == 0;
    requires cl <= 16777215 && pl <= 65535;
    requires snl <= TKT_STATE_NAME_MAX && al <= TKT_STATE_NAME_MAX;
    requires ems == 0 || ems == 1;
    requires \valid(out + (0 .. 54 + id_body_sz(id, cl, pl) + 4 +
                          sx_block(snl, al, ems) - 1));
    requires \valid_read(ms + (0 .. 47));
    requires \valid_read(cert + (0 .. cl - 1));
    requires \valid_read(psk + (0 .. pl - 1));
    requires \valid_read(sn + (0 .. snl - 1));
    requires \valid_read(ap + (0 .. al - 1));
    requires \separated(out + (0 .. 54 + id_body_sz(id, cl, pl) + 4 +
                                  sx_block(snl, al, ems) - 1),
                        ms + (0 .. 47));
    requires \separated(out + (0 .. 54 + id_body_sz(id, cl, pl) + 4 +
                                  sx_block(snl, al, ems) - 1),
                        cert + (0 .. cl - 1));
    requires \separated(out + (0 .. 54 + id_body_sz(id, cl, pl) + 4 +
                                  sx_block(snl, al, ems) - 1),
                        psk + (0 .. pl - 1));
    requires \separated(out + (0 .. 54 + id_body_sz(id, cl, pl) + 4 +
                                  sx_block(snl, al, ems) - 1),
                        sn + (0 .. snl - 1));
    requires \separated(out + (0 .. 54 + id_body_sz(id, cl, pl) + 4 +
                                  sx_block(snl, al, ems) - 1),
                        ap + (0 .. al - 1));
    assigns out[0 .. 54 + id_body_sz(id, cl, pl) + 4 +
                sx_block(snl, al, ems) - 1];
    ensures enc_fixed(out, ver, suite, comp, (uint8_t *)ms, id);
    ensures enc_id(out, id, (uint8_t *)cert, cl, (uint8_t *)psk, pl);
    ensures enc_ts(out, (54 + id_body_sz(id, cl, pl)), ts);
    ensures enc_len(out, (54 + id_body_sz(id, cl, pl)),
                    sx_sz(snl, al, ems));
    ensures enc_name(out, (54 + id_body_sz(id, cl, pl)) + 6,
                     TKT_STATE_EXT_SERVER_NAME,
                     (uint8_t *)sn, snl);
    ensures enc_name(out, (54 + id_body_sz(id, cl, pl)) + 6 + sext_name_sz(snl),
                     TKT_STATE_EXT_ALPN,
                     (uint8_t *)ap, al);
    ensures enc_ems(out,
                    (54 + id_body_sz(id, cl, pl)) + 6 + sext_name_sz(snl) +
                      sext_name_sz(al),
                    ems);
*/
static void put_state(uint8_t *out, uint16_t ver, uint16_t suite,
	uint8_t comp, const uint8_t *ms, uint8_t id, const uint8_t *cert,
	size_t cl, const uint8_t *psk, size_t pl, uint32_t ts,
	const uint8_t *sn, size_t snl, const uint8_t *ap, size_t al, int ems)
{
	size_t t;

	/* The sizes are small and non-negative: the writes below stay inside
	   out[0 .. S - 1], apart from every source. */
	/*@ assert k_id: 0 <= id_body_sz(id, cl, pl) <= 16777218; */
	/*@ assert k_x: 0 <= sx_block(snl, al, ems) <= 528; */
	/*
	 * After each write, the asserts carry every field written so far and
	 * every source still to be read, each against Pre: without them the
	 * provers lose bytes in the chain of memory states (proofs/README.md).
	 */
	put_fixed(out, ver, suite, comp, ms, id);
	/*@ assert a_ms: bytes_at{Here, Pre}(out, 5, (uint8_t *)ms, 48); */
	/*@ assert a_ums: same_bytes{Here, Pre}((uint8_t *)ms, (uint8_t *)ms, 48); */
	/*@ assert a_cert: same_bytes{Here, Pre}((uint8_t *)cert, (uint8_t *)cert, cl); */
	/*@ assert a_psk: same_bytes{Here, Pre}((uint8_t *)psk, (uint8_t *)psk, pl); */
	/*@ assert a_sn: same_bytes{Here, Pre}((uint8_t *)sn, (uint8_t *)sn, snl); */
	/*@ assert a_ap: same_bytes{Here, Pre}((uint8_t *)ap, (uint8_t *)ap, al); */
	t = put_identity(out, id, cert, cl, psk, pl);
	/*@ assert b_ver: be16(out) == ver; */
	/*@ assert b_suite: be16(out + 2) == suite; */
	/*@ assert b_comp: out[4] == comp; */
	/*@ assert b_ms: bytes_at{Here, Pre}(out, 5, (uint8_t *)ms, 48); */
	/*@ assert b_id: out[53] == id; */
	/*@ assert b_cl: id == TKT_IDENTITY_CERTIFICATE ==> be24(out + 54) == cl; */
	/*@ assert b_cert: id == TKT_IDENTITY_CERTIFICATE ==>
	      bytes_at{Here, Pre}(out, 57, (uint8_t *)cert, cl); */
	/*@ assert b_pl: id == TKT_IDENTITY_PSK ==> be16(out + 54) == pl; */
	/*@ assert b_psk: id == TKT_IDENTITY_PSK ==>
	      bytes_at{Here, Pre}(out, 56, (uint8_t *)psk, pl); */
	/*@ assert b_ucert: same_bytes{Here, Pre}((uint8_t *)cert, (uint8_t *)cert, cl); */
	/*@ assert b_upsk: same_bytes{Here, Pre}((uint8_t *)psk, (uint8_t *)psk, pl); */
	/*@ assert b_ums: same_bytes{Here, Pre}((uint8_t *)ms, (uint8_t *)ms, 48); */
	/*@ assert b_sn: same_bytes{Here, Pre}((uint8_t *)sn, (uint8_t *)sn, snl); */
	/*@ assert b_ap: same_bytes{Here, Pre}((uint8_t *)ap, (uint8_t *)ap, al); */
	put32(out, t, ts);
	/*@ assert c_ts: be32(out + t) == ts; */
	/*@ assert c_ver: be16(out) == ver; */
	/*@ assert c_suite: be16(out + 2) == suite; */
	/*@ assert c_comp: out[4] == comp; */
	/*@ assert c_ms: bytes_at{Here, Pre}(out, 5, (uint8_t *)ms, 48); */
	/*@ assert c_id: out[53] == id; */
	/*@ assert c_cl: id == TKT_IDENTITY_CERTIFICATE ==> be24(out + 54) == cl; */
	/*@ assert c_cert: id == TKT_IDENTITY_CERTIFICATE ==>
	      bytes_at{Here, Pre}(out, 57, (uint8_t *)cert, cl); */
	/*@ assert c_pl: id == TKT_IDENTITY_PSK ==> be16(out + 54) == pl; */
	/*@ assert c_psk: id == TKT_IDENTITY_PSK ==>
	      bytes_at{Here, Pre}(out, 56, (uint8_t *)psk, pl); */
	/*@ assert c_ucert: same_bytes{Here, Pre}((uint8_t *)cert, (uint8_t *)cert, cl); */
	/*@ assert c_upsk: same_bytes{Here, Pre}((uint8_t *)psk, (uint8_t *)psk, pl); */
	/*@ assert c_ums: same_bytes{Here, Pre}((uint8_t *)ms, (uint8_t *)ms, 48); */
	/*@ assert c_sn: same_bytes{Here, Pre}((uint8_t *)sn, (uint8_t *)sn, snl); */
	/*@ assert c_ap: same_bytes{Here, Pre}((uint8_t *)ap, (uint8_t *)ap, al); */
#ifndef TKT_NO_STATE_EXTENSIONS
	put_exts(out, t, sn, snl, ap, al, ems);
#else
	(void)sn;
	(void)snl;
	(void)ap;
	(void)al;
	(void)ems;
#endif
	/*@ assert d_ts: be32(out + t) == ts; */
	/*@ assert d_ver: be16(out) == ver; */
	/*@ assert d_suite: be16(out + 2) == suite; */
	/*@ assert d_comp: out[4] == comp; */
	/*@ assert d_ms: bytes_at{Here, Pre}(out, 5, (uint8_t *)ms, 48); */
	/*@ assert d_id: out[53] == id; */
	/*@ assert d_cl: id == TKT_IDENTITY_CERTIFICATE ==> be24(out + 54) == cl; */
	/*@ assert d_cert: id == TKT_IDENTITY_CERTIFICATE ==>
	      bytes_at{Here, Pre}(out, 57, (uint8_t *)cert, cl); */
	/*@ assert d_pl: id == TKT_IDENTITY_PSK ==> be16(out + 54) == pl; */
	/*@ assert d_psk: id == TKT_IDENTITY_PSK ==>
	      bytes_at{Here, Pre}(out, 56, (uint8_t *)psk, pl); */
	/*@ assert d_sn: snl != 0 ==>
	      bytes_at{Here, Pre}(out, t + 10, (uint8_t *)sn, snl); */
	/*@ assert d_ap: al != 0 ==>
	      bytes_at{Here, Pre}(out, t + 6 + sext_name_sz(snl) + 4, (uint8_t *)ap, al); */
	/* Every source is unchanged: the fields hold against Here. */
	/*@ assert s_ms: same_bytes{Here, Pre}((uint8_t *)ms, (uint8_t *)ms, 48); */
	/*@ assert s_cert: same_bytes{Here, Pre}((uint8_t *)cert, (uint8_t *)cert, cl); */
	/*@ assert s_psk: same_bytes{Here, Pre}((uint8_t *)psk, (uint8_t *)psk, pl); */
	/*@ assert s_sn: same_bytes{Here, Pre}((uint8_t *)sn, (uint8_t *)sn, snl); */
	/*@ assert s_ap: same_bytes{Here, Pre}((uint8_t *)ap, (uint8_t *)ap, al); */
	/*@ assert h_ms: bytes_at{Here, Here}(out, 5, (uint8_t *)ms, 48); */
	/*@ assert h_cert: id == TKT_IDENTITY_CERTIFICATE ==>
	      bytes_at{Here, Here}(out, 57, (uint8_t *)cert, cl); */
	/*@ assert h_psk: id == TKT_IDENTITY_PSK ==>
	      bytes_at{Here, Here}(out, 56, (uint8_t *)psk, pl); */
	/*@ assert h_sn: snl != 0 ==>
	      bytes_at{Here, Here}(out, t + 10, (uint8_t *)sn, snl); */
	/*@ assert h_ap: al != 0 ==>
	      bytes_at{Here, Here}(out, t + 6 + sext_name_sz(snl) + 4, (uint8_t *)ap, al); */
	/*@ assert g_fixed: enc_fixed(out, ver, suite, comp, (uint8_t *)ms, id); */
	/*@ assert g_id: enc_id(out, id, (uint8_t *)cert, cl, (uint8_t *)psk, pl); */
	/*@ assert g_ts: enc_ts(out, t, ts); */
	/*@ assert g_len: enc_len(out, t, sx_sz(snl, al, ems)); */
	/*@ assert g_sn: enc_name(out, t + 6, TKT_STATE_EXT_SERVER_NAME,
	      (uint8_t *)sn, snl); */
	/*@ assert g_ap: enc_name(out, t + 6 + sext_name_sz(snl),
	      TKT_STATE_EXT_ALPN, (uint8_t *)ap, al); */
	/*@ assert g_ems: enc_ems(out, t + 6 + sext_name_sz(snl) + sext_name_sz(al),
	      ems); */
}

/*@ requires \valid_read(v);
    requires \valid_read(v->master_secret + (0 .. TKT_MASTER_SECRET_LEN - 1));
    requires \valid_read(v->cert_list.ptr + (0 .. v->cert_list.len - 1));
    requires \valid_read(v->psk_identity.ptr + (0 .. v->psk_identity.len - 1));
    requires \valid_read(v->server_name.ptr + (0 .. v->server_name.len - 1));
    requires \valid_read(v->alpn.ptr + (0 .. v->alpn.len - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \valid(written);
    requires \separated(written, v, out + (0 .. cap - 1));
    requires \separated(out + (0 .. cap - 1),
      v->master_secret + (0 .. TKT_MASTER_SECRET_LEN - 1),
      v->cert_list.ptr + (0 .. v->cert_list.len - 1),
      v->psk_identity.ptr + (0 .. v->psk_identity.len - 1),
      v->server_name.ptr + (0 .. v->server_name.len - 1),
      v->alpn.ptr + (0 .. v->alpn.len - 1));
    assigns *written, out[0 .. cap - 1];
    behavior invalid:
      assumes !state_val_ok(*v);
      assigns *written;
      ensures \result == TKT_ERR_ARG && *written == 0;
    behavior too_small:
      assumes state_val_ok(*v) && cap < sv_size(*v);
      assigns *written;
      ensures \result == TKT_ERR_BUFFER_TOO_SMALL && *written == sv_size(*v);
    behavior fits:
      assumes state_val_ok(*v) && sv_size(*v) <= cap;
      assigns *written, out[0 .. sv_size(*v) - 1];
      ensures \result == TKT_OK && *written == sv_size(*v);
      // state_enc(out, *written, *v), over the fields of *v
      // (spec/logic/state.h says why).
      ensures enc_front(out, v->version, v->cipher_suite, v->compression,
              (uint8_t *)v->master_secret, v->identity,
              (uint8_t *)v->cert_list.ptr, v->cert_list.len,
              (uint8_t *)v->psk_identity.ptr, v->psk_identity.len,
              v->timestamp);
      ensures enc_tail(out, 54 + id_body_sz(v->identity, v->cert_list.len,
              v->psk_identity.len),
              (uint8_t *)v->server_name.ptr, v->server_name.len,
              (uint8_t *)v->alpn.ptr, v->alpn.len, v->extended_ms);
    complete behaviors;
    disjoint behaviors;
*/
tkt_status tkt_state_encode(const tkt_state *v, uint8_t *out, size_t cap,
	size_t *written)
{
	size_t n;

#if defined(TKT_NO_CERT_IDENTITY) || defined(TKT_NO_STATE_EXTENSIONS)
	if (state_left_out(v)) {
		*written = 0;
		return TKT_ERR_UNSUPPORTED;
	}
#endif
	if (!state_valid(v)) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	n = state_len(v);
	if (cap < n) {
		*written = n;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	/*@ assert z_size: n == 54 + id_body_sz(v->identity, v->cert_list.len,
	      v->psk_identity.len) + 4 +
	      sx_block(v->server_name.len, v->alpn.len, v->extended_ms); */
	*written = n;
	put_state(out, v->version, v->cipher_suite, v->compression,
		v->master_secret, v->identity, v->cert_list.ptr,
		v->cert_list.len, v->psk_identity.ptr, v->psk_identity.len,
		v->timestamp, v->server_name.ptr, v->server_name.len,
		v->alpn.ptr, v->alpn.len, v->extended_ms);
	/*
	 * The encoding, part by part, against *v as it is now (its fields
	 * are apart from out, so they read as at the call); the ensures
	 * fold them into the front and the block.
	 */
	/*@ assert q_c: v->compression == \at(v->compression, Pre); */
	/*@ assert q_i: v->identity == \at(v->identity, Pre); */
	/*@ assert r_fixed: enc_fixed(out, v->version, v->cipher_suite,
	      v->compression, (uint8_t *)v->master_secret, v->identity); */
	/*@ assert r_id: enc_id(out, v->identity, (uint8_t *)v->cert_list.ptr,
	      v->cert_list.len, (uint8_t *)v->psk_identity.ptr,
	      v->psk_identity.len); */
	return TKT_OK;
}
