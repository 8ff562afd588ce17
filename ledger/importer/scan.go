package importer

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"hash/maphash"
	"io"
	"sort"
	"strconv"

	"relance/ledger"
	"relance/ledger/importer/fec"
	"relance/ledger/importer/field"
	"relance/ledger/importer/report"
)

// custLines gathers a customer's lines during the scan.
type custLines struct {
	id, account, name string
	aux               uint32     // interned CompAuxNum when the customer is keyed on it
	idx               int32      // position in scan.custs
	lines             []int32    // indexes of its receivable lines, filled by groupLines
	codes             [2]codeHit // its lines' last sets of codes (scan.codeOf)
}

// entryAcc accumulates one entry (JournalCode, EcritureNum) for the balance check.
type entryAcc struct {
	sum  int64
	line int32
}

// scan is the result of reading a FEC: the receivable lines by customer, totals and
// the period. Findings go to the collector.
type scan struct {
	file            string
	dialect         fec.Dialect
	header          fec.Header
	blocks          [][]recLine // receivable lines, in blocks of 1<<blockBits
	nrec            int
	short           map[shortKey]custRef // customers by raw key (CompAuxNum or CompteNum as read)
	long            map[string]custRef   // the same for keys longer than shortKey holds
	custs           []*custLines         // in order of appearance
	debit, credit   ledger.Cents
	receivable      ledger.Cents // Σ net of receivable lines
	from, to        ledger.Date
	nlines          int
	auxKeys, accKey int // receivable lines keyed by aux / by account
	lettered        int
	mixed           int
	strs            []string                  // interned codes and label prefixes; strs[0] = ""
	codes           []codeSet                 // the lines' sets of codes (recLine.codes)
	codeIdx         map[codeSet]uint32        // codes by value
	prefixes        map[string]uint32         // label prefixes in strs (putTexts)
	curs            map[int32]ledger.Cents    // currency amounts of the lines that have one
	partial         map[int32]ledger.Cents    // open amounts neither 0 nor the line's (setOpen)
	arena           [][]byte                  // decoded texts of receivable lines, in blocks
	scratch         []byte                    // a text being decoded
	dates           [fec.NumColumns]dateCache // last date parsed per column
}

