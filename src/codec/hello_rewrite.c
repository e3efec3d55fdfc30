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
    ensures new: \forall integer k;
              2 + \old(hm_35_off(msg, len)) + 4 <= k <
              2 + \old(hm_35_off(msg, len)) + 4 + data_len ==>
              (out + \old(hm_ext_off(msg)))[k] ==
              \at(data[k - (2 + hm_35_off(msg, len) + 4)], Pre);
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
    ensures list: \forall integer i; 0 <= i < \old(hm_list_len(msg, len)) ==>
              (out + \old(hm_ext_off(msg)))[2 + i] ==
              \at(hm_list(msg)[i], Pre);
    ensures ext_type: be16(out + \old(hm_ext_off(msg)) +
              (2 + \old(hm_list_len(msg, len)))) == 35;
    ensures ext_len: be16(out + \old(hm_ext_off(msg)) +
              (2 + \old(hm_list_len(msg, len)) + 2)) == data_len;
    ensures new: \forall integer i; 0 <= i < data_len ==>
              (out + \old(hm_ext_off(msg)))[2 + \old(hm_list_len(msg, len)) + 4 + i] ==
              \old(data[i]);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_hello_set_ext35(const uint8_t *msg, size_t len,
	const uint8_t *data, size_t data_len, uint8_t *out, size_t cap,
	size_t *written)
{
	tkt_exts exts;
	size_t ext_off = 0, block, need, w = 0;
	int has = 0;
	tkt_status st;

	*written = 0;
	if (data_len > 0u && data == NULL)
		return TKT_ERR_ARG;
	st = hello_locate(msg, len, &ext_off, &exts, &has);
	if (st != TKT_OK)
		return st;
	/*@ assert v_len: exts.list.len == hm_list_len(msg, len); */
	/*@ assert v_ptr: has == 1 ==> exts.list.ptr == hm_list(msg); */
	/*@ assert v_35: exts.has_ext35 == 1 <==> hm_has35(msg, len); */
	/*@ assert v_off: exts.has_ext35 == 1 ==>
	      exts.ext35_off == hm_35_off(msg, len); */
	/*@ assert v_dlen: exts.has_ext35 == 1 ==>
	      exts.ext35.len == hm_35_len(msg, len); */
	block = tkt_exts_set_ext35_size(&exts, data_len);
	if (block == 0u)
		return TKT_ERR_ARG;
	need = ext_off + block;
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	st = tkt_exts_set_ext35(&exts, data, data_len, out + ext_off,
		cap - ext_off, &w);
	if (st != TKT_OK)
		return st; /* cov-exempt: set-block */
	/* What the block's writer stated; then the same across the prefix. */
	/*@ assert s_msg: \forall integer k; 0 <= k < len ==>
	      msg[k] == \at(msg[k], Pre); */
	/*@ assert s_kept: has == 1 ==> \forall integer i;
	      0 <= i < exts.list.len ==>
	      exts.list.ptr[i] == \at(hm_list(msg)[i], Pre); */
	/*@ assert s_data: \forall integer i; 0 <= i < data_len ==>
	      data[i] == \at(data[i], Pre); */
	/*@ assert s_head: exts.has_ext35 == 1 ==> \forall integer k;
	      2 <= k < 2 + \at(hm_35_off(msg, len), Pre) + 2 ==>
	      (out + ext_off)[k] == \at(hm_list(msg)[k - 2], Pre); */
	/*@ assert s_new: exts.has_ext35 == 1 ==> \forall integer k;
	      2 + \at(hm_35_off(msg, len), Pre) + 4 <= k <
	      2 + \at(hm_35_off(msg, len), Pre) + 4 + data_len ==>
	      (out + ext_off)[k] ==
	      \at(data[k - (2 + hm_35_off(msg, len) + 4)], Pre); */
	/*@ assert s_tail: exts.has_ext35 == 1 ==> \forall integer k;
	      2 + \at(hm_35_off(msg, len), Pre) + 4 + data_len <= k <
	      2 + \at(hm_replace_len(msg, len, data_len), Pre) ==>
	      (out + ext_off)[k] ==
	      \at(hm_list(msg)[k - 2 + hm_35_len(msg, len) - data_len], Pre); */
	/*@ assert s_list: exts.has_ext35 == 0 ==> \forall integer i;
	      0 <= i < \at(hm_list_len(msg, len), Pre) ==>
	      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
	/*@ assert s_append: exts.has_ext35 == 0 ==> \forall integer i;
	      0 <= i < data_len ==>
	      (out + ext_off)[2 + \at(hm_list_len(msg, len), Pre) + 4 + i] ==
	      \at(data[i], Pre); */
	copy_prefix(out, msg, ext_off, need - TKT_HS_HEADER_LEN);
	/*@ assert c_msg: \forall integer k; 0 <= k < len ==>
	      msg[k] == \at(msg[k], Pre); */
	/*@ assert c_prefix: \forall integer k; 4 <= k < ext_off ==>
	      out[k] == \at(msg[k], Pre); */
	/*@ assert c_head: exts.has_ext35 == 1 ==> \forall integer k;
	      2 <= k < 2 + \at(hm_35_off(msg, len), Pre) + 2 ==>
	      (out + ext_off)[k] == \at(hm_list(msg)[k - 2], Pre); */
	/*@ assert c_new: exts.has_ext35 == 1 ==> \forall integer k;
	      2 + \at(hm_35_off(msg, len), Pre) + 4 <= k <
	      2 + \at(hm_35_off(msg, len), Pre) + 4 + data_len ==>
	      (out + ext_off)[k] ==
	      \at(data[k - (2 + hm_35_off(msg, len) + 4)], Pre); */
	/*@ assert c_tail: exts.has_ext35 == 1 ==> \forall integer k;
	      2 + \at(hm_35_off(msg, len), Pre) + 4 + data_len <= k <
	      2 + \at(hm_replace_len(msg, len, data_len), Pre) ==>
	      (out + ext_off)[k] ==
	      \at(hm_list(msg)[k - 2 + hm_35_len(msg, len) - data_len], Pre); */
	/*@ assert c_list: exts.has_ext35 == 0 ==> \forall integer i;
	      0 <= i < \at(hm_list_len(msg, len), Pre) ==>
	      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
	/*@ assert c_append: exts.has_ext35 == 0 ==> \forall integer i;
	      0 <= i < data_len ==>
	      (out + ext_off)[2 + \at(hm_list_len(msg, len), Pre) + 4 + i] ==
	      \at(data[i], Pre); */
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
    ensures list: \forall integer i; 0 <= i < \old(hm_list_len(msg, len)) ==>
              (out + \old(hm_ext_off(msg)))[2 + i] ==
              \at(hm_list(msg)[i], Pre);

  complete behaviors;
  disjoint behaviors;
*/
tkt_status tkt_hello_remove_ext35(const uint8_t *msg, size_t len,
	uint8_t *out, size_t cap, size_t *written)
{
	tkt_exts exts;
	size_t ext_off = 0, need, w = 0;
	int has = 0;
	tkt_status st;

	*written = 0;
	st = hello_locate(msg, len, &ext_off, &exts, &has);
	if (st != TKT_OK)
		return st;
	/*@ assert v_len: exts.list.len == hm_list_len(msg, len); */
	/*@ assert v_ptr: has == 1 ==> exts.list.ptr == hm_list(msg); */
	/*@ assert v_35: exts.has_ext35 == 1 <==> hm_has35(msg, len); */
	/*@ assert v_off: exts.has_ext35 == 1 ==>
	      exts.ext35_off == hm_35_off(msg, len); */
	/*@ assert v_dlen: exts.has_ext35 == 1 ==>
	      exts.ext35.len == hm_35_len(msg, len); */
	need = has ? ext_off + tkt_exts_remove_ext35_size(&exts) : ext_off;
	if (cap < need) {
		*written = need;
		return TKT_ERR_BUFFER_TOO_SMALL;
	}
	if (has) {
		st = tkt_exts_remove_ext35(&exts, out + ext_off, cap - ext_off,
			&w);
		if (st != TKT_OK)
			return st; /* cov-exempt: remove-block */
		/*@ assert d_msg: \forall integer k; 0 <= k < len ==>
		      msg[k] == \at(msg[k], Pre); */
		/*@ assert d_kept: \forall integer i; 0 <= i < exts.list.len ==>
		      exts.list.ptr[i] == \at(hm_list(msg)[i], Pre); */
		/*@ assert d_head: exts.has_ext35 == 1 ==> \forall integer i;
		      0 <= i < \at(hm_35_off(msg, len), Pre) ==>
		      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
		/*@ assert d_tail: exts.has_ext35 == 1 ==> \forall integer i;
		      \at(hm_35_off(msg, len) + 4 + hm_35_len(msg, len), Pre) <= i <
		      \at(hm_list_len(msg, len), Pre) ==>
		      (out + ext_off)[2 + i - 4 - \at(hm_35_len(msg, len), Pre)] ==
		      \at(hm_list(msg)[i], Pre); */
		/*@ assert d_list: exts.has_ext35 == 0 ==> \forall integer i;
		      0 <= i < \at(hm_list_len(msg, len), Pre) ==>
		      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
	}
	/*
	 * What the block's writer stated (nothing was written without a
	 * block: its list is empty), then the prefix: each fact is carried
	 * across the copy by name.
	 */
	/*@ assert r_head: has == 1 && exts.has_ext35 == 1 ==> \forall integer i;
	      0 <= i < \at(hm_35_off(msg, len), Pre) ==>
	      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
	/*@ assert r_tail: has == 1 && exts.has_ext35 == 1 ==> \forall integer i;
	      \at(hm_35_off(msg, len) + 4 + hm_35_len(msg, len), Pre) <= i <
	      \at(hm_list_len(msg, len), Pre) ==>
	      (out + ext_off)[2 + i - 4 - \at(hm_35_len(msg, len), Pre)] ==
	      \at(hm_list(msg)[i], Pre); */
	/*@ assert r_list: exts.has_ext35 == 0 ==> \forall integer i;
	      0 <= i < \at(hm_list_len(msg, len), Pre) ==>
	      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
	copy_prefix(out, msg, ext_off, need - TKT_HS_HEADER_LEN);
	/*@ assert c_msg: \forall integer k; 0 <= k < len ==>
	      msg[k] == \at(msg[k], Pre); */
	/*@ assert c_prefix: \forall integer k; 4 <= k < ext_off ==>
	      out[k] == \at(msg[k], Pre); */
	/*@ assert c_head: exts.has_ext35 == 1 ==> \forall integer i;
	      0 <= i < \at(hm_35_off(msg, len), Pre) ==>
	      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
	/*@ assert c_tail: exts.has_ext35 == 1 ==> \forall integer i;
	      \at(hm_35_off(msg, len) + 4 + hm_35_len(msg, len), Pre) <= i <
	      \at(hm_list_len(msg, len), Pre) ==>
	      (out + ext_off)[2 + i - 4 - \at(hm_35_len(msg, len), Pre)] ==
	      \at(hm_list(msg)[i], Pre); */
	/*@ assert c_list: exts.has_ext35 == 0 ==> \forall integer i;
	      0 <= i < \at(hm_list_len(msg, len), Pre) ==>
	      (out + ext_off)[2 + i] == \at(hm_list(msg)[i], Pre); */
	*written = need;
	return TKT_OK;
}
