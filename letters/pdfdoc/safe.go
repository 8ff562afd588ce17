package pdfdoc

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"relance/assets/i18n"
	"relance/ledger"
)

// Replacement is what the documents draw instead of a character their fonts cannot
// draw (an emoji, a Chinese or Japanese ideograph, a character beyond U+FFFF, a byte
// that is not UTF-8): U+FFFD REPLACEMENT CHARACTER, « � », which every DejaVu style
// draws. A run of such characters (株式会社, or an emoji with its modifiers) becomes
// one mark.
const Replacement = '\uFFFD'

// The text filter. Every string that reaches fpdf goes through clean (Doc.Enc, Text,
// Para, Lines, Width) or, for the document's metadata, through metaText:
//
//   - it is put in NFC, so that a letter followed by a combining accent (e + ◌́) is
//     drawn as the precomposed letter (é) when there is one;
//   - control characters (C0, DEL, C1) are dropped, but for "\n", kept for the calls
//     that break lines, and "\t", drawn as a space (fpdf draws both as boxes);
//     U+2028 and U+2029 become "\n";
//   - invisible format characters (zero-width spaces and joiners, bidi controls, the
//     byte order mark, soft hyphens, variation selectors) are dropped;
//   - a character the current font lacks is first tried in its compatibility form
//     (𝔘 → U, ﬁ → fi, full-width Ａ → A); failing that it is replaced by Replacement
//     and recorded, so that the caller can warn (Factory.Replaced). Nothing beyond
//     U+FFFF ever reaches fpdf, whose font tables stop there.

// printableASCII reports whether s holds only printable ASCII and "\n": the common
// case, which the filter returns unchanged without allocating.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

// unchanged reports whether the filter leaves s as it is: valid UTF-8 whose every
// character is in keep (see kept), so that s is also in NFC. It is the common case of
// French and English text, checked without allocating.
func unchanged(s string, keep *coverage) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 && r == utf8.RuneError || !keep.has(r) {
			return false
		}
		i += size
	}
	return true
}

// dropped reports whether r is removed silently: a control or invisible format
// character.
func dropped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// clean filters s for the current font (see the text filter above).
func (d *Doc) clean(s string) string {
	if printableASCII(s) {
		return s
	}
	style := styleIndex(d.style)
	if unchanged(s, &kept()[style]) {
		return s
	}
	cov := &covered()[style]
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	replaced := false // the last character written is a Replacement of ours
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1: // not UTF-8
		case r == '\t':
			r = ' '
		case r == '\u2028' || r == '\u2029':
			r = '\n'
		case dropped(r):
			continue
		}
		if (r != utf8.RuneError || size > 1) && (r == '\n' || r == ' ' || cov.has(r)) {
			b.WriteRune(r)
			replaced = false
			continue
		}
		if k := norm.NFKC.String(string(r)); k != string(r) && size > 1 && d.drawable(k, cov) {
			b.WriteString(k)
			replaced = false
			continue
		}
		d.record(r, size)
		if !replaced {
			b.WriteRune(Replacement)
			replaced = true
		}
	}
	return b.String()
}

// drawable reports whether every character of s is in cov.
func (d *Doc) drawable(s string, cov *coverage) bool {
	for _, r := range s {
		if r != ' ' && !cov.has(r) {
			return false
		}
	}
	return s != ""
}

// record notes a character replaced in the document: r, or utf8.RuneError for a byte
// that is not UTF-8 (size 1).
func (d *Doc) record(r rune, size int) {
	if r == utf8.RuneError && size == 1 {
		r = -1
	}
	if !d.replaced[r] {
		if d.replaced == nil {
			d.replaced = map[rune]bool{}
		}
		d.replaced[r] = true
		d.order = append(d.order, r)
	}
}

func styleIndex(style string) int { return strings.Index("BI", style) + 1 }

