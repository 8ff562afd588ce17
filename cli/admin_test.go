package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"relance/desk"
)

// snapshot is what a refused command must leave as it was: the dossier's revision and
// the four settings files it exports.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	ss, err := desk.OpenRead(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	rev, err := ss.DB.Revision()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString(strconv.FormatUint(rev, 10) + "\n")
	for _, export := range []func(*bytes.Buffer) error{
		func(w *bytes.Buffer) error { return ss.ExportSettings(w) },
		func(w *bytes.Buffer) error { return ss.ExportSalespeople(w) },
		func(w *bytes.Buffer) error { return ss.ExportRiskPolicy(w) },
		func(w *bytes.Buffer) error { return ss.ExportScenarios(w) },
	} {
		if err := export(&b); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// newCompany makes a dossier for a company with two customers (C1, C2) imported.
func newCompany(t *testing.T, dir, name string) string {
	t.Helper()
	db := filepath.Join(dir, name+".db")
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", name); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	fec := filepath.Join(dir, "123456789FEC20251231.txt")
	if err := os.WriteFile(fec, []byte(importFEC), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "fr", "import", "--db", db, fec); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	return db
}

// badCase is a command that must be refused with a message (in French) containing
// want, the dossier left as it was.
type badCase struct {
	args []string
	want string
}

func refuseAll(t *testing.T, db string, cases []badCase) {
	t.Helper()
	before := snapshot(t, db)
	for _, c := range cases {
		code, _, stderr := run(t, "fr", c.args...)
		if code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, stderr, c.want)
		}
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("a refused command changed the dossier:\n%s\n→\n%s", before, after)
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := run(t, "fr", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	return out
}

// The salespeople directory from the command line: added, changed, listed as a
// table and as JSON, removed once nobody refers to them; every bad input refused
// with its message, nothing changed.
func TestSalespeopleCommand(t *testing.T) {
	dir := t.TempDir()
	db := newCompany(t, dir, "ACME SAS")
	if out := mustRun(t, "salespeople", "--db", db); !strings.Contains(out, "Aucun commercial") {
		t.Errorf("empty list: %s", out)
	}
	mustRun(t, "salespeople", "add", "--db", db, "--id", "sla", "--name", "Sophie Laurent", "--email", "sophie@acme.fr")
	mustRun(t, "salespeople", "add", "--db", db, "--id", "MBE", "--name", "Marc Bernard")
	if out := mustRun(t, "salespeople", "set", "--db", db, "--id", "mbe", "--phone", "06 12 34 56 02", "--email", "marc@acme.fr"); !strings.Contains(out, "MBE (Marc Bernard) enregistré") {
		t.Errorf("set: %s", out)
	}
	mustRun(t, "customer", "set", "--db", db, "--customer", "C1", "--salesperson", "SLA")
	out := mustRun(t, "salespeople", "list", "--db", db)
	if !strings.Contains(out, "Litiges en cours") || !strings.Contains(out, "marc@acme.fr") || !strings.Contains(out, "06 12 34 56 02") {
		t.Errorf("table:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "SLA") && !strings.Contains(line, "  1  ") {
			t.Errorf("SLA follows C1: %q", line)
		}
	}
	var doc desk.SalespeopleFile
	if err := json.Unmarshal([]byte(mustRun(t, "salespeople", "--db", db, "--format", "json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Kind != desk.KindSalespeople || len(doc.Salespeople) != 2 || doc.Salespeople[0].ID != "MBE" || doc.Salespeople[1].Email != "sophie@acme.fr" {
		t.Errorf("JSON: %+v", doc)
	}
	refuseAll(t, db, []badCase{
		{[]string{"salespeople", "add", "--db", db, "--id", "JDU", "--name", "Jeanne", "--email", "jeanne@"}, "commercial JDU : adresse e-mail invalide « jeanne@ »"},
		{[]string{"salespeople", "set", "--db", db, "--id", "SLA", "--email", "Sophie <sophie@acme.fr>"}, "adresse e-mail invalide « Sophie <sophie@acme.fr> »"},
		{[]string{"salespeople", "set", "--db", db, "--id", "SLA", "--name", " "}, "un commercial doit avoir un identifiant et un nom"},
		{[]string{"salespeople", "add", "--db", db, "--id", "sla", "--name", "Autre"}, "le commercial « SLA » existe déjà : relance salespeople set le modifie"},
		{[]string{"salespeople", "add", "--db", db, "--id", "J DU", "--name", "Jeanne"}, "identifiant de commercial invalide « J DU »"},
		{[]string{"salespeople", "set", "--db", db, "--id", "NOPE", "--name", "X"}, "commercial inconnu « NOPE »"},
		{[]string{"salespeople", "remove", "--db", db, "--id", "NOPE"}, "commercial inconnu « NOPE »"},
		{[]string{"salespeople", "remove", "--db", db, "--id", "sla"}, "le commercial SLA suit encore 1 client(s) (C1) : confiez d'abord chacun à un autre commercial (relance customer set --db DOSSIER --customer ID --salesperson AUTRE)"},
		{[]string{"salespeople", "set", "--db", db, "--id", "SLA"}, "rien à changer"},
		{[]string{"salespeople", "list", "--db", db, "--name", "X"}, "l'option --name ne sert pas à « list »"},
		{[]string{"customer", "set", "--db", db, "--customer", "C2", "--salesperson", "NOPE"}, "commercial inconnu « NOPE »"},
	})
	if out := mustRun(t, "salespeople", "remove", "--db", db, "--id", "mbe"); !strings.Contains(out, "MBE retiré") {
		t.Errorf("remove: %s", out)
	}
	mustRun(t, "customer", "set", "--db", db, "--customer", "C1", "--salesperson", "")
	mustRun(t, "salespeople", "remove", "--db", db, "--id", "SLA")
	if out := mustRun(t, "salespeople", "--db", db); !strings.Contains(out, "Aucun commercial") {
		t.Errorf("after the removals: %s", out)
	}
}

// A salesperson who answers disputes in progress is not removed: the message counts
// them and says where they are handed over.
func TestSalespersonWithDisputes(t *testing.T) {
	db := demoFile(t)
	ss, err := desk.OpenRead(db)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	var use desk.SalespersonUse
	for _, sp := range ss.Salespeople() {
		if u := ss.SalespersonUse(sp.ID); len(u.Disputes) > 0 {
			id, use = sp.ID, u
			break
		}
	}
	if err := ss.Close(); err != nil {
		t.Fatal(err)
	}
	if id == "" {
		t.Fatal("no salesperson of the demo answers a dispute")
	}
	refuseAll(t, db, []badCase{{[]string{"salespeople", "remove", "--db", db, "--id", id},
		strconv.Itoa(len(use.Disputes)) + " litige(s) en cours (" + use.Disputes[0]}})
	_, _, stderr := run(t, "fr", "salespeople", "remove", "--db", db, "--id", id)
	if !strings.Contains(stderr, "« Changer le responsable ou la date » sur la fiche du litige") {
		t.Errorf("no way out: %s", stderr)
	}
}

// Each settings file exported imports back unchanged, into the same dossier and into
// another: export → import → export gives the same bytes.
func TestAdminExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := newCompany(t, dir, "ACME SAS")
	mustRun(t, "settings", "set", "--db", db, "--siren", "732 829 320", "--address", "3 place Bellecour, 69002 Lyon",
		"--signatory", "Claire Martin", "--signatory-email", "recouvrement@acme.fr", "--terms", "45fdm")
	mustRun(t, "salespeople", "add", "--db", db, "--id", "SLA", "--name", "Sophie Laurent", "--email", "sophie@acme.fr", "--phone", "06 12")
	mustRun(t, "salespeople", "add", "--db", db, "--id", "NGU", "--name", "Nadia Guérin")
	mustRun(t, "policy", "set", "--db", db, "--trend-days", "12", "--scale-lateness", "15:20, 30:45, 60:70, 90:90", "--class", "A:35:50")
	mustRun(t, "scenario", "set", "--db", db, "--class", "C", "--step", "-3:email:pre", "--step", "5:letter:r1", "--step", "12:call",
		"--step", "20:block:block", "--step", "30:notice:med", "--step", "45:legal")
	other := filepath.Join(dir, "other.db")
	mustRun(t, "new", "--db", other, "--company", "Autre SARL")
	for _, cmd := range []string{"settings", "salespeople", "policy", "scenario"} {
		file := filepath.Join(dir, cmd+".json")
		if out := mustRun(t, cmd, "export", "--db", db, "--out", file); !strings.Contains(out, file+" écrit") {
			t.Errorf("%s export: %s", cmd, out)
		}
		first, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(first) || !bytes.Contains(first, []byte("\n  \"kind\": ")) {
			t.Errorf("%s: not indented JSON:\n%s", cmd, first)
		}
		stdout := mustRun(t, cmd, "export", "--db", db)
		if stdout != string(first) {
			t.Errorf("%s: the standard output and the file differ", cmd)
		}
		mustRun(t, cmd, "import", "--db", db, file)
		mustRun(t, cmd, "import", file, "--db", other) // the flags after the file too
		for _, d := range []string{db, other} {
			if again := mustRun(t, cmd, "export", "--db", d); again != string(first) {
				t.Errorf("%s: the export changed after the import into %s:\n%s\n→\n%s", cmd, filepath.Base(d), first, again)
			}
		}
	}
	if out := mustRun(t, "settings", "--db", other); !strings.Contains(out, "ACME SAS") || !strings.Contains(out, "recouvrement@acme.fr") {
		t.Errorf("settings imported: %s", out)
	}
	if out := mustRun(t, "scenario", "show", "--db", other, "--class", "c"); !strings.Contains(out, "Classe C — scénario du dossier") || !strings.Contains(out, "call1") {
		t.Errorf("scenario imported:\n%s", out)
	}
}

// A file that is not a valid export is refused with its line and field, in French,
// and changes nothing.
func TestAdminImportRefusals(t *testing.T) {
	dir := t.TempDir()
	db := newCompany(t, dir, "ACME SAS")
	mustRun(t, "salespeople", "add", "--db", db, "--id", "SLA", "--name", "Sophie Laurent")
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	spHead := "{\n  \"kind\": \"relance.salespeople\",\n  \"version\": 1,\n  \"salespeople\": [\n"
	malformed := write("malformed.json", spHead+"    {\"id\": \"AB\", \"name\": \"A B\"}\n    {\"id\": \"CD\", \"name\": \"C D\"}\n  ]\n}\n")
	unknown := write("unknown.json", spHead+"    {\"id\": \"AB\", \"name\": \"A B\"},\n    {\"id\": \"CD\", \"name\": \"C D\",\n     \"team\": \"Nord\"}\n  ]\n}\n")
	badType := write("type.json", spHead+"    {\"id\": \"AB\", \"name\": [\"A\", \"B\"]}\n  ]\n}\n")
	badEmail := write("email.json", spHead+"    {\"id\": \"AB\", \"name\": \"A B\"},\n    {\"id\": \"CD\", \"name\": \"C D\",\n     \"email\": \"cd@acme\"}\n  ]\n}\n")
	twice := write("twice.json", spHead+"    {\"id\": \"AB\", \"name\": \"A B\"},\n    {\"id\": \"ab\", \"name\": \"C D\"}\n  ]\n}\n")
	var policy bytes.Buffer
	policy.WriteString(mustRun(t, "policy", "export", "--db", db))
	badPolicy := write("policy.json", strings.Replace(policy.String(), `"weight": 55`, `"weight": 555`, 1))
	scHead := "{\n  \"kind\": \"relance.scenarios\",\n  \"version\": 1,\n  \"scenarios\": [\n    {\"class\": \"B\", \"steps\": [\n"
	unordered := write("unordered.json", scHead+"      {\"code\": \"r1\", \"offset\": 7, \"channel\": \"letter\", \"template\": \"r1\"},\n      {\"code\": \"c\", \"offset\": 3, \"channel\": \"call\"}\n    ]}\n  ]\n}\n")
	channel := write("channel.json", scHead+"      {\"code\": \"r1\", \"offset\": 7, \"channel\": \"fax\"}\n    ]}\n  ]\n}\n")
	settings := mustRun(t, "settings", "export", "--db", db)
	badSettings := write("settings.json", strings.Replace(settings, `"terms": {`, `"terms": {"weeks": 4, `, 1))
	refuseAll(t, db, []badCase{
		{[]string{"salespeople", "import", "--db", db, malformed}, malformed + ", ligne 6, colonne 5 : JSON mal formé près de « {\"id\": \"CD\""},
		{[]string{"salespeople", "import", "--db", db, unknown}, unknown + ", ligne 7 : champ inconnu « salespeople[1].team »"},
		{[]string{"salespeople", "import", "--db", db, badType}, badType + ", ligne 5 : le champ salespeople[0].name attend un texte entre guillemets, pas […]"},
		{[]string{"salespeople", "import", "--db", db, badEmail}, badEmail + ", ligne 7, commercial n° 2 (identifiant « CD ») : commercial CD : adresse e-mail invalide « cd@acme »"},
		{[]string{"salespeople", "import", "--db", db, twice}, "commercial n° 2 (identifiant « AB ») : le commercial « AB » figure deux fois dans le fichier"},
		{[]string{"salespeople", "import", "--db", db, badPolicy}, "ce n'est pas un export « relance.salespeople » (champ kind : « relance.risk_policy »)"},
		{[]string{"salespeople", "import", "--db", db, filepath.Join(dir, "none.json")}, "none.json : lecture impossible"},
		{[]string{"salespeople", "import", "--db", db}, "le fichier JSON à importer manque"},
		{[]string{"policy", "import", "--db", db, badPolicy}, badPolicy + ", ligne 70 : Politique de risque : valeur « 555 » refusée pour le champ risk_level.weight"},
		{[]string{"scenario", "import", "--db", db, unordered}, unordered + ", ligne 7 : Scénario B, étape 2 : décalage 3 antérieur à l'étape précédente"},
		{[]string{"scenario", "import", "--db", db, channel}, channel + ", ligne 6 : Scénario B, étape 1 : canal inconnu « fax »"},
		{[]string{"settings", "import", "--db", db, badSettings}, "ligne 15 : champ inconnu « settings.terms.weeks »"},
	})
}

// The risk policy from the command line: shown with each option, thresholds, weights,
// scales and class bounds changed, refused as the window's editor refuses them, reset.
func TestPolicyCommand(t *testing.T) {
	dir := t.TempDir()
	db := newCompany(t, dir, "ACME SAS")
	out := mustRun(t, "policy", "--db", db)
	for _, want := range []string{"Sous surveillance", "--weight-outstanding", "Poids : encours", "--scale-amount", "5000:20, 15000:40"} {
		if !strings.Contains(out, want) {
			t.Errorf("show: no %q in\n%s", want, out)
		}
	}
	mustRun(t, "policy", "set", "--db", db, "--weight-dependency", "10", "--scale-amount", "4 000:20, 15000:40, 40000:70, 100000:100", "--class", "c:60")
	var f desk.PolicyFile
	if err := json.Unmarshal([]byte(mustRun(t, "policy", "show", "--db", db, "--format", "json")), &f); err != nil {
		t.Fatal(err)
	}
	if f.Policy.Dependency.Weight != 10 || f.Policy.Outstanding.Amount[0].From != 400000 || f.Policy.Class("C").MaxScore != 60 {
		t.Errorf("not set: %+v", f.Policy)
	}
	refuseAll(t, db, []badCase{
		{[]string{"policy", "set", "--db", db, "--trend-points", "150"}, "option --trend-points : Politique de risque : valeur « 150 » refusée pour le champ risk_level.trend_points"},
		{[]string{"policy", "set", "--db", db, "--weight-outstanding", "beaucoup"}, "valeur « beaucoup » refusée pour le champ outstanding.weight"},
		{[]string{"policy", "set", "--db", db, "--scale-amount", "5000:20, 1000:40"}, "option --scale-amount : Politique de risque : valeur « 1000 » refusée pour le champ outstanding.amount[1].from"},
		{[]string{"policy", "set", "--db", db, "--scale-lateness", "10:20, 30"}, "valeur « 10:20, 30 » refusée pour le champ risk_level.lateness"},
		{[]string{"policy", "set", "--db", db, "--class", "Z:50"}, "classe « Z » inconnue (classes : A, B, C, D)"},
		{[]string{"policy", "set", "--db", db, "--class", "D:90"}, "option --class : Politique de risque : valeur « 90 » refusée pour le champ classes[3].max_score"},
		{[]string{"policy", "set", "--db", db, "--class", "D"}, "« D » illisible pour --class"},
		{[]string{"policy", "set", "--db", db, "--dispute-min", "0"}, "signals.dispute_min"},
		{[]string{"policy", "set", "--db", db}, "rien à changer"},
	})
	mustRun(t, "policy", "reset", "--db", db)
	if out := mustRun(t, "policy", "--db", db); !strings.Contains(out, "5000:20, 15000:40") {
		t.Errorf("not reset:\n%s", out)
	}
}

// The reminder scenarios from the command line: listed, one class shown, its steps
// replaced by day, channel and stage (codes kept), refused as the window's editor
// refuses them, reset.
func TestScenarioCommand(t *testing.T) {
	dir := t.TempDir()
	db := newCompany(t, dir, "ACME SAS")
	out := mustRun(t, "scenario", "--db", db)
	for _, c := range []string{"A", "B", "C", "D"} {
		if !strings.Contains(out, "Classe "+c+" — scénario livré") {
			t.Errorf("no class %s:\n%s", c, out)
		}
	}
	out = mustRun(t, "scenario", "set", "--db", db, "--class", "b", "--step", "5:letter:r1", "--step", "12:call", "--step", "+25:notice:med", "--step", "40:legal")
	if !strings.Contains(out, "Classe B — scénario du dossier") || !strings.Contains(out, "+25") || !strings.Contains(out, "150,00") {
		t.Errorf("set:\n%s", out)
	}
	var sc struct {
		Class string `json:"class"`
		Steps []struct {
			Code    string `json:"code"`
			Offset  int    `json:"offset"`
			Channel string `json:"channel"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "scenario", "show", "--db", db, "--class", "B", "--format", "json")), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Class != "B" || len(sc.Steps) != 4 || sc.Steps[1].Code != "call1" || sc.Steps[2].Offset != 25 {
		t.Errorf("show: %+v", sc)
	}
	refuseAll(t, db, []badCase{
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "7:lettre:r1"}, "Scénario B, étape 1 : canal inconnu « lettre » (letter, email, call, visit, notice, block, legal)"},
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "7:letter:r1", "--step", "3:call"}, "Scénario B, étape 2 : décalage 3 antérieur à l'étape précédente"},
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "7:call:r1"}, "Scénario B, étape 1 : le canal call n'envoie pas de lettre, pas de modèle « r1 »"},
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "7:letter:med"}, "le modèle « med » ne va pas avec le canal letter (modèles possibles : pre, r1, r2, r3, conf, plan, dispute, statement)"},
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "7:letter:r9"}, "modèle de lettre inconnu « r9 »"},
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "sept:letter"}, "Scénario B, étape 1 : jour « sept » invalide dans « sept:letter »"},
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "7"}, "« 7 » illisible : attendu JOUR:CANAL[:MODÈLE]"},
		{[]string{"scenario", "set", "--db", db, "--class", "B", "--step", "400:legal"}, "hors de ±365"},
		{[]string{"scenario", "set", "--db", db, "--class", "Z", "--step", "7:call"}, "classe de risque inconnue « Z » (classes du dossier : A, B, C, D)"},
		{[]string{"scenario", "set", "--db", db, "--class", "B"}, "l'option --step est obligatoire"},
		{[]string{"scenario", "reset", "--db", db, "--class", "Z"}, "classe de risque inconnue « Z »"},
		{[]string{"scenario", "show", "--db", db, "--class", "Z"}, "classe de risque inconnue « Z »"},
	})
	if out := mustRun(t, "scenario", "reset", "--db", db, "--class", "b"); !strings.Contains(out, "Classe B : le scénario livré s'applique de nouveau") {
		t.Errorf("reset: %s", out)
	}
	if out := mustRun(t, "scenario", "show", "--db", db, "--class", "B"); !strings.Contains(out, "scénario livré") {
		t.Errorf("after reset:\n%s", out)
	}
}

// The commands are in the usage, with their summary in the user's language.
func TestAdminCommandsInUsage(t *testing.T) {
	for lang, want := range map[string][]string{
		"fr": {"relance policy [show]", "relance salespeople [list]", "relance scenario [list]", "relance settings [show]",
			"l'annuaire des commerciaux", "les scénarios de relance par classe de risque", "export --db FILE [--out FILE.json]"},
		"en": {"the salespeople directory", "the risk policy: show"},
	} {
		_, out, _ := run(t, lang, "help")
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s usage: no %q", lang, w)
			}
		}
	}
}
