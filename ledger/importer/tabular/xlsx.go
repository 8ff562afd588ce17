package tabular

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"relance/ledger"
)

// XLSXLimits bound what ReadXLSX reads, so that a hostile or broken workbook (a zip
// bomb, a merged range over the whole sheet, a million empty rows) is refused in
// seconds and in bounded memory instead of exhausting the machine.
type XLSXLimits struct {
	// File is the largest workbook (compressed), in bytes.
	File int64
	// Sheet is the largest sheet part, uncompressed, in bytes (it is streamed).
	Sheet int64
	// Part is the largest other part read whole (workbook, relations, shared
	// strings), uncompressed, in bytes.
	Part int64
	// Rows and Cols bound the sheet's rows and columns.
	Rows, Cols int
	// Merged bounds the number of merged ranges, and MergedCells the cells they
	// cover within the rows and columns read.
	Merged, MergedCells int
}

// DefaultXLSXLimits fit the largest ledger a spreadsheet holds: a sheet of a million
// rows of ten columns is about 500 MB of XML; Excel itself stops at 1,048,576 rows
// and a sheet that reaches them is a truncated export.
var DefaultXLSXLimits = XLSXLimits{
	File:        512 << 20,
	Sheet:       2 << 30,
	Part:        256 << 20,
	Rows:        1_000_000,
	Cols:        1_000,
	Merged:      10_000,
	MergedCells: 1_000_000,
}

// MaxTableFile is the largest CSV or XLSX file read whole into memory (a CSV export,
// a customer file, a bank statement): 1 GiB, twice a million-line ledger.
const MaxTableFile = 1 << 30

// MaxCSVRows bounds the rows of a CSV file: a million-line ledger and room to spare.
const MaxCSVRows = 1_100_000

// LimitError is a file beyond one of the limits: XLSXLimits, MaxTableFile, MaxCSVRows.
type LimitError struct {
	What   string // "file", "size", "rows", "cols", "merged"
	Limit  int64
	Sheet  string
	Format string // "csv" for a CSV file, "" for a workbook
}

// Error implements error.
func (e *LimitError) Error() string {
	return fmt.Sprintf("workbook beyond the %s limit (%d)", e.What, e.Limit)
}

// Value returns the limit as the messages give it: megabytes for sizes, a count
// otherwise.
func (e *LimitError) Value() string {
	if e.What == "file" || e.What == "size" {
		return strconv.FormatInt(e.Limit>>20, 10)
	}
	return strconv.FormatInt(e.Limit, 10)
}

// Key returns the catalogue key of the finding in an import report
// (importstrict.xlsx.<what>: the limit as {value}, the sheet as {sheet}).
func (e *LimitError) Key() string { return "importstrict." + e.format() + "." + e.What }

func (e *LimitError) format() string {
	if e.Format == "csv" {
		return "csv"
	}
	return "xlsx"
}

// Problem returns the refusal as a message naming the file (importstrict.err.xlsx.<what>).
func (e *LimitError) Problem(file string) *ledger.Problem {
	return &ledger.Problem{Key: "importstrict.err." + e.format() + "." + e.What, Args: []string{"file", file, "value", e.Value()}}
}

// ErrNotWorkbook is a zip archive without a workbook in it.
var ErrNotWorkbook = errors.New("not an XLSX workbook")

// ReadXLSX reads one sheet of a workbook (the first when sheet is ""), with raw cell
// values (numbers and date serials as written, not as displayed), and marks formula
// and merged cells so that the importer can name them in errors. The sheet is
// streamed; nothing is written to disk; DefaultXLSXLimits apply.
func ReadXLSX(r io.Reader, sheet string) (*Table, error) {
	return ReadXLSXLimits(r, sheet, DefaultXLSXLimits)
}

// ReadXLSXLimits is ReadXLSX with explicit limits.
func ReadXLSXLimits(r io.Reader, sheet string, lim XLSXLimits) (*Table, error) {
	ra, size, err := readerAt(r, lim.File)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, fmt.Errorf("open workbook: %w", err)
	}
	wb := &workbook{zr: zr, lim: lim, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		wb.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	name, part, err := wb.sheetPart(sheet)
	if err != nil {
		return nil, err
	}
	if err := wb.loadStrings(); err != nil {
		return nil, err
	}
	t := &Table{Format: "xlsx", Sheet: name}
	if err := wb.readSheet(part, t); err != nil {
		return nil, err
	}
	return t, nil
}

