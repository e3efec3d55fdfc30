/*
 * fuzz/fuzz_ticket.c -- protected ticket in the RFC 5077 section 4 layout
 * (key_name 16, iv 16, encrypted_state<0..2^16-1>, mac 32).
 */
#include "ticket_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ticket_run(data, size, TKT_RFC5077_IV_LEN, TKT_RFC5077_MAC_LEN);
	return 0;
}
