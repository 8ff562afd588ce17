package dispute

import "relance/ledger"

// Reassign hands a dispute in progress to owner (a salesperson ID or Internal) with a
// new date by which they should answer, on date by by. The change is recorded in the
// dispute's notes with text (what changed, in the user's words), so the history keeps
// who moved the dispute and when. A closed dispute cannot be reassigned.
func (d *Dispute) Reassign(owner string, dueBy, date ledger.Date, by, text string) error {
	switch {
	case d.Status.Final():
		return d.problem("dispute.err.closed_change", "status", string(d.Status))
	case owner == "":
		return d.problem("dispute.err.owner")
	case !dueBy.Valid() || dueBy < d.Opened:
		return d.problem("dispute.err.dueby", "date", dueBy.String(), "opened", d.Opened.String())
	case owner == d.Owner && dueBy == d.DueBy:
		return nil
	}
	if err := d.AddNote(date, by, text); err != nil {
		return err
	}
	d.Owner, d.DueBy = owner, dueBy
	return nil
}
