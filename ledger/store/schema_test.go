package store

import (
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// schemaNames returns the names of the schema's buckets, sorted.
func schemaNames() []string {
	var out []string
	for _, b := range buckets() {
		out = append(out, string(b.name))
	}
	slices.Sort(out)
	return out
}

// fileBuckets returns the top-level buckets of db's file, sorted.
func fileBuckets(t *testing.T, db *DB) []string {
	t.Helper()
	var out []string
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			out = append(out, string(name))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// sameBuckets fails unless db's file has exactly the schema's buckets: none missing,
// none that the schema does not declare.
func sameBuckets(t *testing.T, what string, db *DB) {
	t.Helper()
	if got, want := fileBuckets(t, db), schemaNames(); !slices.Equal(got, want) {
		t.Errorf("%s: buckets\n%v\nwant the schema's\n%v", what, got, want)
	}
}

func TestSchemaDeclarations(t *testing.T) {
	seen := map[BucketName]bool{}
	versions := map[uint64]bool{}
	for _, b := range buckets() {
		if b.name == "" || seen[b.name] {
			t.Errorf("bucket %q declared twice or empty", b.name)
		}
		seen[b.name] = true
		if b.since < 1 || b.since > SchemaVersion {
			t.Errorf("bucket %s: since %d, outside 1…%d", b.name, b.since, SchemaVersion)
		}
		versions[b.since] = true
		if b.owner == "" || b.layout == "" {
			t.Errorf("bucket %s: no owner or layout", b.name)
		}
	}
	// Every version added buckets but 12 and 13, which rewrite the closed_items and
	// open_items records (their migrations, migrateTo): a version without either has no
	// migration.
	for v := uint64(1); v <= SchemaVersion; v++ {
		if !versions[v] && v != 12 && v != 13 {
			t.Errorf("schema %d adds no bucket", v)
		}
	}
}

func TestNewDossierHasTheSchemaBuckets(t *testing.T) {
	_, db := newDossier(t)
	defer db.Close()
	sameBuckets(t, "new dossier", db)
}

// A dossier as the first release (schema 1) wrote it opens, is migrated to the current
// schema and ends with the same buckets as a new one, its records kept.
func TestMigrateFromSchema1HasTheSchemaBuckets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "schema1.db")
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		// The buckets of schema 1, spelled out rather than taken from buckets().
		for _, name := range []string{"meta", "settings", "customers", "items", "salespeople", "imports"} {
			if _, err := tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		meta := tx.Bucket([]byte("meta"))
		for k, v := range map[string][]byte{"magic": []byte(Magic), "schema": u64(1), "revision": u64(3),
			"created": []byte(time.Now().UTC().Format(time.RFC3339))} {
			if err := meta.Put([]byte(k), v); err != nil {
				return err
			}
		}
		s := ledger.DefaultSettings()
		s.Company.Name = "Ancienne SARL"
		if err := putJSON(tx.Bucket([]byte("settings")), []byte("settings"), s); err != nil {
			return err
		}
		return putJSON(tx.Bucket([]byte("salespeople")), []byte("S1"), ledger.Salesperson{ID: "S1", Name: "Sophie"})
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sameBuckets(t, "schema 1 migrated", db)
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	if book.Settings.Company.Name != "Ancienne SARL" || len(book.Salespeople) != 1 {
		t.Errorf("content lost: %q, %d salespeople", book.Settings.Company.Name, len(book.Salespeople))
	}
	if rev, _ := db.Revision(); rev != 3 {
		t.Errorf("revision %d after migration, want 3", rev)
	}
}

// A dossier at every older version (made by removing the buckets of later versions
// from a new one) migrates to exactly the schema's buckets. At schema 4 the buckets
// that used to be created by their first write (procedures, import_presets) may
// already exist: their records are kept.
func TestMigrateFromEveryVersionHasTheSchemaBuckets(t *testing.T) {
	for from := uint64(1); from < SchemaVersion; from++ {
		path, db := newDossier(t)
		err := db.bolt.Update(func(tx *bolt.Tx) error {
			for _, b := range buckets() {
				if b.since > from {
					if err := tx.DeleteBucket([]byte(b.name)); err != nil {
						return err
					}
				}
			}
			if from == 4 {
				for _, name := range []BucketName{bProcedures, BucketImportPresets} {
					b, err := tx.CreateBucket([]byte(name))
					if err != nil {
						return err
					}
					if err := b.Put([]byte("kept"), []byte(`{}`)); err != nil {
						return err
					}
				}
			}
			return tx.Bucket([]byte(bMeta)).Put([]byte(kSchema), u64(from))
		})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		db, err = Open(path, Options{})
		if err != nil {
			t.Fatalf("schema %d: %v", from, err)
		}
		sameBuckets(t, fmt.Sprintf("schema %d migrated", from), db)
		if from == 4 {
			db.bolt.View(func(tx *bolt.Tx) error {
				for _, name := range []BucketName{bProcedures, BucketImportPresets} {
					if tx.Bucket([]byte(name)).Get([]byte("kept")) == nil {
						t.Errorf("schema 4: the record of %s is lost", name)
					}
				}
				return nil
			})
		}
		db.Close()
	}
}

// The committed fixtures, written by released versions, migrate to exactly the
// schema's buckets.
func TestFixturesHaveTheSchemaBuckets(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "dossier-schema*.db"))
	if len(files) == 0 {
		t.Fatal("no fixture")
	}
	for _, src := range files {
		dst := filepath.Join(t.TempDir(), filepath.Base(src))
		in, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := os.Create(dst)
		io.Copy(out, in)
		in.Close()
		out.Close()
		db, err := Open(dst, Options{})
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		sameBuckets(t, src, db)
		db.Close()
	}
}

// A current-version dossier that lacks a bucket of the schema is refused as corrupt.
func TestOpenRefusesMissingBucket(t *testing.T) {
	path, db := newDossier(t)
	db.bolt.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte(BucketImportPresets)) })
	db.Close()
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "import_presets") {
		t.Fatalf("open without import_presets: %v", err)
	}
}

// The package doc (schema.go) gives the layout of every bucket of the schema, and of
// no other: its layout lines start with a tab and the bucket name.
func TestPackageDocLayout(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "schema.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatal("schema.go carries no package doc")
	}
	doc := f.Doc.Text()
	if !strings.Contains(doc, fmt.Sprintf("schema version %d ", SchemaVersion)) {
		t.Errorf("the package doc does not give the layout of schema version %d", SchemaVersion)
	}
	var inDoc []string
	for _, line := range strings.Split(doc, "\n") {
		if len(line) > 1 && line[0] == '\t' && line[1] != ' ' {
			inDoc = append(inDoc, strings.Fields(line)[0])
		}
	}
	slices.Sort(inDoc)
	if want := schemaNames(); !slices.Equal(inDoc, want) {
		t.Errorf("package doc lays out\n%v\nwant the schema's\n%v", inDoc, want)
	}
	// Only one file carries the package doc.
	others, _ := filepath.Glob("*.go")
	for _, name := range others {
		if name == "schema.go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		g, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if g.Doc != nil {
			t.Errorf("%s carries a package doc too", name)
		}
	}
}
