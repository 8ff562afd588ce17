package ledger

import (
	"strings"
	"testing"
)

func TestSIRENAndSIRET(t *testing.T) {
	for s, want := range map[string]bool{"732829320": true, "732 829 320": true, "732829321": false, "73282932": false, "73282932A": false, "": false} {
		if ValidSIREN(s) != want {
			t.Errorf("SIREN %q: %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"73282932000017": true, "73282932000018": false, "732829320": false} {
		if ValidSIRET(s) != want {
			t.Errorf("SIRET %q: %v", s, !want)
		}
	}
}

// OneLine and ParseAddressLine read each other back.
func TestAddressOneLine(t *testing.T) {
	a := Address{Lines: []string{"12 rue des Lilas", "Bât. B"}, Postcode: "69003", City: "Lyon"}
	if got := a.OneLine(); got != "12 rue des Lilas, Bât. B, 69003 Lyon" {
		t.Errorf("OneLine %q", got)
	}
	b := ParseAddressLine(a.OneLine())
	if b.OneLine() != a.OneLine() || b.Postcode != "69003" || b.City != "Lyon" || len(b.Lines) != 2 {
		t.Errorf("read back %+v", b)
	}
	// Abroad: a British address puts the town before the postcode; a German one is
	// written as in France.
	uk := ParseAddressLine("10 Downing Street, London sw1a 2aa")
	uk.Country = "GB"
	if uk.City != "London" || uk.Postcode != "SW1A 2AA" || len(uk.Lines) != 1 || uk.OneLine() != "10 Downing Street, London SW1A 2AA" {
		t.Errorf("British address %+v %q", uk, uk.OneLine())
	}
	if de := ParseAddressLine("Hauptstraße 5, 10115 Berlin"); de.Postcode != "10115" || de.City != "Berlin" {
		t.Errorf("German address %+v", de)
	}
}

func TestValidIBAN(t *testing.T) {
	for s, want := range map[string]bool{
		"FR76 3000 6000 0112 3456 7890 189": true,
		"fr7630006000011234567890189":       true,
		"GB29 NWBK 6016 1331 9268 19":       true,
		"FR76 3000 6000 0112 3456 7890 188": false, // check digits
		"FR7630006":                         false, // too short
		"7630 0060 0001 1234 5678 9018 9FR": false, // no country code
		"FR76 3000 6000 0112 3456 7890 18!": false,
	} {
		if got := ValidIBAN(s); got != want {
			t.Errorf("ValidIBAN(%q) = %v", s, got)
		}
	}
}

// A parameter named …_key is translated before it fills the message.
func TestProblemKeyArgs(t *testing.T) {
	p := &Problem{Key: "letters.err.missing", Args: []string{"customer", "C1", "stage_key", "letters.stage.med", "fields", "{x}"}}
	if got := p.Localize("fr"); !strings.HasPrefix(got, "Mise en demeure au client C1") {
		t.Errorf("fr: %q", got)
	}
	if got := p.Localize("en"); !strings.HasPrefix(got, "Formal notice to customer C1") {
		t.Errorf("en: %q", got)
	}
	if p.Args[2] != "stage_key" {
		t.Error("Localize changed the problem's arguments")
	}
}
