package check

import (
	"regexp"
	"sync"
)

// lazyRE is a regular expression compiled on its first use, not when the program
// starts: the checker's ~90 patterns took 7–16 ms and 2.4 MB at the start of every
// command, the reports that never check a letter included (issue 26). The package's
// pattern variables hold one each; like a compiled *regexp.Regexp it is immutable once
// built and safe for concurrent use (sync.Once), so it is no mutable state.
type lazyRE struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// lazyRegexp returns src to be compiled on first use; src must compile (as for
// regexp.MustCompile, which panics on the first use instead of at start: the
// TestLazyPatternsCompile test compiles them all).
func lazyRegexp(src string) *lazyRE { return &lazyRE{src: src} }

// get returns the compiled expression.
func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// MatchString is regexp.Regexp.MatchString.
func (l *lazyRE) MatchString(s string) bool { return l.get().MatchString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (l *lazyRE) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (l *lazyRE) FindAllStringIndex(s string, n int) [][]int { return l.get().FindAllStringIndex(s, n) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (l *lazyRE) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (l *lazyRE) FindStringSubmatchIndex(s string) []int { return l.get().FindStringSubmatchIndex(s) }

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (l *lazyRE) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
