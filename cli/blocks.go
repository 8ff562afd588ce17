package cli

import (
	"encoding/json"
	"fmt"
	"strconv"

	"relance/assets/i18n"
	"relance/desk"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/letters/digest"
)

// blockJSON is one block of `relance blocks --format json`.
type blockJSON struct {
	dispute.Block
	State string `json:"state"`
	Name  string `json:"customer_name"`
}

// runBlocks lists the delivery blocks; --propose first records the blocks the default
// rule proposes (one transaction); --format csv writes the list in force for logistics.
func runBlocks(env *Env, args []string) error {
	fs := env.flags("blocks")
	rf := env.reportFlags(fs, "table", "json", "csv")
	propose := fs.Bool("propose", false, "record the blocks the default rule proposes first")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if *propose {
		if err := env.required("db", *rf.db); err != nil {
			return err
		}
		n, err := proposeBlocks(*rf.db, env, *rf.at)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stderr, i18n.T(env.Lang, "dispute.cli.blocks_proposed", "n", strconv.Itoa(n)))
	}
	asOf, ss, err := env.openReport(rf)
	if err != nil {
		return err
	}
	defer ss.Close()
	book, blocks := ss.Book, ss.Blocks
	l := env.Lang
	switch rf.Format() {
	case "csv":
		return digest.WriteBlockList(env.Stdout, book, blocks, asOf, l)
	case "json":
		out := []blockJSON{}
		for _, b := range blocks {
			out = append(out, blockJSON{Block: b, State: string(b.State()), Name: customerName(book, b.Customer)})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tab := newTable(i18n.T(l, "ui.blk.col.id"), i18n.T(l, "ui.blk.col.customer"), i18n.T(l, "ui.blk.col.proposed"),
		i18n.T(l, "ui.blk.col.overdue"), i18n.T(l, "ui.blk.col.state"), i18n.T(l, "ui.blk.col.conditions")).alignRight(3)
	for _, b := range blocks {
		tab.add(b.ID, truncate(customerName(book, b.Customer), 36), b.Proposed.Date.String(), b.Proposed.Overdue.String(),
			i18n.T(l, "dispute.block.state."+string(b.State())), truncate(b.LiftConditions, 40))
	}
	return tab.write(env.Stdout)
}

func customerName(book *ledger.Book, id string) string {
	if acc := book.Account(id); acc != nil {
		return acc.Customer.Name
	}
	return id
}

// proposeBlocks records the rule's proposals at the date and returns how many.
func proposeBlocks(path string, env *Env, at string) (int, error) {
	asOf, err := env.date("at", at, env.Today)
	if err != nil {
		return 0, err
	}
	var props []dispute.Block
	err = env.withWrite(path, func(ss *desk.Session) error {
		var err error
		props, err = ss.ProposeBlocks(asOf, dispute.DefaultBlockRule())
		return err
	})
	return len(props), err
}

// runBlock records one step of a block: the salesperson's answer, the decision or
// the lifting, in one transaction. A step the block's state does not allow is refused.
func runBlock(env *Env, args []string) error {
	fs := env.flags("block")
	dbPath := fs.String("db", "", "dossier file")
	id := fs.String("id", "", "block ID (B2026-0001)")
	answer := fs.String("answer", "", "the salesperson's answer: agree or disagree")
	decide := fs.String("decide", "", "the decision: block or no")
	lift := fs.Bool("lift", false, "lift the block")
	proposeFor := fs.String("propose-for", "", "propose a block by hand for this customer ID (the comment is the reason)")
	by := fs.String("by", "", "who (default: the dossier's signatory)")
	comment := fs.String("comment", "", "comment (for a decision to block: the conditions for lifting)")
	at := fs.String("at", "", "date of the step, YYYY-MM-DD (default today)")
	if err := env.parse(fs, args, false); err != nil {
		return err
	}
	if err := env.required("db", *dbPath); err != nil {
		return err
	}
	if *proposeFor == "" {
		if err := env.required("id", *id); err != nil {
			return err
		}
	}
	steps := 0
	for _, set := range []bool{*answer != "", *decide != "", *lift, *proposeFor != ""} {
		if set {
			steps++
		}
	}
	if steps != 1 || (*answer != "" && *answer != "agree" && *answer != "disagree") || (*decide != "" && *decide != "block" && *decide != "no") {
		return &usageError{msg: i18n.T(env.Lang, "dispute.cli.block_step")}
	}
	date, err := env.date("at", *at, env.Today)
	if err != nil {
		return err
	}
	if *proposeFor != "" {
		var b *dispute.Block
		err := env.withWrite(*dbPath, func(ss *desk.Session) error {
			who := *by
			if who == "" {
				who = ss.Book.Settings.Signatory.Name
			}
			var err error
			b, err = ss.ProposeBlock(*proposeFor, date, who, *comment)
			return err
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "ui.blk.saved", "id", b.ID))
		return nil
	}
	err = env.withWrite(*dbPath, func(ss *desk.Session) error {
		who := ss.Who(*by)
		return ss.ChangeBlock(*id, func(b *dispute.Block) error {
			switch {
			case *answer != "":
				return b.Answer(dispute.SalesAnswer{By: who, Date: date, Agree: *answer == "agree", Comment: *comment})
			case *decide != "":
				conditions := ""
				if *decide == "block" {
					conditions = *comment
				}
				return b.Decide(dispute.Decision{Date: date, By: who, Blocked: *decide == "block", Comment: *comment}, conditions)
			}
			return b.LiftBlock(dispute.Lift{Date: date, By: who, Comment: *comment})
		})
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.Lang, "ui.blk.saved", "id", *id))
	return nil
}
