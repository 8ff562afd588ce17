package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Compression of the page contents, embedding of the prebuilt fonts.
//
// fpdf compresses each page's content with a zlib writer of its own: about 1.3 MB
// allocated and cleared per page, two thirds of the cost of a one-page letter (and of
// the garbage collector's work). And it copies each embedded font file (15 KB) three
// times into a buffer that grows from nothing, per document. The documents with the
// prebuilt fonts are therefore built with fpdf's compression off and, in place of
// each font file, a short stub (Factory.stubs); rewrite then compresses the streams
// fpdf left uncompressed, with a writer that the Factory reuses, puts the font files
// in the stubs' place, and writes the cross-reference table anew. It compresses with
// the same library and level as fpdf (compress/zlib, BestSpeed), and a reset writer
// compresses as a new one does: the file is byte for byte the one fpdf writes alone
// (TestOwnDeflateIdentical).
//
// Documents with the UTF-8 fonts (the fallback) are left to fpdf: it writes there a
// ToUnicode stream that it never compresses, in the same form as a page's.

// deflater is what compressing a document's streams uses, kept by the Factory.
type deflater struct {
	zw   *zlib.Writer
	raw  bytes.Buffer // fpdf's output, streams uncompressed
	out  bytes.Buffer // the file, streams compressed
	comp bytes.Buffer // one compressed stream
	offs []int        // the objects' offsets in raw, then in out
	ord  []int        // the objects by offset
}

// getDeflater returns a deflater from the factory's pool.
func (f *Factory) getDeflater() *deflater {
	if z, ok := f.zpool.Get().(*deflater); ok {
		return z
	}
	return &deflater{}
}

// putDeflater gives z back to the pool, unless it holds an unusually large file.
func (f *Factory) putDeflater(z *deflater) {
	if z.raw.Cap() > 8<<20 || z.out.Cap() > 8<<20 {
		return
	}
	z.raw.Reset()
	z.out.Reset()
	z.comp.Reset()
	f.zpool.Put(z)
}

// errLayout says that fpdf's output is not laid out as deflate expects (a new fpdf
// version): Render then lets fpdf compress.
var errLayout = errors.New("pdfdoc: unexpected PDF layout")

// Markers of fpdf's output (each fpdf "out" call ends its text with "\n").
const (
	plainDict  = "<</Length "
	streamOpen = ">>\nstream\n"
	streamEnd  = "\nendstream\n"
	fontDict   = "\n/Filter /FlateDecode\n/Length1 "
	startXref  = "\nstartxref\n"
	xrefHead   = "xref\n0 "
	xrefFree   = "0000000000 65535 f \n"
	trailer    = "trailer\n"
)

// has reports whether b[i:] starts with s.
func has(b []byte, i int, s string) bool {
	return i >= 0 && len(b)-i >= len(s) && string(b[i:i+len(s)]) == s
}

