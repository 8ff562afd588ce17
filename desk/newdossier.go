package desk

import (
	"strings"

	"relance/ledger"
)

// NewCompany is what a new dossier starts with: the company's identity as a person
// types it (name required, the rest optional and checked).
type NewCompany struct {
	Name      string
	LegalForm string // SAS, SARL…
	SIREN     string // 9 digits, spaces allowed
	Address   string // on one line: "3 place Bellecour, 69002 Lyon"
	Signatory string // who signs the letters
	// SignatoryPhone and SignatoryEmail are printed in the letters' signature block.
	SignatoryPhone, SignatoryEmail string
	Lang                           string // letters' default language: "", "fr" or "en"
}

// settings checks nc and returns the dossier's settings made from it; a Problem names
// the first bad field.
func (nc NewCompany) settings() (ledger.Settings, error) {
	set := ledger.DefaultSettings()
	set.Company.Name = strings.TrimSpace(nc.Name)
	set.Company.LegalForm = strings.TrimSpace(nc.LegalForm)
	set.Company.SIREN = strings.ReplaceAll(strings.TrimSpace(nc.SIREN), " ", "")
	set.Signatory.Name = strings.TrimSpace(nc.Signatory)
	set.Signatory.Phone = strings.TrimSpace(nc.SignatoryPhone)
	set.Signatory.Email = strings.TrimSpace(nc.SignatoryEmail)
	if err := checkCompany(set); err != nil {
		return set, err
	}
	if !ledger.ValidEmail(set.Signatory.Email) {
		return set, &ledger.Problem{Key: "cust.err.email", Args: []string{"value", nc.SignatoryEmail}}
	}
	if a := strings.TrimSpace(nc.Address); a != "" {
		set.Company.Address = ledger.ParseAddressLine(a)
		if len(set.Company.Address.Lines) == 0 || set.Company.Address.City == "" || !frenchPostcode(set.Company.Address.Postcode) {
			return set, &ledger.Problem{Key: "cust.err.address", Args: []string{"value", nc.Address}}
		}
	}
	switch nc.Lang {
	case "":
	case "fr", "en":
		set.Lang = nc.Lang
	default:
		return set, &ledger.Problem{Key: "err.lang", Args: []string{"value", nc.Lang}}
	}
	return set, set.Validate()
}

// CheckNewCompany checks a new dossier's identity before a file is chosen for it.
func CheckNewCompany(nc NewCompany) error {
	_, err := nc.settings()
	return err
}

// NewDossier makes an empty dossier at path for company nc (checked as
// CheckNewCompany does); it is not left open and an existing file is never
// overwritten.
func NewDossier(path string, nc NewCompany) error {
	set, err := nc.settings()
	if err != nil {
		return err
	}
	return Create(path, set)
}
