// Package check is Relance's letter-correction engine: it reads a reminder letter or a
// formal notice (French or English), finds what is wrong — spelling, grammar,
// typography, legal mentions, clarity, tone, style, structure — explains why, proposes
// a fix and scores the letter (readability, DESC coverage, firmness × courtesy).
//
// The pipeline follows reference/letter-rules.md §8: normalise the text keeping rune
// offsets, segment the letter, extract entities (amounts, invoice references, dates,
// deadlines, IBAN, phone, e-mail, legal references), run the rule catalogue (embedded
// JSON in rules/, with example sentences that the tests run) and the structural and
// arithmetic checks written in Go, then merge overlapping findings. The engine has no
// GUI dependency and no network access; spelling and grammar engines plug in through
// the Speller and Grammar interfaces.
package check

import (
	"relance/ledger"
	"strings"
)

// Speller reports unknown words; implemented by letters/spell (hunspell). nil: spelling off.
type Speller interface {
	Correct(lang, word string) bool     // lang "fr" | "en"
	Suggest(lang, word string) []string // called only for incorrect words
}

// GrammarFinding is one finding of an external grammar engine, offsets in runes of the text given.
type GrammarFinding struct {
	Start, End          int
	Rule, Type, Message string
	Suggestions         []string
}

// Grammar is an optional external grammar checker (Grammalecte); nil or unavailable: grammar off, and the
// result says so (Result.GrammarOff = true) so the UI shows a visible note.
type Grammar interface {
	Check(lang, text string) ([]GrammarFinding, error)
}

// Stage is the step of the reminder ladder a letter belongs to (letter-rules.md §4.3).
type Stage string

// The stages.
const (
	StagePre  Stage = "pre"  // pre-reminder, before or just at the due date
	StageR1   Stage = "r1"   // first reminder
	StageR2   Stage = "r2"   // second reminder
	StageR3   Stage = "r3"   // last amicable reminder
	StageMED  Stage = "med"  // formal notice (mise en demeure, C. civ. 1344)
	StageConf Stage = "conf" // confirmation of a promise after a call
)

// Stages lists the stages in ladder order.
var Stages = []Stage{StagePre, StageR1, StageR2, StageR3, StageMED, StageConf}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool {
	for _, v := range Stages {
		if s == v {
			return true
		}
	}
	return false
}

// rank orders the stages by firmness (conf sits beside r1).
func (s Stage) rank() int {
	switch s {
	case StagePre:
		return 0
	case StageR1, StageConf:
		return 1
	case StageR2:
		return 2
	case StageR3:
		return 3
	case StageMED:
		return 4
	}
	return 1
}

// Audience is who the letter goes to.
type Audience string

// The audiences.
const (
	B2B    Audience = "b2b"    // a business: C. com. L441-10 penalties and the €40 indemnity apply
	B2C    Audience = "b2c"    // a consumer: no €40, legal interest rate, 2-year limitation
	Public Audience = "public" // a public purchaser
)

// Valid reports whether a is a known audience.
func (a Audience) Valid() bool { return a == B2B || a == B2C || a == Public }

// AudienceOf maps a customer kind to an audience.
func AudienceOf(k ledger.CustomerKind) Audience {
	switch k {
	case ledger.Consumer:
		return B2C
	case ledger.PublicBody:
		return Public
	}
	return B2B
}

// ForCustomer fills what the options leave empty from the customer's account: the
// ledger to cross-check, the audience (its kind), the letter language and the debtor's
// country (its address). The window, the command line and the tests call it, so a letter
// is checked the same way everywhere.
func (o *Options) ForCustomer(acc *ledger.Account) {
	if acc == nil {
		return
	}
	o.Account = acc
	if o.Audience == "" {
		o.Audience = AudienceOf(acc.Customer.Kind)
	}
	if o.Lang == "" {
		o.Lang = acc.Customer.Language()
	}
	if o.Country == "" && acc.Customer.Address.Country != "" {
		o.Country = strings.ToUpper(acc.Customer.Address.Country)
	}
}

// Severity is how serious a finding is, after adjustment to the stage.
type Severity int

// The severities, from the least to the most serious.
const (
	Advice Severity = iota + 1
	Warning
	Error
	Blocking
)

var sevNames = map[Severity]string{Advice: "advice", Warning: "warning", Error: "error", Blocking: "blocking"}

// String returns the stable name: advice, warning, error, blocking.
func (s Severity) String() string { return sevNames[s] }

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// parseSev reads the catalogue's letters I, W, E, B.
func parseSev(s string) (Severity, bool) {
	switch s {
	case "I", "A":
		return Advice, true
	case "W":
		return Warning, true
	case "E":
		return Error, true
	case "B":
		return Blocking, true
	}
	return 0, false
}

// Category groups findings for display (letter-rules.md §5: one colour per category).
type Category string

// The categories, in display order.
const (
	CatSpelling   Category = "spelling"
	CatGrammar    Category = "grammar"
	CatTypography Category = "typography"
	CatLegal      Category = "legal"
	CatClarity    Category = "clarity"
	CatTone       Category = "tone"
	CatStyle      Category = "style"
	CatStructure  Category = "structure"
)

