package checkpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/letters/check"
)

func TestRender(t *testing.T) {
	e, err := check.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, lang string }{{"fr_r1_b2b.txt", "fr"}, {"en_r2_b2b.txt", "en"}} {
		b, err := os.ReadFile(filepath.Join("..", "check", "testdata", "letters", c.file))
		if err != nil {
			t.Fatal(err)
		}
		res := e.Check(string(b), check.Options{Lang: c.lang, Stage: check.Stage(strings.Split(c.file, "_")[1])})
		score := check.Score(res, []check.Mark{{Start: res.Findings[0].Start, End: res.Findings[0].End}})
		var buf bytes.Buffer
		if err := Render(&buf, Report{Lang: c.lang, Result: res, Original: string(b), Score: &score, Created: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
			t.Fatal("not a PDF")
		}
		out := filepath.Join(t.TempDir(), "r.pdf")
		if dir := os.Getenv("CHECKPDF_OUT"); dir != "" {
			out = filepath.Join(dir, strings.TrimSuffix(c.file, ".txt")+".pdf")
		}
		if err := os.WriteFile(out, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		txt, err := exec.Command("pdftotext", "-layout", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{res.Findings[0].Rule, "/20"} {
			if !strings.Contains(string(txt), want) {
				t.Errorf("%s: %q not in the PDF text", c.file, want)
			}
		}
	}
	if err := Render(&bytes.Buffer{}, Report{Lang: "fr", Created: time.Now()}); err == nil {
		t.Error("no result: want an error")
	}
}
