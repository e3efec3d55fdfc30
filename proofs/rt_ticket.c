/*
 * Round-trip theorems for the protected ticket layout
 * (src/codec/ticket.c). Frama-C only.
 */
#include "tkt/codec.h"
#include "tkt_spec.h"
#include "rt_rebase.h"

/* encode(decode(b)) == b for every accepted ticket and layout. */
/*@
  requires wf_ticket(buf, len, iv_len, mac_len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(obuf + (0 .. len - 1));
  requires \separated(buf + (0 .. len - 1), obuf + (0 .. len - 1));
  assigns obuf[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(obuf, buf, len);
*/
tkt_status rt_ticket_decode_encode(const uint8_t *buf, size_t len,
	size_t iv_len, size_t mac_len, uint8_t *obuf)
{
	tkt_ticket v;
	size_t at, w;
	tkt_status st = tkt_ticket_decode(buf, len, iv_len, mac_len, &v, &at);

	if (st != TKT_OK)
		return st;
	st = tkt_ticket_encode(&v, obuf, len, &w);
	/*
	 * The encoder states obuf now against its input at call time, which
	 * is buf at Pre (decoding writes only v and at). Glue the five fields
	 * together left to right, then carry buf, which is not written, to
	 * now.
	 */
	//@ assert same_bytes{Here, Pre}(obuf, buf, 16);
	//@ assert same_bytes{Here, Pre}(obuf, buf, 16 + iv_len);
	//@ assert be16(obuf + 16 + iv_len) == \at(be16(buf + 16 + iv_len), Pre);
	//@ assert same_bytes{Here, Pre}(obuf, buf, 18 + iv_len);
	//@ assert same_bytes{Here, Pre}(obuf, buf, v.mac_input.len);
	//@ assert same_bytes{Here, Pre}(obuf, buf, len);
	//@ assert keep: same_bytes{Here, Pre}(buf, buf, len);
	return st;
}

/* decode(encode(v)) == v for every encodable value. */
/*@
  requires ticket_params(v->iv.len, v->mac.len);
  requires 18 + v->iv.len + v->encrypted_state.len + v->mac.len <= 65535;
  requires \valid_read(v);
  requires \valid_read(v->key_name + (0 .. 15));
  requires \valid_read(v->iv.ptr + (0 .. v->iv.len - 1));
  requires \valid_read(v->encrypted_state.ptr +
                       (0 .. v->encrypted_state.len - 1));
  requires \valid_read(v->mac.ptr + (0 .. v->mac.len - 1));
  requires cap >= 18 + v->iv.len + v->encrypted_state.len + v->mac.len;
  requires \valid(obuf + (0 .. cap - 1));
  requires \valid(d);
  requires \separated(obuf + (0 .. cap - 1), v, d,
                      v->key_name + (0 .. 15),
                      v->iv.ptr + (0 .. v->iv.len - 1),
                      v->encrypted_state.ptr +
                        (0 .. v->encrypted_state.len - 1),
                      v->mac.ptr + (0 .. v->mac.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures d->iv.len == \old(v->iv.len);
  ensures d->encrypted_state.len == \old(v->encrypted_state.len);
  ensures d->mac.len == \old(v->mac.len);
  ensures same_bytes{Post, Pre}(d->key_name, \old(v->key_name), 16);
  ensures same_bytes{Post, Pre}(d->iv.ptr, \old(v->iv.ptr), \old(v->iv.len));
  ensures same_bytes{Post, Pre}(d->encrypted_state.ptr,
            \old(v->encrypted_state.ptr), \old(v->encrypted_state.len));
  ensures same_bytes{Post, Pre}(d->mac.ptr, \old(v->mac.ptr),
                                \old(v->mac.len));
*/
tkt_status rt_ticket_encode_decode(const tkt_ticket *v, uint8_t *obuf,
	size_t cap, tkt_ticket *d)
{
	size_t w, at;
	tkt_status st = tkt_ticket_encode(v, obuf, cap, &w);
	size_t il = v->iv.len, sl = v->encrypted_state.len;

	if (st != TKT_OK)
		return st;
	/* The encoder's fields, against v's bytes now (v is not written). */
	//@ assert same_bytes{Here, Pre}(v->iv.ptr, v->iv.ptr, il);
	//@ assert bytes_at{Here, Here}(obuf, 16, v->iv.ptr, il);
	rt_rebase(obuf, 16, v->iv.ptr, il);
	/*@ assert same_bytes{Here, Pre}(v->encrypted_state.ptr,
	                                 v->encrypted_state.ptr, sl); */
	//@ assert bytes_at{Here, Here}(obuf, 18 + il, v->encrypted_state.ptr, sl);
	rt_rebase(obuf, 18 + il, v->encrypted_state.ptr, sl);
	//@ assert same_bytes{Here, Pre}(v->mac.ptr, v->mac.ptr, v->mac.len);
	//@ assert bytes_at{Here, Here}(obuf, 18 + il + sl, v->mac.ptr, v->mac.len);
	rt_rebase(obuf, 18 + il + sl, v->mac.ptr, v->mac.len);
	return tkt_ticket_decode(obuf, w, v->iv.len, v->mac.len, d, &at);
}
