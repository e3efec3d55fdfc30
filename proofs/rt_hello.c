/*
 * Round-trip theorems of the ClientHello and ServerHello bodies
 * (src/codec/hello.c). Frama-C only; never compiled into the library.
 *
 *   rt_client_hello_decode_encode, rt_server_hello_decode_encode:
 *     encode(decode(b)) == b for every accepted body.
 *
 * Each theorem runs the decoder in a wrapper (rt_ch_dec, rt_sh_dec) whose
 * contract restates the decoded fields as the encoder needs them (its
 * preconditions, and each field by the offsets of the encoding), then the
 * encoder; the lemma functions of rt_hello_lemmas.h glue the encoder's
 * fields into "the same bytes as b", in one memory state.
 */
#include "tkt/codec.h"
#include "tkt_spec.h"
#include "rt_hello_lemmas.h"

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
  requires \separated(buf + (0 .. len - 1), o + (0 .. len - 1));
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
  ensures d_sep: \separated(o + (0 .. len - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1),
    v->cipher_suites.ptr + (0 .. v->cipher_suites.len - 1),
    v->compression.ptr + (0 .. v->compression.len - 1));
  ensures d_lsep: v->has_extensions == 1 ==>
    \separated(o + (0 .. len - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
*/
static void rt_ch_dec(const uint8_t *buf, size_t len, const uint8_t *o,
	tkt_client_hello *v)
{
	size_t at;

	(void)tkt_client_hello_decode(buf, len, v, &at);
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
  requires \separated(b + (0 .. len - 1), o + (0 .. len - 1));
  assigns o[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures keep: \forall integer k; 0 <= k < len ==> b[k] == \old(b[k]);
  ensures ch_encodes{Post, Post}(o, v->version, (uint8_t *)v->random,
    (uint8_t *)v->session_id.ptr, v->session_id.len,
    (uint8_t *)v->cipher_suites.ptr, v->cipher_suites.len,
    (uint8_t *)v->compression.ptr, v->compression.len, v->has_extensions,
    (uint8_t *)v->exts.list.ptr, v->exts.list.len);
*/
static tkt_status rt_ch_enc(const tkt_client_hello *v, uint8_t *o,
	size_t len, const uint8_t *b)
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

	rt_ch_dec(buf, len, obuf, &v);
	st = rt_ch_enc(&v, obuf, len, buf);
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
  requires \separated(buf + (0 .. len - 1), o + (0 .. len - 1));
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
  ensures d_sep: \separated(o + (0 .. len - 1), v->random + (0 .. 31),
    v->session_id.ptr + (0 .. v->session_id.len - 1));
  ensures d_lsep: v->has_extensions == 1 ==>
    \separated(o + (0 .. len - 1),
      v->exts.list.ptr + (0 .. v->exts.list.len - 1));
*/
static void rt_sh_dec(const uint8_t *buf, size_t len, const uint8_t *o,
	tkt_server_hello *v)
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
  requires \separated(b + (0 .. len - 1), o + (0 .. len - 1));
  assigns o[0 .. len - 1];
  ensures \result == TKT_OK;
  ensures keep: \forall integer k; 0 <= k < len ==> b[k] == \old(b[k]);
  ensures sh_encodes{Post, Post}(o, v->version, (uint8_t *)v->random,
    (uint8_t *)v->session_id.ptr, v->session_id.len, v->cipher_suite,
    v->compression, v->has_extensions, (uint8_t *)v->exts.list.ptr,
    v->exts.list.len);
*/
static tkt_status rt_sh_enc(const tkt_server_hello *v, uint8_t *o,
	size_t len, const uint8_t *b)
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

	rt_sh_dec(buf, len, obuf, &v);
dec:
	st = rt_sh_enc(&v, obuf, len, buf);
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
