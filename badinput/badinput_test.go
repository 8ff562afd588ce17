// Package badinput runs Relance's command line on a corpus of malformed and hostile
// files (testdata/bad, described by testdata/bad/MANIFEST.tsv, plus the big or binary
// cases generated here) and checks DESIGN.md rule 5: bad input never panics and never
// half-writes, and the error names the file (and line and field) in the user's language.
//
// Source files are imported in process through cli.Run (a panic is recovered and
// reported). Damaged dossiers are opened in a child process (this test binary run as
// the CLI), because bbolt reads them through mmap: a truncated file can fault, and a
// fault cannot be recovered in process.
//
// A case that fails today carries "BUG: …" in its bug column: it is run, and skipped
// with that text (and what failed) so that `go test` stays green until the lead fixes
// it; when it starts passing, the test fails to ask for the note to be removed.
package badinput

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"relance/cli"
	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/demo"
	"relance/ledger/store"
)

// corpus is the folder of committed bad inputs.
const corpus = "../testdata/bad"

// childEnv, when set, makes the test binary behave as the relance command line.
const childEnv = "RELANCE_BADINPUT_CHILD"

// TestMain lets dossier cases start this test binary as the relance command line.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	code := m.Run()
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// tcase is one bad input and what must happen to it.
type tcase struct {
	path   string // under testdata/bad, or gen/… for a generated file
	expect string // fatal, accepted, ErrNotDossier, ErrCorrupt, ErrNewerSchema
	line   string // line the message must name ("" = none)
	field  string // field the message must name ("" = none)
	flags  []string
	bug    string // "BUG: …" when the case fails today
	// msg is a part of the French message the refusal must give ("" = not checked).
	msg string
	// gen writes the file into dir and returns its path (generated cases only).
	gen func(t *testing.T, dir string) string
	// setup prepares the dossier copy before the import (e.g. saves a bad preset).
	setup func(t *testing.T, db string)
}

