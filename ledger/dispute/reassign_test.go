package dispute

import (
	"testing"

	"relance/ledger"
)

// TestReassign changes the owner and the reply date with a note, and refuses a
// closed dispute, an empty owner and a reply date before the opening.
func TestReassign(t *testing.T) {
	opened := ledger.NewDate(2026, 3, 1)
	d := New("C1", []DisputedItem{{ItemID: "I1", Amount: 1000}}, ReasonPrice, opened, "Claire", "S1", opened.AddDays(15), "")
	if err := d.Reassign("S2", opened.AddDays(30), opened.AddDays(2), "Claire", "S1 → S2"); err != nil {
		t.Fatal(err)
	}
	if d.Owner != "S2" || d.DueBy != opened.AddDays(30) || len(d.Notes) != 1 || d.Notes[0].Text != "S1 → S2" {
		t.Fatalf("reassigned: %+v", d)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := d.Reassign("", opened.AddDays(30), opened.AddDays(2), "Claire", "x"); err == nil {
		t.Error("empty owner accepted")
	}
	if err := d.Reassign("S1", opened.AddDays(-1), opened.AddDays(2), "Claire", "x"); err == nil {
		t.Error("reply date before the opening accepted")
	}
	if err := d.Reassign("S3", opened.AddDays(30), opened.AddDays(2), "Claire", ""); err == nil {
		t.Error("change without a note accepted")
	}
	if err := d.Move(StatusCancelled, opened.AddDays(3), "Claire", "", &Resolution{Kind: ResolvedCancelled, Date: opened.AddDays(3)}); err != nil {
		t.Fatal(err)
	}
	if err := d.Reassign("S1", opened.AddDays(40), opened.AddDays(4), "Claire", "x"); err == nil {
		t.Error("closed dispute reassigned")
	}
}
