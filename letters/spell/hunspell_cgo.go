//go:build cgo && !windows && !nohunspell

package spell

// A small wrapper over libhunspell's C API (hunspell.h, libhunspell 1.7). A Hunhandle is not
// safe for concurrent use: every call goes through h.mu. Words are passed in UTF-8, the
// encoding of every embedded dictionary (SET UTF-8, checked by assets/dict's tests), through a
// reusable C buffer so that Correct does not allocate.

/*
#cgo pkg-config: hunspell
#include <stdlib.h>
#include <string.h>
#include <hunspell.h>
*/
import "C"

import (
	"errors"
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
	caff, cdic := C.CString(aff), C.CString(dic)
	defer C.free(unsafe.Pointer(caff))
	defer C.free(unsafe.Pointer(cdic))
	h := C.Hunspell_create(caff, cdic)
	if h == nil {
		return nil, errors.New("hunspell: Hunspell_create failed")
	}
	return &hunspell{h: h}, nil
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
