package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"relance/ledger/store"
	"relance/letters/archive"
)

var issuedID = regexp.MustCompile(`LT\d{6}`)

// relance claim archives the claim filing and the retention-of-title claim with their
// records before writing the PDF, whose SHA-256 is the archived one; the customer's
// export and relance verify list them; a claim without a procedure writes neither
// the archive nor the file.
func TestClaimArchived(t *testing.T) {
	path := demoFile(t)
	cust := demoInsolvent(t, path)
	dir := t.TempDir()
	want := map[string]string{} // record ID → stage
	for _, c := range []struct {
		file, stage string
		args        []string
	}{
		{"claim.pdf", "ins_claim", []string{"--rot"}},
		{"ret.pdf", "ins_retention", []string{"--retention"}},
	} {
		out := filepath.Join(dir, c.file)
		args := append([]string{"claim", "--db", path, "--customer", cust, "--at", "2026-11-23", "--out", out, "--by", "test"}, c.args...)
		code, stdout, stderr := run(t, "fr", args...)
		id := issuedID.FindString(stdout)
		if code != 0 || id == "" || !strings.Contains(stdout, "archivé") {
			t.Fatalf("%s: %d %s %s", c.stage, code, stdout, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if !strings.Contains(stdout, hex.EncodeToString(sum[:])) {
			t.Errorf("%s: the file's SHA-256 is not the one archived: %s", c.stage, stdout)
		}
		want[id] = c.stage
	}
	code, stdout, stderr := run(t, "fr", "claim", "--db", path, "--customer", "C00001", "--out", filepath.Join(dir, "none.pdf"))
	if code != 1 || !strings.Contains(stderr, "C00001") {
		t.Errorf("claim without a procedure: %d %s %s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.pdf")); !os.IsNotExist(err) {
		t.Errorf("a refused claim wrote its file: %v", err)
	}

	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx *store.Tx) error {
		recs, err := archive.List(tx, archive.Filter{})
		if len(recs) != 2 {
			t.Errorf("archived: %+v", recs)
		}
		for _, r := range recs {
			b, err := archive.PDF(tx, r.ID)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			if want[r.ID] != string(r.Stage) || r.Customer != cust || r.By != "test" || r.PDFHash != hex.EncodeToString(sum[:]) {
				t.Errorf("record %+v", r)
			}
		}
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := run(t, "fr", "verify", "--db", path); code != 0 || !strings.Contains(out, "2 courriers") {
		t.Errorf("verify: %d %s %s", code, out, stderr)
	}
	code, out, stderr := run(t, "fr", "export-customer", "--db", path, "--customer", cust)
	for id, stage := range want {
		if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, `"`+stage+`"`) {
			t.Errorf("export-customer lacks %s (%s): %d %s", id, stage, code, stderr)
		}
	}
}
