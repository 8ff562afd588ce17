package tabular

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ErrNoSheet: the named sheet is not in the workbook.
var ErrNoSheet = errors.New("no such sheet")

// Field is a piece of information an open-item export may hold.
type Field string

// Fields that can be mapped.
const (
	CustomerID   Field = "customer_id"
	CustomerName Field = "customer_name"
	Number       Field = "number"   // document (invoice) number
	DocDate      Field = "doc_date" // document date
	DueDate      Field = "due_date"
	Amount       Field = "amount" // original amount incl. VAT
	Open         Field = "open"   // remaining amount
	Currency     Field = "currency"
	Label        Field = "label"
)

// Fields lists the mappable fields in display order.
var Fields = []Field{CustomerID, CustomerName, Number, DocDate, DueDate, Amount, Open, Currency, Label}

// Mapping says which column holds which field and how the file is written. A saved
// mapping is a preset.
type Mapping struct {
	Name string `json:"name"`
	// Columns maps a field to a column: a header text (compared without case, accents
	// or punctuation), a spreadsheet letter prefixed with '$' ("$C") or a 1-based
	// number prefixed with '#' ("#3"), or NoColumn for none. Unmapped fields are found by
	// header synonyms.
	Columns map[Field]string `json:"columns,omitempty"`
	// Sep is the CSV separator (";", ",", "TAB", "|"); empty means detect.
	Sep string `json:"sep,omitempty"`
	// Sheet is the XLSX sheet; empty means the first.
	Sheet string `json:"sheet,omitempty"`
	// HeaderRow is the 1-based row of the header; 0 means detect.
	HeaderRow int `json:"header_row,omitempty"`
	// Builtin marks the presets shipped with Relance.
	Builtin bool `json:"builtin,omitempty"`
}

// SepRune returns the CSV separator, 0 for detect.
func (m *Mapping) SepRune() rune {
	switch m.Sep {
	case "":
		return 0
	case "TAB", "\\t", "\t":
		return '\t'
	}
	return []rune(m.Sep)[0]
}

// synonyms are the header texts (squashed: upper case, no accents, letters and
// digits only) recognised for each field, French and English, most specific first.
var synonyms = map[Field][]string{
	CustomerID: {"CODECLIENT", "NUMEROCLIENT", "NCLIENT", "NOCLIENT", "COMPTECLIENT", "COMPTEAUXILIAIRE", "COMPTETIERS",
		"CODETIERS", "TIERS", "IDCLIENT", "REFCLIENT", "REFERENCECLIENT", "COMPAUXNUM", "COMPTE", "CUSTOMERID", "CUSTOMERCODE",
		"CUSTOMERNO", "ACCOUNT", "ACCOUNTNO"},
	CustomerName: {"NOMCLIENT", "RAISONSOCIALE", "NOM", "CLIENT", "INTITULE", "INTITULECLIENT", "LIBELLECLIENT",
		"LIBELLETIERS", "COMPAUXLIB", "CUSTOMER", "CUSTOMERNAME", "NAME"},
	Number: {"NUMEROFACTURE", "NFACTURE", "NOFACTURE", "NUMFACTURE", "FACTURE", "NUMEROPIECE", "NPIECE", "NOPIECE", "PIECE",
		"PIECEREF", "REFPIECE", "REFERENCE", "REF", "NUMERO", "NUMERODOCUMENT", "DOCUMENT", "INVOICE", "INVOICENO",
		"INVOICENUMBER", "DOCUMENTNO", "DOCUMENTNUMBER"},
	DocDate: {"DATEFACTURE", "DATEPIECE", "DATEDOCUMENT", "DATEEMISSION", "DATE", "PIECEDATE", "DATECOMPTABLE",
		"INVOICEDATE", "DOCUMENTDATE", "POSTINGDATE"},
	DueDate: {"DATEECHEANCE", "ECHEANCE", "DATELIMITEREGLEMENT", "DATELIMITREGLMT", "DATELIMITE", "DUEDATE", "DUE"},
	Amount: {"MONTANTTTC", "MONTANTFACTURE", "MONTANTINITIAL", "MONTANT", "TOTALTTC", "TTC", "AMOUNT", "ORIGINALAMOUNT",
		"INVOICEAMOUNT", "TOTAL"},
	Open: {"RESTEDU", "RESTEAPAYER", "RESTANTDU", "MONTANTRESTANT", "MONTANTDU", "SOLDEDU", "SOLDE", "NONREGLE",
		"OPENAMOUNT", "AMOUNTDUE", "REMAINING", "OUTSTANDING", "BALANCE", "OPEN", "RESIDUAL"},
	Currency: {"DEVISE", "CURRENCY", "IDEVISE"},
	Label:    {"LIBELLE", "DESIGNATION", "DESCRIPTION", "OBJET", "LABEL", "ECRITURELIB"},
}

