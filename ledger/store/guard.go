package store

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// A damaged file must give ErrCorrupt, never a crash. bbolt reads pages through a
// memory map: a page beyond the end of a truncated file raises a memory fault, and
// an overwritten page trips bbolt's assertions (panics). Two defences:
//   - checkSize, before bbolt opens the file, compares its size with the page count
//     its newest meta page records (a truncated copy is refused at once);
//   - guard, deferred in every function that reads pages, turns a panic — and, with
//     debug.SetPanicOnFault, a memory fault — into ErrCorrupt naming the file.

// guard recovers a panic raised while reading path and stores ErrCorrupt in *err.
// Use: defer guard(path, &err) after defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)).
func guard(path string, err *error) {
	if r := recover(); r != nil {
		*err = problem(ErrCorrupt, path, fmt.Errorf("%v", r))
	}
}

// safely runs fn with memory faults turned into panics and any panic into ErrCorrupt.
func safely(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer guard(path, &err)
	return fn()
}

// checkSize refuses a bbolt file shorter than its newest meta page says it is.
// Meta page layout (bbolt): a 16-byte page header, then magic u32, version u32,
// page size u32, flags u32, root bucket (16 bytes), freelist pgid u64, high-water
// pgid u64, txid u64, checksum u64.
func checkSize(path string, f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	var m0 [80]byte
	if _, err := f.ReadAt(m0[:], 0); err != nil {
		return problem(ErrNotDossier, path, nil)
	}
	pageSize := int64(binary.LittleEndian.Uint32(m0[16+8:]))
	if pageSize < 512 || pageSize > 1<<20 || pageSize&(pageSize-1) != 0 {
		return problem(ErrCorrupt, path, fmt.Errorf("page size %d", pageSize))
	}
	best, bestTx := int64(-1), uint64(0)
	for i := int64(0); i < 2; i++ {
		var m [80]byte
		if _, err := f.ReadAt(m[:], i*pageSize); err != nil && err != io.EOF {
			continue
		}
		if binary.LittleEndian.Uint32(m[16:]) != boltMagic {
			continue
		}
		pgid := int64(binary.LittleEndian.Uint64(m[16+40:]))
		txid := binary.LittleEndian.Uint64(m[16+48:])
		if best < 0 || txid > bestTx {
			best, bestTx = pgid, txid
		}
	}
	if best < 0 {
		return problem(ErrCorrupt, path, fmt.Errorf("no valid meta page"))
	}
	if need := best * pageSize; st.Size() < need {
		return problem(ErrCorrupt, path, fmt.Errorf("file is %d bytes, its pages need %d: truncated", st.Size(), need))
	}
	return nil
}
