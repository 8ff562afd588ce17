package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
)

type custFigures struct {
	Balance, Overdue ledger.Cents
}

// customersAt returns each customer's balance and overdue at date at (`relance customers`).
func customersAt(t *testing.T, path, at string) map[string]custFigures {
	t.Helper()
	code, out, stderr := run(t, "en", "customers", "--db", path, "--at", at, "--format", "json")
	if code != 0 {
		t.Fatalf("customers: %d %s", code, stderr)
	}
	var doc struct {
		Customers []struct {
			ID      string       `json:"id"`
			Balance ledger.Cents `json:"balance"`
			Overdue ledger.Cents `json:"overdue"`
		} `json:"customers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	m := map[string]custFigures{}
	for _, c := range doc.Customers {
		m[c.ID] = custFigures{c.Balance, c.Overdue}
	}
	return m
}

// agedAt returns each customer's aged buckets at date at (`relance aged`).
func agedAt(t *testing.T, path, at string) map[string]map[string]ledger.Cents {
	t.Helper()
	code, out, stderr := run(t, "en", "aged", "--db", path, "--at", at, "--format", "json")
	if code != 0 {
		t.Fatalf("aged: %d %s", code, stderr)
	}
	var doc struct {
		Customers []struct {
			ID      string                  `json:"id"`
			Buckets map[string]ledger.Cents `json:"buckets"`
		} `json:"customers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	m := map[string]map[string]ledger.Cents{}
	for _, c := range doc.Customers {
		m[c.ID] = c.Buckets
	}
	return m
}

type paymentOut struct {
	ID          string       `json:"id"`
	Amount      ledger.Cents `json:"amount"`
	Balance     ledger.Cents `json:"balance"`
	Allocations []struct {
		Item   string       `json:"item"`
		Number string       `json:"number"`
		Amount ledger.Cents `json:"amount"`
	} `json:"allocations"`
}

func addPayment(t *testing.T, path string, args ...string) paymentOut {
	t.Helper()
	code, out, stderr := run(t, "en", append([]string{"payment", "add", "--db", path, "--at", "2026-11-23", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("payment add %v: %d %s", args, code, stderr)
	}
	var p paymentOut
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return p
}

// A customer on the day's agenda pays its overdue items: its balance and overdue drop at
// once in `relance customers`, its overdue buckets empty in `relance aged`, the agenda
// no longer reminds it; the day before, the invoices are still unpaid. The reversal
// (cheque returned unpaid) puts every figure back.
func TestPaymentUpdatesFiguresAndAgenda(t *testing.T) {
	path := demoFile(t)
	const today, yesterday = "2026-11-23", "2026-11-22"
	before, beforeYesterday := customersAt(t, path, today), customersAt(t, path, yesterday)
	agedBefore := agedAt(t, path, today)
	var x string
	for _, a := range agendaJSONAt(t, path, today, "--dry-run").Actions {
		f := before[a.Customer]
		if a.Channel == "letter" && a.Level > 0 && f.Overdue > 0 && f.Overdue < f.Balance {
			x = a.Customer
			break
		}
	}
	if x == "" {
		t.Fatal("no customer reminded by letter with items not yet due on the demo agenda")
	}
	overdue := before[x].Overdue
	p := addPayment(t, path, "--customer", x, "--date", "23/11/2026", "--amount", overdue.String(), "--method", "cheque", "--ref", "CHQ 778899")
	var allocated ledger.Cents
	for _, al := range p.Allocations {
		allocated += al.Amount
	}
	if !strings.HasPrefix(p.ID, "RG2026-") || allocated != overdue || p.Balance != before[x].Balance-overdue {
		t.Fatalf("payment %+v", p)
	}
	after := customersAt(t, path, today)
	if after[x].Balance != before[x].Balance-overdue || after[x].Overdue != 0 {
		t.Errorf("customers after the payment: %+v, before %+v", after[x], before[x])
	}
	if y := customersAt(t, path, yesterday)[x]; y != beforeYesterday[x] {
		t.Errorf("the day before the payment: %+v, want %+v (still unpaid)", y, beforeYesterday[x])
	}
	aged := agedAt(t, path, today)[x]
	for _, b := range []string{"1-30", "31-60", "61-90", "over_90"} {
		if aged[b] != 0 {
			t.Errorf("aged bucket %s still %s after the payment (before %s)", b, aged[b], agedBefore[x][b])
		}
	}
	if aged["not_due"] != agedBefore[x]["not_due"] {
		t.Errorf("not due %s, before %s", aged["not_due"], agedBefore[x]["not_due"])
	}
	for _, a := range agendaJSONAt(t, path, today, "--dry-run").Actions {
		if a.Customer == x && a.Level > 0 {
			t.Errorf("still reminded after paying its overdue items: %+v", a)
		}
	}
	code, out, _ := run(t, "fr", "payment", "list", "--db", path, "--customer", x)
	if code != 0 || !strings.Contains(out, p.ID) || !strings.Contains(out, "chèque") || !strings.Contains(out, "pris en compte") {
		t.Errorf("payment list: %d\n%s", code, out)
	}

	// Returned unpaid: reversed, the figures are back (at every date).
	code, out, stderr := run(t, "fr", "payment", "reverse", "--db", path, "--at", today, "--id", p.ID, "--date", "23/11/2026", "--reason", "chèque impayé")
	if code != 0 || !strings.Contains(out, "annulé") {
		t.Fatalf("reverse: %d %s %s", code, out, stderr)
	}
	if got := customersAt(t, path, today)[x]; got != before[x] {
		t.Errorf("after the reversal %+v, want %+v", got, before[x])
	}
	if code, _, stderr := run(t, "fr", "payment", "reverse", "--db", path, "--at", today, "--id", p.ID, "--date", "23/11/2026"); code != 1 || !strings.Contains(stderr, "déjà annulé") {
		t.Errorf("reversed twice: %d %s", code, stderr)
	}
	code, out, _ = run(t, "en", "payment", "list", "--db", path, "--format", "json")
	if code != 0 || !strings.Contains(out, `"status": "reversed"`) {
		t.Errorf("list json: %s", out)
	}
}

// A pending promise of the amount paid is found kept (`relance promises --update`).
func TestPaymentKeepsPromise(t *testing.T) {
	path := demoFile(t)
	before := customersAt(t, path, "2026-11-23")
	var y string
	for _, a := range agendaJSONAt(t, path, "2026-11-23", "--dry-run").Actions {
		if a.Channel == "call" && before[a.Customer].Overdue > 10000 {
			y = a.Customer
			break
		}
	}
	if y == "" {
		t.Fatal("no call on the demo agenda")
	}
	code, out, stderr := run(t, "en", "action", "done", "--db", path, "--at", "2026-11-23", "--customer", y, "--channel", "call",
		"--outcome", "promise", "--amount", "100.00", "--date", "2026-11-30", "--by", "test")
	if code != 0 {
		t.Fatalf("promise: %d %s", code, stderr)
	}
	promise := out[strings.Index(out, "P2026-"):]
	promise = promise[:len("P2026-000000")]
	promisesAt := func() map[string]string {
		code, out, _ := run(t, "en", "promises", "--db", path, "--at", "2026-11-23", "--update", "--format", "json")
		if code != 0 {
			t.Fatalf("promises: %d", code)
		}
		var doc struct {
			Promises []struct {
				ID       string `json:"id"`
				StatusAt string `json:"status_at"`
			} `json:"promises"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, p := range doc.Promises {
			m[p.ID] = p.StatusAt
		}
		return m
	}
	if st := promisesAt()[promise]; st != "pending" {
		t.Fatalf("promise %s before the payment: %s", promise, st)
	}
	addPayment(t, path, "--customer", y, "--date", "2026-11-23", "--amount", "100,00")
	if st := promisesAt()[promise]; st != "kept" {
		t.Errorf("promise %s after the payment: %s", promise, st)
	}
}

// The invoices chosen take the payment in the order given; bad input is refused in the
// user's language and nothing is written.
func TestPaymentChosenInvoicesAndRefusals(t *testing.T) {
	path := demoFile(t)
	ss, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	var cust string
	var open []ledger.Item
	for _, a := range ss.Book.Accounts {
		open = open[:0]
		for _, it := range a.Items {
			if it.Open > 0 && it.Kind == ledger.Invoice {
				open = append(open, it)
			}
		}
		if len(open) >= 2 && open[0].Number != open[1].Number {
			cust = a.Customer.ID
			break
		}
	}
	ss.Close()
	if cust == "" {
		t.Fatal("no customer with two open invoices")
	}
	first, second := open[0], open[1]
	p := addPayment(t, path, "--customer", cust, "--date", "2026-11-23", "--amount", (second.Open + 1000).String(),
		"--invoice", second.Number, "--invoice", first.Number+":10,00")
	if len(p.Allocations) != 2 || p.Allocations[0].Item != second.ID || p.Allocations[0].Amount != second.Open ||
		p.Allocations[1].Item != first.ID || p.Allocations[1].Amount != 1000 {
		t.Errorf("chosen allocation %+v", p)
	}

	rev := revision(t, path)
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--customer", "NOPE", "--date", "2026-11-23", "--amount", "10"}, 1, "client « NOPE » introuvable"},
		{[]string{"--customer", cust, "--date", "2026-11-23", "--amount", "dix"}, 1, "montant invalide « dix »"},
		{[]string{"--customer", cust, "--date", "2026-11-23", "--amount", "-5"}, 1, "montant invalide « -5 »"},
		{[]string{"--customer", cust, "--date", "31/11/2026", "--amount", "10"}, 1, "date invalide « 31/11/2026 »"},
		{[]string{"--customer", cust, "--date", "2026-11-24", "--amount", "10"}, 1, "après la date de saisie"},
		{[]string{"--customer", cust, "--date", "2026-11-23", "--amount", "10", "--method", "troc"}, 1, "mode de règlement inconnu « troc »"},
		{[]string{"--customer", cust, "--date", "2026-11-23", "--amount", "10", "--invoice", "FA-NOPE"}, 1, "aucune facture « FA-NOPE »"},
		{[]string{"--customer", cust, "--date", "2026-11-23", "--amount", "999999", "--invoice", first.Number + ":" + first.Open.String()}, 1, "qui n'a que"},
		{[]string{"--customer", cust, "--date", "2026-11-23", "--amount", "10", "--invoice", second.Number}, 1, "n'est pas ouverte"},
		{[]string{"--customer", cust, "--date", "2026-11-23", "--amount", "1", "--invoice", first.Number + ":2"}, 1, "plus que le règlement"},
		{[]string{"--customer", cust, "--amount", "10"}, 2, "--date"},
	} {
		code, _, stderr := run(t, "fr", append([]string{"payment", "add", "--db", path, "--at", "2026-11-23"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, stderr, c.code, c.says)
		}
	}
	for _, args := range [][]string{{"payment"}, {"payment", "pay"}, {"payment", "reverse", "--db", path, "--id", "RG2026-000001"}} {
		if code, _, _ := run(t, "fr", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, stderr := run(t, "fr", "payment", "reverse", "--db", path, "--id", "RG2026-999999", "--date", "2026-11-23", "--at", "2026-11-23"); code != 1 || !strings.Contains(stderr, "introuvable") {
		t.Errorf("unknown payment: %d %s", code, stderr)
	}
	if got := revision(t, path); got != rev {
		t.Errorf("revision %d after refusals, want %d: something was written", got, rev)
	}
}

// A cheque returned unpaid (`relance payment return`): the balance is back up, the
// returned debit is overdue (due with the invoice it had paid), the unpaid-cheque
// signal is raised; the payment cannot be taken back twice nor reversed since.
func TestPaymentReturnedUnpaid(t *testing.T) {
	path := demoFile(t)
	const today = "2026-11-23"
	before := customersAt(t, path, today)
	var x string
	for id, f := range before {
		if f.Overdue > 50000 && (x == "" || id < x) {
			x = id
		}
	}
	p := addPayment(t, path, "--customer", x, "--date", "20/11/2026", "--amount", "500,00", "--method", "cheque", "--ref", "4455667")
	code, out, stderr := run(t, "fr", "payment", "return", "--db", path, "--at", today, "--id", p.ID, "--date", "23/11/2026")
	if code != 0 || !strings.Contains(out, "repris par la banque") {
		t.Fatalf("return: %d %s %s", code, out, stderr)
	}
	if got := customersAt(t, path, today)[x]; got != before[x] {
		t.Errorf("after the return %+v, want %+v", got, before[x])
	}
	code, out, _ = run(t, "en", "risk", "--db", path, "--at", today, "--customer", x, "--format", "json")
	if code != 0 || !strings.Contains(out, `"bounced"`) {
		t.Errorf("no unpaid-cheque signal after the return: %d\n%.600s", code, out)
	}
	if code, _, stderr := run(t, "fr", "payment", "return", "--db", path, "--at", today, "--id", p.ID, "--date", "23/11/2026"); code != 1 || !strings.Contains(stderr, "déjà repris") {
		t.Errorf("returned twice: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "payment", "reverse", "--db", path, "--at", today, "--id", p.ID, "--date", "23/11/2026"); code != 1 || !strings.Contains(stderr, "déjà repris") {
		t.Errorf("reversed after its return: %d %s", code, stderr)
	}
}
