/*
 * A program as a vendoring project would write it: only <tkt/codec.h>,
 * compiled together with the copied src/codec sources. It decodes a
 * NewSessionTicket handshake message, re-encodes it, and checks the bytes.
 */
#include <stdio.h>
#include <string.h>

#include "tkt/codec.h"

int main(void)
{
	static const uint8_t msg[] = {
		0x04, 0x00, 0x00, 0x0a,            /* NewSessionTicket, 10 bytes */
		0x00, 0x00, 0x1c, 0x20,            /* lifetime hint 7200 s */
		0x00, 0x04, 0xde, 0xad, 0xbe, 0xef /* a 4-byte ticket */
	};
	tkt_nst nst;
	size_t at = 0, written = 0;
	uint8_t out[sizeof msg];
	tkt_status st = tkt_nst_decode_msg(msg, sizeof msg, &nst, &at);

	if (st != TKT_OK) {
		fprintf(stderr, "decode: %s at %zu\n", tkt_strerror(st), at);
		return 1;
	}
	if (nst.lifetime_hint != 7200u || nst.ticket.len != 4u)
		return 1;
	st = tkt_nst_encode_msg(&nst, out, sizeof out, &written);
	if (st != TKT_OK || written != sizeof msg || memcmp(out, msg, sizeof msg) != 0)
		return 1;
	/* A truncated message is refused with its offset. */
	if (tkt_nst_decode_msg(msg, sizeof msg - 1, &nst, &at) == TKT_OK)
		return 1;
	printf("ok: lifetime %lu, ticket %zu bytes\n",
		(unsigned long)nst.lifetime_hint, nst.ticket.len);
	return 0;
}
