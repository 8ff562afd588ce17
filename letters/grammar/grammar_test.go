package grammar

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"relance/ledger"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text            string
		starts, lengths []int
	}{
		{"", []int{0}, []int{0}},
		{"abc", []int{0}, []int{3}},
		{"é\nàb", []int{0, 2}, []int{1, 2}},
		{"a\r\nbc\rd\n", []int{0, 3, 6, 8}, []int{1, 2, 1, 0}},
		{"\n\n", []int{0, 1, 2}, []int{0, 0, 0}},
	}
	for _, tt := range tests {
		s, l := paragraphs(tt.text)
		if !slices.Equal(s, tt.starts) || !slices.Equal(l, tt.lengths) {
			t.Errorf("paragraphs(%q) = %v %v, want %v %v", tt.text, s, l, tt.starts, tt.lengths)
		}
	}
}

// An answer as grammalecte-server 2.1.2 gives it (abridged), for a text of three paragraphs.
const canned = `{ "program": "grammalecte-fr", "version": "2.1.2", "lang": "fr", "error": "", "data" : [
{"iParagraph": 1, "lGrammarErrors": [
  {"nStart": 5, "nEnd": 10, "sRuleId": "num_grand_nombre_avec_points", "sType": "notype", "sMessage": "Grands nombres", "aSuggestions": ["1 250"]},
  {"nStart": 0, "nEnd": 2, "sRuleId": "apostrophe_typographique", "sType": "apos", "sMessage": "Apostrophe", "aSuggestions": ["d’"]}],
 "lSpellingErrors": [{"i": 3, "sType": "WORD", "sValue": "rappellons", "nStart": 10, "nEnd": 20}]},
{"iParagraph": 3, "lGrammarErrors": [
  {"nStart": 20, "nEnd": 26, "sRuleId": "gv1__ppas_nous_verbe_état__b1_a1_1", "sType": "ppas", "sMessage": "Accord avec le sujet", "aSuggestions": ["obligés"]},
  {"nStart": 3, "nEnd": 7, "sRuleId": "g3__gn_leur_1m__b2_a1_1", "sType": "gn", "sMessage": "Accord de nombre", "aSuggestions": ["leurs"]},
  {"nStart": 3, "nEnd": 99, "sRuleId": "out_of_range", "sType": "gn", "sMessage": "x", "aSuggestions": []}],
 "lSpellingErrors": []},
{"iParagraph": 9, "lGrammarErrors": [{"nStart": 0, "nEnd": 1, "sRuleId": "r", "sType": "gn", "sMessage": "no such paragraph", "aSuggestions": []}]}
]}`

func TestFindings(t *testing.T) {
	// Paragraph 3 starts after "d'un 1.250 €\r\n" (14 runes) and "\n" (1): rune 15.
	text := "d'un 1.250 €\r\n\nEt leur engagé, nous obligé."
	for _, typo := range []bool{false, true} {
		c := New(Options{Typography: typo})
		got, err := c.findings(text, []byte(canned))
		if err != nil {
			t.Fatal(err)
		}
		var rules []string
		for _, f := range got {
			rules = append(rules, f.Rule)
			if f.Start < 0 || f.End > len([]rune(text)) || f.Start > f.End {
				t.Errorf("finding %s: offsets %d–%d out of the text", f.Rule, f.Start, f.End)
			}
		}
		want := []string{"g3__gn_leur_1m__b2_a1_1", "gv1__ppas_nous_verbe_état__b1_a1_1"}
		if typo {
			want = append([]string{"apostrophe_typographique", "num_grand_nombre_avec_points"}, want...)
		}
		if !slices.Equal(rules, want) {
			t.Errorf("Typography %v: rules %v, want %v", typo, rules, want)
		}
		leur := got[len(got)-2]
		if s := string([]rune(text)[leur.Start:leur.End]); s != "leur" || leur.Suggestions[0] != "leurs" || leur.Type != "gn" {
			t.Errorf("gn finding covers %q: %+v", s, leur)
		}
	}
	c := New(Options{})
	for _, bad := range []string{`not json`, `{"error": "Executor broken. The server failed."}`} {
		if _, err := c.findings(text, []byte(bad)); !errors.Is(err, ErrUnavailable) {
			t.Errorf("answer %q: error %v", bad, err)
		}
	}
}

func TestWithoutServer(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "grammalecte-server")
	c := New(Options{Server: missing})
	defer c.Close()
	if err := Available(Options{Server: missing}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Available: %v", err)
	}
	_, err := c.Check("fr", "Il sont partis.")
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Check without a server: %v", err)
	}
	msg := ledger.Localize(err, "fr")
	if !strings.Contains(msg, "désactivée") || !strings.Contains(msg, "grammalecte-cli") {
		t.Errorf("message: %s", msg)
	}
	if _, err := c.Check("en", "It are late."); !errors.Is(err, ErrLang) {
		t.Errorf("English: %v", err)
	}
	if f, err := c.Check("fr", "  \n "); f != nil || err != nil {
		t.Errorf("blank text: %v %v", f, err)
	}
	// A program that is not grammalecte-server (it exits at once) gives its output as reason.
	fake := filepath.Join(t.TempDir(), "fake-server")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho 'ModuleNotFoundError: bottle' >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	c2 := New(Options{Server: fake, StartTimeout: 5 * time.Second})
	defer c2.Close()
	_, err = c2.Check("fr", "Il sont partis.")
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "ModuleNotFoundError") {
		t.Errorf("failing server: %v", err)
	}
	// The user reads what happened and what to do; the program's output and path are for logs.
	for _, lang := range []string{"fr", "en"} {
		msg := ledger.Localize(err, lang)
		if strings.Contains(msg, "ModuleNotFoundError") || strings.Contains(msg, fake) || !strings.Contains(msg, "python3-bottle") {
			t.Errorf("failing server, message in %s: %s", lang, msg)
		}
	}
}