// readManifest reads testdata/bad/MANIFEST.tsv.
func readManifest(t *testing.T) []tcase {
	t.Helper()
	f, err := os.Open(filepath.Join(corpus, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dash := func(s string) string {
		if s == "-" {
			return ""
		}
		return s
	}
	var out []tcase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 6 {
			t.Fatalf("MANIFEST.tsv:%d: %d columns, want 6", n, len(cols))
		}
		c := tcase{path: cols[0], expect: cols[1], line: dash(cols[2]), field: dash(cols[3]), bug: dash(cols[5])}
		if fl := dash(cols[4]); fl != "" {
			c.flags = strings.Split(fl, ",")
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestManifestCoversCorpus checks that every committed file has its expectation and is
// small, and that every manifest line names an existing file.
func TestManifestCoversCorpus(t *testing.T) {
	listed := map[string]bool{}
	for _, c := range readManifest(t) {
		listed[c.path] = true
		if _, err := os.Stat(filepath.Join(corpus, c.path)); err != nil {
			t.Errorf("MANIFEST.tsv names %s: %v", c.path, err)
		}
	}
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "MANIFEST.tsv" {
			return err
		}
		rel, _ := filepath.Rel(corpus, p)
		rel = filepath.ToSlash(rel)
		if !listed[rel] {
			t.Errorf("%s has no line in MANIFEST.tsv", rel)
		}
		if st, _ := d.Info(); st.Size() >= 20<<10 {
			t.Errorf("%s is %d bytes: generate files of 20 KB or more at test time", rel, st.Size())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(listed) + len(generated()); n < 50 {
		t.Errorf("corpus has %d cases, want at least 50", n)
	}
}

// TestBadInput runs every case of the manifest and of the generated table.
func TestBadInput(t *testing.T) {
	cases := append(readManifest(t), generated()...)
	counts := map[string]int{}
	for _, c := range cases {
		counts[strings.SplitN(c.path, "/", 2)[0]+" "+c.expect]++
		t.Run(c.path+flagSuffix(c.flags), func(t *testing.T) {
			ck := &checker{}
			src := filepath.Join(corpus, c.path)
			if c.gen != nil {
				src = c.gen(t, t.TempDir())
			}
			switch c.expect {
			case "fatal", "accepted":
				runImportCase(t, ck, c, src)
			case "ErrNotDossier", "ErrCorrupt", "ErrNewerSchema":
				runDossierCase(t, ck, c, src)
			default:
				t.Fatalf("unknown expectation %q", c.expect)
			}
			ck.finish(t, c.bug)
		})
	}
	t.Logf("cases by category: %v", counts)
}

func flagSuffix(flags []string) string {
	if len(flags) == 0 {
		return ""
	}
	return "[" + strings.Join(flags, " ") + "]"
}

// checker collects failures so that a known bug can be skipped rather than failed.
type checker struct{ fails []string }

func (ck *checker) errorf(format string, args ...any) {
	ck.fails = append(ck.fails, fmt.Sprintf(format, args...))
}

// finish reports the failures: as errors, or, for a case marked BUG, as a skip.
func (ck *checker) finish(t *testing.T, bug string) {
	t.Helper()
	switch {
	case bug != "" && len(ck.fails) > 0:
		t.Skipf("%s\nwhat fails today:\n  %s", bug, strings.Join(ck.fails, "\n  "))
	case bug != "":
		t.Errorf("case marked %q passes now: remove the BUG note", bug)
	default:
		for _, f := range ck.fails {
			t.Error(f)
		}
	}
}

// langs are the user languages each message is checked in, with the word for "line".
var langs = []struct{ lang, line string }{{"fr", "ligne"}, {"en", "line"}}

// runCLI runs the command line in process in lang and recovers a panic.
func runCLI(lang string, args ...string) (code int, stdout, stderr string, panicked string) {
	var out, errb bytes.Buffer
	old, had := os.LookupEnv("RELANCE_LANG")
	os.Setenv("RELANCE_LANG", lang)
	defer func() {
		if had {
			os.Setenv("RELANCE_LANG", old)
		} else {
			os.Unsetenv("RELANCE_LANG")
		}
		if r := recover(); r != nil {
			code, panicked = -1, fmt.Sprintf("%v\n%s", r, debug.Stack())
		}
		stdout, stderr = out.String(), errb.String()
	}()
	code = cli.Run(args, &out, &errb)
	return
}

// runChild runs the command line in a child process (this test binary) in lang.
func runChild(t *testing.T, lang string, args ...string) (code int, stderr string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), childEnv+"=1", "RELANCE_LANG="+lang)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, errb.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), errb.String()
	}
	t.Fatal(err)
	return 0, ""
}

var (
	demoOnce sync.Once
	demoDir  string
	demoPath string
	demoErr  error
)

// demoCopy returns a fresh copy of a small generated dossier (12 customers, 80 items,
// created once per process): small so that the table runs in seconds.
func demoCopy(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		demoDir, demoErr = os.MkdirTemp("", "badinput")
		if demoErr == nil {
			demoPath = filepath.Join(demoDir, "small.db")
			demoErr = demo.Generate(demoPath, 12, 80, 1, ledger.NewDate(2026, 11, 23))
		}
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	dst := filepath.Join(t.TempDir(), "dossier.db")
	copyFile(t, demoPath, dst)
	return dst
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func fileSHA(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// state is what must not change when an import is refused.
type state struct {
	revision uint64
	hash     string // SHA-256 of the customers and items, as JSON
	items    int
}

func snapshot(t *testing.T, path string) state {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rev, err := db.Revision()
	if err != nil {
		t.Fatal(err)
	}
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(book.Accounts)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return state{revision: rev, hash: hex.EncodeToString(s[:]), items: book.ItemCount()}
}

// consistent checks a dossier after an accepted import: the integrity check passes and
// every customer's balance is the sum of its open items.
func consistent(t *testing.T, ck *checker, path string) {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		ck.errorf("reopen after import: %v", err)
		return
	}
	defer db.Close()
	rep, err := db.Check()
	if err != nil {
		ck.errorf("check after import: %v", err)
		return
	}
	for _, p := range rep.Problems {
		ck.errorf("dossier inconsistent after an accepted import: %s", p.Localize("en"))
	}
	book, err := db.Load()
	if err != nil {
		ck.errorf("load after import: %v", err)
		return
	}
	asOf := ledger.NewDate(2026, 11, 23)
	for i, s := range credit.Summaries(book, asOf) {
		var sum ledger.Cents
		for _, it := range book.Accounts[i].Items {
			sum += it.Open
		}
		if sum != s.Balance {
			ck.errorf("customer %s: balance %s ≠ Σ open %s", s.ID, s.Balance, sum)
		}
	}
}

// runImportCase imports src into a copy of the demo dossier, in French and English.
func runImportCase(t *testing.T, ck *checker, c tcase, src string) {
	srcSHA := fileSHA(t, src)
	base := filepath.Base(src)
	var msgs []string
	for _, l := range langs {
		db := demoCopy(t)
		if c.setup != nil {
			c.setup(t, db)
		}
		before := snapshot(t, db)
		args := append(append([]string{"import", "--db", db}, c.flags...), src)
		switch strings.SplitN(c.path, "/", 2)[0] {
		case "template": // an edited letter template imported into the dossier
			args = append([]string{"template", "--db", db, "--stage", "r1", "--import", src}, c.flags...)
		case "letter": // a letter given to the correction engine
			args = append([]string{"check-letter", src, "--no-spelling", "--no-grammar"}, c.flags...)
		}
		code, _, stderr, panicked := runCLI(l.lang, args...)
		if panicked != "" {
			ck.errorf("[%s] panic: %s", l.lang, panicked)
			continue
		}
		switch c.expect {
		case "fatal":
			if code != 1 {
				ck.errorf("[%s] exit %d, want 1 (fatal); stderr: %s", l.lang, code, stderr)
			}
			if !strings.Contains(stderr, base) {
				ck.errorf("[%s] message does not name the file %s: %q", l.lang, base, stderr)
			}
			if c.line != "" && !strings.Contains(stderr, l.line+" "+c.line) {
				ck.errorf("[%s] message does not name %s %s: %q", l.lang, l.line, c.line, stderr)
			}
			if c.field != "" && !strings.Contains(stderr, c.field) {
				ck.errorf("[%s] message does not name the field %s: %q", l.lang, c.field, stderr)
			}
			if c.msg != "" && l.lang == "fr" && !strings.Contains(stderr, c.msg) {
				ck.errorf("[fr] message does not say %q: %q", c.msg, stderr)
			}
			if after := snapshot(t, db); after != before {
				ck.errorf("[%s] refused import changed the dossier: %+v → %+v", l.lang, before, after)
			}
			msgs = append(msgs, stderr)
		case "accepted":
			if code != 0 {
				ck.errorf("[%s] exit %d, want 0 (accepted); stderr: %s", l.lang, code, stderr)
			}
			consistent(t, ck, db)
		}
	}
	if len(msgs) == 2 && msgs[0] == msgs[1] {
		ck.errorf("same message in French and English: %q", msgs[0])
	}
	if fileSHA(t, src) != srcSHA {
		ck.errorf("the source file was modified")
	}
}

// dossierCommands are the commands run on a bad dossier; each must exit 1 naming it.
// write marks commands that open the dossier read-write. openOnly marks the reports of
// the open position, which read only the open items (schema 10): a damage elsewhere in
// the file (a closed item's record, a page they do not reach) may go unseen by them and
// their figures are then still the ledger's, so they may succeed — provided `relance
// check` reports the damage.
var dossierCommands = []struct {
	name     string
	args     func(db, dir string) []string
	write    bool
	openOnly bool
}{
	{"check", func(db, _ string) []string { return []string{"check", "--db", db} }, false, false},
	{"customers", func(db, _ string) []string { return []string{"customers", "--db", db, "--format", "json"} }, false, true},
	{"aged", func(db, _ string) []string { return []string{"aged", "--db", db} }, false, true},
	{"backup", func(db, dir string) []string {
		return []string{"backup", "--db", db, "--out", filepath.Join(dir, "b.db")}
	}, false, false},
	{"restore", func(db, dir string) []string {
		return []string{"restore", "--from", db, "--db", filepath.Join(dir, "restored.db")}
	}, false, false},
	{"import", func(db, _ string) []string {
		return []string{"import", "--db", db, filepath.Join(corpus, "fec", "utf8_bom.txt")}
	}, true, false},
}

// runDossierCase checks the error class with the store API, then runs every command
// on a copy of the bad dossier in a child process.
func runDossierCase(t *testing.T, ck *checker, c tcase, src string) {
	dir := t.TempDir()
	db := filepath.Join(dir, filepath.Base(src))
	copyFile(t, src, db)
	sum := fileSHA(t, db)
	want := map[string]*ledger.Problem{"ErrNotDossier": store.ErrNotDossier, "ErrCorrupt": store.ErrCorrupt,
		"ErrNewerSchema": store.ErrNewerSchema}[c.expect]
	base := filepath.Base(db)
	// The store API, in a child too: a damaged bbolt file can fault.
	code, stderr := runChild(t, "en", "check", "--db", db)
	checked := code == 1 && strings.Contains(stderr, base)
	if code == 1 && !strings.Contains(stderr, "goroutine ") {
		if err := classify(db); !errors.Is(err, want) {
			ck.errorf("error class %v, want %s", err, c.expect)
		}
	}
	for _, cmd := range dossierCommands {
		if c.expect == "ErrCorrupt" && (cmd.name == "backup" || cmd.write) {
			continue // bbolt-level copy of a readable file; a write may not touch the bad record
		}
		for _, l := range langs {
			out := filepath.Join(dir, cmd.name+"-"+l.lang)
			if err := os.MkdirAll(out, 0o700); err != nil {
				t.Fatal(err)
			}
			code, stderr := runChild(t, l.lang, cmd.args(db, out)...)
			if strings.Contains(stderr, "goroutine ") || code > 1 {
				ck.errorf("[%s] relance %s crashed (exit %d): %s", l.lang, cmd.name, code, firstLines(stderr, 3))
				continue
			}
			if code == 0 && cmd.openOnly && c.expect == "ErrCorrupt" {
				if !checked {
					ck.errorf("[%s] relance %s read a damaged dossier that relance check does not report", l.lang, cmd.name)
				}
				continue
			}
			if code != 1 {
				ck.errorf("[%s] relance %s: exit %d, want 1", l.lang, cmd.name, code)
			}
			if !strings.Contains(stderr, base) {
				ck.errorf("[%s] relance %s: message does not name %s: %q", l.lang, cmd.name, base, stderr)
			}
			if _, err := os.Stat(filepath.Join(out, "restored.db")); err == nil {
				ck.errorf("[%s] restore from a bad dossier wrote the target", l.lang)
			}
		}
	}
	if fileSHA(t, db) != sum {
		ck.errorf("the bad dossier was modified")
	}
}

// classify opens path with the store API (read-only) and returns the error, loading
// the dossier (whole, then its open items) and checking it when it opens.
func classify(path string) error {
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Load(); err != nil {
		return err
	}
	// The open items (schema 10) are read by the reports of the open position only.
	if _, _, err := db.LoadOpen(ledger.NewDate(9999, 12, 31)); err != nil {
		return err
	}
	// A page no loader reaches (the freelist…) is found by the check alone.
	rep, err := db.Check()
	if err != nil {
		return err
	}
	if !rep.OK() {
		return store.ErrCorrupt
	}
	return nil
}

func firstLines(s string, n int) string {
	ls := strings.SplitN(s, "\n", n+1)
	return strings.Join(ls[:min(n, len(ls))], " | ")
}
