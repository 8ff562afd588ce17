// Package custfile reads a customer master file ("fichier clients"): the CSV or XLSX
// export of the customers of an accounting or invoicing program, one customer a row
// (code, raison sociale, address, e-mail, SIRET, payment terms, credit limit,
// salesperson, category…). It finds the columns (header synonyms in French and
// English, or a saved mapping), reads and normalises every cell to what the customer
// record form takes, and names every cell it cannot read by file, line, column and
// value. Checking the values against a customer's record and writing them is
// desk.ImportCustomerFile's job; this package writes nothing but its saved mappings.
package custfile

import "relance/ledger/importer/tabular"

// The fields of a customer file. Their names are stable: a saved mapping and the
// command line's --map name them, the screens translate them (custfile.field.<name>).
const (
	ID          tabular.Field = "id"       // customer code: the dossier's customer ID
	Name        tabular.Field = "name"     // raison sociale
	Address1    tabular.Field = "address1" // street lines
	Address2    tabular.Field = "address2"
	Address3    tabular.Field = "address3"
	Postcode    tabular.Field = "postcode"
	City        tabular.Field = "city"
	Country     tabular.Field = "country" // name or ISO code
	Email       tabular.Field = "email"
	Phone       tabular.Field = "phone"
	Contact     tabular.Field = "contact"
	SIRET       tabular.Field = "siret" // 14 digits, or 9 (a SIREN) in a "SIRET/SIREN" column
	SIREN       tabular.Field = "siren"
	VAT         tabular.Field = "vat"
	IBAN        tabular.Field = "iban"
	Terms       tabular.Field = "terms" // "30 jours fin de mois", "comptant"…
	Limit       tabular.Field = "limit" // credit limit (plafond, encours autorisé)
	Salesperson tabular.Field = "salesperson"
	Kind        tabular.Field = "kind" // catégorie: entreprise, particulier, administration
	Lang        tabular.Field = "lang"
	Notes       tabular.Field = "notes"
	Civility    tabular.Field = "civility" // a consumer's: Madame, Mme, M., Monsieur, Mr, Mrs…
	Law         tabular.Field = "law"      // law governing the contracts: GB, droit anglais, French law…
)

// Fields returns the fields of a customer file in display order.
func Fields() []tabular.Field {
	return []tabular.Field{ID, Name, Address1, Address2, Address3, Postcode, City, Country, Email, Phone, Contact,
		SIRET, SIREN, VAT, IBAN, Terms, Limit, Salesperson, Kind, Lang, Notes, Civility, Law}
}

