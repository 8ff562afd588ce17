package law

import (
	"strings"

	"relance/ledger/proof"
)

// The proof of each invoice in the injonction pack (ledger/proof): the request is filed
// with the supporting documents, listed in a bordereau (CPC 1407), and the judge
// rejects a request that does not appear founded (CPC 1409). When the dossier records
// the pieces (PackOptions.Proofs not nil), each invoice claimed brings its order, its
// delivery proof and its copy to the bordereau with their references, and a piece
// recorded as missing, or an order or delivery proof not recorded, is a warning
// (IPPack.ProofWarnings). It warns and does not block: between merchants the proof is
// free (C. com. L110-3) and the creditor may hold other evidence.

// Statuses of a piece of proof in the bordereau.
const (
	DocHeld    DocStatus = "held"    // recorded as held by the creditor: to attach, its reference given
	DocMissing DocStatus = "missing" // recorded as missing: the request may be rejected for it
)

// proofExhibits adds to the bordereau (through add) the order, delivery proof and copy
// of invoice line l, from its record v (zero: nothing recorded).
func proofExhibits(l ClaimLine, v proof.Invoice, add func(key string, st DocStatus, args ...string)) {
	for _, k := range proof.Kinds() {
		p := v.Piece(k)
		st := DocToAttach
		switch {
		case p.State == proof.Missing:
			st = DocMissing
		case p.State == proof.Present:
			st = DocHeld
		case k == proof.Copy:
			st = DocLedger // the invoice is in the ledger: a copy from the invoicing software
		}
		key := "proof.doc." + string(k)
		args := []string{"number", l.Number, "date", l.DocDate.String(), "amount", l.Amount.String()}
		if ref := strings.TrimSpace(p.Ref); ref != "" && p.State == proof.Present {
			key += "_ref"
			args = append(args, "ref", ref)
		}
		add(key, st, args...)
	}
}

// proofWarnings says, for the invoices claimed, which lack a piece recorded as missing
// (one warning per piece, naming the invoices) and which have no order or delivery
// proof recorded.
func proofWarnings(lines []ClaimLine, proofs map[string]proof.Invoice) []Note {
	missing := map[proof.Kind][]string{}
	var unrecorded []string
	for _, l := range lines {
		if l.Kind == KindPenaltyInvoice || l.Claimed <= 0 {
			continue
		}
		j := proof.Judge(proofs[l.Item])
		for _, k := range j.Missing {
			missing[k] = append(missing[k], l.Number)
		}
		if len(j.Unrecorded) > 0 {
			unrecorded = append(unrecorded, l.Number)
		}
	}
	out := []Note{}
	note := func(key string, ns []string) {
		if len(ns) == 1 {
			key += ".one"
		}
		out = append(out, Note{Key: key, Args: []string{"n", itoa(len(ns)), "list", strings.Join(ns, ", ")}})
	}
	for _, k := range proof.Kinds() {
		if ns := missing[k]; len(ns) > 0 {
			note("proof.warn.missing_"+string(k), ns)
		}
	}
	if len(unrecorded) > 0 {
		note("proof.warn.unrecorded", unrecorded)
	}
	return out
}

// ClaimProofWarnings are the warnings of the claim filed in an insolvency (C. com.
// L622-25, R622-23: the declaration comes with the documents that justify it) for the
// invoices it files (due and to fall due), from the pieces recorded, by item ID.
func ClaimProofWarnings(c *InsolvencyClaim, proofs map[string]proof.Invoice) []Note {
	var lines []ClaimLine
	for _, group := range [][]ClaimItem{c.Due, c.ToFallDue} {
		for _, it := range group {
			lines = append(lines, ClaimLine{Item: it.Item, Number: it.Number, Kind: "invoice", Claimed: it.Open})
		}
	}
	return proofWarnings(lines, proofs)
}

// ClaimExhibit is one invoice of a claim filing with the pieces of its proof held,
// joined to the declaration (C. com. R622-23): the reference of each piece present, or
// "" for one not held.
type ClaimExhibit struct {
	Item     string `json:"item"`
	Number   string `json:"number"`
	Order    string `json:"order,omitempty"`
	Delivery string `json:"delivery,omitempty"`
	// Held is true for the pieces present: a piece held with no reference has
	// Held[k] true and an empty text.
	OrderHeld    bool `json:"order_held"`
	DeliveryHeld bool `json:"delivery_held"`
}

// AttachProofs sets the claim's exhibits — the orders and delivery proofs held for the
// invoices it files — and its proof warnings (ClaimProofWarnings) from the pieces
// recorded, by item ID. A nil map leaves the claim as it is.
func (c *InsolvencyClaim) AttachProofs(proofs map[string]proof.Invoice) {
	if proofs == nil {
		return
	}
	c.Exhibits = []ClaimExhibit{}
	for _, group := range [][]ClaimItem{c.Due, c.ToFallDue} {
		for _, it := range group {
			v := proofs[it.Item]
			x := ClaimExhibit{Item: it.Item, Number: it.Number, OrderHeld: v.Order.State == proof.Present,
				DeliveryHeld: v.Delivery.State == proof.Present}
			if !x.OrderHeld && !x.DeliveryHeld {
				continue
			}
			if x.OrderHeld {
				x.Order = v.Order.Ref
			}
			if x.DeliveryHeld {
				x.Delivery = v.Delivery.Ref
			}
			c.Exhibits = append(c.Exhibits, x)
		}
	}
	c.ProofWarnings = ClaimProofWarnings(c, proofs)
}
