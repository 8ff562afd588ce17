package desk_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger/demo"
	"relance/ledger/dunning"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/letterpdf"
)

var issueAt = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// agendaBatch renders the demo's agenda letters into dir (nothing written yet).
func agendaBatch(t *testing.T, s *desk.Session, dir string) *desk.LetterBatch {
	t.Helper()
	ag, err := s.Agenda(anchor, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	todo := ag.Writings([]dunning.Channel{dunning.ChanLetter}, false)
	if len(todo) < 2 {
		t.Fatalf("%d letters on the demo's agenda", len(todo))
	}
	b, err := s.WriteAgendaLetters(anchor, todo, &ag.Records, letterpdf.BatchOptions{Dir: dir, Merged: filepath.Join(dir, "print.pdf")})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// A batch whose archive transaction fails leaves no PDF in the folder; one that
// commits writes them all, each archived, and the head after it.
func TestBatchWritesOnlyArchivedPDFs(t *testing.T) {
	s := openDemo(t)
	dir := t.TempDir()
	b := agendaBatch(t, s, dir)
	if got := files(t, dir); len(got) != 0 {
		t.Fatalf("written before issue: %v", got)
	}
	// The second letter's customer unknown: the transaction fails after the first.
	good := b.Results[1].Letter.Customer
	b.Results[1].Letter.Customer = "NOPE"
	if _, err := s.Issue(b, "test", anchor, issueAt); err == nil {
		t.Fatal("issued a letter to an unknown customer")
	}
	if got := files(t, dir); len(got) != 0 {
		t.Errorf("PDFs left after a failed issue: %v", got)
	}
	if rep, err := s.VerifyArchive(); err != nil || rep.Count != 0 {
		t.Errorf("archive after a failed issue: %+v %v", rep, err)
	}
	b.Results[1].Letter.Customer = good
	ids, err := s.Issue(b, "test", anchor, issueAt)
	if err != nil {
		t.Fatal(err)
	}
	if b.Head.Count != len(ids) || b.Head.ID != ids[len(ids)-1] {
		t.Errorf("head %+v after %v", b.Head, ids)
	}
	var hashes = map[string]bool{}
	s.DB.View(func(tx *store.Tx) error {
		recs, err := archive.List(tx, archive.Filter{})
		for _, r := range recs {
			hashes[r.PDFHash] = true
		}
		return err
	})
	pdfs := 0
	for _, r := range b.Results {
		if r.Err != nil {
			continue
		}
		pdfs++
		data, err := os.ReadFile(r.File)
		if err != nil || !hashes[sha(data)] {
			t.Errorf("%s: not the archived PDF (%v)", r.File, err)
		}
	}
	if got := files(t, dir); len(got) != pdfs+1 {
		t.Errorf("files %v, want %d PDFs and the merged one", got, pdfs)
	}
}

// A preview (not issued) writes its PDFs with WriteFiles.
func TestBatchPreviewWrites(t *testing.T) {
	s := openDemo(t)
	dir := t.TempDir()
	b := agendaBatch(t, s, dir)
	if err := b.WriteFiles(); err != nil {
		t.Fatal(err)
	}
	if got := files(t, dir); len(got) < 3 || b.Results[0].File == "" {
		t.Errorf("preview files %v", got)
	}
}

// `check` fails on a letter forged after issue, with the advice to restore.
func TestCheckFileFindsForgedLetter(t *testing.T) {
	path := demoFile(t)
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	b := agendaBatch(t, s, t.TempDir())
	if _, err := s.Issue(b, "test", anchor, issueAt); err != nil {
		t.Fatal(err)
	}
	err = s.DB.Update(func(tx *store.Tx) error {
		bk := tx.Bolt().Bucket(store.BucketLetters)
		k := append([]byte{'r'}, 0, 0, 0, 0, 0, 0, 0, 1)
		v := strings.Replace(string(bk.Get(k)), `"total":`, `"total":1`, 1)
		return bk.Put(k, []byte(v))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := desk.CheckFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.Problems[len(rep.Problems)-1].Localize("fr"), "LT000001") ||
		!strings.Contains(rep.Problems[len(rep.Problems)-1].Localize("fr"), "restaurez") {
		t.Errorf("check: %v", rep.Problems)
	}
}

// Restoring an older backup lists the letters issued since.
func TestRestorePreviewListsDroppedLetters(t *testing.T) {
	dir := t.TempDir()
	path, backup := filepath.Join(dir, "d.db"), filepath.Join(dir, "old.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	b := agendaBatch(t, s, t.TempDir())
	ids, err := s.Issue(b, "test", anchor, issueAt)
	if err != nil {
		t.Fatal(err)
	}
	pre, err := s.PreviewRestore(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	pre2, err := desk.PreviewRestore(backup, path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, id := range ids {
		if id != "" {
			n++
		}
	}
	if len(pre.Dropped) != n || len(pre2.Dropped) != n || pre.Dropped[0].ID != "LT000001" {
		t.Fatalf("dropped %+v / %+v, want %d", pre.Dropped, pre2.Dropped, n)
	}
	lines := pre2.Lines("fr")
	if !strings.HasPrefix(lines[0], "LT000001 du ") || !strings.Contains(lines[0], pre2.Dropped[0].Customer) ||
		!strings.Contains(pre2.Intro("fr"), "ne contient pas") {
		t.Errorf("lines %q, intro %q", lines, pre2.Intro("fr"))
	}
	if none, err := desk.PreviewRestore(path, path); err != nil || len(none.Dropped) != 0 {
		t.Errorf("same dossier: %+v %v", none, err)
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
