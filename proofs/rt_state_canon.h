/*
 * Lemma functions of the StatePlaintext round trip (Frama-C only): one
 * encoding per value. Two buffers that hold the same part of an
 * encoding, in one memory state, hold the same bytes there.
 *
 * They are functions, not global lemmas of spec/logic, on purpose: a
 * global lemma is a hypothesis of every goal whose symbols it shares,
 * and these made two goals of tkt_state_decode time out in make check
 * (proofs/README.md, Status, eleventh session). A lemma function's
 * contract is a hypothesis only where it is called.
 *
 * Each one states a part's length and type bytes one by one first (from
 * the injectivity of be16/be24/be32), then its range: the provers do not
 * find the byte-by-byte split of a range on their own.
 */
#ifndef TKT_PROOFS_RT_STATE_CANON_H
#define TKT_PROOFS_RT_STATE_CANON_H

#include "tkt/codec.h"
#include "tkt_spec.h"

/* The fixed part, the identity and the timestamp: [0, ts_off + 4). */
/*@
  requires enc_front((uint8_t *)p, ver, suite, comp, (uint8_t *)ms, id,
    (uint8_t *)cert, cl, (uint8_t *)psk, pl, ts);
  requires enc_front((uint8_t *)q, ver, suite, comp, (uint8_t *)ms, id,
    (uint8_t *)cert, cl, (uint8_t *)psk, pl, ts);
  assigns \nothing;
  ensures \forall integer k; 0 <= k < 54 + id_body_sz(id, cl, pl) + 4 ==>
    p[k] == q[k];
*/
static void rt_state_canon_front(const uint8_t *p, const uint8_t *q,
	uint16_t ver, uint16_t suite, uint8_t comp, const uint8_t *ms,
	uint8_t id, const uint8_t *cert, size_t cl, const uint8_t *psk,
	size_t pl, uint32_t ts)
{
	/*@ assert fixed_bytes: p[0] == q[0] && p[1] == q[1] && p[2] == q[2] &&
	      p[3] == q[3] && p[4] == q[4] && p[53] == q[53]; */
	/*@ assert fixed: \forall integer k; 0 <= k < 54 ==> p[k] == q[k]; */
	/*@ assert id_bytes:
	      (id == TKT_IDENTITY_CERTIFICATE ==>
	         p[54] == q[54] && p[55] == q[55] && p[56] == q[56]) &&
	      (id == TKT_IDENTITY_PSK ==> p[54] == q[54] && p[55] == q[55]); */
	/*@ assert ident: \forall integer k;
	      54 <= k < 54 + id_body_sz(id, cl, pl) ==> p[k] == q[k]; */
	/*@ assert ts_bytes: \let t = 54 + id_body_sz(id, cl, pl);
	      p[t] == q[t] && p[t + 1] == q[t + 1] && p[t + 2] == q[t + 2] &&
	      p[t + 3] == q[t + 3]; */
}

/* The block of state extensions after the timestamp at t (nothing when
   it is empty): [t + 4, t + 4 + sx_block). */
/*@
  requires enc_tail((uint8_t *)p, t, (uint8_t *)sn, snl, (uint8_t *)ap, al,
    ems);
  requires enc_tail((uint8_t *)q, t, (uint8_t *)sn, snl, (uint8_t *)ap, al,
    ems);
  assigns \nothing;
  ensures \forall integer k; t + 4 <= k < t + 4 + sx_block(snl, al, ems) ==>
    p[k] == q[k];
*/
static void rt_state_canon_tail(const uint8_t *p, const uint8_t *q,
	size_t t, const uint8_t *sn, size_t snl, const uint8_t *ap,
	size_t al, int ems)
{
	/*@ assert len_bytes: sx_sz(snl, al, ems) != 0 ==>
	      p[t + 4] == q[t + 4] && p[t + 5] == q[t + 5]; */
	/*@ assert sn_bytes: snl != 0 ==>
	      p[t + 6] == q[t + 6] && p[t + 7] == q[t + 7] &&
	      p[t + 8] == q[t + 8] && p[t + 9] == q[t + 9]; */
	/*@ assert sn: \forall integer k;
	      t + 6 <= k < t + 6 + sext_name_sz(snl) ==> p[k] == q[k]; */
	/*@ assert alpn_bytes: \let o = t + 6 + sext_name_sz(snl);
	      al != 0 ==>
	        p[o] == q[o] && p[o + 1] == q[o + 1] && p[o + 2] == q[o + 2] &&
	        p[o + 3] == q[o + 3]; */
	/*@ assert alpn: \let o = t + 6 + sext_name_sz(snl); \forall integer k;
	      o <= k < o + sext_name_sz(al) ==> p[k] == q[k]; */
	/*@ assert ems_bytes:
	      \let o = t + 6 + sext_name_sz(snl) + sext_name_sz(al);
	      ems != 0 ==>
	        p[o] == q[o] && p[o + 1] == q[o + 1] && p[o + 2] == q[o + 2] &&
	        p[o + 3] == q[o + 3]; */
}

#endif
