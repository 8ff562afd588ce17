package importer

import (
	"bytes"
	"encoding/binary"

	"relance/ledger"
	"relance/ledger/importer/fec"
)

// This file holds how the scan stores what it keeps of a FEC compactly: receivable
// lines without pointers, texts in a block arena, customers in a map with inline keys,
// and the per-column date cache; plus the receivable-account test.

// recLine is a receivable line kept from the FEC, and once its customer's items are
// derived (planCustomer.compact) what the derivation decided for its item. It holds no
// pointers (texts are in scan.arena, repeated codes in scan.codes), so that a few
// million of them cost the garbage collector nothing, and it is small: 48 bytes.
type recLine struct {
	net    ledger.Cents
	line   int32
	codes  uint32 // index into scan.codes: journal, its label, account, aux, currency
	text   uint32 // offset in scan.arena of the piece, lettering and label (putTexts)
	date   ledger.Date
	pieceD ledger.Date // PieceDate
	due    ledger.Date
	// Two fields serve twice: the scan's value until the customer's items are derived,
	// then the derivation's decision (compact), which is all that is read of them after.
	custSeq    int32       // scan: index into scan.custs; derived: the item's number among those with its base ID
	letSettled ledger.Date // scan: DateLet; derived: the item's settlement date
	flags      uint32      // derived: the item's ledger.Flag*
	kind       ledger.ItemKind
	bits       uint8 // recAN, recCur, and the open amount (recOpenMask)
}

// recLine.bits.
const (
	recAN          = 1 << 0 // an opening (à-nouveau) line
	recCur         = 1 << 1 // a currency amount, in scan.curs
	recOpenMask    = 3 << 2
	recOpenAll     = 1 << 2 // open = net (none of these bits: open 0)
	recOpenPartial = 2 << 2 // open in scan.partial
)

// codeSet is the interned codes of a line (indexes into scan.strs): journal, journal
// label, account, aux, currency. A customer's lines share a few of them.
type codeSet [5]uint32

// Codes.
const (
	cJournal = iota
	cJournalLib
	cAccount
	cAux
	cCurrency
)

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

// view returns line i with its texts (its dateLet is the item's settlement date once
// derived).
func (s *scan) view(i int) lineView {
	l := s.rec(i)
	c := &s.codes[l.codes]
	v := lineView{line: int(l.line), journal: s.strs[c[cJournal]], jlib: s.strs[c[cJournalLib]], account: s.strs[c[cAccount]],
		aux: s.strs[c[cAux]], currency: s.strs[c[cCurrency]], date: l.date, pieceDate: l.pieceD, dateLet: l.letSettled,
		due: l.due, net: l.net, an: l.bits&recAN != 0}
	if l.bits&recCur != 0 {
		v.cur = s.curs[int32(i)]
	}
	v.piece, v.let, v.label = s.texts(l.text)
	return v
}

// open returns the open amount the derivation decided for line i.
func (s *scan) open(i int) ledger.Cents {
	l := s.rec(i)
	switch l.bits & recOpenMask {
	case recOpenAll:
		return l.net
	case recOpenPartial:
		return s.partial[int32(i)]
	}
	return 0
}

// setOpen records the open amount the derivation decided for line i.
func (s *scan) setOpen(i int, open ledger.Cents) {
	l := s.rec(i)
	l.bits &^= recOpenMask
	switch open {
	case 0:
	case l.net:
		l.bits |= recOpenAll
	default:
		l.bits |= recOpenPartial
		s.partial[int32(i)] = open
	}
}

// code interns a line's codes.
func (s *scan) code(c codeSet) uint32 {
	v, ok := s.codeIdx[c]
	if !ok {
		v = uint32(len(s.codes))
		s.codes = append(s.codes, c)
		s.codeIdx[c] = v
	}
	return v
}

// codeOf interns the codes of a line of customer cl, which remembers its last two
// (invoices and payments alternate): most lines need no map lookup.
func (s *scan) codeOf(cl *custLines, c codeSet) uint32 {
	for _, h := range cl.codes {
		if h.ok && h.c == c {
			return h.i
		}
	}
	i := s.code(c)
	cl.codes[1], cl.codes[0] = cl.codes[0], codeHit{c: c, i: i, ok: true}
	return i
}

