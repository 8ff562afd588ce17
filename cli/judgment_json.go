package cli

import (
	"github.com/shopspring/decimal"

	"relance/desk"
	"relance/ledger/law"
)

// The decisions as the JSON prints them. law.Judgment keeps its rate as a
// decimal.NullDecimal, which encodes as null when the decision fixes no rate: the
// command line leaves the key out instead, as it does for every value that does not
// exist, and always prints the payments as a list.

// judgmentJSON is a recorded decision.
type judgmentJSON struct {
	law.Judgment
	Rate     *decimal.Decimal      `json:"rate,omitempty"` // % a year, for a contractual rate only
	Payments []law.JudgmentPayment `json:"payments"`
}

func toJudgmentJSON(j law.Judgment) judgmentJSON {
	out := judgmentJSON{Judgment: j, Payments: orEmpty(j.Payments)}
	if j.Rate.Valid {
		r := j.Rate.Decimal
		out.Rate = &r
	}
	return out
}

// judgmentRowJSON is a decision with its enforcement deadline and what remains due.
type judgmentRowJSON struct {
	desk.JudgmentRow
	Rate     *decimal.Decimal      `json:"rate,omitempty"`
	Payments []law.JudgmentPayment `json:"payments"`
}

func judgmentRowsJSON(rows []desk.JudgmentRow) []judgmentRowJSON {
	out := []judgmentRowJSON{}
	for _, r := range rows {
		j := toJudgmentJSON(r.Judgment)
		out = append(out, judgmentRowJSON{JudgmentRow: r, Rate: j.Rate, Payments: j.Payments})
	}
	return out
}

// judgmentDecompteJSON is a post-judgment décompte with its decision as above.
type judgmentDecompteJSON struct {
	*law.JudgmentDecompte
	Judgment judgmentJSON `json:"judgment"`
}

// judgmentsJSON converts a list of decisions.
func judgmentsJSON(js []law.Judgment) []judgmentJSON {
	out := []judgmentJSON{}
	for _, j := range js {
		out = append(out, toJudgmentJSON(j))
	}
	return out
}
