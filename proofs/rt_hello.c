/*
 * Round-trip theorems of the ClientHello and ServerHello bodies
 * (src/codec/hello.c). Frama-C only; never compiled into the library.
 *
 *   rt_client_hello_decode_encode, rt_server_hello_decode_encode:
 *     encode(decode(b)) == b for every accepted body.
 *   rt_client_hello_encode_decode, rt_server_hello_encode_decode:
 *     decode(encode(v)) == v for every encodable value: the same version,
 *     lengths and bytes, v read at Pre (the decoded view points into the
 *     encoding, so pointer equality is not the notion of equality here);
 *     of the extensions view, the list (the encoders read nothing else).
 *
 * The decoders run in wrappers (rt_ch_dec, rt_sh_dec) whose contracts
 * restate the decoded fields as the encoders need them (their
 * preconditions, and each field at its offset in the encoding); the
 * encoders in wrappers (rt_ch_enc, rt_sh_enc) whose contracts state the
 * encoding in one memory state, with the frames of the sources. The lemma
 * functions of rt_hello_lemmas.h glue the fields into "the same bytes"
 * (rt_ch_glue, rt_sh_glue) and the encoding into a well-formed body
 * (rt_ch_wf, rt_sh_wf); the list's well-formedness, recursive over
 * memory, is carried to the copy by a lemma loop (rt_ch_enc_wf,
 * rt_sh_enc_wf). No global lemma: see proofs/README.md.
 */
#include "tkt/codec.h"
#include "tkt_spec.h"
#include "rt_hello_lemmas.h"
#include "rt_rebase.h"

/*
 * The ClientHello decoder on an accepted body, with what the encoder
 * needs: the value it accepts, of len bytes, readable and apart from o;
 * and the fields stated at their offsets in buf (version and lengths as
 * buf's bytes, the byte fields as pointers into buf).
 */
/*@
  requires wf_client_hello(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(v);
  requires \separated(buf + (0 .. len - 1), v);
  requires \separated(buf + (0 .. len - 1), o + (0 .. on - 1));
  assigns *v;
  ensures d_ver: v->version == be16((uint8_t *)buf);
  ensures d_rnd: v->random == buf + 2;
  ensures d_sl: v->session_id.len == buf[34];
  ensures d_sid: v->session_id.len > 0 ==> v->session_id.ptr == buf + 35;
  ensures d_csl: v->cipher_suites.len ==
    be16((uint8_t *)buf + (35 + v->session_id.len));
  ensures d_cs: v->cipher_suites.ptr == buf + (37 + v->session_id.len);
  ensures d_cml: v->compression.len ==
    buf[37 + v->session_id.len + v->cipher_suites.len];
  ensures d_cm: v->compression.ptr ==
    buf + (38 + v->session_id.len + v->cipher_suites.len);
  ensures d_has: v->has_extensions == 0 || v->has_extensions == 1;
  ensures d_ll: v->has_extensions == 1 ==> v->exts.list.len ==
    be16((uint8_t *)buf + (38 + v->session_id.len + v->cipher_suites.len +
      v->compression.len));
  ensures d_lst: v->has_extensions == 1 ==> v->exts.list.ptr ==
    buf + (40 + v->session_id.len + v->cipher_suites.len +
      v->compression.len);
  ensures d_len1: v->has_extensions == 1 ==> len == 40 +
    v->session_id.len + v->cipher_suites.len + v->compression.len +
    v->exts.list.len;
  ensures d_len0: v->has_extensions == 0 ==> len == 38 +
    v->session_id.len + v->cipher_suites.len + v->compression.len;
  ensures d_ok: client_hello_ok(v);
  ensures d_size: client_hello_len(v) == len;
  ensures d_read: client_hello_readable(v);
  ensures d_lread: opt_list_readable(v->has_extensions, &v->exts);
  ensures d_sep: \separated(o + (0 .. on - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1),
    v->cipher_suites.ptr + (0 .. v->cipher_suites.len - 1),
    v->compression.ptr + (0 .. v->compression.len - 1));
  ensures d_lsep: v->has_extensions == 1 ==>
    \separated(o + (0 .. on - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
*/
static void rt_ch_dec(const uint8_t *buf, size_t len, const uint8_t *o,
	size_t on, tkt_client_hello *v)
{
	size_t at;

	(void)tkt_client_hello_decode(buf, len, v, &at);
	/* client_hello_ok(v), part by part (as one goal it timed out in one
	   run of two). */
	/*@ assert k_common: hello_common_ok(v->version, (uint8_t *)v->random,
	      (uint8_t *)v->session_id.ptr, v->session_id.len); */
	/*@ assert k_cs: 2 <= v->cipher_suites.len <= 65534 &&
	      v->cipher_suites.len % 2 == 0 && v->cipher_suites.ptr != \null; */
	/*@ assert k_cm: 1 <= v->compression.len <= 255 &&
	      v->compression.ptr != \null; */
	/*@ assert k_list: opt_list_ok(v->has_extensions, &v->exts); */
}

