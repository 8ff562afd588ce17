package law

import (
	"strings"

	"relance/ledger"
)

// AdminCourt is the tribunal administratif a référé-provision against a public body
// goes to, as far as the dossier tells it, and what the user must check.
type AdminCourt struct {
	// Seat is the town where the court sits ("Lyon"); "" when the debtor's postcode
	// names no département of the table (no postcode, or not French).
	Seat string `json:"seat,omitempty"`
	// Of is what follows « Tribunal administratif » in the court's name: « de Lyon »,
	// « d’Amiens », « de la Guadeloupe » (CJA R221-1); "" when Seat is "".
	Of string `json:"of,omitempty"`
	// Place is the debtor's town (or name), for the description of the court when the
	// postcode does not name it.
	Place string `json:"place,omitempty"`
	// Department is the département read from the postcode, « Rhône (69) ».
	Department string `json:"department,omitempty"`
	Rule       string `json:"rule"`
	// Verify says what the user must check before filing.
	Verify []Note `json:"verify"`
}

// adminSeat is one tribunal administratif of CJA R221-3: its name after « Tribunal
// administratif » (CJA R221-1: named after its seat, the overseas ones after their
// territory) and the départements of its district by their code.
type adminSeat struct {
	seat, name string
	depts      [][2]string // code, name
}

// adminSeats are the seats and districts of the tribunaux administratifs, CJA R221-3
// in its version in force since 9 November 2015 (décret 2015-1444), unchanged in the
// version in force on 18 April 2024 (Légifrance, doctrine.fr), with the names of CJA
// R221-1. Overseas collectivities are keyed by their postcode prefix.
var adminSeats = []adminSeat{
	{"Amiens", "d’Amiens", [][2]string{{"02", "Aisne"}, {"60", "Oise"}, {"80", "Somme"}}},
	{"Bastia", "de Bastia", [][2]string{{"2A", "Corse-du-Sud"}, {"2B", "Haute-Corse"}}},
	{"Besançon", "de Besançon", [][2]string{{"25", "Doubs"}, {"39", "Jura"}, {"70", "Haute-Saône"}, {"90", "Territoire de Belfort"}}},
	{"Bordeaux", "de Bordeaux", [][2]string{{"24", "Dordogne"}, {"33", "Gironde"}, {"47", "Lot-et-Garonne"}}},
	{"Caen", "de Caen", [][2]string{{"14", "Calvados"}, {"50", "Manche"}, {"61", "Orne"}}},
	{"Cergy-Pontoise", "de Cergy-Pontoise", [][2]string{{"92", "Hauts-de-Seine"}, {"95", "Val-d’Oise"}}},
	{"Châlons-en-Champagne", "de Châlons-en-Champagne", [][2]string{{"08", "Ardennes"}, {"10", "Aube"}, {"51", "Marne"}, {"52", "Haute-Marne"}}},
	{"Clermont-Ferrand", "de Clermont-Ferrand", [][2]string{{"03", "Allier"}, {"15", "Cantal"}, {"43", "Haute-Loire"}, {"63", "Puy-de-Dôme"}}},
	{"Dijon", "de Dijon", [][2]string{{"21", "Côte-d’Or"}, {"58", "Nièvre"}, {"71", "Saône-et-Loire"}, {"89", "Yonne"}}},
	{"Grenoble", "de Grenoble", [][2]string{{"26", "Drôme"}, {"38", "Isère"}, {"73", "Savoie"}, {"74", "Haute-Savoie"}}},
	{"Lille", "de Lille", [][2]string{{"59", "Nord"}, {"62", "Pas-de-Calais"}}},
	{"Limoges", "de Limoges", [][2]string{{"19", "Corrèze"}, {"23", "Creuse"}, {"36", "Indre"}, {"87", "Haute-Vienne"}}},
	{"Lyon", "de Lyon", [][2]string{{"01", "Ain"}, {"07", "Ardèche"}, {"42", "Loire"}, {"69", "Rhône"}}},
	{"Marseille", "de Marseille", [][2]string{{"04", "Alpes-de-Haute-Provence"}, {"05", "Hautes-Alpes"}, {"13", "Bouches-du-Rhône"}}},
	{"Melun", "de Melun", [][2]string{{"77", "Seine-et-Marne"}, {"94", "Val-de-Marne"}}},
	{"Montpellier", "de Montpellier", [][2]string{{"11", "Aude"}, {"34", "Hérault"}, {"66", "Pyrénées-Orientales"}}},
	{"Montreuil", "de Montreuil", [][2]string{{"93", "Seine-Saint-Denis"}}},
	{"Nancy", "de Nancy", [][2]string{{"54", "Meurthe-et-Moselle"}, {"55", "Meuse"}, {"88", "Vosges"}}},
	{"Nantes", "de Nantes", [][2]string{{"44", "Loire-Atlantique"}, {"49", "Maine-et-Loire"}, {"53", "Mayenne"}, {"72", "Sarthe"}, {"85", "Vendée"}}},
	{"Nice", "de Nice", [][2]string{{"06", "Alpes-Maritimes"}}},
	{"Nîmes", "de Nîmes", [][2]string{{"30", "Gard"}, {"48", "Lozère"}, {"84", "Vaucluse"}}},
	{"Orléans", "d’Orléans", [][2]string{{"18", "Cher"}, {"28", "Eure-et-Loir"}, {"37", "Indre-et-Loire"}, {"41", "Loir-et-Cher"}, {"45", "Loiret"}}},
	{"Paris", "de Paris", [][2]string{{"75", "Paris"}}},
	{"Pau", "de Pau", [][2]string{{"32", "Gers"}, {"40", "Landes"}, {"64", "Pyrénées-Atlantiques"}, {"65", "Hautes-Pyrénées"}}},
	{"Poitiers", "de Poitiers", [][2]string{{"16", "Charente"}, {"17", "Charente-Maritime"}, {"79", "Deux-Sèvres"}, {"86", "Vienne"}}},
	{"Rennes", "de Rennes", [][2]string{{"22", "Côtes-d’Armor"}, {"29", "Finistère"}, {"35", "Ille-et-Vilaine"}, {"56", "Morbihan"}}},
	{"Rouen", "de Rouen", [][2]string{{"27", "Eure"}, {"76", "Seine-Maritime"}}},
	{"Strasbourg", "de Strasbourg", [][2]string{{"57", "Moselle"}, {"67", "Bas-Rhin"}, {"68", "Haut-Rhin"}}},
	{"Toulon", "de Toulon", [][2]string{{"83", "Var"}}},
	{"Toulouse", "de Toulouse", [][2]string{{"09", "Ariège"}, {"12", "Aveyron"}, {"31", "Haute-Garonne"}, {"46", "Lot"}, {"81", "Tarn"}, {"82", "Tarn-et-Garonne"}}},
	{"Versailles", "de Versailles", [][2]string{{"78", "Yvelines"}, {"91", "Essonne"}}},
	{"Basse-Terre", "de la Guadeloupe", [][2]string{{"971", "Guadeloupe"}}},
	{"Fort-de-France", "de la Martinique", [][2]string{{"972", "Martinique"}}},
	{"Cayenne", "de la Guyane", [][2]string{{"973", "Guyane"}}},
	{"Saint-Denis", "de La Réunion", [][2]string{{"974", "La Réunion"}}},
	{"Saint-Pierre", "de Saint-Pierre-et-Miquelon", [][2]string{{"975", "Saint-Pierre-et-Miquelon"}}},
	{"Mamoudzou", "de Mayotte", [][2]string{{"976", "Mayotte"}}},
	{"Saint-Barthélemy", "de Saint-Barthélemy", [][2]string{{"97133", "Saint-Barthélemy"}}},
	{"Saint-Martin", "de Saint-Martin", [][2]string{{"97150", "Saint-Martin"}}},
	{"Mata-Utu", "de Wallis-et-Futuna", [][2]string{{"986", "Wallis-et-Futuna"}}},
	{"Papeete", "de la Polynésie française", [][2]string{{"987", "Polynésie française"}}},
	{"Nouméa", "de Nouvelle-Calédonie", [][2]string{{"988", "Nouvelle-Calédonie"}}},
}

