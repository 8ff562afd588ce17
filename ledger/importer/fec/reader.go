package fec

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"relance/ledger/importer/field"
	"relance/ledger/importer/report"
)

// IssueFunc receives the reader's findings about the file's form (field counts,
// encoding, blank lines). Keys are i18n keys.
type IssueFunc func(sev report.Severity, key string, line int, field, value string)

// Reader yields the lines of a FEC one by one. The fields of the current line are
// slices of an internal buffer, valid until the next call to Next.
type Reader struct {
	br      *bufio.Reader
	d       Dialect
	h       Header
	eol     byte
	issue   IssueFunc
	line    int // physical line of the current record
	spill   []byte
	ends    []int32  // end offset in cur of each field (the separators, then len(cur))
	fields  [][]byte // unquoted fields, only for a quoted dialect
	cur     []byte
	enc     Encoding
	pending bool // positional header: the first line is data, not yet returned
	encDone bool // enc is decided for the current line
	mixed   int
}

// BufferSize is the read buffer: large enough for one read per megabyte.
const BufferSize = 128 << 10

// NewReader sniffs the dialect from the first bytes of r (unless d is given), reads the
// header and returns a reader positioned on the first data line. issue may be nil.
func NewReader(r io.Reader, d *Dialect, issue IssueFunc) (*Reader, error) {
	br := bufio.NewReaderSize(r, BufferSize)
	sample, err := br.Peek(SampleSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(bytes.TrimSpace(sample)) == 0 {
		return nil, ErrEmpty
	}
	if v, ok := field.UTF16(sample); ok {
		return nil, &field.UTF16Error{Variant: v}
	}
	if IsXML(sample) {
		return nil, ErrXML
	}
	sniffed, ok := Sniff(sample)
	if d == nil {
		if !ok {
			return nil, ErrNoSeparator
		}
		d = &sniffed
	} else if sniffed.BOM {
		d.BOM = true
	}
	if d.BOM && bytes.HasPrefix(sample, utf8BOM) {
		if _, err := br.Discard(3); err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
	}
	if issue == nil {
		issue = func(report.Severity, string, int, string, string) {}
	}
	rd := &Reader{br: br, d: *d, eol: '\n', issue: issue, ends: make([]int32, 0, 32)}
	if d.EOL == CR {
		rd.eol = '\r'
	}
	if err := rd.readHeader(); err != nil {
		return nil, err
	}
	return rd, nil
}

// Errors of NewReader.
var (
	ErrEmpty       = errors.New("empty file")
	ErrNoSeparator = errors.New("no TAB or | separator on the first line")
	// ErrXML is the XML variant of the FEC (article A47 A-1 of the LPF, the DGFiP's
	// schema: <comptabilite><exercice><journal><ecriture><ligne>), which is not read:
	// the user is asked for the flat text variant.
	ErrXML = errors.New("FEC in the XML format")
)

// IsXML reports whether a file starts as an XML document (after an optional UTF-8
// byte order mark and blanks): the XML variant of the FEC.
func IsXML(sample []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(sample, utf8BOM), " \t\r\n")
	return bytes.HasPrefix(b, []byte("<?xml")) || bytes.HasPrefix(b, []byte("<comptabilite"))
}

// Dialect returns the dialect in use.
func (r *Reader) Dialect() Dialect { return r.d }

// Header returns the column map.
func (r *Reader) Header() *Header { return &r.h }

// Line returns the physical line number (1-based) of the current record.
func (r *Reader) Line() int { return r.line }

// Mixed returns how many lines were not in the file's encoding (decoded per line),
// among the lines whose texts were read.
func (r *Reader) Mixed() int { return r.mixed }

func (r *Reader) readHeader() error {
	for {
		line, err := r.readLine()
		if len(line) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return ErrEmpty
			}
			return err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r.split(line)
		enc := r.d.Encoding
		if utf8.Valid(line) {
			enc = UTF8
		}
		cells := make([]string, len(r.ends))
		for i := range r.ends {
			cells[i] = decode(r.at(i), enc)
		}
		r.h = ParseHeader(cells)
		if r.h.Positional {
			r.cur = line
			r.pending = true
			r.encDone = false
			r.fit()
		}
		return nil
	}
}

// readLine returns the next physical line without its terminator (all trailing CR
// and LF removed). The slice is valid until the next call.
func (r *Reader) readLine() ([]byte, error) {
	r.spill = r.spill[:0]
	var line []byte
	var err error
	for {
		var chunk []byte
		chunk, err = r.br.ReadSlice(r.eol)
		if errors.Is(err, bufio.ErrBufferFull) {
			r.spill = append(r.spill, chunk...)
			continue
		}
		if len(r.spill) > 0 {
			r.spill = append(r.spill, chunk...)
			line = r.spill
		} else {
			line = chunk
		}
		break
	}
	if len(line) > 0 || err == nil {
		r.line++
	}
	for len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	if errors.Is(err, io.EOF) && len(line) > 0 {
		err = nil
	}
	return line, err
}

// Next advances to the next data line. It returns io.EOF at the end of the file.
// Blank lines are skipped (and reported as info).
func (r *Reader) Next() error {
	if r.pending {
		r.pending = false
		return nil
	}
	for {
		line, err := r.readLine()
		if err != nil && len(line) == 0 {
			if errors.Is(err, io.EOF) {
				return io.EOF
			}
			return fmt.Errorf("line %d: %w", r.line+1, err)
		}
		if len(line) == 0 || len(bytes.TrimSpace(line)) == 0 {
			r.issue(report.Info, "import.issue.blank", r.line, "", "")
			if err != nil {
				return io.EOF
			}
			continue
		}
		r.encDone = false
		r.split(line)
		r.fit()
		return nil
	}
}

