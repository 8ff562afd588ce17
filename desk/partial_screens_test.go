package desk_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/latereport"
	"relance/letters/archive"
	"relance/letters/callsheet"
	"relance/letters/digest"
	"relance/letters/letterpdf"
	"relance/letters/templates"
)

// The window stays on a Partial session for a large dossier (issue 26): what the
// Litiges, Relances (agenda) and Courriers screens compute from it must be what the
// whole session gives at the same date, the accounts a use case is about read whole by
// the desk (Session.WithAccount) or by the window (withWholeAccount) as each does. Each
// case is compared on the demo dossier and on variants of it that real dossiers have (a
// dispute on an invoice paid long ago, a letter on one, no promise ever recorded); fix,
// when set, names the customers whose accounts read whole would make a difference go
// away, for the failure's message.

// scrCase is one use case of the screens: out is what the screen shows or writes,
// from session s at asOf, as text.
type scrCase struct {
	name string
	out  func(t *testing.T, s *desk.Session, asOf ledger.Date) string
	// fix returns the customers whose accounts the suggested fix reads whole
	// (Session.WithAccount) before computing out; nil: no per-account fix (the whole
	// history is needed).
	fix func(t *testing.T, s *desk.Session, asOf ledger.Date) []string
}

func scrJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func scrSum(b []byte) string { return fmt.Sprintf("%x", sha256.Sum256(b))[:16] }

// scrDisputesList is the Litiges list: each dispute's row (the customer's name and
// the owner's from the book) and the ageing line.
func scrDisputesList(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	type row struct {
		ID, Name, Reason, Status, Owner string
		Total                           ledger.Cents
		Opened, DueBy                   ledger.Date
		Late, Active                    bool
	}
	var rows []row
	for _, d := range s.Disputes {
		r := row{ID: d.ID, Name: d.Customer, Reason: string(d.Reason), Status: string(d.Status), Owner: d.Owner, Total: d.Total(),
			Opened: d.Opened, DueBy: d.DueBy, Late: d.Status.Active() && d.DueBy.Valid() && d.DueBy < asOf, Active: d.ActiveAt(asOf)}
		if acc := s.Book.Account(d.Customer); acc != nil {
			r.Name = acc.Customer.Name
		}
		if sp := s.Book.Salesperson(d.Owner); sp != nil {
			r.Owner = sp.Name
		}
		rows = append(rows, r)
	}
	return scrJSON(t, []any{rows, dispute.AgeingAt(s.Disputes, asOf), s.Book.Salespeople})
}

// scrDisputeDetail is each dispute's detail (its items' numbers looked up in the
// customer's account, as disputeDetail does) and its acknowledgement PDF (writeAck).
func scrDisputeDetail(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	var b strings.Builder
	for i := range s.Disputes {
		d := &s.Disputes[i]
		w, err := s.WithAccount(d.Customer) // as the window's detail does (disputeDetail)
		if err != nil {
			t.Fatal(err)
		}
		acc := w.Book.Account(d.Customer)
		if acc == nil {
			fmt.Fprintf(&b, "%s: no account\n", d.ID)
			continue
		}
		var nums []string
		for _, it := range d.Items {
			num := it.ItemID
			for _, x := range acc.Items {
				if x.ID == it.ItemID {
					num = x.Number
				}
			}
			nums = append(nums, num+"="+it.Amount.String())
		}
		var pdf bytes.Buffer
		if err := s.DisputeAck(&pdf, d, digest.Options{}); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s items %v ack %s\n", d.ID, acc.Customer.Name, nums, scrSum(pdf.Bytes()))
	}
	return b.String()
}

// scrDisputeCustomers are the customers with a dispute (the fix of the detail).
func scrDisputeCustomers(t *testing.T, s *desk.Session, asOf ledger.Date) []string {
	var ids []string
	for _, d := range s.Disputes {
		ids = append(ids, d.Customer)
	}
	return ids
}

// scrSalesDigest is each salesperson's digest (askDigest) and its PDF.
func scrSalesDigest(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	var b strings.Builder
	for _, sp := range s.Book.Salespeople {
		dg := s.Digest(sp, asOf)
		var pdf bytes.Buffer
		if err := digest.RenderPDF(&pdf, s.Book.Settings, &dg, digest.Options{}); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s pdf %s\n", sp.ID, scrJSON(t, dg), scrSum(pdf.Bytes()))
	}
	return b.String()
}

