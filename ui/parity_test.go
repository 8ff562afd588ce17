package ui

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/cli"
	"relance/ledger"
)

// cliJSON runs the command line on args and decodes its JSON output into v.
func cliJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	var out, errb bytes.Buffer
	if code := cli.Run(args, &out, &errb); code != 0 {
		t.Fatalf("relance %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	if err := json.Unmarshal(out.Bytes(), v); err != nil {
		t.Fatalf("relance %s: %v", strings.Join(args, " "), err)
	}
}

// cliFigures is what the command line prints at one date, in JSON.
type cliFigures struct {
	kpi struct {
		KPIs []struct {
			Key, Value string
			Defined    bool
		} `json:"kpis"`
		Position map[string]string `json:"position"`
	}
	customers struct {
		Customers []struct {
			ID       string `json:"id"`
			Overdue  string `json:"overdue"`
			Doubtful bool   `json:"doubtful"`
		} `json:"customers"`
		Totals struct {
			Customers         int    `json:"customers"`
			Receivables       string `json:"receivables"`
			Overdue           string `json:"overdue"`
			Doubtful          string `json:"doubtful"`
			DoubtfulCustomers int    `json:"doubtful_customers"`
		} `json:"totals"`
	}
	aged struct {
		Total    string            `json:"total"`
		Disputed string            `json:"disputed"`
		Buckets  map[string]string `json:"buckets"`
		Doubtful struct {
			Customers int    `json:"customers"`
			Balance   string `json:"balance"`
		} `json:"doubtful"`
	}
	risk struct {
		Customers []struct{ Customer, Class string } `json:"customers"`
	}
	agenda struct {
		Actions []struct{ Customer, Action string } `json:"actions"`
	}
	// penalties of the customers with the largest overdue amounts (and the insolvent one)
	penalties map[string]struct {
		End    string            `json:"end"`
		Totals map[string]string `json:"totals"`
	}
}

// cents reads an amount printed by the command line.
func cents(t *testing.T, s string) ledger.Cents {
	t.Helper()
	c, err := ledger.ParseCents(s)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return c
}

