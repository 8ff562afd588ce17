package letterpdf

import (
	"bytes"
	"io"
	"testing"
	"time"

	"relance/ledger/demo"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// benchLetters composes the first reminder of every overdue demo customer (53 letters,
// one page each, 1 to 16 invoices).
func benchLetters(b testing.TB) []*compose.Letter {
	book := demo.Book(today)
	r := testRates(b)
	var out []*compose.Letter
	for _, j := range OverdueJobs(book, today, templates.R1, nil) {
		l, err := compose.Compose(compose.Input{Settings: book.Settings, Account: book.Account(j.Customer), Stage: j.Stage, Date: today, Rates: r})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, l)
	}
	return out
}

// BenchmarkLetterPDF renders one-page letters as separate PDFs on one goroutine
// (target ≥ 1,000 letters/s on one core; about 2,000 per CPU second measured).
func BenchmarkLetterPDF(b *testing.B) {
	ls := benchLetters(b)
	f := pdfdoc.NewFactory()
	var buf bytes.Buffer
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, ls[n%len(ls)], Options{Factory: f}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	report(b, n, cpu0, "letters")
}

// report writes the rate per wall-clock second and per CPU second (the machine is
// shared: the second is what one core does).
func report(b *testing.B, n int, cpu0 time.Duration, unit string) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), unit+"/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), unit+"/cpu-s")
	}
}

// BenchmarkBatchFiles is the whole of `relance letters`: compose each letter from the
// dossier, render it and write it to its own file.
func BenchmarkBatchFiles(b *testing.B) {
	book := demo.Book(today)
	r := testRates(b)
	jobs := OverdueJobs(book, today, templates.R1, nil)
	dir := b.TempDir()
	f := pdfdoc.NewFactory()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		res, err := Batch(book, jobs, BatchOptions{Date: today, Dir: dir, Factory: f, Rates: r})
		if err != nil {
			b.Fatal(err)
		}
		n += len(res)
	}
	report(b, n, cpu0, "letters")
}

// BenchmarkMergedLetters renders 1,000 letters into one PDF for printing (target
// ≥ 1,500 pages/s on one core), with page contents left uncompressed (what Batch
// writes for the printer) and compressed.
func BenchmarkMergedLetters(b *testing.B) {
	ls := benchLetters(b)
	var all []*compose.Letter
	for len(all) < 1000 {
		all = append(all, ls...)
	}
	all = all[:1000]
	f := pdfdoc.NewFactory()
	for _, raw := range []bool{true, false} {
		name := "uncompressed"
		if !raw {
			name = "compressed"
		}
		b.Run(name, func(b *testing.B) {
			pages := 0
			cpu0 := cpuTime()
			for b.Loop() {
				if err := RenderMerged(io.Discard, all, "print", Options{Factory: f, Uncompressed: raw}); err != nil {
					b.Fatal(err)
				}
				pages += len(all)
			}
			report(b, pages, cpu0, "pages")
		})
	}
}
