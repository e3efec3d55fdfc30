/*
 * Rewriting extension 35 inside a whole hello message (tkt/codec.h). The
 * BearSSL integration adds an empty ext 35 to ServerHellos and strips it
 * from ClientHellos and ServerHellos on the fly; every byte other than the
 * handshake length, the block length and extension 35 itself is kept.
 *
 * The contracts describe the message with spec/logic/hello_rewrite.h and
 * the new extensions block as tkt_exts_set_ext35 / tkt_exts_remove_ext35
 * (src/codec/exts.c) state it, at out + hm_ext_off(msg).
 */
#include "tkt/codec.h"

#ifdef __FRAMAC__
#include "tkt_spec.h"
#endif

/* Shared with hello.c: a view copied field by field (see there). */
void tkt_exts_put_(tkt_exts *dst, const tkt_exts *src);

/*
 * The message's type, once its header frames it exactly. The tkt_hs
 * value lives in a frame of its own (as the tkt_server_hello one does in
 * server_locate) because it holds a byte: for WP a byte stored in
 * hello_locate's frame would change the memory in which msg's recursive
 * predicates (the walk of the extensions) are read, and relating the two
 * memories takes an induction the provers do not do. Stored in a callee's
 * frame, it is gone on return.
 */
/*@
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(type);
  requires \separated(type, msg + (0 .. len - 1));
  assigns *type;
  ensures result: \result == TKT_OK <==> wf_hs(msg, len);
  ensures failed: \result != TKT_OK ==>
          \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING;
  ensures type: \result == TKT_OK ==> *type == hs_type(msg);
*/
static tkt_status hello_type(const uint8_t *msg, size_t len, int *type)
{
	tkt_hs hs;
	size_t at = 0;
	tkt_status st;

	st = tkt_hs_decode(msg, len, &hs, &at);
	if (st == TKT_OK)
		*type = hs.type;
	return st;
}

/*
 * The outputs of a located hello: a copy of the decoder's view, the
 * block's offset and whether the block is present. In a function of its
 * own so that the provers carry the view across the two scalar stores in
 * a small context.
 */
/*@
  requires \valid(ext_off) && \valid(exts) && \valid(has) && \valid_read(src);
  requires \separated(ext_off, exts, has, src);
  requires \separated(exts, src->list.ptr + (0 .. src->list.len - 1));
  requires exts_view(src);
  assigns *ext_off, *exts, *has;
  ensures *ext_off == off && *has == h;
  ensures exts->list.ptr == \old(src->list.ptr);
  ensures exts->list.len == \old(src->list.len);
  ensures exts_view(exts);
*/
static void locate_put(size_t *ext_off, tkt_exts *exts, int *has,
	size_t off, int h, const tkt_exts *src)
{
	tkt_exts_put_(exts, src);
	*ext_off = off;
	*has = h;
}

/* A ClientHello message: see hello_locate. */
/*@
  requires 4 <= len;
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(ext_off) && \valid(exts) && \valid(has);
  requires \separated(ext_off, exts, has, msg + (0 .. len - 1));
  assigns *ext_off, *exts, *has;
  ensures result: \result == TKT_OK <==> wf_client_hello(msg + 4, len - 4);
  ensures failed: \result != TKT_OK ==>
          \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
          \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
          \result == TKT_ERR_DUPLICATE;

  behavior ok:
    assumes wf_client_hello(msg + 4, len - 4);
    assigns *ext_off, *exts, *has;
    ensures *ext_off == 4 + ch_ext_off(msg + 4);
    // hello_exts_view(*has, exts, msg, *ext_off, len), one part a clause
    ensures view: exts_view(exts);
    ensures none: *ext_off == len ==>
              *has == 0 && exts->list.ptr == \null && exts->list.len == 0;
    ensures block: *ext_off < len ==>
              *has == 1 && exts->list.ptr == msg + (*ext_off + 2) &&
              exts->list.len == len - *ext_off - 2;

  behavior bad:
    assumes !wf_client_hello(msg + 4, len - 4);
    assigns \nothing;

  complete behaviors;
  disjoint behaviors;
*/
static tkt_status client_locate(const uint8_t *msg, size_t len,
	size_t *ext_off, tkt_exts *exts, int *has)
{
	tkt_client_hello ch;
	size_t at = 0, off;
	tkt_status st;

	st = tkt_client_hello_decode(msg + TKT_HS_HEADER_LEN,
		len - TKT_HS_HEADER_LEN, &ch, &at);
	if (st != TKT_OK)
		return st;
	off = TKT_HS_HEADER_LEN + 35u + ch.session_id.len + 2u
		+ ch.cipher_suites.len + 1u + ch.compression.len;
	/*@ assert ch_none: off == len ==>
	      ch.has_extensions == 0 && ch.exts.list.ptr == \null &&
	      ch.exts.list.len == 0; */
	/*@ assert ch_block: off < len ==>
	      ch.has_extensions == 1 && ch.exts.list.ptr == msg + (off + 2) &&
	      ch.exts.list.len == len - off - 2; */
	locate_put(ext_off, exts, has, off, ch.has_extensions, &ch.exts);
	return TKT_OK;
}

