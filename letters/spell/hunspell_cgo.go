//go:build cgo && !nohunspell

package spell

// A small wrapper over libhunspell's C API (hunspell.h, libhunspell 1.7). A Hunhandle is not
// safe for concurrent use: every call goes through h.mu. Words are passed in UTF-8, the
// encoding of every embedded dictionary (SET UTF-8, checked by assets/dict's tests), through a
// reusable C buffer so that Correct does not allocate.
//
// libhunspell is linked statically, so the program needs no libhunspell at run time:
//   - Linux: Debian's libhunspell-dev ships libhunspell-1.7.a (scripts/deps.sh installs it).
//     libstdc++, libgcc_s, libm and libc stay shared: they are on every Debian and Ubuntu
//     system (apt itself needs libstdc++6), libGL's drivers load libstdc++ anyway, and the
//     newest version the binary asks for (GLIBCXX_3.4.29, GCC 11) narrows nothing: its glibc
//     baseline (GLIBC_2.34) already means Debian 12, Ubuntu 22.04 or later.
//     libstdc++ is named by its run-time file (libstdc++.so.6), so the build needs no
//     libstdc++-dev.
//   - Windows (cross-compiled with MinGW-w64): scripts/hunspell-mingw.sh OUTDIR builds
//     libhunspell.a from the source and writes relance-hunspell-mingw.pc; the build needs
//     PKG_CONFIG_PATH=OUTDIR/lib/pkgconfig (OUTDIR/env). The .pc links libstdc++ and libgcc
//     statically too: the .exe imports only Windows' own DLLs.
//   - elsewhere (other Unix systems): the shared library, through pkg-config.
// Without the library, build with -tags nohunspell (hunspell_nocgo.go: spelling is off).

/*
#cgo linux LDFLAGS: -l:libhunspell-1.7.a -l:libstdc++.so.6 -lm
#cgo windows pkg-config: relance-hunspell-mingw
#cgo !linux,!windows pkg-config: hunspell
#include <stdlib.h>
#include <string.h>
#include <hunspell/hunspell.h>
*/
import "C"

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// available reports whether this build can check spelling.
const available = true

type hunspell struct {
	mu  sync.Mutex
	h   *C.Hunhandle
	buf *C.char // NUL-terminated copy of the current word
	cap int
}

// newHunspell loads a dictionary from its .aff and .dic files.
func newHunspell(aff, dic string) (engine, error) {
	aff, err := libPath(aff)
	if err != nil {
		return nil, err
	}
	dic, err = libPath(dic)
	if err != nil {
		return nil, err
	}
	caff, cdic := C.CString(aff), C.CString(dic)
	defer C.free(unsafe.Pointer(caff))
	defer C.free(unsafe.Pointer(cdic))
	h := C.Hunspell_create(caff, cdic)
	if h == nil {
		return nil, errors.New("hunspell: Hunspell_create failed")
	}
	return &hunspell{h: h}, nil
}

// libPath is the path to give libhunspell for the file at p. On Windows, libhunspell opens a
// UTF-8 path as such only when it starts with the long-path prefix \\?\ (hunspell.hxx,
// Hunspell's constructor; csutil.cxx myopen, which scripts/hunspell-mingw.sh enables for
// MinGW); any other path is read in the ANSI code page, where a user folder such as
// C:\Users\Hélène may not exist. The prefix needs an absolute path with backslashes.
func libPath(p string) (string, error) {
	if runtime.GOOS != "windows" {
		return p, nil
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("hunspell: %w", err)
	}
	switch {
	case strings.HasPrefix(abs, `\\?\`):
		return abs, nil
	case strings.HasPrefix(abs, `\\`): // \\server\share\… (UNC)
		return `\\?\UNC\` + abs[2:], nil
	}
	return `\\?\` + abs, nil
}

// cstr copies word into the reusable buffer; the caller holds h.mu.
func (h *hunspell) cstr(word string) *C.char {
	if len(word)+1 > h.cap {
		if h.buf != nil {
			C.free(unsafe.Pointer(h.buf))
		}
		h.cap = max(64, 2*(len(word)+1))
		h.buf = (*C.char)(C.malloc(C.size_t(h.cap)))
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(h.buf)), h.cap)
	n := copy(b, word)
	b[n] = 0
	return h.buf
}

func (h *hunspell) spell(word string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.h == nil {
		return false
	}
	return C.Hunspell_spell(h.h, h.cstr(word)) != 0
}

func (h *hunspell) suggest(word string) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.h == nil {
		return nil
	}
	var list **C.char
	n := C.Hunspell_suggest(h.h, &list, h.cstr(word))
	if n <= 0 || list == nil {
		return nil
	}
	defer C.Hunspell_free_list(h.h, &list, n)
	out := make([]string, 0, int(n))
	for _, s := range unsafe.Slice(list, int(n)) {
		out = append(out, C.GoString(s))
	}
	return out
}

// add adds word to the dictionary in memory; with example, the word takes the affixes of
// example (its inflections: "lettrage" like "message" gives "lettrages").
func (h *hunspell) add(word, example string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.h == nil {
		return
	}
	cw := C.CString(word)
	defer C.free(unsafe.Pointer(cw))
	if example == "" {
		C.Hunspell_add(h.h, cw)
		return
	}
	ce := C.CString(example)
	defer C.free(unsafe.Pointer(ce))
	C.Hunspell_add_with_affix(h.h, cw, ce)
}

func (h *hunspell) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.h != nil {
		C.Hunspell_destroy(h.h)
		h.h = nil
	}
	if h.buf != nil {
		C.free(unsafe.Pointer(h.buf))
		h.buf, h.cap = nil, 0
	}
}