/*
 * The ClientHello encoder, with its output stated in one memory state
 * (its Post) against v's bytes there, not at its Pre: v's bytes are not
 * written, and the asserts carry each source across the writes (as the
 * encoder itself does). A caller then compares in one state; b, which
 * the encoder does not write either, is the caller's source buffer.
 */
/*@
  requires \valid_read(v);
  requires \valid(o + (0 .. len - 1));
  requires \separated(v, o + (0 .. len - 1));
  requires client_hello_ok(v) && client_hello_len(v) == len;
  requires client_hello_readable(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  requires \separated(o + (0 .. len - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1),
    v->cipher_suites.ptr + (0 .. v->cipher_suites.len - 1),
    v->compression.ptr + (0 .. v->compression.len - 1));
  requires v->has_extensions == 1 ==>
    \separated(o + (0 .. len - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  requires \separated(b + (0 .. bn - 1), o + (0 .. len - 1));
  assigns o[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures keep: \forall integer k; 0 <= k < bn ==> b[k] == \old(b[k]);
  ensures src_r: same_bytes{Post, Pre}((uint8_t *)v->random,
    (uint8_t *)v->random, 32);
  ensures src_s: same_bytes{Post, Pre}((uint8_t *)v->session_id.ptr,
    (uint8_t *)v->session_id.ptr, v->session_id.len);
  ensures src_c: same_bytes{Post, Pre}((uint8_t *)v->cipher_suites.ptr,
    (uint8_t *)v->cipher_suites.ptr, v->cipher_suites.len);
  ensures src_m: same_bytes{Post, Pre}((uint8_t *)v->compression.ptr,
    (uint8_t *)v->compression.ptr, v->compression.len);
  ensures src_l: v->has_extensions == 1 ==>
    same_bytes{Post, Pre}((uint8_t *)v->exts.list.ptr,
      (uint8_t *)v->exts.list.ptr, v->exts.list.len);
  ensures ch_encodes{Post, Post}(o, v->version, (uint8_t *)v->random,
    (uint8_t *)v->session_id.ptr, v->session_id.len,
    (uint8_t *)v->cipher_suites.ptr, v->cipher_suites.len,
    (uint8_t *)v->compression.ptr, v->compression.len, v->has_extensions,
    (uint8_t *)v->exts.list.ptr, v->exts.list.len);
*/
static tkt_status rt_ch_enc(const tkt_client_hello *v, uint8_t *o,
	size_t len, const uint8_t *b, size_t bn)
{
	size_t w, sl = v->session_id.len, csl = v->cipher_suites.len;
	size_t cml = v->compression.len, ll = v->exts.list.len;
	const uint8_t *rnd = v->random, *sid = v->session_id.ptr;
	const uint8_t *cs = v->cipher_suites.ptr, *cm = v->compression.ptr;
	const uint8_t *lst = v->exts.list.ptr;
	int has = v->has_extensions;
	uint16_t ver = v->version;
	tkt_status st = tkt_client_hello_encode(v, o, len, &w);

	/*@ assert e_pre: ch_encodes{Here, Pre}(o, ver, (uint8_t *)rnd,
	      (uint8_t *)sid, sl, (uint8_t *)cs, csl, (uint8_t *)cm, cml, has,
	      (uint8_t *)lst, ll); */
	/*@ assert r: same_bytes{Here, Pre}(rnd, rnd, 32); */
	/*@ assert s: same_bytes{Here, Pre}(sid, sid, sl); */
	/*@ assert c: same_bytes{Here, Pre}(cs, cs, csl); */
	/*@ assert m: same_bytes{Here, Pre}(cm, cm, cml); */
	/*@ assert l: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	/*@ assert e_rnd: bytes_at{Here, Here}(o, 2, (uint8_t *)rnd, 32); */
	/*@ assert e_sid: bytes_at{Here, Here}(o, 35, (uint8_t *)sid, sl); */
	/*@ assert e_cs: bytes_at{Here, Here}(o, 37 + sl, (uint8_t *)cs, csl); */
	/*@ assert e_cm: bytes_at{Here, Here}(o, 38 + sl + csl, (uint8_t *)cm,
	      cml); */
	/*@ assert e_lst: has == 1 ==> bytes_at{Here, Here}(o,
	      40 + sl + csl + cml, (uint8_t *)lst, ll); */
	/*@ assert fin: ch_encodes{Here, Here}(o, ver, (uint8_t *)rnd,
	      (uint8_t *)sid, sl, (uint8_t *)cs, csl, (uint8_t *)cm, cml, has,
	      (uint8_t *)lst, ll); */
	return st;
}

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
	tkt_status st;

	rt_ch_dec(buf, len, obuf, len, &v);
	st = rt_ch_enc(&v, obuf, len, buf, len);
	if (v.has_extensions == 1) {
		/*@ assert k_ll: \let e = 38 + v.session_id.len +
		      v.cipher_suites.len + v.compression.len;
		      buf[e] == \at(buf[e], Pre) &&
		      buf[e + 1] == \at(buf[e + 1], Pre); */
		/*@ assert k_ll2: v.exts.list.len == be16((uint8_t *)buf +
		      (38 + v.session_id.len + v.cipher_suites.len +
		      v.compression.len)); */
	}
	rt_ch_glue(obuf, buf, len, v.version, v.random, v.session_id.ptr,
		v.session_id.len, v.cipher_suites.ptr, v.cipher_suites.len,
		v.compression.ptr, v.compression.len, v.has_extensions,
		v.exts.list.ptr, v.exts.list.len);
	return st;
}

