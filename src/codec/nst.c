/*
 * NewSessionTicket body and message (tkt/codec.h, spec/logic/nst.h).
 */
#include <string.h>

#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

#define NST_FIXED 6u          /* lifetime hint (4) + ticket length (2) */
#define NST_TICKET_MAX 65535u /* ticket<0..2^16-1> */

/*
 * A plain loop rather than memcpy: WP proves it from its invariant, while
 * the libc specification of memcpy is stated with a logic memcmp that the
 * provers handle poorly.
 */
/*@
  requires \valid(dst + (0 .. n - 1)) && \valid_read(src + (0 .. n - 1));
  requires \separated(dst + (0 .. n - 1), src + (0 .. n - 1));
  assigns dst[0 .. n - 1];
  ensures same_bytes{Post, Post}(dst, src, n);
*/
static void nst_copy(uint8_t *dst, const uint8_t *src, size_t n)
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
  ensures result: \result == TKT_OK <==> wf_nst(buf, len);

  behavior ok:
    assumes wf_nst(buf, len);
    assigns *out, *at;
    ensures \result == TKT_OK && *at == len;
    ensures out->lifetime_hint == nst_lifetime(buf);
    ensures out->ticket.ptr == buf + 6;
    ensures out->ticket.len == nst_ticket_len(buf);

  behavior truncated_lifetime:
    assumes len < 4;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 0;

  behavior truncated_ticket:
    assumes len >= 4 && (len < 6 || nst_ticket_len(buf) > len - 6);
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 4;

  behavior trailing:
    assumes len >= 6 && nst_ticket_len(buf) < len - 6;
    assigns *at;
    ensures \result == TKT_ERR_TRAILING && *at == 6 + nst_ticket_len(buf);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_nst_decode(const uint8_t *buf, size_t len, tkt_nst *out,
	size_t *at)
{
	size_t ticket_len;

	if (len < 4u) {
		*at = 0;
		return TKT_ERR_TRUNCATED;
	}
	if (len < NST_FIXED) {
		*at = 4;
		return TKT_ERR_TRUNCATED;
	}
	ticket_len = (size_t)buf[4] * 256u + buf[5];
	if (ticket_len > len - NST_FIXED) {
		*at = 4;
		return TKT_ERR_TRUNCATED;
	}
	if (ticket_len < len - NST_FIXED) {
		*at = NST_FIXED + ticket_len;
		return TKT_ERR_TRAILING;
	}
	out->lifetime_hint =
		(((uint32_t)buf[0] * 256u + buf[1]) * 256u + buf[2]) * 256u + buf[3];
	out->ticket.ptr = buf + NST_FIXED;
	out->ticket.len = ticket_len;
	*at = len;
	return TKT_OK;
}

/*@
  requires \valid_read(v);
  assigns \nothing;
  ensures v->ticket.len <= 65535 ==> \result == 6 + v->ticket.len;
  ensures v->ticket.len > 65535 ==> \result == 0;
*/
size_t tkt_nst_size(const tkt_nst *v)
{
	return v->ticket.len > NST_TICKET_MAX ? 0u : NST_FIXED + v->ticket.len;
}

/*@
  requires \valid_read(v);
  requires \valid_read(v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \valid(written);
  requires \valid(out + (0 .. cap - 1));
  requires \separated(out + (0 .. cap - 1), written, v,
                      v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \separated(written, v);
  assigns *written, out[0 .. 6 + v->ticket.len - 1];

  behavior ok:
    assumes v->ticket.len <= 65535 && cap >= 6 + v->ticket.len;
    assigns *written, out[0 .. 6 + v->ticket.len - 1];
    ensures \result == TKT_OK && *written == 6 + \old(v->ticket.len);
    ensures wf_nst(out, *written);
    ensures nst_encodes(out, \old(v->lifetime_hint), \old(v->ticket.ptr),
                        \old(v->ticket.len));

  behavior too_long:
    assumes v->ticket.len > 65535;
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes v->ticket.len <= 65535 && cap < 6 + v->ticket.len;
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures *written == 6 + \old(v->ticket.len);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_nst_encode(const tkt_nst *v, uint8_t *out, size_t cap,
	size_t *written)
{
	/* The value is read once, before any byte is written: the proof
	   then needs no argument that writing `out` leaves `*v` alone. */
	const uint32_t h = v->lifetime_hint;
	const uint8_t *tp = v->ticket.ptr;
	const size_t tl = v->ticket.len;
	size_t n;
	uint32_t hi, lo;

	if (tl > NST_TICKET_MAX) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	n = NST_FIXED + tl;
	if (cap < n) {
		*written = n;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	/* The ticket first, then the header: the header's bytes are then
	   the last writes, and no frame argument about the copy is needed
	   to know them. */
	nst_copy(out + NST_FIXED, tp, tl);
	/*@ assert same_bytes{Here, Here}(out + 6, tp, tl); */
	/* Two 16-bit halves: each byte is then one division of a 16-bit
	   value, which the provers relate to be32 without nonlinear
	   reasoning on 32-bit quotients. */
	hi = h / 65536u;
	lo = h % 65536u;
	/*@ assert hi * 65536 + lo == h; */
	out[0] = (uint8_t)(hi / 256u);
	out[1] = (uint8_t)(hi % 256u);
	out[2] = (uint8_t)(lo / 256u);
	out[3] = (uint8_t)(lo % 256u);
	/*@ assert tl == (tl / 256) * 256 + tl % 256 && tl / 256 <= 255; */
	out[4] = (uint8_t)(tl / 256u);
	out[5] = (uint8_t)(tl % 256u);
	/*@ assert out[4] == tl / 256 && out[5] == tl % 256; */
	/*@ assert be32(out) == h; */
	/*@ assert be16(out + 4) == tl; */
	/*@ assert same_bytes{Here, Here}(out + 6, tp, tl); */
	*written = n;
	return TKT_OK;
}

