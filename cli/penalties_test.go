package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type penaltiesDoc struct {
	Debtor   string `json:"debtor"`
	Currency string `json:"currency"`
	Lines    []struct {
		From, To, Rate, Base, Interest, Rule string
		Days                                 int
	} `json:"lines"`
	Totals map[string]string `json:"totals"`
	Notes  []string          `json:"notes"`
}

func TestPenaltiesJSON(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		lines    int
		interest string
		total    string
		currency string
	}{
		{"FR-4 half-year split", []string{"--amount", "10000", "--due", "2025-06-15", "--paid", "2025-08-15"}, 2, "207.16", "10247.16", "EUR"},
		{"PUB-1", []string{"--amount", "10000", "--due", "2025-06-15", "--paid", "2025-08-15", "--debtor", "public"}, 1, "186.34", "10226.34", "EUR"},
		{"FR-2 contractual 15 %", []string{"--amount", "15000", "--due", "2025-02-14", "--paid", "2025-03-16", "--rate", "15"}, 1, "184.93", "15224.93", "EUR"},
		{"UK-2", []string{"--amount", "262.25", "--due", "2015-01-10", "--paid", "2015-05-29", "--debtor", "uk"}, 1, "8.49", "310.74", "GBP"},
		{"consumer from notice, no €40", []string{"--amount", "1000", "--due", "2025-05-01", "--paid", "2025-07-31", "--debtor", "b2c", "--notice", "2025-06-15"}, 2, "3.86", "1003.86", "EUR"},
		{"partial payments", []string{"--amount", "10000", "--due", "2025-06-15", "--paid", "2025-08-15", "--payment", "2025-06-20:1000", "--payment", "2025-07-31:6000"}, 4, "158.28", "3198.28", "EUR"},
	}
	for _, c := range cases {
		code, out, stderr := run(t, "en", append([]string{"penalties", "--format", "json"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.name, code, stderr)
		}
		var doc penaltiesDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, out)
		}
		if len(doc.Lines) != c.lines || doc.Totals["interest"] != c.interest || doc.Totals["total_due"] != c.total ||
			doc.Currency != c.currency || len(doc.Notes) == 0 {
			t.Errorf("%s: %+v", c.name, doc)
		}
		for _, n := range doc.Notes {
			if strings.HasPrefix(n, "law.") {
				t.Errorf("%s: untranslated note %q", c.name, n)
			}
		}
	}
}

func TestPenaltiesTable(t *testing.T) {
	code, out, stderr := run(t, "fr", "penalties", "--amount", "10000", "--due", "2025-06-15", "--paid", "2025-08-15")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"54,04", "153,12", "16/06/2025", "207,16", "10\u202f247,16", "C. com. L441-10 II", "D441-5"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestPenaltiesErrors(t *testing.T) {
	base := []string{"penalties", "--due", "2025-06-15", "--paid", "2025-08-15"}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--amount", "-5"}, 2, "--amount"},
		{[]string{"--amount", "abc"}, 2, "abc"},
		{[]string{"--amount", "100", "--debtor", "martian"}, 2, "martian"},
		{[]string{"--amount", "100", "--rate", "ten"}, 2, "ten"},
		{[]string{"--amount", "100", "--basis", "367"}, 2, "367"},
		{[]string{"--amount", "100", "--payment", "2025-07-01"}, 2, "2025-07-01"},
		{[]string{"--amount", "100", "--notice", "2025-07-01"}, 2, "--notice"},
		{[]string{"--amount", "100", "--due", "2025-02-30"}, 2, "2025-02-30"},
		{[]string{"--amount", "100", "--debtor", "b2c"}, 1, "1231-6"}, // no formal notice
		{[]string{"--amount", "100", "--out", "x.txt"}, 2, "x.txt"},
	} {
		args := append(append([]string{}, base...), c.args...)
		code, _, stderr := run(t, "en", args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d with %q", c.args, code, stderr, c.code, c.want)
		}
	}
	// No rate known for 2026 H2: a clear error, not a guess.
	code, _, stderr := run(t, "en", "penalties", "--amount", "100", "--due", "2026-06-15")
	if code != 1 || !strings.Contains(stderr, "2026-07-01") {
		t.Errorf("2026 H2: exit %d, %q", code, stderr)
	}
}

