//go:build !cgo || windows || nohunspell

package spell

// available reports whether this build can check spelling: not without cgo (CGO_ENABLED=0,
// the pure-Go CLI tests), nor on Windows until a libhunspell is bundled there, nor with the
// nohunspell build tag.
const available = false

func newHunspell(aff, dic string) (engine, error) { return nil, errNoCgo }
