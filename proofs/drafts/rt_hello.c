/*
 * DRAFT, NOT PROVED (see proofs/README.md, seventh session). Round-trip
 * theorems of the ClientHello and ServerHello bodies
 * (src/codec/hello.c). Frama-C only.
 *
 *   rt_client_hello_decode_encode, rt_server_hello_decode_encode:
 *     encode(decode(b)) == b for every accepted body.
 *   rt_client_hello_encode_decode, rt_server_hello_encode_decode:
 *     decode(encode(v)) == v for every encodable value: the same version,
 *     lengths and bytes (the view's own pointers are into the encoding).
 *
 * wf_ext_list is recursive over the bytes, so a list copied into the
 * encoding is well-formed there only by induction along its chain of
 * extensions: the loop in rt_list_copied spells that induction out
 * (a lemma loop: proven like code, executed by nobody).
 */
#include "tkt/codec.h"
#include "tkt_spec.h"
#include "../rt_rebase.h"

/* encode(decode(b)) == b for every accepted ClientHello body. */
/*@
  requires wf_client_hello(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(obuf + (0 .. len - 1));
  requires \separated(buf + (0 .. len - 1), obuf + (0 .. len - 1));
  assigns obuf[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(obuf, buf, len);
*/
tkt_status rt_client_hello_decode_encode(const uint8_t *buf, size_t len,
	uint8_t *obuf)
{
	tkt_client_hello v;
	size_t at, w;
	tkt_status st = tkt_client_hello_decode(buf, len, &v, &at);

	if (st != TKT_OK)
		return st;
	/* The decoded value is encodable, and its encoding has len bytes. */
	//@ assert ok1: v.version / 256 == 3;
	//@ assert ok2: v.random != \null && v.cipher_suites.ptr != \null;
	//@ assert ok3: v.compression.ptr != \null;
	//@ assert ok4: 2 <= v.cipher_suites.len <= 65534;
	//@ assert ok5: opt_list_ok(v.has_extensions, &v.exts);
	//@ assert ok6: client_hello_ok(&v);
	//@ assert ok7: client_hello_len(&v) == len;
	st = tkt_client_hello_encode(&v, obuf, len, &w);
	/*
	 * The encoder states obuf now against its input at call time, whose
	 * pointers are into buf (decoding writes only v and at, so buf is
	 * the same at Pre, at the call and now). Carry buf to now, then glue
	 * the fields together left to right, all now.
	 */
	//@ assert keep: same_bytes{Here, Pre}(buf, buf, len);
	//@ assert c0: be16(obuf) == be16(buf);
	//@ assert c1: same_bytes{Here, Here}(obuf, buf, 2);
	//@ assert c2: same_bytes{Here, Here}(obuf, buf, 34);
	//@ assert c3: obuf[34] == buf[34];
	//@ assert c4: same_bytes{Here, Here}(obuf, buf, 35 + buf[34]);
	/*@ assert c5: be16(obuf + ch_cs_off(buf)) == be16(buf + ch_cs_off(buf)); */
	//@ assert c6: same_bytes{Here, Here}(obuf, buf, ch_cs_off(buf) + 2);
	//@ assert c7: same_bytes{Here, Here}(obuf, buf, ch_cm_off(buf));
	//@ assert c8: obuf[ch_cm_off(buf)] == buf[ch_cm_off(buf)];
	//@ assert c9: same_bytes{Here, Here}(obuf, buf, ch_ext_off(buf));
	/*@ assert c10: ch_ext_off(buf) < len ==>
	      be16(obuf + ch_ext_off(buf)) == be16(buf + ch_ext_off(buf)); */
	/*@ assert c11: ch_ext_off(buf) < len ==>
	      same_bytes{Here, Here}(obuf, buf, ch_ext_off(buf) + 2); */
	//@ assert c12: same_bytes{Here, Here}(obuf, buf, len);
	return st;
}

