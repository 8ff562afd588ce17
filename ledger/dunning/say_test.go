package dunning

import (
	"strings"
	"testing"
)

// A step reason reads as a sentence in the user's words: stage name, channel, offset,
// dates as DD/MM/YYYY in French, never the step code or an ISO date.
func TestReasonSay(t *testing.T) {
	r := Reason{Key: "dunning.why.step", Args: []string{"step", "pre", "channel", "email", "offset", "-5", "due", "2026-12-03", "date", "2026-11-28"}}
	fr := r.Say("fr", "EUR")
	if want := "Pré-relance par e-mail : 5 jours avant l'échéance du 03/12/2026, soit le 28/11/2026"; fr != want {
		t.Errorf("fr: %q, want %q", fr, want)
	}
	en := r.Say("en", "EUR")
	if !strings.Contains(en, "5 days before") || !strings.Contains(en, "2026-12-03") || strings.Contains(en, "pre ") {
		t.Errorf("en: %q", en)
	}
	m := Reason{Key: "dunning.why.below_min", Args: []string{"step", "r2", "amount", "12.50", "min", "100.00"}}
	if got := m.Say("fr", "EUR"); !strings.Contains(got, "2e relance") || !strings.Contains(got, "12,50") {
		t.Errorf("below_min: %q", got)
	}
}

// The first third of the agenda is high, the second medium, the last low.
func TestUrgency(t *testing.T) {
	got := []string{Urgency(1, 9), Urgency(3, 9), Urgency(4, 9), Urgency(6, 9), Urgency(7, 9), Urgency(1, 1)}
	want := []string{UrgencyHigh, UrgencyHigh, UrgencyMedium, UrgencyMedium, UrgencyLow, UrgencyHigh}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%d: %s, want %s", i, got[i], want[i])
		}
	}
	e := Entry{Class: "D", Amount: 123456, DaysLate: 40}
	if w := PriorityWhy(&e, 2, 10, nil, "fr", "EUR"); !strings.Contains(w, "Priorité 2 sur 10 (Haute)") || !strings.Contains(w, "coefficient 3") || !strings.Contains(w, "40 jours") {
		t.Errorf("why: %q", w)
	}
}
