/*
 * Round-trip theorems for the handshake header (src/codec/hs.c).
 * Frama-C only: each function is a theorem, its contract the statement,
 * and WP proves it from the codec's contracts alone.
 */
#include "tkt/codec.h"
#include "tkt_spec.h"

/* encode(decode(b)) == b: a well-formed message's header is re-encoded
   to the same 4 bytes. */
/*@
  requires wf_hs(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(hdr + (0 .. 3));
  requires \separated(buf + (0 .. len - 1), hdr + (0 .. 3));
  assigns hdr[0 .. 3];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(hdr, buf, 4);
*/
tkt_status rt_hs_decode_encode(const uint8_t *buf, size_t len, uint8_t *hdr)
{
	tkt_hs hs;
	size_t at, w;
	tkt_status st = tkt_hs_decode(buf, len, &hs, &at);

	if (st != TKT_OK)
		return st;
	st = tkt_hs_encode_header(hs.type, hs.body.len, hdr, 4, &w);
	//@ assert be24(hdr + 1) == be24(buf + 1);
	return st;
}

/* decode(encode(v)) == v: a header written for (type, n), followed by
   any n bytes, decodes to that type and an n-byte body right after it. */
/*@
  requires n <= 0xFFFFFF;
  requires \valid(msg + (0 .. 4 + n - 1));
  requires \valid(out);
  requires \separated(msg + (0 .. 4 + n - 1), out);
  assigns msg[0 .. 3], *out;
  ensures \result == TKT_OK;
  ensures out->type == type && out->body.len == n;
  ensures out->body.ptr == msg + 4;
*/
tkt_status rt_hs_encode_decode(uint8_t type, size_t n, uint8_t *msg,
	tkt_hs *out)
{
	size_t w, at;
	tkt_status st = tkt_hs_encode_header(type, n, msg, 4 + n, &w);

	if (st != TKT_OK)
		return st;
	return tkt_hs_decode(msg, 4 + n, out, &at);
}