// ensureEncoding decides the current line's encoding on first use: lines whose
// texts are never decoded are never checked.
func (r *Reader) ensureEncoding() {
	if !r.encDone {
		r.encDone = true
		r.decideEncoding()
	}
}

// decideEncoding picks the current line's encoding: a line that is not valid UTF-8
// in a UTF-8 file, or a valid non-ASCII UTF-8 line in a single-byte file, is decoded
// on its own and counted as mixed.
func (r *Reader) decideEncoding() {
	valid := utf8.Valid(r.cur)
	switch {
	case r.d.Encoding == UTF8 && !valid:
		r.enc = ISO885915
		for _, c := range r.cur {
			if c >= 0x80 && c <= 0x9F {
				r.enc = Windows1252
				break
			}
		}
		r.mixed++
		r.issue(report.Warning, "import.issue.mixed", r.line, "", r.enc.String())
	case r.d.Encoding != UTF8 && valid && !isASCII(r.cur):
		r.enc = UTF8
		r.mixed++
		r.issue(report.Warning, "import.issue.mixed", r.line, "", UTF8.String())
	default:
		r.enc = r.d.Encoding
	}
}

// split cuts line on the separator: it records where each field ends (no slice
// headers written per field) and, for a quoted dialect, the unquoted fields.
func (r *Reader) split(line []byte) {
	r.cur = line
	e := r.ends[:0]
	sep := r.d.Sep
	i := 0
	// Eight bytes at a time: m has 0x80 in each byte of the word equal to sep (an
	// exact test, no false positives).
	const lo7, hi = 0x7F7F7F7F7F7F7F7F, 0x8080808080808080
	pat := uint64(sep) * 0x0101010101010101
	for ; i+8 <= len(line); i += 8 {
		x := binary.LittleEndian.Uint64(line[i:]) ^ pat
		m := ^(((x & lo7) + lo7) | x) & hi
		for m != 0 {
			e = append(e, int32(i+bits.TrailingZeros64(m)>>3))
			m &= m - 1
		}
	}
	for ; i < len(line); i++ {
		if line[i] == sep {
			e = append(e, int32(i))
		}
	}
	r.ends = append(e, int32(len(line)))
	r.unquoteAll()
}

// at returns field i of the current line as read.
func (r *Reader) at(i int) []byte {
	start := 0
	if i > 0 {
		start = int(r.ends[i-1]) + 1
	}
	return r.cur[start:r.ends[i]:r.ends[i]]
}

func (r *Reader) unquoteAll() {
	if !r.d.Quoted {
		return
	}
	r.fields = r.fields[:0]
	for i := range r.ends {
		r.fields = append(r.fields, r.unquote(r.at(i)))
	}
}

func (r *Reader) unquote(f []byte) []byte {
	if r.d.Quoted {
		t := trimSpace(f)
		if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
			return t[1 : len(t)-1]
		}
	}
	return f
}

// fit reconciles the number of fields with the header: a trailing empty field is
// dropped; extra fields are re-joined into EcritureLib (a separator inside the label,
// reference/fec.md §3.2); missing fields are reported and read as empty.
func (r *Reader) fit() {
	n, want := len(r.ends), r.h.Count
	if n == want+1 && len(trimSpace(r.at(n-1))) == 0 {
		r.ends = r.ends[:want]
		if r.d.Quoted {
			r.fields = r.fields[:want]
		}
		return
	}
	switch {
	case n == want:
	case n > want:
		lib := r.h.Index[EcritureLib]
		if lib < 0 || r.h.Positional {
			r.issue(report.Error, "import.issue.fields", r.line, "", strconv.Itoa(n))
			return
		}
		k := n - want
		if len(trimSpace(r.at(n-1))) == 0 && r.h.Trailing {
			k--
		}
		// Re-join fields lib..lib+k: forget the k separators between them.
		r.ends = append(r.ends[:lib], r.ends[lib+k:]...)
		r.unquoteAll()
		r.issue(report.Warning, "import.issue.rejoined", r.line, EcritureLib.String(), strconv.Itoa(n))
	default:
		r.issue(report.Error, "import.issue.fields", r.line, "", strconv.Itoa(n))
	}
}

// Field returns the raw bytes of column c on the current line (nil when the column
// is absent or the line too short).
func (r *Reader) Field(c Column) []byte {
	i := r.h.Index[c]
	if i < 0 || i >= len(r.ends) {
		return nil
	}
	if r.d.Quoted {
		return r.fields[i]
	}
	return r.at(i)
}

// Text returns column c of the current line decoded to UTF-8 and trimmed.
func (r *Reader) Text(c Column) string { return r.TextOf(r.Field(c)) }

// TextOf decodes raw bytes of the current line (e.g. from Field) to UTF-8.
func (r *Reader) TextOf(b []byte) string {
	r.ensureEncoding()
	return decode(b, r.enc)
}

// Encoding returns the encoding used for the current line.
func (r *Reader) Encoding() Encoding {
	r.ensureEncoding()
	return r.enc
}

// NumFields returns the number of fields of the current line after fitting.
func (r *Reader) NumFields() int { return len(r.ends) }

// AppendText appends raw bytes of the current line, decoded to UTF-8 and trimmed, to
// dst, without allocating when dst has room.
func (r *Reader) AppendText(dst, raw []byte) []byte {
	r.ensureEncoding()
	return appendDecoded(dst, raw, r.enc)
}
