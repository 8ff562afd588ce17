package insolvency

import (
	"strings"

	"relance/ledger/law"
	"relance/letters/pdfdoc"
)

// The pieces of proof joined to a claim filing (C. com. R622-23: the declaration comes
// with the documents that justify it): for each invoice filed whose order or delivery
// proof is held (law.InsolvencyClaim.AttachProofs), the references, in a table after
// the list of enclosures. The PDF and the archive's record print the same rows. A piece
// not held is left blank: the warnings are for the creditor (the window, the command
// line), not for the mandataire.

// exhibitCells are the cells of one exhibit row: the invoice, its order, its delivery
// proof (the reference, « joint » for a piece held without one, "" for none).
func exhibitCells(w writer, x law.ClaimExhibit) []string {
	held := func(ok bool, ref string) string {
		switch {
		case !ok:
			return ""
		case strings.TrimSpace(ref) == "":
			return w.t("proof.claim.held")
		}
		return ref
	}
	return []string{x.Number, held(x.OrderHeld, x.Order), held(x.DeliveryHeld, x.Delivery)}
}

// exhibitRows is the exhibits table as the archive's record keeps it ("" for none).
func exhibitRows(w writer, c *law.InsolvencyClaim) string {
	if len(c.Exhibits) == 0 {
		return ""
	}
	rows := []string{w.t("proof.claim.heading"), strings.Join([]string{w.t("proof.claim.col.invoice"),
		w.t("proof.claim.col.order"), w.t("proof.claim.col.delivery")}, " | ")}
	for _, x := range c.Exhibits {
		rows = append(rows, strings.Join(exhibitCells(w, x), " | "))
	}
	return strings.Join(rows, "\n")
}

// exhibitTable prints the exhibits table in the claim's PDF (nothing when none).
func exhibitTable(d *pdfdoc.Doc, c *law.InsolvencyClaim) {
	if len(c.Exhibits) == 0 {
		return
	}
	w := writer{lang: d.Lang()}
	subhead(d, w.t("proof.claim.heading"))
	t := d.NewTable(
		pdfdoc.Column{Title: w.t("proof.claim.col.invoice"), Width: 40, Align: "L"},
		pdfdoc.Column{Title: w.t("proof.claim.col.order"), Width: 67, Align: "L"},
		pdfdoc.Column{Title: w.t("proof.claim.col.delivery"), Width: 67, Align: "L"},
	)
	t.Size, t.Zebra = 8, true
	t.Header()
	for _, x := range c.Exhibits {
		cells := exhibitCells(w, x)
		t.Row(cells[0], cells[1], cells[2])
	}
	d.SetY(d.Y() + 2)
}