/* A ServerHello message: see hello_locate. */
/*@
  requires 4 <= len;
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(ext_off) && \valid(exts) && \valid(has);
  requires \separated(ext_off, exts, has, msg + (0 .. len - 1));
  assigns *ext_off, *exts, *has;
  // In the pre-state, as tkt_server_hello_decode states it: the byte
  // sh.compression is stored in this frame (see hello_type).
  ensures result: \result == TKT_OK <==> \old(wf_server_hello(msg + 4, len - 4));
  ensures failed: \result != TKT_OK ==>
          \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
          \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
          \result == TKT_ERR_DUPLICATE;

  behavior ok:
    assumes wf_server_hello(msg + 4, len - 4);
    assigns *ext_off, *exts, *has;
    ensures *ext_off == 4 + sh_ext_off(msg + 4);
    // hello_exts_view(*has, exts, msg, *ext_off, len), one part a clause
    ensures view: exts_view(exts);
    ensures none: *ext_off == len ==>
              *has == 0 && exts->list.ptr == \null && exts->list.len == 0;
    ensures block: *ext_off < len ==>
              *has == 1 && exts->list.ptr == msg + (*ext_off + 2) &&
              exts->list.len == len - *ext_off - 2;

  behavior bad:
    assumes !wf_server_hello(msg + 4, len - 4);
    assigns \nothing;

  complete behaviors;
  disjoint behaviors;
*/
static tkt_status server_locate(const uint8_t *msg, size_t len,
	size_t *ext_off, tkt_exts *exts, int *has)
{
	tkt_server_hello sh;
	size_t at = 0, off;
	tkt_status st;

	st = tkt_server_hello_decode(msg + TKT_HS_HEADER_LEN,
		len - TKT_HS_HEADER_LEN, &sh, &at);
	if (st != TKT_OK)
		return st;
	off = TKT_HS_HEADER_LEN + 35u + sh.session_id.len + 3u;
	/*@ assert sh_none: off == len ==>
	      sh.has_extensions == 0 && sh.exts.list.ptr == \null &&
	      sh.exts.list.len == 0; */
	/*@ assert sh_block: off < len ==>
	      sh.has_extensions == 1 && sh.exts.list.ptr == msg + (off + 2) &&
	      sh.exts.list.len == len - off - 2; */
	locate_put(ext_off, exts, has, off, sh.has_extensions, &sh.exts);
	return TKT_OK;
}

/*
 * Decode a hello message: its type (1 or 2), the offset of the extensions
 * block within the message (where the block would start if absent) and a
 * view of the block (an empty list if absent).
 */
/*@
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(ext_off) && \valid(exts) && \valid(has);
  requires \separated(ext_off, exts, has, msg + (0 .. len - 1));
  assigns *ext_off, *exts, *has;
  ensures result: \result == TKT_OK <==> wf_hello_msg(msg, len);

  behavior ok:
    assumes wf_hello_msg(msg, len);
    assigns *ext_off, *exts, *has;
    ensures \result == TKT_OK;
    ensures *ext_off == hm_ext_off(msg);
    ensures 4 + 35 <= *ext_off <= len;
    ensures *ext_off <= hm_ext_off_max;
    // hello_exts_view(*has, exts, msg, *ext_off, len), one part a clause
    ensures view: exts_view(exts);
    ensures none: *ext_off == len ==>
              *has == 0 && exts->list.ptr == \null && exts->list.len == 0;
    ensures block: *ext_off < len ==>
              *has == 1 && exts->list.ptr == msg + (*ext_off + 2) &&
              exts->list.len == len - *ext_off - 2;

  behavior not_hs:
    assumes !wf_hs(msg, len);
    assigns \nothing;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING;

  behavior bad_type:
    assumes wf_hs(msg, len) && hs_type(msg) != 1 && hs_type(msg) != 2;
    assigns \nothing;
    ensures \result == TKT_ERR_BAD_TYPE;

  behavior bad_client:
    assumes wf_hs(msg, len) && hs_type(msg) == 1;
    assumes !wf_client_hello(msg + 4, len - 4);
    // As bad_server.
    assigns *ext_off, *exts, *has;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_DUPLICATE;

  behavior bad_server:
    assumes wf_hs(msg, len) && hs_type(msg) == 2;
    assumes !wf_server_hello(msg + 4, len - 4);
    // What WP takes of server_locate's contract at the call: its default
    // assigns, not those of the behavior.
    assigns *ext_off, *exts, *has;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_DUPLICATE;

  complete behaviors;
  disjoint behaviors;
*/
static tkt_status hello_locate(const uint8_t *msg, size_t len, size_t *ext_off,
	tkt_exts *exts, int *has)
{
	int type = 0;
	tkt_status st;

	st = hello_type(msg, len, &type);
	if (st != TKT_OK)
		return st;
	if (type == TKT_HS_CLIENT_HELLO)
		return client_locate(msg, len, ext_off, exts, has);
	if (type == TKT_HS_SERVER_HELLO)
		return server_locate(msg, len, ext_off, exts, has);
	return TKT_ERR_BAD_TYPE;
}

