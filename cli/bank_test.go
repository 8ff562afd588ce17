package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The morning routine from the command line on the demo's camt.053 (the demo anchored
// at 4 December 2026, which the statement was written for): the review writes nothing;
// --auto records the safe lines, the customers' balances, the aged balance and the
// agenda follow; the same file again records nothing; --take records a line left.
func TestBankImportMorningRoutine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, "fr", "demo", "--out", path, "--today", "2026-12-04"); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	const today = "2026-12-04"
	file := filepath.Join("..", "testdata", "bank", "releve-demo.camt053.xml")
	before := customersAt(t, path, today)
	code, out, stderr := run(t, "fr", "bank", "import", "--db", path, "--at", today, file)
	if code != 0 || !strings.Contains(out, "Rien n'est enregistré") || !strings.Contains(out, "Chocolaterie Roussel SASU") {
		t.Fatalf("review: %d %s\n%s", code, stderr, out)
	}
	if after := customersAt(t, path, today); after["C00022"] != before["C00022"] {
		t.Error("the review wrote something")
	}
	var reminded bool
	for _, a := range agendaJSONAt(t, path, today, "--dry-run").Actions {
		reminded = reminded || a.Customer == "C00038" && a.Level > 0
	}
	code, out, stderr = run(t, "en", "bank", "import", "--db", path, "--at", today, "--auto", "--format", "json", file)
	if code != 0 {
		t.Fatalf("--auto: %d %s", code, stderr)
	}
	var doc struct {
		Lines []struct {
			N        int    `json:"n"`
			Pos      string `json:"pos"`
			State    string `json:"state"`
			Recorded *struct {
				ID   string `json:"id"`
				Kind string `json:"kind"`
			} `json:"recorded"`
		} `json:"lines"`
		Result struct {
			Left int `json:"left"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	rec := map[string]string{}
	textile := 0
	for _, l := range doc.Lines {
		if l.Recorded != nil {
			rec[l.Pos] = l.Recorded.Kind
		}
		if l.Pos == "Ntry 8" {
			textile = l.N
		}
	}
	for pos, kind := range map[string]string{"Ntry 1": "", "Ntry 3": "", "Ntry 9": "return", "Ntry 12": "return", "Ntry 14": ""} {
		if k, ok := rec[pos]; !ok || k != kind {
			t.Errorf("%s: recorded %v (kind %q), want kind %q", pos, ok, k, kind)
		}
	}
	for _, pos := range []string{"Ntry 6", "Ntry 8", "Ntry 11", "Ntry 4"} {
		if _, ok := rec[pos]; ok {
			t.Errorf("%s recorded by --auto", pos)
		}
	}
	after := customersAt(t, path, today)
	if after["C00022"].Balance != before["C00022"].Balance-663201 || after["C00010"].Balance != before["C00010"].Balance+41857 {
		t.Errorf("balances: C00022 %+v → %+v, C00010 %+v → %+v", before["C00022"], after["C00022"], before["C00010"], after["C00010"])
	}
	if after["C00010"].Overdue != before["C00010"].Overdue+41857 {
		t.Errorf("the returned cheque is not overdue again: %+v → %+v", before["C00010"], after["C00010"])
	}
	if reminded {
		for _, a := range agendaJSONAt(t, path, today, "--dry-run").Actions {
			if a.Customer == "C00038" && a.Level > 0 && after["C00038"].Overdue == 0 {
				t.Errorf("C00038 paid its invoice and is still reminded: %+v", a)
			}
		}
	}
	// Again: nothing new.
	code, out, _ = run(t, "fr", "bank", "import", "--db", path, "--at", today, "--auto", file)
	if code != 0 || !strings.Contains(out, "0 règlement(s) et 0 impayé(s) enregistrés") || !strings.Contains(out, "déjà été importé") {
		t.Errorf("the same file again: %d\n%s", code, out)
	}
	// A line left, taken by hand for its customer: the oldest invoices first.
	code, out, stderr = run(t, "fr", "bank", "import", "--db", path, "--at", today, "--take", itoa(textile)+"=C00040", file)
	if code != 0 || !strings.Contains(out, "enregistré pour le client C00040") {
		t.Errorf("--take: %d %s\n%s", code, stderr, out)
	}
	if a := customersAt(t, path, today)["C00040"]; a.Balance != before["C00040"].Balance-1000000 {
		t.Errorf("C00040 %+v after 10 000,00 €, before %+v", a, before["C00040"])
	}
	// Bad input: a --take that is not one, a line that is not there, a file that is not a statement.
	for _, bad := range [][]string{{"--take", "x=C1"}, {"--take", "99=C00040"}, {"--take", itoa(textile) + "=#9"}} {
		if code, _, stderr := run(t, "fr", append(append([]string{"bank", "import", "--db", path, "--at", today}, bad...), file)...); code == 0 || !strings.Contains(stderr, "--take") {
			t.Errorf("%v: %d %s", bad, code, stderr)
		}
	}
	badFile := filepath.Join("..", "testdata", "bank", "bad", "date-impossible.csv")
	if code, _, stderr := run(t, "fr", "bank", "import", "--db", path, "--at", today, "--auto", badFile); code == 0 || !strings.Contains(stderr, "31/11/2026") {
		t.Errorf("bad file: %d %s", code, stderr)
	}
}
