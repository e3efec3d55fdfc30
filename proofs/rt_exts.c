/*
 * Round-trip theorem for the extensions block (src/codec/exts.c).
 * Frama-C only.
 *
 * The codec writes a block only through its two rewriters, so
 * encode(decode(b)) is: with a SessionTicket extension, setting it to the
 * data it already holds; without one, removing it (a copy). Either gives
 * b back. decode(encode(v)) == v: see below.
 */
#include "tkt/codec.h"
#include "tkt_spec.h"
#include "rt_ext_lemmas.h"

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

/*
 * decode(encode(v)) == v. A block value is a list of extensions with at
 * most one SessionTicket extension; the codec encodes one only by
 * rewriting a decoded block, so the theorems take a view x of a block (as
 * tkt_exts_decode gives it) and the rewrite: setting extension 35 to m
 * bytes of data, or removing it. Decoding the output gives the view of
 * the intended list: one extension 35 holding the data (or none), at the
 * offset and position it has there, the count, and the other extensions'
 * bytes.
 *
 * The output's well-formedness is shown by walking the old list (its
 * facts at Pre) and the new one (at Here) side by side, the new one
 * shifted behind the rewritten extension, in one lemma loop per part:
 * the loops relate two memory states, so they stay in the wrappers below
 * (a lemma function sees the state of its call only).
 */

/* The first SessionTicket extension from j, if any, is not before j: a
   walk that has not reached it yet is still in front of it. By induction
   from the end of the list down, one offset at a time. */
/*@
  requires n <= 65535;
  assigns \nothing;
  ensures \forall integer j; 0 <= j <= n ==> ext35_off((uint8_t *)l, j, n) >= j;
*/
static void rt_ext35_off_ge(const uint8_t *l, size_t n)
{
	size_t j = n;

	/*@ loop invariant 0 <= j <= n;
	    loop invariant \forall integer k; j <= k <= n ==>
	      ext35_off((uint8_t *)l, k, n) >= k;
	    loop assigns j;
	    loop variant j;
	*/
	while (j > 0) {
		j--;
		/*@ assert j + 4 <= n ==> ext_next((uint8_t *)l, j) >= j + 4; */
		/*@ assert j + 4 <= n ==> ext35_off((uint8_t *)l, j, n) ==
		      (ext_type((uint8_t *)l, j) == 35 ? j :
		       ext35_off((uint8_t *)l, ext_next((uint8_t *)l, j), n)); */
		/*@ assert ext_next((uint8_t *)l, j) > n ==>
		      ext35_off((uint8_t *)l, ext_next((uint8_t *)l, j), n) == n; */
	}
}

/* Each wrapper: a rewriter's call on x, and its output's block facts. */
/*@
  predicate rt_set_pre{L}(tkt_exts *x, uint8_t *data, integer m,
                          uint8_t *out, integer cap, size_t *w) =
    \valid_read(x) && exts_view(x) &&
    m <= 65535 && set_list_len(x, m) <= 65535 &&
    \valid_read(data + (0 .. m - 1)) &&
    cap >= 2 + set_list_len(x, m) && \valid(out + (0 .. cap - 1)) &&
    \separated(out + (0 .. cap - 1), x) &&
    \separated(out + (0 .. cap - 1), x->list.ptr + (0 .. x->list.len - 1)) &&
    \separated(out + (0 .. cap - 1), data + (0 .. m - 1)) &&
    \valid(w) && \separated(w, x, out + (0 .. cap - 1),
      x->list.ptr + (0 .. x->list.len - 1), data + (0 .. m - 1));

  predicate rt_remove_pre{L}(tkt_exts *x, uint8_t *out, integer cap,
                             size_t *w) =
    \valid_read(x) && exts_view(x) &&
    cap >= 2 + x->list.len - (x->has_ext35 == 1 ? 4 + x->ext35.len : 0) &&
    \valid(out + (0 .. cap - 1)) &&
    \separated(out + (0 .. cap - 1), x) &&
    \separated(out + (0 .. cap - 1), x->list.ptr + (0 .. x->list.len - 1)) &&
    \valid(w) && \separated(w, x, out + (0 .. cap - 1),
      x->list.ptr + (0 .. x->list.len - 1));
*/

