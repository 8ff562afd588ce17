package risk

import "testing"

// A reason whose key is written in two forms takes the one its count calls for, in
// each language; a key in one form is rendered as it is.
func TestReasonPlural(t *testing.T) {
	for _, c := range []struct {
		r          Reason
		lang, want string
	}{
		{reason("risk.sum.bounced", "count", "1", "amount", "120.00", "days", "90"), "fr", "1 impayé pour 120,00\u00a0€ sur les 90 derniers jours"},
		{reason("risk.sum.bounced", "count", "2", "amount", "120.00", "days", "90"), "fr", "2 impayés pour 120,00\u00a0€ sur les 90 derniers jours"},
		{reason("risk.sum.partial", "count", "1", "total", "5", "pct", "20"), "fr", "1 facture sur 5 réglée partiellement en 12 mois (20 %)"},
		{reason("risk.sum.partial", "count", "3", "total", "5", "pct", "60"), "en", "3 of 5 invoices paid in part over 12 months (60 %)"},
		{reason("risk.sum.broken", "count", "1", "days", "90"), "en", "1 broken promise to pay in the last 90 days"},
		{reason("risk.reason.signals", "count", "1", "points", "10"), "fr", "1 signal de dégradation actif : +10 pts"},
		{reason("risk.reason.signals", "count", "2", "points", "20"), "fr", "2 signaux de dégradation actifs : +20 pts"},
		{reason("risk.sum.drift", "recent", "20", "base", "6", "count", "6", "base_count", "21"), "fr", "Retard moyen des 3 derniers mois : 20 j (6 factures), contre 6 j habituellement (21 factures)"},
	} {
		if got := c.r.Text(c.lang, "EUR"); got != c.want {
			t.Errorf("%s %v in %s: %q, want %q", c.r.Key, c.r.Args, c.lang, got, c.want)
		}
	}
}
