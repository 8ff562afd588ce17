package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/letters"
	"relance/letters/digest"
)

// blocksPane lists the delivery blocks — proposed, answered by sales, decided,
// lifted — with the steps the selected one allows, the rule's proposals and the list
// of blocks in force for logistics.
func (sv *disputesView) blocksPane() fyne.CanvasObject {
	a := sv.a
	blocks := a.blocks
	cols := []column{{"ui.blk.col.id", 100, false}, {"ui.blk.col.customer", 220, false}, {"ui.blk.col.proposed", 100, false},
		{"ui.blk.col.overdue", 120, true}, {"ui.blk.col.sales", 120, false}, {"ui.blk.col.state", 130, false},
		{"ui.blk.col.conditions", 260, false}}
	cell := func(row, col int) (string, widget.Importance) {
		b := &blocks[row]
		switch col {
		case 0:
			return b.ID, normal
		case 1:
			if acc := a.book.Account(b.Customer); acc != nil {
				return acc.Customer.Name, normal
			}
			return b.Customer, normal
		case 2:
			return a.date(b.Proposed.Date), normal
		case 3:
			return a.money(b.Proposed.Overdue), normal
		case 4:
			switch {
			case b.SalesAnswer == nil:
				return "—", normal
			case b.SalesAnswer.Agree:
				return a.t("ui.blk.agree"), normal
			}
			return a.t("ui.blk.disagree"), normal
		case 5:
			if b.State() == dispute.BlockActive {
				return a.t("dispute.block.state." + string(b.State())), widget.DangerImportance
			}
			return a.t("dispute.block.state." + string(b.State())), normal
		}
		return b.LiftConditions, normal
	}
	comment := widget.NewEntry()
	comment.SetPlaceHolder(a.t("ui.disp.comment"))
	steps := container.NewHBox()
	t := a.dataTable(cols, func() int { return len(blocks) }, cell, func(row int) {
		steps.Objects = sv.blockSteps(blocks[row].ID, blocks[row].State(), comment)
		steps.Refresh()
	})
	a.fitColumns(t, cols)
	propose := widget.NewButtonWithIcon(a.t("ui.blk.propose"), theme.ContentAddIcon(), sv.proposeBlocks)
	export := widget.NewButtonWithIcon(a.t("ui.blk.export"), theme.DocumentSaveIcon(), func() {
		a.askSave(fmt.Sprintf("%s-%s.csv", a.t("ui.blk.file"), a.asOf), "ui.blk.exported", sv.writeBlockList)
	})
	bar := container.NewHBox(propose, export)
	bottom := container.NewVBox(caption(a.t("ui.blk.help")), comment, steps)
	return container.NewBorder(bar, bottom, nil, nil, t)
}

// blockSteps are the buttons for what the block's state allows.
func (sv *disputesView) blockSteps(id string, st dispute.BlockState, comment *widget.Entry) []fyne.CanvasObject {
	a := sv.a
	do := func(f func(b *dispute.Block, text string) error) func() {
		return func() {
			text := strings.TrimSpace(comment.Text)
			sv.updateBlock(id, func(b *dispute.Block) error { return f(b, text) })
		}
	}
	// sure asks first for the steps that cannot be undone (a decision, a lift).
	sure := func(key string, f func(b *dispute.Block, text string) error) func() {
		return func() {
			name, overdue := id, ""
			for i := range a.blocks {
				if b := &a.blocks[i]; b.ID == id {
					name, overdue = b.Customer, a.money(b.Proposed.Overdue)
					if acc := a.book.Account(b.Customer); acc != nil {
						name = acc.Customer.Name
					}
				}
			}
			sv.confirmDispute(a.t(key, "id", id, "customer", name, "amount", overdue), do(f))
		}
	}
	var out []fyne.CanvasObject
	if st == dispute.BlockProposed {
		out = append(out,
			widget.NewButton(a.t("ui.blk.sales_agree"), do(func(b *dispute.Block, c string) error {
				return b.Answer(dispute.SalesAnswer{By: sv.salesOf(b), Date: a.asOf, Agree: true, Comment: c})
			})),
			widget.NewButton(a.t("ui.blk.sales_disagree"), do(func(b *dispute.Block, c string) error {
				return b.Answer(dispute.SalesAnswer{By: sv.salesOf(b), Date: a.asOf, Agree: false, Comment: c})
			})))
	}
	if st == dispute.BlockProposed || st == dispute.BlockAnswered {
		block := widget.NewButtonWithIcon(a.t("ui.blk.block"), theme.CancelIcon(), sure("ui.blk.confirm_block", func(b *dispute.Block, c string) error {
			return b.Decide(dispute.Decision{Date: a.asOf, By: a.user(), Blocked: true}, c)
		}))
		block.Importance = widget.DangerImportance
		out = append(out, block, widget.NewButton(a.t("ui.blk.no_block"), sure("ui.blk.confirm_no_block", func(b *dispute.Block, c string) error {
			return b.Decide(dispute.Decision{Date: a.asOf, By: a.user(), Blocked: false, Comment: c}, "")
		})))
	}
	if st == dispute.BlockActive {
		out = append(out, widget.NewButtonWithIcon(a.t("ui.blk.lift"), theme.ConfirmIcon(), sure("ui.blk.confirm_lift", func(b *dispute.Block, c string) error {
			return b.LiftBlock(dispute.Lift{Date: a.asOf, By: a.user(), Comment: c})
		})))
	}
	return out
}

