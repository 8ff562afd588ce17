package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger/dunning"
	"relance/ledger/store"
)

// A real company from an empty dossier (issue 18's first steps): relance new, the FEC
// imported, a décompte stopped at the rate tables' end and saying how to complete
// them, the half-year's rates added, then the whole décompte. Each bad input names
// what is wrong and changes nothing.
func TestNewDossierImportAndRates(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "acme.db")
	fec := filepath.Join(dir, "123456789FEC20251231.txt")
	if err := os.WriteFile(fec, []byte(importFEC), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS", "--siren", "732 829 321"); code != 1 || !strings.Contains(stderr, "SIREN invalide") {
		t.Errorf("bad SIREN: %d %s", code, stderr)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatal("a refused dossier was written")
	}
	if code, _, stderr := run(t, "en", "new", "--db", db); code != 2 || !strings.Contains(stderr, "--company") {
		t.Errorf("no company: %d %s", code, stderr)
	}
	code, out, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS", "--siren", "732 829 320")
	if code != 0 || !strings.Contains(out, "relance import --db") {
		t.Fatalf("new: %d %s %s", code, out, stderr)
	}
	if st, err := os.Stat(db); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("dossier mode %v %v", st.Mode(), err)
	}
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "Autre"); code != 1 || !strings.Contains(stderr, "existe déjà") {
		t.Errorf("overwrite: %d %s", code, stderr)
	}
	if code, _, stderr := runImportCLI(t, "fr", "import", "--db", db, fec); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	// testToday is 23/11/2026: the embedded tables stop at 2026 H1.
	_, out, _ = run(t, "fr", "penalties", "--db", db, "--customer", "C1")
	if !strings.Contains(out, "jusqu'au 30/06/2026 seulement") || !strings.Contains(out, "relance rates add") {
		t.Errorf("the capped décompte does not say how to complete it:\n%s", out)
	}
	rev := func() uint64 { return revision(t, db) }
	before := rev()
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--half", "2026-H3", "--ecb", "2.15"}, "semestre « 2026-H3 » invalide"},
		{[]string{"--half", "2026-H2", "--ecb", "abc"}, "taux BCE invalide « abc »"},
		{[]string{"--half", "2026-H2", "--legal-private", "6.67"}, "les deux taux d'intérêt légal"},
		{[]string{"--half", "2026-H2"}, "aucun taux donné"},
	} {
		code, _, stderr := run(t, "fr", append([]string{"rates", "add", "--db", db}, bad.args...)...)
		if code == 0 || !strings.Contains(stderr, bad.want) {
			t.Errorf("%v: %d %s", bad.args, code, stderr)
		}
	}
	if rev() != before {
		t.Error("a refused rate changed the dossier")
	}
	if code, out, stderr := run(t, "fr", "rates", "add", "--db", db, "--half", "2026-S2", "--ecb", "2,15", "--legal-private", "6,67", "--legal-other", "2,62"); code != 0 || !strings.Contains(out, "2nd semestre 2026") {
		t.Fatalf("rates add: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := run(t, "fr", "rates", "add", "--db", db, "--half", "2026-H2", "--ecb", "2.15"); code != 1 || !strings.Contains(stderr, "déjà enregistrés") {
		t.Errorf("twice: %d %s", code, stderr)
	}
	if _, out, _ := run(t, "fr", "rates", "--db", db); !strings.Contains(out, "2026-H2") || !strings.Contains(out, "2.15") {
		t.Errorf("rates list:\n%s", out)
	}
	_, out, _ = run(t, "fr", "penalties", "--db", db, "--customer", "C1", "--format", "json")
	if strings.Contains(out, "seulement") || !strings.Contains(out, `"end": "2026-11-23"`) {
		t.Errorf("the décompte still stops at the tables' end:\n%s", out)
	}

	// The customer's record and the dossier's signatory, then a formal notice.
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--email", "pas un mail"}, "adresse e-mail invalide « pas un mail »"},
		{[]string{"--siren", "123"}, "SIREN ou SIRET invalide « 123 »"},
		{[]string{"--kind", "robot"}, "type de client inconnu « robot »"},
		{[]string{"--address", "12 rue, 6900 Lyon"}, "6900"},
	} {
		code, _, stderr := run(t, "fr", append([]string{"customer", "set", "--db", db, "--customer", "C1"}, bad.args...)...)
		if code == 0 || !strings.Contains(stderr, bad.want) {
			t.Errorf("%v: %d %s", bad.args, code, stderr)
		}
	}
	if code, _, stderr := run(t, "fr", "customer", "set", "--db", db, "--customer", "NOPE", "--kind", "consumer"); code == 0 || !strings.Contains(stderr, "NOPE") {
		t.Errorf("unknown customer: %d %s", code, stderr)
	}
	before = rev()
	if code, _, stderr := run(t, "fr", "settings", "set", "--db", db, "--siren", "111"); code != 1 || !strings.Contains(stderr, "SIREN invalide") || rev() != before {
		t.Errorf("bad settings: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "customer", "set", "--db", db, "--customer", "C1", "--kind", "business",
		"--address", "12 rue des Lilas, 69003 Lyon", "--email", "compta@eric.fr", "--siren", "732829320"); code != 0 {
		t.Fatalf("customer set: %d %s", code, stderr)
	}
	if _, out, _ := run(t, "fr", "customer", "--db", db, "--customer", "C1", "--format", "json"); !strings.Contains(out, `"postcode": "69003"`) || !strings.Contains(out, "compta@eric.fr") {
		t.Errorf("customer show:\n%s", out)
	}
	if code, _, stderr := run(t, "fr", "settings", "set", "--db", db, "--address", "3 place Bellecour, 69002 Lyon",
		"--signatory", "Claire Martin", "--signatory-phone", "04 72 00 00 00", "--signatory-email", "recouvrement@acme.fr"); code != 0 {
		t.Fatalf("settings set: %d %s", code, stderr)
	}
	pdf := filepath.Join(dir, "med.pdf")
	if code, _, stderr := run(t, "fr", "letter", "--db", db, "--customer", "C1", "--stage", "med", "--out", pdf); code != 0 {
		t.Fatalf("formal notice: %d %s", code, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("no PDF: %v", err)
	}
	// A re-import of the ledger keeps what was entered.
	if code, _, stderr := runImportCLI(t, "fr", "import", "--db", db, fec); code != 0 {
		t.Fatalf("re-import: %d %s", code, stderr)
	}
	if _, out, _ := run(t, "fr", "customer", "--db", db, "--customer", "C1"); !strings.Contains(out, "compta@eric.fr") {
		t.Errorf("the record was lost on re-import:\n%s", out)
	}
}

// The rest of a customer's record from the command line: a customer added before its
// first invoice, SIRET, IBAN, collection status, reminders suspended, more contacts;
// each bad value refused with its message, nothing written; each change in the
// customer's history.
func TestCustomerRecordFields(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "acme.db")
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	rev := func() uint64 { return revision(t, db) }
	if code, _, stderr := run(t, "fr", "customer", "add", "--db", db, "--customer", "DUPONT"); code == 0 || !strings.Contains(stderr, "le nom du client ne peut pas être vide") {
		t.Errorf("add without a name: %d %s", code, stderr)
	}
	if code, out, stderr := run(t, "fr", "customer", "add", "--db", db, "--customer", "DUPONT", "--name", "Dupont Bâtiment SARL",
		"--siret", "732 829 320 00074", "--address", "4 allée des Tilleuls, 33000 Bordeaux",
		"--add-contact", "Marie Durand;Comptabilité;m.durand@dupont.fr;05 56 00 00 00"); code != 0 || !strings.Contains(out, "Client DUPONT créé") {
		t.Fatalf("add: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := run(t, "fr", "customer", "add", "--db", db, "--customer", "DUPONT", "--name", "X"); code == 0 || !strings.Contains(stderr, "existe déjà") {
		t.Errorf("add twice: %d %s", code, stderr)
	}
	before := rev()
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--siret", "73282932000075"}, "SIRET invalide « 73282932000075 »"},
		{[]string{"--iban", "FR76 3000 6000 0112 3456 7890 188"}, "IBAN invalide"},
		{[]string{"--status", "perdu"}, "statut inconnu « perdu »"},
		{[]string{"--no-reminder-until", "31/02/2027"}, "date « 31/02/2027 » invalide"},
		{[]string{"--add-contact", "a;b;c;d;e"}, "contact « a;b;c;d;e » invalide"},
		{[]string{"--add-contact", "Paul;DAF;paul@"}, "adresse e-mail invalide « paul@ »"},
		{[]string{"--remove-contact", "3"}, "pas de contact n° 3"},
		{[]string{"--salesperson", "ZZ"}, "commercial inconnu « ZZ »"},
		{[]string{"--bogus", "1"}, "option inconnue --bogus"},
	} {
		code, _, stderr := run(t, "fr", append([]string{"customer", "set", "--db", db, "--customer", "DUPONT"}, bad.args...)...)
		if code == 0 || !strings.Contains(stderr, bad.want) {
			t.Errorf("%v: %d %s", bad.args, code, stderr)
		}
	}
	if rev() != before {
		t.Error("a refused change wrote to the dossier")
	}
	if code, _, stderr := run(t, "fr", "customer", "set", "--db", db, "--customer", "DUPONT", "--iban", "FR76 3000 6000 0112 3456 7890 189",
		"--status", "agency", "--no-reminder-until", "31/01/2027", "--add-contact", "Paul Roux;DAF;paul@dupont.fr",
		"--remove-contact", "1", "--at", "2026-12-01", "--by", "Claire"); code != 0 {
		t.Fatalf("set: %d %s", code, stderr)
	}
	_, out, _ := run(t, "fr", "customer", "--db", db, "--customer", "DUPONT")
	for _, want := range []string{"73282932000074", "732829320", "FR7630006000011234567890189", "Confié à une agence", "31/01/2027", "Paul Roux · DAF · paul@dupont.fr", "4 allée des Tilleuls, 33000 Bordeaux"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Marie Durand") {
		t.Errorf("the removed contact is still there:\n%s", out)
	}
	// The history says who changed what.
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	if err := st.View(func(tx *store.Tx) error {
		acts, err := tx.Actions("DUPONT")
		for _, a := range acts {
			if a.Kind == dunning.KindRecordEdit {
				notes = append(notes, a.Note+" by "+a.By+" on "+a.Date.String())
			}
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if len(notes) != 2 || !strings.HasPrefix(notes[0], "created,name,siren,siret,address,contacts") || notes[1] != "iban,contacts,status,no_reminder_until by Claire on 2026-12-01" {
		t.Errorf("history of the edits: %q", notes)
	}
	// An insolvency status follows the recorded procedure, never a hand edit.
	if code, _, stderr := run(t, "en", "customer", "set", "--db", db, "--customer", "DUPONT", "--status", "insolvency"); code == 0 || !strings.Contains(stderr, "insolvency") {
		t.Errorf("insolvency by hand: %d %s", code, stderr)
	}
}

// relance setup lists what the letters still lack, each with its command, and says
// when nothing is missing; relance new takes the identity at once.
func TestSetupSaysWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "acme.db")
	fec := filepath.Join(dir, "123456789FEC20251231.txt")
	if err := os.WriteFile(fec, []byte(importFEC), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS", "--address", "3 place Bellecour, 6900 Lyon"); code == 0 || !strings.Contains(stderr, "6900") {
		t.Errorf("bad address: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS"); code != 0 {
		t.Fatal(stderr)
	}
	if _, out, _ := run(t, "fr", "setup", "--db", db); !strings.Contains(out, "dossier est vide") || !strings.Contains(out, "l’adresse de la société, le SIREN, l’IBAN du compte à payer") || !strings.Contains(out, "--signatory") {
		t.Errorf("setup of an empty dossier:\n%s", out)
	}
	if code, _, stderr := runImportCLI(t, "fr", "import", "--db", db, fec); code != 0 {
		t.Fatal(stderr)
	}
	_, out, _ := run(t, "fr", "setup", "--db", db)
	if !strings.Contains(out, "Aucun des 2 clients en retard n’a d’adresse postale") || !strings.Contains(out, "relance customer set --db "+db+" --customer C1") ||
		!strings.Contains(out, "Taux du 2nd semestre 2026 manquants") || !strings.Contains(out, "à compter du 01/07/2026") {
		t.Errorf("setup after the import:\n%s", out)
	}
	if code, _, stderr := run(t, "fr", "settings", "set", "--db", db, "--iban", "FR76 3000 6000 0112 3456 7890 188"); code == 0 || !strings.Contains(stderr, "IBAN invalide") {
		t.Errorf("bad IBAN: %d %s", code, stderr)
	}
	run(t, "fr", "settings", "set", "--db", db, "--address", "3 place Bellecour, 69002 Lyon", "--siren", "732829320", "--signatory", "Claire Martin",
		"--signatory-phone", "04 72 00 00 00", "--signatory-email", "recouvrement@acme.fr",
		"--iban", "FR76 3000 6000 0112 3456 7890 189")
	for _, id := range []string{"C1", "C2"} {
		run(t, "fr", "customer", "set", "--db", db, "--customer", id, "--address", "1 rue A, 75001 Paris")
	}
	run(t, "fr", "rates", "add", "--db", db, "--half", "2026-H2", "--ecb", "2,15", "--legal-private", "6,67", "--legal-other", "2,62")
	if _, out, _ := run(t, "fr", "setup", "--db", db, "--format", "json"); strings.Contains(out, "no_address") || strings.Contains(out, "company_missing") || strings.Contains(out, "missing_rates") {
		t.Errorf("setup once complete:\n%s", out)
	}
	if _, out, _ := run(t, "fr", "setup", "--db", db); !strings.Contains(out, "Rien ne manque") {
		t.Errorf("setup once complete:\n%s", out)
	}
}
