package badinput

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

// The refusals of issue 20 (bounded imports, strict values), each with the message
// it gives.

// replaced returns a FEC of two entries where the second's text has from replaced by to.
func replaced(from, to string) func() []byte {
	return func() []byte {
		return []byte(fecHeader + fecEntry(1, "C1", "ok") + strings.Replace(fecEntry(2, "C2", "ok"), from, to, 1))
	}
}

// strictCases are the generated cases of the strict values and bounded workbooks.
func strictCases() []tcase {
	return []tcase{
		{path: "gen/fec_amount_1,2,3,4.txt", expect: "fatal", line: "4", field: "Debit", msg: "« 1,2,3,4 » (Debit) illisible : les séparateurs de milliers",
			gen: genBytes("grouping.txt", replaced("|120,00|0,00|", "|1,2,3,4|0,00|"))},
		{path: "gen/fec_amount_1.2.3.txt", expect: "fatal", line: "4", field: "Debit", msg: "groupes de trois chiffres",
			gen: genBytes("grouping3.txt", replaced("|120,00|0,00|", "|1.2.3|0,00|"))},
		{path: "gen/fec_zero_date.txt", expect: "fatal", line: "4", field: "EcritureDate", msg: "date « 00000000 » (EcritureDate) nulle",
			gen: genBytes("zerodate.txt", replaced("|20251015|411000|", "|00000000|411000|"))},
		{path: "gen/fec_impossible_piece_date.txt", expect: "fatal", line: "4", field: "PieceDate", msg: "date impossible « 20230231 »",
			gen: genBytes("feb31.txt", replaced("|F2|20251015|", "|F2|20230231|"))},
		{path: "gen/fec_both_negative.txt", expect: "fatal", line: "4", field: "Debit", msg: "débit et crédit tous deux négatifs",
			gen: genBytes("bothneg.txt", replaced("|120,00|0,00|", "|-120,00|-1,00|"))},
		{path: "gen/fec_nul_in_customer_id.txt", expect: "fatal", line: "4", field: "CompAuxNum", msg: "caractère de contrôle dans l'identifiant « C␀2 »",
			gen: genBytes("nul.txt", replaced("|C2|", "|C\x002|"))},
		{path: "gen/fec_utf32le.txt", expect: "fatal", line: "1", msg: "UTF-32 (UTF-32LE)",
			gen: genBytes("utf32.txt", func() []byte { return utf32LE(fecHeader + fecEntry(1, "C1", "ok")) })},
		{path: "gen/fec_xml_dgfip.xml", expect: "accepted",
			gen: genBytes("123456789FEC20251231.xml", func() []byte {
				return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<comptabilite><exercice><DateCloture>2025-12-31</DateCloture><journal><JournalCode>VE</JournalCode><JournalLib>Ventes</JournalLib><ecriture><EcritureNum>1</EcritureNum><EcritureDate>2025-10-15</EcritureDate><EcritureLib>Facture</EcritureLib><PieceRef>F1</PieceRef><PieceDate>2025-10-15</PieceDate><ValidDate>2025-10-16</ValidDate><ligne><CompteNum>411000</CompteNum><CompteLib>Clients</CompteLib><CompAuxNum>C1</CompAuxNum><CompAuxLib>Client C1</CompAuxLib><Debit>120.00</Debit><Credit>0.00</Credit></ligne><ligne><CompteNum>706000</CompteNum><CompteLib>Prestations</CompteLib><Debit>0.00</Debit><Credit>120.00</Credit></ligne></ecriture></journal></exercice></comptabilite>` + "\n")
			})},
		{path: "gen/fec_xml_malformed.xml", expect: "fatal", line: "3", msg: "FEC au format XML (DGFiP) mal formé",
			gen: genBytes("123456789FEC20251231.xml", func() []byte {
				return []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<comptabilite><exercice>\n<journal><JournalCode>VE</journal></exercice></comptabilite>\n")
			})},
		{path: "gen/csv_amount_12.34.5.csv", expect: "fatal", line: "2", msg: "« 12.34.5 »",
			gen: genBytes("grouping.csv", func() []byte {
				return []byte("Code client;Nom client;N° facture;Date facture;Montant TTC\r\nC1;Dupont;F1;15/10/2025;12.34.5\r\n")
			})},
		{path: "gen/csv_nul_in_customer_id.csv", expect: "fatal", line: "2", msg: "« C␀1 »",
			gen: genBytes("nul.csv", func() []byte {
				return []byte("Code client;Nom client;N° facture;Date facture;Montant TTC\r\nC\x001;Dupont;F1;15/10/2025;10,00\r\nC1;Dupont;F2;15/10/2025;10,00\r\n")
			})},
		{path: "gen/xlsx_merged_whole_sheet.xlsx", expect: "fatal", line: "2", msg: "cellule fusionnée",
			gen: genBytes("merged_all.xlsx", func() []byte {
				return workbook(`<sheetData>` + xrow(1, "Code client", "Nom client", "N° facture", "Date facture", "Montant TTC") +
					xrow(2, "C1", "Dupont", "F1", "15/10/2025", "10,00") + `</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>`)
			})},
		{path: "gen/xlsx_1048576_rows.xlsx", expect: "fatal", msg: "de plus de 1000000 lignes",
			gen: genBytes("rows.xlsx", func() []byte {
				var sb strings.Builder
				sb.WriteString(`<dimension ref="A1:E1048576"/><sheetData>` + xrow(1, "Code client", "Nom client", "N° facture", "Date facture", "Montant TTC"))
				for i := 2; i <= 1<<20; i++ {
					fmt.Fprintf(&sb, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, i, i, i)
				}
				sb.WriteString(`</sheetData>`)
				return workbook(sb.String())
			})},
		{path: "gen/xlsx_zip_bomb.xlsx", expect: "fatal", msg: "se décompresse en plus de 2048 Mo",
			gen: genBytes("bomb.xlsx", func() []byte { return zipBomb(3 << 30) })},
	}
}

// utf32LE encodes s as UTF-32LE with a byte order mark.
func utf32LE(s string) []byte {
	b := []byte{0xFF, 0xFE, 0, 0}
	for _, r := range s {
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
	}
	return b
}

// xrow is a sheet row of inline strings.
func xrow(n int, cells ...string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, `<row r="%d">`, n)
	for i, c := range cells {
		fmt.Fprintf(&sb, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, n, c)
	}
	sb.WriteString(`</row>`)
	return sb.String()
}

// workbookRels are the parts of a one-sheet workbook around its sheet.
var workbookRels = [][2]string{
	{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
	{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
	{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
	{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
}

const sheetOpen = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

// workbook returns a one-sheet workbook whose worksheet holds body.
func workbook(body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range append(workbookRels, [2]string{"xl/worksheets/sheet1.xml", sheetOpen + body + `</worksheet>`}) {
		w, err := zw.Create(p[0])
		if err == nil {
			_, err = io.WriteString(w, p[1])
		}
		if err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// zipBomb returns a small workbook whose sheet part declares size bytes once
// inflated (its deflated data is a few kilobytes: the archive is refused on its
// declaration, as a real bomb of that size would be).
func zipBomb(size uint64) []byte {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	data := []byte(sheetOpen + `<sheetData>` + strings.Repeat(`<row><c t="inlineStr"><is><t>AAAA</t></is></c></row>`, 1000) + `</sheetData></worksheet>`)
	if _, err := fw.Write(data); err != nil {
		panic(err)
	}
	if err := fw.Close(); err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range workbookRels {
		w, err := zw.Create(p[0])
		if err == nil {
			_, err = io.WriteString(w, p[1])
		}
		if err != nil {
			panic(err)
		}
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(data), CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
	if err == nil {
		_, err = w.Write(comp.Bytes())
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		panic(err)
	}
	return buf.Bytes()
}