/*
 * The ServerHello decoder, as rt_ch_dec. Its store of the compression
 * byte changes, for WP, the memory buf is read from: the fields are
 * stated in the final memory, where hello_exts_view holds.
 */
/*@
  requires wf_server_hello(buf, len);
  requires \valid_read(buf + (0 .. len - 1));
  requires \valid(v);
  requires \separated(buf + (0 .. len - 1), v);
  requires \separated(buf + (0 .. len - 1), o + (0 .. on - 1));
  assigns *v;
  ensures d_keep: \forall integer k; 0 <= k < len ==>
    buf[k] == \old(buf[k]);
  ensures d_ver: v->version == be16((uint8_t *)buf);
  ensures d_rnd: v->random == buf + 2;
  ensures d_sl: v->session_id.len == buf[34];
  ensures d_sid: v->session_id.len > 0 ==> v->session_id.ptr == buf + 35;
  ensures d_suite: v->cipher_suite ==
    be16((uint8_t *)buf + (35 + v->session_id.len));
  ensures d_comp: v->compression == buf[37 + v->session_id.len];
  ensures d_has: v->has_extensions == 0 || v->has_extensions == 1;
  ensures d_ll: v->has_extensions == 1 ==> v->exts.list.len ==
    be16((uint8_t *)buf + (38 + v->session_id.len));
  ensures d_lst: v->has_extensions == 1 ==> v->exts.list.ptr ==
    buf + (40 + v->session_id.len);
  ensures d_len1: v->has_extensions == 1 ==> len == 40 +
    v->session_id.len + v->exts.list.len;
  ensures d_len0: v->has_extensions == 0 ==> len == 38 + v->session_id.len;
  ensures d_ok: server_hello_ok(v);
  ensures d_size: server_hello_len(v) == len;
  ensures d_read: server_hello_readable(v);
  ensures d_lread: opt_list_readable(v->has_extensions, &v->exts);
  ensures d_sep: \separated(o + (0 .. on - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1));
  ensures d_lsep: v->has_extensions == 1 ==>
    \separated(o + (0 .. on - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
*/
static void rt_sh_dec(const uint8_t *buf, size_t len, const uint8_t *o,
	size_t on, tkt_server_hello *v)
{
	size_t at;

	(void)tkt_server_hello_decode(buf, len, v, &at);
	/*@ assert k_hdr: buf[0] == \at(buf[0], Pre) &&
	      buf[34] == \at(buf[34], Pre); */
	/*@ assert k_common: hello_common_ok(v->version, (uint8_t *)v->random,
	      (uint8_t *)v->session_id.ptr, v->session_id.len); */
	/*@ assert k_list: opt_list_ok(v->has_extensions, &v->exts); */
}

