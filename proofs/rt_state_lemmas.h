/*
 * Lemma functions of the StatePlaintext round trips (proofs/rt_state.c;
 * Frama-C only, never compiled): C functions whose contracts WP proves
 * from their requires, called by the theorems where they need the fact.
 *
 *   rt_state_canon_front, rt_state_canon_tail: one encoding per value:
 *     two buffers that hold the same part of an encoding, in one memory
 *     state, hold the same bytes there (encode(decode(b)) == b).
 *   rt_state_certs_step, rt_state_block_wf: the encoder's output is
 *     well-formed (certs_wf one entry at a time, state_tail_wf).
 *   rt_state_shape, rt_state_size: a value's scalar facts, field by field.
 *   rt_state_tail_unique: one value per encoding of the block
 *     (decode(encode(v)) == v).
 *
 * They are functions, not global lemmas of spec/logic, on purpose: a
 * global lemma is a hypothesis of every goal whose symbols it shares,
 * and the canonicity lemmas made two goals of tkt_state_decode time out
 * in make check (proofs/README.md, Status, twelfth session). A lemma
 * function's contract is a hypothesis only where it is called, and each
 * is proved in a small context.
 *
 * The canonicity functions state a part's length and type bytes one by
 * one first (from the injectivity of be16/be24/be32), then its range:
 * the provers do not find the byte-by-byte split of a range on their
 * own.
 */
#ifndef TKT_PROOFS_RT_STATE_LEMMAS_H
#define TKT_PROOFS_RT_STATE_LEMMAS_H

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
   it is empty): [t + 4, t + 4 + sx_block). t is given by the identity
   fields, as the contracts give it, so a call computes no offset. */
/*@
  requires enc_tail((uint8_t *)p, 54 + id_body_sz(id, cl, pl),
    (uint8_t *)sn, snl, (uint8_t *)ap, al, ems);
  requires enc_tail((uint8_t *)q, 54 + id_body_sz(id, cl, pl),
    (uint8_t *)sn, snl, (uint8_t *)ap, al, ems);
  assigns \nothing;
  ensures \let t = 54 + id_body_sz(id, cl, pl); \forall integer k;
    t + 4 <= k < t + 4 + sx_block(snl, al, ems) ==> p[k] == q[k];
*/
static void rt_state_canon_tail(const uint8_t *p, const uint8_t *q,
	uint8_t id, size_t cl, size_t pl, const uint8_t *sn, size_t snl,
	const uint8_t *ap, size_t al, int ems)
{
	/*@ assert len_bytes: \let t = 54 + id_body_sz(id, cl, pl);
	      sx_sz(snl, al, ems) != 0 ==>
	        p[t + 4] == q[t + 4] && p[t + 5] == q[t + 5]; */
	/*@ assert sn_bytes: \let t = 54 + id_body_sz(id, cl, pl);
	      snl != 0 ==>
	        p[t + 6] == q[t + 6] && p[t + 7] == q[t + 7] &&
	        p[t + 8] == q[t + 8] && p[t + 9] == q[t + 9]; */
	/*@ assert sn: \let t = 54 + id_body_sz(id, cl, pl); \forall integer k;
	      t + 6 <= k < t + 6 + sext_name_sz(snl) ==> p[k] == q[k]; */
	/*@ assert alpn_bytes:
	      \let o = 54 + id_body_sz(id, cl, pl) + 6 + sext_name_sz(snl);
	      al != 0 ==>
	        p[o] == q[o] && p[o + 1] == q[o + 1] && p[o + 2] == q[o + 2] &&
	        p[o + 3] == q[o + 3]; */
	/*@ assert alpn:
	      \let o = 54 + id_body_sz(id, cl, pl) + 6 + sext_name_sz(snl);
	      \forall integer k; o <= k < o + sext_name_sz(al) ==> p[k] == q[k]; */
	/*@ assert ems_bytes: \let o = 54 + id_body_sz(id, cl, pl) + 6 +
	      sext_name_sz(snl) + sext_name_sz(al);
	      ems != 0 ==>
	        p[o] == q[o] && p[o + 1] == q[o + 1] && p[o + 2] == q[o + 2] &&
	        p[o + 3] == q[o + 3]; */
}

/* One value per encoding of the block: a block encoded after the
   identity given by id, cl and pl holds the entries of one value only
   (each entry's type says which field it is, its length how long). In
   one memory state, for every other value's fields: the caller calls it
   before the decoder and applies it to the decoded fields, which the
   decoder states in that memory state. */
