package classroom

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"relance/ledger"
)

// TestParseRoster reads the lists a trainer receives: text, Excel CSV with « ; » or
// « , », cells pasted with tabs, quoted names, a header, a BOM, Windows line ends and
// blank lines; each trainee "name|group".
func TestParseRoster(t *testing.T) {
	cases := []struct {
		name, file, text, group string
		want                    []string
	}{
		{"text", "liste.txt", "Léa Martin\nPaul Roux\n", "Lyon", []string{"Léa Martin|Lyon", "Paul Roux|Lyon"}},
		{"no group", "liste.txt", "Léa Martin", "", []string{"Léa Martin|"}},
		{"bom crlf blank", "liste.txt", "\ufeffLéa Martin\r\n\r\n  \r\nPaul  Roux \r\n", "", []string{"Léa Martin|", "Paul Roux|"}},
		{"semicolon header", "export.csv", "\ufeffNom;Groupe\r\nLéa Martin;Lyon\r\nPaul Roux;\r\n;\r\n", "Paris", []string{"Léa Martin|Lyon", "Paul Roux|Paris"}},
		{"comma csv", "export.csv", "Name,Group\nLéa Martin,Lyon\n\"Dupont, Marie\",Lyon 2\n", "", []string{"Léa Martin|Lyon", "Dupont, Marie|Lyon 2"}},
		{"comma space is a name", "export.csv", "Dupont, Marie\nRoux, Paul\n", "G", []string{"Dupont, Marie|G", "Roux, Paul|G"}},
		{"comma in text file", "liste.txt", "Dupont,Marie\n", "", []string{"Dupont,Marie|"}},
		{"semicolon wins", "export.csv", "Dupont, Marie;Lyon\nRoux,Paul;Lyon\n", "", []string{"Dupont, Marie|Lyon", "Roux,Paul|Lyon"}},
		{"tab pasted", "liste collée", "Léa Martin\tLyon\nPaul Roux\t\n", "Paris", []string{"Léa Martin|Lyon", "Paul Roux|Paris"}},
		{"quoted semicolon", "export.csv", "\"Léa Martin\";\"Lyon\"\n'Paul Roux'\n« Zoé Petit »\n", "", []string{"Léa Martin|Lyon", "Paul Roux|", "Zoé Petit|"}},
		{"header words", "liste.txt", "STAGIAIRE\nLéa Martin\n", "", []string{"Léa Martin|"}},
		{"header trainee", "liste.txt", "Trainee\nLéa Martin;Lyon\n", "", []string{"Léa Martin|Lyon"}},
		{"header only first line", "liste.txt", "Léa Martin\nNom\n", "", []string{"Léa Martin|", "Nom|"}},
		{"nom prénom", "export.csv", "Nom;Prénom;Groupe\nMartin;Léa;Lyon\nRoux;;Lyon\n", "", []string{"Léa Martin|Lyon", "Roux|Lyon"}},
		{"other column ignored", "export.csv", "Nom;Entreprise\nLéa Martin;Acme\n", "Lyon", []string{"Léa Martin|Lyon"}},
		{"extra fields", "export.csv", "Léa Martin;Lyon;lea@example.fr\n", "", []string{"Léa Martin|Lyon"}},
		{"old mac line ends", "liste.txt", "Léa Martin\rPaul Roux\r", "", []string{"Léa Martin|", "Paul Roux|"}},
	}
	for _, c := range cases {
		ts, err := ParseRoster(c.file, strings.NewReader(c.text), c.group)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, tr := range ts {
			got = append(got, tr.Name+"|"+tr.Group)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestParseRosterRefused: each refusal names the file, the line and the value, in
// French and English.
func TestParseRosterRefused(t *testing.T) {
	long := strings.Repeat("é", 101) // 202 bytes
	many := ""
	for i := 1; i <= MaxRosterNames+1; i++ {
		many += "Stagiaire " + strconv.Itoa(i) + "\n"
	}
	cases := []struct {
		name, file, text, key, line, value string
	}{
		{"latin-1", "export.csv", "Nom;Groupe\nL\xe9a Martin;Lyon\n", "classroom.err.roster_utf8", "2", "L�a Martin;Lyon"},
		{"latin-1 crlf", "liste.txt", "Paul\r\nZo\xe9\r\n", "classroom.err.roster_utf8", "2", "Zo�"},
		{"long name", "liste.txt", "Paul\n\n" + long + "\n", "classroom.err.roster_long", "3", strings.Repeat("é", 60) + "…"},
		{"long group", "liste.csv", "Paul;" + long + "\n", "classroom.err.roster_long", "1", strings.Repeat("é", 60) + "…"},
		{"no name", "liste.csv", "Paul;Lyon\n;Lyon\n", "classroom.err.roster_name", "2", "; Lyon"},
		{"control", "liste.txt", "Pa\x07ul\n", "classroom.err.roster_name", "1", "Pa�ul"},
		{"too many", "liste.txt", many, "classroom.err.roster_lines", "501", "Stagiaire 501"},
		{"empty", "vide.csv", "\ufeffNom;Groupe\r\n\r\n", "classroom.err.roster_empty", "", ""},
	}
	for _, c := range cases {
		_, err := ParseRoster(c.file, strings.NewReader(c.text), "")
		var p *ledger.Problem
		if !errors.As(err, &p) || p.Key != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
			continue
		}
		fr, en := p.Localize("fr"), p.Localize("en")
		if !strings.Contains(fr, c.file) || !strings.Contains(fr, c.value) || c.line != "" && !strings.Contains(fr, "ligne "+c.line+" ") {
			t.Errorf("%s: %q", c.name, fr)
		}
		if !strings.Contains(en, c.file) || c.line != "" && !strings.Contains(en, "line "+c.line+":") || strings.Contains(en, "{") {
			t.Errorf("%s: %q", c.name, en)
		}
	}
	if _, err := ParseRoster("x.txt", strings.NewReader(strings.Repeat("a", 1<<20+1)), ""); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "1 Mo") {
		t.Errorf("big: %v", err)
	}
	if _, err := ParseRoster("x.txt", iotestErr{}, ""); !errors.Is(err, errBroken) {
		t.Errorf("read error not wrapped: %v", err)
	}
}

var errBroken = errors.New("broken")

// iotestErr is a reader that fails.
type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, errBroken }

