# tkt -- build, test, prove, fuzz.
#
#   make            build/libtkt.a and build/tkt (gcc)
#   make check      everything CI runs (scripts/check.sh)
#   make demo       the main job (scripts/demo.sh)
#   make docs       API documentation (Doxygen) in $(O)/docs/html
#   make size       code size report, docs/size.md
#   make prove      Frama-C WP on src/codec (proofs/prove.sh)
#   make unit       build and run the unit tests in $(O)
#
# Build variants share this file through O (output directory), CC and SAN:
#   make O=build/clang CC=clang
#   make O=build/asan CC=clang SAN=1
# Sources are found by wildcard: a new src/<layer>/*.c or tests/unit/test_*.c
# needs no edit here.

O      ?= build
CSTD   ?= -std=c99
WARN    = -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
          -Wmissing-prototypes -Wcast-qual -Wconversion -Wsign-conversion
OPT    ?= -O2 -g
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer
OPT      = -O1 -g
endif
ALL_CFLAGS  = $(CSTD) $(WARN) $(OPT) $(SANFLAGS) -Iinclude -D_DEFAULT_SOURCE $(CFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)

CODEC_SRC   := $(sort $(wildcard src/codec/*.c))
SEAL_SRC    := $(sort $(wildcard src/seal/*.c))
BEARSSL_SRC := $(sort $(wildcard src/bearssl/*.c))
CLI_SRC     := $(sort $(wildcard src/cli/*.c))
LIB_SRC     := $(CODEC_SRC) $(SEAL_SRC) $(BEARSSL_SRC)
UNIT_SRC    := $(sort $(wildcard tests/unit/test_*.c))

# BearSSL is needed from the seal layer up; the codec alone needs nothing.
ifneq ($(SEAL_SRC)$(BEARSSL_SRC),)
EXT_LIBS += -lbearssl
endif
EXT_LIBS += -lpthread

LIB_OBJ  := $(LIB_SRC:%.c=$(O)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(O)/obj/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
LIB      := $(O)/libtkt.a
TKT      := $(O)/tkt

VERSION := $(shell sed -n 's/^\#define TKT_VERSION_STRING "\(.*\)"/\1/p' include/tkt/version.h)
MAJOR   := $(firstword $(subst ., ,$(VERSION)))
SONAME  := libtkt.so.$(MAJOR)
SHLIB   := $(O)/libtkt.so.$(VERSION)
PIC_OBJ := $(LIB_SRC:%.c=$(O)/pic/%.o)

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PCDIR      ?= $(LIBDIR)/pkgconfig
HEADERS    := $(sort $(wildcard include/tkt/*.h))

.PHONY: all lib shared cli tests unit check demo prove prove-mutants clean \
        fuzz fuzz-smoke fuzz-afl corpus-min coverage bench install uninstall \
        dist-single docs size

all: lib cli
lib: $(LIB)
cli: $(TKT)
tests: $(UNIT_BIN)

$(O)/obj/%.o: %.c $(wildcard include/tkt/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	$(AR) rcs $@ $^

$(O)/pic/%.o: %.c $(wildcard include/tkt/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

shared: $(SHLIB)
$(SHLIB): $(PIC_OBJ)
	$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(EXT_LIBS)

# Regenerated on every use: it holds PREFIX, which may differ between calls.
.PHONY: $(O)/tkt.pc
$(O)/tkt.pc:
	@mkdir -p $(dir $@)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	  'Name: tkt' 'Description: RFC 5077 TLS session tickets for BearSSL' \
	  'Version: $(VERSION)' 'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -ltkt' \
	  'Libs.private: $(EXT_LIBS)' >$@

$(TKT): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(EXT_LIBS)

# Unit tests may include private headers of src/ and the test kit.
$(O)/tests/%: tests/unit/%.c $(LIB) tests/check.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -Itests $(ALL_LDFLAGS) -o $@ $< $(LIB) $(EXT_LIBS)

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do $$t || fail=1; done; exit $$fail

check:
	bash scripts/check.sh

demo: all
	O='$(O)' bash scripts/demo.sh

prove:
	bash proofs/prove.sh $(FILES)

prove-mutants:
	bash proofs/mutants.sh

# SECONDS is bash's own clock variable: hand it over under another name.
fuzz fuzz-smoke fuzz-afl corpus-min coverage:
	FUZZ_SECONDS="$(SECONDS)" bash fuzz/run.sh $@

bench:
	O='$(O)' CC='$(CC)' bash bench/run.sh

# Install: headers, static and shared library (with soname links), the
# command and tkt.pc. DESTDIR stages the whole tree (packaging).
install: all shared $(O)/tkt.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/tkt $(DESTDIR)$(PCDIR)
	install -m 644 $(HEADERS) $(DESTDIR)$(INCLUDEDIR)/tkt/
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf libtkt.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libtkt.so
	install -m 755 $(TKT) $(DESTDIR)$(BINDIR)/
	install -m 644 $(O)/tkt.pc $(DESTDIR)$(PCDIR)/

uninstall:
	rm -f $(addprefix $(DESTDIR)$(INCLUDEDIR)/tkt/,$(notdir $(HEADERS)))
	-rmdir $(DESTDIR)$(INCLUDEDIR)/tkt 2>/dev/null
	rm -f $(DESTDIR)$(LIBDIR)/libtkt.a $(DESTDIR)$(LIBDIR)/libtkt.so \
	      $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libtkt.so.$(VERSION) \
	      $(DESTDIR)$(BINDIR)/tkt $(DESTDIR)$(PCDIR)/tkt.pc

# One-file build for vendoring: build/dist/tkt.c + tkt.h (SEAL=1 adds the
# seal layer, which needs BearSSL).
dist-single:
	bash scripts/amalgamate.sh build/dist $(if $(filter 1,$(SEAL)),seal)

# API documentation: HTML of include/tkt/*.h in $(O)/docs/html; any Doxygen
# warning, or a public function without a comment, fails (docs/Doxyfile).
docs:
	python3 docs/doxygen_filter.py --check $(HEADERS)
	@mkdir -p $(O)/docs
	DOCS_OUT='$(O)/docs' TKT_VERSION='$(VERSION)' doxygen docs/Doxyfile
	@echo "docs: $(O)/docs/html/index.html"

# Code size of codec and seal at -Os, x86-64 and arm-none-eabi: docs/size.md.
size:
	bash scripts/size_report.sh docs/size.md

clean:
	rm -rf build
