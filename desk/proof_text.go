package desk

import (
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/ledger/proof"
)

// PieceText says where piece k of an invoice stands, in lang, as the customer card
// and `relance proof list` show it: « présent (BC 2026-118) », « manquant », « non
// renseigné »; an invoice copy not recorded is « au grand livre » (it is printed from
// the invoicing software).
func PieceText(lang string, k proof.Kind, p proof.Piece) string {
	switch p.State {
	case proof.Present, proof.Missing:
		if ref := strings.TrimSpace(p.Ref); ref != "" {
			return i18n.T(lang, "proof.state."+string(p.State)+"_ref", "ref", ref)
		}
		return i18n.T(lang, "proof.state."+string(p.State))
	}
	if k == proof.Copy {
		return i18n.T(lang, "proof.state.ledger")
	}
	return i18n.T(lang, "proof.state.unknown")
}

// VerdictText is an invoice's verdict in words (« complète », « à renseigner »,
// « incomplète »).
func VerdictText(lang string, v proof.Verdict) string {
	return i18n.T(lang, "proof.verdict."+string(v))
}

// ProofSummary sums up report r in one line, in lang: « 3 factures sans bon de
// livraison · 1 facture à renseigner · 2 complètes », or that every open invoice's
// proof is complete, or that there is none.
func ProofSummary(lang string, r *proof.Report) string {
	n := len(r.Lines)
	count := func(key string, n int) string {
		if n == 1 {
			return i18n.T(lang, key+".one")
		}
		return i18n.T(lang, key, "n", strconv.Itoa(n))
	}
	switch {
	case n == 0:
		return i18n.T(lang, "proof.sum.none")
	case r.Complete == n:
		return count("proof.sum.complete", n)
	}
	var parts []string
	for _, c := range []struct {
		key string
		n   int
	}{{"proof.sum.no_order", r.NoOrder}, {"proof.sum.no_delivery", r.NoDelivery}, {"proof.sum.no_invoice", r.NoCopy},
		{"proof.sum.unrecorded", r.Unrecorded}, {"proof.sum.complete_part", r.Complete}} {
		if c.n > 0 {
			parts = append(parts, count(c.key, c.n))
		}
	}
	return strings.Join(parts, " · ")
}