/*
 * The message's header, with the new body length, and its bytes
 * [4, n) unchanged.
 */
/*@
  requires 4 <= n;
  requires body_len <= 0xFFFFFF;
  requires \valid(out + (0 .. n - 1));
  requires \valid_read(msg + (0 .. n - 1));
  requires \separated(out + (0 .. n - 1), msg + (0 .. n - 1));
  assigns out[0 .. n - 1];
  ensures type: out[0] == msg[0];
  ensures len: be24(out + 1) == body_len;
  ensures copy: \forall integer k; 4 <= k < n ==> out[k] == msg[k];
  // The frame as a plain equation: the callers' facts about the bytes
  // behind the prefix then cross the call without the havoc.
  ensures kept: \forall integer k; n <= k ==> out[k] == \old(out[k]);
*/
static void copy_prefix(uint8_t *out, const uint8_t *msg, size_t n,
	size_t body_len)
{
	size_t i;

	out[0] = msg[0];
	out[1] = (uint8_t)(body_len / 65536u);
	out[2] = (uint8_t)(body_len / 256u % 256u);
	out[3] = (uint8_t)(body_len % 256u);
	/*@ assert hdr: be24(out + 1) == body_len; */
	/*@ loop invariant 4 <= i <= n;
	    loop invariant type: out[0] == msg[0];
	    loop invariant len: be24(out + 1) == body_len;
	    loop invariant copy: \forall integer k; 4 <= k < i ==>
	      out[k] == msg[k];
	    loop assigns i, out[4 .. n - 1];
	    loop variant n - i;
	*/
	for (i = TKT_HS_HEADER_LEN; i < n; i++)
		out[i] = msg[i];
}

/*
 * tkt_hello_set_ext35's writes: the new block at out + pos, then the
 * header and the prefix. In a function of its own so that its goals see
 * the view (exts_view) but not the message's recursive logic (hm_*,
 * wf_hello_msg), whose axioms the provers unfold without end; the
 * caller then only renames the view's fields into the message's terms.
 */
