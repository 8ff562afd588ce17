package importer

import "hash"

// asyncHash hashes what is written to it on another goroutine: a FEC's SHA-256 is a
// few percent of its import, done meanwhile on a second core. Write copies the bytes
// (the caller's buffer is reused); a handful of buffers circulate.
type asyncHash struct {
	h    hash.Hash
	in   chan []byte
	free chan []byte
	done chan struct{}
	sum  []byte
	shut bool // in is closed
}

// hashDepth is how many chunks may wait to be hashed.
const hashDepth = 4

func newAsyncHash(h hash.Hash) *asyncHash {
	a := &asyncHash{h: h, in: make(chan []byte, hashDepth), free: make(chan []byte, hashDepth), done: make(chan struct{})}
	in := a.in // the goroutine's own copy: stop may run before it starts
	go func() {
		defer close(a.done)
		for b := range in {
			a.h.Write(b) // a hash.Hash never returns an error
			select {
			case a.free <- b[:0]:
			default: // enough buffers circulate
			}
		}
	}()
	return a
}

// Write queues a copy of p to be hashed.
func (a *asyncHash) Write(p []byte) {
	var b []byte
	select {
	case b = <-a.free:
	default:
	}
	a.in <- append(b, p...)
}

// Sum waits for what was written to be hashed and returns the hash; nothing may be
// written after. It may be called again, and after stop.
func (a *asyncHash) Sum() []byte {
	if a.sum == nil {
		a.stop()
		a.sum = a.h.Sum(nil)
	}
	return a.sum
}

// stop ends the hashing goroutine (for an import that stops early); idempotent.
func (a *asyncHash) stop() {
	if !a.shut {
		close(a.in)
		a.shut = true
	}
	<-a.done
}
