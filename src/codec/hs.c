/*
 * Handshake message header (tkt/codec.h, spec/logic/hs.h).
 * The ClientHello/ServerHello and NewSessionTicket codecs frame their
 * bodies with these two functions, so the uint24 length rule lives here
 * only once.
 */
#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/*@
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(out) && \valid(at);
  requires \separated(buf + (0 .. len - 1), out, at);
  assigns *out, *at;
  ensures result: \result == TKT_OK <==> wf_hs(buf, len);

  behavior ok:
    assumes wf_hs(buf, len);
    assigns *out, *at;
    ensures \result == TKT_OK;
    ensures out->type == hs_type(buf);
    ensures out->body.ptr == buf + 4;
    ensures out->body.len == hs_body_len(buf);
    ensures *at == len;

  behavior truncated_header:
    assumes len < 4;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED;
    ensures len == 0 ==> *at == 0;
    ensures len != 0 ==> *at == 1;

  behavior truncated_body:
    assumes len >= 4 && hs_body_len(buf) > len - 4;
    assigns *at;
    ensures \result == TKT_ERR_TRUNCATED && *at == 4;

  behavior trailing:
    assumes len >= 4 && hs_body_len(buf) < len - 4;
    assigns *at;
    ensures \result == TKT_ERR_TRAILING && *at == 4 + hs_body_len(buf);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_hs_decode(const uint8_t *buf, size_t len, tkt_hs *out,
	size_t *at)
{
	size_t body_len;

	if (len < TKT_HS_HEADER_LEN) {
		/* Offset of the incomplete field: msg_type, else length. */
		*at = len == 0u ? 0u : 1u;
		return TKT_ERR_TRUNCATED;
	}
	body_len = ((size_t)buf[1] * 256u + buf[2]) * 256u + buf[3];
	if (body_len > len - TKT_HS_HEADER_LEN) {
		*at = TKT_HS_HEADER_LEN;
		return TKT_ERR_TRUNCATED;
	}
	if (body_len < len - TKT_HS_HEADER_LEN) {
		*at = TKT_HS_HEADER_LEN + body_len;
		return TKT_ERR_TRAILING;
	}
	out->type = buf[0];
	out->body.ptr = buf + TKT_HS_HEADER_LEN;
	out->body.len = body_len;
	*at = len;
	return TKT_OK;
}

/*@
  requires \valid(written);
  requires \valid(out + (0 .. cap - 1));
  requires \separated(written, out + (0 .. cap - 1));
  assigns *written, out[0 .. 3];

  behavior ok:
    assumes body_len <= 0xFFFFFF && cap >= 4;
    assigns *written, out[0 .. 3];
    ensures \result == TKT_OK && *written == 4;
    ensures hs_header(out, type, body_len);

  behavior too_long:
    assumes body_len > 0xFFFFFF;
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes body_len <= 0xFFFFFF && cap < 4;
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL && *written == 4;

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_hs_encode_header(uint8_t type, size_t body_len, uint8_t *out,
	size_t cap, size_t *written)
{
	if (body_len > TKT_HS_MAX_BODY) {
		*written = 0;
		return TKT_ERR_ARG;
	}
	if (cap < TKT_HS_HEADER_LEN) {
		*written = TKT_HS_HEADER_LEN;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	out[0] = type;
	out[1] = (uint8_t)(body_len / 65536u);
	out[2] = (uint8_t)(body_len / 256u % 256u);
	out[3] = (uint8_t)(body_len % 256u);
	*written = TKT_HS_HEADER_LEN;
	return TKT_OK;
}