// salesOf names the customer's salesperson, who answers a block proposal.
func (sv *disputesView) salesOf(b *dispute.Block) string {
	a := sv.a
	if acc := a.book.Account(b.Customer); acc != nil {
		if sp := a.book.Salesperson(acc.Customer.Salesperson); sp != nil {
			return sp.Name
		}
	}
	return a.user()
}

// updateBlock applies change to block id in one transaction and reloads.
func (sv *disputesView) updateBlock(id string, change func(*dispute.Block) error) {
	a := sv.a
	if err := a.sess.ChangeBlock(id, change); err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	a.reloadThen(a.t("ui.blk.saved", "id", id))
}

// proposeBlocks records, in one transaction, the blocks the default rule proposes.
func (sv *disputesView) proposeBlocks() {
	a := sv.a
	props, err := a.sess.ProposeBlocks(a.asOf, dispute.DefaultBlockRule())
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	if len(props) == 0 {
		a.setStatus(a.t("ui.blk.none_proposed"))
		return
	}
	a.reloadThen(a.t("ui.blk.proposed", "n", fmt.Sprint(len(props))))
}

// writeBlockList writes the blocks in force, for logistics, as CSV.
func (sv *disputesView) writeBlockList(path string) error {
	a := sv.a
	return letters.WriteFile(path, func(w io.Writer) error {
		return digest.WriteBlockList(w, a.book, a.blocks, a.asOf, a.lang)
	})
}

// customerDisputes lists a customer's disputes and blocks on its panel; a dispute
// opens in the Litiges screen.
func (sv *disputesView) customerDisputes(id string) fyne.CanvasObject {
	a := sv.a
	box := container.NewVBox()
	for i := range a.disputes {
		d := &a.disputes[i]
		if d.Customer != id {
			continue
		}
		txt := a.t("ui.cust.dispute", "id", d.ID, "amount", a.money(d.Total()), "status", a.t("dispute.status."+string(d.Status)))
		b := widget.NewButton(txt, func() {
			sv.selected, sv.status = d.ID, ""
			a.showScreen(screenDisputes)
		})
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	for i := range a.blocks {
		b := &a.blocks[i]
		if b.Customer == id {
			box.Add(widget.NewLabel(a.t("ui.cust.block", "id", b.ID, "state", a.t("dispute.block.state."+string(b.State())),
				"date", a.date(b.Proposed.Date))))
		}
	}
	if len(box.Objects) == 0 {
		box.Add(widget.NewLabel(a.t("ui.cust.no_dispute")))
	}
	box.Add(widget.NewButtonWithIcon(a.t("ui.blk.propose_manual"), theme.CancelIcon(), func() { sv.askManualBlock(id) }))
	box.Add(caption(a.t("ui.cust.dispute_help")))
	return box
}

// askManualBlock asks why, then records a delivery block proposed by hand for customer id.
func (sv *disputesView) askManualBlock(id string) {
	a := sv.a
	reason := widget.NewEntry()
	reason.SetPlaceHolder(a.t("ui.blk.reason_hint"))
	dialog.ShowForm(a.t("ui.blk.propose_manual"), a.t("ui.blk.propose_ok"), a.t("ui.dialog.cancel"),
		[]*widget.FormItem{widget.NewFormItem(a.t("ui.blk.reason"), reason)}, func(ok bool) {
			if ok {
				if err := sv.proposeManualBlock(id, strings.TrimSpace(reason.Text)); err != nil {
					a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				}
			}
		}, a.win)
}

// proposeManualBlock records a hand-made block proposal (one transaction) and reloads.
func (sv *disputesView) proposeManualBlock(id, reason string) error {
	a := sv.a
	b, err := a.sess.ProposeBlock(id, a.asOf, a.user(), reason)
	if err != nil {
		return err
	}
	a.reloadThen(a.t("ui.blk.saved", "id", b.ID))
	return nil
}
