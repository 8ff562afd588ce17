// Package grammar checks French grammar through Grammalecte (GPL-3, Python), an optional
// program run as a separate local process: grammalecte-server, started lazily as a child
// process bound to 127.0.0.1 on a free port, kept warm between letters and stopped by Close.
// Nothing else is contacted: no network call leaves the machine. Relance does not ship
// Grammalecte: on Debian/Ubuntu it comes from the packages grammalecte-cli,
// python3-grammalecte and python3-bottle; on Windows from Grammalecte's zip for Python,
// unpacked in a folder named Grammalecte, run by Python 3 (locate.go says where it is looked
// for). Without it, Check returns an error matching ErrUnavailable, which the UI shows as
// "grammar checking is off" with what to install, in plain words (the technical detail is
// in the error's Error, for logs).
//
// Findings carry rune offsets into the whole text. Typographic findings (apostrophes,
// non-breaking spaces, number formats…) are dropped unless Options.Typography is set: the
// domain rules of letters/check cover them in the letter's own terms.
package grammar

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"relance/ledger"
)

// Finding is one problem reported by Grammalecte.
type Finding struct {
	Start, End  int    // rune offsets in the checked text, End exclusive
	Rule        string // Grammalecte's rule id (sRuleId), e.g. "g3__gn_leur_1m__b2_a1_1"
	Type        string // its option group (sType): gn, ppas, conj, conf, infi, date…
	Message     string // in French, as Grammalecte words it
	Suggestions []string
}

// Sentinel problems, for errors.Is; the errors returned carry the reason.
var (
	// ErrUnavailable: Grammalecte is not installed, or its server did not start or answer.
	ErrUnavailable = &ledger.Problem{Key: "grammar.unavailable"}
	// ErrLang: a language other than French (Grammalecte only checks French).
	ErrLang = &ledger.Problem{Key: "grammar.lang"}
)

// Options configure a Checker. The zero value is the default.
type Options struct {
	// Server is the grammalecte-server program (or grammalecte-server.py, or its folder);
	// when empty, RELANCE_GRAMMALECTE, else the platform's usual places (locate.go).
	Server string
	// Typography keeps the typographic findings (types apos, nbsp, unit, num, typo, esp,
	// maj, tab, eepi and the num_/nbsp_/… rules that ignore their switch).
	Typography bool
	// StartTimeout bounds the start of the server and its first (cold) request: 60 s when 0.
	StartTimeout time.Duration
	// RequestTimeout bounds one warm check: 20 s when 0.
	RequestTimeout time.Duration
}

// typographyOff are the Grammalecte options switched off unless Options.Typography.
func typographyOff() map[string]bool {
	return map[string]bool{"apos": false, "nbsp": false, "unit": false, "num": false, "typo": false,
		"esp": false, "maj": false, "minis": false, "tab": false, "eepi": false}
}

// typographic reports a finding of the typographic kind. Some rules fire although their
// option is off (num_grand_nombre_*, of type "notype": letter-rules §2.1), so the rule id
// is checked as well as the type.
func typographic(rule, typ string) bool {
	if _, ok := typographyOff()[typ]; ok {
		return true
	}
	for _, p := range []string{"num_", "nbsp_", "apostrophe_", "unit_", "esp_", "typo_", "tab_", "maj_", "eepi_"} {
		if strings.HasPrefix(rule, p) {
			return true
		}
	}
	return false
}

// Check returns Grammalecte's findings on text (lang "fr"), sorted by position. It starts the
// server at the first call (a second or two), then reuses it.
func (c *Checker) Check(lang, text string) ([]Finding, error) {
	return c.CheckContext(context.Background(), lang, text)
}

