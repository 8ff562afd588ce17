package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/store"
)

// firstOverdue returns a customer of the demo dossier with no active dispute and one
// of its overdue invoices (ID, number, open amount).
func firstOverdue(t *testing.T, path string) (string, string, string, string) {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, _ := db.Load()
	ds, _, _ := db.LoadDisputes()
	busy := map[string]bool{}
	for _, d := range ds {
		busy[d.Customer] = true
	}
	for _, a := range book.Accounts {
		if busy[a.Customer.ID] {
			continue
		}
		for _, it := range a.Items {
			if it.OverdueAt(testToday) {
				return a.Customer.ID, it.ID, it.Number, it.Open.String()
			}
		}
	}
	t.Fatal("no overdue invoice")
	return "", "", "", ""
}

func TestDisputeCommands(t *testing.T) {
	path := demoFile(t)
	cust, itemID, number, open := firstOverdue(t, path)
	openC, _ := ledger.ParseCents(open)
	above := (openC + 1).String()

	// Open on the invoice number, with an acknowledgement letter.
	ack := filepath.Join(t.TempDir(), "ack.pdf")
	code, out, stderr := run(t, "fr", "dispute", "open", "--db", path, "--customer", cust, "--item", number+":10.00",
		"--reason", "price", "--comment", "remise oubliée", "--ack", ack)
	if code != 0 || !strings.Contains(out, "L2026-") {
		t.Fatalf("open: %d %s %s", code, out, stderr)
	}
	id := strings.Fields(out)[1]
	if st, err := os.Stat(ack); err != nil || st.Size() < 1000 {
		t.Errorf("ack letter: %v", err)
	}

	// Above the open amount, unknown reason, unknown customer: exit 1, nothing written.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--customer", cust, "--item", itemID + ":" + above, "--reason", "price"}, "supérieur à son restant dû"},
		{[]string{"--customer", cust, "--item", itemID, "--reason", "mood"}, "motif inconnu"},
		{[]string{"--customer", "NOPE", "--item", "X", "--reason", "price"}, "client inconnu"},
	} {
		code, _, stderr := run(t, "fr", append([]string{"dispute", "open", "--db", path}, tc.args...)...)
		if code != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: %d %q", tc.args, code, stderr)
		}
	}

	// Status flow, with a refused transition in French and English.
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--to", "answer_received"}, 1, "passage de « open » à « answer_received » impossible"},
		{[]string{"--to", "with_sales", "--comment", "envoyé au commercial"}, 0, "open → with_sales"},
		{[]string{"--to", "resolved", "--resolution", "partial", "--amount", "3"}, 1, "impossible"},
		{[]string{"--to", "answer_received"}, 0, "with_sales → answer_received"},
		{[]string{"--to", "resolved", "--resolution", "partial", "--amount", "10"}, 1, "avoir partiel"},
		{[]string{"--to", "resolved"}, 1, "sans résolution"},
		{[]string{"--to", "resolved", "--resolution", "partial", "--amount", "4"}, 0, "answer_received → resolved"},
		{[]string{"--to", "open"}, 1, "clos"},
	}
	for _, s := range steps {
		code, out, stderr := run(t, "fr", append([]string{"dispute", "status", "--db", path, "--id", id}, s.args...)...)
		if code != s.code || !strings.Contains(out+stderr, s.want) {
			t.Errorf("%v: %d %q %q", s.args, code, out, stderr)
		}
	}
	if code, _, stderr := run(t, "en", "dispute", "status", "--db", path, "--id", id, "--to", "cancelled"); code != 1 ||
		!strings.Contains(stderr, "Dispute "+id+": the dispute is closed (\"resolved\"), cannot go to \"cancelled\"") {
		t.Errorf("english: %d %q", code, stderr)
	}
	if code, out, _ := run(t, "fr", "dispute", "note", "--db", path, "--id", id, "--text", "avoir émis"); code != 0 || !strings.Contains(out, "note") {
		t.Errorf("note: %d %s", code, out)
	}
	if code, _, _ := run(t, "fr", "dispute", "note", "--db", path, "--id", "L1999-0001", "--text", "x"); code != 1 {
		t.Error("note on a missing dispute")
	}
	if code, _, _ := run(t, "fr", "dispute", "close", "--db", path); code != 2 {
		t.Error("unknown action must be a usage error")
	}

	// The list shows it with its history.
	code, out, stderr = run(t, "fr", "disputes", "--db", path, "--format", "json", "--status", "resolved")
	if code != 0 {
		t.Fatalf("disputes: %d %s", code, stderr)
	}
	var doc struct {
		Disputes []disputeJSON `json:"disputes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var mine *disputeJSON
	for i := range doc.Disputes {
		if doc.Disputes[i].ID == id {
			mine = &doc.Disputes[i]
		}
		if doc.Disputes[i].StatusAt != "resolved" {
			t.Errorf("%s: status %s", doc.Disputes[i].ID, doc.Disputes[i].StatusAt)
		}
	}
	if mine == nil || len(mine.History) != 4 || len(mine.Notes) != 1 || mine.Resolution.Kind != dispute.ResolvedPartial || mine.Resolution.Amount != 400 {
		t.Errorf("stored dispute %+v", mine)
	}
}

func TestDisputesList(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "disputes", "--db", path)
	if code != 0 || !strings.Contains(out, "L2026-0001") || !strings.Contains(out, "Litiges : 20") {
		t.Fatalf("%d %s %s", code, out, stderr)
	}
	code, out, _ = run(t, "en", "disputes", "--db", path, "--owner", "sophie", "--format", "json")
	var doc struct {
		Disputes []disputeJSON `json:"disputes"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Disputes) == 0 {
		t.Fatalf("owner filter: %d %s", code, out)
	}
	for _, d := range doc.Disputes {
		if d.Owner != "SLA" {
			t.Errorf("%s owned by %s", d.ID, d.Owner)
		}
	}
	// Before the first dispute was opened, none is listed.
	if code, out, _ := run(t, "fr", "disputes", "--db", path, "--at", "2020-01-01"); code != 0 || !strings.Contains(out, "Litiges : 0") {
		t.Errorf("at 2020: %s", out)
	}
	if code, _, _ := run(t, "fr", "disputes", "--db", path, "--status", "closed"); code != 2 {
		t.Error("bad status must be a usage error")
	}
	if code, _, stderr := run(t, "fr", "disputes", "--db", path, "--owner", "Personne"); code != 1 || !strings.Contains(stderr, "commercial inconnu") {
		t.Errorf("unknown owner: %d %s", code, stderr)
	}
}