// codeHit is a set of codes and its index in scan.codes.
type codeHit struct {
	c  codeSet
	i  uint32
	ok bool
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

// arenaBits sizes the arena's blocks (1 MiB): appending never copies texts already
// stored; a line's texts never straddle two blocks.
const (
	arenaBits = 20
	maxText   = 4 << 10 // longer texts are cut (labels of a few hundred bytes at most)
	// maxPrefixes bounds the label prefixes kept (putTexts): labels that are not
	// « a few words + the piece reference » are stored whole.
	maxPrefixes = 1 << 12
)

// putTexts stores the decoded texts of a line in the arena and returns their offset
// and the length of the lettering code: uvarint length + the piece reference, uvarint
// length + the lettering code, then the label, either as uvarint (length<<1) + its
// bytes, or as uvarint (i<<1 | 1) + uvarint length + rest when it is scan.strs[i], the
// piece reference, then rest (« Facture FA2024-0001 », « Règlement PAY01 FA2024-0001 »:
// most labels of a ledger name their piece).
func (s *scan) putTexts(rd *fec.Reader, piece, let, label []byte) (uint32, int) {
	cut := func(b []byte) []byte {
		if len(b) > maxText {
			return b[:maxText]
		}
		return b
	}
	piece, let, label = cut(piece), cut(let), cut(label)
	// Decoding at most quadruples a text; three lengths.
	need := 4*(len(piece)+len(let)+len(label)) + 3*binary.MaxVarintLen32
	if len(s.arena) == 0 || cap(s.arena[len(s.arena)-1])-len(s.arena[len(s.arena)-1]) < need {
		s.arena = append(s.arena, make([]byte, 0, 1<<arenaBits))
	}
	k := len(s.arena) - 1
	b := s.arena[k]
	off := len(b)
	b, pieceText := s.appendText(rd, b, piece)
	b, letText := s.appendText(rd, b, let)
	s.scratch = rd.AppendText(s.scratch[:0], label)
	lab := s.scratch
	i, ok, at := uint32(0), false, -1
	if len(pieceText) > 0 {
		at = bytes.Index(lab, pieceText)
	}
	if at >= 0 {
		prefix := lab[:at]
		if i, ok = s.prefixes[string(prefix)]; !ok && len(s.prefixes) < maxPrefixes {
			i, ok = uint32(len(s.strs)), true
			s.strs = append(s.strs, string(prefix))
			s.prefixes[string(prefix)] = i
		}
	}
	if ok {
		rest := lab[at+len(pieceText):]
		b = binary.AppendUvarint(b, uint64(i)<<1|1)
		b = binary.AppendUvarint(b, uint64(len(rest)))
		b = append(b, rest...)
	} else {
		b = binary.AppendUvarint(b, uint64(len(lab))<<1)
		b = append(b, lab...)
	}
	s.arena[k] = b
	return uint32(k<<arenaBits | off), len(letText)
}

// appendText appends the uvarint length and the decoded text of raw to b; it returns
// b and the text within it.
func (s *scan) appendText(rd *fec.Reader, b, raw []byte) ([]byte, []byte) {
	s.scratch = rd.AppendText(s.scratch[:0], raw)
	b = binary.AppendUvarint(b, uint64(len(s.scratch)))
	n := len(b)
	b = append(b, s.scratch...)
	return b, b[n:]
}

// texts returns the piece reference, lettering code and label stored at off.
func (s *scan) texts(off uint32) (piece, let, label string) {
	b := s.arena[off>>arenaBits][off&(1<<arenaBits-1):]
	next := func() string {
		n, w := binary.Uvarint(b)
		t := string(b[w : w+int(n)])
		b = b[w+int(n):]
		return t
	}
	piece = next()
	let = next()
	n, w := binary.Uvarint(b)
	if n&1 != 0 {
		b = b[w:]
		return piece, let, s.strs[n>>1] + piece + next()
	}
	return piece, let, string(b[w : w+int(n>>1)])
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
		counts[s.rec(i).custSeq]++
	}
	all := make([]int32, s.nrec)
	off := 0
	for k, cl := range s.custs {
		cl.lines = all[off : off : off+counts[k]]
		off += counts[k]
	}
	for i := 0; i < s.nrec; i++ {
		cl := s.custs[s.rec(i).custSeq]
		cl.lines = append(cl.lines, int32(i))
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
