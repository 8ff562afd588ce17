package tabular

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// workbookParts are the parts of a minimal workbook around its one sheet.
var workbookParts = map[string]string{
	"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
	"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

// writeWorkbook writes a workbook whose sheet part is written by sheet.
func writeWorkbook(w io.Writer, sheet func(io.Writer) error) error {
	zw := zip.NewWriter(w)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		fw, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, workbookParts[name]); err != nil {
			return err
		}
	}
	fw, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	if err := sheet(fw); err != nil {
		return err
	}
	return zw.Close()
}

// MergedBomb is a 2 KB workbook of one row whose sheet merges A1:XFD1048576.
func MergedBomb(w io.Writer) error {
	return writeWorkbook(w, func(fw io.Writer) error {
		_, err := io.WriteString(fw, sheetHead+`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Code client</t></is></c><c r="B1"><v>12</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>C1</t></is></c><c r="B2"><v>10</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`)
		return err
	})
}

// RowsBomb is a sheet of n rows of one numeric cell; dimension says whether the
// sheet announces its used range first (as Excel and excelize write it).
func RowsBomb(w io.Writer, n int, dimension bool) error {
	return writeWorkbook(w, func(fw io.Writer) error {
		bw := &bytes.Buffer{}
		bw.WriteString(sheetHead)
		if dimension {
			fmt.Fprintf(bw, `<dimension ref="A1:B%d"/>`, n)
		}
		bw.WriteString(`<sheetData>`)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(bw, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>1</v></c></row>`, i, i, i, i)
			if bw.Len() > 1<<20 {
				if _, err := fw.Write(bw.Bytes()); err != nil {
					return err
				}
				bw.Reset()
			}
		}
		bw.WriteString(`</sheetData></worksheet>`)
		_, err := fw.Write(bw.Bytes())
		return err
	})
}

// ZipBomb is a workbook whose sheet part inflates to size bytes of one cell's text.
// When lie is true, the archive declares an uncompressed size of 1 KB for it.
func ZipBomb(w io.Writer, size int64, lie bool) error {
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestCompression)
	if err != nil {
		return err
	}
	crc := crc32.NewIEEE()
	out := io.MultiWriter(fw, crc)
	head := sheetHead + `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`
	tail := `</t></is></c></row></sheetData></worksheet>`
	if _, err := io.WriteString(out, head); err != nil {
		return err
	}
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for left := size - int64(len(head)+len(tail)); left > 0; left -= int64(len(chunk)) {
		if _, err := out.Write(chunk[:min(int64(len(chunk)), left)]); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(out, tail); err != nil {
		return err
	}
	if err := fw.Close(); err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		pw, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(pw, workbookParts[name]); err != nil {
			return err
		}
	}
	declared := uint64(size)
	if lie {
		declared = 1 << 10
	}
	rw, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		return err
	}
	if _, err := rw.Write(comp.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// measure runs fn, sampling the heap, and returns how long it took and the peak heap.
func measure(fn func()) (time.Duration, uint64) {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	fn()
	d := time.Since(start)
	close(stop)
	wg.Wait()
	return d, peak.Load()
}

// TestXLSXBombs checks that each hostile workbook is refused in seconds, within a
// bounded heap, and leaves no temporary file.
func TestXLSXBombs(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	bombs := []struct {
		name string
		gen  func(io.Writer) error
		lim  XLSXLimits
		what string // the LimitError expected; "" for any error
	}{
		{"merged A1:XFD1048576", MergedBomb, DefaultXLSXLimits, ""},
		{"1048576 rows, dimension", func(w io.Writer) error { return RowsBomb(w, 1<<20, true) }, DefaultXLSXLimits, "rows"},
		{"1048576 rows, no dimension", func(w io.Writer) error { return RowsBomb(w, 1<<20, false) }, DefaultXLSXLimits, "rows"},
		// The limit is lowered so that the test does not compress gigabytes: the
		// mechanism is the same at 2 GB.
		{"zip bomb", func(w io.Writer) error { return ZipBomb(w, 64<<20, false) }, withSheet(16 << 20), "size"},
		{"zip bomb, lying size", func(w io.Writer) error { return ZipBomb(w, 64<<20, true) }, withSheet(16 << 20), ""},
	}
	for _, b := range bombs {
		t.Run(b.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := b.gen(&buf); err != nil {
				t.Fatal(err)
			}
			var tab *Table
			var err error
			d, peak := measure(func() { tab, err = ReadXLSXLimits(bytes.NewReader(buf.Bytes()), "", b.lim) })
			t.Logf("%d KB workbook: %v, peak heap %d MB, err %v", buf.Len()>>10, d.Round(time.Millisecond), peak>>20, err)
			var le *LimitError
			switch {
			case b.what != "" && (!errors.As(err, &le) || le.What != b.what):
				t.Errorf("err = %v, want the %s limit", err, b.what)
			case b.what == "" && b.name != "merged A1:XFD1048576" && err == nil:
				t.Errorf("read without error")
			}
			if b.name == "merged A1:XFD1048576" {
				// Read, clipped to what the sheet holds: B1, A2 and B2 are marked merged.
				if err != nil || len(tab.Rows) != 2 || !tab.Rows[1].Cells[1].Merged || tab.Rows[0].Cells[0].Merged {
					t.Errorf("merged range: %v, %+v", err, tab)
				}
			}
			if d > 10*time.Second {
				t.Errorf("took %v", d)
			}
			if peak > 512<<20 {
				t.Errorf("peak heap %d MB", peak>>20)
			}
			if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
				t.Errorf("temporary files left: %v", ents)
			}
		})
	}
}

func withSheet(n int64) XLSXLimits {
	l := DefaultXLSXLimits
	l.Sheet = n
	return l
}

// TestXLSXMergedOverLimit checks that merged ranges covering more cells than the
// limit within the rows read are refused with the merged limit.
func TestXLSXMergedOverLimit(t *testing.T) {
	var buf bytes.Buffer
	err := writeWorkbook(&buf, func(fw io.Writer) error {
		var sb strings.Builder
		sb.WriteString(sheetHead + `<sheetData>`)
		for i := 1; i <= 100; i++ {
			fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><v>1</v></c><c r="J%d"><v>2</v></c></row>`, i, i, i)
		}
		sb.WriteString(`</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`)
		_, err := io.WriteString(fw, sb.String())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lim := DefaultXLSXLimits
	lim.MergedCells = 500
	_, err = ReadXLSXLimits(bytes.NewReader(buf.Bytes()), "", lim)
	var le *LimitError
	if !errors.As(err, &le) || le.What != "merged" {
		t.Fatalf("err = %v, want the merged limit", err)
	}
}

// TestCSVRowLimit checks that a CSV file beyond MaxCSVRows is refused with the rows
// limit, naming it as a CSV limit.
func TestCSVRowLimit(t *testing.T) {
	_, err := ReadCSV(strings.NewReader(strings.Repeat("a;1\n", MaxCSVRows+1)), 0)
	var le *LimitError
	if !errors.As(err, &le) || le.What != "rows" || le.Key() != "importstrict.csv.rows" {
		t.Fatalf("err = %v", err)
	}
	if _, err := ReadCSV(strings.NewReader(strings.Repeat("a;1\n", 1000)), 0); err != nil {
		t.Fatal(err)
	}
}