// TestWindowAndCommandLineAgree is the parity test of issue 17: on the demo dossier at
// three dates, every figure the window shows (the dashboard's tiles, the Clients
// footer as displayed, the aged balance's total line and its doubtful line, the risk
// classes, the number of the day's actions, a customer's décompte) equals what the
// matching command prints.
func TestWindowAndCommandLineAgree(t *testing.T) {
	path := demoFile(t)
	dates := []ledger.Date{anchor, anchor.AddDays(-45), anchor.AddDays(-200)}
	// The command line first: a dossier is open in one place at a time.
	want := make([]cliFigures, len(dates))
	for i, at := range dates {
		w := &want[i]
		a := at.String()
		cliJSON(t, &w.kpi, "kpi", "--db", path, "--at", a, "--format", "json")
		cliJSON(t, &w.customers, "customers", "--db", path, "--at", a, "--format", "json")
		cliJSON(t, &w.aged, "aged", "--db", path, "--at", a, "--format", "json")
		cliJSON(t, &w.risk, "risk", "--db", path, "--at", a, "--format", "json")
		cliJSON(t, &w.agenda, "agenda", "--db", path, "--at", a, "--format", "json")
		var top []string
		for _, c := range w.customers.Customers {
			if !c.Doubtful && cents(t, c.Overdue) > 0 && len(top) < 3 {
				top = append(top, c.ID)
			}
		}
		w.penalties = map[string]struct {
			End    string            `json:"end"`
			Totals map[string]string `json:"totals"`
		}{}
		for _, id := range top {
			var p struct {
				End    string            `json:"end"`
				Totals map[string]string `json:"totals"`
			}
			cliJSON(t, &p, "penalties", "--db", path, "--customer", id, "--paid", a, "--format", "json")
			w.penalties[id] = p
		}
	}

	a := newTestApp(t, "fr")
	if err := open(t, a, path); err != nil {
		t.Fatal(err)
	}
	for i, at := range dates {
		w := &want[i]
		a.setAsOf(at)
		a.showScreen(screenDashboard)
		if a.dash.snap == nil || a.dash.asOf != at {
			t.Fatalf("%s: the dashboard is not computed", at)
		}
		// Dashboard tiles.
		if len(w.kpi.KPIs) != len(a.dash.snap.KPIs) {
			t.Fatalf("%s: %d KPIs on screen, %d printed", at, len(a.dash.snap.KPIs), len(w.kpi.KPIs))
		}
		for j, k := range w.kpi.KPIs {
			f := &a.dash.snap.KPIs[j]
			if f.Key != k.Key || f.Defined != k.Defined {
				t.Errorf("%s: KPI %d: %s/%v on screen, %s/%v printed", at, j, f.Key, f.Defined, k.Key, k.Defined)
				continue
			}
			if !k.Defined {
				continue
			}
			v, err := decimal.NewFromString(k.Value)
			if err != nil || !v.Equal(f.Value.Round(2)) && !v.Equal(f.Value) {
				t.Errorf("%s: %s = %s on screen, %s printed", at, f.Key, f.Value, k.Value)
			}
		}
		if got, want := a.dash.snap.Position.Disputed.String(), w.kpi.Position["disputed"]; got != want || want == "0.00" && i == 0 {
			t.Errorf("%s: disputed %s on screen, %s printed", at, got, want)
		}
		// The Clients footer, as displayed.
		v := showClients(t, a)
		tot := w.customers.Totals
		footer := a.t(a.plural("ui.clients.totals", len(w.customers.Customers)), "count", a.count(len(w.customers.Customers)),
			"balance", a.money(cents(t, tot.Receivables)), "overdue", a.money(cents(t, tot.Overdue)))
		if tot.DoubtfulCustomers != 0 {
			n := len(w.customers.Customers)
			for _, c := range w.customers.Customers {
				if !c.Doubtful {
					n--
				}
			}
			footer += "\n" + a.t("ui.clients.doubtful", "n", a.count(n), "amount", a.money(cents(t, tot.Doubtful)))
		}
		if v.totals.Text != footer {
			t.Errorf("%s: Clients footer\n  window %q\n  printed %q", at, v.totals.Text, footer)
		}
		// The receivables are one figure: KPIs, Clients footer, aged balance.
		if tot.Receivables != w.kpi.Position["receivables"] || w.aged.Total != tot.Receivables ||
			tot.Overdue != w.kpi.Position["overdue"] || tot.Doubtful != w.kpi.Position["doubtful"] {
			t.Errorf("%s: receivables %s (customers) %s (kpi) %s (aged); overdue %s / %s; doubtful %s / %s", at,
				tot.Receivables, w.kpi.Position["receivables"], w.aged.Total, tot.Overdue, w.kpi.Position["overdue"],
				tot.Doubtful, w.kpi.Position["doubtful"])
		}
		// Aged balance: the total line and the doubtful line of the window.
		rows := a.dash.agedRows(a.dash.aged)
		var total, doubt *agedRow
		for j := range rows {
			if rows[j].total && total == nil {
				total = &rows[j]
			} else if rows[j].total {
				doubt = &rows[j]
			}
		}
		if total == nil || total.b.Total().String() != w.aged.Total || total.b.Disputed.String() != w.aged.Disputed {
			t.Errorf("%s: aged total line %+v, printed %s (disputed %s)", at, total, w.aged.Total, w.aged.Disputed)
		} else {
			for j, r := range a.dash.aged.Ranges {
				if got := total.b.Late[j].String(); got != w.aged.Buckets[r.Label()] {
					t.Errorf("%s: bucket %s = %s on screen, %s printed", at, r.Label(), got, w.aged.Buckets[r.Label()])
				}
			}
		}
		if (doubt == nil) != (w.aged.Doubtful.Customers == 0) || doubt != nil && doubt.b.Total().String() != w.aged.Doubtful.Balance {
			t.Errorf("%s: doubtful line %+v, printed %+v", at, doubt, w.aged.Doubtful)
		}
		// Risk classes.
		res := a.risk.riskResult()
		if res == nil {
			t.Fatalf("%s: no risk result: %v", at, a.risk.err)
		}
		if len(w.risk.Customers) != len(res.Assessments) {
			t.Errorf("%s: %d customers classed on screen, %d printed", at, len(res.Assessments), len(w.risk.Customers))
		}
		for _, c := range w.risk.Customers {
			if got := res.ClassOfID(c.Customer); got != c.Class {
				t.Errorf("%s: %s class %s on screen, %s printed", at, c.Customer, got, c.Class)
			}
		}
		// The day's actions.
		if err := a.agenda.loadAgenda(); err != nil {
			t.Fatal(err)
		}
		if len(a.agenda.ag.Entries) != len(w.agenda.Actions) || i == 0 && len(w.agenda.Actions) == 0 {
			t.Errorf("%s: %d actions on screen, %d printed", at, len(a.agenda.ag.Entries), len(w.agenda.Actions))
		}
		// A customer's décompte on the Contentieux screen.
		if len(w.penalties) == 0 {
			t.Errorf("%s: no customer with an overdue amount", at)
		}
		for id, p := range w.penalties {
			s := a.legal
			s.customer, s.end, s.rate, s.basis = id, a.date(at), "", 0
			a.legal.computePenalties()
			if s.result == nil {
				t.Errorf("%s: %s: no décompte on screen: %s", at, id, s.err)
				continue
			}
			got := s.result.Totals
			if got.Interest.String() != p.Totals["interest"] || got.TotalDue.String() != p.Totals["total_due"] ||
				got.Principal.String() != p.Totals["principal"] || s.result.End.String() != p.End {
				t.Errorf("%s: %s: décompte on screen %+v to %s, printed %v to %s", at, id, got, s.result.End, p.Totals, p.End)
			}
		}
	}
	// The figures at a past date are those of that date, not today's.
	if want[0].customers.Totals.Receivables == want[2].customers.Totals.Receivables {
		t.Error("the receivables 200 days back equal today's")
	}
}
