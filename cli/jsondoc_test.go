package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"relance/ledger"
)

// docs/json.md documents the JSON of every command: for each, a ```sh block of
// command lines (the ones this test runs, on the demo dossier at 4 December 2026) and
// the ```json block of the schema their output follows; one ```json block holds the
// common objects ("$defs") the schemas refer to.

const jsonDocPath = "../docs/json.md"

// jsonDocToday is the date the demo dossier is made for and the commands run at.
var jsonDocToday = ledger.NewDate(2026, time.December, 4)

// jsonDocFiles are the files the documented command lines name, and the test data
// they stand for; dossier.db is the demo dossier.
var jsonDocFiles = map[string]string{
	"lettre.txt":         filepath.Join("..", "letters", "check", "testdata", "letters", "fr_r1_b2b.txt"),
	"releve.xml":         filepath.Join("..", "testdata", "bank", "releve-demo.camt053.xml"),
	"clients.csv":        filepath.Join("..", "testdata", "customers", "fichier-clients.csv"),
	"taux.csv":           filepath.Join("..", "testdata", "rates", "taux-2026-S2.csv"),
	"reponses-quiz.json": filepath.Join("..", "testdata", "quiz", "reponses-quiz.json"),
	"grille.json":        filepath.Join("..", "testdata", "roleplay", "grille.json"),
}

// notJSON are the sub-verbs whose synopsis shares a segment with --format json but
// which print no JSON.
var notJSON = map[string]string{
	"risk override":  "records a class set by hand, prints a confirmation",
	"risk ack":       "records that a signal was seen, prints a confirmation",
	"risk proposals": "lists or decides the class changes, as a table",
}

// jsonDocEntry is one schema of the documentation and the command lines it covers.
type jsonDocEntry struct {
	line     int // of the schema block in the file
	schema   map[string]any
	commands [][]string // each without "relance"
}

// jsonDoc is the parsed documentation.
type jsonDoc struct {
	defs    map[string]any
	entries []jsonDocEntry
}

// readJSONDoc parses the fenced blocks of docs/json.md: a ```sh block's lines that
// start with "relance " are command lines, which the next ```json schema covers; the
// ```json block with "$defs" is the common objects.
func readJSONDoc(t *testing.T) *jsonDoc {
	t.Helper()
	data, err := os.ReadFile(jsonDocPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := &jsonDoc{}
	var pending [][]string
	var lang string
	var block []string
	start := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "```") {
			if lang == "" && line != "```" {
				lang, block, start = strings.Fields(strings.TrimPrefix(line, "```"))[0], nil, n
				continue
			}
			if lang == "" {
				t.Fatalf("json.md:%d: a fence without a language", n)
			}
			switch lang {
			case "sh":
				for _, l := range block {
					if f := strings.Fields(l); len(f) > 1 && f[0] == "relance" {
						pending = append(pending, f[1:])
					}
				}
			case "json":
				var v map[string]any
				if err := json.Unmarshal([]byte(strings.Join(block, "\n")), &v); err != nil {
					t.Fatalf("json.md:%d: %v", start, err)
				}
				if defs, ok := v["$defs"].(map[string]any); ok {
					if doc.defs != nil {
						t.Fatalf("json.md:%d: a second $defs block", start)
					}
					doc.defs = defs
				} else {
					if len(pending) == 0 {
						t.Errorf("json.md:%d: a schema with no command line before it", start)
					}
					doc.entries = append(doc.entries, jsonDocEntry{start, v, pending})
					pending = nil
				}
			}
			lang = ""
			continue
		}
		if lang != "" {
			block = append(block, line)
		}
	}
	if lang != "" {
		t.Fatalf("json.md:%d: fence not closed", start)
	}
	if len(pending) > 0 {
		t.Errorf("json.md: command lines with no schema after them: %v", pending)
	}
	if doc.defs == nil {
		t.Fatal("json.md: no $defs block")
	}
	return doc
}

// modeOf is the command of a documented command line: the command's name and, when
// the command has sub-verbs, the sub-verb it names ("judgment list").
func modeOf(args []string) (string, bool) {
	cmd := lookupCommand(args[0])
	if cmd == nil || cmd.Name != args[0] {
		return "", false
	}
	if len(args) > 1 {
		for _, v := range commandVerbs(cmd) {
			if v != "" && v == args[1] {
				return cmd.Name + " " + v, true
			}
		}
	}
	return cmd.Name, true
}

// writesJSON matches a synopsis segment that offers JSON output.
var writesJSON = regexp.MustCompile(`--format [a-z|]*\bjson\b|--out FILE\.json`)

