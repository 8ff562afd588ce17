// Package report collects the findings of an import (errors, alerts, notes) with the
// file, line, field and value they concern. It never stops at the first problem: it
// counts every occurrence and keeps a capped number of examples per kind, so that a
// file with a million bad lines still gives a short, readable report.
package report

import (
	"sort"
	"strconv"
	"sync"

	"relance/assets/i18n"
	"relance/ledger"
)

// Severity ranks a finding.
type Severity uint8

// Severities, from the mildest. A Fatal finding aborts the import: nothing is written.
const (
	Info Severity = iota
	Warning
	Error
	Fatal
)

var sevNames = [...]string{"info", "warning", "error", "fatal"}

// String returns "info", "warning", "error" or "fatal".
func (s Severity) String() string {
	if int(s) < len(sevNames) {
		return sevNames[s]
	}
	return "error"
}

// Label returns the severity in lang ("fr" or "en").
func (s Severity) Label(lang string) string { return i18n.T(lang, "import.sev."+s.String()) }

// Issue is one finding. Key is an i18n key ("import.issue.…"); its text may use
// {file}, {line}, {field}, {value} and the extra Args.
type Issue struct {
	Severity Severity `json:"severity"`
	Key      string   `json:"key"`
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"` // 1-based line (or row) in File; 0 for the whole file
	Field    string   `json:"field,omitempty"`
	Value    string   `json:"value,omitempty"`
	Args     []string `json:"args,omitempty"` // further name/value pairs
}

// Problem returns the issue as a localisable error.
func (i Issue) Problem() *ledger.Problem {
	args := []string{"file", i.File, "line", strconv.Itoa(i.Line), "field", i.Field, "value", i.Value}
	return &ledger.Problem{Key: i.Key, Args: append(args, i.Args...)}
}

// Localize renders the issue in lang, prefixed by its place in the file.
func (i Issue) Localize(lang string) string {
	msg := i.Problem().Localize(lang)
	if i.Line > 0 {
		return i18n.T(lang, "import.at.line", "file", i.File, "line", strconv.Itoa(i.Line)) + " " + msg
	}
	if i.File != "" {
		return i18n.T(lang, "import.at.file", "file", i.File) + " " + msg
	}
	return msg
}

// Count is the number of findings of one kind.
type Count struct {
	Severity Severity `json:"severity"`
	Key      string   `json:"key"`
	N        int      `json:"count"`
}

// DefaultCap is the number of examples kept per kind of finding.
const DefaultCap = 20

// Collector gathers issues. The zero value is ready to use (with DefaultCap); it is
// safe for concurrent use.
type Collector struct {
	// Cap is the number of examples kept per key; 0 means DefaultCap.
	Cap int

	mu     sync.Mutex
	issues []Issue
	counts map[string]*Count
	order  []string
	worst  Severity
	fatal  *Issue
}

// Add records an issue.
func (c *Collector) Add(i Issue) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.counts == nil {
		c.counts = map[string]*Count{}
	}
	k := i.Key
	n := c.counts[k]
	if n == nil {
		n = &Count{Severity: i.Severity, Key: k}
		c.counts[k] = n
		c.order = append(c.order, k)
	}
	if i.Severity > n.Severity {
		n.Severity = i.Severity
	}
	n.N++
	limit := c.Cap
	if limit <= 0 {
		limit = DefaultCap
	}
	if n.N <= limit {
		c.issues = append(c.issues, i)
	}
	if i.Severity > c.worst {
		c.worst = i.Severity
	}
	if i.Severity == Fatal && c.fatal == nil {
		cp := i
		c.fatal = &cp
	}
}

// Addf is a shorthand for Add.
func (c *Collector) Addf(sev Severity, key, file string, line int, field, value string, args ...string) {
	c.Add(Issue{Severity: sev, Key: key, File: file, Line: line, Field: field, Value: value, Args: args})
}

// Issues returns the kept examples, most severe first, then by file and line.
func (c *Collector) Issues() []Issue {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append([]Issue(nil), c.issues...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Severity != out[b].Severity {
			return out[a].Severity > out[b].Severity
		}
		if out[a].File != out[b].File {
			return out[a].File < out[b].File
		}
		return out[a].Line < out[b].Line
	})
	return out
}

// Counts returns the number of findings per key, most severe first, then in the
// order they were first seen.
func (c *Collector) Counts() []Count {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Count, 0, len(c.order))
	for _, k := range c.order {
		out = append(out, *c.counts[k])
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Severity > out[b].Severity })
	return out
}

// Total returns the number of findings of severity sev.
func (c *Collector) Total(sev Severity) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range c.counts {
		if v.Severity == sev {
			n += v.N
		}
	}
	return n
}

// Worst returns the highest severity seen (Info when none).
func (c *Collector) Worst() Severity {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.worst
}

// Fatal returns the first fatal issue as an error, or nil.
func (c *Collector) Fatal() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fatal == nil {
		return nil
	}
	return c.fatal.Error()
}

// Error returns the issue as an error that names its file, line and field, wrapping
// the issue's own problem. The parts that do not apply are left out: no line for a
// finding about the whole file (Line 0), no field when Field is empty
// (keys "err.import.at", "err.import.at_line", "err.import.at_field", "err.import.at_file").
func (i Issue) Error() error {
	args := []string{"file", i.File, "line", strconv.Itoa(i.Line), "field", i.Field, "value", i.Value}
	switch {
	case i.Line > 0 && i.Field != "":
		return &ledger.Problem{Key: "err.import.at", Args: args, Err: i.Problem()}
	case i.Line > 0:
		return &ledger.Problem{Key: "err.import.at_line", Args: args, Err: i.Problem()}
	case i.Field != "":
		return &ledger.Problem{Key: "err.import.at_field", Args: args, Err: i.Problem()}
	}
	return &ledger.Problem{Key: "err.import.at_file", Args: args, Err: i.Problem()}
}
