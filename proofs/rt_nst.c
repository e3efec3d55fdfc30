/*
 * Round-trip theorems for NewSessionTicket (src/codec/nst.c), body and
 * whole message. Frama-C only.
 */
#include "tkt/codec.h"
#include "tkt_spec.h"

/*@
  // p is b + off, as a predicate: Qed leaves it folded, so that p stays a
  // name of its own in the goals of rt_unshift (see there).
  predicate rt_at(uint8_t *p, uint8_t *b, integer off) = p == b + off;
*/

/* The converse, for a copy at one offset in two buffers: same_bytes at
   p = b + off and q = src + off, read back by the index in b. The ranges
   are named by p and q, not b + off: Qed would write (b + off)[i] as
   b[off + i], and a quantified fact over b[off + j] has no trigger that
   matches b[k]; p[i] is a plain instance. */
/*@
  requires off + n <= 200000;
  requires rt_at((uint8_t *)p, (uint8_t *)b, off);
  requires rt_at((uint8_t *)q, (uint8_t *)src, off);
  requires same_bytes{Here, Here}((uint8_t *)p, (uint8_t *)q, n);
  assigns \nothing;
  ensures \forall integer k; off <= k < off + n ==> b[k] == src[k];
*/
static void rt_unshift(const uint8_t *b, const uint8_t *src, size_t off,
	size_t n, const uint8_t *p, const uint8_t *q)
{
	size_t i;

	/*@ loop invariant 0 <= i <= n;
	    loop invariant \forall integer k; off <= k < off + i ==>
	      b[k] == src[k];
	    loop assigns i;
	    loop variant n - i;
	*/
	for (i = 0; i < n; i++) {
		//@ assert p[i] == q[i];
		//@ assert b[off + i] == src[off + i];
	}
}

/* encode(decode(b)) == b for every accepted body. */
/*@
  requires wf_nst(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(obuf + (0 .. len - 1));
  requires \separated(buf + (0 .. len - 1), obuf + (0 .. len - 1));
  assigns obuf[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(obuf, buf, len);
*/
tkt_status rt_nst_decode_encode(const uint8_t *buf, size_t len, uint8_t *obuf)
{
	tkt_nst v;
	size_t at, w;
	tkt_status st = tkt_nst_decode(buf, len, &v, &at);

	if (st != TKT_OK)
		return st;
	st = tkt_nst_encode(&v, obuf, len, &w);
	//@ assert be32(obuf) == be32(buf);
	//@ assert same_bytes{Here, Here}(obuf, buf, 4);
	//@ assert be16(obuf + 4) == be16(buf + 4);
	//@ assert same_bytes{Here, Here}(obuf + 4, buf + 4, 2);
	//@ assert same_bytes{Here, Here}(obuf, buf, 6);
	//@ assert same_bytes{Here, Here}(obuf + 6, buf + 6, len - 6);
	rt_unshift(obuf, buf, 6, len - 6, obuf + 6, buf + 6);
	return st;
}

/* decode(encode(v)) == v for every encodable body. */
/*@
  requires v->ticket.len <= 65535;
  requires \valid_read(v);
  requires \valid_read(v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires cap >= 6 + v->ticket.len;
  requires \valid(obuf + (0 .. cap - 1));
  requires \valid(d);
  requires \separated(obuf + (0 .. cap - 1), v, d,
                      v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures d->lifetime_hint == \old(v->lifetime_hint);
  ensures d->ticket.len == \old(v->ticket.len);
  ensures d->ticket.ptr == obuf + 6;
  ensures same_bytes{Post, Pre}(d->ticket.ptr, \old(v->ticket.ptr),
                                \old(v->ticket.len));
*/
tkt_status rt_nst_encode_decode(const tkt_nst *v, uint8_t *obuf, size_t cap,
	tkt_nst *d)
{
	size_t w, at;
	tkt_status st = tkt_nst_encode(v, obuf, cap, &w);

	if (st != TKT_OK)
		return st;
	return tkt_nst_decode(obuf, w, d, &at);
}

/* encode_msg(decode_msg(b)) == b for every accepted message. */
/*@
  requires wf_nst_msg(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(obuf + (0 .. len - 1));
  requires \separated(buf + (0 .. len - 1), obuf + (0 .. len - 1));
  assigns obuf[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(obuf, buf, len);
*/
tkt_status rt_nst_msg_decode_encode(const uint8_t *buf, size_t len,
	uint8_t *obuf)
{
	tkt_nst v;
	size_t at, w;
	tkt_status st = tkt_nst_decode_msg(buf, len, &v, &at);

	if (st != TKT_OK)
		return st;
	st = tkt_nst_encode_msg(&v, obuf, len, &w);
	//@ assert obuf[0] == buf[0];
	//@ assert be24(obuf + 1) == be24(buf + 1);
	//@ assert same_bytes{Here, Here}(obuf, buf, 4);
	//@ assert be32(obuf + 4) == be32(buf + 4);
	//@ assert same_bytes{Here, Here}(obuf + 4, buf + 4, 4);
	//@ assert same_bytes{Here, Here}(obuf, buf, 8);
	//@ assert be16(obuf + 8) == be16(buf + 8);
	//@ assert same_bytes{Here, Here}(obuf + 8, buf + 8, 2);
	//@ assert same_bytes{Here, Here}(obuf, buf, 10);
	//@ assert same_bytes{Here, Here}(obuf + 10, buf + 10, len - 10);
	rt_unshift(obuf, buf, 10, len - 10, obuf + 10, buf + 10);
	return st;
}

/* decode_msg(encode_msg(v)) == v for every encodable value. */
/*@
  requires v->ticket.len <= 65535;
  requires \valid_read(v);
  requires \valid_read(v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires cap >= 10 + v->ticket.len;
  requires \valid(obuf + (0 .. cap - 1));
  requires \valid(d);
  requires \separated(obuf + (0 .. cap - 1), v, d,
                      v->ticket.ptr + (0 .. v->ticket.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures d->lifetime_hint == \old(v->lifetime_hint);
  ensures d->ticket.len == \old(v->ticket.len);
  ensures d->ticket.ptr == obuf + 10;
  ensures same_bytes{Post, Pre}(d->ticket.ptr, \old(v->ticket.ptr),
                                \old(v->ticket.len));
*/
tkt_status rt_nst_msg_encode_decode(const tkt_nst *v, uint8_t *obuf,
	size_t cap, tkt_nst *d)
{
	size_t w, at;
	tkt_status st = tkt_nst_encode_msg(v, obuf, cap, &w);

	if (st != TKT_OK)
		return st;
	return tkt_nst_decode_msg(obuf, w, d, &at);
}
