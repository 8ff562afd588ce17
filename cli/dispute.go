package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/letters/digest"
)

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// runDispute dispatches `relance dispute open|status|note`. Each action is one
// transaction on the dossier: all of it is written, or nothing.
func runDispute(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "dispute.cli.sub", "value", "")}
	}
	switch args[0] {
	case "open":
		return env.disputeOpen(args[1:])
	case "status":
		return env.disputeStatus(args[1:])
	case "note":
		return env.disputeNote(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "dispute.cli.sub", "value", args[0])}
}

// common declares --db, --at and --by and returns a function checking them.
func (env *Env) disputeCommon(fs *flag.FlagSet) func() (string, ledger.Date, string, error) {
	db := fs.String("db", "", "dossier file")
	at := fs.String("at", "", "date of the action YYYY-MM-DD (default today)")
	by := fs.String("by", "", "who acts (default: the dossier's signatory)")
	return func() (string, ledger.Date, string, error) {
		if err := env.required("db", *db); err != nil {
			return "", ledger.NoDate, "", err
		}
		d, err := env.date("at", *at, env.Today)
		return *db, d, *by, err
	}
}

func (env *Env) disputeOpen(args []string) error {
	fs := env.flags("dispute open")
	common := env.disputeCommon(fs)
	customer := fs.String("customer", "", "customer ID")
	var items listFlag
	fs.Var(&items, "item", "ITEM or ITEM:AMOUNT (item ID or invoice number; repeatable; default amount: all that is open)")
	reason := fs.String("reason", "", "price|quantity|quality|delivery|administrative|other")
	owner := fs.String("owner", "", "salesperson (ID or name) or internal (default: the customer's salesperson)")
	due := fs.String("due", "", "answer due by YYYY-MM-DD (default: 15 days after --at)")
	comment := fs.String("comment", "", "comment")
	ack := fs.String("ack", "", "also write the acknowledgement letter to this PDF file")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	if len(items) == 0 {
		return env.required("item", "")
	}
	if err := env.required("reason", *reason); err != nil {
		return err
	}
	dueBy, err := env.date("due", *due, at.AddDays(15))
	if err != nil {
		return err
	}
	var d *dispute.Dispute
	var acc *ledger.Account
	var settings ledger.Settings
	err = env.withWrite(path, func(ss *desk.Session) error {
		if acc = ss.Book.Account(*customer); acc == nil {
			return &ledger.Problem{Key: "dispute.err.unknown_customer", Args: []string{"id", "(" + *customer + ")", "customer", *customer}}
		}
		settings = ss.Book.Settings
		req := desk.DisputeRequest{Customer: acc.Customer.ID, Reason: dispute.Reason(*reason), Date: at, By: ss.Who(by),
			DueBy: dueBy, Comment: *comment} // no owner: the customer's salesperson
		for _, spec := range items {
			di, err := env.parseItem(spec, acc.Items)
			if err != nil {
				return err
			}
			req.Items = append(req.Items, di)
		}
		if *owner != "" {
			own, err := ownerID(ss.Book, *owner)
			if err != nil {
				return err
			}
			req.Owner = own
		}
		var err error
		d, err = ss.OpenDispute(req)
		return err
	})
	if err != nil {
		return err
	}
	env.say("dispute.cli.opened", "id", d.ID, "count", fmt.Sprint(len(d.Items)), "amount", d.Total().String())
	if *ack != "" {
		var buf bytes.Buffer
		if err := digest.RenderAck(&buf, settings, &acc.Customer, d, acc.Items, digest.Options{Created: at.Time().Add(12 * time.Hour)}); err != nil {
			return err
		}
		if err := os.WriteFile(*ack, buf.Bytes(), 0o600); err != nil {
			return &ledger.Problem{Key: "dispute.cli.writefail", Args: []string{"file", *ack}, Err: err}
		}
		env.say("dispute.cli.ack", "file", *ack)
	}
	return nil
}

// parseItem reads ITEM or ITEM:AMOUNT, ITEM being an item ID or an invoice number of
// the customer; without an amount, the item's whole open amount is disputed.
func (env *Env) parseItem(spec string, items []ledger.Item) (dispute.DisputedItem, error) {
	ref, amt, hasAmt := spec, "", false
	if i := strings.LastIndex(spec, ":"); i > 0 {
		if _, err := ledger.ParseCents(spec[i+1:]); err == nil {
			ref, amt, hasAmt = spec[:i], spec[i+1:], true
		}
	}
	var it *ledger.Item
	for i := range items {
		if items[i].ID == ref {
			it = &items[i]
			break
		}
	}
	for i := range items {
		if it == nil && items[i].Number == ref && items[i].Kind == ledger.Invoice {
			it = &items[i]
		}
	}
	if it == nil {
		cust := ""
		if len(items) > 0 {
			cust = items[0].Customer
		}
		return dispute.DisputedItem{}, &ledger.Problem{Key: "dispute.err.unknown_item", Args: []string{"id", "(" + cust + ")", "item", spec, "customer", cust}}
	}
	di := dispute.DisputedItem{ItemID: it.ID, Amount: it.Open}
	if hasAmt {
		c, err := ledger.ParseCents(amt)
		if err != nil {
			return di, &usageError{msg: i18n.T(env.Lang, "dispute.cli.badamount", "flag", "--item", "value", spec)}
		}
		di.Amount = c
	}
	return di, nil
}

func (env *Env) disputeStatus(args []string) error {
	fs := env.flags("dispute status")
	common := env.disputeCommon(fs)
	id := fs.String("id", "", "dispute ID (L2026-0001)")
	to := fs.String("to", "", "new status: "+statusList())
	comment := fs.String("comment", "", "comment")
	res := fs.String("resolution", "", "credit_note|rejected|partial (with --to resolved)")
	amount := fs.String("amount", "", "credit granted (partial resolution)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.required("id", *id, "to", *to); err != nil {
		return err
	}
	var r *dispute.Resolution
	if *res != "" || *amount != "" {
		r = &dispute.Resolution{Kind: dispute.ResolutionKind(*res), Comment: *comment}
		if *amount != "" {
			if r.Amount, err = ledger.ParseCents(*amount); err != nil {
				return &usageError{msg: i18n.T(env.Lang, "dispute.cli.badamount", "flag", "--amount", "value", *amount)}
			}
		}
	}
	var from dispute.Status
	err = env.withWrite(path, func(ss *desk.Session) error {
		return ss.ChangeDispute(*id, func(d *dispute.Dispute) error {
			from = d.Status
			return d.Move(dispute.Status(*to), at, ss.Who(by), *comment, r)
		})
	})
	if err != nil {
		return err
	}
	env.say("dispute.cli.moved", "id", *id, "from", string(from), "to", *to)
	return nil
}

func (env *Env) disputeNote(args []string) error {
	fs := env.flags("dispute note")
	common := env.disputeCommon(fs)
	id := fs.String("id", "", "dispute ID (L2026-0001)")
	text := fs.String("text", "", "the note")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	path, at, by, err := common()
	if err != nil {
		return err
	}
	if err := env.required("id", *id, "text", *text); err != nil {
		return err
	}
	err = env.withWrite(path, func(ss *desk.Session) error {
		return ss.ChangeDispute(*id, func(d *dispute.Dispute) error { return d.AddNote(at, ss.Who(by), *text) })
	})
	if err != nil {
		return err
	}
	env.say("dispute.cli.noted", "id", *id)
	return nil
}
