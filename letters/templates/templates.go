// Package templates holds Relance's letter templates: one per stage of the reminder
// ladder and language, shipped with the application (assets/templates) and editable
// in the dossier. A template is text with merge fields ({client.nom}), a
// singular/plural choice ({n:…|…}) and conditional paragraphs ([si:pro]); see merge.go.
// It cannot run code. The letters/compose package fills it for a customer.
package templates

import (
	"bufio"
	"strconv"
	"strings"

	shipped "relance/assets/templates"
	"relance/ledger"
)

// Stage is a step of the reminder procedure; the codes are shared with the agenda
// (ledger/dunning) and the letter checker.
type Stage string

// Stages.
const (
	Pre       Stage = "pre"       // courtesy pre-reminder before the due date
	R1        Stage = "r1"        // first reminder
	R2        Stage = "r2"        // second reminder
	R3        Stage = "r3"        // last amicable reminder
	MED       Stage = "med"       // formal notice (mise en demeure), registered with AR
	Conf      Stage = "conf"      // confirmation of a phone promise
	Plan      Stage = "plan"      // payment-plan agreement with acknowledgement of debt (C. civ. 2240)
	Dispute   Stage = "dispute"   // dispute acknowledgement
	Block     Stage = "block"     // delivery-block notice
	Statement Stage = "statement" // statement cover letter
)

// Stages returns every stage, in ladder order.
func Stages() []Stage {
	return []Stage{Pre, R1, R2, R3, MED, Conf, Plan, Dispute, Block, Statement}
}

// ParseStage parses a stage code; an unknown one is a *ledger.Problem naming it.
func ParseStage(s string) (Stage, error) {
	for _, st := range Stages() {
		if string(st) == s {
			return st, nil
		}
	}
	return "", &ledger.Problem{Key: "letters.err.stage", Args: []string{"value", s}}
}

// Languages are the languages templates are written in.
var Languages = []string{"fr", "en"}

// Channel is how a letter is sent.
type Channel string

// Channels.
const (
	Letter Channel = "letter" // ordinary post
	LRAR   Channel = "lrar"   // registered letter with acknowledgement of receipt
	Email  Channel = "email"  // e-mail with the PDF attached
)

// Deadline says how a letter's payment date ({date.limite}) is set.
type Deadline struct {
	Days int    // letter date + Days, when Rule is ""
	Rule string // "due" (earliest due date), "promise" (the promised date), "none"
}

// String returns the header form: "8", "due", "promise" or "none".
func (d Deadline) String() string {
	if d.Rule != "" {
		return d.Rule
	}
	return strconv.Itoa(d.Days)
}

// Template is one letter template.
type Template struct {
	Stage      Stage    `json:"stage"`
	Lang       string   `json:"lang"`
	Name       string   `json:"name"`
	Channel    Channel  `json:"channel"`
	Deadline   Deadline `json:"deadline"`
	Annex      bool     `json:"annex"` // append the penalty décompte (when there is one)
	Subject    string   `json:"subject"`
	Salutation string   `json:"salutation"`
	Body       string   `json:"body"`
	Closing    string   `json:"closing"`
	// Edited is set on templates read from the dossier (changed by a user).
	Edited bool        `json:"edited,omitempty"`
	By     string      `json:"by,omitempty"`
	Date   ledger.Date `json:"date,omitempty"`
}

// Key is the template's key in the dossier: "r1.fr".
func (t *Template) Key() string { return Key(t.Stage, t.Lang) }

// Key returns the key of a stage's template in lang.
func Key(s Stage, lang string) string { return string(s) + "." + lang }

// Shipped returns the template Relance ships for stage in lang.
func Shipped(s Stage, lang string) (*Template, error) {
	if _, err := ParseStage(string(s)); err != nil {
		return nil, err
	}
	if lang != "fr" && lang != "en" {
		return nil, &ledger.Problem{Key: "letters.err.lang", Args: []string{"value", lang}}
	}
	b, err := shipped.Read(string(s), lang)
	if err != nil {
		return nil, &ledger.Problem{Key: "letters.err.template", Args: []string{"value", Key(s, lang)}, Err: err}
	}
	t, err := Parse(string(b))
	if err != nil {
		return nil, err
	}
	t.Stage, t.Lang = s, lang
	return t, nil
}

