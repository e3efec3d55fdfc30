/*
 * Round-trip theorems for the SessionTicket extension body
 * (src/codec/ext35.c). Frama-C only.
 */
#include "tkt/codec.h"
#include "tkt_spec.h"

/* encode(decode(b)) == b for every accepted body, whatever the flags. */
/*@
  requires wf_ext35(buf, len, flags);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(obuf + (0 .. len - 1));
  requires \separated(buf + (0 .. len - 1), obuf + (0 .. len - 1));
  assigns obuf[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(obuf, buf, len);
*/
tkt_status rt_ext35_decode_encode(const uint8_t *buf, size_t len,
	uint32_t flags, uint8_t *obuf)
{
	tkt_ext35 v;
	size_t at, w;
	tkt_status st = tkt_ext35_decode(buf, len, flags, &v, &at);

	if (st != TKT_OK)
		return st;
	return tkt_ext35_encode(&v, obuf, len, &w);
}

/* decode(encode(v)) == v for every encodable value, except a TICKET whose
   bytes have the RFC 4507 shape (written as given, then refused as
   TKT_ERR_LEGACY by design). Decoded with the RFC 4507 empty form
   allowed, since that form is only accepted then. */
/*@
  requires ext35_encodable(v->form, v->ticket.len);
  requires \valid_read(v);
  requires \valid_read(v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires v->form == TKT_EXT35_TICKET ==>
           !ext35_legacy_shape(v->ticket.ptr, v->ticket.len);
  requires cap >= ext35_size(v->form, v->ticket.len);
  requires \valid(obuf + (0 .. cap - 1));
  requires \valid(d);
  requires \separated(obuf + (0 .. cap - 1), v, d,
                      v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures d->form == \old(v->form);
  ensures d->ticket.len == \old(v->ticket.len);
  ensures same_bytes{Post, Pre}(d->ticket.ptr, \old(v->ticket.ptr),
                                \old(v->ticket.len));
*/
tkt_status rt_ext35_encode_decode(const tkt_ext35 *v, uint8_t *obuf,
	size_t cap, tkt_ext35 *d)
{
	size_t w, at;
	tkt_status st = tkt_ext35_encode(v, obuf, cap, &w);

	if (st != TKT_OK)
		return st;
	//@ assert v->form == TKT_EXT35_TICKET ==> be16(obuf) == be16(v->ticket.ptr) || w < 2;
	return tkt_ext35_decode(obuf, w, TKT_EXT35_ALLOW_RFC4507_EMPTY, d, &at);
}
