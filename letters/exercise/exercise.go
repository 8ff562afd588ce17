// Package exercise is the trainer's exercise bank: flawed letters saved with the
// context they are checked in (stage, audience, language), a title and the findings the
// trainer expects, kept in the dossier (bucket store.BucketExercises), shared between
// trainers as one JSON file. The built-in letters of the checker's corpus come first
// in the Correction screen; the bank's follow.
package exercise

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"relance/ledger"
	"relance/letters/check"
)

// Exercise is one letter of the bank.
type Exercise struct {
	ID       string         `json:"id"` // "EX0001", given by the bank
	Title    string         `json:"title"`
	Stage    check.Stage    `json:"stage"`
	Audience check.Audience `json:"audience"`
	Lang     string         `json:"lang"`
	Text     string         `json:"text"`
	// Expected are the rule IDs of the checker the trainer expects the trainee to find;
	// empty: whatever the checker finds (every finding of at least a warning).
	Expected []string    `json:"expected,omitempty"`
	Source   string      `json:"source,omitempty"` // the file it was opened from
	Hash     string      `json:"hash"`             // SHA-256 of the text (Hash): duplicates are refused
	Added    ledger.Date `json:"added"`
	By       string      `json:"by,omitempty"`
}

// Hash is the content hash of a letter's text: SHA-256 (hex) of the text with line
// ends made "\n" and the blanks around it trimmed, so that the same letter saved from
// Windows and from Linux is one exercise.
func Hash(text string) string {
	t := strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"))
	sum := sha256.Sum256([]byte(t))
	return hex.EncodeToString(sum[:])
}

// Validate checks an exercise before it is stored, naming the field and value.
func (e *Exercise) Validate(rules func(id string) bool) error {
	bad := func(field, value string) error {
		return &ledger.Problem{Key: "exercise.err.field", Args: []string{"field", field, "value", value}}
	}
	short := func(s string) string {
		if utf8.RuneCountInString(s) > 40 {
			return string([]rune(s)[:40]) + "…"
		}
		return s
	}
	switch {
	case strings.TrimSpace(e.Title) == "" || len(e.Title) > 200:
		return bad("title", short(e.Title))
	case !e.Stage.Valid():
		return bad("stage", string(e.Stage))
	case e.Audience != check.B2B && e.Audience != check.B2C && e.Audience != check.Public:
		return bad("audience", string(e.Audience))
	case e.Lang != "fr" && e.Lang != "en":
		return bad("lang", e.Lang)
	case strings.TrimSpace(e.Text) == "":
		return &ledger.Problem{Key: "exercise.err.empty", Args: []string{"value", e.Title}}
	case len(e.Text) > check.MaxLetterBytes:
		return &ledger.Problem{Key: "exercise.err.too_long", Args: []string{"value", e.Title}}
	case !e.Added.Valid():
		return bad("added", e.Added.String())
	}
	for _, r := range e.Expected {
		if rules != nil && !rules(r) {
			return bad("expected", r)
		}
	}
	return nil
}

// ParseAudience reads an audience name (b2b, b2c, public).
func ParseAudience(s string) (check.Audience, bool) {
	switch a := check.Audience(strings.ToLower(strings.TrimSpace(s))); a {
	case check.B2B, check.B2C, check.Public:
		return a, true
	}
	return "", false
}
