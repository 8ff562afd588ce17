// Package importer brings a customer ledger into a dossier: a FEC (Fichier des
// Écritures Comptables) or a CSV/XLSX open-item export becomes customers and items,
// with a validation report that never stops at the first problem.
//
// The flow, used the same way by the CLI and the GUI wizard:
//
//	det, _ := importer.Detect(path, opts)         // what was found; the user may override
//	plan, _ := importer.Prepare(ctx, path, opts)  // parse, validate, derive open items; writes nothing
//	plan.Preview(20)                              // first customers and their open items
//	importer.Apply(db, []*importer.Plan{plan}, opts) // one transaction, all or nothing
//
// Run does Prepare then Apply for several files. A plan with a fatal finding is never
// applied: Apply refuses it and the dossier is left unchanged.
package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"relance/ledger"
	"relance/ledger/importer/report"
	"relance/ledger/importer/source"
	"relance/ledger/store"
)

// Format is the kind of source file.
type Format string

// Formats.
const (
	FormatFEC  Format = "fec"
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
)

// FormatOf guesses the format from the file name: .xlsx/.xlsm are spreadsheets, .csv
// is CSV unless its name is a FEC name (SirenFECAAAAMMJJ), anything else a FEC.
func FormatOf(path string) Format {
	base := strings.ToUpper(filepath.Base(path))
	switch ext := filepath.Ext(base); {
	case ext == ".XLSX" || ext == ".XLSM":
		return FormatXLSX
	case ext == ".CSV" && !strings.Contains(base, "FEC"):
		return FormatCSV
	}
	return FormatFEC
}

// Plan is a prepared import: everything computed, nothing written.
type Plan struct {
	// Report is the validation report; Apply completes it (new customers, already imported).
	Report    *Report
	path      string
	format    Format
	customers []*planCustomer
	scan      *scan // a FEC's receivable lines, which its customers' items are made from
	rep       *report.Collector
	from, to  ledger.Date
}

// Err returns the first fatal finding (naming file, line and field), or nil.
func (p *Plan) Err() error { return p.rep.Fatal() }

// PreviewCustomer is a customer as the import would write it, with its open items.
type PreviewCustomer struct {
	Customer  ledger.Customer `json:"customer"`
	Balance   ledger.Cents    `json:"balance"`
	OpenItems []ledger.Item   `json:"open_items"`
	Items     int             `json:"items"` // all items, open or not
	FIFO      bool            `json:"fifo,omitempty"`
}

// Preview returns the first n customers (in ID order) with their open items; due
// dates not given by the file are computed with the default terms.
func (p *Plan) Preview(n int, terms ledger.Terms) []PreviewCustomer {
	var out []PreviewCustomer
	for _, pc := range p.customers {
		if len(out) >= n {
			break
		}
		items, dueSet := p.itemsOf(pc)
		v := PreviewCustomer{Customer: pc.Customer, Balance: pc.Balance(), Items: len(items), FIFO: pc.fifo}
		for i, it := range items {
			if it.Open == 0 {
				continue
			}
			if !dueSet[i] && it.Amount > 0 {
				it.DueDate = terms.Due(it.DocDate)
			}
			v.OpenItems = append(v.OpenItems, it)
		}
		out = append(out, v)
	}
	return out
}

// openProblem is the user's message for a file that cannot be opened: not a
// regular file (a FIFO, a device, a folder), or the system's error.
func openProblem(path string, err error) *ledger.Problem {
	return source.AsProblem(err, func(err error) *ledger.Problem {
		return &ledger.Problem{Key: "err.import.open", Args: []string{"file", path}, Err: err}
	})
}

// progressReader counts bytes, hashes them and reports progress.
type progressReader struct {
	r     io.Reader
	h     *asyncHash
	done  int64
	total int64
	fn    func(done, total int64)
}

// Read implements io.Reader.
func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.h.Write(b[:n])
		p.done += int64(n)
		if p.fn != nil {
			p.fn(p.done, p.total)
		}
	}
	return n, err
}

// Prepare reads and validates one file and derives its customers and open items.
// It returns an error only when the file cannot be read or ctx is cancelled; problems
// in the content are in the plan's report, and Plan.Err returns the first fatal one.
func Prepare(ctx context.Context, path string, o Options) (*Plan, error) {
	f, st, err := source.OpenRegular(path)
	if err != nil {
		return nil, openProblem(path, err)
	}
	defer f.Close()
	pr := &progressReader{r: f, h: newAsyncHash(sha256.New()), total: st.Size(), fn: o.Progress}
	defer pr.h.stop()
	rep := &report.Collector{Cap: o.Cap}
	p := &Plan{path: path, format: FormatOf(path), rep: rep}
	r := &Report{File: path, Format: p.format, Size: st.Size()}
	p.Report = r
	file := filepath.Base(path)
	switch p.format {
	case FormatFEC:
		s, err := scanFEC(ctx, pr, file, &o, rep)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, &ledger.Problem{Key: "err.import.read", Args: []string{"file", path}, Err: err}
		}
		if s != nil {
			d := s.dialect
			r.Dialect, r.Layout, r.Lines = &d, s.header.Layout, s.nlines
			r.Debit, r.Credit, r.ReceivableBalance = s.debit, s.credit, s.receivable
			p.from, p.to = s.from, s.to
			if rep.Worst() < report.Fatal {
				p.customers = buildFEC(s, rep)
				p.scan = s
				s.custs = nil // the customers' lines are in p.customers now
			}
		}
	default:
		if err := prepareTable(ctx, pr, file, p, &o); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, &ledger.Problem{Key: "err.import.read", Args: []string{"file", path}, Err: err}
		}
	}
	// Drain what the parser did not read so that the hash covers the whole file.
	if _, err := io.Copy(io.Discard, pr); err != nil {
		return nil, &ledger.Problem{Key: "err.import.read", Args: []string{"file", path}, Err: err}
	}
	r.SHA256 = hex.EncodeToString(pr.h.Sum())
	r.From, r.To = p.from, p.to
	p.fill()
	return p, nil
}

// fill computes the report's figures from the plan.
func (p *Plan) fill() {
	r := p.Report
	r.Customers, r.Items, r.OpenItems, r.Receivables, r.FIFOCustomers = len(p.customers), 0, 0, 0, 0
	for _, pc := range p.customers {
		items, open, total := pc.count()
		r.Items += items
		r.OpenItems += open
		r.Receivables += total
		if pc.fifo {
			r.FIFOCustomers++
		}
	}
	r.Fatal = p.rep.Worst() == report.Fatal
	r.Issues = p.rep.Issues()
	r.Counts = p.rep.Counts()
}

// Run prepares every file, then applies them all in one transaction: if any file has
// a fatal finding, nothing is written and the first fatal finding is returned. The
// reports are returned in any case (nil entries for files that could not be read).
func Run(ctx context.Context, db *store.DB, paths []string, o Options) ([]*Report, error) {
	if o.Settings == nil {
		var s ledger.Settings
		if err := db.View(func(tx *store.Tx) error {
			var err error
			s, err = tx.Settings()
			return err
		}); err != nil {
			return nil, err
		}
		o.Settings = &s
	}
	plans := make([]*Plan, 0, len(paths))
	reports := make([]*Report, 0, len(paths))
	var first error
	for _, path := range paths {
		p, err := Prepare(ctx, path, o)
		if err != nil {
			return reports, err
		}
		plans = append(plans, p)
		reports = append(reports, p.Report)
		if err := p.Err(); err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		return reports, first
	}
	if err := Apply(db, plans, o); err != nil {
		return reports, fmt.Errorf("import: %w", err)
	}
	return reports, nil
}