/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(out) && \valid(at);
  requires \separated(buf + (0 .. len - 1), out, at);
  assigns *out, *at;
  ensures result: \result == TKT_OK <==> wf_nst_msg(buf, len);

  behavior ok:
    assumes wf_nst_msg(buf, len);
    assigns *out, *at;
    ensures \result == TKT_OK && *at == len;
    ensures out->lifetime_hint == nst_lifetime(buf + 4);
    ensures out->ticket.ptr == buf + 10;
    ensures out->ticket.len == nst_ticket_len(buf + 4);

  behavior truncated_type:
    assumes len == 0;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 0;

  behavior bad_type:
    assumes len >= 1 && hs_type(buf) != 4;
    assigns *at;
    ensures \result == TKT_ERR_BAD_TYPE && *at == 0;

  behavior truncated_header:
    assumes 1 <= len < 4 && hs_type(buf) == 4;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 1;

  behavior truncated_body:
    assumes len >= 4 && hs_type(buf) == 4 && hs_body_len(buf) > len - 4;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 4;

  behavior trailing:
    assumes len >= 4 && hs_type(buf) == 4 && hs_body_len(buf) < len - 4;
    assigns *at;
    ensures \result == TKT_ERR_TRAILING && *at == 4 + hs_body_len(buf);

  behavior bad_length_lifetime:
    assumes wf_hs(buf, len) && hs_type(buf) == 4 && len < 8;
    assigns *at;
    ensures \result == TKT_ERR_BAD_LENGTH && *at == 4;

  behavior bad_length_ticket:
    assumes wf_hs(buf, len) && hs_type(buf) == 4 && len >= 8 &&
            (len < 10 || nst_ticket_len(buf + 4) > len - 10);
    assigns *at;
    ensures \result == TKT_ERR_BAD_LENGTH && *at == 8;

  behavior bad_length_trailing:
    assumes wf_hs(buf, len) && hs_type(buf) == 4 && len >= 10 &&
            nst_ticket_len(buf + 4) < len - 10;
    assigns *at;
    ensures \result == TKT_ERR_BAD_LENGTH;
    ensures *at == 10 + nst_ticket_len(buf + 4);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_nst_decode_msg(const uint8_t *buf, size_t len, tkt_nst *out,
	size_t *at)
{
	tkt_hs hs;
	tkt_nst nst;
	size_t sub;
	tkt_status st;

	if (len == 0u) {
		*at = 0;
		return TKT_ERR_TRUNCATED;
	}
	/* The type first: a message of another type is refused as such,
	   whatever its length says. */
	if (buf[0] != TKT_HS_NEW_SESSION_TICKET) {
		*at = 0;
		return TKT_ERR_BAD_TYPE;
	}
	st = tkt_hs_decode(buf, len, &hs, at);
	if (st != TKT_OK)
		return st;
	st = tkt_nst_decode(hs.body.ptr, hs.body.len, &nst, &sub);
	if (st != TKT_OK) {
		/* The input did not end early: the handshake length and the
		   body's own length disagree. */
		*at = TKT_HS_HEADER_LEN + sub;
		return TKT_ERR_BAD_LENGTH;
	}
	*out = nst;
	*at = len;
	return TKT_OK;
}

/*@
  requires \valid_read(v);
  assigns \nothing;
  ensures v->ticket.len <= 65535 ==> \result == 10 + v->ticket.len;
  ensures v->ticket.len > 65535 ==> \result == 0;
*/
size_t tkt_nst_msg_size(const tkt_nst *v)
{
	return v->ticket.len > NST_TICKET_MAX ? 0u :
		TKT_HS_HEADER_LEN + NST_FIXED + v->ticket.len;
}

/*@
  requires \valid_read(v);
  requires \valid_read(v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \valid(written);
  requires \valid(out + (0 .. cap - 1));
  requires \separated(out + (0 .. cap - 1), written, v,
                      v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \separated(written, v);
  assigns *written, out[0 .. 10 + v->ticket.len - 1];

  behavior ok:
    assumes v->ticket.len <= 65535 && cap >= 10 + v->ticket.len;
    assigns *written, out[0 .. 10 + v->ticket.len - 1];
    ensures \result == TKT_OK && *written == 10 + \old(v->ticket.len);
    ensures wf_nst_msg(out, *written);
    ensures nst_encodes(out + 4, \old(v->lifetime_hint), \old(v->ticket.ptr),
                        \old(v->ticket.len));

  behavior too_long:
    assumes v->ticket.len > 65535;
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes v->ticket.len <= 65535 && cap < 10 + v->ticket.len;
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures *written == 10 + \old(v->ticket.len);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_nst_encode_msg(const tkt_nst *v, uint8_t *out, size_t cap,
	size_t *written)
{
	size_t n;

	if (v->ticket.len > NST_TICKET_MAX) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	n = TKT_HS_HEADER_LEN + NST_FIXED + v->ticket.len;
	if (cap < n) {
		*written = n;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	/* Neither call can fail: the value and the capacity were checked
	   above, and their contracts say so. The body first, so that the
	   header is the last write. */
	(void)tkt_nst_encode(v, out + TKT_HS_HEADER_LEN, cap - TKT_HS_HEADER_LEN,
		written);
	/*@ assert wf_nst(out + 4, n - 4); */
	(void)tkt_hs_encode_header(TKT_HS_NEW_SESSION_TICKET, n - TKT_HS_HEADER_LEN,
		out, cap, written);
	/*@ assert wf_nst(out + 4, n - 4); */
	*written = n;
	return TKT_OK;
}