// TestRosterSummary says what was added, where, and who was already there.
func TestRosterSummary(t *testing.T) {
	a, b := Trainee{Name: "A", Group: "Lyon"}, Trainee{Name: "B", Group: "Lyon"}
	c := Trainee{Name: "C", Group: "Paris"}
	lyon := []Trainee{a, b}
	cases := []struct {
		lang        string
		list, added []Trainee
		skip        []string
		want        string
	}{
		{"fr", lyon, lyon, nil, "2 stagiaires ajoutés (groupe Lyon)."},
		{"fr", lyon, lyon[:1], []string{"B"}, "1 stagiaire ajouté (groupe Lyon) ; déjà inscrit : B."},
		{"fr", lyon, nil, []string{"A", "B"}, "0 stagiaire ajouté (groupe Lyon) ; déjà inscrits : A et B."},
		{"fr", []Trainee{{Name: "A"}}, []Trainee{{Name: "A"}}, nil, "1 stagiaire ajouté (sans groupe)."},
		{"fr", []Trainee{c, a, b}, []Trainee{c, a, b}, nil, "3 stagiaires ajoutés (groupes Paris et Lyon)."},
		{"fr", []Trainee{c, a, {Name: "D", Group: "Nice"}}, []Trainee{c, a}, []string{"D", "E", "F"}, "2 stagiaires ajoutés (groupes Paris et Lyon) ; déjà inscrits : D, E et F."},
		{"en", lyon, lyon[:1], []string{"B"}, "1 trainee added (group Lyon); already enrolled: B."},
		{"en", lyon, nil, nil, "0 trainees added (group Lyon)."},
		{"en", []Trainee{c, a}, []Trainee{c, a}, []string{"D", "E"}, "2 trainees added (groups Paris and Lyon); already enrolled: D and E."},
	}
	for _, c := range cases {
		if got := RosterSummary(c.lang, c.list, c.added, c.skip); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
