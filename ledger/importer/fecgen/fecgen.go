// Package fecgen writes synthetic but realistic FEC files (sales, payments lettered
// with their invoices, purchases, opening balances) for benchmarks and tests. The
// output is deterministic for a given Config.
package fecgen

import (
	"bufio"
	"container/heap"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"

	"relance/ledger"
)

// Config says what to generate.
type Config struct {
	Lines     int         // approximate number of data lines (at least this many)
	Customers int         // number of customers (auxiliary accounts under 411000)
	Seed      uint64      // random seed
	Start     ledger.Date // first day of the fiscal year (default 2025-01-01)
	Sep       byte        // '|' or '\t' (default '|')
}

// Stats describes what was written.
type Stats struct {
	Lines      int          // data lines
	Bytes      int64        // bytes written, header included
	Receivable ledger.Cents // Σ debit − Σ credit of 411 lines
}

type payment struct {
	due    ledger.Date
	cust   int
	amount int64
	let    string
	piece  string
}

// Write writes a FEC with a header line to w.
func Write(w io.Writer, cfg Config) (Stats, error) {
	if cfg.Customers <= 0 {
		cfg.Customers = 1000
	}
	if !cfg.Start.Valid() {
		cfg.Start = ledger.NewDate(2025, 1, 1)
	}
	if cfg.Sep == 0 {
		cfg.Sep = '|'
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	var st Stats
	sep := string(cfg.Sep)
	head := "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\r\n"
	if cfg.Sep != '|' {
		head = replaceSep(head, cfg.Sep)
	}
	n, _ := bw.WriteString(head)
	st.Bytes += int64(n)
	letters := make([]int, cfg.Customers)
	var queue payments
	buf := make([]byte, 0, 256)
	entry := 0
	line := func(j, jl string, date ledger.Date, acct, acctLib, aux, auxLib, piece, lib string, d, c int64, let string, dateLet ledger.Date) {
		ds := compact(date)
		buf = buf[:0]
		for i, f := range [...]string{j, jl, strconv.Itoa(entry), ds, acct, acctLib, aux, auxLib, piece, ds, lib} {
			if i > 0 {
				buf = append(buf, sep...)
			}
			buf = append(buf, f...)
		}
		buf = append(buf, sep...)
		buf = appendAmount(buf, d)
		buf = append(buf, sep...)
		buf = appendAmount(buf, c)
		buf = append(buf, sep...)
		buf = append(buf, let...)
		buf = append(buf, sep...)
		if dateLet.Valid() {
			buf = append(buf, compact(dateLet)...)
		}
		buf = append(buf, sep...)
		buf = append(buf, ds...)
		buf = append(buf, sep...)
		buf = append(buf, sep...)
		buf = append(buf, "\r\n"...)
		n, _ := bw.Write(buf)
		st.Bytes += int64(n)
		st.Lines++
		if acct == "411000" {
			st.Receivable += ledger.Cents(d - c)
		}
	}
	// Opening balances: one line per tenth customer.
	entry++
	var total int64
	for i := 0; i < cfg.Customers; i += 10 {
		amt := int64(10000 + rng.IntN(500000))
		total += amt
		line("AN", "A nouveaux", cfg.Start, "411000", "Clients", auxOf(i), nameOf(i), "RAN", "Report à nouveau", amt, 0, "", ledger.NoDate)
	}
	line("AN", "A nouveaux", cfg.Start, "890000", "Bilan d'ouverture", "", "", "RAN", "Report à nouveau", 0, total, "", ledger.NoDate)
	for st.Lines < cfg.Lines {
		day := cfg.Start.AddDays(st.Lines * 360 / max(cfg.Lines, 1))
		for len(queue) > 0 && queue[0].due <= day {
			p := heap.Pop(&queue).(payment)
			entry++
			line("BQ", "Banque", day, "512000", "Banque", "", "", p.piece, "Virement "+nameOf(p.cust), p.amount, 0, "", ledger.NoDate)
			line("BQ", "Banque", day, "411000", "Clients", auxOf(p.cust), nameOf(p.cust), p.piece, "Virement "+nameOf(p.cust), 0, p.amount, p.let, day)
		}
		entry++
		switch r := rng.IntN(10); {
		case r < 6: // sales invoice
			c := rng.IntN(cfg.Customers)
			ht := int64(1000 + rng.IntN(2000000))
			tva := ht / 5
			piece := "F" + strconv.Itoa(entry)
			lib := "Facture " + piece + " " + nameOf(c)
			let, dateLet := "", ledger.NoDate
			if rng.IntN(10) < 7 {
				letters[c]++
				let = letterCode(letters[c])
				dateLet = day.AddDays(20 + rng.IntN(40))
				heap.Push(&queue, payment{due: dateLet, cust: c, amount: ht + tva, let: let, piece: "VIR" + strconv.Itoa(entry)})
			}
			line("VE", "Ventes", day, "411000", "Clients", auxOf(c), nameOf(c), piece, lib, ht+tva, 0, let, dateLet)
			line("VE", "Ventes", day, "706000", "Prestations de services", "", "", piece, lib, 0, ht, "", ledger.NoDate)
			line("VE", "Ventes", day, "445710", "TVA collectée", "", "", piece, lib, 0, tva, "", ledger.NoDate)
		default: // purchase
			ht := int64(1000 + rng.IntN(500000))
			tva := ht / 5
			piece := "A" + strconv.Itoa(entry)
			line("AC", "Achats", day, "401000", "Fournisseurs", "FOUR"+strconv.Itoa(rng.IntN(200)), "Fournisseur", piece, "Achat fournitures", 0, ht+tva, "", ledger.NoDate)
			line("AC", "Achats", day, "606000", "Achats non stockés", "", "", piece, "Achat fournitures", ht, 0, "", ledger.NoDate)
			line("AC", "Achats", day, "445660", "TVA déductible", "", "", piece, "Achat fournitures", tva, 0, "", ledger.NoDate)
		}
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("fecgen: %w", err)
	}
	return st, nil
}

// payments is a min-heap of pending payments by date.
type payments []payment

// Len implements heap.Interface.
func (q payments) Len() int { return len(q) }

// Less implements heap.Interface: earliest payment first.
func (q payments) Less(i, j int) bool { return q[i].due < q[j].due }

// Swap implements heap.Interface.
func (q payments) Swap(i, j int) { q[i], q[j] = q[j], q[i] }

// Push implements heap.Interface.
func (q *payments) Push(x any) { *q = append(*q, x.(payment)) }

// Pop implements heap.Interface.
func (q *payments) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

func replaceSep(s string, sep byte) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '|' {
			b[i] = sep
		}
	}
	return string(b)
}

func auxOf(i int) string  { return "C" + strconv.Itoa(100000+i) }
func nameOf(i int) string { return "Client numéro " + strconv.Itoa(i) }

// letterCode returns the n-th lettering code: AAA, AAB, …
func letterCode(n int) string {
	b := []byte("AAA")
	for i := 2; i >= 0; i-- {
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b) + strconv.Itoa(n)
}

func compact(d ledger.Date) string {
	y, m, day := d.YMD()
	return strconv.Itoa(y*10000 + int(m)*100 + day)
}

func appendAmount(b []byte, c int64) []byte {
	b = strconv.AppendInt(b, c/100, 10)
	b = append(b, ',')
	if c%100 < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, c%100, 10)
}
