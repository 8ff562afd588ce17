package ledger

import (
	"net/mail"
	"strings"
	"unicode"
)

// Normalize returns the salesperson as it is stored: the ID upper-cased, every field
// trimmed of surrounding spaces.
func (s Salesperson) Normalize() Salesperson {
	return Salesperson{ID: strings.ToUpper(strings.TrimSpace(s.ID)), Name: strings.TrimSpace(s.Name),
		Email: strings.TrimSpace(s.Email), Phone: strings.TrimSpace(s.Phone)}
}

// Validate checks a salesperson before it is stored, naming the first bad field: an
// ID without spaces (customers and disputes refer to it), a name, and an e-mail
// address that is empty or valid (ValidEmail).
func (s Salesperson) Validate() error {
	switch {
	case s.ID == "" || s.Name == "":
		return &Problem{Key: "err.salesperson.invalid", Args: []string{"field", "name", "value", s.ID}}
	case strings.IndexFunc(s.ID, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return &Problem{Key: "admin.err.sp_id", Args: []string{"field", "id", "value", s.ID}}
	case !ValidEmail(s.Email):
		return &Problem{Key: "admin.err.sp_email", Args: []string{"field", "email", "id", s.ID, "value", s.Email}}
	}
	return nil
}

// ValidEmail reports whether e is empty or one plain address with a dotted domain
// ("nom@exemple.fr", not "Nom <nom@exemple.fr>" nor "nom@localhost").
func ValidEmail(e string) bool {
	if e == "" {
		return true
	}
	a, err := mail.ParseAddress(e)
	return err == nil && a.Address == e && strings.Contains(e[strings.LastIndex(e, "@"):], ".")
}
