package dunning

import (
	"errors"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/law"
)

func day(y int, m time.Month, d int) ledger.Date { return ledger.NewDate(y, m, d) }

// registerBook is a trader C1 with two invoices due 15 December 2021 (five years:
// 15 December 2026, C. com. L110-4) and a public body P1 invoiced on 10 May 2022
// (four years from 1 January 2023: 31 December 2026, loi 68-1250 art. 1).
func registerBook() *ledger.Book {
	inv := func(id, num string, doc, due ledger.Date) ledger.Item {
		return ledger.Item{ID: id, Number: num, Kind: ledger.Invoice, DocDate: doc, DueDate: due, Amount: 10000, Open: 10000}
	}
	biz := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Société", Kind: ledger.Business},
		Items: []ledger.Item{inv("I1", "F-1", day(2021, 11, 15), day(2021, 12, 15)), inv("I2", "F-2", day(2021, 11, 15), day(2021, 12, 15))}}
	pub := &ledger.Account{Customer: ledger.Customer{ID: "P1", Name: "Commune", Kind: ledger.PublicBody},
		Items: []ledger.Item{inv("I3", "F-3", day(2022, 5, 10), day(2022, 6, 9))}}
	return ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{biz, pub})
}

// deadlineOf is item's limitation state at asOf with the records' interruptions.
func deadlineOf(t *testing.T, book *ledger.Book, rec *Records, item string, asOf ledger.Date) law.LimitationState {
	t.Helper()
	for _, d := range law.BookDeadlinesWith(book, asOf, rec.Interruptions(), nil) {
		if d.Item.ID == item {
			return d.State
		}
	}
	t.Fatalf("no deadline for %s", item)
	return law.LimitationState{}
}

// Each act of the register moves the limitation deadline as the law says, and the
// agenda's legal deadlines follow.
func TestRegisterMovesDeadlines(t *testing.T) {
	asOf := day(2026, 11, 23)
	book := registerBook()
	rec := &Records{}
	if st := deadlineOf(t, book, rec, "I1", asOf); st.Deadline != day(2026, 12, 15) || st.Level != law.LevelWarn3 {
		t.Fatalf("without act: %+v", st)
	}
	if ds := LegalDeadlines(book, asOf, rec, nil, 30, nil); len(ds) != 3 {
		t.Fatalf("agenda without act: %+v", ds)
	}

	// An acknowledgement of debt on F-1 restarts five years from its date (C. civ. 2240, 2231).
	rec.Register = []InterruptionRecord{{ID: "IP2024-000001", Customer: "C1", Kind: law.Acknowledgement, Date: day(2024, 3, 1), Items: []string{"I1"}}}
	if st := deadlineOf(t, book, rec, "I1", asOf); st.Deadline != day(2029, 3, 1) || st.Start != day(2024, 3, 1) {
		t.Errorf("acknowledgement: %+v", st)
	}
	if st := deadlineOf(t, book, rec, "I2", asOf); st.Deadline != day(2026, 12, 15) {
		t.Errorf("the acknowledgement of F-1 moved F-2: %+v", st)
	}
	ds := LegalDeadlines(book, asOf, rec, nil, 30, nil)
	for _, d := range ds {
		if d.Item == "F-1" {
			t.Errorf("the agenda still lists F-1: %+v", ds)
		}
	}
	if len(ds) != 2 {
		t.Errorf("agenda with the acknowledgement: %+v", ds)
	}

	// A legal action on all of C1's items: no deadline runs while the proceedings go on,
	// then five full years from their end (C. civ. 2241, 2242).
	rec.Register = []InterruptionRecord{{ID: "IP2025-000001", Customer: "C1", Kind: law.LegalAction, Date: day(2025, 6, 1)}}
	if st := deadlineOf(t, book, rec, "I2", asOf); st.Level != law.LevelSuspended || st.Deadline.Valid() {
		t.Errorf("legal action ongoing: %+v", st)
	}
	rec.Register[0].End = day(2026, 2, 10)
	if st := deadlineOf(t, book, rec, "I2", asOf); st.Deadline != day(2031, 2, 10) || st.Level != law.LevelOK {
		t.Errorf("legal action ended: %+v", st)
	}

	// A mediation suspends: while it goes on no deadline runs; after it, the time that
	// was left runs again, six months at least (C. civ. 2238, 2230).
	rec.Register = []InterruptionRecord{{ID: "IP2026-000001", Customer: "C1", Kind: law.Mediation, Date: day(2026, 6, 1)}}
	if st := deadlineOf(t, book, rec, "I1", asOf); st.Level != law.LevelSuspended {
		t.Errorf("mediation ongoing: %+v", st)
	}
	rec.Register[0].End = day(2026, 9, 1)
	left := day(2026, 12, 15).DaysSince(day(2026, 6, 1)) // 197 days left when it began
	if st := deadlineOf(t, book, rec, "I1", asOf); st.Deadline != day(2026, 9, 1).AddDays(left) {
		t.Errorf("mediation ended: %+v, want %s", st, day(2026, 9, 1).AddDays(left))
	}

	// A claim filed in an insolvency is a legal action until the procedure is closed.
	rec.Register = []InterruptionRecord{{ID: "IP2026-000002", Customer: "C1", Kind: InsolvencyClaim, Date: day(2026, 3, 2)}}
	if in := rec.Interruptions()("C1", "I1"); len(in) != 1 || in[0].Kind != law.LegalAction {
		t.Errorf("insolvency claim counted as %+v", in)
	}
	if st := deadlineOf(t, book, rec, "I1", asOf); st.Level != law.LevelSuspended {
		t.Errorf("insolvency claim, procedure open: %+v", st)
	}

	// A written claim to a public body: four years from 1 January of the next year
	// (loi 68-1250 art. 2).
	rec.Register = []InterruptionRecord{{ID: "IP2025-000002", Customer: "P1", Kind: law.WrittenClaim, Date: day(2025, 6, 12)}}
	if st := deadlineOf(t, book, rec, "I3", asOf); st.Start != day(2026, 1, 1) || st.Deadline != day(2029, 12, 31) {
		t.Errorf("written claim to a public body: %+v", st)
	}
}

