package ledger

import "testing"

func TestParseTermsText(t *testing.T) {
	good := map[string]Terms{
		"30 jours fin de mois":        {Days: 30, EOM: DaysThenEOM},
		"45 j FDM":                    {Days: 45, EOM: DaysThenEOM},
		"45J FDM":                     {Days: 45, EOM: DaysThenEOM},
		"45 jours fin du mois":        {Days: 45, EOM: DaysThenEOM},
		"Fin de mois + 45 jours":      {Days: 45, EOM: EOMThenDays},
		"FDM 45":                      {Days: 45, EOM: EOMThenDays},
		"fin de mois":                 {EOM: DaysThenEOM},
		"comptant":                    {},
		"Comptant":                    {},
		"à réception":                 {},
		"A réception de facture":      {},
		"Paiement immédiat":           {},
		"60 jours nets":               {Days: 60},
		"30J":                         {Days: 30},
		"30 jours date de facture":    {Days: 30},
		"Net 30":                      {Days: 30},
		"Virement à 30 jours":         {Days: 30},
		"Chèque 45 jours fin de mois": {Days: 45, EOM: DaysThenEOM},
		"LCR à 60 jours":              {Days: 60},
		"30 days end of month":        {Days: 30, EOM: DaysThenEOM},
		"due on receipt":              {},
		"45fdm":                       {Days: 45, EOM: DaysThenEOM},
		"fdm+45":                      {Days: 45, EOM: EOMThenDays},
		"30":                          {Days: 30},
	}
	for in, want := range good {
		got, err := ParseTermsText(in)
		if err != nil || got != want {
			t.Errorf("ParseTermsText(%q) = %+v, %v; want %+v", in, got, err, want)
		}
		if back, err := ParseTerms(got.String()); err != nil || back != got {
			t.Errorf("%q: %v does not read back (%v)", in, got, err)
		}
	}
	for _, in := range []string{"", "virement", "chèque", "30 jours fin de mois le 10", "400 jours", "comptant 30 jours",
		"30 jours date de livraison", "abc", "fdm 30 fdm", "-5"} {
		if got, err := ParseTermsText(in); err == nil {
			t.Errorf("ParseTermsText(%q) accepted: %+v", in, got)
		} else if p, ok := err.(*Problem); !ok || p.Key != "err.terms_text" {
			t.Errorf("ParseTermsText(%q): %v", in, err)
		}
	}
}
