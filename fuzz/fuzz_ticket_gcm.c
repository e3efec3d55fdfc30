/*
 * fuzz/fuzz_ticket_gcm.c -- protected ticket in the aes256-gcm layout
 * (key_name 16, nonce 12, encrypted_state<0..2^16-1>, tag 16).
 */
#include "ticket_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ticket_run(data, size, 12, 16);
	return 0;
}
