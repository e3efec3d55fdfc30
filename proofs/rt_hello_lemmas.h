/*
 * Lemma functions of the hello round trips (proofs/rt_hello.c; Frama-C
 * only, never compiled): C functions whose contracts WP proves from their
 * requires in a small context, called by the theorems where they need the
 * fact (proofs/README.md, Status, twelfth session: no global lemma).
 *
 *   rt_ch_glue, rt_sh_glue: one encoding per body: a buffer that holds the
 *     encoding of the fields a decoder read from buf (the encoder's
 *     ch_encodes / sh_encodes, in one memory state) holds buf's bytes.
 *   rt_ext_list_copy: a list whose bytes equal a well-formed list's is
 *     well-formed (wf_ext_list and single_ext35 are recursive over memory:
 *     one unfolding per extension, in a lemma loop).
 *
 * The fields are passed as scalars and pointers, never as a struct, and
 * every offset is a sum of the field lengths, as the encoders state them.
 */
#ifndef TKT_PROOFS_RT_HELLO_LEMMAS_H
#define TKT_PROOFS_RT_HELLO_LEMMAS_H

#include "tkt/codec.h"
#include "tkt_spec.h"

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

#endif
