/* Logic of the ext35 structure: see spec/formats.md. */
#ifndef TKT_SPEC_EXT35_H
#define TKT_SPEC_EXT35_H

#endif
