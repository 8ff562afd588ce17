package pdfdoc

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkOnePagePDF writes one-page letters as separate PDFs, one after the other on
// one goroutine (the letters issue needs ≥ 300/s on one core).
func BenchmarkOnePagePDF(b *testing.B) {
	f := NewFactory()
	var buf bytes.Buffer
	n := 0
	for b.Loop() {
		buf.Reset()
		if err := f.Render(&buf, Meta{Created: created}, func(d *Doc) error { letter(d, n); return nil }); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "letters/s")
	b.ReportMetric(float64(buf.Len()), "bytes/letter")
}

// BenchmarkOnePagePDFUnicode is the same with fpdf's UTF-8 font path (a letter with a
// character outside relance-1252 pays this), for comparison.
func BenchmarkOnePagePDFUnicode(b *testing.B) {
	f := NewFactory()
	f.enc = nil
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := f.Render(&buf, Meta{Created: created}, func(d *Doc) error { letter(d, 1); return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "letters/s")
	b.ReportMetric(float64(buf.Len()), "bytes/letter")
}

// BenchmarkMergedPages writes 1,000 one-page letters into one PDF for printing
// (the letters issue needs ≥ 1,500 pages/s), with and without content compression.
func BenchmarkMergedPages(b *testing.B) {
	const pages = 1000
	f := NewFactory()
	for _, raw := range []bool{false, true} {
		name := "compressed"
		if raw {
			name = "uncompressed"
		}
		b.Run(name, func(b *testing.B) {
			var size int
			for b.Loop() {
				cw := &countWriter{}
				if err := f.Render(cw, Meta{Created: created, Uncompressed: raw}, func(d *Doc) error {
					for i := 0; i < pages; i++ {
						letter(d, i)
					}
					return nil
				}); err != nil {
					b.Fatal(err)
				}
				size = cw.n
			}
			b.ReportMetric(float64(b.N*pages)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(size), "bytes/1000pages")
		})
	}
}

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