// rewrite writes to z.out the PDF in z.raw with, when compress is set, each stream
// whose dictionary is only its length (the page contents, an indexed image's palette)
// compressed as fpdf does ("<</Filter /FlateDecode /Length n>>"), and the font file
// streams that hold stubs[i] replaced by files[i]; exactly fonts of them must be
// found. The cross-reference table is rewritten with the objects' new offsets. It
// returns errLayout when the file is not as fpdf writes it, leaving z.out unspecified.
func (z *deflater) rewrite(compress bool, stubs, files *[3][]byte, fonts int) error {
	pdf := z.raw.Bytes()
	// The trailer: "startxref\n<offset>\n%%EOF\n" at the end, the table at offset.
	sx := bytes.LastIndex(pdf, []byte(startXref))
	if sx < 0 {
		return errLayout
	}
	numAt := sx + len(startXref)
	xref, n, ok := atoi(pdf, numAt)
	if !ok || xref >= sx || !has(pdf, xref, xrefHead) {
		return errLayout
	}
	count, p, ok := atoi(pdf, xref+len(xrefHead))
	if !ok || count < 1 || p >= len(pdf) || pdf[p] != '\n' {
		return errLayout
	}
	entries := p + 1
	tail := entries + 20*count
	if tail > sx || !has(pdf, entries, xrefFree) || !has(pdf, tail, trailer) {
		return errLayout
	}
	z.offs = z.offs[:0]
	z.ord = z.ord[:0]
	for j := 1; j < count; j++ {
		e := pdf[entries+20*j : entries+20*j+20]
		off, end, ok := atoi(e, 0)
		if !ok || end != 10 || string(e[10:]) != " 00000 n \n" || off >= xref {
			return errLayout
		}
		z.offs = append(z.offs, off)
		z.ord = append(z.ord, j-1)
	}
	offs := z.offs
	slices.SortFunc(z.ord, func(a, b int) int { return offs[a] - offs[b] })

	out := &z.out
	out.Reset()
	out.Grow(len(pdf) / 2)
	last, delta := 0, 0
	for _, i := range z.ord {
		o := offs[i]
		if o < last {
			return errLayout
		}
		var hb [32]byte
		head := append(strconv.AppendInt(hb[:0], int64(i+1), 10), " 0 obj\n"...)
		if !bytes.HasPrefix(pdf[o:], head) {
			return errLayout
		}
		offs[i] = o + delta
		dict := o + len(head)
		if !has(pdf, dict, plainDict) {
			continue
		}
		length, q, ok := atoi(pdf, dict+len(plainDict))
		if !ok {
			continue
		}
		var body []byte // what replaces the stream's bytes
		data := q + len(streamOpen)
		switch {
		case has(pdf, q, streamOpen): // "<</Length n>>"
			if !compress {
				continue
			}
			if data+length > xref {
				return errLayout
			}
			if err := z.compress(pdf[data : data+length]); err != nil {
				return err
			}
			body = z.comp.Bytes()
			out.Write(pdf[last:dict])
			out.WriteString("<</Filter /FlateDecode /Length ")
			out.Write(strconv.AppendInt(out.AvailableBuffer(), int64(len(body)), 10))
			out.WriteString(streamOpen)
		case has(pdf, q, fontDict): // a font file
			end := bytes.Index(pdf[q:min(q+80, xref)], []byte(streamOpen))
			if end < 0 {
				return errLayout
			}
			data = q + end + len(streamOpen)
			if data+length > xref {
				return errLayout
			}
			for i := range stubs {
				if bytes.Equal(pdf[data:data+length], stubs[i]) {
					body = files[i]
				}
			}
			if body == nil {
				continue
			}
			fonts--
			out.Write(pdf[last : dict+len(plainDict)])
			out.Write(strconv.AppendInt(out.AvailableBuffer(), int64(len(body)), 10))
			out.Write(pdf[q:data])
		default:
			continue
		}
		if !has(pdf, data+length, streamEnd) {
			return errLayout
		}
		out.Write(body)
		last = data + length
		delta = out.Len() - last // what follows moves by the size difference so far
	}
	if fonts != 0 {
		return errLayout
	}
	out.Write(pdf[last:xref])
	out.Write(pdf[xref : entries+20]) // "xref", the count, object 0
	for _, o := range offs {
		var num [32]byte
		s := strconv.AppendInt(num[:0], int64(o), 10)
		b := out.AvailableBuffer()
		for range 10 - len(s) {
			b = append(b, '0')
		}
		b = append(b, s...)
		b = append(b, " 00000 n \n"...)
		out.Write(b)
	}
	out.Write(pdf[tail:numAt])
	out.Write(strconv.AppendInt(out.AvailableBuffer(), int64(xref+delta), 10))
	out.Write(pdf[n:])
	return nil
}

// compress deflates data into z.comp as fpdf does (zlib, BestSpeed).
func (z *deflater) compress(data []byte) error {
	z.comp.Reset()
	if z.zw == nil {
		zw, err := zlib.NewWriterLevel(&z.comp, zlib.BestSpeed)
		if err != nil {
			return fmt.Errorf("pdfdoc: %w", err)
		}
		z.zw = zw
	} else {
		z.zw.Reset(&z.comp)
	}
	if _, err := z.zw.Write(data); err != nil {
		return fmt.Errorf("pdfdoc: %w", err)
	}
	if err := z.zw.Close(); err != nil {
		return fmt.Errorf("pdfdoc: %w", err)
	}
	return nil
}

// atoi reads the decimal number at b[i:], returning it and the index after it; ok is
// false when there is no digit there or the number is too long.
func atoi(b []byte, i int) (n, end int, ok bool) {
	start := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		if i-start >= 15 {
			return 0, i, false
		}
		n = n*10 + int(b[i]-'0')
		i++
	}
	return n, i, i > start
}
