package classroom

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"relance/assets/i18n"
	"relance/ledger"
)

// A roster is the attendance list of a session a trainer receives: a text file with
// one name per line, or a CSV exported from Excel (« ; » or « , » separated, a tab when
// cells are pasted from a spreadsheet), maybe with a header row, a UTF-8 BOM, Windows
// line ends and blank lines. ParseRoster reads it into trainees that
// desk.Session.AddTrainees stores at once (`relance trainee import`, the « Ajouter un
// groupe… » form of the trainees' dialog).

// Limits of a roster.
const (
	MaxRosterNames = 500     // names in one list: a session, not a whole school
	maxRosterBytes = 1 << 20 // 1 MiB, far above 500 names
	maxTextBytes   = 200     // a name or a group, as Trainee.Validate
)

// ParseRoster reads the roster in r, called file in messages, into trainees (neither ID
// nor Added set): one per non-blank line, the first field the name, the second the
// group, else group. A header row — its first cell « Nom », « Name », « Stagiaire »,
// « Trainee » or « Prénom » — is skipped, and names the columns: with « Nom;Prénom » the
// name is « Prénom Nom »; a group column is then the one headed « Groupe », « Group »,
// « Session » or « Classe » (none: every trainee gets group). Spaces and quotes around
// a name are trimmed. The separator is the one most lines hold among « ; » and tab, and
// « , » in a .csv file only (a comma followed by a space, « Dupont, Marie », is part of
// a name). Invalid UTF-8, a name or group over 200 bytes, a control character, more than
// MaxRosterNames names or none at all are refused with a *ledger.Problem naming the
// file, the line and the value.
func ParseRoster(file string, r io.Reader, group string) ([]Trainee, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRosterBytes+1))
	if err != nil {
		return nil, &ledger.Problem{Key: "classroom.err.roster_read", Args: []string{"file", file}, Err: err}
	}
	if len(data) > maxRosterBytes {
		return nil, &ledger.Problem{Key: "classroom.err.roster_big", Args: []string{"file", file, "max", "1"}}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line, value := invalidLine(data)
		return nil, rosterProblem("classroom.err.roster_utf8", file, line, value)
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = separator(file, text)
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = cr.Comma != '\t' // a tab is a space: « \tLyon » would lose its empty name
	cols := columns{name: 0, first: -1, group: 1}
	group = strings.Join(strings.Fields(group), " ")
	var out []Trainee
	for seen := false; ; {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil { // not with LazyQuotes from a string: kept for safety
			return nil, &ledger.Problem{Key: "classroom.err.roster_read", Args: []string{"file", file}, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if !seen {
			seen = true
			if c, ok := header(rec); ok {
				cols = c
				continue
			}
		}
		t, key, value := cols.trainee(rec, group)
		if key != "" {
			return nil, rosterProblem(key, file, line, value)
		}
		if len(out) == MaxRosterNames {
			p := rosterProblem("classroom.err.roster_lines", file, line, t.Name)
			p.Args = append(p.Args, "max", strconv.Itoa(MaxRosterNames))
			return nil, p
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return nil, &ledger.Problem{Key: "classroom.err.roster_empty", Args: []string{"file", file}}
	}
	return out, nil
}

// rosterProblem is a refusal of roster file at line, value shortened to be read in a
// message.
func rosterProblem(key, file string, line int, value string) *ledger.Problem {
	if r := []rune(value); len(r) > 60 {
		value = string(r[:60]) + "…"
	}
	return &ledger.Problem{Key: key, Args: []string{"file", file, "line", strconv.Itoa(line), "value", value}}
}

// invalidLine returns the line number of data's first invalid UTF-8 byte and that line,
// the bad bytes shown as « � ».
func invalidLine(data []byte) (int, string) {
	line, start := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			end := bytes.IndexByte(data[i:], '\n')
			if end < 0 {
				end = len(data) - i
			}
			return line, strings.TrimSpace(strings.ToValidUTF8(string(data[start:i+end]), "�"))
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return line, ""
}

// separator is the field separator of text: among « ; », tab and — in a .csv file —
// « , » not followed by a space, the one most non-blank lines hold (« ; » first on a
// tie); « ; » when none appears (one name per line).
func separator(file, text string) rune {
	cands := []rune{';', '\t'}
	if strings.EqualFold(filepath.Ext(file), ".csv") {
		cands = append(cands, ',')
	}
	counts := make([]int, len(cands))
	for n, line := range strings.Split(text, "\n") {
		if n == 100 {
			break
		}
		for i, c := range cands {
			if c == ',' {
				if strings.Contains(strings.ReplaceAll(line, ", ", ""), ",") {
					counts[i]++
				}
			} else if strings.ContainsRune(line, c) {
				counts[i]++
			}
		}
	}
	best := 0
	for i := range cands {
		if counts[i] > counts[best] {
			best = i
		}
	}
	return cands[best]
}

// columns are the indexes of a roster's fields: the name, the first name (-1: none,
// the name is whole) and the group (-1: none).
type columns struct{ name, first, group int }

// Header words, lower-case, by the column they head.
var (
	nameHeads  = []string{"nom", "name", "stagiaire", "stagiaires", "trainee", "trainees", "nom du stagiaire", "nom complet", "full name", "nom et prénom", "nom prénom", "participant", "last name", "surname", "nom de famille"}
	firstHeads = []string{"prénom", "prenom", "first name", "firstname", "given name"}
	groupHeads = []string{"groupe", "group", "session", "classe", "class"}
)

// header reports whether rec is a header row, by its first cell, and the columns it
// names.
func header(rec []string) (columns, bool) {
	head := func(s string) string { return strings.ToLower(strings.TrimSuffix(clean(s), ":")) }
	first := head(rec[0])
	if !in(first, nameHeads) && !in(first, firstHeads) {
		return columns{}, false
	}
	c := columns{name: -1, first: -1, group: -1}
	for i, cell := range rec {
		h := head(cell)
		switch {
		case in(h, nameHeads) && c.name < 0:
			c.name = i
		case in(h, firstHeads) && c.first < 0:
			c.first = i
		case in(h, groupHeads) && c.group < 0:
			c.group = i
		}
	}
	if c.name < 0 { // « Prénom » alone: the names are whole
		c.name, c.first = c.first, -1
	}
	if len(rec) == 1 { // « Nom » alone: a group may follow on the lines
		c.group = 1
	}
	return c, true
}

// in reports whether s is one of list.
func in(s string, list []string) bool {
	for _, w := range list {
		if s == w {
			return true
		}
	}
	return false
}

// trainee reads the trainee of rec, its group defaulting to group, or returns the key
// of the problem and the value refused.
func (c columns) trainee(rec []string, group string) (t Trainee, key, value string) {
	field := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return clean(rec[i])
	}
	t = Trainee{Name: field(c.name), Group: field(c.group)}
	if f := field(c.first); f != "" {
		t.Name = strings.TrimSpace(f + " " + t.Name)
	}
	if t.Group == "" {
		t.Group = group
	}
	switch {
	case t.Name == "" || strings.IndexFunc(t.Name+t.Group, unicode.IsControl) >= 0:
		return t, "classroom.err.roster_name", strings.ToValidUTF8(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return '�'
			}
			return r
		}, strings.TrimSpace(strings.Join(rec, " ; "))), "")
	case len(t.Name) > maxTextBytes:
		return t, "classroom.err.roster_long", t.Name
	case len(t.Group) > maxTextBytes:
		return t, "classroom.err.roster_long", t.Group
	}
	return t, "", ""
}

