package custfile

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"relance/assets/i18n"
	"relance/ledger/importer/report"
)

// Result is what an import of a customer file did, or why it was refused: with any
// problem in any row the whole file is refused and nothing is written.
type Result struct {
	File string `json:"file"`
	Rows int    `json:"rows"` // rows read after the header (blank rows aside)
	// Created, Updated and Unchanged count the customers the file creates, changes and
	// leaves as they are (written, or that would be by a dry run).
	Created   int            `json:"created"`
	Updated   int            `json:"updated"`
	Unchanged int            `json:"unchanged"`
	DryRun    bool           `json:"dry_run,omitempty"`
	Refused   bool           `json:"refused"`
	Written   bool           `json:"written"`
	Changes   []Change       `json:"changes,omitempty"`
	Problems  []report.Issue `json:"-"` // every problem, by line
}

// Change is one customer the file creates or changes, with the record's fields that
// change (desk.CustomerFieldNames).
type Change struct {
	ID      string   `json:"id"`
	Line    int      `json:"line"`
	Created bool     `json:"created,omitempty"`
	Fields  []string `json:"fields"`
}

// Problem is a problem of the file as the screens and the command line list it.
type Problem struct {
	Line    int    `json:"line,omitempty"`
	Column  string `json:"column,omitempty"` // the column's header text, letters or number
	Field   string `json:"field,omitempty"`  // the field (Fields), when the problem is a cell's
	Value   string `json:"value,omitempty"`
	Key     string `json:"key"`
	Message string `json:"message"` // in the language asked for
}

// List returns the problems, in lang.
func (r *Result) List(lang string) []Problem {
	out := make([]Problem, 0, len(r.Problems))
	for _, is := range r.Problems {
		p := Problem{Line: is.Line, Column: is.Field, Value: is.Value, Key: is.Key, Message: is.Problem().Localize(lang)}
		for i := 0; i+1 < len(is.Args); i += 2 {
			if is.Args[i] == "name" {
				p.Field = is.Args[i+1]
			}
		}
		out = append(out, p)
	}
	return out
}

// Summary is the result in one sentence, in lang.
func (r *Result) Summary(lang string) string {
	args := []string{"file", r.File, "rows", strconv.Itoa(r.Rows), "created", strconv.Itoa(r.Created),
		"updated", strconv.Itoa(r.Updated), "unchanged", strconv.Itoa(r.Unchanged), "count", strconv.Itoa(len(r.Problems))}
	switch {
	case r.Refused:
		return i18n.T(lang, "custfile.refused", args...)
	case r.DryRun:
		return i18n.T(lang, "custfile.dryrun", args...)
	}
	return i18n.T(lang, "custfile.done", args...)
}

// FieldLabel is the name of field f in lang ("Code postal").
func FieldLabel(lang, f string) string { return i18n.T(lang, "custfile.field."+f) }

// Render writes the result as text in lang: the summary, then one line per problem
// (line, column, value and what is wrong).
func (r *Result) Render(w io.Writer, lang string) error {
	if _, err := fmt.Fprintln(w, r.Summary(lang)); err != nil {
		return err
	}
	for _, p := range r.List(lang) {
		where := i18n.T(lang, "custfile.at.file")
		switch {
		case p.Line > 0 && p.Column != "":
			where = i18n.T(lang, "custfile.at.cell", "line", strconv.Itoa(p.Line), "column", p.Column)
		case p.Line > 0:
			where = i18n.T(lang, "custfile.at.line", "line", strconv.Itoa(p.Line))
		}
		if _, err := fmt.Fprintf(w, "  %s %s\n", where, p.Message); err != nil {
			return err
		}
	}
	return nil
}

// RenderJSON writes the result as JSON, its problems in lang.
func (r *Result) RenderJSON(w io.Writer, lang string) error {
	doc := struct {
		*Result
		Summary  string    `json:"summary"`
		Problems []Problem `json:"problems"`
	}{r, r.Summary(lang), r.List(lang)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