// The register, the payment plans and the letters issued are merged item by item; a
// replaced or withdrawn act is no longer counted, its correction is.
func TestRegisterMergedWithPlansAndLetters(t *testing.T) {
	rec := &Records{
		Plans:   []Plan{{ID: "E1", Customer: "C1", Agreed: day(2024, 3, 1), Items: []string{"I1"}, Acknowledgement: true, Status: PlanActive}},
		Actions: []Action{{Customer: "C1", Kind: "lrar", Date: day(2025, 6, 12), Items: []string{"I2"}, Letter: "L-1"}},
		Register: []InterruptionRecord{
			{ID: "IP2025-000001", Customer: "C1", Kind: law.Acknowledgement, Date: day(2025, 1, 10), Items: []string{"I2"}},
			{ID: "IP2025-000002", Customer: "C1", Kind: law.PartPayment, Date: day(2025, 2, 1)}, // all items
			{ID: "IP2025-000003", Customer: "C1", Kind: law.Enforcement, Date: day(2025, 3, 1)},
			{ID: "IP2025-000004", Customer: "C1", Kind: law.Enforcement, Date: day(2025, 3, 3), Replaces: "IP2025-000003"},
			{ID: "IP2025-000005", Customer: "C1", Kind: law.PartPayment, Date: day(2025, 2, 1), Replaces: "IP2025-000002", Withdrawn: true, Note: "saisie en double"},
		},
	}
	kinds := func(in []law.Interruption) map[law.InterruptionKind]ledger.Date {
		m := map[law.InterruptionKind]ledger.Date{}
		for _, x := range in {
			m[x.Kind] = x.Date
		}
		return m
	}
	i1 := kinds(rec.Interruptions()("C1", "I1"))
	if len(i1) != 2 || i1[law.PaymentPlan] != day(2024, 3, 1) || i1[law.Enforcement] != day(2025, 3, 3) {
		t.Errorf("I1: %+v", i1)
	}
	i2 := kinds(rec.Interruptions()("C1", "I2"))
	if len(i2) != 3 || i2[law.WrittenClaim] != day(2025, 6, 12) || i2[law.Acknowledgement] != day(2025, 1, 10) || i2[law.Enforcement] != day(2025, 3, 3) {
		t.Errorf("I2: %+v", i2)
	}
	reg := Register(rec.Register)
	want := []RegisterStatus{RegCounted, RegWithdrawn, RegReplaced, RegCounted, RegWithdrawal}
	for i, e := range reg {
		if e.Status != want[i] {
			t.Errorf("%s: status %s, want %s", e.ID, e.Status, want[i])
		}
	}
	if reg[1].ReplacedBy != "IP2025-000005" || reg[2].ReplacedBy != "IP2025-000004" {
		t.Errorf("replaced by: %q, %q", reg[1].ReplacedBy, reg[2].ReplacedBy)
	}
}