// jsonModes lists, from the command table, every command and sub-verb whose synopsis
// offers JSON (--format …json…, --out FILE.json), in the form modeOf gives.
func jsonModes() []string {
	seen := map[string]bool{}
	for _, c := range commands() {
		for _, part := range strings.Split(c.Args, " | ") {
			if !writesJSON.MatchString(part) {
				continue
			}
			verbs := []string{""}
			if f := strings.Fields(part); len(f) > 0 {
				tok := strings.Trim(f[0], "[]")
				if tok != "" && isVerbWord(tok) {
					verbs = strings.Split(tok, "|")
					if strings.HasPrefix(f[0], "[") && len(verbs) > 1 {
						verbs = append([]string{""}, verbs...)
					}
				}
			}
			for _, v := range verbs {
				m := strings.TrimSpace(c.Name + " " + v)
				if _, skip := notJSON[m]; !skip {
					seen[m] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for m := range seen {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// TestJSONDocCoversEveryCommand: docs/json.md parses, its schemas use only the
// documented subset with snake_case property names, and every command (and sub-verb)
// whose synopsis offers JSON has a documented command line.
func TestJSONDocCoversEveryCommand(t *testing.T) {
	doc := readJSONDoc(t)
	for name, def := range doc.defs {
		for _, e := range checkSchema(def, "$defs."+name, doc.defs, true, false) {
			t.Error("json.md: " + e)
		}
	}
	covered := map[string]bool{}
	for _, e := range doc.entries {
		title, _ := e.schema["title"].(string)
		for _, err := range checkSchema(e.schema, fmt.Sprintf("json.md:%d %s", e.line, title), doc.defs, false, false) {
			t.Error(err)
		}
		for _, args := range e.commands {
			m, ok := modeOf(args)
			if !ok {
				t.Errorf("json.md:%d: relance %s: no such command", e.line, strings.Join(args, " "))
			}
			covered[m] = true
		}
	}
	modes := jsonModes()
	if len(modes) < 30 {
		t.Fatalf("only %d JSON commands found in the command table: %v", len(modes), modes)
	}
	for _, m := range modes {
		if !covered[m] {
			t.Errorf("relance %s writes JSON but docs/json.md has no section for it", m)
		}
	}
}

// jsonDocArgs is a documented command line with the demo dossier and the test files;
// a PDF it writes goes to dir.
func jsonDocArgs(args []string, db, dir string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		switch {
		case a == "dossier.db":
			a = db
		case jsonDocFiles[a] != "":
			a = jsonDocFiles[a]
		case strings.HasSuffix(a, ".pdf"):
			a = filepath.Join(dir, a)
		}
		out[i] = a
	}
	return out
}

// TestJSONDocMatchesOutput runs every command line of docs/json.md on the demo
// dossier at 4 December 2026 and checks its output against the schema that follows
// it: every key documented (additionalProperties false), every required key there,
// each value of its type, format and enumeration.
func TestJSONDocMatchesOutput(t *testing.T) {
	doc := readJSONDoc(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "dossier.db")
	runAt := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errb, Lang: "fr", Today: jsonDocToday}
		return env.run(args), out.String(), errb.String()
	}
	if code, _, stderr := runAt("demo", "--out", db, "--today", jsonDocToday.String()); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	// A decision with a payment on it, so that the judgment commands have one to show.
	for _, args := range [][]string{
		{"judgment", "add", "--db", db, "--customer", "C00006", "--kind", "jugement", "--date", "2026-10-01",
			"--enforceable", "2026-10-01", "--principal", "1000", "--rate", "9.5", "--art700", "500", "--by", "Test"},
		{"judgment", "pay", "--db", db, "--id", "JG2026-0001", "--date", "2026-11-15", "--amount", "200", "--ref", "VIR-1"},
		{"trainee", "add", "--db", db, "--name", "Léa Martin", "--group", "Lyon"}, // T0001, for quiz score
	} {
		if code, _, stderr := runAt(args...); code != 0 {
			t.Fatalf("%v: %d %s", args[:2], code, stderr)
		}
	}
	v := &validator{defs: doc.defs}
	for _, e := range doc.entries {
		for _, args := range e.commands {
			name := "relance " + strings.Join(args, " ")
			code, out, stderr := runAt(jsonDocArgs(args, db, dir)...)
			if code != 0 && code != 1 {
				t.Errorf("%s: exit %d\n%s", name, code, stderr)
				continue
			}
			dec := json.NewDecoder(strings.NewReader(out))
			var value any
			if err := dec.Decode(&value); err != nil {
				t.Errorf("%s: exit %d, no JSON: %v\n%.300s\n%s", name, code, err, out, stderr)
				continue
			}
			if dec.More() {
				t.Errorf("%s: more than one JSON document", name)
			}
			v.errs = nil
			v.validate(e.schema, value, "$")
			for i, err := range v.errs {
				if i == 20 {
					t.Errorf("%s: … %d more", name, len(v.errs)-i)
					break
				}
				t.Errorf("%s (json.md:%d): %s", name, e.line, err)
			}
		}
	}
	// What the demo dossier does not show: documented from the code, not checked here.
	var unmet []string
	for _, e := range doc.entries {
		title, _ := e.schema["title"].(string)
		unmet = append(unmet, v.unmet(e.schema, title)...)
	}
	names := make([]string, 0, len(doc.defs))
	for name := range doc.defs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		unmet = append(unmet, v.unmet(doc.defs[name], "$defs."+name)...)
	}
	t.Logf("%d documented keys the demo dossier's outputs do not show:\n%s", len(unmet), strings.Join(unmet, "\n"))
}
