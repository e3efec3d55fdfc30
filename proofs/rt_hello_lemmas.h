/*
 * Lemma functions of the hello round trips (proofs/rt_hello.c; Frama-C
 * only, never compiled): C functions whose contracts WP proves from their
 * requires in a small context, called by the theorems where they need the
 * fact (proofs/README.md, Status, twelfth session: no global lemma).
 *
 *   rt_ch_glue, rt_sh_glue: one encoding per body: a buffer that holds the
 *     encoding of the fields a decoder read from buf (the encoder's
 *     ch_encodes / sh_encodes, in one memory state) holds buf's bytes.
 *   rt_ch_wf, rt_sh_wf: the encoding of fields in range, with a
 *     well-formed list, is a well-formed body.
 *   rt_be16_bytes: be16 read byte by byte.
 *   (rt_ext_lemmas.h: one extension header, for the lemma loops of
 *     rt_hello.c, which carry the list's well-formedness to its copy.)
 *
 * The fields are passed as scalars and pointers, never as a struct, and
 * every offset is a sum of the field lengths, as the encoders state them.
 */
#ifndef TKT_PROOFS_RT_HELLO_LEMMAS_H
#define TKT_PROOFS_RT_HELLO_LEMMAS_H

#include "tkt/codec.h"
#include "tkt_spec.h"
#include "rt_ext_lemmas.h"

/* Two big-endian 16-bit fields with one value have the same two bytes. */
/*@
  requires be16((uint8_t *)p + i) == be16((uint8_t *)q + i);
  assigns \nothing;
  ensures p[i] == q[i] && p[i + 1] == q[i + 1];
*/
static void rt_be16_bytes(const uint8_t *p, const uint8_t *q, size_t i)
{
}

/*
 * The ClientHello: o holds the encoding of the fields, which lie in b as
 * the decoder found them (version and lengths read from b's bytes, the
 * byte fields pointing into b at their offsets); b is len bytes long.
 */
/*@
  requires len <= 200000;
  requires ch_encodes{Here, Here}((uint8_t *)o, ver, (uint8_t *)rnd,
    (uint8_t *)sid, sl, (uint8_t *)cs, csl, (uint8_t *)cm, cml, has,
    (uint8_t *)lst, ll);
  requires ver == be16((uint8_t *)b);
  requires rnd == b + 2;
  requires sl == b[34];
  requires sl > 0 ==> sid == b + 35;
  requires csl == be16((uint8_t *)b + (35 + sl));
  requires cs == b + (37 + sl);
  requires cml == b[37 + sl + csl];
  requires cm == b + (38 + sl + csl);
  requires has == 0 || has == 1;
  requires has == 1 ==> ll == be16((uint8_t *)b + (38 + sl + csl + cml));
  requires has == 1 ==> lst == b + (40 + sl + csl + cml);
  requires has == 1 ==> len == 40 + sl + csl + cml + ll;
  requires has == 0 ==> len == 38 + sl + csl + cml;
  assigns \nothing;
  ensures \forall integer k; 0 <= k < len ==> o[k] == b[k];
*/
static void rt_ch_glue(const uint8_t *o, const uint8_t *b, size_t len,
	uint16_t ver, const uint8_t *rnd, const uint8_t *sid, size_t sl,
	const uint8_t *cs, size_t csl, const uint8_t *cm, size_t cml,
	int has, const uint8_t *lst, size_t ll)
{
	rt_be16_bytes(o, b, 0);
	/*@ assert g_rnd: \forall integer k; 0 <= k < 34 ==> o[k] == b[k]; */
	/*@ assert g_sl: \forall integer k; 0 <= k < 35 ==> o[k] == b[k]; */
	/*@ assert g_sid: \forall integer k; 0 <= k < 35 + sl ==> o[k] == b[k]; */
	rt_be16_bytes(o, b, 35 + sl);
	/*@ assert g_csl: \forall integer k; 0 <= k < 37 + sl ==> o[k] == b[k]; */
	/*@ assert g_cs: \forall integer k; 0 <= k < 37 + sl + csl ==>
	      o[k] == b[k]; */
	/*@ assert g_cml: \forall integer k; 0 <= k < 38 + sl + csl ==>
	      o[k] == b[k]; */
	/*@ assert g_cm: \forall integer k; 0 <= k < 38 + sl + csl + cml ==>
	      o[k] == b[k]; */
	if (has == 1) {
		rt_be16_bytes(o, b, 38 + sl + csl + cml);
		/*@ assert g_ll: \forall integer k;
		      0 <= k < 40 + sl + csl + cml ==> o[k] == b[k]; */
		/*@ assert g_lst: \forall integer k;
		      0 <= k < 40 + sl + csl + cml + ll ==> o[k] == b[k]; */
	}
}