// Name returns the court's name in lang: « Tribunal administratif de Lyon » (a proper
// name, kept in French), or « Tribunal administratif dans le ressort duquel … » when
// the postcode does not name it.
func (c AdminCourt) Name(lang string) string {
	if c.Seat == "" {
		return Note{Key: "refere.court.unknown", Args: []string{"place", c.Place}}.Text(lang)
	}
	return Note{Key: "refere.court.name", Args: []string{"of", c.Of}}.Text(lang)
}

// deptOf returns the département (or overseas collectivity) code a French postcode
// points to: its first two digits, 2A/2B for Corsica (200-201 / 202-206), three
// digits overseas, five for Saint-Barthélemy and Saint-Martin; "" when it is not a
// five-digit postcode.
func deptOf(postcode string) string {
	p := strings.ReplaceAll(strings.TrimSpace(postcode), " ", "")
	if len(p) != 5 || strings.Trim(p, "0123456789") != "" {
		return ""
	}
	switch {
	case p == "97133" || p == "97150":
		return p
	case strings.HasPrefix(p, "97") || strings.HasPrefix(p, "98"):
		return p[:3]
	case strings.HasPrefix(p, "20"):
		if p[2] <= '1' {
			return "2A"
		}
		return "2B"
	}
	return p[:2]
}

// AdminCourtOf returns the tribunal administratif of a référé-provision against the
// public body c (CJA R541-1: the juge des référés of the court competent for the
// claim). In contract matters the competent court is the one of the place where the
// contract is to be performed, and when the contract names none or it spans several
// districts, the one of the seat of the authority that signed it (CJA R312-11). The
// dossier knows neither the place of performance nor the signatory: the court is named
// from the debtor's postcode (its seat, usually the signing authority's) by the
// districts of CJA R221-3, and Verify says what to check — the place of performance
// in the contract, and a postcode that may belong to a neighbouring département.
func AdminCourtOf(c *ledger.Customer) AdminCourt {
	ct := AdminCourt{Rule: "CJA R541-1, R312-11, R221-3", Verify: []Note{{Key: "refere.court.verify_place"}}}
	country := strings.ToUpper(strings.TrimSpace(c.Address.Country))
	dept := ""
	if country == "" || country == "FR" {
		dept = deptOf(c.Address.Postcode)
	}
	for _, s := range adminSeats {
		for _, d := range s.depts {
			if d[0] == dept {
				ct.Seat, ct.Of = s.seat, s.name
				ct.Department = d[1] + " (" + d[0] + ")"
				ct.Verify = append(ct.Verify, Note{Key: "refere.court.verify_postcode",
					Args: []string{"postcode", c.Address.Postcode, "department", ct.Department}})
				return ct
			}
		}
	}
	ct.Place = strings.TrimSpace(c.Address.City)
	if ct.Place == "" {
		ct.Place = c.Name
	}
	ct.Verify = append(ct.Verify, Note{Key: "refere.court.verify_unknown"})
	return ct
}
