//go:build !cgo || nohunspell

package spell

// available reports whether this build can check spelling: not without cgo (CGO_ENABLED=0,
// the pure-Go CLI tests, GOOS=windows go vet), nor with the nohunspell build tag (a cgo build
// on a machine without libhunspell: Debian's libhunspell-dev on Linux, scripts/hunspell-mingw.sh
// for Windows).
const available = false

func newHunspell(aff, dic string) (engine, error) { return nil, errNoCgo }
