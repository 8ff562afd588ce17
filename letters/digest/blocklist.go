package digest

import (
	"encoding/csv"
	"io"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dispute"
)

// WriteBlockList writes the delivery blocks in force at asOf as CSV for logistics:
// customer, since when, on whose decision, until what, and the amounts behind it.
// French output uses ';' and the decimal comma, as French spreadsheets expect.
func WriteBlockList(w io.Writer, book *ledger.Book, blocks []dispute.Block, asOf ledger.Date, lang string) error {
	cw := csv.NewWriter(w)
	money := func(c ledger.Cents) string { return c.String() }
	if lang != "en" {
		cw.Comma = ';'
		money = func(c ledger.Cents) string { return strings.Replace(c.String(), ".", ",", 1) }
	}
	t := func(k string) string { return i18n.T(lang, k) }
	cw.Write([]string{t("digest.blocks.col.customer"), t("digest.blocks.col.name"), t("digest.blocks.col.since"),
		t("digest.blocks.col.by"), t("digest.blocks.col.overdue"), t("digest.blocks.col.conditions")})
	for _, b := range dispute.BlockedAt(blocks, asOf) {
		name := b.Customer
		if acc := book.Account(b.Customer); acc != nil {
			name = acc.Customer.Name
		}
		var since ledger.Date
		var by string
		if b.Decision != nil {
			since, by = b.Decision.Date, b.Decision.By
		}
		cw.Write([]string{b.Customer, name, since.String(), by, money(b.Proposed.Overdue), b.LiftConditions})
	}
	cw.Flush()
	return cw.Error()
}