// installed returns a started Checker, or skips when Grammalecte is not installed.
func installed(t *testing.T, opts Options) *Checker {
	t.Helper()
	if err := Available(opts); err != nil {
		t.Skipf("Grammalecte is not installed (apt-get install grammalecte-cli python3-grammalecte python3-bottle): %v", err)
	}
	c := New(opts)
	t.Cleanup(func() { c.Close() })
	return c
}

func letter(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join("testdata", "lettre-fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGrammalecte(t *testing.T) {
	c := installed(t, Options{})
	text := letter(t)
	start := time.Now()
	got, err := c.Check("fr", text)
	if err != nil {
		t.Fatal(err)
	}
	first := time.Since(start)
	want := map[string]string{"gn": "leur", "ppas": "obligé", "date": "31 février", "conj": "reste"}
	for _, crlf := range []bool{false, true} {
		in := text
		if crlf {
			in = strings.ReplaceAll(text, "\n", "\r\n")
			if got, err = c.Check("fr", in); err != nil {
				t.Fatal(err)
			}
		}
		rs := []rune(in)
		seen := map[string]bool{}
		for _, f := range got {
			if typographic(f.Rule, f.Type) {
				t.Errorf("typographic finding kept: %+v", f)
			}
			span := string(rs[f.Start:f.End])
			if w, ok := want[f.Type]; ok && strings.Contains(span, w) {
				seen[f.Type] = true
			}
			t.Logf("crlf=%v %d–%d %q %s %s %q", crlf, f.Start, f.End, span, f.Type, f.Rule, f.Suggestions)
		}
		for typ, w := range want {
			if !seen[typ] {
				t.Errorf("crlf=%v: no %s finding on %q", crlf, typ, w)
			}
		}
	}
	const n = 5
	start = time.Now()
	for range n {
		if _, err := c.Check("fr", text); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("one-page letter (%d words): first check %v (server start included), warm %v",
		len(strings.Fields(text)), first.Round(time.Millisecond), (time.Since(start) / n).Round(time.Millisecond))

	typo := installed(t, Options{Typography: true})
	all, err := typo.Check("fr", text)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(all, func(f Finding) bool { return f.Type == "nbsp" || f.Type == "apos" }) {
		t.Error("Typography: no typographic finding")
	}
}

// groupPIDs lists the processes of a process group (Linux /proc).
func groupPIDs(t *testing.T, pgid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Skip("no /proc")
	}
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp …: comm may hold spaces, so split after the last ')'.
		f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
		if len(f) > 2 && f[2] == strconv.Itoa(pgid) && f[0] != "Z" {
			out = append(out, pid)
		}
	}
	return out
}

func waitGone(t *testing.T, pgid int) {
	t.Helper()
	for range 50 {
		if len(groupPIDs(t, pgid)) == 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Errorf("processes left in group %d: %v", pgid, groupPIDs(t, pgid))
}

func TestLifecycle(t *testing.T) {
	c := installed(t, Options{})
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	pid := c.srv.cmd.Process.Pid
	if n := len(groupPIDs(t, pid)); n < 2 {
		t.Fatalf("expected the server and its worker in group %d, found %d processes", pid, n)
	}
	// Concurrent checks share the warm server.
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if f, err := c.Check("fr", "Nous serons obligé de relancer."); err != nil || len(f) == 0 {
				t.Errorf("concurrent check: %v %v", f, err)
			}
		}()
	}
	wg.Wait()
	// Close stops the server and its worker.
	c.Close()
	waitGone(t, pid)
	// The next check starts a new server.
	if f, err := c.Check("fr", "Nous serons obligé de relancer."); err != nil || len(f) == 0 {
		t.Fatalf("check after Close: %v %v", f, err)
	}
	// If Relance dies without closing (the pipe to the launcher closes), the group goes too.
	srv := c.srv
	pid = srv.cmd.Process.Pid
	srv.stdin.Close()
	waitGone(t, pid)
	// A dead server is replaced at the next check.
	if f, err := c.Check("fr", "Nous serons obligé de relancer."); err != nil || len(f) == 0 {
		t.Fatalf("check after the server died: %v %v", f, err)
	}
	if c.srv == srv {
		t.Error("the dead server was not replaced")
	}
}

// TestParentCrash kills (SIGKILL) a process that started a server, without Close: the
// server and its worker must go too. The test binary runs itself as that process.
func TestParentCrash(t *testing.T) {
	if os.Getenv("RELANCE_GRAMMAR_CHILD") == "1" {
		c := New(Options{})
		if err := c.Start(context.Background()); err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("pid " + strconv.Itoa(c.srv.cmd.Process.Pid) + "\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	installed(t, Options{})
	cmd := exec.Command(os.Args[0], "-test.run=^TestParentCrash$")
	cmd.Env = append(os.Environ(), "RELANCE_GRAMMAR_CHILD=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	pid, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "pid ")))
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child: %q", line)
	}
	if len(groupPIDs(t, pid)) == 0 {
		t.Fatal("no server running")
	}
	cmd.Process.Kill()
	cmd.Wait()
	waitGone(t, pid)
}

func BenchmarkCheckWarm(b *testing.B) {
	if err := Available(Options{}); err != nil {
		b.Skip("Grammalecte is not installed")
	}
	text, err := os.ReadFile(filepath.Join("testdata", "lettre-fr.txt"))
	if err != nil {
		b.Fatal(err)
	}
	c := New(Options{})
	defer c.Close()
	if err := c.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := c.Check("fr", string(text)); err != nil {
			b.Fatal(err)
		}
	}
}
