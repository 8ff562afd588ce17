package templates

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/store"
)

func TestShippedTemplatesValid(t *testing.T) {
	for _, s := range Stages() {
		for _, l := range Languages {
			tp, err := Shipped(s, l)
			if err != nil {
				t.Fatalf("%s.%s: %v", s, l, err)
			}
			if err := tp.Validate(); err != nil {
				t.Errorf("%s.%s: %v", s, l, err)
			}
			if s != Dispute && !strings.Contains(tp.Body, "{factures.tableau}") && !strings.Contains(tp.Body, "{invoices.table}") {
				t.Errorf("%s.%s: no invoice table", s, l)
			}
			back, err := Parse(tp.Format())
			if err != nil || back.Body != tp.Body || back.Subject != tp.Subject || back.Deadline != tp.Deadline {
				t.Errorf("%s.%s: Format/Parse round trip: %v", s, l, err)
			}
			if l == "fr" && strings.Contains(tp.Body, "'") {
				t.Errorf("%s.fr: straight apostrophe (use ’)", s)
			}
		}
	}
}

func TestMerge(t *testing.T) {
	v := &Values{Fields: map[string]string{"client.nom": "ACME", "total.du": "10,00 €"}, Conds: map[string]bool{"pro": true}}
	cases := []struct {
		body    string
		count   int
		want    string
		missing string
	}{
		{"Bonjour {client.nom}.", 1, "Bonjour ACME.", ""},
		{"Bonjour {customer.name}.", 1, "Bonjour ACME.", ""},
		{"{n:la facture|les factures} de {total.du}", 1, "la facture de 10,00 €", ""},
		{"{n:la facture|les factures} de {total.du}", 3, "les factures de 10,00 €", ""},
		{"[si:pro] Pénalités.\n\n[si:conso] Intérêts.", 1, "Pénalités.", ""},
		{"[if:!b2b] Non.\n\n[si:conso,pro] Oui.", 1, "Oui.", ""},
		{"Taux {penalites.taux}.", 1, "Taux {penalites.taux}.", "{penalites.taux}"},
		{"Un {mot} entre accolades et {x}.", 1, "Un {mot} entre accolades et {x}.", "{mot}"},
	}
	for _, c := range cases {
		v.Count = c.count
		paras, errs := ParseBody(c.body)
		var got []string
		var missing []string
		for _, p := range paras {
			if p.Holds(v) {
				got = append(got, p.Merge(v, &missing))
			}
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%q: got %q, want %q", c.body, strings.Join(got, "|"), c.want)
		}
		if c.missing == "{mot}" {
			if len(errs) == 0 || errs[0].Value != "{mot}" {
				t.Errorf("%q: unknown field not reported: %v", c.body, errs)
			}
			continue
		}
		if strings.Join(missing, ",") != c.missing {
			t.Errorf("%q: missing %v, want %q", c.body, missing, c.missing)
		}
	}
}

func TestValidateRefuses(t *testing.T) {
	base, _ := Shipped(R1, "fr")
	for _, c := range []struct {
		name   string
		change func(*Template)
		key    string
	}{
		{"unknown field", func(t *Template) { t.Body += "\n\n{client.age} {client.nom}" }, "letters.err.syntax"},
		{"unknown condition", func(t *Template) { t.Body += "\n\n[si:vip] Merci." }, "letters.err.syntax"},
		{"unclosed", func(t *Template) { t.Body += "\n\nMerci {client.nom" }, "letters.err.syntax"},
		{"no subject", func(t *Template) { t.Subject = "" }, "letters.err.line"},
		{"bad channel", func(t *Template) { t.Channel = "fax" }, "letters.err.channel"},
		{"bad lang", func(t *Template) { t.Lang = "de" }, "letters.err.lang"},
	} {
		tp := *base
		c.change(&tp)
		err := tp.Validate()
		if !errors.Is(err, &ledger.Problem{Key: c.key}) {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
}

func TestSaveLoadRestore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	db, err := store.Create(path, ledger.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	day := ledger.NewDate(2026, 11, 23)
	err = db.Update(func(tx *store.Tx) error {
		tp, err := Load(tx, R2, "fr")
		if err != nil || tp.Edited {
			t.Fatalf("shipped: %v %v", tp, err)
		}
		tp.Body = "Bonjour {client.nom}.\n\n{factures.tableau}"
		if err := Save(tx, tp, "Claire", day); err != nil {
			return err
		}
		bad := *tp
		bad.Body = "{inconnu.champ}"
		if err := Save(tx, &bad, "Claire", day); err == nil {
			t.Error("an invalid template was saved")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *store.Tx) error {
		tp, err := Load(tx, R2, "fr")
		if err != nil || !tp.Edited || tp.By != "Claire" || !strings.HasPrefix(tp.Body, "Bonjour") {
			t.Errorf("edited: %+v %v", tp, err)
		}
		all, _ := All(tx)
		if len(all) != len(Stages())*2 {
			t.Errorf("All: %d", len(all))
		}
		return nil
	})
	db.Update(func(tx *store.Tx) error { return Restore(tx, R2, "fr") })
	db.View(func(tx *store.Tx) error {
		tp, _ := Load(tx, R2, "fr")
		if tp.Edited {
			t.Error("not restored")
		}
		return nil
	})
}
