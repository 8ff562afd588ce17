package ledger

import (
	"errors"
	"testing"
)

func TestProblemLocalize(t *testing.T) {
	p := &Problem{Key: "err.terms", Args: []string{"value", "abc"}}
	if got := p.Localize("fr"); got == "" || got == "err.terms" {
		t.Errorf("fr: %q", got)
	}
	if p.Error() == p.Localize("fr") {
		t.Error("Error() should be English")
	}
	wrapped := errors.Join(errors.New("context"), p)
	_ = wrapped
	w2 := &Problem{Key: "err.dossier.read", Args: []string{"file", "x.db"}, Err: p}
	if !errors.Is(w2, &Problem{Key: "err.terms"}) {
		t.Error("errors.Is through Err")
	}
	if got := Localize(w2, "fr"); got == "" {
		t.Error("Localize")
	}
}
