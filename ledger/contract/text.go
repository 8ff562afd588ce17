package contract

import (
	"relance/assets/i18n"
	"relance/ledger"
)

// Label is the kind's name in lang (« Assurance-crédit »).
func (k GuaranteeKind) Label(lang string) string { return i18n.T(lang, "contract.kind."+string(k)) }

// Text is the finding in lang, its dates and amounts written with date and money.
func (f Finding) Text(lang string, date func(ledger.Date) string, money func(ledger.Cents) string) string {
	return f.textWith(lang, "contract.find.", date, money)
}

// textWith writes the finding of catalogue prefix in lang.
func (f Finding) textWith(lang, prefix string, date func(ledger.Date) string, money func(ledger.Cents) string) string {
	args := make([]string, len(f.Args))
	copy(args, f.Args)
	for i := 0; i+1 < len(args); i += 2 {
		switch args[i] {
		case "date":
			if d, err := ledger.ParseDate(args[i+1]); err == nil && date != nil {
				args[i+1] = date(d)
			}
		case "owed", "cover", "ceiling", "part", "overdue":
			if c, err := ledger.ParseCents(args[i+1]); err == nil {
				args[i+1] = money(c)
			}
		case "rate", "floor":
			if lang == "fr" {
				args[i+1] = commaDecimal(args[i+1])
			}
		}
	}
	s := i18n.T(lang, prefix+f.Key, args...)
	if f.Rule != "" {
		s += " (" + f.Rule + ")"
	}
	return s
}

func commaDecimal(s string) string {
	for i := range len(s) {
		if s[i] == '.' {
			return s[:i] + "," + s[i+1:]
		}
	}
	return s
}
