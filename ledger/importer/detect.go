package importer

import (
	"context"
	"errors"
	"path/filepath"

	"relance/ledger"
	"relance/ledger/importer/fec"
	"relance/ledger/importer/report"
	"relance/ledger/importer/source"
	"relance/ledger/importer/tabular"
)

// Detection is what Detect found in a file. The wizard shows it and lets the user
// override the dialect, the customer key and the mapping through Options.
type Detection struct {
	File   string `json:"file"`
	Format Format `json:"format"`
	Size   int64  `json:"size"`
	// FEC
	Dialect         fec.Dialect `json:"dialect"`
	Header          fec.Header  `json:"header"`
	Layout          fec.Layout  `json:"layout,omitempty"`
	Key             KeyKind     `json:"key,omitempty"` // aux, account or mixed
	Lines           int         `json:"lines"`
	ReceivableLines int         `json:"receivable_lines"`
	Customers       int         `json:"customers"`
	From            ledger.Date `json:"from,omitempty"`
	To              ledger.Date `json:"to,omitempty"`
	// CSV/XLSX
	Table     *tabular.Table        `json:"-"`
	HeaderRow int                   `json:"header_row,omitempty"` // 1-based
	Columns   map[tabular.Field]int `json:"columns,omitempty"`    // field → 0-based column
	Headers   []string              `json:"headers,omitempty"`
	// Fatal is the first fatal finding (unreadable file, missing columns, bad dates), or nil.
	Fatal error `json:"-"`
}

// Detect reads a file once to tell how it is written (encoding, separator, line
// endings, layout, header), how customers are keyed, the period and the number of
// lines; for CSV/XLSX, where the header is and which column holds which field. It
// writes nothing and derives no open items.
func Detect(ctx context.Context, path string, o Options) (*Detection, error) {
	f, st, err := source.OpenRegular(path)
	if err != nil {
		return nil, openProblem(path, err)
	}
	defer f.Close()
	d := &Detection{File: path, Format: FormatOf(path), Size: st.Size()}
	rep := &report.Collector{Cap: 1}
	file := filepath.Base(path)
	if d.Format != FormatFEC {
		m := o.Mapping
		if m == nil {
			g := tabular.Presets()["generic"]
			m = &g
		}
		t, err := readTable(f, d.Format, m)
		var le *tabular.LimitError
		if errors.As(err, &le) {
			return nil, le.Problem(path)
		}
		if err != nil {
			return nil, &ledger.Problem{Key: "err.import.read", Args: []string{"file", path}, Err: err}
		}
		d.Table = t
		hi, cols := findHeader(t, m)
		if hi >= 0 {
			d.HeaderRow, d.Columns = t.Rows[hi].N, cols
			for _, c := range t.Rows[hi].Cells {
				d.Headers = append(d.Headers, c.Text)
			}
			d.Lines = len(t.Rows) - hi - 1
		} else {
			rep.Addf(report.Fatal, "import.issue.mapping", file, 0, "", m.Name)
		}
		d.Fatal = rep.Fatal()
		return d, nil
	}
	s, err := scanFEC(ctx, f, file, &o, rep)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &ledger.Problem{Key: "err.import.read", Args: []string{"file", path}, Err: err}
	}
	d.Fatal = rep.Fatal()
	if s == nil {
		return d, nil
	}
	d.Dialect, d.Header, d.Layout, d.Lines = s.dialect, s.header, s.header.Layout, s.nlines
	d.ReceivableLines, d.Customers, d.From, d.To = s.nrec, len(s.custs), s.from, s.to
	switch {
	case s.auxKeys > 0 && s.accKey > 0:
		d.Key = KeyMixed
	case s.auxKeys > 0:
		d.Key = KeyAux
	default:
		d.Key = KeyAccount
	}
	return d, nil
}
