package importer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"relance/ledger"
)

// TestItemIDAsBefore checks the item IDs written without fmt against the formula they
// replace: journal|piece|date (Date.String) for the base, without dashes, then |seq.
func TestItemIDAsBefore(t *testing.T) {
	dates := []ledger.Date{ledger.NoDate, ledger.NewDate(2024, time.March, 5), ledger.NewDate(1999, time.December, 31),
		ledger.NewDate(9, time.January, 1), ledger.NewDate(12345, time.July, 14)}
	for _, d := range dates {
		for _, pd := range []ledger.Date{ledger.NoDate, d} {
			for _, j := range []string{"", "VT", "V-T", "-"} {
				for _, piece := range []string{"", "FA2024-0001", "--x--", "é-€"} {
					l := &lineView{journal: j, piece: piece, date: d, pieceDate: pd}
					base := l.journal + "|" + l.piece + "|" + docDate(l).String()
					if got := itemBase(l); got != base {
						t.Errorf("itemBase %q, want %q", got, base)
					}
					for _, seq := range []int{1, 2, 10, 12345} {
						want := fmt.Sprintf("%s|%d", strings.ReplaceAll(base, "-", ""), seq)
						if got := itemID(l, seq); got != want {
							t.Errorf("itemID %q, want %q", got, want)
						}
					}
				}
			}
		}
	}
}