// scanFEC reads a whole FEC. It returns a non-nil error only when the file cannot be
// read at all; fatal findings about its content are in rep.
func scanFEC(ctx context.Context, r io.Reader, file string, o *Options, rep *report.Collector) (*scan, error) {
	issue := func(sev report.Severity, key string, line int, fld, value string) {
		rep.Addf(sev, key, file, line, fld, value)
	}
	// The XML variant is converted to the flat one as it is read.
	br := bufio.NewReaderSize(r, 4096)
	if sample, _ := br.Peek(512); fec.IsXML(sample) {
		flat := fec.FlatFromXML(br)
		defer flat.Close()
		r = flat
		rep.Addf(report.Info, "importstrict.xmlfec.read", file, 0, "", "")
	} else {
		r = br
	}
	rd, err := fec.NewReader(r, o.Dialect, issue)
	var xe *fec.XMLError
	if errors.As(err, &xe) {
		rep.Addf(report.Fatal, "importstrict.xmlbad", file, xe.Line, "", xe.Err.Error())
		return nil, nil
	}
	if err != nil {
		var u16 *field.UTF16Error
		switch {
		case errors.As(err, &u16):
			rep.Addf(report.Fatal, u16.Key("import.issue.utf16"), file, 1, "", u16.Variant)
		case errors.Is(err, fec.ErrEmpty):
			rep.Addf(report.Fatal, "import.issue.empty", file, 0, "", "")
		case errors.Is(err, fec.ErrXML):
			rep.Addf(report.Fatal, "importstrict.xmlfec", file, 1, "", "")
		case errors.Is(err, fec.ErrNoSeparator):
			rep.Addf(report.Fatal, "import.issue.nosep", file, 1, "", "")
		default:
			return nil, err
		}
		return nil, nil
	}
	s := &scan{file: file, dialect: rd.Dialect(), header: *rd.Header(), short: map[shortKey]custRef{}, long: map[string]custRef{},
		codeIdx: map[codeSet]uint32{}, prefixes: map[string]uint32{"": 0}, curs: map[int32]ledger.Cents{}, partial: map[int32]ledger.Cents{}}
	h := rd.Header()
	if !s.checkHeader(h, rep) {
		return s, nil
	}
	prefixes, excluded := receivablePrefixes(o.settings().Receivables)
	seed := maphash.MakeSeed()
	entries := make(map[uint64]entryAcc, 1<<12)
	s.strs = []string{""}
	intern := map[string]uint32{}
	in := func(b []byte) uint32 {
		b = trim(b)
		if len(b) == 0 {
			return 0
		}
		if v, ok := intern[string(b)]; ok {
			return v
		}
		v := uint32(len(s.strs))
		s.strs = append(s.strs, rd.TextOf(b))
		intern[string(b)] = v
		return v
	}
	var key, runKey []byte
	var runSum int64
	var runLine int
	flushRun := func() {
		if runSum == 0 {
			return
		}
		hk := maphash.Bytes(seed, runKey)
		e, ok := entries[hk]
		if !ok {
			e.line = int32(runLine)
		}
		e.sum += runSum
		entries[hk] = e
		runSum = 0
	}
	var lastJC []byte
	lastAN := false
	ms := h.MontantSens
	anJournals := map[string]bool{}
	for n := 0; ; n++ {
		if n&0xFFFF == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		err := rd.Next()
		if err == io.EOF {
			break
		}
		if errors.As(err, &xe) {
			rep.Addf(report.Fatal, "importstrict.xmlbad", file, xe.Line, "", xe.Err.Error())
			return s, nil
		}
		if err != nil {
			return nil, err
		}
		s.nlines++
		line := rd.Line()
		// Amounts.
		var d, c ledger.Cents
		if ms {
			m := s.amount(rd, fec.Montant, rep)
			switch sens := string(trim(rd.Field(fec.Sens))); sens {
			case "D", "d", "+1", "1", "+":
				d = m
			case "C", "c", "-1", "-":
				c = m
			default:
				rep.Addf(report.Fatal, "import.issue.sens", file, line, fec.Sens.String(), sens)
			}
		} else {
			d = s.amount(rd, fec.Debit, rep)
			c = s.amount(rd, fec.Credit, rep)
			if d < 0 && c < 0 {
				rep.Addf(report.Fatal, "importstrict.bothneg", file, line, fec.Debit.String(), d.String()+" / "+c.String())
			}
		}
		if (d != 0) == (c != 0) {
			rep.Addf(report.Warning, "import.issue.dc", file, line, fec.Debit.String(), d.String()+" / "+c.String())
		}
		s.debit += d
		s.credit += c
		net := d - c
		// Dates.
		ed := s.date(rd, fec.EcritureDate, rep)
		pd := s.date(rd, fec.PieceDate, rep)
		dl := s.date(rd, fec.DateLet, rep)
		s.date(rd, fec.ValidDate, rep)
		due := ledger.NoDate
		if h.Has(fec.DateLimitReglmt) {
			due = s.date(rd, fec.DateLimitReglmt, rep)
		}
		if ed.Valid() {
			if !s.from.Valid() || ed < s.from {
				s.from = ed
			}
			if ed > s.to {
				s.to = ed
			}
		}
		// Mandatory fields (TCD: errors for these, warnings for the others).
		jc := trim(rd.Field(fec.JournalCode))
		num := trim(rd.Field(fec.EcritureNum))
		acct := trim(rd.Field(fec.CompteNum))
		piece := trim(rd.Field(fec.PieceRef))
		s.required(rd, rep, line, jc, num, acct, piece)
		ids := s.controlIDs(rd, rep, line, [...]idField{{fec.JournalCode, jc}, {fec.EcritureNum, num},
			{fec.CompteNum, acct}, {fec.CompAuxNum, trim(rd.Field(fec.CompAuxNum))}, {fec.PieceRef, piece}})
		// Entry balance: key (journal, number), or (journal, date) when the numbering
		// is degenerate ("0" on every line, reference/fec.md §3.2: the piece reference
		// may then differ between the lines of one entry).
		// An opening journal is checked as a whole: detailed à-nouveaux carry the
		// dates of the original documents.
		an := lastAN
		if lastJC == nil || !bytes.Equal(jc, lastJC) {
			var seen bool
			an, seen = anJournals[string(jc)]
			if !seen {
				an = isOpeningJournal(rd.TextOf(jc), rd.Text(fec.JournalLib))
				anJournals[string(jc)] = an
			}
			lastJC, lastAN = append(lastJC[:0], jc...), an
		}
		key = append(key[:0], jc...)
		key = append(key, 0)
		if an {
			// one key per journal
		} else if len(num) == 0 || (len(num) == 1 && num[0] == '0') {
			key = append(key, rd.Field(fec.EcritureDate)...)
		} else {
			key = append(key, num...)
		}
		// Lines of an entry are usually consecutive: sum the current run and keep
		// only unbalanced runs in the map, where later runs of the same entry add up.
		if !bytes.Equal(key, runKey) {
			flushRun()
			runKey = append(runKey[:0], key...)
			runLine = line
		}
		runSum += int64(net)
		// Receivables.
		if !isReceivable(acct, prefixes, excluded) {
			continue
		}
		s.receivable += net
		rl := recLine{line: int32(line), net: net, date: ed, pieceD: pd, letSettled: dl, due: due}
		var codes codeSet
		codes[cJournal] = in(jc)
		codes[cJournalLib] = in(rd.Field(fec.JournalLib))
		codes[cAccount] = in(acct)
		var letLen int
		rl.text, letLen = s.putTexts(rd, piece, rd.Field(fec.EcritureLet), rd.Field(fec.EcritureLib))
		var cur ledger.Cents
		if h.Has(fec.Montantdevise) {
			if v, _, err := field.Amount(rd.Field(fec.Montantdevise)); err == nil && v != 0 {
				cur = v
				if net < 0 && v > 0 {
					cur = -v
				}
				codes[cCurrency] = in(rd.Field(fec.Idevise))
			}
		}
		if an {
			rl.bits |= recAN
		}
		if letLen > 0 {
			s.lettered++
		}
		keyRaw, nameCol := acct, fec.CompteLib
		if aux := trim(rd.Field(fec.CompAuxNum)); len(aux) > 0 && o.Key != KeyAccount {
			keyRaw, nameCol = aux, fec.CompAuxLib
			s.auxKeys++
		} else {
			s.accKey++
		}
		if !s.checkIDs(rd, rep, line, keyRaw, nameCol == fec.CompAuxLib, jc, piece) || !ids {
			continue
		}
		ref := s.customer(keyRaw, nameCol == fec.CompAuxLib)
		if ref.idx < 0 {
			cl := &custLines{account: s.strs[codes[cAccount]], idx: int32(len(s.custs))}
			s.custs = append(s.custs, cl)
			if nameCol == fec.CompAuxLib {
				cl.aux = in(keyRaw)
				cl.id = s.strs[cl.aux]
			} else {
				cl.id = cl.account
			}
			ref = custRef{idx: cl.idx, aux: cl.aux}
			s.setCustomer(keyRaw, nameCol == fec.CompAuxLib, ref)
		}
		if nameCol == fec.CompAuxLib {
			codes[cAux] = ref.aux
		} else if aux := rd.Field(fec.CompAuxNum); len(trim(aux)) > 0 {
			codes[cAux] = in(aux)
		}
		// The first non-empty name wins.
		if !ref.named {
			if cl := s.custs[ref.idx]; cl.name == "" {
				cl.name = rd.Text(nameCol)
			}
			if s.custs[ref.idx].name != "" {
				ref.named = true
				s.setCustomer(keyRaw, nameCol == fec.CompAuxLib, ref)
			}
		}
		rl.custSeq = ref.idx
		rl.codes = s.codeOf(s.custs[ref.idx], codes)
		if cur != 0 {
			rl.bits |= recCur
			s.curs[int32(s.nrec)] = cur
		}
		s.add(rl)
	}
	flushRun()
	s.groupLines()
	s.mixed = rd.Mixed()
	s.checkBalances(entries, rep)
	return s, nil
}