/* The ServerHello encoder, as rt_ch_enc. */
/*@
  requires \valid_read(v);
  requires \valid(o + (0 .. len - 1));
  requires \separated(v, o + (0 .. len - 1));
  requires server_hello_ok(v) && server_hello_len(v) == len;
  requires server_hello_readable(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  requires \separated(o + (0 .. len - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1));
  requires v->has_extensions == 1 ==>
    \separated(o + (0 .. len - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  requires \separated(b + (0 .. bn - 1), o + (0 .. len - 1));
  assigns o[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures keep: \forall integer k; 0 <= k < bn ==> b[k] == \old(b[k]);
  ensures src_r: same_bytes{Post, Pre}((uint8_t *)v->random,
    (uint8_t *)v->random, 32);
  ensures src_s: same_bytes{Post, Pre}((uint8_t *)v->session_id.ptr,
    (uint8_t *)v->session_id.ptr, v->session_id.len);
  ensures src_l: v->has_extensions == 1 ==>
    same_bytes{Post, Pre}((uint8_t *)v->exts.list.ptr,
      (uint8_t *)v->exts.list.ptr, v->exts.list.len);
  ensures sh_encodes{Post, Post}(o, v->version, (uint8_t *)v->random,
    (uint8_t *)v->session_id.ptr, v->session_id.len, v->cipher_suite,
    v->compression, v->has_extensions, (uint8_t *)v->exts.list.ptr,
    v->exts.list.len);
*/
static tkt_status rt_sh_enc(const tkt_server_hello *v, uint8_t *o,
	size_t len, const uint8_t *b, size_t bn)
{
	size_t w, sl = v->session_id.len, ll = v->exts.list.len;
	const uint8_t *rnd = v->random, *sid = v->session_id.ptr;
	const uint8_t *lst = v->exts.list.ptr;
	int has = v->has_extensions;
	uint16_t ver = v->version, suite = v->cipher_suite;
	uint8_t comp = v->compression;
	tkt_status st = tkt_server_hello_encode(v, o, len, &w);

	/*@ assert e_pre: sh_encodes{Here, Pre}(o, ver, (uint8_t *)rnd,
	      (uint8_t *)sid, sl, suite, comp, has, (uint8_t *)lst, ll); */
	/*@ assert r: same_bytes{Here, Pre}(rnd, rnd, 32); */
	/*@ assert s: same_bytes{Here, Pre}(sid, sid, sl); */
	/*@ assert l: has == 1 ==> same_bytes{Here, Pre}(lst, lst, ll); */
	/*@ assert e_rnd: bytes_at{Here, Here}(o, 2, (uint8_t *)rnd, 32); */
	/*@ assert e_sid: bytes_at{Here, Here}(o, 35, (uint8_t *)sid, sl); */
	/*@ assert e_lst: has == 1 ==> bytes_at{Here, Here}(o, 40 + sl,
	      (uint8_t *)lst, ll); */
	/*@ assert fin: sh_encodes{Here, Here}(o, ver, (uint8_t *)rnd,
	      (uint8_t *)sid, sl, suite, comp, has, (uint8_t *)lst, ll); */
	/*@ assert v_comp: v->compression == comp; */
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
	tkt_status st;

	rt_sh_dec(buf, len, obuf, len, &v);
dec:
	st = rt_sh_enc(&v, obuf, len, buf, len);
	if (v.has_extensions == 1) {
		/*@ assert k_ll: \let e = 38 + v.session_id.len;
		      buf[e] == \at(buf[e], dec) &&
		      buf[e + 1] == \at(buf[e + 1], dec); */
		/*@ assert k_ll2: v.exts.list.len == be16((uint8_t *)buf +
		      (38 + v.session_id.len)); */
	}
	rt_sh_glue(obuf, buf, len, v.version, v.random, v.session_id.ptr,
		v.session_id.len, v.cipher_suite, v.compression,
		v.has_extensions, v.exts.list.ptr, v.exts.list.len);
	return st;
}

/*
 * rt_ch_enc on an encodable value, and its list well-formed where it lies
 * in o. wf_ext_list and single_ext35 are recursive over memory, so the
 * list's well-formedness (v's, at Pre) carries to the copy only by
 * induction along its chain of extensions: the loop spells it out,
 * walking the copy in step with v's list at Pre (a lemma loop: proved
 * like code, executed by nobody). rt_sh_enc_wf repeats the loop at the
 * ServerHello's offset: it relates two memory states, this function's
 * Pre and the state after the encoder, and a lemma function sees only
 * the state of its call, so the loop cannot move into one shared
 * function.
 */