/* Setting an extension 35 that x holds: the same offset and position. */
/*@
  requires rt_set_pre(x, (uint8_t *)data, m, out, cap, w);
  requires x->has_ext35 == 1;
  assigns out[0 .. cap - 1], *w;
  ensures r_len: \result == 2 + \old(set_list_len(x, m));
  ensures r_wf: wf_exts(out, \result);
  ensures r_cnt: ext_count(out + 2, 0, \result - 2) == \old(x->count);
  ensures r_off: ext35_off(out + 2, 0, \result - 2) == \old(x->ext35_off);
  ensures r_idx: ext35_index(out + 2, 0, \result - 2) ==
    \old(x->ext35_index);
  ensures r_35: !no_ext35(out + 2, 0, \result - 2);
  ensures r_dlen: ext_dlen(out + 2, \old(x->ext35_off)) == m;
  ensures r_new: \forall integer k; 0 <= k < m ==>
    out[2 + \old(x->ext35_off) + 4 + k] == \old(data[k]);
  ensures r_head: \forall integer k; 0 <= k < \old(x->ext35_off) ==>
    out[2 + k] == \old(x->list.ptr[k]);
  ensures r_tail: \forall integer k;
    \old(x->ext35_off + 4 + x->ext35.len) <= k < \old(x->list.len) ==>
    out[2 + k - \old(x->ext35.len) + m] == \old(x->list.ptr[k]);
*/
static size_t rt_set_replace(const tkt_exts *x, const uint8_t *data,
	size_t m, uint8_t *out, size_t cap, size_t *w)
{
	const uint8_t *l = x->list.ptr, *q = out + 2;
	size_t n = x->list.len, off = x->ext35_off, old = x->ext35.len;
	size_t nn = n - old + m, i = 0, cnt = 0;

	/*@ assert a_in: off + 4 + old <= n; */
	rt_ext35_off_ge(l, n);
	rt_hdr_all();
	(void)tkt_exts_set_ext35(x, data, m, out, cap, w);
	rt_hdr_all();
	/* The view as before the call (*w is not in it), and the new length as
	   a predicate: from an equation Qed would rewrite m as be16(out) - ...
	   (or *w - ...) everywhere. */
	/*@ assert a_kept: x->list.ptr == l && x->list.len == n &&
	      x->ext35_off == off && x->ext35.len == old; */
	/*@ assert a_w: u16_at(out, 0, nn); */
	/*@ assert a_head: \forall integer k; 0 <= k < off + 2 ==>
	      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, k); */
	/*@ assert a_tail: \forall integer k; off + 4 + m <= k < nn ==>
	      rt_byte_sh{Here, Pre}((uint8_t *)q, k, (uint8_t *)l, k - m + old); */
	/* r_head and r_new as the call left them, in the postcondition's own
	   terms: out is not written again, so at the end they are hypotheses
	   of the same shape as the goals (proved there in the whole function's
	   context, they took cvc5 13 s each and cvc4 and z3 timed out). */
	/*@ assert a_r_head: \forall integer k; 0 <= k < \at(x->ext35_off, Pre) ==>
	      out[2 + k] == \at(x->list.ptr[k], Pre); */
	/*@ assert a_r_new: \forall integer k; 0 <= k < m ==>
	      out[2 + \at(x->ext35_off, Pre) + 4 + k] == \at(data[k], Pre); */
	/* The extensions before 35, at one offset in both lists. */
	/*@ loop invariant 0 <= i <= off && cnt <= i;
	    loop invariant h_off: ext35_off{Pre}((uint8_t *)l, i, n) == off;
	    loop invariant h_wf: wf_ext_list{Pre}((uint8_t *)l, i, n);
	    loop invariant h_single: single_ext35{Pre}((uint8_t *)l, i, n);
	    loop invariant h_idx: \at(x->ext35_index, Pre) ==
	      cnt + ext35_index{Pre}((uint8_t *)l, i, n);
	    loop invariant h_cnt: \at(x->count, Pre) ==
	      cnt + ext_count{Pre}((uint8_t *)l, i, n);
	    loop invariant c_wf: wf_ext_list((uint8_t *)q, i, nn) ==>
	      wf_ext_list((uint8_t *)q, 0, nn);
	    loop invariant c_single: single_ext35((uint8_t *)q, i, nn) ==>
	      single_ext35((uint8_t *)q, 0, nn);
	    loop invariant c_no: no_ext35((uint8_t *)q, 0, nn) ==>
	      no_ext35((uint8_t *)q, i, nn);
	    loop invariant c_off: ext35_off((uint8_t *)q, 0, nn) ==
	      ext35_off((uint8_t *)q, i, nn);
	    loop invariant c_idx: ext35_index((uint8_t *)q, 0, nn) ==
	      cnt + ext35_index((uint8_t *)q, i, nn);
	    loop invariant c_cnt: ext_count((uint8_t *)q, 0, nn) ==
	      cnt + ext_count((uint8_t *)q, i, nn);
	    loop assigns i, cnt;
	    loop variant off - i;
	*/
	while (i != off) {
		/*@ assert h_in: i + 4 <= n; */
		/*@ assert h_t: ext_type{Pre}((uint8_t *)l, i) != 35; */
		/*@ assert h_noff: ext35_off{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n) == off; */
		/*@ assert h_len: ext_next{Pre}((uint8_t *)l, i) <= n; */
		/*@ assert h_le: ext_next{Pre}((uint8_t *)l, i) <= off; */
		/*@ assert h_bytes: rt_byte_at{Here, Pre}((uint8_t *)q,
		      (uint8_t *)l, i) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 1) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 2) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 3); */
		/*@ assert h_type: ext_type((uint8_t *)q, i) ==
		      ext_type{Pre}((uint8_t *)l, i); */
		/*@ assert h_next: ext_next((uint8_t *)q, i) ==
		      ext_next{Pre}((uint8_t *)l, i); */
		/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_single: single_ext35{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_idx: ext35_index{Pre}((uint8_t *)l, i, n) == 1 +
		      ext35_index{Pre}((uint8_t *)l,
		        ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_cnt: ext_count{Pre}((uint8_t *)l, i, n) == 1 +
		      ext_count{Pre}((uint8_t *)l,
		        ext_next{Pre}((uint8_t *)l, i), n); */
		i = rt_ext_next(q, i);
		cnt++;
	}
	/* Extension 35: its type bytes copied, its length m. */
	/*@ assert m_l: ext_type{Pre}((uint8_t *)l, off) == 35 &&
	      ext_next{Pre}((uint8_t *)l, off) == off + 4 + old; */
	/*@ assert m_bytes: rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l,
	      off) && rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, off + 1); */
	/*@ assert m_qt: ext_type((uint8_t *)q, off) == 35; */
	/*@ assert m_qd: ext_dlen((uint8_t *)q, off) == m; */
	/*@ assert m_qn: ext_next((uint8_t *)q, off) == off + 4 + m; */
	/*@ assert m_in: off + 4 + m <= nn; */
	/*@ assert m_wf: wf_ext_list{Pre}((uint8_t *)l, off + 4 + old, n); */
	/*@ assert m_no: no_ext35{Pre}((uint8_t *)l, off + 4 + old, n); */
	/*@ assert m_cnt: ext_count{Pre}((uint8_t *)l, off, n) ==
	      1 + ext_count{Pre}((uint8_t *)l, off + 4 + old, n); */
	/*@ assert m_idx: ext35_index{Pre}((uint8_t *)l, off, n) == 0; */
	/*@ assert m_qoff: ext35_off((uint8_t *)q, 0, nn) == off; */
	/*@ assert m_qidx: ext35_index((uint8_t *)q, 0, nn) ==
	      \at(x->ext35_index, Pre); */
	/*@ assert m_q35: !no_ext35((uint8_t *)q, 0, nn); */
	/*@ assert m_qwf: wf_ext_list((uint8_t *)q, off + 4 + m, nn) ==>
	      wf_ext_list((uint8_t *)q, 0, nn); */
	/*@ assert m_qsingle: no_ext35((uint8_t *)q, off + 4 + m, nn) ==>
	      single_ext35((uint8_t *)q, 0, nn); */
	/*@ assert m_qcnt: ext_count((uint8_t *)q, 0, nn) ==
	      cnt + 1 + ext_count((uint8_t *)q, off + 4 + m, nn); */
	i = off + 4 + m;
	cnt++;
	/* The extensions after it, shifted by m - old in the new list. */
	/*@ loop invariant off + 4 + m <= i <= nn && cnt <= i;
	    loop invariant t_wf: wf_ext_list{Pre}((uint8_t *)l, i - m + old, n);
	    loop invariant t_no: no_ext35{Pre}((uint8_t *)l, i - m + old, n);
	    loop invariant t_cnt: \at(x->count, Pre) ==
	      cnt + ext_count{Pre}((uint8_t *)l, i - m + old, n);
	    loop invariant c_wf: wf_ext_list((uint8_t *)q, i, nn) ==>
	      wf_ext_list((uint8_t *)q, 0, nn);
	    loop invariant c_single: no_ext35((uint8_t *)q, i, nn) ==>
	      single_ext35((uint8_t *)q, 0, nn);
	    loop invariant c_cnt: ext_count((uint8_t *)q, 0, nn) ==
	      cnt + ext_count((uint8_t *)q, i, nn);
	    loop assigns i, cnt;
	    loop variant nn - i;
	*/
	while (i != nn) {
		/*@ assert t_in: i - m + old + 4 <= n; */
		/*@ assert t_bytes: rt_byte_sh{Here, Pre}((uint8_t *)q, i,
		      (uint8_t *)l, i - m + old) &&
		      rt_byte_sh{Here, Pre}((uint8_t *)q, i + 1, (uint8_t *)l,
		        i - m + old + 1) &&
		      rt_byte_sh{Here, Pre}((uint8_t *)q, i + 2, (uint8_t *)l,
		        i - m + old + 2) &&
		      rt_byte_sh{Here, Pre}((uint8_t *)q, i + 3, (uint8_t *)l,
		        i - m + old + 3); */
		/*@ assert t_type: ext_type((uint8_t *)q, i) ==
		      ext_type{Pre}((uint8_t *)l, i - m + old); */
		/*@ assert t_next: ext_next((uint8_t *)q, i) ==
		      ext_next{Pre}((uint8_t *)l, i - m + old) + m - old; */
		/*@ assert t_le: ext_next{Pre}((uint8_t *)l, i - m + old) <= n; */
		/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i - m + old), n); */
		/*@ assert u_no: ext_type{Pre}((uint8_t *)l, i - m + old) != 35 &&
		      no_ext35{Pre}((uint8_t *)l,
		        ext_next{Pre}((uint8_t *)l, i - m + old), n); */
		/*@ assert u_cnt: ext_count{Pre}((uint8_t *)l, i - m + old, n) ==
		      1 + ext_count{Pre}((uint8_t *)l,
		        ext_next{Pre}((uint8_t *)l, i - m + old), n); */
		i = rt_ext_next(q, i);
		cnt++;
	}
	/*@ assert e_wf: wf_ext_list((uint8_t *)q, 0, nn); */
	/*@ assert e_single: single_ext35((uint8_t *)q, 0, nn); */
	/*@ assert e_cnt: ext_count((uint8_t *)q, 0, nn) == \at(x->count, Pre); */
	return *w;
}