// checkIDs checks the length of the values a receivable line's customer ID and item ID
// are made of (MaxIDLen): the customer ID is a key of the dossier's database, which
// refuses keys over 32 KiB, and no real code is that long. It reports a fatal finding
// and returns false for a value too long.
func (s *scan) checkIDs(rd *fec.Reader, rep *report.Collector, line int, key []byte, aux bool, jc, piece []byte) bool {
	keyCol := fec.CompteNum
	if aux {
		keyCol = fec.CompAuxNum
	}
	ok := true
	for _, v := range []struct {
		col fec.Column
		b   []byte
	}{{keyCol, key}, {fec.JournalCode, jc}, {fec.PieceRef, piece}} {
		if len(v.b) > MaxIDLen {
			tooLong(rep, s.file, line, v.col.String(), rd.TextOf(v.b[:MaxIDLen]), len(v.b))
			ok = false
		}
	}
	return ok
}

// checkHeader reports missing columns; it returns false when the file cannot be read.
func (s *scan) checkHeader(h *fec.Header, rep *report.Collector) bool {
	if h.Positional {
		rep.Addf(report.Warning, "import.issue.noheader", s.file, 1, "", "")
	}
	if s.dialect.Sep == ';' {
		rep.Addf(report.Warning, "import.issue.semicolon", s.file, 1, "", ";")
	}
	if h.Trailing {
		rep.Addf(report.Info, "import.issue.trailing", s.file, 1, "", "")
	}
	ok := true
	for _, c := range h.Missing() {
		switch c {
		case fec.JournalCode, fec.EcritureDate, fec.CompteNum, fec.Debit, fec.Credit:
			rep.Addf(report.Fatal, "import.issue.column", s.file, 1, c.String(), "")
			ok = false
		default:
			rep.Addf(report.Error, "import.issue.column", s.file, 1, c.String(), "")
		}
	}
	return ok
}