/*@
  requires \valid_read(v);
  requires \valid(o + (0 .. len - 1));
  requires \separated(v, o + (0 .. len - 1));
  requires client_hello_ok(v) && client_hello_len(v) == len;
  requires client_hello_readable(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  requires \separated(o + (0 .. len - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1),
    v->cipher_suites.ptr + (0 .. v->cipher_suites.len - 1),
    v->compression.ptr + (0 .. v->compression.len - 1));
  requires v->has_extensions == 1 ==>
    \separated(o + (0 .. len - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  assigns o[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures ch_encodes{Post, Post}(o, v->version, (uint8_t *)v->random,
    (uint8_t *)v->session_id.ptr, v->session_id.len,
    (uint8_t *)v->cipher_suites.ptr, v->cipher_suites.len,
    (uint8_t *)v->compression.ptr, v->compression.len, v->has_extensions,
    (uint8_t *)v->exts.list.ptr, v->exts.list.len);
  ensures src_r: same_bytes{Post, Pre}((uint8_t *)v->random,
    (uint8_t *)v->random, 32);
  ensures src_s: same_bytes{Post, Pre}((uint8_t *)v->session_id.ptr,
    (uint8_t *)v->session_id.ptr, v->session_id.len);
  ensures src_c: same_bytes{Post, Pre}((uint8_t *)v->cipher_suites.ptr,
    (uint8_t *)v->cipher_suites.ptr, v->cipher_suites.len);
  ensures src_m: same_bytes{Post, Pre}((uint8_t *)v->compression.ptr,
    (uint8_t *)v->compression.ptr, v->compression.len);
  ensures src_l: v->has_extensions == 1 ==>
    same_bytes{Post, Pre}((uint8_t *)v->exts.list.ptr,
      (uint8_t *)v->exts.list.ptr, v->exts.list.len);
  ensures list: v->has_extensions == 1 ==>
    wf_ext_body((uint8_t *)o + (40 + v->session_id.len +
      v->cipher_suites.len + v->compression.len), v->exts.list.len);
*/
static tkt_status rt_ch_enc_wf(const tkt_client_hello *v, uint8_t *o,
	size_t len)
{
	size_t sl = v->session_id.len, csl = v->cipher_suites.len;
	size_t cml = v->compression.len, ll = v->exts.list.len, i = 0;
	const uint8_t *lst = v->exts.list.ptr, *p;
	int has = v->has_extensions, seen = 0;
	tkt_status st;

	rt_hdr_all();
	st = rt_ch_enc(v, o, len, o, 0);
	rt_hdr_all();

	if (has == 1) {
		p = o + (40u + sl + csl + cml);
		/*@ assert a_len: len == 40 + sl + csl + cml + ll; */
		/*@ assert a_p: \valid_read(p + (0 .. ll - 1)); */
		rt_rebase(o, 40u + sl + csl + cml, lst, ll);
		/*@ assert p_bytes: same_bytes{Here, Pre}((uint8_t *)p,
		      (uint8_t *)lst, ll); */
		/*@ loop invariant 0 <= i <= ll;
		    loop invariant seen == 0 || seen == 1;
		    loop invariant s_wf: wf_ext_list{Pre}((uint8_t *)lst, i, ll);
		    loop invariant s_single: seen == 0 ==>
		      single_ext35{Pre}((uint8_t *)lst, i, ll);
		    loop invariant s_no: seen == 1 ==>
		      no_ext35{Pre}((uint8_t *)lst, i, ll);
		    loop invariant c_wf: wf_ext_list((uint8_t *)p, i, ll) ==>
		      wf_ext_list((uint8_t *)p, 0, ll);
		    loop invariant c_single: seen == 0 ==>
		      single_ext35((uint8_t *)p, i, ll) ==>
		      single_ext35((uint8_t *)p, 0, ll);
		    loop invariant c_no: seen == 1 ==>
		      no_ext35((uint8_t *)p, i, ll) ==>
		      single_ext35((uint8_t *)p, 0, ll);
		    loop assigns i, seen;
		    loop variant ll - i;
		*/
		while (i != ll) {
			/*@ assert h_in: i + 4 <= ll; */
			/*@ assert h_bytes: rt_byte_at{Here, Pre}((uint8_t *)p,
			      (uint8_t *)lst, i) &&
			      rt_byte_at{Here, Pre}((uint8_t *)p, (uint8_t *)lst, i + 1) &&
			      rt_byte_at{Here, Pre}((uint8_t *)p, (uint8_t *)lst, i + 2) &&
			      rt_byte_at{Here, Pre}((uint8_t *)p, (uint8_t *)lst, i + 3); */
			/*@ assert h_type: ext_type((uint8_t *)p, i) ==
			      ext_type{Pre}((uint8_t *)lst, i); */
			/*@ assert h_next: ext_next((uint8_t *)p, i) ==
			      ext_next{Pre}((uint8_t *)lst, i); */
			/*@ assert h_le: ext_next{Pre}((uint8_t *)lst, i) <= ll; */
			/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)lst,
			      ext_next{Pre}((uint8_t *)lst, i), ll); */
			/*@ assert u_single: seen == 0 ==>
			      (single_ext35{Pre}((uint8_t *)lst, i, ll) <==>
			       (ext_type{Pre}((uint8_t *)lst, i) == 35 ?
			        no_ext35{Pre}((uint8_t *)lst,
			          ext_next{Pre}((uint8_t *)lst, i), ll) :
			        single_ext35{Pre}((uint8_t *)lst,
			          ext_next{Pre}((uint8_t *)lst, i), ll))); */
			/*@ assert u_s35: seen == 0 &&
			      ext_type{Pre}((uint8_t *)lst, i) == 35 ==>
			      no_ext35{Pre}((uint8_t *)lst,
			        ext_next{Pre}((uint8_t *)lst, i), ll); */
			/*@ assert u_sn: seen == 0 &&
			      ext_type{Pre}((uint8_t *)lst, i) != 35 ==>
			      single_ext35{Pre}((uint8_t *)lst,
			        ext_next{Pre}((uint8_t *)lst, i), ll); */
			/*@ assert u_no: seen == 1 ==>
			      ext_type{Pre}((uint8_t *)lst, i) != 35 &&
			      no_ext35{Pre}((uint8_t *)lst,
			        ext_next{Pre}((uint8_t *)lst, i), ll); */
			if (rt_ext_is35(p, i))
				seen = 1;
			i = rt_ext_next(p, i);
		}
		/*@ assert e_wf: wf_ext_list((uint8_t *)p, 0, ll); */
		/*@ assert e_single: single_ext35((uint8_t *)p, 0, ll); */
	}
	return st;
}