// A record is checked before it is stored: its date against the entry date, its end,
// and whether it interrupts against this kind of debtor.
func TestInterruptionRecordValidate(t *testing.T) {
	asOf := day(2026, 11, 23)
	ok := InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: day(2026, 1, 5)}
	if err := ok.Validate(ledger.Business, asOf); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		r    InterruptionRecord
		k    ledger.CustomerKind
		key  string
	}{
		{"no customer", InterruptionRecord{Kind: law.Acknowledgement, Date: day(2026, 1, 5)}, ledger.Business, "interrupt.err.field"},
		{"unknown kind", InterruptionRecord{Customer: "C1", Kind: "letter", Date: day(2026, 1, 5)}, ledger.Business, "interrupt.err.kind"},
		{"no date", InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement}, ledger.Business, "interrupt.err.field"},
		{"future", InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: day(2026, 11, 24)}, ledger.Business, "interrupt.err.future"},
		{"end before", InterruptionRecord{Customer: "C1", Kind: law.LegalAction, Date: day(2026, 3, 1), End: day(2026, 2, 1)}, ledger.Business, "interrupt.err.end_before"},
		{"end future", InterruptionRecord{Customer: "C1", Kind: law.Mediation, Date: day(2026, 3, 1), End: day(2027, 1, 1)}, ledger.Business, "interrupt.err.end_future"},
		{"end of an instant act", InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: day(2026, 3, 1), End: day(2026, 4, 1)}, ledger.Business, "interrupt.err.no_end"},
		{"admin letter, private", InterruptionRecord{Customer: "C1", Kind: law.AdminLetter, Date: day(2026, 3, 1)}, ledger.Business, "interrupt.err.public_only"},
		{"written claim, private", InterruptionRecord{Customer: "C1", Kind: law.WrittenClaim, Date: day(2026, 3, 1)}, ledger.Consumer, "interrupt.err.private_written_claim"},
		{"enforcement, public", InterruptionRecord{Customer: "P1", Kind: law.Enforcement, Date: day(2026, 3, 1)}, ledger.PublicBody, "interrupt.err.public_enforcement"},
		{"insolvency, public", InterruptionRecord{Customer: "P1", Kind: InsolvencyClaim, Date: day(2026, 3, 1)}, ledger.PublicBody, "interrupt.err.public_insolvency"},
		{"withdrawal without reason", InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: day(2026, 3, 1), Replaces: "IP1", Withdrawn: true}, ledger.Business, "interrupt.err.withdraw_reason"},
	}
	for _, c := range cases {
		if err := c.r.Validate(c.k, asOf); !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	// The messages say the dates the French way.
	bad := InterruptionRecord{Customer: "C1", Kind: law.Acknowledgement, Date: day(2026, 12, 5)}
	if msg := ledger.Localize(bad.Validate(ledger.Business, asOf), "fr"); msg != "L'acte est daté du 05/12/2026, après la date de saisie (23/11/2026) : un acte à venir ne s'enregistre pas." {
		t.Errorf("message %q", msg)
	}
	for _, s := range []string{"acknowledgement", "legal-action", " Insolvency_Claim "} {
		if _, ok := ParseRegisterKind(s); !ok {
			t.Errorf("kind %q refused", s)
		}
	}
}