// Categories lists the categories in display order.
var Categories = []Category{CatSpelling, CatGrammar, CatTypography, CatLegal, CatClarity, CatTone, CatStyle, CatStructure}

// categoryOf derives the category from a rule ID's family (SPELL.WORD → spelling).
func categoryOf(id string) Category {
	fam := id
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			fam = id[:i]
			break
		}
	}
	switch fam {
	case "SPELL":
		return CatSpelling
	case "GRAM":
		return CatGrammar
	case "TYPO":
		return CatTypography
	case "LEGAL":
		return CatLegal
	case "CLAR":
		return CatClarity
	case "TONE":
		return CatTone
	case "STYLE":
		return CatStyle
	}
	return CatStructure
}

// Section is a part of a letter.
type Section string

// The sections found by Segment.
const (
	SecHeader     Section = "header"     // sender's letterhead
	SecRecipient  Section = "recipient"  // address block
	SecPlaceDate  Section = "place_date" // « Lyon, le 23 novembre 2026 »
	SecReferences Section = "references" // Réf., LRAR mention
	SecSubject    Section = "subject"    // « Objet : … »
	SecSalutation Section = "salutation" // « Madame, »
	SecBody       Section = "body"
	SecTable      Section = "table"     // invoice or décompte table: facts, not prose
	SecClosing    Section = "closing"   // « Nous vous prions d'agréer… »
	SecSignature  Section = "signature" // name and title
	SecEnclosures Section = "enclosures"
)

// Fix is an automatic correction: replace the runes [Start, End) of the original text
// with Text (Start == End inserts).
type Fix struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Finding is one problem found in a letter.
type Finding struct {
	Rule     string   `json:"rule"`
	Category Category `json:"category"`
	// Severity is adjusted to the stage; Base is the catalogue's default.
	Severity Severity `json:"severity"`
	Base     Severity `json:"base_severity"`
	// Start and End are rune offsets in the original text; both -1 for a missing item,
	// which is anchored to Section instead.
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Section     Section  `json:"section,omitempty"`
	Message     string   `json:"message"`
	Why         string   `json:"why"`
	Legal       string   `json:"legal,omitempty"`
	Suggestions []string `json:"suggestions"`
	Fix         *Fix     `json:"fix,omitempty"`
	Source      string   `json:"source"` // rules | speller | grammar
}

// Missing reports whether the finding is about an absent item (no span).
func (f *Finding) Missing() bool { return f.Start < 0 }

// Options is the context of a check.
type Options struct {
	Lang string // "fr" or "en"; empty: guessed from the text
	// MessageLang is the language of the messages ("fr" or "en"); empty: the letter's.
	MessageLang string
	Stage       Stage    // empty: r1
	Audience    Audience // empty: b2b
	// Sender is "creditor" (default) or "agency" (a collection agency, CPCE R124-4).
	Sender string
	// Country is the debtor's country (ISO 3166-1 alpha-2); "GB" turns on the UK
	// rules. Empty: GB for an English letter with amounts in pounds, else FR.
	Country string
	// Date is the letter date; zero: the date written in the letter, if any.
	Date ledger.Date
	// Account, when set, is the customer's ledger: amounts, invoice numbers and due
	// dates written in the letter are cross-checked against its items.
	Account *ledger.Account
	// Speller and Grammar are the optional external engines (letters/spell and
	// letters/grammar); nil turns them off.
	Speller Speller
	Grammar Grammar
	// Only restricts the check to these rule IDs (tests, example sentences).
	Only []string
	// Disabled rule IDs are skipped ("ignore the rule").
	Disabled []string
}

// Entity kinds.
const (
	EntAmount   = "amount"
	EntInvoice  = "invoice"
	EntDate     = "date"
	EntDeadline = "deadline" // a relative deadline (« sous 8 jours »); absolute ones are dates with Deadline set
	EntIBAN     = "iban"
	EntPhone    = "phone"
	EntEmail    = "email"
	EntLegalRef = "legal_ref"
	EntRate     = "rate"
	EntCompany  = "company_id" // SIREN, SIRET, RCS
)

// Entity is a typed piece of the letter: it is excluded from spelling and feeds the
// domain rules.
type Entity struct {
	Kind       string       `json:"kind"`
	Start, End int          `json:"-"`
	Text       string       `json:"text"`
	Cents      ledger.Cents `json:"cents,omitempty"`    // amounts
	Currency   string       `json:"currency,omitempty"` // EUR, GBP, USD
	Date       ledger.Date  `json:"date,omitempty"`     // dates (zero when impossible)
	Days       int          `json:"days,omitempty"`     // relative deadlines
	Deadline   bool         `json:"deadline,omitempty"` // the date is a payment deadline
	Invalid    bool         `json:"invalid,omitempty"`  // impossible date
	Weekday    int          `json:"-"`                  // weekday written before the date (1 = Sunday … 7), 0: none
	Format     string       `json:"-"`                  // amounts: "fr", "en", "bad"
}
