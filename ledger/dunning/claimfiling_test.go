package dunning

import (
	"testing"

	"relance/ledger/law"
)

// A claim-filing letter issued from Relance counts as a claim filed in the insolvency
// (C. civ. 2241): a legal action on the items it files, from its date, going on while
// the procedure is not known to be closed; a counted insolvency claim of the register
// covering the item stands for it (with the procedure's end), a withdrawn one does not.
func TestClaimFilingLetterInterrupts(t *testing.T) {
	asOf := day(2026, 11, 23)
	book := registerBook()
	filed := day(2026, 3, 2)
	rec := &Records{Actions: []Action{
		{Customer: "C1", Kind: "letter", Stage: ClaimFilingStage, Date: filed, Items: []string{"I1"}, Letter: "LT000001"},
		{Customer: "C1", Kind: "letter", Stage: "r1", Date: day(2026, 1, 5), Items: []string{"I2"}, Letter: "LT000000"},
		{Customer: "C1", Kind: "letter", Stage: ClaimFilingStage, Date: day(2026, 4, 1), Items: []string{"I2"}, Status: ActionPlanned},
	}}
	in := rec.Interruptions()("C1", "I1")
	if len(in) != 1 || in[0].Kind != law.LegalAction || in[0].Date != filed || in[0].End.Valid() {
		t.Fatalf("claim filing counted as %+v", in)
	}
	if st := deadlineOf(t, book, rec, "I1", asOf); st.Level != law.LevelSuspended || st.Deadline.Valid() {
		t.Errorf("the claim filing does not suspend F-1's limitation: %+v", st)
	}
	// F-2 was not filed (the planned filing is not done): only the reminder, a written
	// claim, which does not interrupt against a trader (Cass. com. 18 May 2022).
	if in := rec.Interruptions()("C1", "I2"); len(in) != 1 || in[0].Kind != law.WrittenClaim {
		t.Errorf("F-2: %+v", in)
	}
	if st := deadlineOf(t, book, rec, "I2", asOf); st.Deadline != day(2026, 12, 15) {
		t.Errorf("F-2 moved: %+v", st)
	}

	// The filing entered in the register with the procedure's closing stands for the
	// letter: five years from the closing (C. civ. 2242, C. com. L110-4).
	closed := day(2026, 10, 1)
	rec.Register = []InterruptionRecord{{ID: "IP2026-000001", Customer: "C1", Kind: InsolvencyClaim, Date: filed, End: closed}}
	if in := rec.Interruptions()("C1", "I1"); len(in) != 1 || in[0].End != closed {
		t.Fatalf("with the register's record: %+v", in)
	}
	if st := deadlineOf(t, book, rec, "I1", asOf); st.Deadline != day(2031, 10, 1) || st.Level != law.LevelOK {
		t.Errorf("procedure closed: %+v", st)
	}

	// Withdrawn from the register: the letter counts again.
	rec.Register = append(rec.Register, InterruptionRecord{ID: "IP2026-000002", Customer: "C1", Kind: InsolvencyClaim, Date: filed,
		Replaces: "IP2026-000001", Withdrawn: true, Note: "saisie par erreur"})
	if in := rec.Interruptions()("C1", "I1"); len(in) != 1 || in[0].End.Valid() || in[0].Kind != law.LegalAction {
		t.Errorf("after the withdrawal: %+v", in)
	}
}
