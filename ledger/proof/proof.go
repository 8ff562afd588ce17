// Package proof records and judges the proof of a debt invoice by invoice: the
// « triangle d'or » of a trade claim — the order the customer signed (bon de commande,
// contract, accepted quote), the proof of delivery or of the service done (signed bon de
// livraison, acceptance report) and the invoice itself. Each piece is present (with
// where it is filed), known to be missing, or not recorded yet.
//
// The pieces matter where the debt must be proved: the request for an injonction de
// payer is filed with the supporting documents (CPC 1407: « bordereau des documents
// justificatifs ») and the judge rejects a request that does not appear founded (CPC
// 1409); a claim filed in a customer's insolvency is accompanied by the documents that
// justify it (C. com. L622-25, R622-23). Between merchants the proof is free (C. com.
// L110-3), so a missing piece does not bar a claim by itself: the packs warn, they do
// not refuse (the creditor may hold other evidence — e-mails, an invoice accepted
// without protest). Against a consumer a written proof is required above the amount
// set by decree (C. civ. 1359, décret 80-533: 1 500 € [to verify]).
//
// Nothing here reads the clock: the as-of date is a parameter.
package proof

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"relance/ledger"
)

// Kind is one piece of the triangle.
type Kind string

// The three pieces, in the order a bordereau lists them.
const (
	Order    Kind = "order"    // bon de commande, contract or accepted quote, signed by the customer
	Delivery Kind = "delivery" // signed delivery note or proof the service was done
	Copy     Kind = "invoice"  // the invoice itself (a copy kept: C. com. L123-22, CGI 289 [to verify])
)

// Kinds are the pieces in the bordereau's order.
func Kinds() []Kind { return []Kind{Order, Delivery, Copy} }

// ParseKind reads a piece's name as Kinds writes it.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds() {
		if string(k) == strings.TrimSpace(s) {
			return k, true
		}
	}
	return "", false
}

// State is where a piece stands.
type State string

// The states of a piece. Unknown is the zero value: nothing was recorded.
const (
	Unknown State = ""
	Present State = "present"
	Missing State = "missing"
)

// ParseState reads "present", "missing" or "unknown" ("" too).
func ParseState(s string) (State, bool) {
	switch strings.TrimSpace(s) {
	case "", "unknown":
		return Unknown, true
	case string(Present):
		return Present, true
	case string(Missing):
		return Missing, true
	}
	return "", false
}

// MaxRef is the longest file reference kept, in characters.
const MaxRef = 200

// Piece is one piece of an invoice's proof.
type Piece struct {
	State State `json:"state,omitempty"`
	// Ref is where the piece is (free text: "BC 2026-118", a path, "classeur 3"); a
	// missing piece may say what was done to get it ("demandé le 3/11").
	Ref string `json:"ref,omitempty"`
	// Date is the piece's own date (the order signed, the goods delivered), when known.
	Date ledger.Date `json:"date,omitempty"`
}

// Invoice is the proof of one invoice of a customer, keyed by the item's stable ID
// (ledger.Item.ID: the same across re-imports).
type Invoice struct {
	Customer string `json:"customer"`
	Item     string `json:"item"`
	Order    Piece  `json:"order"`
	Delivery Piece  `json:"delivery"`
	Copy     Piece  `json:"invoice"`
	// Recorded is the day the pieces were last set, By who set them.
	Recorded ledger.Date `json:"recorded,omitempty"`
	By       string      `json:"by,omitempty"`
}

// Piece returns the piece k of v (nil for an unknown kind).
func (v *Invoice) Piece(k Kind) *Piece {
	switch k {
	case Order:
		return &v.Order
	case Delivery:
		return &v.Delivery
	case Copy:
		return &v.Copy
	}
	return nil
}

// Validate checks v: a customer and an item, known states, references of at most
// MaxRef characters without control characters, dates not after the day recorded, and no reference or
// date on a piece not recorded.
func (v *Invoice) Validate() error {
	if strings.TrimSpace(v.Customer) == "" {
		return &ledger.Problem{Key: "proof.err.customer", Args: []string{"value", v.Customer}}
	}
	if strings.TrimSpace(v.Item) == "" {
		return &ledger.Problem{Key: "proof.err.item", Args: []string{"customer", v.Customer, "value", v.Item}}
	}
	for _, k := range Kinds() {
		p := v.Piece(k)
		if _, ok := ParseState(string(p.State)); !ok || p.State == "unknown" {
			return &ledger.Problem{Key: "proof.err.state", Args: []string{"piece_key", "proof.kind." + string(k), "value", string(p.State)}}
		}
		if utf8.RuneCountInString(p.Ref) > MaxRef {
			return &ledger.Problem{Key: "proof.err.ref_long", Args: []string{"piece_key", "proof.kind." + string(k), "max", "200"}}
		}
		if strings.ContainsFunc(p.Ref, unicode.IsControl) {
			return &ledger.Problem{Key: "proof.err.ref_control", Args: []string{"piece_key", "proof.kind." + string(k), "value", p.Ref}}
		}
		if v.Recorded.Valid() && p.Date.Valid() && p.Date > v.Recorded {
			return &ledger.Problem{Key: "proof.err.date_future", Args: []string{"piece_key", "proof.kind." + string(k), "date", p.Date.String()}}
		}
		if p.State == Unknown && (strings.TrimSpace(p.Ref) != "" || p.Date.Valid()) {
			return &ledger.Problem{Key: "proof.err.unknown_ref", Args: []string{"piece_key", "proof.kind." + string(k), "value", p.Ref}}
		}
	}
	return nil
}

// Verdict is what an invoice's proof amounts to.
type Verdict string

// Verdicts, from the best.
const (
	// Complete: the order and the delivery proof are present, the invoice copy not
	// missing.
	Complete Verdict = "complete"
	// Unrecorded: nothing is known to be missing, but the order or the delivery proof
	// was not recorded.
	Unrecorded Verdict = "unrecorded"
	// Incomplete: at least one piece is known to be missing.
	Incomplete Verdict = "incomplete"
)

// Judgment is the verdict on one invoice, with the pieces missing and those not
// recorded, in the bordereau's order.
type Judgment struct {
	Verdict    Verdict `json:"verdict"`
	Missing    []Kind  `json:"missing"`
	Unrecorded []Kind  `json:"unrecorded"`
}

// Judge judges one invoice's proof. The invoice copy not recorded counts as held: the
// invoice is in the ledger and the invoicing software prints its copy (the seller
// keeps one, CGI 289 I [to verify]); only a copy recorded as missing counts against it.
func Judge(v Invoice) Judgment {
	j := Judgment{Missing: []Kind{}, Unrecorded: []Kind{}}
	for _, k := range Kinds() {
		switch v.Piece(k).State {
		case Missing:
			j.Missing = append(j.Missing, k)
		case Unknown:
			if k != Copy {
				j.Unrecorded = append(j.Unrecorded, k)
			}
		}
	}
	switch {
	case len(j.Missing) > 0:
		j.Verdict = Incomplete
	case len(j.Unrecorded) > 0:
		j.Verdict = Unrecorded
	default:
		j.Verdict = Complete
	}
	return j
}
