// Package crashtest kills the real relance binary with SIGKILL in the middle of
// dossier-changing commands and checks DESIGN.md rules 4 and 5: after any kill the
// dossier passes `relance check`, holds either all or nothing of the interrupted
// action, keeps Σ open items = balance for every customer, and is not left locked.
//
// It is slow (minutes) and runs only with RELANCE_CRASHTEST=1 and without -short:
// `make crashtest`. RELANCE_CRASH_TRIALS sets the number of trials (default 200),
// RELANCE_CRASH_SEED the random seed (default: the clock, logged).
//
// Scenarios are a table: the import of a big FEC, killed once or twice in a row, and the
// batch issue of the demo's second reminders (`relance letters --issue`), after which the
// hash chain of the issued letters must verify and hold all of the batch or none of it.
package crashtest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/importer/fecgen"
	"relance/ledger/store"
	"relance/letters/archive"
)

// scenario is one kind of user action interrupted by kills.
type scenario struct {
	name string
	// trials for this scenario, from the configured count.
	trials func(n int) int
	// kills is how many times in a row the action is started and killed on the same dossier.
	kills int
	// pending, when set, says why the scenario cannot run yet.
	pending string
	// letters: the action is the batch issue of letters, not the import.
	letters bool
}

var scenarios = []scenario{
	{name: "import-fec", trials: func(n int) int { return n * 3 / 4 }, kills: 1},
	{name: "import-fec-killed-twice", trials: func(n int) int { return max(10, n/20) }, kills: 2},
	{name: "letters-batch", trials: func(n int) int { return max(10, n/5) }, kills: 1, letters: true},
}

// fixture is what every trial shares, built once.
type fixture struct {
	bin      string        // headless relance binary
	fec      string        // big FEC
	demo     string        // pristine demo dossier
	before   state         // demo content
	after    state         // content after a complete import
	duration time.Duration // duration of a complete import (process included)
	// letters: the batch of the demo's R2 letters, its duration and how many it issues.
	letterDur time.Duration
	letterN   int
}

// state is a dossier's content, as far as an import is concerned.
type state struct {
	customers string // SHA-256 of the sorted customer IDs
	nCust     int
	items     int
	hash      string // SHA-256 of all customers and items (JSON)
}

func TestCrash(t *testing.T) {
	if testing.Short() || os.Getenv("RELANCE_CRASHTEST") != "1" {
		t.Skip("crash test: set RELANCE_CRASHTEST=1 (make crashtest)")
	}
	t0 := time.Now()
	n := 200
	if s := os.Getenv("RELANCE_CRASH_TRIALS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v <= 0 {
			t.Fatalf("RELANCE_CRASH_TRIALS=%q", s)
		}
		n = v
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("RELANCE_CRASH_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("RELANCE_CRASH_SEED=%q", s)
		}
		seed = v
	}
	t.Logf("seed %d (rerun with RELANCE_CRASH_SEED=%d)", seed, seed)
	fx := setup(t)
	t.Logf("setup %.1fs: FEC %s, complete import %v, demo %d customers/%d items, imported %d customers/%d items",
		time.Since(t0).Seconds(), filepath.Base(fx.fec), fx.duration.Round(time.Millisecond),
		fx.before.nCust, fx.before.items, fx.after.nCust, fx.after.items)
	rng := rand.New(rand.NewPCG(seed, 0xc4a5))
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			if sc.pending != "" {
				t.Skip(sc.pending)
			}
			runScenario(t, fx, sc, sc.trials(n), rng)
		})
	}
	t.Logf("total run time %.1fs", time.Since(t0).Seconds())
}

// counts are a scenario's outcomes.
type counts struct {
	trials, before, after, finished, corrupt, partial, locked, badBalance, chain int
}