func (s *scan) amount(rd *fec.Reader, c fec.Column, rep *report.Collector) ledger.Cents {
	raw := rd.Field(c)
	v, fl, err := field.Amount(raw)
	if errors.Is(err, field.ErrAmountGrouping) {
		rep.Addf(report.Fatal, "importstrict.grouping", s.file, rd.Line(), c.String(), rd.TextOf(raw))
		return 0
	}
	if err != nil {
		rep.Addf(report.Fatal, "import.issue.amount", s.file, rd.Line(), c.String(), rd.TextOf(raw))
		return 0
	}
	if fl != 0 {
		switch {
		case fl&field.Grouping != 0:
			rep.Addf(report.Warning, "import.issue.grouping", s.file, rd.Line(), c.String(), rd.TextOf(raw))
		case fl&field.Dot != 0:
			rep.Addf(report.Warning, "import.issue.dot", s.file, rd.Line(), c.String(), rd.TextOf(raw))
		}
	}
	return v
}

func (s *scan) date(rd *fec.Reader, c fec.Column, rep *report.Collector) ledger.Date {
	raw := rd.Field(c)
	if len(raw) == 0 {
		return ledger.NoDate
	}
	dc := &s.dates[c]
	if len(raw) == 8 && string(raw) == string(dc.raw[:]) {
		if dc.d == ledger.NoDate {
			s.zeroDate(rd, c, raw, rep)
		}
		return dc.d
	}
	d, fl, err := field.Date(raw)
	if err == nil && fl == 0 && len(raw) == 8 {
		copy(dc.raw[:], raw)
		dc.d = d
	}
	if err != nil {
		rep.Addf(report.Fatal, "import.issue.date", s.file, rd.Line(), c.String(), rd.TextOf(raw))
		return ledger.NoDate
	}
	if fl&(field.Separators|field.DayFirst) != 0 {
		rep.Addf(report.Warning, "import.issue.dateform", s.file, rd.Line(), c.String(), rd.TextOf(raw))
	}
	if d == ledger.NoDate {
		s.zeroDate(rd, c, raw, rep)
	}
	return d
}