// Set returns the customer file's field set: its fields and the header texts that
// name them (squashed: upper case, no accents, letters and digits only), French
// first, most specific first. A header is taken by the first field, in Fields order,
// that lists it.
func Set() tabular.FieldSet {
	return tabular.FieldSet{Fields: Fields(), Synonyms: map[tabular.Field][]string{
		ID: {"CODECLIENT", "CODE", "NUMEROCLIENT", "NCLIENT", "NOCLIENT", "NUMCLIENT", "COMPTE", "COMPTECLIENT",
			"COMPTEAUXILIAIRE", "COMPTETIERS", "CODETIERS", "NUMEROCOMPTE", "NCOMPTE", "REFCLIENT", "REFERENCECLIENT",
			"IDCLIENT", "COMPAUXNUM", "CUSTOMERID", "CUSTOMERCODE", "CUSTOMERNO", "CUSTOMERNUMBER", "ACCOUNT",
			"ACCOUNTNO", "ID"},
		Name: {"RAISONSOCIALE", "NOM", "NOMCLIENT", "NOMOURAISONSOCIALE", "SOCIETE", "DENOMINATION", "INTITULE",
			"INTITULECLIENT", "LIBELLE", "CLIENT", "COMPAUXLIB", "NAME", "CUSTOMERNAME", "CUSTOMER", "COMPANY",
			"COMPANYNAME"},
		Address1: {"ADRESSE1", "ADRESSE", "ADRESSELIGNE1", "RUE", "VOIE", "ADRESSEFACTURATION", "ADDRESS1",
			"ADDRESSLINE1", "ADDRESS", "STREET"},
		Address2: {"ADRESSE2", "ADRESSELIGNE2", "COMPLEMENTADRESSE", "COMPLEMENTDADRESSE", "COMPLEMENT",
			"ADRESSESUITE", "ADDRESS2", "ADDRESSLINE2"},
		Address3: {"ADRESSE3", "ADRESSELIGNE3", "ADDRESS3", "ADDRESSLINE3", "LIEUDIT", "BOITEPOSTALE", "BP"},
		Postcode: {"CP", "CODEPOSTAL", "CPOSTAL", "POSTCODE", "POSTALCODE", "ZIP", "ZIPCODE"},
		City:     {"VILLE", "LOCALITE", "COMMUNE", "BUREAUDISTRIBUTEUR", "CITY", "TOWN"},
		Country:  {"PAYS", "CODEPAYS", "COUNTRY", "COUNTRYCODE"},
		Email: {"EMAIL", "MAIL", "COURRIEL", "ADRESSEEMAIL", "ADRESSEMAIL", "EMAILFACTURATION", "EMAILCOMPTABILITE",
			"MAILCOMPTA", "EMAILADDRESS"},
		Phone: {"TELEPHONE", "TEL", "TELEPHONE1", "TEL1", "TELFIXE", "NTELEPHONE", "NUMEROTELEPHONE", "PORTABLE",
			"MOBILE", "PHONE", "TELEPHONENUMBER"},
		Contact: {"CONTACT", "NOMCONTACT", "INTERLOCUTEUR", "CONTACTPRINCIPAL", "CONTACTNAME"},
		SIRET: {"SIRET", "NSIRET", "NUMEROSIRET", "NOSIRET", "SIRETSIREN", "SIRENSIRET", "SIRETOUSIREN",
			"SIRENOUSIRET"},
		SIREN: {"SIREN", "NSIREN", "NUMEROSIREN", "NOSIREN"},
		VAT: {"TVAINTRACOM", "NTVA", "NUMEROTVA", "NOTVA", "TVAINTRACOMMUNAUTAIRE", "NTVAINTRACOMMUNAUTAIRE",
			"NUMEROTVAINTRACOMMUNAUTAIRE", "NTVAINTRACOM", "IDENTIFIANTTVA", "TVA", "VAT", "VATNUMBER", "VATNO",
			"VATID"},
		IBAN: {"IBAN", "IBANCLIENT", "COMPTEBANCAIRE"},
		Terms: {"CONDITIONSDEPAIEMENT", "CONDITIONSPAIEMENT", "CONDITIONDEPAIEMENT", "CONDITIONSDEREGLEMENT",
			"CONDITIONSREGLEMENT", "MODEREGLEMENT", "MODEDEREGLEMENT", "DELAIPAIEMENT", "DELAIDEPAIEMENT",
			"DELAIREGLEMENT", "DELAIDEREGLEMENT", "CONDITIONS", "ECHEANCE", "PAYMENTTERMS", "TERMS"},
		Limit: {"PLAFOND", "PLAFONDCREDIT", "PLAFONDDECREDIT", "ENCOURSAUTORISE", "ENCOURSMAX", "ENCOURSMAXIMUM",
			"LIMITECREDIT", "LIMITEDECREDIT", "CREDITLIMIT", "LIMIT"},
		Salesperson: {"COMMERCIAL", "REPRESENTANT", "CODECOMMERCIAL", "CODEREPRESENTANT", "VENDEUR", "COMMERCIALE",
			"SALESPERSON", "SALESREP", "ACCOUNTMANAGER"},
		Kind: {"CATEGORIE", "TYPECLIENT", "CATEGORIECLIENT", "TYPEDECLIENT", "TYPE", "NATURE", "CATEGORY",
			"CUSTOMERTYPE"},
		Lang:     {"LANGUE", "LANGAGE", "LANGUAGE", "LANG"},
		Notes:    {"NOTES", "NOTE", "OBSERVATIONS", "OBSERVATION", "COMMENTAIRE", "COMMENTAIRES", "REMARQUES", "MEMO", "COMMENTS"},
		Civility: {"CIVILITE", "CIVILITECLIENT", "CIV", "TITRE", "TITRECLIENT", "CIVILITY", "TITLE", "SALUTATION"},
		Law: {"LOIAPPLICABLE", "DROITAPPLICABLE", "LOIDUCONTRAT", "DROITDUCONTRAT", "LOI", "GOVERNINGLAW",
			"APPLICABLELAW", "LAW"},
	}}
}

// ParseField returns the field called name ("email", "Address1"…), ignoring case.
func ParseField(name string) (tabular.Field, bool) {
	for _, f := range Fields() {
		if tabular.Squash(string(f)) == tabular.Squash(name) {
			return f, true
		}
	}
	return "", false
}