/*@
  requires \valid_read(x) && exts_view(x);
  requires 4 <= pos;
  requires m <= 65535;
  requires (x->has_ext35 == 1 ? x->list.len - x->ext35.len + m
                              : x->list.len + 4 + m) <= 65535;
  requires pos <= hm_ext_off_max;
  requires pos + 2 + (x->has_ext35 == 1 ? x->list.len - x->ext35.len + m
                                        : x->list.len + 4 + m) <= cap;
  requires \valid_read(msg + (0 .. pos - 1));
  requires \valid_read(data + (0 .. m - 1));
  requires \valid(out + (0 .. cap - 1));
  requires \separated(out + (0 .. cap - 1), x);
  requires \separated(out + (0 .. cap - 1), msg + (0 .. pos - 1));
  requires \separated(out + (0 .. cap - 1), data + (0 .. m - 1));
  requires \separated(out + (0 .. cap - 1),
                      x->list.ptr + (0 .. x->list.len - 1));
  requires \separated(x, x->list.ptr + (0 .. x->list.len - 1));
  assigns out[0 .. cap - 1];
  ensures result: \result == TKT_OK;
  ensures type: out[0] == \old(msg[0]);
  // As a predicate, like r_ext_len: from the equation the caller's
  // simplifier would rewrite pos as bytes of out.
  ensures body_len: u24_at(out, 1, pos + 2 + (x->has_ext35 == 1 ?
            x->list.len - x->ext35.len + m : x->list.len + 4 + m) - 4);
  ensures prefix: \forall integer k; 4 <= k < pos ==> out[k] == \old(msg[k]);
  // The block's length as a predicate too: from the equation the caller's
  // simplifier would rewrite m as bytes of out.
  ensures r_block_len: x->has_ext35 == 1 ==>
            u16_at(out, pos, x->list.len - x->ext35.len + m);
  // The list's bytes by their index in the list: the provers match a
  // bound variable that stands bare in an address, not one under + or -.
  ensures r_head: x->has_ext35 == 1 ==> \forall integer i;
            0 <= i < x->ext35_off + 2 ==>
            (out + pos)[2 + i] == \old(x->list.ptr[i]);
  // The data's length as a predicate: from be16(...) == m the caller's
  // simplifier would rewrite m as bytes of out (see u16_at).
  ensures r_ext_len: x->has_ext35 == 1 ==>
            u16_at(out, pos + (2 + x->ext35_off + 2), m);
  // The data as bytes_at, like a_new below.
  ensures r_new: x->has_ext35 == 1 ==>
            bytes_at{Post, Pre}(out, pos + (2 + x->ext35_off + 4), data, m);
  ensures r_tail: x->has_ext35 == 1 ==> \forall integer i;
            x->ext35_off + 4 + x->ext35.len <= i < x->list.len ==>
            (out + pos)[2 + i - x->ext35.len + m] == \old(x->list.ptr[i]);
  ensures a_block_len: x->has_ext35 == 0 ==>
            u16_at(out, pos, x->list.len + 4 + m);
  // The kept list and the new data as bytes_at, the form of the caller's
  // postconditions: they then follow from these without a quantifier
  // instance, which the provers found or missed by chance (under the
  // message's recursive logic, a hypothesis' instance timed out).
  ensures a_list: x->has_ext35 == 0 ==>
            bytes_at{Post, Pre}(out, pos + 2, x->list.ptr, x->list.len);
  ensures a_ext_type: x->has_ext35 == 0 ==>
            be16(out + pos + (2 + x->list.len)) == 35;
  ensures a_ext_len: x->has_ext35 == 0 ==>
            u16_at(out, pos + (2 + x->list.len + 2), m);
  ensures a_new: x->has_ext35 == 0 ==>
            bytes_at{Post, Pre}(out, pos + (2 + x->list.len + 4), data, m);
*/
static tkt_status set_write(const tkt_exts *x, const uint8_t *data, size_t m,
	uint8_t *out, size_t cap, size_t pos, const uint8_t *msg)
{
	size_t w = 0;
	tkt_status st;

	/*@ assert h_bool: x->has_ext35 == 0 || x->has_ext35 == 1; */
	st = tkt_exts_set_ext35(x, data, m, out + pos, cap - pos, &w);
	if (st == TKT_OK) { /* cov-exempt: set-block */
		/* The block writer's facts, by name: each then crosses
		   copy_prefix through its `kept` clause. */
		/*@ assert w_msg: same_bytes{Here, Pre}(msg, msg, pos); */
		/*@ assert w_list: same_bytes{Here, Pre}(x->list.ptr, x->list.ptr,
		      x->list.len); */
		/*@ assert w_data: same_bytes{Here, Pre}(data, data, m); */
		/*@ assert w_r_block_len: x->has_ext35 == 1 ==>
		      be16(out + pos) == x->list.len - x->ext35.len + m; */
		/*@ assert w_r_head: x->has_ext35 == 1 ==> \forall integer i;
		      0 <= i < x->ext35_off + 2 ==>
		      (out + pos)[2 + i] == \at(x->list.ptr[i], Pre); */
		/*@ assert w_r_ext_len: x->has_ext35 == 1 ==>
		      be16(out + pos + (2 + x->ext35_off + 2)) == m; */
		/*@ assert w_r_new: x->has_ext35 == 1 ==> \forall integer i;
		      0 <= i < m ==>
		      (out + pos)[2 + x->ext35_off + 4 + i] == \at(data[i], Pre); */
		/*@ assert w_r_tail: x->has_ext35 == 1 ==> \forall integer i;
		      x->ext35_off + 4 + x->ext35.len <= i < x->list.len ==>
		      (out + pos)[2 + i - x->ext35.len + m] ==
		      \at(x->list.ptr[i], Pre); */
		/*@ assert w_a_block_len: x->has_ext35 == 0 ==>
		      be16(out + pos) == x->list.len + 4 + m; */
		/*@ assert w_a_list: x->has_ext35 == 0 ==> \forall integer i;
		      0 <= i < x->list.len ==>
		      (out + pos)[2 + i] == \at(x->list.ptr[i], Pre); */
		/*@ assert w_a_ext_type: x->has_ext35 == 0 ==>
		      be16(out + pos + (2 + x->list.len)) == 35; */
		/*@ assert w_a_ext_len: x->has_ext35 == 0 ==>
		      be16(out + pos + (2 + x->list.len + 2)) == m; */
		/*@ assert w_a_new: x->has_ext35 == 0 ==> \forall integer i;
		      0 <= i < m ==>
		      (out + pos)[2 + x->list.len + 4 + i] == \at(data[i], Pre); */
		/*@ assert w_r_new_at: x->has_ext35 == 1 ==> bytes_at{Here, Pre}(
		      out, pos + (2 + x->ext35_off + 4), data, m); */
		/*@ assert w_a_list_at: x->has_ext35 == 0 ==> bytes_at{Here, Pre}(
		      out, pos + 2, x->list.ptr, x->list.len); */
		/*@ assert w_a_new_at: x->has_ext35 == 0 ==> bytes_at{Here, Pre}(
		      out, pos + (2 + x->list.len + 4), data, m); */
		copy_prefix(out, msg, pos, pos + w - TKT_HS_HEADER_LEN);
	}
	return st;
}

