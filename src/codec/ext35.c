/*
 * SessionTicket extension body (tkt/codec.h, spec/logic/ext35.h).
 *
 * The RFC 4507 double-length shape is refused by default: accepting it
 * would give some bytes two meanings (a ticket, or a length and a ticket),
 * which breaks the one-encoding-per-value rule. The single exception is
 * the empty RFC 4507 body 00 00, which deployed RFC 4507 clients sent and
 * which a server must answer in kind (RFC 5077 Appendix A).
 */
#include <string.h>

#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

#define EXT35_MAX 65535u /* extension_data<0..2^16-1> */

/* A plain loop rather than memcpy: WP proves it from its invariant. */
/*@
  requires \valid(dst + (0 .. n - 1)) && \valid_read(src + (0 .. n - 1));
  requires \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  assigns dst[0 .. n - 1];
  ensures same_bytes{Post, Post}(dst, src, n);
*/
static void ext35_copy(uint8_t *dst, const uint8_t *src, size_t n)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant same_bytes{Here, Here}(dst, src, i);
	    loop assigns i, dst[0 .. n - 1];
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++)
		dst[i] = src[i];
}

/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(out) && \valid(at);
  requires \separated(buf + (0 .. len - 1), out, at);
  assigns *out, *at;
  ensures result: \result == TKT_OK <==> wf_ext35(buf, len, flags);

  behavior ok_empty:
    assumes flags <= 1 && len == 0;
    assigns *out, *at;
    ensures \result == TKT_OK && *at == 0;
    ensures out->form == TKT_EXT35_EMPTY;
    ensures out->ticket.ptr == \null && out->ticket.len == 0;

  behavior ok_rfc4507_empty:
    assumes flags == 1 && len == 2 && ext35_legacy_shape(buf, len);
    assigns *out, *at;
    ensures \result == TKT_OK && *at == 2;
    ensures out->form == TKT_EXT35_RFC4507_EMPTY;
    ensures out->ticket.ptr == \null && out->ticket.len == 0;

  behavior ok_ticket:
    assumes flags <= 1 && 0 < len <= 65535 && !ext35_legacy_shape(buf, len);
    assigns *out, *at;
    ensures \result == TKT_OK && *at == len;
    ensures out->form == TKT_EXT35_TICKET;
    ensures out->ticket.ptr == buf && out->ticket.len == len;

  behavior bad_flags:
    assumes flags > 1;
    assigns *at;
    ensures \result == TKT_ERR_ARG && *at == 0;

  behavior too_long:
    assumes flags <= 1 && len > 65535;
    assigns *at;
    ensures \result == TKT_ERR_BAD_LENGTH && *at == 0;

  behavior legacy:
    assumes flags <= 1 && len <= 65535 && ext35_legacy_shape(buf, len) &&
            !(len == 2 && flags == 1);
    assigns *at;
    ensures \result == TKT_ERR_LEGACY && *at == 0;

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_ext35_decode(const uint8_t *buf, size_t len, uint32_t flags,
	tkt_ext35 *out, size_t *at)
{
	/* Bit 0 is the only defined flag, so any larger value has an
	   unknown bit set. */
	if (flags > TKT_EXT35_ALLOW_RFC4507_EMPTY) {
		*at = 0;
		return TKT_ERR_ARG;
	}
	if (len > EXT35_MAX) {
		*at = 0;
		return TKT_ERR_BAD_LENGTH;
	}
	if (len == 0u) {
		out->form = TKT_EXT35_EMPTY;
		out->ticket.ptr = NULL;
		out->ticket.len = 0;
		*at = 0;
		return TKT_OK;
	}
	if (len >= 2u && (size_t)buf[0] * 256u + buf[1] == len - 2u) {
		if (len == 2u && flags == TKT_EXT35_ALLOW_RFC4507_EMPTY) {
			out->form = TKT_EXT35_RFC4507_EMPTY;
			out->ticket.ptr = NULL;
			out->ticket.len = 0;
			*at = len;
			return TKT_OK;
		}
		*at = 0;
		return TKT_ERR_LEGACY;
	}
	out->form = TKT_EXT35_TICKET;
	out->ticket.ptr = buf;
	out->ticket.len = len;
	*at = len;
	return TKT_OK;
}