// zeroDate reports a date written but meaning none ("00000000", "0") in a column
// where a date is required: the line's date (EcritureDate) or its document's
// (PieceDate). An item without a date would never fall due. Elsewhere (DateLet,
// ValidDate) it stands for an empty date.
func (s *scan) zeroDate(rd *fec.Reader, c fec.Column, raw []byte, rep *report.Collector) {
	if (c == fec.EcritureDate || c == fec.PieceDate) && len(trim(raw)) > 0 {
		rep.Addf(report.Fatal, "importstrict.zerodate", s.file, rd.Line(), c.String(), rd.TextOf(raw))
	}
}

// required checks the fields the DGFiP tool requires (reference/fec.md §1.6, 7–8).
func (s *scan) required(rd *fec.Reader, rep *report.Collector, line int, jc, num, acct, piece []byte) {
	if len(num) == 0 {
		rep.Addf(report.Error, "import.issue.required", s.file, line, fec.EcritureNum.String(), "")
	}
	if len(acct) == 0 {
		rep.Addf(report.Error, "import.issue.required", s.file, line, fec.CompteNum.String(), "")
	} else if len(acct) < 3 || acct[0] < '0' || acct[0] > '9' || acct[1] < '0' || acct[1] > '9' || acct[2] < '0' || acct[2] > '9' {
		rep.Addf(report.Warning, "import.issue.account", s.file, line, fec.CompteNum.String(), rd.TextOf(acct))
	}
	if len(trim(rd.Field(fec.EcritureDate))) == 0 {
		rep.Addf(report.Error, "import.issue.required", s.file, line, fec.EcritureDate.String(), "")
	}
	if len(trim(rd.Field(fec.CompteLib))) == 0 {
		rep.Addf(report.Error, "import.issue.required", s.file, line, fec.CompteLib.String(), "")
	}
	if len(trim(rd.Field(fec.EcritureLib))) == 0 {
		rep.Addf(report.Error, "import.issue.required", s.file, line, fec.EcritureLib.String(), "")
	}
	if len(jc) == 0 {
		rep.Addf(report.Warning, "import.issue.empty_field", s.file, line, fec.JournalCode.String(), "")
	}
	if len(piece) == 0 {
		rep.Addf(report.Warning, "import.issue.empty_field", s.file, line, fec.PieceRef.String(), "")
	}
}

// checkBalances reports unbalanced entries (Σ debit ≠ Σ credit per entry) in line
// order, and an unbalanced file.
func (s *scan) checkBalances(entries map[uint64]entryAcc, rep *report.Collector) {
	var bad []entryAcc
	for _, e := range entries {
		if e.sum != 0 {
			bad = append(bad, e)
		}
	}
	sort.Slice(bad, func(i, j int) bool { return bad[i].line < bad[j].line })
	for _, e := range bad {
		rep.Addf(report.Error, "import.issue.entry", s.file, int(e.line), fec.EcritureNum.String(), ledger.Cents(e.sum).String())
	}
	if s.debit != s.credit {
		rep.Addf(report.Error, "import.issue.total", s.file, 0, "", (s.debit - s.credit).String(),
			"debit", s.debit.String(), "credit", s.credit.String())
	}
	if s.mixed > 0 {
		rep.Addf(report.Info, "import.issue.mixed_total", s.file, 0, "", strconv.Itoa(s.mixed))
	}
}
