package templates

// Field is a merge field of the catalogue: its French name (the canonical one, what
// users see in French), its English alias, and the i18n key of its description for
// the merge-field picker.
type Field struct {
	Name string // canonical, French: "client.nom"
	EN   string // English alias: "customer.name"
	Desc string // i18n key
}

// Fields returns the merge-field catalogue, in picker order.
func Fields() []Field {
	return []Field{
		{"client.nom", "customer.name", "letters.field.client.nom"},
		{"client.numero", "customer.id", "letters.field.client.numero"},
		{"client.adresse", "customer.address", "letters.field.client.adresse"},
		{"client.contact", "customer.contact", "letters.field.client.contact"},
		{"appel", "salutation", "letters.field.appel"},
		{"formule.finale", "yours", "letters.field.formule.finale"},
		{"factures.numeros", "invoices.numbers", "letters.field.factures.numeros"},
		{"factures.liste", "invoices.list", "letters.field.factures.liste"},
		{"factures.tableau", "invoices.table", "letters.field.factures.tableau"},
		{"factures.nombre", "invoices.count", "letters.field.factures.nombre"},
		{"facture.numero", "invoice.number", "letters.field.facture.numero"},
		{"facture.date", "invoice.date", "letters.field.facture.date"},
		{"facture.echeance", "invoice.due", "letters.field.facture.echeance"},
		{"facture.montant", "invoice.amount", "letters.field.facture.montant"},
		{"total.factures", "total.invoiced", "letters.field.total.factures"},
		{"total.regle", "total.paid", "letters.field.total.regle"},
		{"total.du", "total.due", "letters.field.total.du"},
		{"total.reclame", "total.claimed", "letters.field.total.reclame"},
		{"retard.jours", "days.late", "letters.field.retard.jours"},
		{"date.lettre", "letter.date", "letters.field.date.lettre"},
		{"date.limite", "deadline", "letters.field.date.limite"},
		{"recours", "court.action", "letters.field.recours"},
		{"lieu", "place", "letters.field.lieu"},
		{"reference", "reference", "letters.field.reference"},
		{"penalites.taux", "penalties.rate", "letters.field.penalites.taux"},
		{"penalites.montant", "penalties.amount", "letters.field.penalites.montant"},
		{"indemnite.forfait", "indemnity.fixed", "letters.field.indemnite.forfait"},
		{"indemnite.total", "indemnity.total", "letters.field.indemnite.total"},
		{"interets.taux", "interest.rate", "letters.field.interets.taux"},
		{"relances.precedentes", "reminders.previous", "letters.field.relances.precedentes"},
		{"promesse.montant", "promise.amount", "letters.field.promesse.montant"},
		{"promesse.date", "promise.date", "letters.field.promesse.date"},
		{"promesse.solde", "promise.balance", "letters.field.promesse.solde"},
		{"echeancier.nombre", "plan.count", "letters.field.echeancier.nombre"},
		{"echeancier.liste", "plan.schedule", "letters.field.echeancier.liste"},
		{"echeancier.premiere", "plan.first", "letters.field.echeancier.premiere"},
		{"litige.reference", "dispute.reference", "letters.field.litige.reference"},
		{"litige.date", "dispute.date", "letters.field.litige.date"},
		{"litige.motif", "dispute.reason", "letters.field.litige.motif"},
		{"litige.montant", "dispute.amount", "letters.field.litige.montant"},
		{"litige.reponse", "dispute.answer", "letters.field.litige.reponse"},
		{"blocage.date", "block.date", "letters.field.blocage.date"},
		{"societe.nom", "company.name", "letters.field.societe.nom"},
		{"societe.telephone", "company.phone", "letters.field.societe.telephone"},
		{"societe.iban", "company.iban", "letters.field.societe.iban"},
		{"societe.bic", "company.bic", "letters.field.societe.bic"},
		{"signataire", "signatory", "letters.field.signataire"},
		{"signataire.titre", "signatory.title", "letters.field.signataire.titre"},
		{"signataire.telephone", "signatory.phone", "letters.field.signataire.telephone"},
		{"signataire.email", "signatory.email", "letters.field.signataire.email"},
	}
}

// Canonical returns the canonical (French) name of a field written in French or
// English, and whether it is in the catalogue.
func Canonical(name string) (string, bool) {
	for _, f := range Fields() {
		if f.Name == name || f.EN == name {
			return f.Name, true
		}
	}
	return name, false
}

// Display returns how a field is written in lang: its French name, or its English
// alias in English.
func Display(canon, lang string) string {
	for _, f := range Fields() {
		if f.Name == canon && lang == "en" {
			return f.EN
		}
	}
	return canon
}

// Conditions are the paragraph conditions, canonical (French) name → English alias:
//
//	pro        a business debtor under French law (C. com. L441-10)
//	conso      a consumer (C. civ. 1231-6, 1344-1; no €40 indemnity)
//	public     a French public purchaser (C. commande publique L2192-13)
//	uk         a UK business (Late Payment of Commercial Debts (Interest) Act 1998)
//	relances   earlier letters were issued for these invoices
//	paiements  part of these invoices was already paid
//	iban       the company's IBAN is known
//	partiel    the promise covers less than the amount due
//	reponse    the dispute has an answer date
var conditions = [][2]string{
	{"pro", "b2b"}, {"conso", "consumer"}, {"public", "public"}, {"uk", "uk"},
	{"relances", "reminders"}, {"paiements", "payments"}, {"iban", "iban"},
	{"partiel", "partial"}, {"reponse", "answer"},
}

// Conditions returns the canonical condition names.
func Conditions() []string {
	out := make([]string, len(conditions))
	for i, c := range conditions {
		out[i] = c[0]
	}
	return out
}

// CanonicalCond returns the canonical name of a condition written in French or English.
func CanonicalCond(name string) (string, bool) {
	for _, c := range conditions {
		if c[0] == name || c[1] == name {
			return c[0], true
		}
	}
	return name, false
}
