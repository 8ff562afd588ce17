package store

import (
	"os"
	"sync"
	"unsafe"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// releaser tells the kernel that the process no longer needs the pages of the dossier's
// mapping where the values it was given lie, once they are decoded (their strings copied
// out): those pages leave the process's resident memory and stay in the page cache, from
// where a later read maps them again. bbolt maps the file read-only and writes through
// the file, so dropping mapped pages loses nothing. Reading a million-item dossier
// otherwise keeps all of its pages resident (issue 26: 257 MB of the 437 MB peak of
// `relance kpi` on the peers' 1M ledger).
//
// Each release makes every CPU flush its TLB, which costs more than the release on a
// virtual machine (one per customer took 0.45 s of system time on that dossier); so the
// values are gathered into spans of the mapping (the values of a bucket follow each
// other in the file), released when one reaches releaseSpan bytes and at flush. A page
// of the span that a value not yet decoded sits on is mapped again when it is read.
//
// A refusal only leaves the pages resident, as they were: the releaser then stops asking.
type releaser struct {
	lo, hi   uintptr // the mapping of the file; nothing outside it is ever released
	mu       sync.Mutex
	from, to uintptr
	refused  bool // the system refused a release: the pages stay resident
}

// newReleaser returns the releaser of the values read in t: none in a write
// transaction (whose values may sit in memory bbolt allocated, which must not be
// released: only the file's mapping may).
func newReleaser(t *Tx) *releaser { return boltReleaser(t.tx) }

// boltReleaser is newReleaser for a bbolt transaction.
func boltReleaser(tx *bolt.Tx) *releaser {
	r := &releaser{}
	if !tx.Writable() && tx.Size() > 0 {
		r.lo = tx.DB().Info().Data
		r.hi = r.lo + uintptr(tx.Size())
	}
	return r
}

// releaseSpan is the size of the span of the mapping released at once; a value further
// than releaseGap from the span starts a new one (the span released first).
const (
	releaseSpan = 32 << 20
	releaseGap  = 1 << 20
)

// add notes that the value b (read from the mapping) is decoded.
func (r *releaser) add(b []byte) {
	if len(b) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	end := start + uintptr(len(b))
	if start < r.lo || end > r.hi { // not in the mapping (or a write transaction)
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.to != 0 && (start > r.to+releaseGap || end+releaseGap < r.from) {
		r.releaseLocked() // a value elsewhere in the file: another bucket's
	}
	if r.to == 0 {
		r.from, r.to = start, end
	} else {
		r.from, r.to = min(r.from, start), max(r.to, end)
	}
	if r.to-r.from >= releaseSpan {
		r.releaseLocked()
	}
}

// all releases every page of the file's mapping: after reading where many values lie
// (bbolt's Get touches the first page of each, and the kernel maps the cached pages
// around a page it maps), before decoding them.
func (r *releaser) all() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.from, r.to = r.lo, r.hi
	r.releaseLocked()
}

// flush releases what add gathered.
func (r *releaser) flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.releaseLocked()
}

func (r *releaser) releaseLocked() {
	ps := uintptr(os.Getpagesize())
	from, to := (r.from+ps-1)&^(ps-1), r.to&^(ps-1)
	if to > from && from >= r.lo && to <= r.hi && !r.refused {
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, from, to-from, unix.MADV_DONTNEED); errno != 0 {
			r.refused = true // the pages stay resident, as they were; no more asking
		}
	}
	r.from, r.to = 0, 0
}

// ReleaseMapped gives back to the system every page of the dossier's mapping the process
// holds (see releaser): after the window has opened a dossier, whose reads leave pages
// mapped that a later read maps again when it needs them.
func (db *DB) ReleaseMapped() error {
	return db.bolt.View(func(tx *bolt.Tx) error {
		boltReleaser(tx).all()
		return nil
	})
}