/* Setting extension 35 where x has none: appended after the list. */
/*@
  requires rt_set_pre(x, (uint8_t *)data, m, out, cap, w);
  requires x->has_ext35 == 0;
  assigns out[0 .. cap - 1], *w;
  ensures a_len: \result == 2 + \old(set_list_len(x, m));
  ensures a_wf: wf_exts(out, \result);
  ensures a_cnt: ext_count(out + 2, 0, \result - 2) == \old(x->count) + 1;
  ensures a_off: ext35_off(out + 2, 0, \result - 2) == \old(x->list.len);
  ensures a_idx: ext35_index(out + 2, 0, \result - 2) == \old(x->count);
  ensures a_35: !no_ext35(out + 2, 0, \result - 2);
  ensures a_dlen: ext_dlen(out + 2, \old(x->list.len)) == m;
  ensures a_new: \forall integer k; 0 <= k < m ==>
    out[2 + \old(x->list.len) + 4 + k] == \old(data[k]);
  ensures a_list: \forall integer k; 0 <= k < \old(x->list.len) ==>
    out[2 + k] == \old(x->list.ptr[k]);
*/
static size_t rt_set_append(const tkt_exts *x, const uint8_t *data,
	size_t m, uint8_t *out, size_t cap, size_t *w)
{
	const uint8_t *l = x->list.ptr, *q = out + 2;
	size_t n = x->list.len, nn = n + 4 + m, i = 0, cnt = 0;

	rt_hdr_all();
	(void)tkt_exts_set_ext35(x, data, m, out, cap, w);
	rt_hdr_all();
	/*@ assert a_w: *w == 2 + nn && u16_at(out, 0, nn); */
	/*@ assert a_list: \forall integer k; 0 <= k < n ==>
	      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, k); */
	/*@ loop invariant 0 <= i <= n && cnt <= i;
	    loop invariant s_wf: wf_ext_list{Pre}((uint8_t *)l, i, n);
	    loop invariant s_no: no_ext35{Pre}((uint8_t *)l, i, n);
	    loop invariant s_cnt: \at(x->count, Pre) ==
	      cnt + ext_count{Pre}((uint8_t *)l, i, n);
	    loop invariant c_wf: wf_ext_list((uint8_t *)q, i, nn) ==>
	      wf_ext_list((uint8_t *)q, 0, nn);
	    loop invariant c_single: single_ext35((uint8_t *)q, i, nn) ==>
	      single_ext35((uint8_t *)q, 0, nn);
	    loop invariant c_no: no_ext35((uint8_t *)q, 0, nn) ==>
	      no_ext35((uint8_t *)q, i, nn);
	    loop invariant c_off: ext35_off((uint8_t *)q, 0, nn) ==
	      ext35_off((uint8_t *)q, i, nn);
	    loop invariant c_idx: ext35_index((uint8_t *)q, 0, nn) ==
	      cnt + ext35_index((uint8_t *)q, i, nn);
	    loop invariant c_cnt: ext_count((uint8_t *)q, 0, nn) ==
	      cnt + ext_count((uint8_t *)q, i, nn);
	    loop assigns i, cnt;
	    loop variant n - i;
	*/
	while (i != n) {
		/*@ assert s_in: i + 4 <= n; */
		/*@ assert s_bytes: rt_byte_at{Here, Pre}((uint8_t *)q,
		      (uint8_t *)l, i) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 1) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 2) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 3); */
		/*@ assert s_type: ext_type((uint8_t *)q, i) ==
		      ext_type{Pre}((uint8_t *)l, i); */
		/*@ assert s_next: ext_next((uint8_t *)q, i) ==
		      ext_next{Pre}((uint8_t *)l, i); */
		/*@ assert s_le: ext_next{Pre}((uint8_t *)l, i) <= n; */
		/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_no: ext_type{Pre}((uint8_t *)l, i) != 35 &&
		      no_ext35{Pre}((uint8_t *)l, ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_cnt: ext_count{Pre}((uint8_t *)l, i, n) == 1 +
		      ext_count{Pre}((uint8_t *)l, ext_next{Pre}((uint8_t *)l, i), n); */
		i = rt_ext_next(q, i);
		cnt++;
	}
	/*@ assert e_qt: ext_type((uint8_t *)q, n) == 35; */
	/*@ assert e_qd: ext_dlen((uint8_t *)q, n) == m; */
	/*@ assert e_qn: ext_next((uint8_t *)q, n) == nn; */
	/*@ assert e_wf: wf_ext_list((uint8_t *)q, 0, nn); */
	/*@ assert e_single: single_ext35((uint8_t *)q, 0, nn); */
	/*@ assert e_off: ext35_off((uint8_t *)q, 0, nn) == n; */
	/*@ assert e_idx: ext35_index((uint8_t *)q, 0, nn) == cnt; */
	/*@ assert e_cnt: ext_count((uint8_t *)q, 0, nn) == cnt + 1; */
	/*@ assert e_35: !no_ext35((uint8_t *)q, 0, nn); */
	return *w;
}

/* Removing the extension 35 that x holds: the tail moves up. */
/*@
  requires rt_remove_pre(x, out, cap, w);
  requires x->has_ext35 == 1;
  assigns out[0 .. cap - 1], *w;
  ensures d_len: \result == 2 + \old(x->list.len - 4 - x->ext35.len);
  ensures d_wf: wf_exts(out, \result);
  ensures d_cnt: ext_count(out + 2, 0, \result - 2) == \old(x->count) - 1;
  ensures d_no: no_ext35(out + 2, 0, \result - 2);
  ensures d_head: \forall integer k; 0 <= k < \old(x->ext35_off) ==>
    out[2 + k] == \old(x->list.ptr[k]);
  ensures d_tail: \forall integer k;
    \old(x->ext35_off + 4 + x->ext35.len) <= k < \old(x->list.len) ==>
    out[2 + k - 4 - \old(x->ext35.len)] == \old(x->list.ptr[k]);
*/
static size_t rt_remove_drop(const tkt_exts *x, uint8_t *out, size_t cap,
	size_t *w)
{
	const uint8_t *l = x->list.ptr, *q = out + 2;
	size_t n = x->list.len, off = x->ext35_off, old = x->ext35.len;
	size_t nn = n - 4 - old, i = 0, cnt = 0;

	rt_ext35_off_ge(l, n);
	rt_hdr_all();
	(void)tkt_exts_remove_ext35(x, out, cap, w);
	rt_hdr_all();
	/*@ assert a_w: *w == 2 + nn && u16_at(out, 0, nn); */
	/*@ assert a_head: \forall integer k; 0 <= k < off ==>
	      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, k); */
	/*@ assert a_tail: \forall integer k; off <= k < nn ==>
	      rt_byte_sh{Here, Pre}((uint8_t *)q, k, (uint8_t *)l, k + 4 + old); */
	/*@ loop invariant 0 <= i <= off && cnt <= i;
	    loop invariant h_off: ext35_off{Pre}((uint8_t *)l, i, n) == off;
	    loop invariant h_wf: wf_ext_list{Pre}((uint8_t *)l, i, n);
	    loop invariant h_single: single_ext35{Pre}((uint8_t *)l, i, n);
	    loop invariant h_cnt: \at(x->count, Pre) ==
	      cnt + ext_count{Pre}((uint8_t *)l, i, n);
	    loop invariant c_wf: wf_ext_list((uint8_t *)q, i, nn) ==>
	      wf_ext_list((uint8_t *)q, 0, nn);
	    loop invariant c_no: no_ext35((uint8_t *)q, i, nn) ==>
	      no_ext35((uint8_t *)q, 0, nn);
	    loop invariant c_single: single_ext35((uint8_t *)q, i, nn) ==>
	      single_ext35((uint8_t *)q, 0, nn);
	    loop invariant c_cnt: ext_count((uint8_t *)q, 0, nn) ==
	      cnt + ext_count((uint8_t *)q, i, nn);
	    loop assigns i, cnt;
	    loop variant off - i;
	*/
	while (i != off) {
		/*@ assert h_in: i + 4 <= n; */
		/*@ assert h_t: ext_type{Pre}((uint8_t *)l, i) != 35; */
		/*@ assert h_noff: ext35_off{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n) == off; */
		/*@ assert h_len: ext_next{Pre}((uint8_t *)l, i) <= n; */
		/*@ assert h_le: ext_next{Pre}((uint8_t *)l, i) <= off; */
		/*@ assert h_bytes: rt_byte_at{Here, Pre}((uint8_t *)q,
		      (uint8_t *)l, i) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 1) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 2) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 3); */
		/*@ assert h_type: ext_type((uint8_t *)q, i) ==
		      ext_type{Pre}((uint8_t *)l, i); */
		/*@ assert h_next: ext_next((uint8_t *)q, i) ==
		      ext_next{Pre}((uint8_t *)l, i); */
		/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_single: single_ext35{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_cnt: ext_count{Pre}((uint8_t *)l, i, n) == 1 +
		      ext_count{Pre}((uint8_t *)l,
		        ext_next{Pre}((uint8_t *)l, i), n); */
		i = rt_ext_next(q, i);
		cnt++;
	}
	/* Extension 35 is gone: the tail starts at off in the new list. */
	/*@ assert m_l: ext_type{Pre}((uint8_t *)l, off) == 35 &&
	      ext_next{Pre}((uint8_t *)l, off) == off + 4 + old; */
	/*@ assert m_wf: wf_ext_list{Pre}((uint8_t *)l, off + 4 + old, n); */
	/*@ assert m_no: no_ext35{Pre}((uint8_t *)l, off + 4 + old, n); */
	/*@ assert m_cnt: ext_count{Pre}((uint8_t *)l, off, n) ==
	      1 + ext_count{Pre}((uint8_t *)l, off + 4 + old, n); */
	cnt++;
	/*@ loop invariant off <= i <= nn && cnt <= i + 1;
	    loop invariant t_wf: wf_ext_list{Pre}((uint8_t *)l, i + 4 + old, n);
	    loop invariant t_no: no_ext35{Pre}((uint8_t *)l, i + 4 + old, n);
	    loop invariant t_cnt: \at(x->count, Pre) ==
	      cnt + ext_count{Pre}((uint8_t *)l, i + 4 + old, n);
	    loop invariant c_wf: wf_ext_list((uint8_t *)q, i, nn) ==>
	      wf_ext_list((uint8_t *)q, 0, nn);
	    loop invariant c_no: no_ext35((uint8_t *)q, i, nn) ==>
	      no_ext35((uint8_t *)q, 0, nn);
	    loop invariant c_single: single_ext35((uint8_t *)q, i, nn) ==>
	      single_ext35((uint8_t *)q, 0, nn);
	    loop invariant c_cnt: ext_count((uint8_t *)q, 0, nn) + 1 ==
	      cnt + ext_count((uint8_t *)q, i, nn);
	    loop assigns i, cnt;
	    loop variant nn - i;
	*/
	while (i != nn) {
		/*@ assert t_in: i + 4 + old + 4 <= n; */
		/*@ assert t_bytes: rt_byte_sh{Here, Pre}((uint8_t *)q, i,
		      (uint8_t *)l, i + 4 + old) &&
		      rt_byte_sh{Here, Pre}((uint8_t *)q, i + 1, (uint8_t *)l,
		        i + 4 + old + 1) &&
		      rt_byte_sh{Here, Pre}((uint8_t *)q, i + 2, (uint8_t *)l,
		        i + 4 + old + 2) &&
		      rt_byte_sh{Here, Pre}((uint8_t *)q, i + 3, (uint8_t *)l,
		        i + 4 + old + 3); */
		/*@ assert t_type: ext_type((uint8_t *)q, i) ==
		      ext_type{Pre}((uint8_t *)l, i + 4 + old); */
		/*@ assert t_next: ext_next((uint8_t *)q, i) + 4 + old ==
		      ext_next{Pre}((uint8_t *)l, i + 4 + old); */
		/*@ assert t_le: ext_next{Pre}((uint8_t *)l, i + 4 + old) <= n; */
		/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i + 4 + old), n); */
		/*@ assert u_no: ext_type{Pre}((uint8_t *)l, i + 4 + old) != 35 &&
		      no_ext35{Pre}((uint8_t *)l,
		        ext_next{Pre}((uint8_t *)l, i + 4 + old), n); */
		/*@ assert u_cnt: ext_count{Pre}((uint8_t *)l, i + 4 + old, n) ==
		      1 + ext_count{Pre}((uint8_t *)l,
		        ext_next{Pre}((uint8_t *)l, i + 4 + old), n); */
		i = rt_ext_next(q, i);
		cnt++;
	}
	/*@ assert e_wf: wf_ext_list((uint8_t *)q, 0, nn); */
	/*@ assert e_no: no_ext35((uint8_t *)q, 0, nn); */
	/*@ assert e_single: single_ext35((uint8_t *)q, 0, nn); */
	/*@ assert e_cnt: ext_count((uint8_t *)q, 0, nn) + 1 ==
	      \at(x->count, Pre); */
	return *w;
}