// scrBlocks is the blocks tab: the rule's proposals (ProposeBlocks, without the write),
// a manual proposal for each customer, and the list for logistics (CSV).
func scrBlocks(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	props := dispute.ProposeBlocks(s.Book, asOf, dispute.DefaultBlockRule(), s.Index, s.Blocks)
	var manual []dispute.Block
	for _, a := range s.Book.Accounts {
		manual = append(manual, dispute.ManualBlock(a, asOf, "scr", "why", s.Index))
	}
	var csv bytes.Buffer
	if err := digest.WriteBlockList(&csv, s.Book, s.Blocks, asOf, "fr"); err != nil {
		t.Fatal(err)
	}
	return scrJSON(t, []any{props, manual}) + "\n" + csv.String()
}

// scrAgenda draws up the agenda as the window does: the risk classes of the Risque
// screen (Risk, not explained), then Agenda with the dry run.
func scrAgenda(t *testing.T, s *desk.Session, asOf ledger.Date) *desk.Agenda {
	t.Helper()
	res, _, err := s.Risk(asOf, false)
	if err != nil {
		t.Fatal(err)
	}
	ag, err := s.Agenda(asOf, true, res.ClassOfID)
	if err != nil {
		t.Fatal(err)
	}
	return ag
}

// scrAgendaScreen is the Relances screen: entries, signals, dry run, records,
// scenarios, legal deadlines, the day's letters (Writings), each entry's priority line,
// the promises' and plans' states (agenda_records.go) and the effects of marking each
// entry done as sent (askDone, dunning.Record).
func scrAgendaScreen(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	ag := scrAgenda(t, s, asOf)
	var why []string
	for i := range ag.Entries {
		why = append(why, dunning.PriorityWhy(&ag.Entries[i], i+1, len(ag.Entries), nil, "fr", "EUR"))
	}
	var states []string
	for _, p := range ag.Records.Promises {
		states = append(states, p.ID+" "+string(dunning.PromiseStateAt(p, s.Book.Account(p.Customer), asOf)))
	}
	for _, p := range ag.Records.Plans {
		states = append(states, p.ID+" "+scrJSON(t, dunning.PlanStateAt(p, s.Book.Account(p.Customer), asOf)))
	}
	var done []string
	for _, e := range ag.Entries {
		eff, err := dunning.Record(e, s.Book.Account(e.Customer), dunning.Outcome{Kind: dunning.OutcomeSent, Date: asOf, By: "scr"})
		if err != nil {
			done = append(done, "error: "+err.Error())
			continue
		}
		done = append(done, scrJSON(t, eff))
	}
	return scrJSON(t, []any{ag.Agenda, ag.Records, ag.Scenarios, ag.Legal, ag.Writings([]dunning.Channel{dunning.ChanLetter}, false), why, states, done})
}

// scrCallCustomers are the customers of the agenda's entries, in order, at most 40.
func scrCallCustomers(t *testing.T, s *desk.Session, asOf ledger.Date) []string {
	ag := scrAgenda(t, s, asOf)
	seen := map[string]bool{}
	var ids []string
	for _, e := range ag.Entries {
		if !seen[e.Customer] && len(ids) < 40 {
			seen[e.Customer] = true
			ids = append(ids, e.Customer)
		}
	}
	return ids
}

// scrCallSheet is the call sheet of each customer of the agenda (CallSheet): what the
// screen shows (class, entry, records, disputes, overdue items, promise states) and
// the PDF (with the payer profile).
func scrCallSheet(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	ag := scrAgenda(t, s, asOf)
	var b strings.Builder
	for _, id := range scrCallCustomers(t, s, asOf) {
		sh, err := s.CallSheet(id, asOf, ag.Agenda, ag.Records)
		if err != nil {
			t.Fatal(err)
		}
		var overdue []string
		for _, it := range sh.Account.Items {
			if it.OverdueAt(asOf) {
				overdue = append(overdue, it.Number+" "+it.Open.String())
			}
		}
		var pdf bytes.Buffer
		if err := callsheet.Render(&pdf, sh, callsheet.Options{}); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s class %s entry %s records %s disputes %d overdue %v balance %s\n  profile %s\n  pdf %s\n", id, sh.Class,
			scrJSON(t, sh.Entry), scrJSON(t, sh.Records), len(sh.Disputes), overdue, sh.Account.Balance(), scrJSON(t, sh.Profile), scrSum(pdf.Bytes()))
	}
	return b.String()
}

