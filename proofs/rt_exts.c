/*
 * Round-trip theorem for the extensions block (src/codec/exts.c).
 * Frama-C only.
 *
 * The codec writes a block only through its two rewriters, so
 * encode(decode(b)) is: with a SessionTicket extension, setting it to the
 * data it already holds; without one, removing it (a copy). Either gives
 * b back. The other direction, decode(encode(v)) == v, is not stated yet:
 * it needs the decoder's acceptance of the written bytes (wf_ext_list
 * over out), which no contract of the rewriters says (issue 3).
 */
#include "tkt/codec.h"
#include "tkt_spec.h"

/* encode(decode(b)) == b for every accepted block. */
/*@
  requires wf_exts(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(obuf + (0 .. len - 1));
  requires \separated(buf + (0 .. len - 1), obuf + (0 .. len - 1));
  assigns obuf[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(obuf, buf, len);
*/
tkt_status rt_exts_decode_encode(const uint8_t *buf, size_t len,
	uint8_t *obuf)
{
	tkt_exts x;
	size_t at, w, i;
	tkt_status st = tkt_exts_decode(buf, len, &x, &at);

	if (st != TKT_OK)
		return st;
	/* The extension's length, read before the rewrite. */
	/*@ assert x.has_ext35 == 1 ==>
	      be16(x.list.ptr + (x.ext35_off + 2)) == x.ext35.len; */
len_read:
	if (x.has_ext35)
		st = tkt_exts_set_ext35(&x, x.ext35.ptr, x.ext35.len, obuf, len,
			&w);
	else
		st = tkt_exts_remove_ext35(&x, obuf, len, &w);
	/* What the rewriter wrote, with its behavior's conditions met. */
	//@ assert x.list.ptr == buf + 2;
	/*@ assert x.has_ext35 == 1 ==>
	      x.ext35.ptr == x.list.ptr + (x.ext35_off + 4); */
	/*@ assert x.has_ext35 == 1 ==> \forall integer k;
	      2 <= k < 2 + x.ext35_off + 2 ==> obuf[k] == x.list.ptr[k - 2]; */
	/*@ assert x.has_ext35 == 1 ==> \forall integer k;
	      2 + x.ext35_off + 4 + x.ext35.len <= k < 2 + x.list.len ==>
	      obuf[k] == x.list.ptr[k - 2]; */
	/*
	 * The length, then the list one index at a time, by the parts the
	 * rewriters state: the whole list (no extension 35), or the head, the
	 * extension's length bytes, its data and the tail.
	 */
	//@ assert be16(obuf) == be16(buf);
	//@ assert same_bytes{Here, Here}(obuf, buf, 2);
	/*@ assert x.has_ext35 == 1 ==>
	      be16(x.list.ptr + (x.ext35_off + 2)) == \at(be16(x.list.ptr + (x.ext35_off + 2)), len_read); */
	/*@ assert x.has_ext35 == 1 ==>
	      be16(obuf + (2 + x.ext35_off + 2)) == x.ext35.len; */
	/*@ assert x.has_ext35 == 1 ==>
	      obuf[2 + x.ext35_off + 2] == x.list.ptr[x.ext35_off + 2] &&
	      obuf[2 + x.ext35_off + 3] == x.list.ptr[x.ext35_off + 3]; */
	/*@ loop invariant 0 <= i <= x.list.len;
	    loop invariant \forall integer k; 0 <= k < 2 + i ==> obuf[k] == buf[k];
	    loop assigns i;
	    loop variant x.list.len - i;
	*/
	for (i = 0; i < x.list.len; i++) {
		/*@ assert x.has_ext35 == 0 ==> obuf[2 + i] == x.list.ptr[i]; */
		/*@ assert x.has_ext35 == 1 && i < x.ext35_off + 2 ==>
		      obuf[2 + i] == x.list.ptr[i]; */
		/*@ assert x.has_ext35 == 1 &&
		      x.ext35_off + 4 + x.ext35.len <= i ==>
		      obuf[2 + i] == x.list.ptr[i]; */
		/*@ assert x.has_ext35 == 1 && x.ext35_off + 4 <= i &&
		      i < x.ext35_off + 4 + x.ext35.len ==>
		      obuf[2 + i] == x.ext35.ptr[i - (x.ext35_off + 4)]; */
		/*@ assert x.has_ext35 == 1 && x.ext35_off + 4 <= i &&
		      i < x.ext35_off + 4 + x.ext35.len ==>
		      obuf[2 + i] == x.list.ptr[i]; */
		//@ assert obuf[2 + i] == x.list.ptr[i];
		//@ assert obuf[2 + i] == buf[2 + i];
	}
	return st;
}