/* encode(decode(b)) == b for every accepted ServerHello body. */
/*@
  requires wf_server_hello(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(obuf + (0 .. len - 1));
  requires \separated(buf + (0 .. len - 1), obuf + (0 .. len - 1));
  assigns obuf[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures same_bytes{Post, Post}(obuf, buf, len);
*/
tkt_status rt_server_hello_decode_encode(const uint8_t *buf, size_t len,
	uint8_t *obuf)
{
	tkt_server_hello v;
	size_t at, w;
	tkt_status st = tkt_server_hello_decode(buf, len, &v, &at);

	if (st != TKT_OK)
		return st;
	//@ assert ok1: v.version / 256 == 3;
	//@ assert ok2: v.random != \null;
	//@ assert ok5: opt_list_ok(v.has_extensions, &v.exts);
	//@ assert ok6: server_hello_ok(&v);
	//@ assert ok7: server_hello_len(&v) == len;
	st = tkt_server_hello_encode(&v, obuf, len, &w);
	/* As in rt_client_hello_decode_encode. */
	//@ assert keep: same_bytes{Here, Pre}(buf, buf, len);
	//@ assert c0: be16(obuf) == be16(buf);
	//@ assert c1: same_bytes{Here, Here}(obuf, buf, 2);
	//@ assert c2: same_bytes{Here, Here}(obuf, buf, 34);
	//@ assert c3: obuf[34] == buf[34];
	//@ assert c4: same_bytes{Here, Here}(obuf, buf, 35 + buf[34]);
	/*@ assert c5: be16(obuf + sh_cs_off(buf)) == be16(buf + sh_cs_off(buf)); */
	//@ assert c6: same_bytes{Here, Here}(obuf, buf, sh_cs_off(buf) + 2);
	//@ assert c7: same_bytes{Here, Here}(obuf, buf, sh_ext_off(buf));
	/*@ assert c10: sh_ext_off(buf) < len ==>
	      be16(obuf + sh_ext_off(buf)) == be16(buf + sh_ext_off(buf)); */
	/*@ assert c11: sh_ext_off(buf) < len ==>
	      same_bytes{Here, Here}(obuf, buf, sh_ext_off(buf) + 2); */
	//@ assert c12: same_bytes{Here, Here}(obuf, buf, len);
	return st;
}

/*@
  predicate bytes_eq{La, Lb}(tkt_bytes a, tkt_bytes b) =
    a.len == b.len &&
    same_bytes{La, Lb}((uint8_t *)a.ptr, (uint8_t *)b.ptr, a.len);

  // b[k] at Lb is s[j] at Ls.
  predicate byte_at{Lb, Ls}(uint8_t *b, integer k, uint8_t *s, integer j) =
    \at(b[k], Lb) == \at(s[j], Ls);

  // d at Ld is v at Lv: same version, lengths and bytes.
  predicate ch_same{Ld, Lv}(tkt_client_hello d, tkt_client_hello v) =
    d.version == v.version &&
    same_bytes{Ld, Lv}((uint8_t *)d.random, (uint8_t *)v.random, 32) &&
    bytes_eq{Ld, Lv}(d.session_id, v.session_id) &&
    bytes_eq{Ld, Lv}(d.cipher_suites, v.cipher_suites) &&
    bytes_eq{Ld, Lv}(d.compression, v.compression) &&
    d.has_extensions == v.has_extensions &&
    (v.has_extensions == 1 ==> bytes_eq{Ld, Lv}(d.exts.list, v.exts.list));
*/