/* Removing from a block without extension 35: a copy. */
/*@
  requires rt_remove_pre(x, out, cap, w);
  requires x->has_ext35 == 0;
  assigns out[0 .. cap - 1], *w;
  ensures k_len: \result == 2 + \old(x->list.len);
  ensures k_wf: wf_exts(out, \result);
  ensures k_cnt: ext_count(out + 2, 0, \result - 2) == \old(x->count);
  ensures k_no: no_ext35(out + 2, 0, \result - 2);
  ensures k_list: \forall integer k; 0 <= k < \old(x->list.len) ==>
    out[2 + k] == \old(x->list.ptr[k]);
*/
static size_t rt_remove_keep(const tkt_exts *x, uint8_t *out, size_t cap,
	size_t *w)
{
	const uint8_t *l = x->list.ptr, *q = out + 2;
	size_t n = x->list.len, i = 0, cnt = 0;

	rt_hdr_all();
	(void)tkt_exts_remove_ext35(x, out, cap, w);
	rt_hdr_all();
	/*@ assert a_w: *w == 2 + n && u16_at(out, 0, n); */
	/*@ assert a_list: \forall integer k; 0 <= k < n ==>
	      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, k); */
	/*@ loop invariant 0 <= i <= n && cnt <= i;
	    loop invariant s_wf: wf_ext_list{Pre}((uint8_t *)l, i, n);
	    loop invariant s_no: no_ext35{Pre}((uint8_t *)l, i, n);
	    loop invariant s_cnt: \at(x->count, Pre) ==
	      cnt + ext_count{Pre}((uint8_t *)l, i, n);
	    loop invariant c_wf: wf_ext_list((uint8_t *)q, i, n) ==>
	      wf_ext_list((uint8_t *)q, 0, n);
	    loop invariant c_no: no_ext35((uint8_t *)q, i, n) ==>
	      no_ext35((uint8_t *)q, 0, n);
	    loop invariant c_single: single_ext35((uint8_t *)q, i, n) ==>
	      single_ext35((uint8_t *)q, 0, n);
	    loop invariant c_cnt: ext_count((uint8_t *)q, 0, n) ==
	      cnt + ext_count((uint8_t *)q, i, n);
	    loop assigns i, cnt;
	    loop variant n - i;
	*/
	while (i != n) {
		/*@ assert s_in: i + 4 <= n; */
		/*@ assert s_bytes: rt_byte_at{Here, Pre}((uint8_t *)q,
		      (uint8_t *)l, i) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 1) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 2) &&
		      rt_byte_at{Here, Pre}((uint8_t *)q, (uint8_t *)l, i + 3); */
		/*@ assert s_type: ext_type((uint8_t *)q, i) ==
		      ext_type{Pre}((uint8_t *)l, i); */
		/*@ assert s_next: ext_next((uint8_t *)q, i) ==
		      ext_next{Pre}((uint8_t *)l, i); */
		/*@ assert s_le: ext_next{Pre}((uint8_t *)l, i) <= n; */
		/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)l,
		      ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_no: ext_type{Pre}((uint8_t *)l, i) != 35 &&
		      no_ext35{Pre}((uint8_t *)l, ext_next{Pre}((uint8_t *)l, i), n); */
		/*@ assert u_cnt: ext_count{Pre}((uint8_t *)l, i, n) == 1 +
		      ext_count{Pre}((uint8_t *)l, ext_next{Pre}((uint8_t *)l, i), n); */
		i = rt_ext_next(q, i);
		cnt++;
	}
	/*@ assert e_wf: wf_ext_list((uint8_t *)q, 0, n); */
	/*@ assert e_no: no_ext35((uint8_t *)q, 0, n); */
	/*@ assert e_single: single_ext35((uint8_t *)q, 0, n); */
	/*@ assert e_cnt: ext_count((uint8_t *)q, 0, n) == \at(x->count, Pre); */
	return *w;
}

