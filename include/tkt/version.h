/*
 * tkt/version.h -- the library version, in one place.
 *
 * Semantic versioning: MAJOR changes break the API or ABI, MINOR adds to
 * it, PATCH fixes. The Makefile reads the numbers from this file.
 */
#ifndef TKT_VERSION_H
#define TKT_VERSION_H

#define TKT_VERSION_MAJOR 0
#define TKT_VERSION_MINOR 1
#define TKT_VERSION_PATCH 0
#define TKT_VERSION_STRING "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for #if comparisons. */
#define TKT_VERSION_NUMBER (TKT_VERSION_MAJOR * 10000 + TKT_VERSION_MINOR * 100 + TKT_VERSION_PATCH)

/*
 * The version of the library actually linked, as "MAJOR.MINOR.PATCH"
 * (compare with TKT_VERSION_STRING to detect a header/library mismatch).
 * Static string; never NULL.
 */
const char *tkt_version(void);

#endif