/* decode(encode(v)) == v for every encodable ClientHello. */
/*@
  requires \valid_read(v);
  requires client_hello_ok(v) && client_hello_readable(v);
  requires client_hello_len(v) <= cap;
  requires \valid(obuf + (0 .. cap - 1));
  requires \valid(d);
  requires \separated(obuf + (0 .. cap - 1), v, d,
      v->random + (0 .. 31),
      v->session_id.ptr + (0 .. v->session_id.len - 1),
      v->cipher_suites.ptr + (0 .. v->cipher_suites.len - 1),
      v->compression.ptr + (0 .. v->compression.len - 1));
  requires v->has_extensions == 1 ==>
    \separated(obuf + (0 .. cap - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures ch_same{Post, Pre}(*d, \old(*v));
*/
tkt_status rt_client_hello_encode_decode(const tkt_client_hello *v,
	uint8_t *obuf, size_t cap, tkt_client_hello *d)
{
	size_t w, at, e, ll, o = 0;
	const uint8_t *lst, *l;
	int seen = 0;
	tkt_status st = tkt_client_hello_encode(v, obuf, cap, &w);

	if (st != TKT_OK)
		return st;
	e = 38u + v->session_id.len + v->cipher_suites.len + v->compression.len;
	lst = v->exts.list.ptr;
	ll = v->has_extensions == 1 ? v->exts.list.len : 0u;
	l = obuf + e + 2u;
	/*
	 * The list copied at e + 2 is well-formed there: walk its chain in
	 * step with the source's at Pre (same bytes, so same headers).
	 */
	/*@ loop invariant 0 <= o <= ll;
	    loop invariant v->has_extensions == 1 ==>
	      wf_ext_list{Pre}((uint8_t *)lst, o, ll);
	    loop invariant v->has_extensions == 1 && seen == 0 ==>
	      single_ext35{Pre}((uint8_t *)lst, o, ll);
	    loop invariant v->has_extensions == 1 && seen != 0 ==>
	      no_ext35{Pre}((uint8_t *)lst, o, ll);
	    loop invariant wf_ext_list((uint8_t *)l, o, ll) ==>
	      wf_ext_list((uint8_t *)l, 0, ll);
	    loop invariant seen == 0 ==> single_ext35((uint8_t *)l, o, ll) ==>
	      single_ext35((uint8_t *)l, 0, ll);
	    loop invariant seen != 0 ==> no_ext35((uint8_t *)l, o, ll) ==>
	      single_ext35((uint8_t *)l, 0, ll);
	    loop assigns o, seen;
	    loop variant ll - o;
	*/
	while (o != ll) {
		//@ assert o + 4 <= ll;
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o, (uint8_t *)lst, o);
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o + 1, (uint8_t *)lst, o + 1);
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o + 2, (uint8_t *)lst, o + 2);
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o + 3, (uint8_t *)lst, o + 3);
		//@ assert ext_type((uint8_t *)l, o) == ext_type{Pre}((uint8_t *)lst, o);
		//@ assert ext_next((uint8_t *)l, o) == ext_next{Pre}((uint8_t *)lst, o);
		if (l[o] == 0u && l[o + 1u] == 35u)
			seen = 1;
		o = o + 4u + l[o + 2u] * 256u + l[o + 3u];
	}
	/*@ assert v->has_extensions == 1 ==>
	      wf_exts(obuf + e, w - e); */
	//@ assert wf_client_hello(obuf, w);
	/*
	 * v's bytes now (nothing of v is written), read from obuf + offset
	 * (where the decoder's view points) rather than by index in obuf.
	 */
	//@ assert same_bytes{Here, Pre}(v->random, v->random, 32);
	rt_rebase(obuf, 2, v->random, 32);
	//@ assert same_bytes{Here, Pre}(v->session_id.ptr, v->session_id.ptr, v->session_id.len);
	rt_rebase(obuf, 35, v->session_id.ptr, v->session_id.len);
	//@ assert same_bytes{Here, Pre}(v->cipher_suites.ptr, v->cipher_suites.ptr, v->cipher_suites.len);
	rt_rebase(obuf, 37u + v->session_id.len, v->cipher_suites.ptr,
		v->cipher_suites.len);
	//@ assert same_bytes{Here, Pre}(v->compression.ptr, v->compression.ptr, v->compression.len);
	rt_rebase(obuf, e - v->compression.len, v->compression.ptr,
		v->compression.len);
	//@ assert ll != 0 ==> same_bytes{Here, Pre}(lst, lst, ll);
	rt_rebase(obuf, e + 2u, lst, ll);
	st = tkt_client_hello_decode(obuf, w, d, &at);
	return st;
}

