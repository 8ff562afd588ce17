package ledger

import (
	"strconv"
	"strings"
)

// Company is the creditor's legal identity, printed on letterheads and legal forms
// (C. com. R123-237: legal form, capital, RCS city and SIREN on commercial documents).
type Company struct {
	Name      string  `json:"name"`
	LegalForm string  `json:"legal_form,omitempty"` // SAS, SARL, SA, EURL, EI…
	Capital   Cents   `json:"capital,omitempty"`
	SIREN     string  `json:"siren,omitempty"`
	RCSCity   string  `json:"rcs_city,omitempty"` // "RCS Lyon"
	VATNumber string  `json:"vat,omitempty"`
	Address   Address `json:"address"`
	Phone     string  `json:"phone,omitempty"`
	Email     string  `json:"email,omitempty"`
	IBAN      string  `json:"iban,omitempty"`
	BIC       string  `json:"bic,omitempty"`
	Logo      []byte  `json:"logo,omitempty"` // PNG or JPEG
}

// Signatory is the person who signs the letters.
type Signatory struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"` // "Responsable du recouvrement"
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// Representative is the company's legal representative, who acts for it in court
// (an SAS is represented by its président, a SARL by its gérant: C. com. L227-6,
// L223-18). Empty in dossiers made before it existed.
type Representative struct {
	Name     string `json:"name,omitempty"`
	Capacity string `json:"capacity,omitempty"` // "Président", "Gérant"; empty: from the legal form
}

// CapacityFor is the representative's capacity, or the one the legal form implies.
func (r Representative) CapacityFor(legalForm string) string {
	if c := strings.TrimSpace(r.Capacity); c != "" {
		return c
	}
	return DefaultCapacity(legalForm)
}

// DefaultCapacity is the capacity of the legal representative of a company of that
// legal form: Président (SAS, SASU), Gérant (SARL, EURL, SNC, SCI), Directeur général
// (SA), Entrepreneur individuel (EI, EIRL, micro-entreprise); "" when unknown.
func DefaultCapacity(legalForm string) string {
	switch strings.ToUpper(strings.TrimSpace(legalForm)) {
	case "SAS", "SASU":
		return "Président"
	case "SARL", "EURL", "SNC", "SCI", "SELARL":
		return "Gérant"
	case "SA":
		return "Directeur général"
	case "EI", "EIRL", "ME", "MICRO-ENTREPRISE":
		return "Entrepreneur individuel"
	}
	return ""
}

// Settings are a dossier's settings.
type Settings struct {
	Company   Company   `json:"company"`
	Signatory Signatory `json:"signatory"`
	// Representative is the company's legal representative, named in the injonction
	// pack and the claims (the signatory only signs the letters).
	Representative Representative `json:"representative,omitzero"`
	Currency       string         `json:"currency"` // ISO 4217, EUR by default
	Country        string         `json:"country"`  // ISO 3166-1 alpha-2 of the creditor, FR by default
	Lang           string         `json:"lang"`     // default language of letters, "fr"
	Terms          Terms          `json:"terms"`    // default payment terms
	// Buckets are the upper bounds, in days past due, of the aged-balance buckets
	// after "not due": {30, 60, 90} gives 1–30, 31–60, 61–90 and > 90.
	Buckets []int `json:"buckets"`
	// Receivables are the account prefixes read as customer receivables on import.
	Receivables []string `json:"receivables,omitempty"`
	// Backups is how many rotating backups of the dossier are kept (written on opening and
	// before each import or batch); 0 means DefaultBackups.
	Backups int `json:"backups,omitempty"`
	// Demo marks the embedded demo dossier; DemoToday is its reference "today".
	Demo      bool `json:"demo,omitempty"`
	DemoToday Date `json:"demo_today,omitempty"`
}

// DefaultBackups is the number of rotating backups kept when the settings do not say.
const DefaultBackups = 5

// MaxBackups bounds the backups setting (each backup is a full copy of the dossier).
const MaxBackups = 100

// BackupsKept returns how many rotating backups to keep.
func (s Settings) BackupsKept() int {
	if s.Backups <= 0 {
		return DefaultBackups
	}
	return s.Backups
}

// DefaultSettings returns the settings of a new dossier.
func DefaultSettings() Settings {
	return Settings{
		Currency:    "EUR",
		Country:     "FR",
		Lang:        "fr",
		Terms:       DefaultTerms,
		Buckets:     []int{30, 60, 90},
		Receivables: []string{"411", "413", "416", "4191"},
	}
}

// Normalize fills empty fields with their defaults and sorts nothing: it returns
// settings that every computation can rely on.
func (s Settings) Normalize() Settings {
	d := DefaultSettings()
	if s.Currency == "" {
		s.Currency = d.Currency
	}
	if s.Country == "" {
		s.Country = d.Country
	}
	if s.Lang == "" {
		s.Lang = d.Lang
	}
	if len(s.Buckets) == 0 {
		s.Buckets = d.Buckets
	}
	if len(s.Receivables) == 0 {
		s.Receivables = d.Receivables
	}
	return s
}

// Validate checks the settings a user may edit and names the first bad field.
func (s Settings) Validate() error {
	prev := 0
	for _, b := range s.Buckets {
		if b <= prev {
			return &Problem{Key: "err.buckets", Args: []string{"value", intsString(s.Buckets)}}
		}
		prev = b
	}
	if s.Backups < 0 || s.Backups > MaxBackups {
		return &Problem{Key: "err.backups", Args: []string{"value", strconv.Itoa(s.Backups), "max", strconv.Itoa(MaxBackups)}}
	}
	if s.Terms.Days < 0 || s.Terms.Days > 365 {
		return &Problem{Key: "err.terms", Args: []string{"value", s.Terms.String()}}
	}
	if s.Company.SIREN != "" && !ValidSIREN(s.Company.SIREN) {
		return &Problem{Key: "err.siren", Args: []string{"value", s.Company.SIREN}}
	}
	if s.Company.IBAN != "" && !ValidIBAN(s.Company.IBAN) {
		return &Problem{Key: "cust.err.iban", Args: []string{"value", s.Company.IBAN}}
	}
	return nil
}

func intsString(v []int) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}