/*
 * tkt_hello_remove_ext35's writes when the hello has an extensions block:
 * the block at out + pos, then the header and the prefix. A function of
 * its own for the reason given at set_write.
 */
/*@
  requires \valid_read(x) && exts_view(x);
  requires 4 <= pos <= hm_ext_off_max;
  requires pos + 2 + (x->has_ext35 == 1 ?
              x->list.len - 4 - x->ext35.len : x->list.len) <= cap;
  requires \valid_read(msg + (0 .. pos - 1));
  requires \valid(out + (0 .. cap - 1));
  requires \separated(out + (0 .. cap - 1), x);
  requires \separated(out + (0 .. cap - 1), msg + (0 .. pos - 1));
  requires \separated(out + (0 .. cap - 1),
                      x->list.ptr + (0 .. x->list.len - 1));
  requires \separated(x, x->list.ptr + (0 .. x->list.len - 1));
  assigns out[0 .. cap - 1];
  ensures result: \result == TKT_OK;
  ensures type: out[0] == \old(msg[0]);
  // As a predicate, for the reason given at set_write.
  ensures body_len: u24_at(out, 1, pos + 2 + (x->has_ext35 == 1 ?
            x->list.len - 4 - x->ext35.len : x->list.len) - 4);
  ensures prefix: \forall integer k; 4 <= k < pos ==> out[k] == \old(msg[k]);
  ensures d_block_len: x->has_ext35 == 1 ==>
            be16(out + pos) == x->list.len - 4 - x->ext35.len;
  ensures d_head: x->has_ext35 == 1 ==> \forall integer i;
            0 <= i < x->ext35_off ==>
            (out + pos)[2 + i] == \old(x->list.ptr[i]);
  ensures d_tail: x->has_ext35 == 1 ==> \forall integer i;
            x->ext35_off + 4 + x->ext35.len <= i < x->list.len ==>
            (out + pos)[2 + i - 4 - x->ext35.len] == \old(x->list.ptr[i]);
  ensures k_block_len: x->has_ext35 == 0 ==> be16(out + pos) == x->list.len;
  ensures k_list: x->has_ext35 == 0 ==> \forall integer i;
            0 <= i < x->list.len ==>
            (out + pos)[2 + i] == \old(x->list.ptr[i]);
*/
static tkt_status remove_write(const tkt_exts *x, uint8_t *out, size_t cap,
	size_t pos, const uint8_t *msg)
{
	size_t w = 0;
	tkt_status st;

	/*@ assert h_bool: x->has_ext35 == 0 || x->has_ext35 == 1; */
	st = tkt_exts_remove_ext35(x, out + pos, cap - pos, &w);
	if (st == TKT_OK) { /* cov-exempt: remove-block */
		/* As in set_write. */
		/*@ assert w_msg: same_bytes{Here, Pre}(msg, msg, pos); */
		/*@ assert w_list: same_bytes{Here, Pre}(x->list.ptr, x->list.ptr,
		      x->list.len); */
		/*@ assert w_d_block_len: x->has_ext35 == 1 ==>
		      be16(out + pos) == x->list.len - 4 - x->ext35.len; */
		/*@ assert w_d_head: x->has_ext35 == 1 ==>
		      \forall integer i; 0 <= i < x->ext35_off ==>
		      (out + pos)[2 + i] == \at(x->list.ptr[i], Pre); */
		/*@ assert w_d_tail: x->has_ext35 == 1 ==>
		      \forall integer i;
		      x->ext35_off + 4 + x->ext35.len <= i < x->list.len ==>
		      (out + pos)[2 + i - 4 - x->ext35.len] ==
		      \at(x->list.ptr[i], Pre); */
		/*@ assert w_k_block_len: x->has_ext35 == 0 ==>
		      be16(out + pos) == x->list.len; */
		/*@ assert w_k_list: x->has_ext35 == 0 ==>
		      \forall integer i; 0 <= i < x->list.len ==>
		      (out + pos)[2 + i] == \at(x->list.ptr[i], Pre); */
		copy_prefix(out, msg, pos, pos + w - TKT_HS_HEADER_LEN);
	}
	return st;
}

/*@ // A block of a list of n bytes, as a predicate (see u16_at): Qed
    // leaves it folded, whereas from the equation it would rewrite the
    // data's length in every later goal.
    predicate block_is(integer block, integer n) = block == 2 + n;
*/