// Parse reads a template file: header lines "key: value" (name, channel, deadline,
// annex, subject, salutation, closing), a line "---", then the body.
func Parse(text string) (*Template, error) {
	t := &Template{Channel: Letter, Deadline: Deadline{Days: 8}}
	sc := bufio.NewScanner(strings.NewReader(strings.ReplaceAll(text, "\r\n", "\n")))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var body []string
	inBody := false
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if inBody {
			body = append(body, l)
			continue
		}
		if strings.TrimSpace(l) == "---" {
			inBody = true
			continue
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return nil, &ledger.Problem{Key: "letters.err.header", Args: []string{"line", strconv.Itoa(line), "value", l}}
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "stage":
			st, err := ParseStage(v)
			if err != nil {
				return nil, err
			}
			t.Stage = st
		case "lang":
			t.Lang = v
		case "name":
			t.Name = v
		case "channel":
			t.Channel = Channel(v)
		case "deadline":
			d, err := ParseDeadline(v)
			if err != nil {
				return nil, err
			}
			t.Deadline = d
		case "annex":
			t.Annex = v == "yes"
		case "subject":
			t.Subject = v
		case "salutation":
			t.Salutation = v
		case "closing":
			t.Closing = v
		default:
			return nil, &ledger.Problem{Key: "letters.err.header", Args: []string{"line", strconv.Itoa(line), "value", l}}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ledger.Problem{Key: "letters.err.header", Args: []string{"line", strconv.Itoa(line), "value", err.Error()}}
	}
	t.Body = strings.TrimSpace(strings.Join(body, "\n"))
	return t, nil
}

// ParseDeadline parses "8", "due", "promise" or "none".
func ParseDeadline(v string) (Deadline, error) {
	switch v {
	case "due", "promise", "none":
		return Deadline{Rule: v}, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 90 {
		return Deadline{}, &ledger.Problem{Key: "letters.err.deadline", Args: []string{"value", v}}
	}
	return Deadline{Days: n}, nil
}

// Format writes the template in the file format Parse reads.
func (t *Template) Format() string {
	var b strings.Builder
	w := func(k, v string) { b.WriteString(k + ": " + v + "\n") }
	w("stage", string(t.Stage))
	w("lang", t.Lang)
	w("name", t.Name)
	w("channel", string(t.Channel))
	w("deadline", t.Deadline.String())
	if t.Annex {
		w("annex", "yes")
	} else {
		w("annex", "no")
	}
	w("subject", t.Subject)
	w("salutation", t.Salutation)
	w("closing", t.Closing)
	b.WriteString("---\n")
	b.WriteString(t.Body)
	b.WriteString("\n")
	return b.String()
}

// Validate checks a template before it is saved or used: known stage, language and
// channel, a subject and a body, one-line header fields, and only catalogue fields
// and conditions. The problem lists every unknown mark.
func (t *Template) Validate() error {
	if _, err := ParseStage(string(t.Stage)); err != nil {
		return err
	}
	if t.Lang != "fr" && t.Lang != "en" {
		return &ledger.Problem{Key: "letters.err.lang", Args: []string{"value", t.Lang}}
	}
	if t.Channel != Letter && t.Channel != LRAR && t.Channel != Email {
		return &ledger.Problem{Key: "letters.err.channel", Args: []string{"value", string(t.Channel)}}
	}
	for _, f := range []struct{ name, v string }{{"subject", t.Subject}, {"salutation", t.Salutation}, {"closing", t.Closing}} {
		if strings.TrimSpace(f.v) == "" || strings.Contains(f.v, "\n") {
			return &ledger.Problem{Key: "letters.err.line", Args: []string{"field", f.name, "template", t.Key()}}
		}
	}
	if strings.TrimSpace(t.Body) == "" {
		return &ledger.Problem{Key: "letters.err.line", Args: []string{"field", "body", "template", t.Key()}}
	}
	var errs []ParseError
	for _, s := range []string{t.Subject, t.Salutation, t.Closing} {
		parseText(s, 0, &errs)
	}
	_, bodyErrs := ParseBody(t.Body)
	errs = append(errs, bodyErrs...)
	if len(errs) > 0 {
		var vals []string
		for _, e := range errs {
			vals = append(vals, e.Value)
		}
		return &ledger.Problem{Key: "letters.err.syntax", Args: []string{"template", t.Key(), "value", strings.Join(vals, ", ")}}
	}
	return nil
}