func runScenario(t *testing.T, fx *fixture, sc scenario, trials int, rng *rand.Rand) {
	t0 := time.Now()
	var c counts
	orphans := 0 // letters trials leaving a PDF that is not archived
	defer func() {
		if sc.letters {
			t.Logf("%s: %d trials left a PDF not archived in the output folder", sc.name, orphans)
		}
	}()
	dir := t.TempDir()
	for i := 0; i < trials; i++ {
		db := filepath.Join(dir, fmt.Sprintf("trial-%03d.db", i))
		copyFile(t, fx.demo, db)
		finished := false
		var delays []time.Duration
		for k := 0; k < sc.kills; k++ {
			dur, args := fx.duration, []string{"import", "--db", db, fx.fec}
			if sc.letters {
				dur, args = fx.letterDur, lettersArgs(db, filepath.Join(dir, fmt.Sprintf("out-%03d", i)))
			}
			d := time.Duration(rng.Int64N(int64(dur)))
			delays = append(delays, d)
			if !killAfter(t, fx.bin, d, args...) {
				finished = true
			}
		}
		c.trials++
		what := fmt.Sprintf("trial %d (kills after %v)", i, delays)
		// Not locked: a read-write open must succeed within a second.
		start := time.Now()
		sdb, err := store.Open(db, store.Options{Timeout: time.Second})
		if err != nil {
			c.locked++
			t.Errorf("%s: reopen: %v", what, err)
		} else {
			sdb.Close()
			if el := time.Since(start); el > time.Second {
				c.locked++
				t.Errorf("%s: reopen took %v", what, el)
			}
		}
		if code, out := run(fx.bin, "check", "--db", db); code != 0 {
			c.corrupt++
			t.Errorf("%s: relance check exit %d:\n%s", what, code, out)
			continue
		}
		if sc.letters {
			n, err := issued(db)
			switch {
			case err != nil:
				c.corrupt++
				t.Errorf("%s: %v", what, err)
			case n == 0:
				c.before++
			case n == fx.letterN:
				c.after++
				if finished {
					c.finished++
				}
			default:
				c.partial++
				t.Errorf("%s: %d letters issued, want 0 or %d", what, n, fx.letterN)
			}
			if code, out := run(fx.bin, "verify", "--db", db); code != 0 {
				c.chain++
				t.Errorf("%s: relance verify exit %d:\n%s", what, code, out)
			}
			// No letter without its record: every PDF in the output folder is archived.
			if bad, err := unarchivedPDFs(db, filepath.Join(dir, fmt.Sprintf("out-%03d", i))); err != nil || len(bad) > 0 {
				orphans++
				t.Errorf("%s: PDFs in the output folder not archived: %v %v", what, bad, err)
			}
			os.RemoveAll(db + ".backups")
			os.Remove(db)
			continue
		}
		st, err := read(db)
		if err != nil {
			c.corrupt++
			t.Errorf("%s: %v", what, err)
			continue
		}
		switch st {
		case fx.before:
			c.before++
		case fx.after:
			c.after++
			if finished {
				c.finished++
			}
		default:
			c.partial++
			t.Errorf("%s: partial import: %d customers/%d items, want %d/%d (nothing) or %d/%d (all)", what,
				st.nCust, st.items, fx.before.nCust, fx.before.items, fx.after.nCust, fx.after.items)
		}
		if err := balances(fx.bin, db); err != nil {
			c.badBalance++
			t.Errorf("%s: %v", what, err)
		}
		os.RemoveAll(db + ".backups")
		os.Remove(db)
	}
	t.Logf("%s: %d trials in %.1fs: killed before commit %d, killed after commit %d (of which the process had already exited %d), "+
		"corrupt %d, partial %d, locked %d, balance ≠ Σ open %d, broken letter chain %d",
		sc.name, c.trials, time.Since(t0).Seconds(), c.before, c.after, c.finished, c.corrupt, c.partial, c.locked, c.badBalance, c.chain)
	if c.corrupt+c.partial+c.locked+c.badBalance+c.chain > 0 {
		t.Errorf("%s: %d corrupt, %d partial, %d locked, %d with balance ≠ Σ open, %d broken chains", sc.name,
			c.corrupt, c.partial, c.locked, c.badBalance, c.chain)
	}
}

// killAfter starts the binary with args and kills it with SIGKILL after d. It reports
// whether the kill happened (false: the process had exited by itself).
func killAfter(t *testing.T, bin string, d time.Duration, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "RELANCE_LANG=en")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("import exited by itself with %v", err)
		}
		return false
	case <-time.After(d):
	}
	cmd.Process.Signal(syscall.SIGKILL)
	err := <-done
	if ee, ok := err.(*exec.ExitError); ok {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return true
		}
	}
	if err != nil {
		t.Fatalf("import exited with %v", err)
	}
	return false // it finished between the timer and the signal
}

// run runs the binary to completion and returns its exit code and output.
func run(bin string, args ...string) (int, string) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "RELANCE_LANG=en")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	}
	if err != nil {
		return -1, err.Error()
	}
	return 0, string(out)
}

