package bank

import (
	"slices"
	"sort"

	"relance/assets/i18n"
	"relance/ledger/importer/tabular"
)

// The fields of a bank CSV or XLSX export. Their names are stable: a saved mapping
// names them in tabular.Mapping.Columns.
const (
	FieldDate       tabular.Field = "date"       // date d'opération (booking date)
	FieldValueDate  tabular.Field = "value_date" // date de valeur
	FieldLabel      tabular.Field = "label"      // libellé
	FieldDetail     tabular.Field = "detail"     // libellé complémentaire, détail de l'écriture
	FieldAmount     tabular.Field = "amount"     // one signed amount: negative is a debit
	FieldDebit      tabular.Field = "debit"      // money out (written with or without a minus sign)
	FieldCredit     tabular.Field = "credit"     // money in
	FieldCurrency   tabular.Field = "currency"   // devise; EUR when absent
	FieldReference  tabular.Field = "reference"  // the bank's reference of the operation
	FieldDebtor     tabular.Field = "debtor"     // counterparty's name
	FieldDebtorIBAN tabular.Field = "debtor_iban"
)

// Fields returns the fields of a bank export in display order.
func Fields() []tabular.Field {
	return []tabular.Field{FieldDate, FieldValueDate, FieldLabel, FieldDetail, FieldAmount, FieldDebit, FieldCredit,
		FieldCurrency, FieldReference, FieldDebtor, FieldDebtorIBAN}
}

// FieldName names field f for the user, in lang (« Date d'opération », « Débit »…);
// f itself for a field that is not a bank export's.
func FieldName(lang string, f tabular.Field) string {
	if !slices.Contains(Fields(), f) {
		return string(f)
	}
	return i18n.T(lang, "bank.field."+string(f))
}

// Set returns the bank export's field set: the header texts that name each field
// (squashed: upper case, no accents, letters and digits only), French first, as the
// exports of French online banking write them (« Date opération », « Libellé », « Débit
// euros », « Crédit euros », « Montant de l'opération », « Date de valeur »…).
func Set() tabular.FieldSet {
	return tabular.FieldSet{Fields: Fields(), Synonyms: map[tabular.Field][]string{
		FieldDate: {"DATEOPERATION", "DATEDOPERATION", "DATEDELOPERATION", "DATEOPE", "DATEOP",
			"DATEDELOPERATIONUTC", "DATECOMPTABLE", "DATECOMPTABILISATION", "DATEDECOMPTABILISATION", "DATE",
			"BOOKINGDATE", "TRANSACTIONDATE", "POSTINGDATE"},
		FieldValueDate: {"DATEVALEUR", "DATEDEVALEUR", "DATEDELAVALEUR", "DATEDELAVALEURUTC", "DATEVAL", "VALEUR",
			"VALUEDATE"},
		FieldLabel: {"LIBELLE", "LIBELLEOPERATION", "LIBELLEDELOPERATION", "LIBELLECOURT", "LIBELLESIMPLIFIE",
			"INTITULE", "OPERATION", "NATUREDELOPERATION", "NATUREOPERATION", "DESCRIPTION", "LABEL", "DESIGNATION"},
		FieldDetail: {"DETAIL", "DETAILDELECRITURE", "DETAILDELOPERATION", "LIBELLECOMPLEMENTAIRE",
			"INFORMATIONSCOMPLEMENTAIRES", "COMPLEMENT", "MOTIF", "COMMENTAIRE", "DETAILS", "MEMO", "COMMENT"},
		FieldAmount: {"MONTANT", "MONTANTDELOPERATION", "MONTANTOPERATION", "MONTANTEUR", "MONTANTEUROS",
			"MONTANTTOTAL", "MONTANTTOTALTTC", "MONTANTENEUROS", "SOMME", "AMOUNT"},
		FieldDebit: {"DEBIT", "DEBITEUROS", "DEBITEN", "MONTANTDEBIT", "DEBITS", "SORTIE", "SORTIES",
			"DEBITAMOUNT"},
		FieldCredit: {"CREDIT", "CREDITEUROS", "CREDITEN", "MONTANTCREDIT", "CREDITS", "ENTREE",
			"ENTREES", "CREDITAMOUNT"},
		FieldCurrency: {"DEVISE", "MONNAIE", "CURRENCY"},
		FieldReference: {"REFERENCE", "REF", "REFERENCEOPERATION", "REFERENCEDELOPERATION", "REFERENCEBANCAIRE",
			"NUMERODOPERATION", "NUMEROOPERATION", "NOPERATION", "NOOPERATION", "IDOPERATION", "IDENTIFIANT",
			"TRANSACTIONID"},
		FieldDebtor: {"CONTREPARTIE", "NOMDELACONTREPARTIE", "NOMCONTREPARTIE", "TIERS", "EMETTEUR", "DONNEURDORDRE",
			"PAYEUR", "COUNTERPARTY", "COUNTERPARTYNAME", "PAYER"},
		FieldDebtorIBAN: {"IBANCONTREPARTIE", "IBANDELACONTREPARTIE", "IBANEMETTEUR", "IBANDONNEURDORDRE", "IBAN",
			"COUNTERPARTYIBAN"},
	}}
}

// Presets returns the built-in mappings of bank exports, by name:
//
//   - "generic": columns found by their header (Set), separator, encoding and header
//     row detected. Works for the exports of most French banks, whether they give one
//     signed amount or a Débit and a Crédit column.
//   - "excel-fr": the same with ';' as separator, what French Excel writes.
//
// Mappings saved per dossier are not handled here yet: the caller that stores them
// passes the chosen one to Read.
func Presets() map[string]tabular.Mapping {
	return map[string]tabular.Mapping{
		"generic":  {Name: "generic", Builtin: true},
		"excel-fr": {Name: "excel-fr", Sep: ";", Builtin: true},
	}
}

// PresetNames returns the sorted names of the built-in mappings.
func PresetNames() []string {
	out := make([]string, 0, 2)
	for k := range Presets() {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
