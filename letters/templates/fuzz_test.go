package templates

import (
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary text to the template parser and the merge-field parser of
// bodies (unknown fields, unbalanced braces and conditions, huge or binary input): a
// template or an error, never a panic; a template that parses and validates formats
// back to text that parses again to the same template.
func FuzzParse(f *testing.F) {
	for _, st := range Stages() {
		for _, lang := range Languages {
			if t, err := Shipped(st, lang); err == nil {
				f.Add(t.Format())
			}
		}
	}
	f.Add("")
	f.Add("subject: {client.nom\n\n{inconnu} [si:pro] {n:la facture|les factures")
	f.Add(strings.Repeat("{", 10000))
	f.Add("\x00\xff[si:]{}")
	f.Fuzz(func(t *testing.T, text string) {
		ParseBody(text)
		tpl, err := Parse(text)
		if err != nil || tpl == nil {
			return
		}
		if tpl.Validate() != nil {
			return
		}
		again, err := Parse(tpl.Format())
		if err != nil {
			t.Fatalf("a valid template does not parse back: %v\n%q", err, tpl.Format())
		}
		if again.Body != tpl.Body || again.Subject != tpl.Subject || again.Stage != tpl.Stage {
			t.Fatalf("format/parse changed the template:\n%q\n%q", tpl.Format(), again.Format())
		}
	})
}