/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(out) && \valid(at);
  requires \separated(buf + (0 .. len - 1), out, at);
  assigns *out, *at;
  ensures result: \result == TKT_OK <==> wf_ext35_rfc4507(buf, len);

  behavior ok_empty:
    assumes wf_ext35_rfc4507(buf, len) && len == 2;
    assigns *out, *at;
    ensures \result == TKT_OK && *at == 2;
    ensures out->form == TKT_EXT35_RFC4507_EMPTY;
    ensures out->ticket.ptr == \null && out->ticket.len == 0;

  behavior ok_ticket:
    assumes wf_ext35_rfc4507(buf, len) && len > 2;
    assigns *out, *at;
    ensures \result == TKT_OK && *at == len;
    ensures out->form == TKT_EXT35_TICKET;
    ensures out->ticket.ptr == buf + 2 && out->ticket.len == be16(buf);

  behavior truncated:
    assumes len < 2 || be16(buf) > len - 2;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 0;

  behavior trailing:
    assumes len >= 2 && be16(buf) < len - 2;
    assigns *at;
    ensures \result == TKT_ERR_TRAILING && *at == 2 + be16(buf);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_ext35_decode_rfc4507(const uint8_t *buf, size_t len,
	tkt_ext35 *out, size_t *at)
{
	size_t n;

	if (len < 2u) {
		*at = 0;
		return TKT_ERR_TRUNCATED;
	}
	n = (size_t)buf[0] * 256u + buf[1];
	if (n > len - 2u) {
		*at = 0;
		return TKT_ERR_TRUNCATED;
	}
	if (n < len - 2u) {
		*at = 2u + n;
		return TKT_ERR_TRAILING;
	}
	if (n == 0u) {
		out->form = TKT_EXT35_RFC4507_EMPTY;
		out->ticket.ptr = NULL;
		out->ticket.len = 0;
	} else {
		out->form = TKT_EXT35_TICKET;
		out->ticket.ptr = buf + 2;
		out->ticket.len = n;
	}
	*at = len;
	return TKT_OK;
}

/*@
  requires \valid_read(v);
  assigns \nothing;
  ensures ext35_encodable(v->form, v->ticket.len) ==>
          \result == ext35_size(v->form, v->ticket.len);
  ensures !ext35_encodable(v->form, v->ticket.len) ==> \result == 0;
*/
size_t tkt_ext35_size(const tkt_ext35 *v)
{
	if (v->form == TKT_EXT35_EMPTY && v->ticket.len == 0u)
		return 0;
	if (v->form == TKT_EXT35_RFC4507_EMPTY && v->ticket.len == 0u)
		return 2;
	if (v->form == TKT_EXT35_TICKET && v->ticket.len >= 1u &&
	    v->ticket.len <= EXT35_MAX)
		return v->ticket.len;
	return 0;
}

/*
 * A TKT_EXT35_TICKET value is written as given, even when the ticket
 * itself has the RFC 4507 shape (tkt_ext35_decode would then refuse the
 * bytes with TKT_ERR_LEGACY): tickets are opaque to a client, which must
 * send back what it received. Servers avoid issuing such tickets (see
 * spec/formats.md, "SessionTicket extension": a key_name starting FF FF
 * never has the shape).
 */
/*@
  requires \valid_read(v);
  requires \valid_read(v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \valid(written);
  requires \valid(out + (0 .. cap - 1));
  requires \separated(out + (0 .. cap - 1), written, v,
                      v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \separated(written, v);
  assigns *written, out[0 .. ext35_size(v->form, v->ticket.len) - 1];

  behavior ok:
    assumes ext35_encodable(v->form, v->ticket.len);
    assumes cap >= ext35_size(v->form, v->ticket.len);
    assigns *written, out[0 .. ext35_size(v->form, v->ticket.len) - 1];
    ensures \result == TKT_OK;
    ensures *written == ext35_size(v->form, \old(v->ticket.len));
    ensures v->form == TKT_EXT35_TICKET ==>
            same_bytes{Post, Post}(out, v->ticket.ptr, \old(v->ticket.len));
    ensures v->form == TKT_EXT35_RFC4507_EMPTY ==> out[0] == 0 && out[1] == 0;
    ensures v->form != TKT_EXT35_TICKET ||
            !ext35_legacy_shape(out, *written) ==>
            wf_ext35(out, *written, 1) &&
            ext35_form(out, *written) == v->form;

  behavior bad_value:
    assumes !ext35_encodable(v->form, v->ticket.len);
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes ext35_encodable(v->form, v->ticket.len);
    assumes cap < ext35_size(v->form, v->ticket.len);
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures *written == ext35_size(v->form, \old(v->ticket.len));

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_ext35_encode(const tkt_ext35 *v, uint8_t *out, size_t cap,
	size_t *written)
{
	size_t n = tkt_ext35_size(v);

	/* The size is 0 both for an invalid value and for the empty form. */
	if (n == 0u && !(v->form == TKT_EXT35_EMPTY && v->ticket.len == 0u)) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	if (cap < n) {
		*written = n;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	if (v->form == TKT_EXT35_RFC4507_EMPTY) {
		out[0] = 0;
		out[1] = 0;
	} else {
		ext35_copy(out, v->ticket.ptr, n);
	}
	*written = n;
	return TKT_OK;
}