/*@
  predicate sh_same{Ld, Lv}(tkt_server_hello d, tkt_server_hello v) =
    d.version == v.version &&
    same_bytes{Ld, Lv}((uint8_t *)d.random, (uint8_t *)v.random, 32) &&
    bytes_eq{Ld, Lv}(d.session_id, v.session_id) &&
    d.cipher_suite == v.cipher_suite && d.compression == v.compression &&
    d.has_extensions == v.has_extensions &&
    (v.has_extensions == 1 ==> bytes_eq{Ld, Lv}(d.exts.list, v.exts.list));
*/

/* decode(encode(v)) == v for every encodable ServerHello. */
/*@
  requires \valid_read(v);
  requires server_hello_ok(v) && server_hello_readable(v);
  requires server_hello_len(v) <= cap;
  requires \valid(obuf + (0 .. cap - 1));
  requires \valid(d);
  requires \separated(obuf + (0 .. cap - 1), v, d,
      v->random + (0 .. 31),
      v->session_id.ptr + (0 .. v->session_id.len - 1));
  requires v->has_extensions == 1 ==>
    \separated(obuf + (0 .. cap - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures sh_same{Post, Pre}(*d, \old(*v));
*/
tkt_status rt_server_hello_encode_decode(const tkt_server_hello *v,
	uint8_t *obuf, size_t cap, tkt_server_hello *d)
{
	size_t w, at, e, ll, o = 0;
	const uint8_t *lst, *l;
	int seen = 0;
	tkt_status st = tkt_server_hello_encode(v, obuf, cap, &w);

	if (st != TKT_OK)
		return st;
	e = 38u + v->session_id.len;
	lst = v->exts.list.ptr;
	ll = v->has_extensions == 1 ? v->exts.list.len : 0u;
	l = obuf + e + 2u;
	/* As in rt_client_hello_encode_decode. */
	/*@ loop invariant 0 <= o <= ll;
	    loop invariant v->has_extensions == 1 ==>
	      wf_ext_list{Pre}((uint8_t *)lst, o, ll);
	    loop invariant v->has_extensions == 1 && seen == 0 ==>
	      single_ext35{Pre}((uint8_t *)lst, o, ll);
	    loop invariant v->has_extensions == 1 && seen != 0 ==>
	      no_ext35{Pre}((uint8_t *)lst, o, ll);
	    loop invariant wf_ext_list((uint8_t *)l, o, ll) ==>
	      wf_ext_list((uint8_t *)l, 0, ll);
	    loop invariant seen == 0 ==> single_ext35((uint8_t *)l, o, ll) ==>
	      single_ext35((uint8_t *)l, 0, ll);
	    loop invariant seen != 0 ==> no_ext35((uint8_t *)l, o, ll) ==>
	      single_ext35((uint8_t *)l, 0, ll);
	    loop assigns o, seen;
	    loop variant ll - o;
	*/
	while (o != ll) {
		//@ assert o + 4 <= ll;
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o, (uint8_t *)lst, o);
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o + 1, (uint8_t *)lst, o + 1);
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o + 2, (uint8_t *)lst, o + 2);
		//@ assert byte_at{Here, Pre}(obuf, e + 2 + o + 3, (uint8_t *)lst, o + 3);
		//@ assert ext_type((uint8_t *)l, o) == ext_type{Pre}((uint8_t *)lst, o);
		//@ assert ext_next((uint8_t *)l, o) == ext_next{Pre}((uint8_t *)lst, o);
		if (l[o] == 0u && l[o + 1u] == 35u)
			seen = 1;
		o = o + 4u + l[o + 2u] * 256u + l[o + 3u];
	}
	/*@ assert v->has_extensions == 1 ==>
	      wf_exts(obuf + e, w - e); */
	//@ assert wf_server_hello(obuf, w);
	//@ assert same_bytes{Here, Pre}(v->random, v->random, 32);
	rt_rebase(obuf, 2, v->random, 32);
	//@ assert same_bytes{Here, Pre}(v->session_id.ptr, v->session_id.ptr, v->session_id.len);
	rt_rebase(obuf, 35, v->session_id.ptr, v->session_id.len);
	//@ assert ll != 0 ==> same_bytes{Here, Pre}(lst, lst, ll);
	rt_rebase(obuf, e + 2u, lst, ll);
	st = tkt_server_hello_decode(obuf, w, d, &at);
	return st;
}