// CheckContext is Check with a context that can cancel the request.
func (c *Checker) CheckContext(ctx context.Context, lang, text string) ([]Finding, error) {
	if l := strings.ToLower(lang); l != "fr" && !strings.HasPrefix(l, "fr_") && !strings.HasPrefix(l, "fr-") {
		return nil, &ledger.Problem{Key: ErrLang.Key, Args: []string{"value", lang}}
	}
	// Each invalid byte becomes one U+FFFD, as Go counts runes: the offsets stay aligned.
	text = string([]rune(text))
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	form := url.Values{"text": {text}}
	if !c.opts.Typography {
		b, _ := json.Marshal(typographyOff())
		form.Set("options", string(b))
	}
	body, err := c.post(ctx, "/gc_text/fr", form)
	if err != nil {
		return nil, err
	}
	return c.findings(text, body)
}

// response is what /gc_text/fr answers.
type response struct {
	Error string `json:"error"`
	Data  []struct {
		Paragraph int `json:"iParagraph"` // 1-based, in the text split at line ends
		Grammar   []struct {
			Start       int      `json:"nStart"` // code points in the paragraph
			End         int      `json:"nEnd"`
			Rule        string   `json:"sRuleId"`
			Type        string   `json:"sType"`
			Message     string   `json:"sMessage"`
			Suggestions []string `json:"aSuggestions"`
		} `json:"lGrammarErrors"`
	} `json:"data"`
}

// findings maps the answer to whole-text rune offsets. Spelling errors (lSpellingErrors) are
// ignored: letters/spell checks spelling with the collection vocabulary.
func (c *Checker) findings(text string, body []byte) ([]Finding, error) {
	var r response
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, unavailable("lang23.grammar.noanswer", fmt.Errorf("unreadable answer: %w", err))
	}
	if r.Error != "" && r.Data == nil {
		return nil, unavailable("lang23.grammar.noanswer", fmt.Errorf("grammalecte-server: %s", r.Error))
	}
	starts, lengths := paragraphs(text)
	var out []Finding
	for _, p := range r.Data {
		i := p.Paragraph - 1
		if i < 0 || i >= len(starts) {
			continue
		}
		for _, g := range p.Grammar {
			if g.Start < 0 || g.End < g.Start || g.End > lengths[i] {
				continue
			}
			if !c.opts.Typography && typographic(g.Rule, g.Type) {
				continue
			}
			out = append(out, Finding{
				Start: starts[i] + g.Start, End: starts[i] + g.End,
				Rule: g.Rule, Type: g.Type, Message: g.Message, Suggestions: g.Suggestions,
			})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out, nil
}

// paragraphs returns the rune offset and length of each paragraph as Grammalecte splits the
// text (grammalecte/text.py getParagraph: "\r\n" and "\r" become "\n", then one paragraph per
// line).
func paragraphs(text string) (starts, lengths []int) {
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\n' && rs[i] != '\r' {
			continue
		}
		starts, lengths = append(starts, start), append(lengths, i-start)
		if rs[i] == '\r' && i+1 < len(rs) && rs[i+1] == '\n' {
			i++
		}
		start = i + 1
	}
	return append(starts, start), append(lengths, len(rs)-start)
}

// post sends a form to the server, starting it (or restarting it once if it died).
func (c *Checker) post(ctx context.Context, path string, form url.Values) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		srv, err := c.ensure()
		if err != nil {
			return nil, err
		}
		timeout := c.opts.RequestTimeout
		if !srv.warm.Load() {
			timeout = c.opts.StartTimeout
		}
		body, err := srv.post(ctx, path, form, timeout)
		if err == nil {
			srv.warm.Store(true)
			return body, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("grammar: %w", ctx.Err())
		}
		// A connection refused or reset may come just before the process is reaped: give
		// its exit a moment to be seen before calling the server alive but failing.
		if !srv.exitedWithin(time.Second) || attempt > 0 {
			return nil, unavailable("lang23.grammar.noanswer", err)
		}
		c.stop(srv) // it died (killed, crashed): start a new one once
	}
}

// statusError is a non-200 answer.
type statusError struct{ code int }

func (e statusError) Error() string { return "HTTP " + http.StatusText(e.code) }
