package desk_test

import (
	"bytes"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
)

// localized is err in French, or "" when nil.
func localized(err error) string {
	if err == nil {
		return ""
	}
	return ledger.Localize(err, "fr")
}

// Every export of a dossier imports back into it unchanged, and an import of another
// dossier's export gives the same export.
func TestAdminFilesRoundTrip(t *testing.T) {
	s := openDemo(t)
	if _, err := s.SetScenarioSteps("d", []string{"-7:call", "3:letter:r1", "10:block:block", "21:notice:med", "40:legal"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	type kind struct {
		name     string
		export   func(*desk.Session, *bytes.Buffer) error
		importer func(*desk.Session, string, []byte) error
	}
	kinds := []kind{
		{"settings", func(s *desk.Session, b *bytes.Buffer) error { return s.ExportSettings(b) }, (*desk.Session).ImportSettings},
		{"salespeople", func(s *desk.Session, b *bytes.Buffer) error { return s.ExportSalespeople(b) },
			func(s *desk.Session, n string, d []byte) error { _, err := s.ImportSalespeople(n, d); return err }},
		{"policy", func(s *desk.Session, b *bytes.Buffer) error { return s.ExportRiskPolicy(b) }, (*desk.Session).ImportRiskPolicy},
		{"scenarios", func(s *desk.Session, b *bytes.Buffer) error { return s.ExportScenarios(b) },
			func(s *desk.Session, n string, d []byte) error { _, err := s.ImportScenarios(n, d); return err }},
	}
	other := openDemo(t)
	for _, k := range kinds {
		var before, after, there bytes.Buffer
		if err := k.export(s, &before); err != nil {
			t.Fatal(err)
		}
		if err := k.importer(s, k.name+".json", before.Bytes()); err != nil {
			t.Fatalf("%s: %s", k.name, localized(err))
		}
		if err := k.importer(other, k.name+".json", before.Bytes()); err != nil {
			t.Fatalf("%s into another dossier: %s", k.name, localized(err))
		}
		for _, x := range []*desk.Session{s, other} {
			if err := x.Reload(); err != nil {
				t.Fatal(err)
			}
		}
		if err := k.export(s, &after); err != nil {
			t.Fatal(err)
		}
		if err := k.export(other, &there); err != nil {
			t.Fatal(err)
		}
		if before.String() != after.String() || before.String() != there.String() {
			t.Errorf("%s: the export changed:\n%s\nafter the import:\n%s\nin the other dossier:\n%s", k.name, before.String(), after.String(), there.String())
		}
	}
}

// A malformed or foreign file is refused, naming the file, the line and the field;
// nothing is written.
func TestAdminFileRefusals(t *testing.T) {
	s := openDemo(t)
	rev := revision(t, s)
	for _, c := range []struct{ what, data, want string }{
		{"empty", "  \n", "sp.json : le fichier est vide"},
		{"not UTF-8", "{\"kind\": \"\xff\"}", "pas en UTF-8"},
		{"syntax", "{\n  \"kind\": \"relance.salespeople\",\n  \"version\": 1\n  \"salespeople\": []\n}", "sp.json, ligne 4, colonne 3 : JSON mal formé près de « \"salespeople\": [] »"},
		{"open", "{\n  \"kind\": \"relance.salespeople\",\n  \"salespeople\": [\n", "ligne 4 : fin de fichier inattendue"},
		{"trailing", "{\"kind\": \"relance.salespeople\", \"version\": 1, \"salespeople\": []}\n{}", "ligne 2 : du texte suit le document JSON"},
		{"kind", `{"kind": "relance.risk_policy", "version": 1, "policy": {}}`, "ce n'est pas un export « relance.salespeople » (champ kind : « relance.risk_policy »)"},
		{"version", "{\"kind\": \"relance.salespeople\",\n\"version\": 7}", "sp.json, ligne 2 : version 7 du fichier inconnue"},
		{"unknown field", "{\"kind\": \"relance.salespeople\", \"version\": 1, \"salespeople\": [\n {\"id\": \"AB\", \"name\": \"A B\"},\n {\"id\": \"CD\", \"name\": \"C D\", \"team\": \"Nord\"}]}",
			"sp.json, ligne 3 : champ inconnu « salespeople[1].team »"},
		{"type", "{\"kind\": \"relance.salespeople\", \"version\": 1, \"salespeople\": [\n {\"id\": \"AB\",\n  \"name\": 12}]}",
			"sp.json, ligne 3 : le champ salespeople[0].name attend un texte entre guillemets, pas 12"},
		{"bad e-mail", "{\"kind\": \"relance.salespeople\", \"version\": 1, \"salespeople\": [\n {\"id\": \"AB\", \"name\": \"A B\"},\n {\"id\": \"cd\", \"name\": \"C D\",\n  \"email\": \"c.d@\"}]}",
			"sp.json, ligne 4, commercial n° 2 (identifiant « CD ») : commercial CD : adresse e-mail invalide « c.d@ »"},
		{"twice", "{\"kind\": \"relance.salespeople\", \"version\": 1, \"salespeople\": [\n {\"id\": \"AB\", \"name\": \"A B\"},\n {\"id\": \"ab\", \"name\": \"C D\"}]}",
			"ligne 3, commercial n° 2 (identifiant « AB ») : le commercial « AB » figure deux fois"},
	} {
		_, err := s.ImportSalespeople("sp.json", []byte(c.data))
		if got := localized(err); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", c.what, got, c.want)
		}
	}
	for _, c := range []struct{ what, data, want string }{
		{"order", "{\"kind\": \"relance.scenarios\", \"version\": 1, \"scenarios\": [{\"class\": \"B\", \"steps\": [\n{\"code\": \"r1\", \"offset\": 7, \"channel\": \"letter\", \"template\": \"r1\"},\n{\"code\": \"c\", \"offset\": 3, \"channel\": \"call\"}]}]}",
			"sc.json, ligne 3 : Scénario B, étape 2 : décalage 3 antérieur"},
		{"channel", "{\"kind\": \"relance.scenarios\", \"version\": 1, \"scenarios\": [{\"class\": \"B\", \"steps\": [\n{\"code\": \"r1\", \"offset\": 7, \"channel\": \"fax\"}]}]}",
			"sc.json, ligne 2 : Scénario B, étape 1 : canal inconnu « fax »"},
		{"stage", "{\"kind\": \"relance.scenarios\", \"version\": 1, \"scenarios\": [{\"class\": \"B\", \"steps\": [\n{\"code\": \"r1\", \"offset\": 7, \"channel\": \"call\", \"template\": \"med\"}]}]}",
			"le canal call n'envoie pas de lettre"},
		{"class", "{\"kind\": \"relance.scenarios\", \"version\": 1, \"scenarios\": [\n{\"class\": \"Z\", \"steps\": [{\"code\": \"r1\", \"offset\": 7, \"channel\": \"call\"}]}]}",
			"sc.json, ligne 2 : classe de risque inconnue « Z »"},
	} {
		_, err := s.ImportScenarios("sc.json", []byte(c.data))
		if got := localized(err); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", c.what, got, c.want)
		}
	}
	var pol bytes.Buffer
	if err := s.ExportRiskPolicy(&pol); err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(pol.String(), `"max_score": 55`, `"max_score": 155`, 1)
	if got := localized(s.ImportRiskPolicy("pol.json", []byte(bad))); !strings.Contains(got, "ligne 23 : Politique de risque : valeur « 155 » refusée pour le champ classes[2].max_score") {
		t.Errorf("policy: %s", got)
	}
	var set bytes.Buffer
	if err := s.ExportSettings(&set); err != nil {
		t.Fatal(err)
	}
	bad = strings.Replace(set.String(), `"siren": "`, `"siren": "1`, 1)
	if got := localized(s.ImportSettings("set.json", []byte(bad))); !strings.Contains(got, "set.json, ligne 9 : SIREN invalide") {
		t.Errorf("settings: %s\n%s", got, set.String())
	}
	if after := revision(t, s); after != rev {
		t.Errorf("a refused file wrote (revision %d → %d)", rev, after)
	}
}

