/*
 * Logic of the extensions block (spec/formats.md, "Extensions block").
 *
 *   struct { uint16 type; opaque data<0..2^16-1>; } Extension;
 *   Extension extensions<0..2^16-1>;
 *
 * The list is described by recursion along its chain of extensions, each
 * function taking the list's first byte `l`, an offset `o` into it (0 for
 * the whole list) and the list length `n`. Offsets are relative to `l`, so
 * that a list embedded in a larger buffer at offset k is simply described
 * at `b + k` (no shift lemma is ever needed).
 *
 * The recursions are well founded: every step moves `o` forward by at
 * least 4 and stops once fewer than 4 bytes remain.
 */
#ifndef TKT_SPEC_EXTS_H
#define TKT_SPEC_EXTS_H

#include "tkt/codec.h"

/*@
  logic integer ext_type{L}(uint8_t *l, integer o) = be16(l + o);
  logic integer ext_dlen{L}(uint8_t *l, integer o) = be16(l + o + 2);
  logic integer ext_next{L}(uint8_t *l, integer o) = o + 4 + ext_dlen(l, o);

  // The extensions from o fill [o, n) exactly, each entirely inside.
  predicate wf_ext_list{L}(uint8_t *l, integer o, integer n) =
    o == n ||
    (o + 4 <= n && ext_next(l, o) <= n && wf_ext_list(l, ext_next(l, o), n));

  // Number of extensions from o (meaningful when wf_ext_list(l, o, n)).
  logic integer ext_count{L}(uint8_t *l, integer o, integer n) =
    o + 4 > n ? 0 : 1 + ext_count(l, ext_next(l, o), n);

  // No SessionTicket extension from o on.
  predicate no_ext35{L}(uint8_t *l, integer o, integer n) =
    o + 4 > n ||
    (ext_type(l, o) != 35 && no_ext35(l, ext_next(l, o), n));

  // At most one SessionTicket extension from o on.
  predicate single_ext35{L}(uint8_t *l, integer o, integer n) =
    o + 4 > n ||
    (ext_type(l, o) == 35 ? no_ext35(l, ext_next(l, o), n)
                          : single_ext35(l, ext_next(l, o), n));

  // Offset of the first SessionTicket extension from o (n if none)...
  logic integer ext35_off{L}(uint8_t *l, integer o, integer n) =
    o + 4 > n ? n :
    (ext_type(l, o) == 35 ? o : ext35_off(l, ext_next(l, o), n));

  // ... and its 0-based position, counted from o.
  logic integer ext35_index{L}(uint8_t *l, integer o, integer n) =
    o + 4 > n ? 0 :
    (ext_type(l, o) == 35 ? 0 : 1 + ext35_index(l, ext_next(l, o), n));

  // One unfolding of each definition above, as lemmas with explicit
  // triggers (the terms named TRIGGER). A step lemma fires only where the
  // term being defined and ext_next(l, o) both occur, i.e. where a proof
  // has just read the header at o (tkt_exts_scan_): one unfolding per
  // header read and no matching loop, since the unfolding creates no new
  // ext_next term. The end lemmas give the value once fewer than 4 bytes
  // remain. Each follows from the definition alone (no induction).
  lemma wf_ext_list_step{L}: \forall uint8_t *l, integer o, n;
    o + 4 <= n ==>
    ((TRIGGER: wf_ext_list(l, o, n)) <==>
     ((TRIGGER: ext_next(l, o)) <= n && wf_ext_list(l, ext_next(l, o), n)));
  lemma wf_ext_list_end{L}: \forall uint8_t *l, integer o, n;
    o + 4 > n ==> ((TRIGGER: wf_ext_list(l, o, n)) <==> o == n);
  lemma ext_count_step{L}: \forall uint8_t *l, integer o, n;
    o + 4 <= n ==>
    (TRIGGER: ext_count(l, o, n)) ==
      1 + ext_count(l, (TRIGGER: ext_next(l, o)), n);
  lemma ext_count_end{L}: \forall uint8_t *l, integer o, n;
    o + 4 > n ==> (TRIGGER: ext_count(l, o, n)) == 0;
  lemma no_ext35_step{L}: \forall uint8_t *l, integer o, n;
    o + 4 <= n ==>
    ((TRIGGER: no_ext35(l, o, n)) <==>
     (ext_type(l, o) != 35 && no_ext35(l, (TRIGGER: ext_next(l, o)), n)));
  lemma no_ext35_end{L}: \forall uint8_t *l, integer o, n;
    o + 4 > n ==> (TRIGGER: no_ext35(l, o, n));
  lemma single_ext35_step{L}: \forall uint8_t *l, integer o, n;
    o + 4 <= n ==>
    ((TRIGGER: single_ext35(l, o, n)) <==>
     (ext_type(l, o) == 35 ? no_ext35(l, (TRIGGER: ext_next(l, o)), n)
                           : single_ext35(l, ext_next(l, o), n)));
  lemma single_ext35_end{L}: \forall uint8_t *l, integer o, n;
    o + 4 > n ==> (TRIGGER: single_ext35(l, o, n));
  lemma ext35_off_step{L}: \forall uint8_t *l, integer o, n;
    o + 4 <= n ==>
    (TRIGGER: ext35_off(l, o, n)) ==
      (ext_type(l, o) == 35 ? o
                            : ext35_off(l, (TRIGGER: ext_next(l, o)), n));
  lemma ext35_off_end{L}: \forall uint8_t *l, integer o, n;
    o + 4 > n ==> (TRIGGER: ext35_off(l, o, n)) == n;
  lemma ext35_index_step{L}: \forall uint8_t *l, integer o, n;
    o + 4 <= n ==>
    (TRIGGER: ext35_index(l, o, n)) ==
      (ext_type(l, o) == 35 ? 0
                            : 1 + ext35_index(l, (TRIGGER: ext_next(l, o)), n));
  lemma ext35_index_end{L}: \forall uint8_t *l, integer o, n;
    o + 4 > n ==> (TRIGGER: ext35_index(l, o, n)) == 0;

  // A well-formed list as it may end a hello: exact framing, no duplicate 35.
  predicate wf_ext_body{L}(uint8_t *l, integer n) =
    0 <= n <= 65535 && wf_ext_list(l, 0, n) && single_ext35(l, 0, n);

  // The whole block, with its 2-byte length: what tkt_exts_decode accepts.
  predicate wf_exts{L}(uint8_t *b, integer len) =
    2 <= len && be16(b) == len - 2 && wf_ext_body(b + 2, len - 2);

  // What a tkt_exts view says about the list it points to, its
  // readability aside: the facts on the bytes and the derived fields. The
  // last facts on ext35 follow from the others by induction; they are
  // stated so that the writers need no induction. It is separate from
  // exts_view so that a decoder can state its output view in its final
  // memory, where its own locals are freed: the list's readability there
  // follows from the caller's buffer (see hello_exts_view).
  predicate exts_shape{L}(tkt_exts *x) =
    x->list.len <= 65535 &&
    wf_ext_body(x->list.ptr, x->list.len) &&
    x->count == ext_count(x->list.ptr, 0, x->list.len) &&
    (x->has_ext35 == 0 || x->has_ext35 == 1) &&
    (x->has_ext35 == 0 <==> no_ext35(x->list.ptr, 0, x->list.len)) &&
    (x->has_ext35 == 1 ==>
       x->ext35_off == ext35_off(x->list.ptr, 0, x->list.len) &&
       x->ext35_index == ext35_index(x->list.ptr, 0, x->list.len) &&
       x->ext35_off + 4 + x->ext35.len <= x->list.len &&
       ext_type(x->list.ptr, x->ext35_off) == 35 &&
       x->ext35.len == ext_dlen(x->list.ptr, x->ext35_off) &&
       x->ext35.ptr == x->list.ptr + (x->ext35_off + 4)) &&
    (x->has_ext35 == 0 ==>
       x->ext35_off == 0 && x->ext35_index == 0 &&
       x->ext35.ptr == \null && x->ext35.len == 0);

  // The list's length once its extension 35 holds m bytes of data (the
  // one it has, or one appended): what tkt_exts_set_ext35 writes after the
  // block's 2-byte length.
  logic integer set_list_len{L}(tkt_exts *x, integer m) =
    x->has_ext35 == 1 ? x->list.len - x->ext35.len + m
                      : x->list.len + 4 + m;

  // A tkt_exts view describing the list it points to: what tkt_exts_decode
  // produces and what the writers of a block rely on.
  predicate exts_view{L}(tkt_exts *x) =
    \valid_read(x->list.ptr + (0 .. x->list.len - 1)) && exts_shape(x);
*/

#endif
