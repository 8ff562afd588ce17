package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"relance/ledger"
)

func TestKPIJSON(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "kpi", "--db", path, "--at", "2026-11-23", "--format", "json", "--history")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		AsOf string `json:"as_of"`
		KPIs []struct {
			Key, Name, Value, Unit, Method string
			Defined                        bool
			Inputs                         []struct{ Name, Label, Value, Unit string }
		} `json:"kpis"`
		History []struct {
			AsOf        string            `json:"as_of"`
			Receivables string            `json:"receivables"`
			KPIs        map[string]string `json:"kpis"`
		} `json:"history"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	seen := map[string]bool{}
	for _, k := range doc.KPIs {
		seen[k.Key] = true
		if k.Name == k.Key || k.Method == "" || strings.HasPrefix(k.Method, "kpi.") || len(k.Inputs) == 0 {
			t.Errorf("%s: name %q, method %q, %d inputs", k.Key, k.Name, k.Method, len(k.Inputs))
		}
		for _, in := range k.Inputs {
			if strings.HasPrefix(in.Label, "kpi.") {
				t.Errorf("%s: input %s has no label", k.Key, in.Name)
			}
		}
		if k.Defined {
			if _, err := ledger.ParseCents(k.Value); err != nil {
				t.Errorf("%s: value %q", k.Key, k.Value)
			}
		}
	}
	for _, k := range []string{"kpi.dso_accounting", "kpi.dso_countback", "kpi.bpdso", "kpi.add", "kpi.overdue_rate", "kpi.cei", "kpi.over_90", "kpi.disputes_weight"} {
		if !seen[k] {
			t.Errorf("missing %s", k)
		}
	}
	if len(doc.History) != 24 || doc.History[23].AsOf != "2026-11-23" || doc.History[22].AsOf != "2026-10-31" ||
		doc.History[23].KPIs["kpi.dso_accounting"] == "" {
		t.Errorf("history: %d points", len(doc.History))
	}
	code, out, _ = run(t, "en", "kpi", "--db", path, "--at", "2026-11-23", "--history")
	if code != 0 || !strings.Contains(out, "DSO (count-back method)") || !strings.Contains(out, "2026-10-31") {
		t.Errorf("table: %d %s", code, out)
	}
	if code, _, _ := run(t, "en", "kpi", "--db", path, "--format", "xml"); code != 2 {
		t.Errorf("bad format: exit %d", code)
	}
}

func TestAgedGroupsAndExports(t *testing.T) {
	path := demoFile(t)
	for _, by := range []string{"salesperson", "kind", "class"} {
		code, out, stderr := run(t, "fr", "aged", "--db", path, "--at", "2026-11-23", "--by", by, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d %s", by, code, stderr)
		}
		var doc struct {
			Total  string `json:"total"`
			Groups []struct {
				Key, Label, Balance string
				Customers           int
			} `json:"groups"`
			Customers []json.RawMessage `json:"customers"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		var sum ledger.Cents
		n := 0
		for _, g := range doc.Groups {
			c, _ := ledger.ParseCents(g.Balance)
			sum += c
			n += g.Customers
		}
		if len(doc.Groups) == 0 || sum.String() != doc.Total || n != len(doc.Customers) {
			t.Errorf("%s: %d groups, Σ %s, total %s", by, len(doc.Groups), sum, doc.Total)
		}
	}
	code, out, _ := run(t, "en", "aged", "--db", path, "--kind", "public", "--by", "kind", "--format", "table")
	if code != 0 || !strings.Contains(out, "Public bodies") || strings.Contains(out, "Businesses") {
		t.Errorf("kind filter: %d\n%s", code, out)
	}
	if code, _, stderr := run(t, "en", "aged", "--db", path, "--format", "xlsx"); code != 2 || !strings.Contains(stderr, "--out") {
		t.Errorf("xlsx without --out: %d %s", code, stderr)
	}
	xlsx := filepath.Join(t.TempDir(), "aged.xlsx")
	if code, _, stderr := run(t, "fr", "aged", "--db", path, "--by", "salesperson", "--format", "xlsx", "--out", xlsx); code != 0 {
		t.Fatalf("xlsx: %d %s", code, stderr)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetName(0))
	if len(rows) < 4 || rows[len(rows)-2][1] != "Total" || !strings.HasPrefix(rows[len(rows)-1][1], "Clients douteux (416)") {
		t.Errorf("xlsx rows %v: want the total, then the doubtful customers apart", rows)
	}
	csvPath := filepath.Join(t.TempDir(), "aged.csv")
	if code, _, _ := run(t, "fr", "aged", "--db", path, "--format", "csv", "--out", csvPath); code != 0 {
		t.Fatal("csv")
	}
	b, _ := os.ReadFile(csvPath)
	if !strings.HasPrefix(string(b), "\ufeffCompte;Nom;Solde;Non échu;") {
		t.Errorf("csv head %q", string(b[:min(80, len(b))]))
	}
}
