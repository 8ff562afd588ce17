package ui

import (
	"testing"

	"relance/ledger"
)

func TestFormatHelpers(t *testing.T) {
	fr := &App{lang: "fr"}
	en := &App{lang: "en"}
	for _, tc := range []struct{ got, want string }{
		{fr.count(50000), "50\u202f000"},
		{en.count(50000), "50,000"},
		{fr.count(999), "999"},
		{en.count(-1234567), "-1,234,567"},
		{fr.percent("35.9"), "35,9\u00a0%"},
		{en.percent("35.9"), "35.9%"},
		{fr.date(ledger.NewDate(2026, 11, 3)), "03/11/2026"},
		{en.date(ledger.NewDate(2026, 11, 3)), "2026-11-03"},
		{fileNameFor("Société Exemple SAS"), "societe-exemple-sas"},
		{fileNameFor("  L'Œuf & Cie  "), "l-oeuf-cie"},
		{fileNameFor("***"), "dossier"},
		{fr.plural("k", 0), "k.one"}, // « 0 client », « 1 client », « 2 clients »
		{fr.plural("k", 1), "k.one"},
		{fr.plural("k", 2), "k.other"},
		{en.plural("k", 0), "k.other"}, // "0 customers", "1 customer"
		{en.plural("k", 1), "k.one"},
		{fr.t(fr.plural("ui.clients.totals", 1), "count", "1", "balance", "", "overdue", "")[:9], "1 client "},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]ledger.Cents{
		"":                 0,
		"10 000":           1000000,
		"10\u202f000,50 €": 1000050,
		"€10,000.50":       1000050,
		"150000,00":        15000000,
		"12.5":             1250,
	} {
		got, err := parseAmount(in)
		if err != nil || got != want {
			t.Errorf("parseAmount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"abc", "1,2,3", "10,001"} {
		if _, err := parseAmount(bad); err == nil {
			t.Errorf("parseAmount(%q) accepted", bad)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, ok := range map[string]bool{"23/11/2026": true, "2026-11-23": true, "31/02/2026": false, "23/11": false} {
		d, err := parseDate(in)
		if (err == nil) != ok {
			t.Errorf("parseDate(%q) = %v, %v", in, d, err)
		}
	}
}
