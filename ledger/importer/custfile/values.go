package custfile

import (
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/importer/field"
	"relance/ledger/importer/tabular"
)

// countryCode reads a country as programs write it: an ISO code ("FR", "BE", "FRA")
// or a name in French or English ("France", "Belgique", "Royaume-Uni"), as an ISO
// 3166-1 alpha-2 code ("" for an empty text). ok is false for a name it does not know.
func countryCode(s string) (string, bool) {
	q := tabular.Squash(s)
	switch q {
	case "":
		return "", true
	case "FRANCE", "FRA", "FRANCEMETROPOLITAINE", "METROPOLE", "GUADELOUPE", "MARTINIQUE", "GUYANE", "REUNION",
		"LAREUNION", "MAYOTTE", "DOMTOM":
		return "FR", true
	case "BELGIQUE", "BELGIUM", "BEL":
		return "BE", true
	case "SUISSE", "SWITZERLAND", "CHE":
		return "CH", true
	case "LUXEMBOURG", "LUX":
		return "LU", true
	case "ALLEMAGNE", "GERMANY", "DEU":
		return "DE", true
	case "ESPAGNE", "SPAIN", "ESP":
		return "ES", true
	case "ITALIE", "ITALY", "ITA":
		return "IT", true
	case "ROYAUMEUNI", "UNITEDKINGDOM", "GRANDEBRETAGNE", "GREATBRITAIN", "ANGLETERRE", "ENGLAND", "UK", "GBR":
		return "GB", true
	case "PAYSBAS", "NETHERLANDS", "HOLLANDE", "NLD":
		return "NL", true
	case "PORTUGAL", "PRT":
		return "PT", true
	case "MONACO", "MCO":
		return "MC", true
	case "IRLANDE", "IRELAND", "IRL":
		return "IE", true
	case "AUTRICHE", "AUSTRIA", "AUT":
		return "AT", true
	case "POLOGNE", "POLAND", "POL":
		return "PL", true
	case "SUEDE", "SWEDEN", "SWE":
		return "SE", true
	case "DANEMARK", "DENMARK", "DNK":
		return "DK", true
	case "ETATSUNIS", "ETATSUNISDAMERIQUE", "UNITEDSTATES", "USA":
		return "US", true
	case "CANADA", "CAN":
		return "CA", true
	case "MAROC", "MOROCCO", "MAR":
		return "MA", true
	case "TUNISIE", "TUNISIA", "TUN":
		return "TN", true
	case "ALGERIE", "ALGERIA", "DZA":
		return "DZ", true
	}
	if len(q) == 2 && len(strings.TrimSpace(s)) == 2 {
		return q, true
	}
	return "", false
}

// lawCode reads the law governing a customer's contracts as a file writes it: a
// country's code or name (« GB », « Royaume-Uni », « France »), or the law itself
// (« droit anglais », « loi française », « English law »), as an ISO 3166-1 alpha-2
// code; "" for an empty text. ok is false for a text it does not know.
func lawCode(s string) (string, bool) {
	q := tabular.Squash(s)
	if q == "" {
		return "", true
	}
	cands := []string{q}
	for _, p := range []string{"DROITDU", "DROITDE", "DROITD", "DROIT", "LOIDU", "LOIDE", "LOID", "LOI", "LAWOF"} {
		if strings.HasPrefix(q, p) && len(q) > len(p) {
			cands = append(cands, q[len(p):])
		}
	}
	for _, c := range cands {
		if c = strings.TrimSuffix(c, "LAW"); c == "" {
			continue
		}
		if l, ok := lawAdjectives[c]; ok {
			return l, true
		}
		if cc, ok := countryCode(c); ok && cc != "" {
			return cc, true
		}
	}
	return "", false
}

// lawAdjectives are the laws a file may name by their adjective (« droit anglais »).
var lawAdjectives = map[string]string{
	"FRANCAIS": "FR", "FRANCAISE": "FR", "FRENCH": "FR",
	"ANGLAIS": "GB", "ANGLAISE": "GB", "BRITANNIQUE": "GB", "ENGLISH": "GB", "BRITISH": "GB",
	"BELGE": "BE", "BELGIAN": "BE", "ALLEMAND": "DE", "ALLEMANDE": "DE", "GERMAN": "DE", "SUISSE": "CH", "SWISS": "CH",
	"LUXEMBOURGEOIS": "LU", "LUXEMBOURGEOISE": "LU", "ESPAGNOL": "ES", "ESPAGNOLE": "ES", "SPANISH": "ES",
	"ITALIEN": "IT", "ITALIENNE": "IT", "ITALIAN": "IT", "NEERLANDAIS": "NL", "NEERLANDAISE": "NL", "DUTCH": "NL",
	"IRLANDAIS": "IE", "IRLANDAISE": "IE", "IRISH": "IE",
}