// Squash upper-cases s and keeps only letters and digits without accents.
func Squash(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// Resolve finds the column of each open-item field in a header row: explicit Columns
// first, then synonyms. It returns field → 0-based column.
func (m *Mapping) Resolve(header []string) map[Field]int { return m.ResolveIn(OpenItems(), header) }

// ResolveIn is Resolve for the fields of one kind of file: explicit Columns first, then
// the synonyms of fs, field by field in fs's order (a column serves one field).
func (m *Mapping) ResolveIn(fs FieldSet, header []string) map[Field]int {
	out := map[Field]int{}
	used := map[int]bool{}
	squashed := make([]string, len(header))
	for i, h := range header {
		squashed[i] = Squash(h)
	}
	for f, spec := range m.Columns {
		if i, ok := columnOf(spec, squashed); ok && spec != NoColumn {
			out[f] = i
			used[i] = true
		}
	}
	for _, f := range fs.Fields {
		if _, ok := out[f]; ok || m.Columns[f] == NoColumn {
			continue
		}
		for _, syn := range fs.Synonyms[f] {
			found := false
			for i, h := range squashed {
				if h == syn && !used[i] {
					out[f], used[i], found = i, true, true
					break
				}
			}
			if found {
				break
			}
		}
	}
	return out
}

// Unresolved returns the fields whose explicit column (Columns) is not in a file whose
// header row is header and whose widest row has width cells: a header text that is not
// in the header, or a letter or number beyond the last column. The value is the column
// as written in the mapping.
func (m *Mapping) Unresolved(header []string, width int) map[Field]string {
	squashed := make([]string, len(header))
	for i, h := range header {
		squashed[i] = Squash(h)
	}
	out := map[Field]string{}
	for f, spec := range m.Columns {
		if spec == "" || spec == NoColumn {
			continue
		}
		if i, ok := columnOf(spec, squashed); !ok || i >= width {
			out[f] = spec
		}
	}
	return out
}

func columnOf(spec string, squashed []string) (int, bool) {
	switch {
	case strings.HasPrefix(spec, "#"):
		n, err := strconv.Atoi(spec[1:])
		return n - 1, err == nil && n > 0
	case strings.HasPrefix(spec, "$"):
		n := 0
		for _, r := range strings.ToUpper(spec[1:]) {
			if r < 'A' || r > 'Z' {
				return 0, false
			}
			n = n*26 + int(r-'A'+1)
		}
		return n - 1, n > 0
	}
	s := Squash(spec)
	for i, h := range squashed {
		if h == s {
			return i, true
		}
	}
	return 0, false
}

// Usable reports whether a resolved mapping has what an import needs: a customer
// (id or name) and an amount (original or open).
func Usable(cols map[Field]int) bool {
	_, id := cols[CustomerID]
	_, name := cols[CustomerName]
	_, amt := cols[Amount]
	_, open := cols[Open]
	return (id || name) && (amt || open)
}

// Presets returns the built-in presets, by name:
//
//   - "generic": columns found by French and English header synonyms, separator and
//     encoding detected. Works for most exports whose header says what the column is.
//   - "excel-fr": what French Excel writes with "CSV (séparateur : point-virgule)":
//     ';' separator (Windows-1252 is detected), the same synonyms.
//
// Vendor-specific presets are not shipped: no public sample of Sage, EBP or Cegid
// open-item exports exists (reference/fec.md §4). Users save their own per dossier.
func Presets() map[string]Mapping {
	return map[string]Mapping{
		"generic":  {Name: "generic", Builtin: true},
		"excel-fr": {Name: "excel-fr", Sep: ";", Builtin: true},
	}
}

// PresetNames returns the sorted names of built-in presets.
func PresetNames() []string {
	var out []string
	for k := range Presets() {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
