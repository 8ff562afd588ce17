package desk_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/insolvency"
)

// The claim filing and the retention-of-title claim are archived with their record
// and a history action in one transaction before the PDF is handed back; the file
// written from it has the archived SHA-256; the chain verifies; the claim filing
// counts as a claim filed in the insolvency (the items filed no longer run towards
// limitation). A letter that cannot be written writes nothing.
func TestIssueClaimLetter(t *testing.T) {
	s := openDemo(t)
	p := demoProcedure(t, s)
	rev := revision(t, s)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	issue := func(req desk.ClaimLetterRequest) error {
		_, err := s.IssueClaimLetter(req, "test", now, nil)
		return err
	}
	refused(t, s, "unknown customer", issue(desk.ClaimLetterRequest{Customer: "NOPE", AsOf: anchor}), "letters.err.customer", rev)
	other := otherCustomer(t, s, p.Customer)
	refused(t, s, "no procedure", issue(desk.ClaimLetterRequest{Customer: other, AsOf: anchor}), "law.proc.err.none", rev)
	refused(t, s, "before the judgment", issue(desk.ClaimLetterRequest{Customer: p.Customer, AsOf: p.Judgment.AddDays(-1)}), "law.proc.err.none", rev)
	refused(t, s, "no date", issue(desk.ClaimLetterRequest{Customer: p.Customer}), "insolv3.err.date", rev)
	refused(t, s, "bad rank", issue(desk.ClaimLetterRequest{Customer: p.Customer, AsOf: anchor, Security: "privilege"}), "insolv3.err.security", rev)

	dir := t.TempDir()
	for _, c := range []struct {
		req   desk.ClaimLetterRequest
		stage string
		want  []string
	}{
		{desk.ClaimLetterRequest{Customer: p.Customer, AsOf: anchor, Security: law.RetentionOfTitle}, string(insolvency.ClaimStage),
			[]string{"déclaration de créance", "Sommes échues au jour du jugement", "Total déclaré", "réserve de propriété",
				"certifions sincère et véritable", "C. com. L622-24"}},
		{desk.ClaimLetterRequest{Customer: p.Customer, AsOf: anchor, Retention: true}, string(insolvency.RetentionStage),
			[]string{"revendication", "L624-9", "Délai de revendication"}},
	} {
		prep, err := s.PrepareClaimLetter(c.req)
		if err != nil {
			t.Fatalf("%s: %v", c.stage, err)
		}
		rev := revision(t, s)
		cl, err := s.IssueClaimLetter(c.req, "test", now, nil)
		if err != nil {
			t.Fatalf("%s: %v", c.stage, err)
		}
		written(t, s, c.stage, rev)
		rec := cl.Record
		file := filepath.Join(dir, c.stage+".pdf")
		if err := os.WriteFile(file, cl.PDF, 0o600); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if string(rec.Stage) != c.stage || rec.Customer != p.Customer || rec.PDFHash != hex.EncodeToString(sum[:]) ||
			rec.Reference != p.ID || rec.Date != anchor || rec.Channel != "lrar" || rec.By != "test" {
			t.Errorf("%s: record %+v", c.stage, rec)
		}
		if rec.Total != prep.Letter.Totals.Remaining || rec.Total <= 0 || len(rec.ItemIDs) == 0 ||
			!slices.Equal(rec.ItemIDs, prep.Letter.ItemIDs) {
			t.Errorf("%s: total %d items %v, prepared %d %v", c.stage, rec.Total, rec.ItemIDs, prep.Letter.Totals.Remaining, prep.Letter.ItemIDs)
		}
		txt := strings.Join(strings.Fields(rec.Text), " ")
		for _, w := range append(c.want, p.Mandataire) {
			if !strings.Contains(strings.ToLower(txt), strings.ToLower(w)) {
				t.Errorf("%s: the record's text lacks %q", c.stage, w)
			}
		}
		err = s.DB.View(func(tx *store.Tx) error {
			b, err := archive.PDF(tx, rec.ID)
			if err != nil {
				return err
			}
			if string(b) != string(cl.PDF) {
				t.Errorf("%s: archived PDF differs", c.stage)
			}
			acts, err := tx.Actions(p.Customer)
			for _, a := range acts {
				if a.Letter == rec.ID {
					if a.Stage != c.stage || a.Date != anchor || !slices.Equal(a.Items, rec.ItemIDs) {
						t.Errorf("%s: history action %+v", c.stage, a)
					}
					return err
				}
			}
			t.Errorf("%s: no history action for %s", c.stage, rec.ID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rep, err := s.VerifyArchive()
	if err != nil || !rep.OK() || rep.Count != 2 {
		t.Errorf("archive verification: %+v %v", rep, err)
	}

	// The claim filed suspends the limitation of the invoices filed (C. civ. 2241).
	ds, err := s.Deadlines(anchor)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, d := range ds {
		if d.Customer.ID != p.Customer || d.Item.DocDate > p.Judgment {
			continue
		}
		seen++
		if d.State.Level != law.LevelSuspended || !slices.ContainsFunc(d.State.Interruptions, func(in law.Interruption) bool {
			return in.Kind == law.LegalAction && in.Date == anchor
		}) {
			t.Errorf("%s after the claim filing: %+v", d.Item.Number, d.State)
		}
	}
	if seen == 0 {
		t.Error("no invoice of the insolvent customer in the limitation deadlines")
	}
}

// A procedure against a customer who owes nothing before the judgment: neither letter
// is written, nothing is archived.
func TestClaimLetterNothingToClaim(t *testing.T) {
	s := openDemo(t)
	var paid *ledger.Account
	for _, acc := range s.Book.Accounts {
		owes := slices.ContainsFunc(acc.Items, func(it ledger.Item) bool { return it.Open != 0 })
		if !owes && len(acc.Items) > 0 && acc.Customer.Kind == ledger.Business {
			paid = acc
			break
		}
	}
	if paid == nil {
		t.Skip("no settled business customer in the demo")
	}
	p := law.Procedure{Customer: paid.Customer.ID, Kind: law.Redressement, Judgment: anchor.AddDays(-30), BODACC: anchor.AddDays(-20),
		Mandataire: "Maître Test", Recorded: anchor, By: "test"}
	if err := s.RecordProcedure(&p); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	rev := revision(t, s)
	_, err := s.IssueClaimLetter(desk.ClaimLetterRequest{Customer: paid.Customer.ID, AsOf: anchor}, "test", time.Now(), nil)
	refused(t, s, "nothing to file", err, "insolv3.err.no_claim", rev)
	_, err = s.IssueClaimLetter(desk.ClaimLetterRequest{Customer: paid.Customer.ID, AsOf: anchor, Retention: true}, "test", time.Now(), nil)
	refused(t, s, "no goods", err, "insolv3.err.no_goods", rev)
	if msg := ledger.Localize(err, "fr"); !strings.Contains(msg, paid.Customer.Name) || !strings.Contains(msg, p.Judgment.French()) {
		t.Errorf("message: %s", msg)
	}
}

// otherCustomer is a customer of the demo other than id, without a procedure.
func otherCustomer(t *testing.T, s *desk.Session, id string) string {
	t.Helper()
	for _, acc := range s.Book.Accounts {
		if acc.Customer.ID != id {
			return acc.Customer.ID
		}
	}
	t.Fatal("a single customer in the demo")
	return ""
}
