package match

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/bank"
	"relance/ledger/credit"
	"relance/ledger/demo"
)

var demoToday = ledger.NewDate(2026, time.December, 4)

func readDemo(t testing.TB, name string) []bank.Line {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "testdata", "bank", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := bank.Read(name, f, nil)
	if err != nil {
		t.Fatalf("%s: %s", name, ledger.Localize(err, "fr"))
	}
	return st.Lines
}

// where names a line as testdata/bank/README.md does: "Ntry 5 / TxDtls 2" in the
// camt file, the row in the CSV.
func where(l bank.Line) string {
	if l.Pos != "" {
		return l.Pos
	}
	return "row " + itoa(l.Row)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestDemoStatements asserts the intended match of every line of the two demo
// statements (testdata/bank/README.md, last column).
func TestDemoStatements(t *testing.T) {
	book := demo.Book(demoToday)
	type want struct {
		customer string   // "" = no candidate above lowScore
		items    []string // item IDs, nil = not checked (a name alone)
		exact    bool
	}
	const lowScore = 20
	cases := map[string]map[string]want{
		"releve-demo.camt053.xml": {
			"Ntry 1":            {"C00011", []string{"VE:FA2026-02203"}, true},                    // exact (end-to-end id)
			"Ntry 2":            {"C00029", []string{"VE:FA2026-02197", "VE:FA2026-02283"}, true}, // group
			"Ntry 3":            {"C00022", []string{"VE:FA2026-02455"}, true},                    // exact
			"Ntry 5 / TxDtls 1": {"C00009", []string{"VE:FA2026-02642"}, true},                    // cheque, number written
			"Ntry 5 / TxDtls 2": {"C00016", []string{"VE:FA2026-02522"}, true},                    // name+amount
			"Ntry 5 / TxDtls 3": {"C00015", []string{"VE:FA2026-02051"}, true},                    // name+amount
			"Ntry 6":            {"C00020", []string{"VE:FA2026-01450"}, false},                   // partial
			"Ntry 8":            {"C00040", nil, false},                                           // name only
			"Ntry 11":           {"", nil, false},                                                 // none
			"Ntry 14":           {"C00038", []string{"VE:FA2026-01518"}, true},                    // exact (LCR)
			"Ntry 15":           {"C00036", []string{"VE:FA2026-02234"}, true},                    // name+amount
		},
		"releve-demo.csv": {
			"row 15": {"", nil, false},                                                 // none (parking rent)
			"row 16": {"C00035", nil, false},                                           // name only
			"row 18": {"", nil, false},                                                 // a batch of two customers' cheques: only the total
			"row 20": {"C00033", []string{"VE:FA2026-02336"}, false},                   // partial
			"row 22": {"C00027", []string{"VE:FA2026-02282", "VE:FA2026-02335"}, true}, // group
			"row 25": {"C00019", []string{"VE:FA2026-02504"}, true},                    // exact
		},
	}
	for file, wants := range cases {
		lines := readDemo(t, file)
		sugg := Suggest(book, credit.OpenAtMap, demoToday, lines, nil)
		seen := map[string]bool{}
		for _, s := range sugg {
			l := lines[s.Line]
			w := where(l)
			seen[w] = true
			if !l.Credit || l.Reversal {
				t.Errorf("%s %s: a suggestion for a debit or a reversal: %v", file, w, l)
				continue
			}
			x, ok := wants[w]
			if !ok {
				t.Errorf("%s %s: unexpected line %v", file, w, l)
				continue
			}
			if len(s.Candidates) > MaxCandidates {
				t.Errorf("%s %s: %d candidates", file, w, len(s.Candidates))
			}
			for i := 1; i < len(s.Candidates); i++ {
				if s.Candidates[i].Score > s.Candidates[i-1].Score || s.Candidates[i].Exact {
					t.Errorf("%s %s: candidates out of order or a second exact: %+v", file, w, s.Candidates)
				}
			}
			if x.customer == "" {
				for _, c := range s.Candidates {
					if c.Score > lowScore {
						t.Errorf("%s %s: candidate %+v, want none above %d", file, w, c, lowScore)
					}
				}
				continue
			}
			if len(s.Candidates) == 0 {
				t.Errorf("%s %s: no candidate, want %s", file, w, x.customer)
				continue
			}
			c := s.Candidates[0]
			if c.Customer != x.customer || c.Exact != x.exact || (x.items != nil && !slices.Equal(c.Items, x.items)) {
				t.Errorf("%s %s: best %+v, want %s %v exact=%v", file, w, c, x.customer, x.items, x.exact)
			}
			if c.Score < 0 || c.Score > 100 || len(c.Why) == 0 {
				t.Errorf("%s %s: score %d, reasons %v", file, w, c.Score, c.Why)
			}
		}
		for w := range wants {
			if !seen[w] {
				t.Errorf("%s %s: no suggestion", file, w)
			}
		}
		// Debits (fees, a supplier, URSSAF, card) and reversals get no suggestion.
		for i, l := range lines {
			if (!l.Credit || l.Reversal) && slices.ContainsFunc(sugg, func(s Suggestion) bool { return s.Line == i }) {
				t.Errorf("%s %s: debit or reversal suggested", file, where(l))
			}
		}
	}
}

// TestExactNeedsNoTie: two customers of the same name, each with one open invoice of
// the amount: both suggested, neither exact.
func TestExactNeedsNoTie(t *testing.T) {
	acct := func(id string) *ledger.Account {
		return &ledger.Account{Customer: ledger.Customer{ID: id, Name: "Boulangerie Martin SARL"},
			Items: []ledger.Item{{ID: "I" + id, Customer: id, Number: "F" + id, Amount: 12000, Open: 12000}}}
	}
	book := ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{acct("C0001"), acct("C0002")})
	lines := []bank.Line{
		{Credit: true, Amount: 12000, Debtor: "BOULANGERIE MARTIN"},
		{Credit: true, Amount: 12000, Debtor: "BOULANGERIE MARTIN", Remittance: "fact. FC0002"},
		{Credit: true, Amount: 12000, Remittance: "client C0001"},
		{Credit: false, Amount: 12000, Debtor: "BOULANGERIE MARTIN"},
	}
	s := Suggest(book, nil, demoToday, lines, nil)
	if len(s) != 3 {
		t.Fatalf("%d suggestions, want 3 (no debit)", len(s))
	}
	if c := s[0].Candidates; len(c) != 2 || c[0].Exact || c[1].Exact || c[0].Score != c[1].Score {
		t.Errorf("tie: %+v", c)
	}
	if c := s[1].Candidates; len(c) == 0 || c[0].Customer != "C0002" || !c[0].Exact {
		t.Errorf("number: %+v", c)
	}
	if c := s[2].Candidates; len(c) == 0 || c[0].Customer != "C0001" || c[0].Why[0].Key != "match.why.customer" {
		t.Errorf("customer code: %+v", c)
	}
}

