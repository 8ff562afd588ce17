package badinput

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger/importer"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

// The cases generated at test time: files too big or too binary to commit.

const fecHeader = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\r\n"

// fecEntry is one balanced sales entry; lib is its label.
func fecEntry(n int, aux, lib string) string {
	return fmt.Sprintf("VE|Ventes|%d|20251015|411000|Clients|%s|Client %s|F%d|20251015|%s|120,00|0,00|||20251016||\r\n", n, aux, aux, n, lib) +
		fmt.Sprintf("VE|Ventes|%d|20251015|706000|Prestations|||F%d|20251015|%s|0,00|120,00|||20251016||\r\n", n, n, lib)
}

func writeGen(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// genBytes returns a generator writing data to name.
func genBytes(name string, data func() []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string { return writeGen(t, filepath.Join(dir, name), data()) }
}

// generated are the cases whose files are too big or too binary to commit.
func generated() []tcase {
	return append([]tcase{
		{path: "template/gen_100kb.txt", expect: "fatal",
			gen: genBytes("long_template.txt", func() []byte {
				return []byte("subject: Relance\nsalutation: Madame,\nclosing: Salutations.\n---\n" + strings.Repeat("Texte sans fin. ", 7000))
			})},
		{path: "letter/gen_1mb.txt", expect: "fatal",
			gen: genBytes("long_letter.txt", func() []byte { return bytes.Repeat([]byte("Madame, Monsieur, "), 60000) })},
		{path: "gen/fec_1mb_single_line.txt", expect: "fatal", line: "1",
			gen: genBytes("one_line.txt", func() []byte { return bytes.Repeat([]byte("A|"), 1<<19) })},
		{path: "gen/fec_1mb_line_after_header.txt", expect: "accepted",
			gen: genBytes("long_line.txt", func() []byte {
				return []byte(fecHeader + fecEntry(1, "C1", "ok") + strings.Repeat("x", 1<<20) + "\r\n" + fecEntry(2, "C2", "ok"))
			})},
		{path: "gen/fec_1mb_label.txt", expect: "accepted",
			gen: genBytes("huge_field.txt", func() []byte {
				return []byte(fecHeader + fecEntry(1, "C1", strings.Repeat("É", 1<<19)))
			})},
		{path: "gen/fec_100k_separators.txt", expect: "accepted",
			gen: genBytes("seps.txt", func() []byte {
				return []byte(fecHeader + fecEntry(1, "C1", "ok") + strings.Repeat("|", 100000) + "\r\n")
			})},
		{path: "gen/fec_1mb_customer_id.txt", expect: "fatal", line: "2", field: "CompAuxNum",
			gen: genBytes("huge_id.txt", func() []byte {
				return []byte(fecHeader + fecEntry(1, strings.Repeat("C", 1<<20), "ok"))
			})},
		{path: "gen/fec_20000_empty_lines.txt", expect: "accepted",
			gen: genBytes("blank.txt", func() []byte {
				return []byte(fecHeader + fecEntry(1, "C1", "ok") + strings.Repeat("\r\n", 20000) + fecEntry(2, "C2", "ok"))
			})},
		{path: "gen/csv_1mb_cell.csv", expect: "accepted",
			gen: genBytes("big.csv", func() []byte {
				return []byte("Code client;Nom client;N° facture;Date facture;Montant TTC\r\nC1;" + strings.Repeat("N", 1<<20) + ";F1;15/10/2025;10,00\r\n")
			})},
		{path: "gen/xlsx_text_in_amount.xlsx", expect: "fatal", line: "3", gen: xlsxGen("amount.xlsx", func(f *xlsxFile) {
			f.rows(openItemsHeader, []any{"C1", "Éric", "F1", "15/10/2025", 120.0}, []any{"C2", "Dupont", "F2", "16/10/2025", "cent euros"})
		})},
		{path: "gen/xlsx_formula_amount.xlsx", expect: "fatal", line: "2", gen: xlsxGen("formula.xlsx", func(f *xlsxFile) {
			f.rows(openItemsHeader, []any{"C1", "Éric", "F1", "15/10/2025", nil})
			f.formula("E2", "SUM(1,2)")
		})},
		{path: "gen/xlsx_merged_cells.xlsx", expect: "fatal", line: "3", gen: xlsxGen("merged.xlsx", func(f *xlsxFile) {
			f.rows(openItemsHeader, []any{"C1", "Éric", "F1", "15/10/2025", 120.0}, []any{"C2", "Dupont", "F2", "16/10/2025", 30.0})
			f.merge("E2", "E3")
		})},
		{path: "gen/xlsx_empty_sheet.xlsx", expect: "fatal", gen: xlsxGen("empty_sheet.xlsx", func(*xlsxFile) {})},
		{path: "gen/xlsx_missing_columns.xlsx", expect: "fatal", gen: xlsxGen("missing.xlsx", func(f *xlsxFile) {
			f.rows([]any{"Nom", "Ville"}, []any{"Éric", "Lyon"})
		})},
		{path: "gen/xlsx_bad_date.xlsx", expect: "fatal", line: "2", gen: xlsxGen("date.xlsx", func(f *xlsxFile) {
			f.rows(openItemsHeader, []any{"C1", "Éric", "F1", "31/02/2025", 120.0})
		})},
		{path: "gen/xlsx_zip_of_text.xlsx", expect: "fatal", gen: genBytes("zip.xlsx", func() []byte {
			return zipOf(map[string]string{"readme.txt": "pas un classeur"})
		})},
		{path: "gen/xlsx_zip_content_types_only.xlsx", expect: "fatal", gen: genBytes("ct.xlsx", func() []byte {
			return zipOf(map[string]string{"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`})
		})},
		{path: "gen/xlsx_zip_bad_sheet_xml.xlsx", expect: "fatal", gen: badSheetXML},
		{path: "gen/csv_wrong_mapping.csv", expect: "fatal", flags: []string{"--mapping", "bad"},
			gen: genBytes("mapped.csv", func() []byte {
				return []byte("Code client;Nom client;N° facture;Date facture;Montant TTC\r\nC1;Éric;F1;15/10/2025;10,00\r\n")
			}),
			setup: func(t *testing.T, db string) { saveBadPreset(t, db) }},
		{path: "gen/dossier_truncated_half.db", expect: "ErrCorrupt", gen: damaged("half.db", func(b []byte) []byte { return b[:len(b)/2] })},
		{path: "gen/dossier_truncated_8k.db", expect: "ErrCorrupt", gen: damaged("8k.db", func(b []byte) []byte { return b[:8192] })},
		{path: "gen/dossier_page_overwritten.db", expect: "ErrCorrupt", gen: damaged("page.db", func(b []byte) []byte {
			copy(b[8192:8192+4096], bytes.Repeat([]byte{0xff}, 4096))
			return b
		})},
		{path: "gen/dossier_foreign_bbolt.db", expect: "ErrNotDossier", gen: boltGen("foreign.db", func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket([]byte("widgets"))
			if err != nil {
				return err
			}
			return b.Put([]byte("k"), []byte("v"))
		})},
		{path: "gen/dossier_empty_bbolt.db", expect: "ErrNotDossier", gen: boltGen("emptybolt.db", func(*bolt.Tx) error { return nil })},
		{path: "gen/dossier_wrong_magic.db", expect: "ErrNotDossier", gen: editDossier("magic.db", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("magic"), []byte("other-app"))
		})},
		{path: "gen/dossier_newer_schema.db", expect: "ErrNewerSchema", gen: editDossier("newer.db", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 99})
		})},
		{path: "gen/dossier_corrupt_customer.db", expect: "ErrCorrupt", gen: editDossier("cust.db", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("customers")).Put([]byte("ZZZ-BAD"), []byte("{not json"))
		})},
		{path: "gen/dossier_corrupt_items.db", expect: "ErrCorrupt", gen: editDossier("items.db", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("items"))
			k, _ := b.Cursor().First()
			return b.Put(append([]byte(nil), k...), []byte{0xff, 0xff, 0xff, 0x01, 0x02})
		})},
		{path: "gen/dossier_corrupt_settings.db", expect: "ErrCorrupt", gen: editDossier("settings.db", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("settings")).Put([]byte("settings"), []byte("\x00\x01garbage"))
		})},
		{path: "gen/dossier_missing_buckets.db", expect: "ErrCorrupt", gen: boltGen("nobuckets.db", func(tx *bolt.Tx) error {
			m, err := tx.CreateBucket([]byte("meta"))
			if err != nil {
				return err
			}
			if err := m.Put([]byte("magic"), []byte(store.Magic)); err != nil {
				return err
			}
			return m.Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, byte(store.SchemaVersion)})
		})},
		{path: "gen/dossier_meta_schema_short.db", expect: "ErrNotDossier", gen: editDossier("short.db", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{2})
		})},
	}, strictCases()...)
}

// damaged returns a generator writing a damaged copy of the demo dossier.
func damaged(name string, edit func([]byte) []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		b, err := os.ReadFile(demoCopy(t))
		if err != nil {
			t.Fatal(err)
		}
		return writeGen(t, filepath.Join(dir, name), edit(b))
	}
}

// editDossier returns a generator writing a copy of the demo dossier changed by fn in
// one bbolt transaction.
func editDossier(name string, fn func(*bolt.Tx) error) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		path := filepath.Join(dir, name)
		copyFile(t, demoCopy(t), path)
		b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := b.Update(fn); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// boltGen returns a generator writing a new bbolt file filled by fn.
func boltGen(name string, fn func(*bolt.Tx) error) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		path := filepath.Join(dir, name)
		b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := b.Update(fn); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// saveBadPreset saves, in the dossier, a column mapping "bad" whose amount column does
// not exist.
func saveBadPreset(t *testing.T, path string) {
	t.Helper()
	db, err := store.Open(path, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m := tabular.Mapping{Name: "bad", Columns: map[tabular.Field]string{tabular.CustomerID: "$A", tabular.Amount: "$Z"}}
	if err := importer.SavePreset(db, m); err != nil {
		t.Fatal(err)
	}
}
