package cli

import (
	"fmt"
	"io"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/proof"
)

// runProof is `relance proof set|list`: the proof of the debt invoice by invoice — its
// order, delivery proof and copy (desk.Session.SetProof, desk.Session.ProofReport, as
// the customer card's « Preuves » tab sets and shows them).
func runProof(env *Env, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "proof.cli.verb")}
	}
	switch args[0] {
	case "set":
		return env.proofSet(args[1:])
	case "list":
		return env.proofList(args[1:])
	}
	return &usageError{msg: i18n.T(env.Lang, "proof.cli.verb")}
}

// proofSet records some pieces of one invoice (`relance proof set`).
func (env *Env) proofSet(args []string) error {
	fs := env.flags("proof set")
	wf := env.writeFlags(fs)
	customer := fs.String("customer", "", "customer ID")
	item := fs.String("item", "", "document number or ID of the invoice")
	format := fs.String("format", "text", "output format: text or json")
	pieces := map[proof.Kind]*string{}
	dates := map[proof.Kind]*string{}
	for _, k := range proof.Kinds() {
		pieces[k] = fs.String(string(k), "", "present|missing|unknown[:REF] — the "+string(k)+" piece and where it is filed")
		dates[k] = fs.String(string(k)+"-date", "", "date of the "+string(k)+" piece, YYYY-MM-DD or DD/MM/YYYY")
	}
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *wf.db, "customer", *customer, "item", *item); err != nil {
		return err
	}
	if err := env.format(*format, "text", "json"); err != nil {
		return err
	}
	ch := desk.ProofChange{Customer: *customer, Item: *item, Pieces: map[proof.Kind]proof.Piece{}}
	for _, k := range proof.Kinds() {
		if *pieces[k] == "" {
			if *dates[k] != "" {
				return &usageError{msg: i18n.T(env.Lang, "proof.cli.nothing")}
			}
			continue
		}
		p, err := desk.ParsePiece(string(k), *pieces[k])
		if err != nil {
			return err
		}
		if p.Date, err = env.anyDate(string(k)+"-date", *dates[k]); err != nil {
			return err
		}
		ch.Pieces[k] = p
	}
	if len(ch.Pieces) == 0 {
		return &usageError{msg: i18n.T(env.Lang, "proof.cli.nothing")}
	}
	asOf, err := env.date("at", *wf.at, env.Today)
	if err != nil {
		return err
	}
	var v *proof.Invoice
	number := *item
	err = env.withWrite(*wf.db, func(ss *desk.Session) error {
		var err error
		if v, err = ss.SetProof(ch, asOf, *wf.by); err != nil {
			return err
		}
		if acc := ss.Book.Account(v.Customer); acc != nil {
			number = itemNumberOf(acc, v.Item)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(env, v)
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "proof.cli.set", "number", number, "verdict", desk.VerdictText(env.Lang, proof.Judge(*v).Verdict)))
	return nil
}

// itemNumberOf is the document number of item id of acc, or id.
func itemNumberOf(acc *ledger.Account, id string) string {
	for i := range acc.Items {
		if acc.Items[i].ID == id && acc.Items[i].Number != "" {
			return acc.Items[i].Number
		}
	}
	return id
}

// proofList shows the proof of a customer's open invoices (`relance proof list`).
func (env *Env) proofList(args []string) error {
	fs := env.flags("proof list")
	rf := env.reportFlags(fs, "table", "json")
	customer := fs.String("customer", "", "customer ID")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("customer", *customer); err != nil {
		return err
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	r, err := ss.ProofReport(*customer, asOf)
	if err != nil {
		return err
	}
	if rf.Format() == "json" {
		return writeJSON(env, r)
	}
	l, cur := env.Lang, ss.Book.Settings.Currency
	name := *customer
	if acc := ss.Book.Account(*customer); acc != nil {
		name = acc.Customer.Name
	}
	fmt.Fprintln(env.Stdout, i18n.T(l, "proof.cli.title", "name", name, "id", r.Customer, "date", dateText(l, asOf)))
	if len(r.Lines) == 0 {
		fmt.Fprintln(env.Stdout, i18n.T(l, "proof.cli.none", "date", dateText(l, asOf)))
		return nil
	}
	t := newTable(i18n.T(l, "proof.col.invoice"), i18n.T(l, "proof.col.due"), i18n.T(l, "proof.col.open"), i18n.T(l, "proof.col.order"),
		i18n.T(l, "proof.col.delivery"), i18n.T(l, "proof.col.copy"), i18n.T(l, "proof.col.verdict")).alignRight(2)
	for _, ln := range r.Lines {
		t.add(ln.Number, dateText(l, ln.DueDate), ln.Open.Format(l, cur), desk.PieceText(l, proof.Order, ln.Proof.Order),
			desk.PieceText(l, proof.Delivery, ln.Proof.Delivery), desk.PieceText(l, proof.Copy, ln.Proof.Copy), desk.VerdictText(l, ln.Verdict))
	}
	if err := t.write(env.Stdout); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, desk.ProofSummary(l, r))
	return nil
}

// writeProofWarnings writes the warnings of a pack or claim about the pieces of proof
// missing or not recorded (law.IPPack.ProofWarnings, law.InsolvencyClaim.ProofWarnings),
// one a line.
func writeProofWarnings(w io.Writer, lang, currency string, notes []law.Note) {
	for _, n := range notes {
		fmt.Fprintln(w, "! "+law.FormatNote(n, lang, currency))
	}
}