/* decode(encode(v)) == v, setting extension 35 to the m bytes at data. */
/*@
  requires rt_set_pre(x, (uint8_t *)data, m, out, cap, at);
  requires \valid(y) && \separated(y, at, out + (0 .. cap - 1));
  assigns out[0 .. cap - 1], *y, *at;
  ensures s_ok: \result == TKT_OK;
  ensures s_at: *at == 2 + \old(set_list_len(x, m));
  ensures s_ptr: y->list.ptr == out + 2;
  ensures s_len: y->list.len == \old(set_list_len(x, m));
  ensures s_has: y->has_ext35 == 1;
  ensures s_dlen: y->ext35.len == m;
  ensures s_data: \forall integer k; 0 <= k < m ==>
    y->ext35.ptr[k] == \old(data[k]);
  ensures s_off: y->ext35_off == (\old(x->has_ext35) == 1 ?
                                  \old(x->ext35_off) : \old(x->list.len));
  ensures s_idx: y->ext35_index == (\old(x->has_ext35) == 1 ?
                                    \old(x->ext35_index) : \old(x->count));
  ensures s_cnt: y->count == (\old(x->has_ext35) == 1 ? \old(x->count)
                                                      : \old(x->count) + 1);
  // The other extensions: their bytes where the rewrite put them.
  ensures s_head: \old(x->has_ext35) == 1 ==>
    \forall integer k; 0 <= k < \old(x->ext35_off) ==>
      y->list.ptr[k] == \old(x->list.ptr[k]);
  ensures s_tail: \old(x->has_ext35) == 1 ==>
    \forall integer k;
      \old(x->ext35_off + 4 + x->ext35.len) <= k < \old(x->list.len) ==>
      y->list.ptr[k - \old(x->ext35.len) + m] == \old(x->list.ptr[k]);
  ensures s_all: \old(x->has_ext35) == 0 ==>
    \forall integer k; 0 <= k < \old(x->list.len) ==>
      y->list.ptr[k] == \old(x->list.ptr[k]);
*/
tkt_status rt_exts_set_encode_decode(const tkt_exts *x, const uint8_t *data,
	size_t m, uint8_t *out, size_t cap, tkt_exts *y, size_t *at)
{
	size_t w;
	tkt_status st;

	if (x->has_ext35)
		w = rt_set_replace(x, data, m, out, cap, at);
	else
		w = rt_set_append(x, data, m, out, cap, at);
	st = tkt_exts_decode(out, w, y, at);
	/* The data where the decoded view points, by its index in out. */
	/*@ assert t_ptr: y->ext35.ptr == out + (2 + y->ext35_off + 4); */
	/*@ assert t_new: \forall integer k; 0 <= k < m ==>
	      out[2 + y->ext35_off + 4 + k] == \at(data[k], Pre); */
	/* The view's bytes by their index in out: the postconditions then
	   chain two instances (view to out, out to the source). */
	/*@ assert t_data: \forall integer k; 0 <= k < m ==>
	      y->ext35.ptr[k] == out[2 + y->ext35_off + 4 + k]; */
	/*@ assert t_list: \forall integer k; 0 <= k < y->list.len ==>
	      y->list.ptr[k] == out[2 + k]; */
	return st;
}