/* decode(encode(v)) == v for every encodable ClientHello: the same
   version, lengths and bytes (the decoded view points into obuf, so
   pointer equality is not the notion of equality here), v read at Pre;
   of the extensions view, the list (the encoder reads nothing else). */
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
    \separated(obuf + (0 .. cap - 1), d,
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures d->version == \old(v->version);
  ensures d->session_id.len == \old(v->session_id.len);
  ensures d->cipher_suites.len == \old(v->cipher_suites.len);
  ensures d->compression.len == \old(v->compression.len);
  ensures d->has_extensions == \old(v->has_extensions);
  ensures \old(v->has_extensions) == 1 ==>
    d->exts.list.len == \old(v->exts.list.len);
  ensures same_bytes{Post, Pre}((uint8_t *)d->random,
    (uint8_t *)\old(v->random), 32);
  ensures same_bytes{Post, Pre}((uint8_t *)d->session_id.ptr,
    (uint8_t *)\old(v->session_id.ptr), \old(v->session_id.len));
  ensures same_bytes{Post, Pre}((uint8_t *)d->cipher_suites.ptr,
    (uint8_t *)\old(v->cipher_suites.ptr), \old(v->cipher_suites.len));
  ensures same_bytes{Post, Pre}((uint8_t *)d->compression.ptr,
    (uint8_t *)\old(v->compression.ptr), \old(v->compression.len));
  ensures \old(v->has_extensions) == 1 ==>
    same_bytes{Post, Pre}((uint8_t *)d->exts.list.ptr,
      (uint8_t *)\old(v->exts.list.ptr), \old(v->exts.list.len));
*/
tkt_status rt_client_hello_encode_decode(const tkt_client_hello *v,
	uint8_t *obuf, size_t cap, tkt_client_hello *d)
{
	size_t n = tkt_client_hello_size(v);
	size_t sl = v->session_id.len, csl = v->cipher_suites.len;
	size_t cml = v->compression.len, ll = v->exts.list.len;
	int has = v->has_extensions;
	tkt_status st = rt_ch_enc_wf(v, obuf, n);

	rt_ch_wf(obuf, n, v->version, v->random, v->session_id.ptr, sl,
		v->cipher_suites.ptr, csl, v->compression.ptr, cml, has,
		v->exts.list.ptr, ll);
	/* v's bytes now, read from obuf + offset, where the decoder's view
	   points. */
	rt_rebase(obuf, 2, v->random, 32);
	rt_rebase(obuf, 35, v->session_id.ptr, sl);
	rt_rebase(obuf, 37u + sl, v->cipher_suites.ptr, csl);
	rt_rebase(obuf, 38u + sl + csl, v->compression.ptr, cml);
	if (has == 1)
		rt_rebase(obuf, 40u + sl + csl + cml, v->exts.list.ptr, ll);
	/*@ assert a_n: (has == 1 ==> n == 40 + sl + csl + cml + ll) &&
	      (has == 0 ==> n == 38 + sl + csl + cml); */
	rt_ch_dec(obuf, n, obuf, 0, d);
	/* The decoded fields, one at a time, each from the last. */
	/*@ assert f_sl: d->session_id.len == sl; */
	/*@ assert f_csl: d->cipher_suites.len == csl; */
	/*@ assert f_cs: d->cipher_suites.ptr == obuf + (37 + sl); */
	/*@ assert f_cml: d->compression.len == cml; */
	/*@ assert f_cm: d->compression.ptr == obuf + (38 + sl + csl); */
	/*@ assert f_has: d->has_extensions == has; */
	/*@ assert f_ll: has == 1 ==> d->exts.list.len == ll; */
	/*@ assert f_lst: has == 1 ==>
	      d->exts.list.ptr == obuf + (40 + sl + csl + cml); */
	return st;
}

/* rt_sh_enc on an encodable value, and its list well-formed where it lies
   in o: as rt_ch_enc_wf. */
/*@
  requires \valid_read(v);
  requires \valid(o + (0 .. len - 1));
  requires \separated(v, o + (0 .. len - 1));
  requires server_hello_ok(v) && server_hello_len(v) == len;
  requires server_hello_readable(v);
  requires opt_list_readable(v->has_extensions, &v->exts);
  requires \separated(o + (0 .. len - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1));
  requires v->has_extensions == 1 ==>
    \separated(o + (0 .. len - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  assigns o[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures sh_encodes{Post, Post}(o, v->version, (uint8_t *)v->random,
    (uint8_t *)v->session_id.ptr, v->session_id.len, v->cipher_suite,
    v->compression, v->has_extensions, (uint8_t *)v->exts.list.ptr,
    v->exts.list.len);
  ensures src_r: same_bytes{Post, Pre}((uint8_t *)v->random,
    (uint8_t *)v->random, 32);
  ensures src_s: same_bytes{Post, Pre}((uint8_t *)v->session_id.ptr,
    (uint8_t *)v->session_id.ptr, v->session_id.len);
  ensures src_l: v->has_extensions == 1 ==>
    same_bytes{Post, Pre}((uint8_t *)v->exts.list.ptr,
      (uint8_t *)v->exts.list.ptr, v->exts.list.len);
  ensures list: v->has_extensions == 1 ==>
    wf_ext_body((uint8_t *)o + (40 + v->session_id.len), v->exts.list.len);
*/
static tkt_status rt_sh_enc_wf(const tkt_server_hello *v, uint8_t *o,
	size_t len)
{
	size_t sl = v->session_id.len, ll = v->exts.list.len, i = 0;
	const uint8_t *lst = v->exts.list.ptr, *p;
	int has = v->has_extensions, seen = 0;
	tkt_status st;

	rt_hdr_all();
	st = rt_sh_enc(v, o, len, o, 0);
	rt_hdr_all();

	if (has == 1) {
		p = o + (40u + sl);
		/*@ assert a_len: len == 40 + sl + ll; */
		/*@ assert a_p: \valid_read(p + (0 .. ll - 1)); */
		rt_rebase(o, 40u + sl, lst, ll);
		/*@ assert p_bytes: same_bytes{Here, Pre}((uint8_t *)p,
		      (uint8_t *)lst, ll); */
		/*@ loop invariant 0 <= i <= ll;
		    loop invariant seen == 0 || seen == 1;
		    loop invariant s_wf: wf_ext_list{Pre}((uint8_t *)lst, i, ll);
		    loop invariant s_single: seen == 0 ==>
		      single_ext35{Pre}((uint8_t *)lst, i, ll);
		    loop invariant s_no: seen == 1 ==>
		      no_ext35{Pre}((uint8_t *)lst, i, ll);
		    loop invariant c_wf: wf_ext_list((uint8_t *)p, i, ll) ==>
		      wf_ext_list((uint8_t *)p, 0, ll);
		    loop invariant c_single: seen == 0 ==>
		      single_ext35((uint8_t *)p, i, ll) ==>
		      single_ext35((uint8_t *)p, 0, ll);
		    loop invariant c_no: seen == 1 ==>
		      no_ext35((uint8_t *)p, i, ll) ==>
		      single_ext35((uint8_t *)p, 0, ll);
		    loop assigns i, seen;
		    loop variant ll - i;
		*/
		while (i != ll) {
			/*@ assert h_in: i + 4 <= ll; */
			/*@ assert h_bytes: rt_byte_at{Here, Pre}((uint8_t *)p,
			      (uint8_t *)lst, i) &&
			      rt_byte_at{Here, Pre}((uint8_t *)p, (uint8_t *)lst, i + 1) &&
			      rt_byte_at{Here, Pre}((uint8_t *)p, (uint8_t *)lst, i + 2) &&
			      rt_byte_at{Here, Pre}((uint8_t *)p, (uint8_t *)lst, i + 3); */
			/*@ assert h_type: ext_type((uint8_t *)p, i) ==
			      ext_type{Pre}((uint8_t *)lst, i); */
			/*@ assert h_next: ext_next((uint8_t *)p, i) ==
			      ext_next{Pre}((uint8_t *)lst, i); */
			/*@ assert h_le: ext_next{Pre}((uint8_t *)lst, i) <= ll; */
			/*@ assert u_wf: wf_ext_list{Pre}((uint8_t *)lst,
			      ext_next{Pre}((uint8_t *)lst, i), ll); */
			/*@ assert u_single: seen == 0 ==>
			      (single_ext35{Pre}((uint8_t *)lst, i, ll) <==>
			       (ext_type{Pre}((uint8_t *)lst, i) == 35 ?
			        no_ext35{Pre}((uint8_t *)lst,
			          ext_next{Pre}((uint8_t *)lst, i), ll) :
			        single_ext35{Pre}((uint8_t *)lst,
			          ext_next{Pre}((uint8_t *)lst, i), ll))); */
			/*@ assert u_s35: seen == 0 &&
			      ext_type{Pre}((uint8_t *)lst, i) == 35 ==>
			      no_ext35{Pre}((uint8_t *)lst,
			        ext_next{Pre}((uint8_t *)lst, i), ll); */
			/*@ assert u_sn: seen == 0 &&
			      ext_type{Pre}((uint8_t *)lst, i) != 35 ==>
			      single_ext35{Pre}((uint8_t *)lst,
			        ext_next{Pre}((uint8_t *)lst, i), ll); */
			/*@ assert u_no: seen == 1 ==>
			      ext_type{Pre}((uint8_t *)lst, i) != 35 &&
			      no_ext35{Pre}((uint8_t *)lst,
			        ext_next{Pre}((uint8_t *)lst, i), ll); */
			if (rt_ext_is35(p, i))
				seen = 1;
			i = rt_ext_next(p, i);
		}
		/*@ assert e_wf: wf_ext_list((uint8_t *)p, 0, ll); */
		/*@ assert e_single: single_ext35((uint8_t *)p, 0, ll); */
	}
	return st;
}

/* decode(encode(v)) == v for every encodable ServerHello, as
   rt_client_hello_encode_decode. */
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
    \separated(obuf + (0 .. cap - 1), d,
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
  requires \separated(d, v);
  assigns obuf[0 .. cap - 1], *d;
  ensures \result == TKT_OK;
  ensures d->version == \old(v->version);
  ensures d->session_id.len == \old(v->session_id.len);
  ensures d->cipher_suite == \old(v->cipher_suite);
  ensures d->compression == \old(v->compression);
  ensures d->has_extensions == \old(v->has_extensions);
  ensures \old(v->has_extensions) == 1 ==>
    d->exts.list.len == \old(v->exts.list.len);
  ensures same_bytes{Post, Pre}((uint8_t *)d->random,
    (uint8_t *)\old(v->random), 32);
  ensures same_bytes{Post, Pre}((uint8_t *)d->session_id.ptr,
    (uint8_t *)\old(v->session_id.ptr), \old(v->session_id.len));
  ensures \old(v->has_extensions) == 1 ==>
    same_bytes{Post, Pre}((uint8_t *)d->exts.list.ptr,
      (uint8_t *)\old(v->exts.list.ptr), \old(v->exts.list.len));
*/
tkt_status rt_server_hello_encode_decode(const tkt_server_hello *v,
	uint8_t *obuf, size_t cap, tkt_server_hello *d)
{
	size_t n = tkt_server_hello_size(v);
	size_t sl = v->session_id.len, ll = v->exts.list.len;
	int has = v->has_extensions;
	tkt_status st = rt_sh_enc_wf(v, obuf, n);

	rt_sh_wf(obuf, n, v->version, v->random, v->session_id.ptr, sl,
		v->cipher_suite, v->compression, has, v->exts.list.ptr, ll);
	rt_rebase(obuf, 2, v->random, 32);
	rt_rebase(obuf, 35, v->session_id.ptr, sl);
	if (has == 1)
		rt_rebase(obuf, 40u + sl, v->exts.list.ptr, ll);
	/*@ assert a_n: (has == 1 ==> n == 40 + sl + ll) &&
	      (has == 0 ==> n == 38 + sl); */
	rt_sh_dec(obuf, n, obuf, 0, d);
	/* The decoded fields, one at a time, each from the last. */
	/*@ assert f_sl: d->session_id.len == sl; */
	/*@ assert f_has: d->has_extensions == has; */
	/*@ assert f_ll: has == 1 ==> d->exts.list.len == ll; */
	/*@ assert f_lst: has == 1 ==> d->exts.list.ptr == obuf + (40 + sl); */
	return st;
}