func TestDigestCommand(t *testing.T) {
	path := demoFile(t)
	dir := t.TempDir()
	csvPath, pdfPath := filepath.Join(dir, "d.csv"), filepath.Join(dir, "d.pdf")
	if code, _, stderr := run(t, "fr", "digest", "--db", path, "--salesperson", "Nadia Guérin", "--out", csvPath); code != 0 {
		t.Fatalf("csv: %s", stderr)
	}
	b, _ := os.ReadFile(csvPath)
	if !strings.HasPrefix(string(b), "Section;N°;Compte") || !strings.Contains(string(b), "litige;L2026-") || !strings.Contains(string(b), "client;") {
		t.Errorf("csv:\n%s", b)
	}
	if code, _, stderr := run(t, "en", "digest", "--db", path, "--salesperson", "NGU", "--out", pdfPath); code != 0 {
		t.Fatalf("pdf: %s", stderr)
	}
	if code, _, _ := run(t, "fr", "digest", "--db", path, "--salesperson", "NGU", "--out", filepath.Join(dir, "d.txt")); code != 2 {
		t.Error("bad extension must be a usage error")
	}
	if code, _, _ := run(t, "fr", "digest", "--db", path, "--salesperson", "Nobody", "--out", csvPath); code != 1 {
		t.Error("unknown salesperson must fail")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", pdfPath, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Collection digest for Nadia Guérin", "Your active disputes", "Your overdue customers", "Delivery blocks to decide"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("%q missing from the PDF", w)
		}
	}
}