/* The ServerHello, as rt_ch_glue. */
/*@
  requires len <= 200000;
  requires sh_encodes{Here, Here}((uint8_t *)o, ver, (uint8_t *)rnd,
    (uint8_t *)sid, sl, suite, comp, has, (uint8_t *)lst, ll);
  requires ver == be16((uint8_t *)b);
  requires rnd == b + 2;
  requires sl == b[34];
  requires sl > 0 ==> sid == b + 35;
  requires suite == be16((uint8_t *)b + (35 + sl));
  requires comp == b[37 + sl];
  requires has == 0 || has == 1;
  requires has == 1 ==> ll == be16((uint8_t *)b + (38 + sl));
  requires has == 1 ==> lst == b + (40 + sl);
  requires has == 1 ==> len == 40 + sl + ll;
  requires has == 0 ==> len == 38 + sl;
  assigns \nothing;
  ensures \forall integer k; 0 <= k < len ==> o[k] == b[k];
*/
static void rt_sh_glue(const uint8_t *o, const uint8_t *b, size_t len,
	uint16_t ver, const uint8_t *rnd, const uint8_t *sid, size_t sl,
	uint16_t suite, uint8_t comp, int has, const uint8_t *lst, size_t ll)
{
	rt_be16_bytes(o, b, 0);
	/*@ assert g_rnd: \forall integer k; 0 <= k < 34 ==> o[k] == b[k]; */
	/*@ assert g_sl: \forall integer k; 0 <= k < 35 ==> o[k] == b[k]; */
	/*@ assert g_sid: \forall integer k; 0 <= k < 35 + sl ==> o[k] == b[k]; */
	rt_be16_bytes(o, b, 35 + sl);
	/*@ assert g_cs: \forall integer k; 0 <= k < 37 + sl ==> o[k] == b[k]; */
	/*@ assert g_cm: \forall integer k; 0 <= k < 38 + sl ==> o[k] == b[k]; */
	if (has == 1) {
		rt_be16_bytes(o, b, 38 + sl);
		/*@ assert g_ll: \forall integer k; 0 <= k < 40 + sl ==>
		      o[k] == b[k]; */
		/*@ assert g_lst: \forall integer k; 0 <= k < 40 + sl + ll ==>
		      o[k] == b[k]; */
	}
}

/*
 * The encoder's output is a well-formed ClientHello: the encoding of
 * fields in range (ch_encodes, in one memory state) whose list, where it
 * lies in o, is well-formed (rt_ch_enc_wf walks it).
 */
/*@
  requires ch_encodes{Here, Here}((uint8_t *)o, ver, (uint8_t *)rnd,
    (uint8_t *)sid, sl, (uint8_t *)cs, csl, (uint8_t *)cm, cml, has,
    (uint8_t *)lst, ll);
  requires ver / 256 == 3 && sl <= 32;
  requires 2 <= csl <= 65534 && csl % 2 == 0 && 1 <= cml <= 255;
  requires has == 0 || has == 1;
  requires has == 1 ==> ll <= 65535 &&
    wf_ext_body((uint8_t *)o + (40 + sl + csl + cml), ll);
  requires has == 1 ==> n == 40 + sl + csl + cml + ll;
  requires has == 0 ==> n == 38 + sl + csl + cml;
  assigns \nothing;
  ensures wf_client_hello((uint8_t *)o, n);
*/
static void rt_ch_wf(const uint8_t *o, size_t n, uint16_t ver,
	const uint8_t *rnd, const uint8_t *sid, size_t sl, const uint8_t *cs,
	size_t csl, const uint8_t *cm, size_t cml, int has,
	const uint8_t *lst, size_t ll)
{
	/*@ assert w_major: o[0] == 3; */
	/*@ assert w_prefix: hello_prefix_ok((uint8_t *)o, n); */
	/*@ assert w_csl: ch_cs_off((uint8_t *)o) == 35 + sl &&
	      ch_cs_len((uint8_t *)o) == csl; */
	/*@ assert w_cs: ch_cs_ok((uint8_t *)o, n); */
	/*@ assert w_cml: ch_cm_off((uint8_t *)o) == 37 + sl + csl &&
	      ch_cm_len((uint8_t *)o) == cml; */
	/*@ assert w_cm: ch_cm_ok((uint8_t *)o, n); */
	/*@ assert w_off: ch_ext_off((uint8_t *)o) == 38 + sl + csl + cml; */
	/*@ assert w_ext: has == 1 ==>
	      wf_exts((uint8_t *)o + (38 + sl + csl + cml), 2 + ll); */
}

/* The ServerHello, as rt_ch_wf. */
/*@
  requires sh_encodes{Here, Here}((uint8_t *)o, ver, (uint8_t *)rnd,
    (uint8_t *)sid, sl, suite, comp, has, (uint8_t *)lst, ll);
  requires ver / 256 == 3 && sl <= 32;
  requires has == 0 || has == 1;
  requires has == 1 ==> ll <= 65535 &&
    wf_ext_body((uint8_t *)o + (40 + sl), ll);
  requires has == 1 ==> n == 40 + sl + ll;
  requires has == 0 ==> n == 38 + sl;
  assigns \nothing;
  ensures wf_server_hello((uint8_t *)o, n);
*/
static void rt_sh_wf(const uint8_t *o, size_t n, uint16_t ver,
	const uint8_t *rnd, const uint8_t *sid, size_t sl, uint16_t suite,
	uint8_t comp, int has, const uint8_t *lst, size_t ll)
{
	/*@ assert w_major: o[0] == 3; */
	/*@ assert w_prefix: hello_prefix_ok((uint8_t *)o, n); */
	/*@ assert w_off: sh_ext_off((uint8_t *)o) == 38 + sl; */
	/*@ assert w_fixed: sh_fixed_ok((uint8_t *)o, n); */
	/*@ assert w_ext: has == 1 ==>
	      wf_exts((uint8_t *)o + (38 + sl), 2 + ll); */
}

#endif