// read returns the content state of a dossier, with the store package.
func read(path string) (state, error) {
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return state{}, err
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		return state{}, err
	}
	ids := make([]string, len(book.Accounts))
	for i, a := range book.Accounts {
		ids[i] = a.Customer.ID
	}
	sort.Strings(ids)
	idb, _ := json.Marshal(ids)
	all, err := json.Marshal(book.Accounts)
	if err != nil {
		return state{}, err
	}
	return state{customers: sum(idb), nCust: len(ids), items: book.ItemCount(), hash: sum(all)}, nil
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// balances checks, through `relance customers --format json`, that every customer's
// balance is the sum of its open items as stored.
func balances(bin, path string) error {
	cmd := exec.Command(bin, "customers", "--db", path, "--format", "json", "--at", "2026-11-23")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("relance customers: %v: %s", err, errb.String())
	}
	var doc struct {
		Customers []struct {
			ID      string `json:"id"`
			Balance string `json:"balance"`
		} `json:"customers"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		return fmt.Errorf("relance customers: %v", err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		return err
	}
	if len(doc.Customers) != len(book.Accounts) {
		return fmt.Errorf("relance customers lists %d customers, the dossier has %d", len(doc.Customers), len(book.Accounts))
	}
	for _, c := range doc.Customers {
		a := book.Account(c.ID)
		if a == nil {
			return fmt.Errorf("customer %s listed but not in the dossier", c.ID)
		}
		var open ledger.Cents
		for _, it := range a.Items {
			open += it.Open
		}
		if open.String() != c.Balance {
			return fmt.Errorf("customer %s: balance %s ≠ Σ open items %s", c.ID, c.Balance, open)
		}
	}
	return nil
}

// setup builds the binary, the FEC, the demo dossier and the reference import.
func setup(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	fx := &fixture{bin: filepath.Join(dir, "relance"), fec: filepath.Join(dir, "999999999FEC20251231.txt"),
		demo: filepath.Join(dir, "demo.db")}
	build := exec.Command("go", "build", "-tags", "ci", "-o", fx.bin, ".")
	build.Dir = ".."
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	lines := 250_000
	if s := os.Getenv("RELANCE_CRASH_FEC_LINES"); s != "" {
		lines, _ = strconv.Atoi(s)
	}
	f, err := os.Create(fx.fec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fecgen.Write(f, fecgen.Config{Lines: lines, Customers: 5000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if code, out := run(fx.bin, "demo", "--out", fx.demo, "--today", "2026-11-23"); code != 0 {
		t.Fatalf("demo: %s", out)
	}
	if fx.before, err = read(fx.demo); err != nil {
		t.Fatal(err)
	}
	// Reference import, three times: the median duration bounds the kill delays.
	var ds []time.Duration
	for i := 0; i < 3; i++ {
		ref := filepath.Join(dir, fmt.Sprintf("ref%d.db", i))
		copyFile(t, fx.demo, ref)
		start := time.Now()
		if code, out := run(fx.bin, "import", "--db", ref, fx.fec); code != 0 {
			t.Fatalf("reference import: exit %d\n%s", code, out)
		}
		ds = append(ds, time.Since(start))
		st, err := read(ref)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && st != fx.after {
			t.Fatalf("two complete imports give different dossiers")
		}
		fx.after = st
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	fx.duration = ds[1]
	if fx.after == fx.before {
		t.Fatal("the reference import changed nothing")
	}
	// Reference batch of letters, three times too.
	ds = ds[:0]
	for i := 0; i < 3; i++ {
		ref := filepath.Join(dir, fmt.Sprintf("letters%d.db", i))
		copyFile(t, fx.demo, ref)
		start := time.Now()
		if code, out := run(fx.bin, lettersArgs(ref, filepath.Join(dir, fmt.Sprintf("letters%d", i)))...); code != 0 {
			t.Fatalf("reference batch: exit %d\n%s", code, out)
		}
		ds = append(ds, time.Since(start))
		if fx.letterN, err = issued(ref); err != nil || fx.letterN == 0 {
			t.Fatalf("reference batch issued %d letters: %v", fx.letterN, err)
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	fx.letterDur = ds[1]
	return fx
}

// lettersArgs is the batch issue of the demo's second reminders into out.
func lettersArgs(db, out string) []string {
	return []string{"letters", "--db", db, "--at", "2026-11-23", "--stage", "r2", "--out", out, "--issue", "--by", "crashtest"}
}

// issued counts the dossier's issued letters, and checks that each has its action in the
// customer's history (both are written in the batch's one transaction).
func issued(path string) (int, error) {
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	n := 0
	err = db.View(func(tx *store.Tx) error {
		recs, err := archive.List(tx, archive.Filter{})
		if err != nil {
			return err
		}
		acts, err := tx.Actions("")
		if err != nil {
			return err
		}
		withLetter := 0
		for _, a := range acts {
			if a.Letter != "" {
				withLetter++
			}
		}
		if withLetter != len(recs) {
			return fmt.Errorf("%d letters issued but %d actions point to a letter", len(recs), withLetter)
		}
		n = len(recs)
		return nil
	})
	return n, err
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

// unarchivedPDFs returns the PDFs of the output folder out (temporary files apart) whose
// bytes are not those of a letter in the dossier's archive.
func unarchivedPDFs(path, out string) ([]string, error) {
	es, err := os.ReadDir(out)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	archived := map[string]bool{}
	err = db.View(func(tx *store.Tx) error {
		recs, err := archive.List(tx, archive.Filter{})
		for _, r := range recs {
			archived[r.PDFHash] = true
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, e := range es {
		if e.IsDir() || filepath.Ext(e.Name()) != ".pdf" || e.Name()[0] == '.' {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			return nil, err
		}
		if !archived[sum(b)] {
			bad = append(bad, e.Name())
		}
	}
	return bad, nil
}