// clean trims the spaces and quotes around s and makes each run of spaces inside one
// space.
func clean(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("\"'«»“”‘’", r) })
	return strings.Join(strings.Fields(s), " ")
}

// blank reports whether every field of rec is empty once cleaned.
func blank(rec []string) bool {
	for _, f := range rec {
		if clean(f) != "" {
			return false
		}
	}
	return true
}

// RosterSummary says in lang what adding list did: how many trainees were added, in
// which groups (those of added, else of list), and who was already enrolled (« 2
// stagiaires ajoutés (groupe Lyon) ; déjà inscrit : Léa Martin. »), for `relance
// trainee import` and the « Ajouter un groupe… » form alike.
func RosterSummary(lang string, list, added []Trainee, skipped []string) string {
	from := added
	if len(from) == 0 {
		from = list
	}
	var groups []string
	for _, t := range from {
		if t.Group != "" && !in(t.Group, groups) {
			groups = append(groups, t.Group)
		}
	}
	var where string
	switch len(groups) {
	case 0:
		where = i18n.T(lang, "classroom.roster.no_group")
	case 1:
		where = i18n.T(lang, "classroom.roster.group", "name", groups[0])
	default:
		where = i18n.T(lang, "classroom.roster.groups", "names", enumerate(lang, groups))
	}
	msg := i18n.T(lang, i18n.N(lang, "classroom.roster.added", len(added)), "n", strconv.Itoa(len(added)), "groups", where)
	if len(skipped) == 0 {
		return i18n.T(lang, "classroom.roster.done", "added", msg)
	}
	return i18n.T(lang, i18n.N(lang, "classroom.roster.skipped", len(skipped)), "added", msg, "names", enumerate(lang, skipped))
}

// enumerate joins list as a sentence does: « A, B et C ».
func enumerate(lang string, list []string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + i18n.T(lang, "classroom.roster.and") + list[len(list)-1]
}
