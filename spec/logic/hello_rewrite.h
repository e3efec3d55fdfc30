/*
 * Logic of the hello rewriters (tkt_hello_set_ext35,
 * tkt_hello_remove_ext35): a whole hello message and where its
 * SessionTicket extension is.
 *
 * A hello message m of len bytes is a handshake message (spec/logic/hs.h)
 * of type 1 or 2 whose body, at m + 4, is a well-formed ClientHello or
 * ServerHello (spec/logic/hello.h). Offsets here are absolute in m. The
 * extensions block starts at hm_ext_off(m) (len when the hello has none);
 * its list of hm_list_len(m, len) bytes lies behind the block's 2-byte
 * length, at hm_list(m). When the block is absent the list is empty and
 * no byte of it is ever read.
 */
#ifndef TKT_SPEC_HELLO_REWRITE_H
#define TKT_SPEC_HELLO_REWRITE_H

/*@
  predicate wf_hello_msg{L}(uint8_t *m, integer len) =
    wf_hs(m, len) &&
    (hs_type(m) == 1 ? wf_client_hello(m + 4, len - 4)
                     : hs_type(m) == 2 && wf_server_hello(m + 4, len - 4));

  logic integer hm_ext_off{L}(uint8_t *m) =
    hs_type(m) == 1 ? 4 + ch_ext_off(m + 4) : 4 + sh_ext_off(m + 4);

  // The largest hm_ext_off of a well-formed hello: header, version and
  // random, a 32-byte session_id, the longest cipher-suite and
  // compression lists. It keeps every size in the rewriters far from
  // overflow and the message below 2^24 bytes.
  logic integer hm_ext_off_max = 4 + 35 + 32 + 2 + 65535 + 1 + 255;

  logic integer hm_list_len{L}(uint8_t *m, integer len) =
    hm_ext_off(m) < len ? len - hm_ext_off(m) - 2 : 0;

  logic uint8_t *hm_list{L}(uint8_t *m) = m + (hm_ext_off(m) + 2);

  // The hello has a SessionTicket extension: at hm_35_off within the
  // list, with hm_35_len bytes of data.
  predicate hm_has35{L}(uint8_t *m, integer len) =
    !no_ext35(hm_list(m), 0, hm_list_len(m, len));
  logic integer hm_35_off{L}(uint8_t *m, integer len) =
    ext35_off(hm_list(m), 0, hm_list_len(m, len));
  logic integer hm_35_len{L}(uint8_t *m, integer len) =
    ext_dlen(hm_list(m), hm_35_off(m, len));

  // tkt_hello_set_ext35 with d bytes of data: the new list's length,
  // with the extension's data replaced or with a new extension appended
  // (ACSL has no conditional term on a predicate, hence the two).
  logic integer hm_replace_len{L}(uint8_t *m, integer len, integer d) =
    hm_list_len(m, len) - hm_35_len(m, len) + d;
  logic integer hm_append_len{L}(uint8_t *m, integer len, integer d) =
    hm_list_len(m, len) + 4 + d;
  // The data and the new list fit their 16-bit lengths...
  predicate hm_set_ok{L}(uint8_t *m, integer len, integer d) =
    d <= 65535 &&
    (hm_has35(m, len) ? hm_replace_len(m, len, d) <= 65535
                      : hm_append_len(m, len, d) <= 65535);
  // ... and s is the size of the new message.
  predicate hm_set_size{L}(uint8_t *m, integer len, integer d, integer s) =
    hm_has35(m, len) ? s == hm_ext_off(m) + 2 + hm_replace_len(m, len, d)
                     : s == hm_ext_off(m) + 2 + hm_append_len(m, len, d);
  predicate hm_set_fits{L}(uint8_t *m, integer len, integer d,
                           integer cap) =
    hm_has35(m, len) ? hm_ext_off(m) + 2 + hm_replace_len(m, len, d) <= cap
                     : hm_ext_off(m) + 2 + hm_append_len(m, len, d) <= cap;

  // tkt_hello_remove_ext35: s is the size of the new message (the
  // message's own without the extension; the block, even emptied, stays).
  predicate hm_remove_size{L}(uint8_t *m, integer len, integer s) =
    hm_has35(m, len) ? s == len - 4 - hm_35_len(m, len) : s == len;
  predicate hm_remove_fits{L}(uint8_t *m, integer len, integer cap) =
    hm_has35(m, len) ? len - 4 - hm_35_len(m, len) <= cap : len <= cap;
*/

#endif