// readerAt returns r as a ReaderAt, reading it into memory unless it is one already.
func readerAt(r io.Reader, maxSize int64) (io.ReaderAt, int64, error) {
	if br, ok := r.(*bytes.Reader); ok {
		if br.Size() > maxSize {
			return nil, 0, &LimitError{What: "file", Limit: maxSize}
		}
		return br, br.Size(), nil
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, 0, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > maxSize {
		return nil, 0, &LimitError{What: "file", Limit: maxSize}
	}
	return bytes.NewReader(data), int64(len(data)), nil
}

// workbook is an open XLSX archive.
type workbook struct {
	zr      *zip.Reader
	lim     XLSXLimits
	files   map[string]*zip.File
	strings []string // shared strings
	ssPart  string
}

// open opens a part, refusing one whose declared size is beyond max (the zip reader
// refuses to inflate more than the declared size).
func (wb *workbook) open(name string, max int64) (io.ReadCloser, error) {
	f := wb.files[name]
	if f == nil {
		return nil, fmt.Errorf("%s: %w", name, ErrNotWorkbook)
	}
	if f.UncompressedSize64 > uint64(max) {
		return nil, &LimitError{What: "size", Limit: max}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rc, nil
}

// decode reads a small part whole into v.
func (wb *workbook) decode(name string, v any) error {
	rc, err := wb.open(name, wb.lim.Part)
	if err != nil {
		return err
	}
	err = xml.NewDecoder(rc).Decode(v)
	if cerr := rc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// rels is a relationships part.
type rels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// target resolves a relationship target against the folder of its source part.
func target(dir, t string) string {
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(t, "/")
	}
	return path.Clean(path.Join(dir, t))
}

// sheetPart returns the name and the part of the sheet (the first when name is "").
func (wb *workbook) sheetPart(name string) (string, string, error) {
	wbPart := "xl/workbook.xml"
	var root rels
	if _, ok := wb.files["_rels/.rels"]; ok {
		if err := wb.decode("_rels/.rels", &root); err != nil {
			return "", "", err
		}
		for _, r := range root.Rel {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPart = target("", r.Target)
			}
		}
	}
	var w struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := wb.decode(wbPart, &w); err != nil {
		return "", "", err
	}
	dir := path.Dir(wbPart)
	var wr rels
	relPart := path.Join(dir, "_rels", path.Base(wbPart)+".rels")
	if err := wb.decode(relPart, &wr); err != nil {
		return "", "", err
	}
	byID := map[string]string{}
	for _, r := range wr.Rel {
		byID[r.ID] = target(dir, r.Target)
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			wb.ssPart = target(dir, r.Target)
		}
	}
	for _, s := range w.Sheets {
		if name == "" || s.Name == name {
			p, ok := byID[s.RID]
			if !ok {
				break
			}
			return s.Name, p, nil
		}
	}
	if name == "" && len(w.Sheets) == 0 {
		return "", "", fmt.Errorf("%w: no sheet", ErrNotWorkbook)
	}
	return "", "", fmt.Errorf("sheet %q: %w", name, ErrNoSheet)
}

// loadStrings reads the shared strings: the text of each <si>, its runs joined,
// phonetic readings left out.
func (wb *workbook) loadStrings() error {
	if wb.ssPart == "" {
		return nil
	}
	if _, ok := wb.files[wb.ssPart]; !ok {
		return nil
	}
	rc, err := wb.open(wb.ssPart, wb.lim.Part)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var sb strings.Builder
	in, depthPh, inT := false, 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", wb.ssPart, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch tk.Name.Local {
			case "si":
				in = true
				sb.Reset()
			case "rPh":
				depthPh++
			case "t":
				inT = in && depthPh == 0
			}
		case xml.EndElement:
			switch tk.Name.Local {
			case "si":
				wb.strings = append(wb.strings, sb.String())
				in = false
			case "rPh":
				depthPh--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				sb.Write(tk)
			}
		}
	}
}