// Removing a salesperson still named is refused with the counts; the steps of a
// scenario set by day and channel keep the codes of the steps before.
func TestRemoveSalespersonAndSetSteps(t *testing.T) {
	s := openDemo(t)
	rev := revision(t, s)
	u := s.SalespersonUse("SLA")
	if len(u.Customers) == 0 {
		t.Fatal("the demo's SLA follows no customer")
	}
	err := s.RemoveSalesperson("sla")
	refused(t, s, "in use", err, "", rev)
	if got := localized(err); !strings.Contains(got, "relance customer set") || !strings.Contains(got, u.Customers[0]) {
		t.Errorf("in use: %s", got)
	}
	refused(t, s, "unknown", s.RemoveSalesperson("NOPE"), "admin.err.sp_unknown", rev)
	refused(t, s, "bad e-mail", s.AddSalesperson(ledger.Salesperson{ID: "JDU", Name: "J", Email: "j@"}), "admin.err.sp_email", rev)
	refused(t, s, "exists", s.AddSalesperson(ledger.Salesperson{ID: "sla", Name: "Autre"}), "admin.err.sp_exists", rev)
	if err := s.AddSalesperson(ledger.Salesperson{ID: " jdu ", Name: "Jeanne Dupré"}); err != nil {
		t.Fatal(err)
	}
	written(t, s, "add", rev)
	rev = revision(t, s)
	if err := s.RemoveSalesperson("jdu"); err != nil {
		t.Fatal(err)
	}
	written(t, s, "remove", rev)
	if s.Book.Salesperson("JDU") != nil {
		t.Error("JDU still there")
	}

	rev = revision(t, s)
	for _, c := range []struct {
		specs []string
		key   string
	}{
		{[]string{"7:letter:r1", "3:call"}, "dunning.err.step_order"},
		{[]string{"7:fax"}, "dunning.err.step_channel"},
		{[]string{"7:call:r1"}, "admin.err.step_no_stage"},
		{[]string{"7:letter:med"}, "admin.err.step_stage"},
		{[]string{"7"}, "admin.err.step_n"},
		{[]string{"x:call"}, "admin.err.step_n"},
	} {
		_, err := s.SetScenarioSteps("B", c.specs)
		refused(t, s, strings.Join(c.specs, " "), err, c.key, rev)
	}
	_, err = s.SetScenarioSteps("Z", []string{"7:call"})
	refused(t, s, "class", err, "admin.err.scenario_class", rev)
	sc, err := s.SetScenarioSteps("b", []string{"5:email:pre", "7:letter:r1", "15:call", "16:call", "35:notice:med"})
	if err != nil {
		t.Fatal(localized(err))
	}
	var codes []string
	for _, st := range sc.Steps {
		codes = append(codes, st.Code)
	}
	if got := strings.Join(codes, " "); got != "pre r1 call1 call2 med" {
		t.Errorf("codes %s", got)
	}
	shipped := dunning.DefaultScenarios()["B"].Steps
	if med := sc.Steps[4]; med.MinAmount != shipped[3].MinAmount || !med.Manual || sc.Steps[0].Manual {
		t.Errorf("the formal notice step lost its minimum or its validation: %+v", sc.Steps)
	}
}