// metaText filters s for the PDF's metadata (title, subject…), which viewers show
// with their own fonts: NFC, no control or format character, nothing beyond U+FFFF
// (fpdf's UTF-16 conversion does not know surrogate pairs), no invalid byte.
func metaText(s string) string {
	if printableASCII(s) && !strings.Contains(s, "\n") {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n' || r == '\t' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case dropped(r):
		case r > 0xffff:
			b.WriteRune(Replacement)
		default:
			b.WriteRune(r) // an invalid byte is already RuneError
		}
	}
	return b.String()
}

// Replaced returns the characters the documents made by the factory could not draw
// and replaced by Replacement, in the order met; -1 stands for bytes that were not
// UTF-8. It is safe for concurrent use.
func (f *Factory) Replaced() []rune {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]rune(nil), f.order...)
}

// note adds the characters a document replaced to the factory's.
func (f *Factory) note(d *Doc) {
	if len(d.order) == 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.replaced == nil {
		f.replaced = map[rune]bool{}
	}
	for _, r := range d.order {
		if !f.replaced[r] {
			f.replaced[r] = true
			f.order = append(f.order, r)
		}
	}
}

// Warning returns, in lang, the warning to show after writing documents with f when
// some characters were replaced ("… replaced by “�”: 😀 (U+1F600)…"),
// or "" when none was.
func (f *Factory) Warning(lang string) string {
	rs := f.Replaced()
	if len(rs) == 0 {
		return ""
	}
	const shown = 8
	var list []string
	for i, r := range rs {
		if i == shown {
			list = append(list, "…")
			break
		}
		if r < 0 {
			list = append(list, i18n.T(lang, "pdfsafe.invalid_bytes"))
			continue
		}
		list = append(list, fmt.Sprintf("%c (U+%04X)", r, r))
	}
	return i18n.T(lang, "pdfsafe.replaced", "n", strconv.Itoa(len(rs)), "chars", strings.Join(list, ", "))
}

// Warn writes f's Warning, if any, on a line of w (the command line's stderr).
func (f *Factory) Warn(w io.Writer, lang string) {
	if s := f.Warning(lang); s != "" {
		_, _ = fmt.Fprintln(w, s)
	}
}

// panicProblem turns a recovered panic into the error of a document: "pdfsafe.panic"
// naming the document (its title) and the panic's value.
func panicProblem(doc string, v any) *ledger.Problem {
	return &ledger.Problem{Key: "pdfsafe.panic", Args: []string{"doc", doc, "detail", fmt.Sprint(v)}}
}

// Guard, deferred at the entry of a document renderer with the renderer's named
// error result, turns a panic into a *ledger.Problem naming the kind of document
// (a catalogue key, "pdfsafe.kind.statement") and, when customer is not nil, the
// customer it returns (called only then, and a panic in it is ignored: it may read a
// nil pointer):
//
//	func RenderClaim(w io.Writer, …, acct *ledger.Account, …) (err error) {
//		defer pdfdoc.Guard(&err, "pdfsafe.kind.claim", func() string { return acct.Customer.ID })
//
// It also names them in the error of a panic that Factory.Render already caught. A
// batch then reports the one document that failed, like any other error.
func Guard(err *error, kindKey string, customer func() string) {
	v := recover()
	if v == nil {
		var p *ledger.Problem
		if *err == nil || !errors.As(*err, &p) || p.Key != "pdfsafe.panic" || len(p.Args) < 4 {
			return
		}
		v = p.Args[3] // the detail of Factory.Render's problem
	}
	key, args := "pdfsafe.panic_kind", []string{"kind_key", kindKey, "detail", fmt.Sprint(v)}
	if who := callSafe(customer); who != "" {
		key, args = "pdfsafe.panic_customer", append(args, "customer", who)
	}
	*err = &ledger.Problem{Key: key, Args: args}
}

// callSafe returns f(), or "" when f is nil or panics.
func callSafe(f func() string) (s string) {
	if f == nil {
		return ""
	}
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	return f()
}
