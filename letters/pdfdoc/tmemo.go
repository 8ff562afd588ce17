package pdfdoc

import (
	"encoding/binary"
	"sync"

	"relance/assets/i18n"
)

// The catalogue texts of a print run repeat from one letter to the next (the legal
// mentions, column titles, « Page 1/1 »…), and i18n.T builds a replacer for every
// call: about a tenth of a letter's cost. A Factory keeps the texts it was asked for,
// by language, key and arguments. i18n.T depends on nothing else (its catalogues are
// read once), so a text from the memo is the text i18n.T returns.

// memoMax bounds the memo: past it, the memo starts again empty (the texts that vary
// with each letter, such as its reference, would otherwise pile up).
const memoMax = 4096

// tmemo is a Factory's memo of catalogue texts.
type tmemo struct {
	mu sync.Mutex
	m  map[string]string
}

// t returns i18n.T(lang, key, args...), from the memo when it is there.
func (f *Factory) t(lang, key string, args ...string) string {
	var buf [256]byte // the memo's key: each string after its length, so that none can pass for two
	k := binary.AppendUvarint(buf[:0], uint64(len(lang)))
	k = append(k, lang...)
	k = binary.AppendUvarint(k, uint64(len(key)))
	k = append(k, key...)
	for _, a := range args {
		k = binary.AppendUvarint(k, uint64(len(a)))
		k = append(k, a...)
	}
	mm := &f.tmemo
	mm.mu.Lock()
	s, ok := mm.m[string(k)]
	mm.mu.Unlock()
	if ok {
		return s
	}
	s = i18n.T(lang, key, args...)
	mm.mu.Lock()
	if mm.m == nil || len(mm.m) >= memoMax {
		mm.m = make(map[string]string, 64)
	}
	mm.m[string(k)] = s
	mm.mu.Unlock()
	return s
}