/*@
  requires enc_tail((uint8_t *)p, 54 + id_body_sz(id, cl, pl),
    (uint8_t *)sn, snl, (uint8_t *)ap, al, ems);
  requires snl <= TKT_STATE_NAME_MAX && al <= TKT_STATE_NAME_MAX;
  requires ems == 0 || ems == 1;
  assigns \nothing;
  ensures \forall uint8_t *sn2, *ap2, integer snl2, al2, ems2;
    enc_tail((uint8_t *)p, 54 + id_body_sz(id, cl, pl), sn2, snl2, ap2,
      al2, ems2) &&
    sx_sz(snl2, al2, ems2) == sx_sz(snl, al, ems) &&
    0 <= snl2 <= TKT_STATE_NAME_MAX && 0 <= al2 <= TKT_STATE_NAME_MAX &&
    (ems2 == 0 || ems2 == 1) ==>
    snl2 == snl && al2 == al && ems2 == ems;
*/
static void rt_state_tail_unique(const uint8_t *p, uint8_t id, size_t cl,
	size_t pl, const uint8_t *sn, size_t snl, const uint8_t *ap,
	size_t al, int ems)
{
	/* The first entry's type: server_name (0), alpn (16), ems (23). */
	/*@ assert sn: \forall uint8_t *sn2, *ap2, integer snl2, al2, ems2;
	      enc_tail((uint8_t *)p, 54 + id_body_sz(id, cl, pl), sn2, snl2,
	        ap2, al2, ems2) &&
	      sx_sz(snl2, al2, ems2) == sx_sz(snl, al, ems) &&
	      0 <= snl2 <= TKT_STATE_NAME_MAX &&
	      0 <= al2 <= TKT_STATE_NAME_MAX && (ems2 == 0 || ems2 == 1) ==>
	      snl2 == snl; */
}

/* The encoder's block is well-formed: the encoding of a valid value's
   fields (enc_tail, with the lengths in range) is a state_tail_wf block
   ending at n. sexts_wf is built backwards from the last entry. */
/*@
  requires enc_tail((uint8_t *)p, 54 + id_body_sz(id, cl, pl),
    (uint8_t *)sn, snl, (uint8_t *)ap, al, ems);
  requires snl <= TKT_STATE_NAME_MAX && al <= TKT_STATE_NAME_MAX;
  requires ems == 0 || ems == 1;
  requires n == 54 + id_body_sz(id, cl, pl) + 4 + sx_block(snl, al, ems);
  assigns \nothing;
  ensures state_tail_wf((uint8_t *)p, 54 + id_body_sz(id, cl, pl), n);
*/
static void rt_state_block_wf(const uint8_t *p, size_t n, uint8_t id,
	size_t cl, size_t pl, const uint8_t *sn, size_t snl,
	const uint8_t *ap, size_t al, int ems)
{
	/*@ assert ems_wf: \let t = 54 + id_body_sz(id, cl, pl);
	      sx_sz(snl, al, ems) != 0 ==>
	      sexts_wf((uint8_t *)p,
	        t + 6 + sext_name_sz(snl) + sext_name_sz(al), n, 17); */
	/*@ assert alpn_wf: \let t = 54 + id_body_sz(id, cl, pl);
	      sx_sz(snl, al, ems) != 0 ==>
	      sexts_wf((uint8_t *)p, t + 6 + sext_name_sz(snl), n, 1); */
	/*@ assert sn_wf: \let t = 54 + id_body_sz(id, cl, pl);
	      sx_sz(snl, al, ems) != 0 ==> sexts_wf((uint8_t *)p, t + 6, n, 0); */
}

/* One step of certs_wf: an entry that fits, followed by a well-formed
   rest, is a well-formed list from its start. */
/*@
  requires i + 3 <= n;
  requires 1 <= be24((uint8_t *)p + i) && i + 3 + be24((uint8_t *)p + i) <= n;
  assigns \nothing;
  ensures certs_wf((uint8_t *)p, i + 3 + be24((uint8_t *)p + i), n) ==>
    certs_wf((uint8_t *)p, i, n);
*/
static void rt_state_certs_step(const uint8_t *p, size_t i, size_t n)
{
}

/* The scalar shape of a value, field by field: the provers project the
   fields of a record read from memory in this small context. */
/*@
  requires state_val_shape(*s);
  assigns \nothing;
  ensures s->identity != TKT_IDENTITY_CERTIFICATE ==> s->cert_list.len == 0;
  ensures s->identity != TKT_IDENTITY_PSK ==> s->psk_identity.len == 0;
  ensures s->server_name.len <= TKT_STATE_NAME_MAX;
  ensures s->alpn.len <= TKT_STATE_NAME_MAX;
  ensures s->extended_ms == 0 || s->extended_ms == 1;
*/
static void rt_state_shape(const tkt_state *s)
{
}

/* A value's encoded size and offsets, from its fields (sv_size,
   sv_ts_off and sv_alpn_off read a record). */
/*@
  assigns \nothing;
  ensures sv_size(*s) == 54 + id_body_sz(s->identity, s->cert_list.len,
    s->psk_identity.len) + 4 +
    sx_block(s->server_name.len, s->alpn.len, s->extended_ms);
  ensures sv_ts_off(*s) == 54 + id_body_sz(s->identity, s->cert_list.len,
    s->psk_identity.len);
  ensures sv_alpn_off(*s) == 54 + id_body_sz(s->identity, s->cert_list.len,
    s->psk_identity.len) + 6 + sext_name_sz(s->server_name.len);
*/
static void rt_state_size(const tkt_state *s)
{
}

#endif
