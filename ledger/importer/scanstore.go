package importer

import (
	"relance/ledger"
	"relance/ledger/importer/fec"
)

// This file holds how the scan stores what it keeps of a FEC compactly: receivable
// lines without pointers, texts in a block arena, customers in a map with inline keys,
// and the per-column date cache; plus the receivable-account test.

// recLine is a receivable line kept from the FEC. It holds no pointers (texts are
// spans of scan.arena, repeated codes indexes into scan.strs), so that a few million
// of them cost the garbage collector nothing.
type recLine struct {
	line                        int
	cust                        int32  // index into scan.custs
	journal, jlib, account, aux uint32 // indexes into scan.strs
	currency                    uint32
	piece, label, let           span
	date, pieceDate, dateLet    ledger.Date
	due                         ledger.Date
	net, cur                    ledger.Cents
	an                          bool
}

// span is a slice of scan.arena.
type span struct{ off, n uint32 }

// lineView is a receivable line with its texts, for the open-item derivation.
type lineView struct {
	line                        int
	journal, jlib, account, aux string
	piece, label, let, currency string
	date, pieceDate, dateLet    ledger.Date
	due                         ledger.Date
	net, cur                    ledger.Cents
	an                          bool
}

// view returns line i with its texts.
func (s *scan) view(i int) lineView {
	l := s.rec(i)
	return lineView{line: l.line, journal: s.strs[l.journal], jlib: s.strs[l.jlib], account: s.strs[l.account],
		aux: s.strs[l.aux], currency: s.strs[l.currency], piece: s.text(l.piece), label: s.text(l.label),
		let: s.text(l.let), date: l.date, pieceDate: l.pieceDate, dateLet: l.dateLet, due: l.due, net: l.net,
		cur: l.cur, an: l.an}
}

// shortKey holds a customer key of up to 22 bytes inline (no pointer to follow when
// the map compares keys), its kind (aux or account) and its length.
type shortKey [24]byte

// custRef is what the scan needs of a customer on every line.
type custRef struct {
	idx   int32  // index into scan.custs; -1: unknown
	aux   uint32 // interned CompAuxNum when keyed on it
	named bool   // a name was found
}

func makeShortKey(raw []byte, aux bool) (shortKey, bool) {
	var k shortKey
	if len(raw) > 22 {
		return k, false
	}
	copy(k[:], raw)
	k[22] = byte(len(raw))
	if aux {
		k[23] = 1
	}
	return k, true
}

// customer finds a customer by its raw key.
func (s *scan) customer(raw []byte, aux bool) custRef {
	if k, ok := makeShortKey(raw, aux); ok {
		if r, ok := s.short[k]; ok {
			return r
		}
		return custRef{idx: -1}
	}
	kind := "c"
	if aux {
		kind = "a"
	}
	if r, ok := s.long[kind+string(raw)]; ok {
		return r
	}
	return custRef{idx: -1}
}

func (s *scan) setCustomer(raw []byte, aux bool, r custRef) {
	if k, ok := makeShortKey(raw, aux); ok {
		s.short[k] = r
		return
	}
	kind := "c"
	if aux {
		kind = "a"
	}
	s.long[kind+string(raw)] = r
}

// dateCache remembers the last AAAAMMJJ date parsed in a column: dates repeat from
// line to line.
type dateCache struct {
	raw [8]byte
	d   ledger.Date
}

// blockBits sizes the blocks of receivable lines: appending never copies them.
const blockBits = 14

// rec returns receivable line i.
func (s *scan) rec(i int) *recLine { return &s.blocks[i>>blockBits][i&(1<<blockBits-1)] }

// add appends a receivable line and returns its index.
func (s *scan) add(l recLine) int {
	if s.nrec&(1<<blockBits-1) == 0 {
		s.blocks = append(s.blocks, make([]recLine, 0, 1<<blockBits))
	}
	b := &s.blocks[len(s.blocks)-1]
	*b = append(*b, l)
	s.nrec++
	return s.nrec - 1
}

func (s *scan) text(sp span) string {
	b := s.arena[sp.off>>arenaBits]
	o := sp.off & (1<<arenaBits - 1)
	return string(b[o : o+sp.n])
}

// arenaBits sizes the arena's blocks (1 MiB): appending never copies texts already
// stored; a text never straddles two blocks.
const (
	arenaBits = 20
	maxText   = 4 << 10 // longer texts are cut (labels of a few hundred bytes at most)
)

// put stores the decoded text of raw in the arena.
func (s *scan) put(rd *fec.Reader, raw []byte) span {
	if len(raw) > maxText {
		raw = raw[:maxText]
	}
	if len(s.arena) == 0 || cap(s.arena[len(s.arena)-1])-len(s.arena[len(s.arena)-1]) < 4*maxText {
		s.arena = append(s.arena, make([]byte, 0, 1<<arenaBits))
	}
	k := len(s.arena) - 1
	b := s.arena[k]
	off := len(b)
	b = rd.AppendText(b, raw)
	if len(b) > 1<<arenaBits { // cannot happen: decoding at most quadruples maxText
		b = b[:1<<arenaBits]
	}
	s.arena[k] = b
	return span{uint32(k<<arenaBits | off), uint32(len(b) - off)}
}

// excludedPrefixes are never receivables: 418 "factures à établir", 4198 "avoirs à
// établir" are not billed documents (reference/fec.md §2.1).
var excludedPrefixes = [][]byte{[]byte("418"), []byte("4198")}

func receivablePrefixes(p []string) (inc, exc [][]byte) {
	if len(p) == 0 {
		p = ledger.DefaultSettings().Receivables
	}
	for _, s := range p {
		inc = append(inc, []byte(s))
	}
	return inc, excludedPrefixes
}

func isReceivable(acct []byte, inc, exc [][]byte) bool {
	for _, p := range inc {
		if hasPrefix(acct, p) {
			for _, x := range exc {
				if len(x) > len(p) && hasPrefix(acct, x) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// hasPrefix is bytes.HasPrefix for the short account prefixes, without a call.
func hasPrefix(b, p []byte) bool {
	if len(b) < len(p) {
		return false
	}
	for i, c := range p {
		if b[i] != c {
			return false
		}
	}
	return true
}

// groupLines fills each customer's line indexes (a counting sort: no per-customer
// appends during the scan).
func (s *scan) groupLines() {
	counts := make([]int, len(s.custs))
	for i := 0; i < s.nrec; i++ {
		counts[s.rec(i).cust]++
	}
	all := make([]int, s.nrec)
	off := 0
	for k, cl := range s.custs {
		cl.lines = all[off : off : off+counts[k]]
		off += counts[k]
	}
	for i := 0; i < s.nrec; i++ {
		cl := s.custs[s.rec(i).cust]
		cl.lines = append(cl.lines, i)
	}
}

// trim removes ASCII blanks around b (fixed-width FEC fields are space-padded).
func trim(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