// scrLetterCustomers are the customers a letter may be written to: an overdue open item
// (letterpdf.OverdueJobs), those with a letter in the archive first, at most 30.
func scrLetterCustomers(t *testing.T, s *desk.Session, asOf ledger.Date) []string {
	recs, err := s.Archive(archive.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]bool{}
	for _, r := range recs {
		first[r.Customer] = true
	}
	var ids, rest []string
	for _, j := range letterpdf.OverdueJobs(s.Book, asOf, templates.R1, nil) {
		if first[j.Customer] {
			ids = append(ids, j.Customer)
		} else {
			rest = append(rest, j.Customer)
		}
	}
	ids = append(ids, rest...)
	return ids[:min(len(ids), 30)]
}

var scrStages = []templates.Stage{templates.Pre, templates.R1, templates.R2, templates.R3, templates.MED, templates.Conf,
	templates.Plan, templates.Dispute, templates.Block, templates.Statement}

// scrLettersCompose is the Courriers editor's letter to each customer at each stage
// (ComposeLetter, as the preview and « Émettre » build it) and its PDF with the
// statement enclosed (RenderLetter).
func scrLettersCompose(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	var b strings.Builder
	for _, id := range scrLetterCustomers(t, s, asOf) {
		for _, st := range scrStages {
			l, err := s.ComposeLetter(desk.LetterRequest{Customer: id, Stage: st, Date: asOf})
			if err != nil {
				fmt.Fprintf(&b, "%s %s error %v\n", id, st, err)
				continue
			}
			pdf, err := s.RenderLetter(l, nil)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %s %s pdf %s\n", id, st, scrJSON(t, l), scrSum(pdf))
		}
	}
	return b.String()
}

// scrBatchOut is a batch's letters: each job, its letter or error, its PDF.
func scrBatchOut(t *testing.T, batch *desk.LetterBatch) string {
	var b strings.Builder
	for _, r := range batch.Results {
		fmt.Fprintf(&b, "%s/%s err %v %s pdf %s\n", r.Job.Customer, r.Job.Stage, r.Err, scrJSON(t, r.Letter), scrSum(r.PDF))
	}
	return b.String()
}

// scrLettersBatch is the Courriers screen's batch of a stage to every overdue
// customer (WriteStageLetters, not issued): R1, R2, MED and the statement letter.
func scrLettersBatch(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	var b strings.Builder
	for _, st := range []templates.Stage{templates.R1, templates.R2, templates.MED, templates.Statement} {
		batch, err := s.WriteStageLetters(asOf, st, letterpdf.BatchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(scrBatchOut(t, batch))
	}
	return b.String()
}

// scrAgendaLetters is the agenda's batch of the day's letters (WriteAgendaLetters,
// not issued).
func scrAgendaLetters(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	ag := scrAgenda(t, s, asOf)
	rec := ag.Records
	batch, err := s.WriteAgendaLetters(asOf, ag.Writings([]dunning.Channel{dunning.ChanLetter}, false), &rec, letterpdf.BatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(batch.Entries))
	for k := range batch.Entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return scrBatchOut(t, batch) + strings.Join(keys, ",")
}

// scrLateReport is the late-payment table (askLateReport) at the as-of date, the
// default closing, and at a closing typed before the latest activity.
func scrLateReport(t *testing.T, s *desk.Session, asOf ledger.Date) string {
	var b strings.Builder
	for _, closing := range []ledger.Date{asOf, asOf.AddDays(-400)} {
		r, err := s.LateReport(latereport.Options{Closing: closing})
		if err != nil {
			fmt.Fprintf(&b, "%s error %v\n", closing, err)
			continue
		}
		fmt.Fprintf(&b, "%s %s\n", closing, scrJSON(t, r))
	}
	return b.String()
}

// scrAllCustomers is every customer (the fix "read the whole book").
func scrAllCustomers(t *testing.T, s *desk.Session, asOf ledger.Date) []string {
	var ids []string
	for _, a := range s.Book.Accounts {
		ids = append(ids, a.Customer.ID)
	}
	return ids
}

var scrCases = []scrCase{
	{name: "disputes_list", out: scrDisputesList},
	{name: "dispute_detail", out: scrDisputeDetail, fix: scrDisputeCustomers},
	{name: "sales_digest", out: scrSalesDigest},
	{name: "blocks", out: scrBlocks},
	{name: "agenda", out: scrAgendaScreen},
	{name: "callsheet", out: scrCallSheet, fix: scrCallCustomers},
	{name: "agenda_letters", out: scrAgendaLetters},
	{name: "letters_compose", out: scrLettersCompose, fix: scrLetterCustomers},
	{name: "letters_batch", out: scrLettersBatch, fix: scrAllCustomers},
	{name: "latereport", out: scrLateReport, fix: scrAllCustomers},
}