// legalForm reports whether s is a company's legal form (SARL, SAS, Ets…), which
// programs write in the same "Titre" column as a consumer's civility.
func legalForm(s string) bool {
	switch tabular.Squash(s) {
	case "SARL", "SAS", "SASU", "SA", "EURL", "SNC", "SCI", "SCP", "SCM", "SELARL", "SELAS", "SCOP", "GIE", "EI", "EIRL",
		"ETS", "ETABLISSEMENTS", "STE", "SOCIETE", "ASSOCIATION", "ASSO", "CABINET", "SPRL", "SRL", "GMBH", "LTD",
		"PLC", "LLP", "INC":
		return true
	}
	return false
}

// kindOf reads a customer category: entreprise, société, professionnel → business;
// particulier, consommateur → consumer; administration, collectivité, public →
// public body (and the English words, B2B, B2C, B2G).
func kindOf(s string) (ledger.CustomerKind, bool) {
	q := tabular.Squash(s)
	switch q {
	case "PRO", "B2B", "BUSINESS", "COMPANY", "CORPORATE", "ARTISAN", "COMMERCANT", "CLIENTPRO":
		return ledger.Business, true
	case "B2C", "CONSUMER", "PRIVATE", "INDIVIDUAL", "PERSONNEPHYSIQUE":
		return ledger.Consumer, true
	case "PUBLIC", "B2G", "PUBLICBODY", "PUBLICSECTOR", "GOVERNMENT", "MAIRIE", "ETAT", "ACHETEURPUBLIC":
		return ledger.PublicBody, true
	}
	for _, p := range []struct {
		stem string
		kind ledger.CustomerKind
	}{
		{"ENTREPRISE", ledger.Business}, {"SOCIETE", ledger.Business}, {"PROFESSIONN", ledger.Business},
		{"CLIENTPROFESSIONN", ledger.Business},
		{"PARTICULIER", ledger.Consumer}, {"CONSOMMATEUR", ledger.Consumer}, {"CLIENTPARTICULIER", ledger.Consumer},
		{"ADMINISTRATION", ledger.PublicBody}, {"COLLECTIVITE", ledger.PublicBody}, {"SECTEURPUBLIC", ledger.PublicBody},
		{"ETABLISSEMENTPUBLIC", ledger.PublicBody}, {"ORGANISMEPUBLIC", ledger.PublicBody},
		{"PERSONNEPUBLIQUE", ledger.PublicBody},
	} {
		if strings.HasPrefix(q, p.stem) {
			return p.kind, true
		}
	}
	return ledger.Business, false
}

// langOf reads a letter language: fr (français, French, F) or en (anglais, English).
func langOf(s string) (string, bool) {
	switch tabular.Squash(s) {
	case "FR", "FRA", "FRE", "F", "FRANCAIS", "FRENCH":
		return "fr", true
	case "EN", "ENG", "GB", "UK", "ANGLAIS", "ENGLISH":
		return "en", true
	}
	return "", false
}

// amount reads a credit limit: a spreadsheet number, or a text amount in French or
// English notation with or without a currency sign ("15 000,00 €", "15000", "EUR 5k"
// is refused).
func amount(raw string, number bool) (ledger.Cents, bool) {
	if number {
		if d, err := decimal.NewFromString(raw); err == nil {
			return ledger.CentsFromDecimal(d), true
		}
	}
	s := strings.TrimSpace(strings.NewReplacer("€", "", "EUR", "", "eur", "").Replace(raw))
	c, _, err := field.Amount([]byte(s))
	return c, err == nil
}

// plainNumber writes a spreadsheet's number without exponent or trailing ".0"
// ("7.3282932000074E13" → "73282932000074"); other texts are returned as they are.
func plainNumber(s string) string {
	if !strings.ContainsAny(s, "eE.") {
		return s
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return d.String()
}
