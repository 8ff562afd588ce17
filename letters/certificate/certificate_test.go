package certificate

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/classroom"
)

func TestTotalsAndModules(t *testing.T) {
	day := ledger.NewDate(2026, time.December, 4)
	as := []classroom.Attempt{
		{Kind: classroom.Letter, Date: day, Score: decimal.NewFromInt(12), OutOf: 20},
		{Kind: classroom.Quiz, Module: "dashboard", Date: day, Score: decimal.NewFromInt(3), OutOf: 4},
		{Kind: classroom.Letter, Date: day.AddDays(1), Score: decimal.NewFromInt(16), OutOf: 20},
		{Kind: classroom.RolePlay, Date: day.AddDays(1), Score: decimal.NewFromInt(9), OutOf: 19},
	}
	tot := Totals(as)
	if len(tot) != 3 || tot[0].Kind != classroom.Letter || tot[0].N != 2 || tot[0].Best.String() != "16" ||
		tot[0].Last.String() != "16" || tot[0].Mean.String() != "14" {
		t.Fatalf("totals %+v", tot)
	}
	// 9/19 on 20 = 9,47… → 9,5 ; 3/4 = 15
	if tot[1].Kind != classroom.RolePlay || tot[1].Best.String() != "9.5" || tot[2].Best.String() != "15" {
		t.Errorf("totals %+v", tot)
	}
	if m := Modules(as); !slices.Equal(m, []string{"phone", "dashboard", "writing"}) && !slices.Equal(m, []string{"dashboard", "phone", "writing"}) {
		t.Errorf("modules %v", m)
	}
	if m := Modules([]classroom.Attempt{{Kind: classroom.Quiz, Module: "all"}}); len(m) != 13 {
		t.Errorf("a quiz on every module covers %d", len(m))
	}
	var buf bytes.Buffer
	s := Summary{Lang: "en", AsOf: day, Trainee: classroom.Trainee{ID: "T0001", Name: "Zoë O’Brien-Łukasiewicz"}, Attempts: as}
	if err := Render(&buf, s, nil); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
		t.Fatalf("render: %v", err)
	}
}