/*@
  requires \valid_read(msg + (0 .. len - 1));
  requires data != \null ==> \valid_read(data + (0 .. data_len - 1));
  requires \valid(out + (0 .. cap - 1)) && \valid(written);
  requires \separated(out + (0 .. cap - 1), msg + (0 .. len - 1), written);
  requires \separated(out + (0 .. cap - 1), data + (0 .. data_len - 1));
  requires \separated(written, msg + (0 .. len - 1));
  requires \separated(written, data + (0 .. data_len - 1));
  assigns *written, out[0 .. cap - 1];

  behavior null_data:
    assumes data_len > 0 && data == \null;
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior not_hs:
    assumes !(data_len > 0 && data == \null);
    assumes !wf_hs(msg, len);
    assigns *written;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING;
    ensures *written == 0;

  behavior bad_type:
    assumes !(data_len > 0 && data == \null);
    assumes wf_hs(msg, len) && hs_type(msg) != 1 && hs_type(msg) != 2;
    assigns *written;
    ensures \result == TKT_ERR_BAD_TYPE && *written == 0;

  behavior bad_client:
    assumes !(data_len > 0 && data == \null);
    assumes wf_hs(msg, len) && hs_type(msg) == 1;
    assumes !wf_client_hello(msg + 4, len - 4);
    assigns *written;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_DUPLICATE;
    ensures *written == 0;

  behavior bad_server:
    assumes !(data_len > 0 && data == \null);
    assumes wf_hs(msg, len) && hs_type(msg) == 2;
    assumes !wf_server_hello(msg + 4, len - 4);
    assigns *written;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_DUPLICATE;
    ensures *written == 0;

  behavior too_long:
    assumes !(data_len > 0 && data == \null);
    assumes wf_hello_msg(msg, len);
    assumes !hm_set_ok(msg, len, data_len);
    assigns *written;
    ensures \result == TKT_ERR_ARG && *written == 0;

  behavior too_small:
    assumes !(data_len > 0 && data == \null);
    assumes wf_hello_msg(msg, len) && hm_set_ok(msg, len, data_len);
    assumes !hm_set_fits(msg, len, data_len, cap);
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures hm_set_size{Pre}(msg, len, data_len, *written);

  // The extension's data replaced, in place.
  behavior replace:
    assumes !(data_len > 0 && data == \null);
    assumes wf_hello_msg(msg, len) && hm_set_ok(msg, len, data_len);
    assumes hm_set_fits(msg, len, data_len, cap);
    assumes hm_has35(msg, len);
    ensures \result == TKT_OK;
    ensures size: *written ==
              \old(hm_ext_off(msg) + 2 + hm_replace_len(msg, len, data_len));
    ensures type: out[0] == \old(msg[0]);
    ensures body_len: be24(out + 1) == *written - 4;
    ensures prefix: \forall integer k; 4 <= k < \old(hm_ext_off(msg)) ==>
              out[k] == \old(msg[k]);
    ensures block_len: be16(out + \old(hm_ext_off(msg))) ==
              \old(hm_replace_len(msg, len, data_len));
    ensures head: \forall integer k;
              2 <= k < 2 + \old(hm_35_off(msg, len)) + 2 ==>
              (out + \old(hm_ext_off(msg)))[k] ==
              \at(hm_list(msg)[k - 2], Pre);
    ensures ext_len: be16(out + \old(hm_ext_off(msg)) +
              (2 + \old(hm_35_off(msg, len)) + 2)) == data_len;
    ensures new: bytes_at{Post, Pre}(out,
              \old(hm_ext_off(msg)) + (2 + \old(hm_35_off(msg, len)) + 4),
              data, data_len);
    ensures tail: \forall integer k;
              2 + \old(hm_35_off(msg, len)) + 4 + data_len <= k <
              2 + \old(hm_replace_len(msg, len, data_len)) ==>
              (out + \old(hm_ext_off(msg)))[k] ==
              \at(hm_list(msg)[k - 2 + hm_35_len(msg, len) - data_len], Pre);

  // A new extension 35 appended to the list (to an empty list when the
  // hello had no extensions block).
  behavior append:
    assumes !(data_len > 0 && data == \null);
    assumes wf_hello_msg(msg, len) && hm_set_ok(msg, len, data_len);
    assumes hm_set_fits(msg, len, data_len, cap);
    assumes !hm_has35(msg, len);
    ensures \result == TKT_OK;
    ensures size: *written ==
              \old(hm_ext_off(msg) + 2 + hm_append_len(msg, len, data_len));
    ensures type: out[0] == \old(msg[0]);
    ensures body_len: be24(out + 1) == *written - 4;
    ensures prefix: \forall integer k; 4 <= k < \old(hm_ext_off(msg)) ==>
              out[k] == \old(msg[k]);
    ensures block_len: be16(out + \old(hm_ext_off(msg))) ==
              \old(hm_append_len(msg, len, data_len));
    // Guarded by a non-empty list (vacuous otherwise): under the guard
    // the view's pointer is the message's list without condition, and
    // the provers read the kept bytes through it.
    ensures kept: \old(hm_list_len(msg, len)) != 0 ==>
              bytes_at{Post, Pre}(out, \old(hm_ext_off(msg)) + 2,
                \at(hm_list(msg), Pre), \old(hm_list_len(msg, len)));
    ensures ext_type: be16(out + \old(hm_ext_off(msg)) +
              (2 + \old(hm_list_len(msg, len)))) == 35;
    ensures ext_len: be16(out + \old(hm_ext_off(msg)) +
              (2 + \old(hm_list_len(msg, len)) + 2)) == data_len;
    ensures appended: bytes_at{Post, Pre}(out,
              \old(hm_ext_off(msg)) + (2 + \old(hm_list_len(msg, len)) + 4),
              data, data_len);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_hello_set_ext35(const uint8_t *msg, size_t len,
	const uint8_t *data, size_t data_len, uint8_t *out, size_t cap,
	size_t *written)
{
	tkt_exts exts;
	size_t ext_off = 0, block, need;
	int has = 0;
	tkt_status st;

	*written = 0;
	if (data_len > 0u && data == NULL)
		return TKT_ERR_ARG;
	st = hello_locate(msg, len, &ext_off, &exts, &has);
	if (st != TKT_OK)
		return st;
	/*@ assert v_len: exts.list.len == hm_list_len(msg, len); */
	/*@ assert v_ptr: has != 0 ==> exts.list.ptr == hm_list(msg); */
	/*@ assert v_35: exts.has_ext35 == 1 <==> hm_has35(msg, len); */
	/*@ assert v_off: exts.has_ext35 == 1 ==>
	      exts.ext35_off == hm_35_off(msg, len); */
	/*@ assert v_dlen: exts.has_ext35 == 1 ==>
	      exts.ext35.len == hm_35_len(msg, len); */
	/* Read off exts_view here, where it is the only fact about the view. */
	/*@ assert v_bool: exts.has_ext35 == 0 || exts.has_ext35 == 1; */
	/*@ assert v_in: exts.has_ext35 == 1 ==>
	      exts.ext35_off + 4 + exts.ext35.len <= exts.list.len; */
	/*@ assert v_ptr35: exts.has_ext35 == 1 ==>
	      has == 1 && exts.list.ptr == hm_list(msg); */
	/*@ assert v_ptrl: exts.list.len != 0 ==>
	      exts.list.ptr == hm_list(msg); */
	/*@ assert v_list: \forall integer i; 0 <= i < exts.list.len ==>
	      exts.list.ptr[i] == hm_list(msg)[i]; */
	/*@ assert v_none: has == 0 ==> exts.list.len == 0; */
	block = tkt_exts_set_ext35_size(&exts, data_len);
	if (block == 0u)
		return TKT_ERR_ARG;
	/* The block's size by the view's fields, as set_write states the
	   lengths it writes (set_list_len unfolded here, where the view was
	   just read, not in every length goal); as a predicate, so that Qed
	   does not rewrite data_len by the block's size in later goals. */
	/*@ assert blk_r: exts.has_ext35 == 1 ==> block_is(block,
	      exts.list.len - exts.ext35.len + data_len); */
	/*@ assert blk_a: exts.has_ext35 == 0 ==> block_is(block,
	      exts.list.len + 4 + data_len); */
	need = ext_off + block;
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	st = set_write(&exts, data, data_len, out, cap, ext_off, msg);
	if (st != TKT_OK) /* cov-exempt: set-block */
		return st; /* cov-exempt: set-block */
	*written = need;
	return TKT_OK;
}