// Issue 22 point 1: a contractual rate below the floor of C. com. L441-10 II is not
// refused: the floor applies where it is higher, with a warning in the notes, in the
// JSON and on stderr, in the user's language; 10 % in 2025 H2 (floor 8.28 %) is legal.
func TestPenaltiesFloor(t *testing.T) {
	args := []string{"penalties", "--amount", "10000", "--due", "2025-06-15", "--paid", "2025-08-15", "--rate", "9", "--format", "json"}
	code, out, stderr := run(t, "en", args...)
	if code != 0 {
		t.Fatalf("--rate 9: exit %d: %s", code, stderr)
	}
	var doc struct {
		penaltiesDoc
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// 15 days at the 2025 H1 floor 11.13 % = 45.74; 46 days at 9 % = 113.42.
	if len(doc.Lines) != 2 || doc.Lines[0].Rate != "11.13" || doc.Lines[1].Rate != "9.00" || doc.Totals["interest"] != "159.16" ||
		doc.Totals["indemnity"] != "40.00" || len(doc.Warnings) != 1 {
		t.Fatalf("%+v", doc)
	}
	for _, want := range []string{"Warning", "9.00%", "11.13%", "3.71%", "first half of 2025", "C. com. L441-10 II"} {
		if !strings.Contains(stderr, want) || !strings.Contains(doc.Warnings[0], want) {
			t.Errorf("warning lacks %q: stderr %q, json %q", want, stderr, doc.Warnings[0])
		}
	}
	code, out, stderr = run(t, "fr", "penalties", "--amount", "10000", "--due", "2025-06-15", "--paid", "2025-08-15", "--rate", "9")
	if code != 0 || !strings.Contains(stderr, "Attention") || !strings.Contains(stderr, "11,13\u00a0%") ||
		!strings.Contains(out, "Attention") || !strings.Contains(out, "11,13") {
		t.Errorf("fr: exit %d\n%s\n%s", code, out, stderr)
	}
	// 10 % entirely in 2025 H2 is accepted as is: 62 days at 10 % = 169.86, no warning.
	code, out, stderr = run(t, "en", "penalties", "--amount", "10000", "--due", "2025-07-15", "--paid", "2025-09-15", "--rate", "10", "--format", "json")
	doc.Warnings = nil
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil || stderr != "" || len(doc.Lines) != 1 ||
		doc.Lines[0].Rate != "10.00" || doc.Totals["interest"] != "169.86" || len(doc.Warnings) != 0 {
		t.Errorf("--rate 10 in 2025 H2: exit %d, %q, %+v", code, stderr, doc)
	}
}

// Issue 22 point 2: paid on or before the due date is no usage error but a décompte of
// nothing owed — no interest, no €40 — with a note saying it was paid on time.
func TestPenaltiesPaidOnTime(t *testing.T) {
	for _, paid := range []string{"2025-08-15", "2025-09-01"} {
		code, out, stderr := run(t, "en", "penalties", "--amount", "100", "--due", "2025-09-01", "--paid", paid, "--format", "json")
		if code != 0 {
			t.Fatalf("paid %s: exit %d: %s", paid, code, stderr)
		}
		var doc penaltiesDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Lines) != 0 || doc.Totals["interest"] != "0.00" || doc.Totals["indemnity"] != "0.00" ||
			doc.Totals["total_due"] != "0.00" || doc.Totals["paid"] != "100.00" || len(doc.Notes) == 0 ||
			!strings.Contains(doc.Notes[0], "settled on "+paid+", no later than its due date 2025-09-01") {
			t.Errorf("paid %s: %+v", paid, doc)
		}
	}
	code, out, _ := run(t, "fr", "penalties", "--amount", "100", "--due", "2025-09-01", "--paid", "2025-08-15")
	if code != 0 || !strings.Contains(out, "réglée le 15/08/2025, au plus tard à son échéance du 01/09/2025") || strings.Contains(out, "D441-5") {
		t.Errorf("fr table: %d\n%s", code, out)
	}
}

// Issue 22 point 8: --basis 366 divides the days of a leap year by 366, and says so.
func TestPenaltiesLeapBasis(t *testing.T) {
	base := []string{"penalties", "--amount", "10000", "--due", "2024-02-15", "--paid", "2024-03-16", "--format", "json"}
	for _, c := range []struct {
		basis, interest, note string
	}{{"365", "119.18", "/ 365,"}, {"366", "118.85", "/ 366 for the days in a leap year"}} {
		code, out, stderr := run(t, "en", append(append([]string{}, base...), "--basis", c.basis)...)
		var doc penaltiesDoc
		if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil {
			t.Fatalf("--basis %s: exit %d %v %s", c.basis, code, err, stderr)
		}
		if doc.Totals["interest"] != c.interest || !strings.Contains(strings.Join(doc.Notes, "\n"), c.note) {
			t.Errorf("--basis %s: %+v", c.basis, doc)
		}
	}
}

// --out writes the décompte as a PDF, the floor warning included.
func TestPenaltiesPDF(t *testing.T) {
	path := filepath.Join(t.TempDir(), "decompte.pdf")
	code, _, stderr := run(t, "fr", "penalties", "--amount", "10000", "--due", "2025-06-15", "--paid", "2025-08-15", "--rate", "9", "--out", path)
	if code != 0 || !strings.Contains(stderr, "Attention") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("%s: %v, %d bytes", path, err, len(b))
	}
}

func TestDeadlines(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "en", "deadlines", "--db", path, "--at", "2026-11-23", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		AsOf  string `json:"as_of"`
		Items []struct {
			Customer, Kind, Due, Open string
			Limitation                struct {
				Deadline string `json:"deadline"`
				DaysLeft int    `json:"days_left"`
				Level    string `json:"level"`
				Rule     string `json:"rule"`
			} `json:"limitation"`
			Reason []string `json:"reason_text"`
		} `json:"items"`
		Notes []string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) == 0 || len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0], "not recorded") {
		t.Fatalf("items %d, notes %v", len(doc.Items), doc.Notes)
	}
	urgency := map[string]int{"expired": 0, "warn3": 1, "warn6": 2, "ok": 3, "unknown": 4}
	for i, it := range doc.Items {
		if it.Limitation.Rule == "" || len(it.Reason) < 2 {
			t.Errorf("item %d: %+v", i, it)
		}
		if it.Kind == "consumer" && it.Limitation.Rule != "C. consom. L218-2" {
			t.Errorf("consumer item with rule %s", it.Limitation.Rule)
		}
		if i > 0 {
			p := doc.Items[i-1]
			if urgency[p.Limitation.Level] > urgency[it.Limitation.Level] ||
				(p.Limitation.Level == it.Limitation.Level && p.Limitation.Deadline > it.Limitation.Deadline) {
				t.Errorf("not sorted by urgency at %d", i)
			}
		}
	}
	code, out, _ = run(t, "fr", "deadlines", "--db", path, "--at", "2026-11-23")
	if code != 0 || !strings.Contains(out, "Prescription") || !strings.Contains(out, "interruptions") {
		t.Errorf("table: %d\n%s", code, out)
	}
	if code, _, _ := run(t, "en", "deadlines"); code != 2 {
		t.Errorf("missing --db: exit %d", code)
	}
}