func TestNameTokens(t *testing.T) {
	for in, want := range map[string][]string{
		"Électricité Da Silva SAS": {"ELECTRICITE", "DA", "SILVA"},
		"CARRE SARAH":              {"CARRE", "SARAH"},
		"Ets. Dupont & Fils, SARL": {"DUPONT", "FILS"},
		"M. OU MME GARNIER":        {"GARNIER"},
	} {
		if got := nameTokens(in); !slices.Equal(got, want) {
			t.Errorf("nameTokens(%q) = %v, want %v", in, got, want)
		}
	}
	if r := overlap([]int32{0, 1}, []int32{1, 0}, 2); r != 1 {
		t.Errorf("overlap %v", r)
	}
	if r := overlap([]int32{0, 1}, []int32{1}, 3); r != 1.0/3 {
		t.Errorf("overlap %v", r)
	}
	if k := keys("FACT FA 2026-02282/FA2026-02335"); !slices.Contains(k, "FA202602282") || !slices.Contains(k, "FA202602335") {
		t.Errorf("keys %v", k)
	}
}

// A promise of the amount due near the booking date makes a tie exact for the
// customer who promised; one due a month away counts for nothing.
func TestPromiseBreaksTheTie(t *testing.T) {
	acct := func(id string) *ledger.Account {
		return &ledger.Account{Customer: ledger.Customer{ID: id, Name: "Boulangerie Martin SARL"},
			Items: []ledger.Item{{ID: "I" + id, Customer: id, Number: "F" + id, Amount: 12000, Open: 12000}}}
	}
	book := ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{acct("C0001"), acct("C0002")})
	lines := []bank.Line{{Credit: true, Amount: 12000, Debtor: "BOULANGERIE MARTIN", Booked: demoToday}}
	s := Suggest(book, nil, demoToday, lines, []Promise{{Customer: "C0002", Amount: 12000, Due: demoToday.AddDays(-3)}})
	if c := s[0].Candidates; len(c) != 2 || c[0].Customer != "C0002" || !c[0].Exact ||
		!slices.ContainsFunc(c[0].Why, func(r Reason) bool { return r.Key == "match.why.promise" }) {
		t.Errorf("promise: %+v", c)
	}
	s = Suggest(book, nil, demoToday, lines, []Promise{{Customer: "C0002", Amount: 12000, Due: demoToday.AddDays(-30)}})
	if c := s[0].Candidates; len(c) != 2 || c[0].Exact || c[0].Score != c[1].Score {
		t.Errorf("a promise a month away: %+v", c)
	}
}
