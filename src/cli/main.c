/*
 * The `tkt` command: a table of subcommands. Adding one is one line in
 * `commands` plus its declaration in cli.h.
 */
#include <stdio.h>
#include <string.h>

#include "tkt/version.h"
#include "cli.h"

typedef struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} cli_command;

static const cli_command commands[] = {
	{ "inspect", cmd_inspect, "decode and show a handshake message, ticket or state" },
	{ "keys", cmd_keys, "generate, show, convert and rotate ticket key files" },
	{ "seal", cmd_seal, "protect a StatePlaintext into a ticket" },
	{ "open", cmd_open, "authenticate, decrypt and decode a ticket" },
	{ "server", cmd_server, "TLS server on BearSSL with session tickets (tests, demo)" },
	{ "client", cmd_client, "TLS client on BearSSL: get, show and resume a ticket" },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: tkt COMMAND [ARGS...]   (tkt COMMAND --help for details)\n"
		"       tkt --version\ncommands:\n");
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_BAD;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0
		|| strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		/* The library actually linked, which may differ from the header. */
		printf("tkt %s\n", tkt_version());
		return CLI_EXIT_OK;
	}
	for (i = 0; i < N_COMMANDS; i++) {
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	}
	fprintf(stderr, "tkt: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return CLI_EXIT_BAD;
}