/* decode(encode(v)) == v, removing extension 35. */
/*@
  requires rt_remove_pre(x, out, cap, at);
  requires \valid(y) && \separated(y, at, out + (0 .. cap - 1));
  assigns out[0 .. cap - 1], *y, *at;
  ensures \result == TKT_OK;
  ensures *at == 2 + \old(x->list.len) -
    (\old(x->has_ext35) == 1 ? 4 + \old(x->ext35.len) : 0);
  ensures y->list.ptr == out + 2 && y->list.len == *at - 2;
  ensures y->has_ext35 == 0;
  ensures y->count == \old(x->count) - \old(x->has_ext35);
  ensures \old(x->has_ext35) == 1 ==>
    \forall integer k; 0 <= k < \old(x->ext35_off) ==>
      y->list.ptr[k] == \old(x->list.ptr[k]);
  ensures \old(x->has_ext35) == 1 ==>
    \forall integer k;
      \old(x->ext35_off + 4 + x->ext35.len) <= k < \old(x->list.len) ==>
      y->list.ptr[k - 4 - \old(x->ext35.len)] == \old(x->list.ptr[k]);
  ensures \old(x->has_ext35) == 0 ==>
    \forall integer k; 0 <= k < \old(x->list.len) ==>
      y->list.ptr[k] == \old(x->list.ptr[k]);
*/
tkt_status rt_exts_remove_encode_decode(const tkt_exts *x, uint8_t *out,
	size_t cap, tkt_exts *y, size_t *at)
{
	size_t w;

	if (x->has_ext35)
		w = rt_remove_drop(x, out, cap, at);
	else
		w = rt_remove_keep(x, out, cap, at);
	return tkt_exts_decode(out, w, y, at);
}
