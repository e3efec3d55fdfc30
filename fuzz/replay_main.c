/*
 * fuzz/replay_main.c -- a plain main() for the fuzz targets: runs
 * LLVMFuzzerTestOneInput once on every file named on the command line
 * (directories: every regular file in them except README.md). Used where
 * no fuzzing engine is wanted: the coverage build (make coverage), and
 * users who want to replay a corpus under their own sanitizers or a
 * debugger. An oracle failure aborts, as under the engines.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long replay_count;

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		if (f != NULL)
			fclose(f);
		return 1;
	}
	/* An exact-size heap copy, so ASan sees any read past the input. */
	buf = (uint8_t *)malloc(n == 0 ? 1u : (size_t)n);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		free(buf);
		fclose(f);
		return 1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	replay_count++;
	return 0;
}

static int replay_path(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: no such file: %s\n", path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	d = opendir(path);
	if (d == NULL)
		return 1;
	while ((e = readdir(d)) != NULL) {
		char sub[4096];
		struct stat sst;

		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
			continue;
		if ((size_t)snprintf(sub, sizeof sub, "%s/%s", path,
				e->d_name) >= sizeof sub)
			continue;
		if (stat(sub, &sst) == 0 && S_ISREG(sst.st_mode))
			rc |= replay_file(sub);
	}
	closedir(d);
	return rc;
}

int main(int argc, char **argv)
{
	int i, rc = 0;

	for (i = 1; i < argc; i++)
		rc |= replay_path(argv[i]);
	printf("replay: %lu input(s)\n", replay_count);
	return rc;
}