/*@
  requires \valid_read(msg + (0 .. len - 1));
  requires \valid(out + (0 .. cap - 1)) && \valid(written);
  requires \separated(out + (0 .. cap - 1), msg + (0 .. len - 1), written);
  requires \separated(written, msg + (0 .. len - 1));
  assigns *written, out[0 .. cap - 1];

  behavior not_hs:
    assumes !wf_hs(msg, len);
    assigns *written;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_TRAILING;
    ensures *written == 0;

  behavior bad_type:
    assumes wf_hs(msg, len) && hs_type(msg) != 1 && hs_type(msg) != 2;
    assigns *written;
    ensures \result == TKT_ERR_BAD_TYPE && *written == 0;

  behavior bad_client:
    assumes wf_hs(msg, len) && hs_type(msg) == 1;
    assumes !wf_client_hello(msg + 4, len - 4);
    assigns *written;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_DUPLICATE;
    ensures *written == 0;

  behavior bad_server:
    assumes wf_hs(msg, len) && hs_type(msg) == 2;
    assumes !wf_server_hello(msg + 4, len - 4);
    assigns *written;
    ensures \result == TKT_ERR_TRUNCATED || \result == TKT_ERR_RANGE ||
            \result == TKT_ERR_BAD_LENGTH || \result == TKT_ERR_TRAILING ||
            \result == TKT_ERR_DUPLICATE;
    ensures *written == 0;

  behavior too_small:
    assumes wf_hello_msg(msg, len);
    assumes !hm_remove_fits(msg, len, cap);
    assigns *written;
    ensures \result == TKT_ERR_BUFFER_TOO_SMALL;
    ensures hm_remove_size{Pre}(msg, len, *written);

  // The extension dropped from the list.
  behavior drop:
    assumes wf_hello_msg(msg, len) && hm_remove_fits(msg, len, cap);
    assumes hm_has35(msg, len);
    ensures \result == TKT_OK;
    ensures size: *written == \old(len - 4 - hm_35_len(msg, len));
    ensures type: out[0] == \old(msg[0]);
    ensures body_len: be24(out + 1) == *written - 4;
    ensures prefix: \forall integer k; 4 <= k < \old(hm_ext_off(msg)) ==>
              out[k] == \old(msg[k]);
    ensures block_len: be16(out + \old(hm_ext_off(msg))) ==
              \old(hm_list_len(msg, len) - 4 - hm_35_len(msg, len));
    ensures head: \forall integer i; 0 <= i < \old(hm_35_off(msg, len)) ==>
              (out + \old(hm_ext_off(msg)))[2 + i] ==
              \at(hm_list(msg)[i], Pre);
    ensures tail: \forall integer i;
              \old(hm_35_off(msg, len) + 4 + hm_35_len(msg, len)) <= i <
              \old(hm_list_len(msg, len)) ==>
              (out + \old(hm_ext_off(msg)))[2 + i - 4 - \old(hm_35_len(msg, len))] ==
              \at(hm_list(msg)[i], Pre);

  // No extension 35: the message unchanged, its extensions block (if
  // any) copied as it is.
  behavior keep:
    assumes wf_hello_msg(msg, len) && hm_remove_fits(msg, len, cap);
    assumes !hm_has35(msg, len);
    ensures \result == TKT_OK;
    ensures size: *written == len;
    ensures type: out[0] == \old(msg[0]);
    ensures body_len: be24(out + 1) == *written - 4;
    ensures prefix: \forall integer k; 4 <= k < \old(hm_ext_off(msg)) ==>
              out[k] == \old(msg[k]);
    ensures block_len: \old(hm_ext_off(msg)) < len ==>
              be16(out + \old(hm_ext_off(msg))) == \old(hm_list_len(msg, len));
    // Guarded as tkt_hello_set_ext35's append list.
    ensures list: \old(hm_list_len(msg, len)) != 0 ==>
              \forall integer i; 0 <= i < \old(hm_list_len(msg, len)) ==>
              (out + \old(hm_ext_off(msg)))[2 + i] ==
              \at(hm_list(msg)[i], Pre);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_hello_remove_ext35(const uint8_t *msg, size_t len,
	uint8_t *out, size_t cap, size_t *written)
{
	tkt_exts exts;
	size_t ext_off = 0, need;
	int has = 0;
	tkt_status st;

	*written = 0;
	st = hello_locate(msg, len, &ext_off, &exts, &has);
	if (st != TKT_OK)
		return st;
	/*@ assert v_len: exts.list.len == hm_list_len(msg, len); */
	/*@ assert v_ptr: has != 0 ==> exts.list.ptr == hm_list(msg); */
	/*@ assert v_35: exts.has_ext35 == 1 <==> hm_has35(msg, len); */
	/*@ assert v_off: exts.has_ext35 == 1 ==>
	      exts.ext35_off == hm_35_off(msg, len); */
	/*@ assert v_dlen: exts.has_ext35 == 1 ==>
	      exts.ext35.len == hm_35_len(msg, len); */
	/* Read off exts_view here, where it is the only fact about the view. */
	/*@ assert v_bool: exts.has_ext35 == 0 || exts.has_ext35 == 1; */
	/*@ assert v_in: exts.has_ext35 == 1 ==>
	      exts.ext35_off + 4 + exts.ext35.len <= exts.list.len; */
	/*@ assert v_ptr35: exts.has_ext35 == 1 ==>
	      has == 1 && exts.list.ptr == hm_list(msg); */
	/*@ assert v_ptrl: exts.list.len != 0 ==>
	      exts.list.ptr == hm_list(msg); */
	/*@ assert v_list: \forall integer i; 0 <= i < exts.list.len ==>
	      exts.list.ptr[i] == hm_list(msg)[i]; */
	need = has ? ext_off + tkt_exts_remove_ext35_size(&exts) : ext_off;
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	/*@ assert has_none: has == 0 ==> exts.list.len == 0 &&
	      exts.has_ext35 == 0 && hm_list_len(msg, len) == 0; */
	/* Without an extensions block there is nothing to remove: the
	   message is copied as it is. */
	if (has) {
		st = remove_write(&exts, out, cap, ext_off, msg);
		if (st != TKT_OK) /* cov-exempt: remove-block */
			return st; /* cov-exempt: remove-block */
	} else {
		copy_prefix(out, msg, ext_off, ext_off - TKT_HS_HEADER_LEN);
	}
	*written = need;
	return TKT_OK;
}
